/*
 * CheckNameLegalDOS8Dot3: RtlIsNameLegalDOS8Dot3 behind the Win32
 * parameter rules: a name and somewhere for the answer are required
 * (ERROR_INVALID_PARAMETER); the OEM form goes to oem_name when given.
 */
#include "k32_private.h"

BOOLEAN NTAPI RtlIsNameLegalDOS8Dot3(PUNICODE_STRING name, POEM_STRING oem,
				     PBOOLEAN spaces);

K32API BOOL WINAPI CheckNameLegalDOS8Dot3W(LPCWSTR name, LPSTR oem_name, DWORD oem_size,
					   PBOOL has_spaces, PBOOL legal)
{
	UNICODE_STRING us;
	OEM_STRING oem = { 0, (USHORT)(oem_size > 0xFFFF ? 0xFFFF : oem_size), oem_name };
	BOOLEAN spaces = FALSE;

	if (!name || !legal)
		return k32_error(ERROR_INVALID_PARAMETER);
	RtlInitUnicodeString(&us, name);
	*legal = RtlIsNameLegalDOS8Dot3(&us, oem_name ? &oem : NULL, &spaces);
	if (has_spaces)
		*has_spaces = spaces;
	return TRUE;
}

K32API BOOL WINAPI CheckNameLegalDOS8Dot3A(LPCSTR name, LPSTR oem_name, DWORD oem_size,
					   PBOOL has_spaces, PBOOL legal)
{
	UNICODE_STRING w;
	BOOL r;

	if (!name || !legal)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_ansi_arg(name, &w))
		return FALSE;
	r = CheckNameLegalDOS8Dot3W(w.Buffer, oem_name, oem_size, has_spaces, legal);
	k32_free(w.Buffer);
	return r;
}
