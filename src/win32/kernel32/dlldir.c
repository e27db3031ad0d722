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

/* The length copied without its NUL, or the size needed with it. */
K32API DWORD WINAPI GetDllDirectoryW(DWORD size, LPWSTR buf)
{
	UNICODE_STRING s = { 0, (USHORT)(size > 0x7fff ? 0xfffe : size * sizeof(WCHAR)), buf };
	NTSTATUS st = LdrGetDllDirectory(&s);

	if (st == STATUS_BUFFER_TOO_SMALL)
		return s.Length / sizeof(WCHAR) + 1;
	if (st < 0)
		return k32_fail(st);
	return s.Length / sizeof(WCHAR);
}

K32API DWORD WINAPI GetDllDirectoryA(DWORD size, LPSTR buf)
{
	WCHAR w[MAX_PATH + 1];
	DWORD ret = GetDllDirectoryW(MAX_PATH + 1, w);

	return k32_copy_w_result_to_a(ret, w, buf, size);
}
