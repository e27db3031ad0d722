/*
 * Sessions: the sandbox has the console session (1, active, every
 * process's) and the services' session 0 (disconnected), as a Windows 10
 * machine with one user signed in.  Session information is that user's
 * and computer's; no session can be logged off, disconnected or
 * notified from inside the sandbox.
 */
#include "wts_private.h"

void *wts_alloc(SIZE_T size)
{
	return HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, size);
}

WTS_API void WINAPI WTSFreeMemory(void *p)
{
	HeapFree(GetProcessHeap(), 0, p);
}

WTS_API BOOL WINAPI WTSFreeMemoryExW(int type, void *p, ULONG count)
{
	if (type < WTS_TYPE_PROCESS_LEVEL0 || type > WTS_TYPE_SESSION_LEVEL1) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	WTSFreeMemory(p);
	return TRUE;
}

WTS_API BOOL WINAPI WTSFreeMemoryExA(int type, void *p, ULONG count)
{
	return WTSFreeMemoryExW(type, p, count);
}

/* The local server is the only one: any name opens it. */
WTS_API HANDLE WINAPI WTSOpenServerW(LPWSTR name)
{
	return WTS_CURRENT_SERVER_HANDLE;
}

WTS_API HANDLE WINAPI WTSOpenServerA(LPSTR name)
{
	return WTS_CURRENT_SERVER_HANDLE;
}

WTS_API void WINAPI WTSCloseServer(HANDLE server)
{
}

static const struct {
	DWORD id;
	const WCHAR *station;
	WTS_CONNECTSTATE_CLASS state;
} sessions[] = {
	{ 0, L"Services", WTSDisconnected },
	{ WTS_CONSOLE_SESSION, L"Console", WTSActive },
};

static BOOL enumerate_sessions(DWORD reserved, DWORD version, BOOL ansi, void **out, DWORD *count)
{
	const SIZE_T n = ARRAYSIZE(sessions), name = 16 * sizeof(WCHAR);
	WTS_SESSION_INFOW *info;
	BYTE *tail;

	if (reserved || version != 1 || !out || !count) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (!(info = wts_alloc(n * (sizeof(*info) + name))))
		return FALSE;
	tail = (BYTE *)(info + n);
	for (SIZE_T i = 0; i < n; i++, tail += name) {
		info[i].SessionId = sessions[i].id;
		info[i].State = sessions[i].state;
		info[i].pWinStationName = (LPWSTR)tail;
		if (ansi)
			WideCharToMultiByte(CP_ACP, 0, sessions[i].station, -1, (char *)tail, (int)name, NULL, NULL);
		else
			lstrcpynW((WCHAR *)tail, sessions[i].station, (int)(name / sizeof(WCHAR)));
	}
	*out = info;
	*count = (DWORD)n;
	return TRUE;
}

WTS_API BOOL WINAPI WTSEnumerateSessionsW(HANDLE server, DWORD reserved, DWORD version,
					  PWTS_SESSION_INFOW *info, DWORD *count)
{
	return enumerate_sessions(reserved, version, FALSE, (void **)info, count);
}

WTS_API BOOL WINAPI WTSEnumerateSessionsA(HANDLE server, DWORD reserved, DWORD version,
					  PWTS_SESSION_INFOA *info, DWORD *count)
{
	return enumerate_sessions(reserved, version, TRUE, (void **)info, count);
}

/* One piece of session information as a block the caller frees; strings
 * are wide here and converted by the A form. */
