/*
 * IsApiSetImplemented (api-ms-win-core-apiquery-l2-1-0): whether an API
 * set is in the schema (its minor version included) and has a host DLL,
 * the question ntdll's ApiSetQueryApiSetPresenceEx answers; a name that
 * is not a set's answers FALSE.
 */
#define _KERNEL32_ /* we define, not import, these */
#include "ntdll/rtl/rtl_nt.h"

#define KBAPI __declspec(dllexport)

NTSTATUS NTAPI ApiSetQueryApiSetPresenceEx(PCUNICODE_STRING, PBOOLEAN, PBOOLEAN);

KBAPI BOOL WINAPI IsApiSetImplemented(PCSTR contract)
{
	WCHAR buf[128];
	UNICODE_STRING name = { 0, sizeof(buf), buf };
	BOOLEAN in_schema = FALSE, present = FALSE;
	size_t i;

	if (!contract)
		return FALSE;
	for (i = 0; contract[i]; i++) {
		if (i == sizeof(buf) / sizeof(buf[0]) || (unsigned char)contract[i] >= 0x80)
			return FALSE; /* no set has such a name */
		buf[i] = (unsigned char)contract[i];
	}
	name.Length = (USHORT)(i * sizeof(WCHAR));
	return NT_SUCCESS(ApiSetQueryApiSetPresenceEx(&name, &in_schema, &present)) && in_schema &&
	       present;
}
