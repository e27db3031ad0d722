/* select, WSAPoll and __WSAFDIsSet, the WSA events, and the protocol
 * catalogue.  No socket exists here: a select naming one fails with
 * WSAENOTSOCK, and one naming none with WSAEINVAL (Windows' select is not
 * a sleep); WSAPoll marks each entry POLLNVAL and, none being valid,
 * fails with WSAEINVAL, as documented. */
#include "ws_private.h"

static u_int set_count(const fd_set *set)
{
	return set ? set->fd_count : 0;
}

WS_API int WSAAPI select(int nfds, fd_set *r, fd_set *w, fd_set *e, const PTIMEVAL timeout)
{
	int err = ws_not_started();

	if (err)
		return ws_fail(err);
	if (!set_count(r) && !set_count(w) && !set_count(e))
		return ws_fail(WSAEINVAL);
	return ws_fail(WSAENOTSOCK);
}

WS_API int WSAAPI __WSAFDIsSet(SOCKET s, fd_set *set)
{
	for (u_int i = 0; set && i < set->fd_count && i < FD_SETSIZE; i++)
		if (set->fd_array[i] == s)
			return 1;
	return 0;
}

/* Entries with a negative fd are ignored, as documented. */
WS_API int WSAAPI WSAPoll(WSAPOLLFD fds[], ULONG n, INT timeout)
{
	int err = ws_not_started();

	if (err)
		return ws_fail(err);
	if (!fds && n)
		return ws_fail(WSAEFAULT);
	for (ULONG i = 0; i < n; i++)
		fds[i].revents = (SHORT)((INT_PTR)fds[i].fd < 0 ? 0 : POLLNVAL);
	return ws_fail(WSAEINVAL);
}

/* WSA events are manual-reset kernel events. */
WS_API WSAEVENT WSAAPI WSACreateEvent(void)
{
	int err = ws_not_started();
	HANDLE h;

	if (err) {
		ws_fail(err);
		return WSA_INVALID_EVENT;
	}
	if (!(h = CreateEventW(NULL, TRUE, FALSE, NULL)))
		ws_fail(WSA_NOT_ENOUGH_MEMORY);
	return h ? h : WSA_INVALID_EVENT;
}

WS_API WINBOOL WSAAPI WSACloseEvent(WSAEVENT event)
{
	return CloseHandle(event) || (ws_fail(WSA_INVALID_HANDLE), FALSE);
}

WS_API WINBOOL WSAAPI WSASetEvent(WSAEVENT event)
{
	return SetEvent(event) || (ws_fail(WSA_INVALID_HANDLE), FALSE);
}

WS_API WINBOOL WSAAPI WSAResetEvent(WSAEVENT event)
{
	return ResetEvent(event) || (ws_fail(WSA_INVALID_HANDLE), FALSE);
}

WS_API DWORD WSAAPI WSAWaitForMultipleEvents(DWORD n, const WSAEVENT *events, WINBOOL all,
					     DWORD timeout, WINBOOL alertable)
{
	int err = ws_not_started();

	if (err || !n || n > WSA_MAXIMUM_WAIT_EVENTS || !events) {
		ws_fail(err ? err : WSA_INVALID_PARAMETER);
		return WSA_WAIT_FAILED;
	}
	return WaitForMultipleObjectsEx(n, events, all, timeout, alertable);
}

/* No transport protocol is installed in the sandbox: an empty catalogue. */
static int no_protocols(LPDWORD len)
{
	int err = ws_not_started();

	if (err)
		return ws_fail(err);
	if (!len)
		return ws_fail(WSAEFAULT);
	return 0;
}

WS_API int WSAAPI WSAEnumProtocolsA(LPINT protocols, LPWSAPROTOCOL_INFOA buf, LPDWORD len)
{
	return no_protocols(len);
}

WS_API int WSAAPI WSAEnumProtocolsW(LPINT protocols, LPWSAPROTOCOL_INFOW buf, LPDWORD len)
{
	return no_protocols(len);
}