static BOOL query(DWORD session, WTS_INFO_CLASS what, void **out, DWORD *bytes)
{
	WCHAR text[256] = L"";
	DWORD len = ARRAYSIZE(text), number;
	const void *src = text;
	DWORD size;

	if (session != WTS_CURRENT_SESSION && session != WTS_CONSOLE_SESSION && session != 0) {
		SetLastError(ERROR_FILE_NOT_FOUND);
		return FALSE;
	}
	if (session == WTS_CURRENT_SESSION)
		session = WTS_CONSOLE_SESSION;
	switch (what) {
	case WTSUserName:
		if (session && !GetUserNameW(text, &len))
			return FALSE;
		break;
	case WTSDomainName:
		if (!GetComputerNameW(text, &len))
			return FALSE;
		break;
	case WTSWinStationName:
		lstrcpyW(text, session ? L"Console" : L"Services");
		break;
	case WTSSessionId:
		number = session;
		src = &number;
		size = sizeof(number);
		goto copy;
	case WTSConnectState:
		number = session ? WTSActive : WTSDisconnected;
		src = &number;
		size = sizeof(number);
		goto copy;
	case WTSClientProtocolType: /* 0: the console */
	case WTSClientBuildNumber:
	case WTSClientProductId:
	case WTSClientHardwareId:
		number = 0;
		src = &number;
		size = what == WTSClientProtocolType || what == WTSClientProductId ? sizeof(USHORT)
										: sizeof(DWORD);
		goto copy;
	case WTSInitialProgram:
	case WTSApplicationName:
	case WTSWorkingDirectory:
	case WTSOEMId:
	case WTSClientName:
	case WTSClientDirectory:
		break;
	default:
		SetLastError(ERROR_NOT_SUPPORTED);
		return FALSE;
	}
	size = (DWORD)(lstrlenW(text) + 1) * sizeof(WCHAR);
copy:
	if (!(*out = wts_alloc(size)))
		return FALSE;
	memcpy(*out, src, size);
	*bytes = size;
	return TRUE;
}

static BOOL is_string_class(WTS_INFO_CLASS what)
{
	return what != WTSSessionId && what != WTSConnectState && what != WTSClientProtocolType &&
	       what != WTSClientBuildNumber && what != WTSClientProductId && what != WTSClientHardwareId;
}

WTS_API BOOL WINAPI WTSQuerySessionInformationW(HANDLE server, DWORD session, WTS_INFO_CLASS what,
						LPWSTR *buf, DWORD *bytes)
{
	if (!buf || !bytes) {
		SetLastError(ERROR_INVALID_USER_BUFFER);
		return FALSE;
	}
	return query(session, what, (void **)buf, bytes);
}

WTS_API BOOL WINAPI WTSQuerySessionInformationA(HANDLE server, DWORD session, WTS_INFO_CLASS what,
						LPSTR *buf, DWORD *bytes)
{
	WCHAR *wide;
	DWORD size;
	int n;

	if (!buf || !bytes) {
		SetLastError(ERROR_INVALID_USER_BUFFER);
		return FALSE;
	}
	if (!query(session, what, (void **)&wide, &size))
		return FALSE;
	if (!is_string_class(what)) {
		*buf = (LPSTR)wide;
		*bytes = size;
		return TRUE;
	}
	n = WideCharToMultiByte(CP_ACP, 0, wide, -1, NULL, 0, NULL, NULL);
	if (!(*buf = wts_alloc(n))) {
		WTSFreeMemory(wide);
		return FALSE;
	}
	WideCharToMultiByte(CP_ACP, 0, wide, -1, *buf, n, NULL, NULL);
	*bytes = (DWORD)n;
	WTSFreeMemory(wide);
	return TRUE;
}

/* Only a service with SeTcbPrivilege may have another user's token. */
WTS_API BOOL WINAPI WTSQueryUserToken(ULONG session, PHANDLE token)
{
	SetLastError(token ? ERROR_PRIVILEGE_NOT_HELD : ERROR_INVALID_PARAMETER);
	return FALSE;
}

/* Session change notifications go to a window; none exists here, so
 * registering succeeds and nothing is ever sent. */
WTS_API BOOL WINAPI WTSRegisterSessionNotification(HWND hwnd, DWORD flags)
{
	return TRUE;
}

WTS_API BOOL WINAPI WTSUnRegisterSessionNotification(HWND hwnd)
{
	return TRUE;
}
