/*
 * WSAEventSelect and WSAEnumNetworkEvents.  The socket records each
 * network event it was asked for (FD_READ, FD_WRITE, FD_OOB, FD_ACCEPT,
 * FD_CONNECT, FD_CLOSE) when its condition comes true, and sets the event.
 * A recorded event is not recorded again until the call that re-enables
 * it (documented for WSAEventSelect): recv re-enables FD_READ (FD_OOB for
 * MSG_OOB), a send that would block FD_WRITE, accept FD_ACCEPT; FD_CONNECT
 * and FD_CLOSE happen once.  A re-enabled event whose condition still
 * holds is recorded again at once.  WSAEnumNetworkEvents hands the record
 * over and clears it.  WSAEventSelect makes the socket non-blocking.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include "emul/net/socket.h"
#include "emul/net/socket_watch.h"
#include "emul/sync/event.h"

/* winsock2.h */
#define FD_READ 0x01
#define FD_WRITE 0x02
#define FD_OOB 0x04
#define FD_ACCEPT 0x08
#define FD_CONNECT 0x10
#define FD_CLOSE 0x20
#define FD_ALL 0x3ff
#define W_POLLRDNORM 0x0100
#define W_POLLPRI 0x0400
#define W_POLLWRNORM 0x0010
#define W_POLLERR 0x0001
#define W_POLLHUP 0x0002
#define WIN_MSG_OOB 1

static int bit_of(int32_t ev)
{
	return __builtin_ctz((unsigned)ev);
}

uint32_t sock_select_interest(const struct file_object *f)
{
	const struct sock_watch *w = f->sock->watch;
	int32_t on = w && w->event ? w->select_events & w->enabled : 0;

	return ((on & (FD_READ | FD_ACCEPT | FD_CLOSE)) ? EPOLLIN | EPOLLRDHUP : 0) |
	       ((on & FD_OOB) ? EPOLLPRI : 0) | ((on & (FD_WRITE | FD_CONNECT)) ? EPOLLOUT : 0);
}

