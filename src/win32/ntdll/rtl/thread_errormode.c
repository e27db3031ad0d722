/* RtlGetThreadErrorMode and RtlSetThreadErrorMode: the thread's hard
 * error mode lives in its TEB, in the RTL_ERRORMODE_* bits (kernel32's
 * SEM_* flags are translated to these by SetThreadErrorMode). */
#include "rtl_private.h"

#define TEB_HARD_ERROR_MODE 0x16b0 /* TEB.HardErrorMode (x64) */
#define RTL_ERRORMODE_ALL 0x70     /* FAILCRITICALERRORS | NOGPFAULTERRORBOX | NOOPENFILEERRORBOX */

RTLAPI ULONG NTAPI RtlGetThreadErrorMode(void)
{
	return __readgsdword(TEB_HARD_ERROR_MODE);
}

RTLAPI NTSTATUS NTAPI RtlSetThreadErrorMode(ULONG mode, ULONG *old)
{
	if (mode & ~RTL_ERRORMODE_ALL)
		return STATUS_INVALID_PARAMETER_1;
	if (old)
		*old = RtlGetThreadErrorMode();
	__writegsdword(TEB_HARD_ERROR_MODE, mode);
	return STATUS_SUCCESS;
}
