/* The DLL search directories (kept by ntdll's loader, loader_dirs.c). */
#include "k32_private.h"

NTSTATUS NTAPI LdrAddDllDirectory(PUNICODE_STRING, PVOID *);
NTSTATUS NTAPI LdrRemoveDllDirectory(PVOID);
NTSTATUS NTAPI LdrSetDefaultDllDirectories(ULONG);
NTSTATUS NTAPI LdrSetDllDirectory(PUNICODE_STRING);
NTSTATUS NTAPI LdrGetDllDirectory(PUNICODE_STRING);

K32API DLL_DIRECTORY_COOKIE WINAPI AddDllDirectory(PCWSTR dir)
{
	UNICODE_STRING s;
	PVOID cookie = NULL;
	NTSTATUS st;

	if (!dir)
		return k32_error(ERROR_INVALID_PARAMETER), NULL;
	RtlInitUnicodeString(&s, dir);
	st = LdrAddDllDirectory(&s, &cookie);
	return st < 0 ? (k32_fail(st), NULL) : cookie;
}

K32API BOOL WINAPI RemoveDllDirectory(DLL_DIRECTORY_COOKIE cookie)
{
	NTSTATUS st = LdrRemoveDllDirectory(cookie);

	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI SetDefaultDllDirectories(DWORD flags)
{
	NTSTATUS st = LdrSetDefaultDllDirectories(flags);

	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI SetDllDirectoryW(LPCWSTR dir)
{
	UNICODE_STRING s;
	NTSTATUS st;

	RtlInitUnicodeString(&s, dir);
	st = LdrSetDllDirectory(dir ? &s : NULL);
	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI SetDllDirectoryA(LPCSTR dir)
{
	WCHAR *w = NULL;
	BOOL ok;

	if (dir && !(w = k32_a_to_w(dir)))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	ok = SetDllDirectoryW(w);
	k32_free(w);
	return ok;
}

/* The directory's length, or with too small a buffer the size it needs
 * (its terminator counted), as LdrGetDllDirectory answers it. */
K32API DWORD WINAPI GetDllDirectoryW(DWORD size, LPWSTR buf)
{
	UNICODE_STRING s = { 0, (USHORT)(size > 0x7fff ? 0xfffe : size * sizeof(WCHAR)), buf };
	NTSTATUS st = LdrGetDllDirectory(&s);

	if (st < 0 && st != STATUS_BUFFER_TOO_SMALL)
		return k32_fail(st);
	return s.Length / sizeof(WCHAR);
}

K32API DWORD WINAPI GetDllDirectoryA(DWORD size, LPSTR buf)
{
	WCHAR w[MAX_PATH + 1];
	DWORD len = GetDllDirectoryW(MAX_PATH + 1, w);

	if (len > MAX_PATH)
		return 0;
	if (len + 1 > size) {
		if (size && buf)
			buf[0] = 0;
		return len + 1;
	}
	k32_w_to_a(w, len, buf);
	return len;
}
