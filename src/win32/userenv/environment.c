/* CreateEnvironmentBlock / DestroyEnvironmentBlock: a copy of this
 * process's environment (the user's, as logon made it; with bInherit
 * FALSE too: the one user's variables are what the process started with)
 * and ExpandEnvironmentStringsForUserA/W over it. */
#include "userenv_private.h"

UE_API BOOL WINAPI CreateEnvironmentBlock(LPVOID *out, HANDLE token, BOOL inherit)
{
	WCHAR *env, *p, *copy;
	SIZE_T n;

	if (!out) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (!(env = GetEnvironmentStringsW()))
		return FALSE;
	for (p = env; *p; p += lstrlenW(p) + 1)
		;
	n = (SIZE_T)(p - env + 1) * sizeof(WCHAR);
	copy = HeapAlloc(GetProcessHeap(), 0, n);
	if (copy)
		memcpy(copy, env, n);
	FreeEnvironmentStringsW(env);
	if (!copy) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return FALSE;
	}
	*out = copy;
	return TRUE;
}

UE_API BOOL WINAPI DestroyEnvironmentBlock(LPVOID env)
{
	if (!env) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	return HeapFree(GetProcessHeap(), 0, env);
}

UE_API BOOL WINAPI ExpandEnvironmentStringsForUserW(HANDLE token, LPCWSTR src, LPWSTR dst, DWORD size)
{
	DWORD n;

	if (!src || !dst) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	n = ExpandEnvironmentStringsW(src, dst, size);
	if (n > size) {
		SetLastError(ERROR_INSUFFICIENT_BUFFER);
		return FALSE;
	}
	return n != 0;
}

UE_API BOOL WINAPI ExpandEnvironmentStringsForUserA(HANDLE token, LPCSTR src, LPSTR dst, DWORD size)
{
	DWORD n;

	if (!src || !dst) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	n = ExpandEnvironmentStringsA(src, dst, size);
	if (n > size) {
		SetLastError(ERROR_INSUFFICIENT_BUFFER);
		return FALSE;
	}
	return n != 0;
}
