/*
 * RtlHashUnicodeString: the documented x65599 hash (HASH_STRING_ALGORITHM_
 * DEFAULT is the same one): h = h * 65599 + c for each UTF-16 unit, upper-
 * cased first when the hash ignores case.
 */
#include "rtl_private.h"

#define HASH_ALGORITHM_DEFAULT 0
#define HASH_ALGORITHM_X65599 1

RTLAPI NTSTATUS NTAPI RtlHashUnicodeString(PCUNICODE_STRING s, BOOLEAN case_insensitive,
					    ULONG algorithm, PULONG hash)
{
	ULONG h = 0;

	if (!s || !hash || (algorithm != HASH_ALGORITHM_DEFAULT && algorithm != HASH_ALGORITHM_X65599))
		return STATUS_INVALID_PARAMETER;
	for (USHORT i = 0; i < s->Length / sizeof(WCHAR); i++)
		h = h * 65599 + (case_insensitive ? rtl_upcase(s->Buffer[i]) : s->Buffer[i]);
	*hash = h;
	return STATUS_SUCCESS;
}
