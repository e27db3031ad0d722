/* NetApiBufferAllocate, NetApiBufferFree, NetApiBufferSize,
 * NetApiBufferReallocate: the process heap. */
#include "netapi_private.h"

NET_API NET_API_STATUS WINAPI NetApiBufferAllocate(DWORD size, LPVOID *out)
{
	if (!out)
		return ERROR_INVALID_PARAMETER;
	*out = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, size ? size : 1);
	return *out ? NERR_Success : ERROR_NOT_ENOUGH_MEMORY;
}

NET_API NET_API_STATUS WINAPI NetApiBufferFree(LPVOID buf)
{
	if (buf)
		HeapFree(GetProcessHeap(), 0, buf);
	return NERR_Success;
}

NET_API NET_API_STATUS WINAPI NetApiBufferSize(LPVOID buf, LPDWORD size)
{
	if (!buf || !size)
		return ERROR_INVALID_PARAMETER;
	*size = (DWORD)HeapSize(GetProcessHeap(), 0, buf);
	return NERR_Success;
}

NET_API NET_API_STATUS WINAPI NetApiBufferReallocate(LPVOID old, DWORD size, LPVOID *out)
{
	if (!out)
		return ERROR_INVALID_PARAMETER;
	if (!old)
		return NetApiBufferAllocate(size, out);
	*out = HeapReAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, old, size ? size : 1);
	return *out ? NERR_Success : ERROR_NOT_ENOUGH_MEMORY;
}

WCHAR *net_put(BYTE **p, const WCHAR *s)
{
	WCHAR *at = (WCHAR *)*p;

	lstrcpyW(at, s);
	*p += (lstrlenW(s) + 1) * sizeof(WCHAR);
	return at;
}

BOOL net_local(LPCWSTR server)
{
	WCHAR me[MAX_COMPUTERNAME_LENGTH + 1];
	DWORD n = ARRAYSIZE(me);

	if (!server || !*server)
		return TRUE;
	while (*server == L'\\')
		server++;
	return GetComputerNameW(me, &n) && !lstrcmpiW(server, me);
}

BOOL net_user(WCHAR *name, DWORD cap)
{
	return GetUserNameW(name, &cap);
}
