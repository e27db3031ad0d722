/* IsTextUnicode: ntdll's RtlIsTextUnicode answers a BOOLEAN (only AL is
 * defined on return); callers of this BOOL read all of EAX. */
#include "adv_private.h"

NTSYSAPI BOOLEAN NTAPI RtlIsTextUnicode(const void *buf, INT len, INT *flags);

BOOL WINAPI IsTextUnicode(const void *buf, int len, int *flags)
{
	return RtlIsTextUnicode(buf, len, flags) ? TRUE : FALSE;
}