/* The status of a connection that failed or was reset. */
static NTSTATUS socket_error(const struct file_object *f)
{
	int err = 0;
	socklen_t len = sizeof(err);

	if (getsockopt(f->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0 || !err)
		return LSW_STATUS_SUCCESS;
	return sock_errno_status(err);
}

/* The network events whose conditions hold now, their statuses in st. */
static int32_t conditions(struct file_object *f, NTSTATUS st[LSW_FD_EVENTS])
{
	struct lsw_socket *s = f->sock;
	struct pollfd p = { f->fd, POLLIN | POLLPRI | POLLOUT | POLLRDHUP, 0 };
	int32_t ev = 0;
	int16_t r;
	int n = 0;

	if (poll(&p, 1, 0) <= 0)
		return 0;
	r = sock_windows_revents(f, W_POLLRDNORM | W_POLLPRI | W_POLLWRNORM, p.revents);
	if (s->connecting && (r & (W_POLLWRNORM | W_POLLERR))) {
		ev |= FD_CONNECT;
		st[bit_of(FD_CONNECT)] = socket_error(f);
		s->connecting = false;
	}
	if (s->listening) {
		if (r & W_POLLRDNORM)
			ev |= FD_ACCEPT;
		return ev;
	}
	if ((r & W_POLLRDNORM) && (s->type == 2 || (ioctl(f->fd, FIONREAD, &n) == 0 && n > 0)))
		ev |= FD_READ;
	if (r & W_POLLPRI)
		ev |= FD_OOB;
	if ((r & W_POLLWRNORM) && !(r & W_POLLERR))
		ev |= FD_WRITE;
	if (s->type == 1 && (r & (W_POLLHUP | W_POLLERR)) && !(ev & FD_READ) &&
	    !(ev & FD_CONNECT)) {
		ev |= FD_CLOSE;
		st[bit_of(FD_CLOSE)] = (r & W_POLLERR) ? socket_error(f) : LSW_STATUS_SUCCESS;
	}
	return ev;
}

void sock_select_check(struct file_object *f)
{
	struct sock_watch *w = f->sock->watch;
	NTSTATUS st[LSW_FD_EVENTS] = { 0 };
	int32_t now;

	if (!w || !w->event || f->fd < 0 || !(w->select_events & w->enabled))
		return;
	now = conditions(f, st) & w->select_events & w->enabled;
	if (!now)
		return;
	for (int i = 0; i < LSW_FD_EVENTS; i++)
		if (now & (1 << i))
			w->status[i] = st[i];
	w->recorded |= now;
	w->enabled &= ~now;
	event_signal(w->event);
	sock_watch_update(f);
}

void sock_select_reenable(struct file_object *f, uint32_t code, NTSTATUS st)
{
	struct sock_watch *w = sock_of(f) ? f->sock->watch : NULL;
	int32_t again = 0;

	if (!w || !w->event)
		return;
	if (code == IOCTL_LSW_SOCKET_RECV || code == IOCTL_LSW_SOCKET_RECV_ASYNC)
		again = FD_READ | FD_OOB;
	else if ((code == IOCTL_LSW_SOCKET_SEND || code == IOCTL_LSW_SOCKET_SEND_ASYNC) &&
		 st == (NTSTATUS)LSW_STATUS_CANT_WAIT)
		again = FD_WRITE;
	else if (code == IOCTL_LSW_SOCKET_ACCEPT || code == IOCTL_LSW_SOCKET_ACCEPT_INTO)
		again = FD_ACCEPT;
	if (!(again & ~w->enabled))
		return;
	w->enabled |= again;
	sock_select_check(f);
	sock_watch_update(f);
}

void sock_select_inherit(struct file_object *accepted, struct file_object *listener)
{
	struct sock_watch *lw = listener->sock->watch, *w;

	if (!lw || !lw->event || !(w = sock_watch_of(accepted)))
		return;
	w->event = object_ref(lw->event);
	w->select_events = lw->select_events;
	sock_select_check(accepted);
	sock_watch_update(accepted);
}

/* in: lsw_sock_event_select.  A new selection clears the record and
 * enables every event but FD_WRITE, which is recorded once a connection
 * (and again after a send that would block) however many selections come
 * (Wine's ws2_32 tests, as Windows does); events 0 ends the selection. */
NTSTATUS sock_event_select(struct sock_request *r)
{
	struct lsw_sock_event_select in;
	struct nt_object *ev = NULL;
	struct sock_watch *w;
	NTSTATUS st;

	if (r->in_len != sizeof(in))
		return LSW_STATUS_INVALID_PARAMETER;
	memcpy(&in, r->in, sizeof(in));
	if (in.events & ~FD_ALL)
		return LSW_STATUS_INVALID_PARAMETER;
	if (in.events && !(ev = handle_get(r->c->thread->process, in.event, &event_ops, &st)))
		return st;
	if (!(w = sock_watch_of(r->f)))
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (w->event)
		object_unref(w->event);
	w->event = ev ? object_ref(ev) : NULL;
	w->select_events = in.events;
	w->enabled = (w->enabled & FD_WRITE) | (FD_ALL & ~FD_WRITE);
	w->recorded = 0;
	memset(w->status, 0, sizeof(w->status));
	r->f->sock->nonblocking = true;
	sock_select_check(r->f);
	sock_watch_update(r->f);
	return LSW_STATUS_SUCCESS;
}

/* in: the event to reset (0: none); out: lsw_sock_net_events. */
NTSTATUS sock_network_events(struct sock_request *r)
{
	struct lsw_sock_net_events out = { 0 };
	struct sock_watch *w = r->f->sock->watch;
	struct nt_object *ev = NULL;
	uint64_t h;
	NTSTATUS st;

	if (r->in_len != sizeof(h) || r->out_len < sizeof(out))
		return LSW_STATUS_INVALID_PARAMETER;
	memcpy(&h, r->in, sizeof(h));
	if (h && !(ev = handle_get(r->c->thread->process, h, &event_ops, &st)))
		return st;
	if (w) {
		out.events = w->recorded;
		memcpy(out.status, w->status, sizeof(out.status));
	}
	if (tracee_write(r->c->thread, r->out, &out, sizeof(out)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (w) {
		w->recorded = 0;
		memset(w->status, 0, sizeof(w->status));
	}
	if (ev)
		event_reset(ev);
	r->done = sizeof(out);
	return LSW_STATUS_SUCCESS;
}

/* IOCTL_AFD_GET_EVENTS: the record as AFD keeps it, AFD_POLL_* flags and
 * each one's status by bit number (13 of them), handed over and cleared
 * as WSAEnumNetworkEvents does (Wine's ws2_32 afd test, which passes on
 * Windows).  A connect that failed is AFD_POLL_CONNECT_FAIL with its
 * status, a close with an error AFD_POLL_ABORT with none.  What holds now
 * is recorded first: a reset the loop has not seen yet is there. */
#define AFD_EVENT_BITS 13
NTSTATUS sock_afd_get_events(struct sock_request *r)
{
	static const struct { int32_t fd; uint32_t ok, failed; } map[] = {
		{ FD_READ, AFD_POLL_RECEIVE, AFD_POLL_RECEIVE },
		{ FD_OOB, AFD_POLL_RECEIVE_EXPEDITED, AFD_POLL_RECEIVE_EXPEDITED },
		{ FD_WRITE, AFD_POLL_SEND, AFD_POLL_SEND },
		{ FD_CLOSE, AFD_POLL_DISCONNECT, AFD_POLL_ABORT },
		{ FD_CONNECT, AFD_POLL_CONNECT, AFD_POLL_CONNECT_FAIL },
		{ FD_ACCEPT, AFD_POLL_ACCEPT, AFD_POLL_ACCEPT },
	};
	struct { int32_t flags; uint32_t status[AFD_EVENT_BITS]; } out = { 0 };
	struct sock_watch *w = r->f->sock->watch;

	if (!r->out || r->out_len < sizeof(out))
		return LSW_STATUS_INVALID_PARAMETER;
	if (w && w->event)
		sock_select_check(r->f);
	for (size_t i = 0; w && i < sizeof(map) / sizeof(map[0]); i++) {
		uint32_t st = w->status[bit_of(map[i].fd)];
		uint32_t flag = st ? map[i].failed : map[i].ok;

		if (!(w->recorded & map[i].fd))
			continue;
		out.flags |= (int32_t)flag;
		if (flag == AFD_POLL_CONNECT_FAIL)
			out.status[bit_of((int32_t)flag)] = st;
	}
	if (tracee_write(r->c->thread, r->out, &out, sizeof(out)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (w) {
		w->recorded = 0;
		memset(w->status, 0, sizeof(w->status));
	}
	r->done = 0; /* METHOD_NEITHER: no byte count (Wine's afd test) */
	return LSW_STATUS_SUCCESS;
}
