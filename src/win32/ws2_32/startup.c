/* WSAStartup, WSACleanup and the Winsock error: version negotiation as
 * documented (1.0 through 2.2; a request above 2.2 gets 2.2), a count of
 * WSAStartup calls that WSACleanup undoes.  The error is the thread's
 * last error, as on Windows. */
#include "ws_private.h"

static LONG started;

int ws_fail(int error)
{
	SetLastError((DWORD)error);
	return SOCKET_ERROR;
}

void *ws_fail_null(int error)
{
	ws_fail(error);
	return NULL;
}

int ws_not_started(void)
{
	return started > 0 ? 0 : WSANOTINITIALISED;
}

int ws_no_socket(void)
{
	return ws_fail(started > 0 ? WSAENOTSOCK : WSANOTINITIALISED);
}

static void fill(WSADATA *d, WORD version)
{
	memset(d, 0, sizeof(*d));
	d->wVersion = version;
	d->wHighVersion = MAKEWORD(2, 2);
	strcpy(d->szDescription, "WinSock 2.0");
	strcpy(d->szSystemStatus, "Running");
	if (LOBYTE(version) < 2) { /* Winsock 1.1's limits; 2.x ignores them */
		d->iMaxSockets = 32767;
		d->iMaxUdpDg = 65467;
	}
}

WS_API int WSAAPI WSAStartup(WORD requested, LPWSADATA data)
{
	BYTE major = LOBYTE(requested), minor = HIBYTE(requested);
	WORD version = requested;

	if (!data)
		return WSAEFAULT;
	if (major == 0) {
		fill(data, MAKEWORD(2, 2));
		return WSAVERNOTSUPPORTED;
	}
	if (major > 2 || (major == 2 && minor > 2))
		version = MAKEWORD(2, 2);
	else if (major == 1 && minor > 1)
		version = MAKEWORD(1, 1);
	fill(data, version);
	InterlockedIncrement(&started);
	return 0;
}

/* The last WSACleanup closes every socket of the process, as Windows'
 * does (Wine's ws2_32 tests). */
WS_API int WSAAPI WSACleanup(void)
{
	LONG n = started;

	while (n > 0) {
		if (InterlockedCompareExchange(&started, n - 1, n) == n) {
			if (n == 1)
				ws_close_all_sockets();
			return 0;
		}
		n = started;
	}
	return ws_fail(WSANOTINITIALISED);
}

WS_API int WSAAPI WSAGetLastError(void)
{
	return (int)GetLastError();
}

WS_API void WSAAPI WSASetLastError(int error)
{
	SetLastError((DWORD)error);
}
