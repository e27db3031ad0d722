/* select, WSAPoll and __WSAFDIsSet, and the WSA events.  select and
 * WSAPoll are one request to the supervisor (IOCTL_LSW_SOCKET_POLL),
 * which answers at once when a socket is ready or the timeout is zero,
 * and else when one becomes ready or the time is up. */
#include "ws_private.h"
#include <lsw/socket_ioctl.h>

struct poll_rq {
	struct lsw_sock_poll head;
	struct lsw_sock_poll_entry e[];
};

static struct poll_rq *poll_new(ULONG n, INT64 timeout_ms)
{
	struct poll_rq *p = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
				      sizeof(*p) + n * sizeof(p->e[0]));

	if (p) {
		p->head.timeout_ms = timeout_ms;
		p->head.count = n;
	}
	return p;
}

/* A request's status saying the handle it went on is no socket. */
static BOOL not_socket(LONG st)
{
	return ws_error_of(st) == WSAENOTSOCK;
}

/* Asks; the number of entries ready, or -1 with a Winsock error.  The
 * request goes on a handle of the entries that is a socket (the first
 * that the supervisor takes); with none, every entry is POLLNVAL. */
static int poll_ask(struct poll_rq *p, int *err)
{
	ULONG len = sizeof(p->head) + p->head.count * sizeof(p->e[0]);
	ULONG_PTR ready = 0;
	LONG st = 0;
	ULONG i;

	for (i = 0; i < p->head.count; i++) {
		if ((INT64)p->e[i].handle == -1)
			continue;
		st = ws_ioctl((SOCKET)p->e[i].handle, IOCTL_LSW_SOCKET_POLL, p, len, p, len, &ready);
		if (!not_socket(st))
			break;
	}
	if (i == p->head.count) { /* no socket among them */
		for (i = 0; i < p->head.count; i++)
			p->e[i].revents = POLLNVAL;
		return 0;
	}
	if (st < 0) {
		*err = ws_error_of(st);
		return -1;
	}
	return (int)ready;
}

static u_int set_count(const fd_set *set)
{
	return set ? (set->fd_count < FD_SETSIZE ? set->fd_count : FD_SETSIZE) : 0;
}

/* Adds a set's sockets as entries waiting for events. */
static ULONG add_set(struct poll_rq *p, ULONG at, const fd_set *set, short events)
{
	for (u_int i = 0; i < set_count(set); i++, at++) {
		p->e[at].handle = (uint64_t)set->fd_array[i];
		p->e[at].events = events;
	}
	return at;
}

/* Keeps in set the sockets whose entries have any of the events: how many. */
static int keep_ready(const struct poll_rq *p, ULONG *at, fd_set *set, short events)
{
	u_int kept = 0, n = set_count(set);

	for (u_int i = 0; i < n; i++, (*at)++)
		if (p->e[*at].revents & events)
			set->fd_array[kept++] = set->fd_array[i];
	if (set)
		set->fd_count = kept;
	return (int)kept;
}

/* Readable: data, a connection to accept, the peer's close or reset.
 * Writable: connected (a connect done).  Exceptional: urgent data, a
 * connect that failed. */
WS_API int WSAAPI select(int nfds, fd_set *r, fd_set *w, fd_set *e, const PTIMEVAL timeout)
{
	ULONG n = set_count(r) + set_count(w) + set_count(e), at = 0;
	INT64 ms = -1;
	struct poll_rq *p;
	int err = ws_not_started(), ready;

	if (err)
		return ws_fail(err);
	if (!n)
		return ws_fail(WSAEINVAL); /* Windows' select is not a sleep */
	if (timeout) {
		if (timeout->tv_sec < 0 || timeout->tv_usec < 0)
			return ws_fail(WSAEINVAL);
		ms = (INT64)timeout->tv_sec * 1000 + (timeout->tv_usec + 999) / 1000;
	}
	if (!(p = poll_new(n, ms)))
		return ws_fail(WSAENOBUFS);
	at = add_set(p, add_set(p, add_set(p, 0, r, POLLRDNORM), w, POLLWRNORM), e, POLLRDBAND);
	ready = poll_ask(p, &err);
	for (ULONG i = 0; ready >= 0 && i < n; i++)
		if (p->e[i].revents & POLLNVAL) {
			ready = -1;
			err = WSAENOTSOCK;
		}
	if (ready >= 0) {
		at = 0;
		ready = keep_ready(p, &at, r, POLLRDNORM | POLLHUP | POLLERR);
		ready += keep_ready(p, &at, w, POLLWRNORM);
		ready += keep_ready(p, &at, e, POLLRDBAND | POLLPRI | POLLERR);
	}
	HeapFree(GetProcessHeap(), 0, p);
	return ready < 0 ? ws_fail(err) : ready;
}

WS_API int WSAAPI __WSAFDIsSet(SOCKET s, fd_set *set)
{
	for (u_int i = 0; set && i < set->fd_count && i < FD_SETSIZE; i++)
		if (set->fd_array[i] == s)
			return 1;
	return 0;
}

/* An entry that is not a socket (INVALID_SOCKET too) gets POLLNVAL and is
 * not counted, as Windows answers (Wine's ws2_32 tests); when none is a
 * socket the call fails with WSAEINVAL (documented).  A socket's events
 * other than POLLRDNORM, POLLRDBAND and POLLWRNORM are WSAEINVAL too
 * (checked by the supervisor). */
WS_API int WSAAPI WSAPoll(WSAPOLLFD fds[], ULONG n, INT timeout)
{
	struct poll_rq *p;
	int err = ws_not_started(), ready;
	BOOL any_socket = FALSE;

	if (err)
		return ws_fail(err);
	if (!n || n > LSW_POLL_MAX)
		return ws_fail(WSAEINVAL);
	if (!fds)
		return ws_fail(WSAEFAULT);
	if (!(p = poll_new(n, timeout < 0 ? -1 : timeout)))
		return ws_fail(WSAENOBUFS);
	for (ULONG i = 0; i < n; i++) {
		p->e[i].handle = (INT_PTR)fds[i].fd < 0 ? (uint64_t)-1 : (uint64_t)fds[i].fd;
		p->e[i].events = fds[i].events;
	}
	if ((ready = poll_ask(p, &err)) >= 0)
		for (ULONG i = 0; i < n; i++) {
			fds[i].revents = p->e[i].revents;
			any_socket |= (INT_PTR)fds[i].fd >= 0 && !(fds[i].revents & POLLNVAL);
		}
	HeapFree(GetProcessHeap(), 0, p);
	if (ready >= 0 && !any_socket)
		return ws_fail(WSAEINVAL);
	return ready < 0 ? ws_fail(err) : ready;
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

