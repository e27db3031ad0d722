/*
 * GetBinaryType: what kind of executable a file is, read from its
 * headers: a PE's machine (64-bit or 32-bit Windows), an NE (16-bit
 * Windows), an MZ alone or a .COM (MS-DOS), a .PIF.
 */
#include "k32_private.h"

#define NE_SIGNATURE 0x454E

static BOOL read_at(HANDLE f, LONG offset, void *buf, DWORD n)
{
	DWORD got;

	return SetFilePointer(f, offset, NULL, FILE_BEGIN) != INVALID_SET_FILE_POINTER &&
	       ReadFile(f, buf, n, &got, NULL) && got == n;
}

static BOOL has_extension(LPCWSTR name, LPCWSTR ext)
{
	SIZE_T n = wcslen(name), e = wcslen(ext);

	return n > e && !_wcsicmp(name + n - e, ext);
}

/* The type from the headers; FALSE if the file is not an executable. */
static BOOL type_from_headers(HANDLE f, LPCWSTR name, DWORD *type)
{
	IMAGE_DOS_HEADER dos;
	DWORD sig;
	WORD machine;

	if (!read_at(f, 0, &dos, sizeof(dos)) || dos.e_magic != IMAGE_DOS_SIGNATURE) {
		/* a .COM has no header; a .PIF is data for the DOS box */
		if (has_extension(name, L".pif")) {
			*type = SCS_PIF_BINARY;
			return TRUE;
		}
		if (has_extension(name, L".com")) {
			*type = SCS_DOS_BINARY;
			return TRUE;
		}
		return FALSE;
	}
	*type = SCS_DOS_BINARY;
	if (dos.e_lfanew <= 0 || !read_at(f, dos.e_lfanew, &sig, sizeof(sig)))
		return TRUE;
	if ((WORD)sig == NE_SIGNATURE) {
		*type = SCS_WOW_BINARY;
		return TRUE;
	}
	if (sig != IMAGE_NT_SIGNATURE || !read_at(f, dos.e_lfanew + 4, &machine, sizeof(machine)))
		return TRUE;
	switch (machine) {
	case IMAGE_FILE_MACHINE_AMD64:
	case IMAGE_FILE_MACHINE_ARM64:
	case IMAGE_FILE_MACHINE_IA64:
		*type = SCS_64BIT_BINARY;
		return TRUE;
	case IMAGE_FILE_MACHINE_I386:
	case IMAGE_FILE_MACHINE_ARMNT:
		*type = SCS_32BIT_BINARY;
		return TRUE;
	}
	return FALSE;
}

K32API BOOL WINAPI GetBinaryTypeW(LPCWSTR name, LPDWORD type)
{
	HANDLE f;
	BOOL ok;

	if (!name || !type)
		return k32_error(ERROR_INVALID_PARAMETER);
	f = CreateFileW(name, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
			NULL, OPEN_EXISTING, 0, NULL);
	if (f == INVALID_HANDLE_VALUE)
		return FALSE;
	ok = type_from_headers(f, name, type);
	CloseHandle(f);
	return ok ? TRUE : k32_error(ERROR_BAD_EXE_FORMAT);
}

K32API BOOL WINAPI GetBinaryTypeA(LPCSTR name, LPDWORD type)
{
	UNICODE_STRING w;
	BOOL ok;

	if (!name || !type)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_ansi_arg(name, &w))
		return FALSE;
	ok = GetBinaryTypeW(w.Buffer, type);
	k32_free(w.Buffer);
	return ok;
}
