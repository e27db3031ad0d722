/*
 * WSAEventSelect and WSAEnumNetworkEvents: the supervisor records a
 * socket's network events and sets the event (src/emul/net/socket_select.c
 * has the recording and re-enabling rules); here they are asked for and
 * read back.  WSAAsyncSelect needs windows, which the sandbox has none
 * of: it is not served.
 */
#include "ws_private.h"
#include <lsw/ntstatus.h>
#include <lsw/socket_ioctl.h>

WS_API int WSAAPI WSAEventSelect(SOCKET s, WSAEVENT event, __LONG32 events)
{
	struct lsw_sock_event_select rq = { (uint64_t)(ULONG_PTR)event, events, 0 };
	int err = ws_not_started();
	LONG st;

	if (err)
		return ws_fail(err);
	st = ws_ioctl(s, IOCTL_LSW_SOCKET_EVENT_SELECT, &rq, sizeof(rq), NULL, 0, NULL);
	/* an event handle that is none: WSAEINVAL, as Windows says */
	if (st == (LONG)LSW_STATUS_OBJECT_TYPE_MISMATCH && events)
		return ws_fail(WSAEINVAL);
	return st < 0 ? ws_fail_status(st) : 0;
}

WS_API int WSAAPI WSAEnumNetworkEvents(SOCKET s, WSAEVENT event, LPWSANETWORKEVENTS events)
{
	struct lsw_sock_net_events out;
	uint64_t reset = (uint64_t)(ULONG_PTR)event;
	int err = ws_not_started();
	LONG st;

	if (err)
		return ws_fail(err);
	if (!events)
		return ws_fail(WSAEFAULT);
	st = ws_ioctl(s, IOCTL_LSW_SOCKET_NETWORK_EVENTS, &reset, sizeof(reset), &out, sizeof(out),
		      NULL);
	if (st < 0)
		return ws_fail_status(st);
	/* the error of an event not recorded is left as it is (Wine's tests) */
	events->lNetworkEvents = out.events;
	for (int i = 0; i < FD_MAX_EVENTS && i < LSW_FD_EVENTS; i++)
		if (out.events & (1 << i))
			events->iErrorCode[i] = ws_error_of((LONG)out.status[i]);
	return 0;
}

WS_API int WSAAPI WSAAsyncSelect(SOCKET s, HWND wnd, u_int msg, __LONG32 events)
{
	return ws_no_socket();
}
