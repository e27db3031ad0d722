/*
 * IOCTL_LSW_SOCKET_POLL: select, WSAPoll and the wait of a blocking call.
 * The state is asked of Linux with poll(); when nothing is ready the
 * caller waits (a deferred answer) on an epoll instance of its own that
 * holds the sockets it asked about, so several waiters and the stream
 * reads of file_stream.c may watch one socket at once.  The loop watches
 * that instance; a timer ends the wait.
 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "emul/net/socket.h"

/* WSAPoll's flags (winsock2.h). */
#define W_POLLRDNORM 0x0100
#define W_POLLRDBAND 0x0200
#define W_POLLPRI 0x0400
#define W_POLLWRNORM 0x0010
#define W_POLLWRBAND 0x0020
#define W_POLLERR 0x0001
#define W_POLLHUP 0x0002
#define W_POLLNVAL 0x0004

struct poll_wait {
	struct lsw_thread *thread;
	struct lsw_sock_poll head;
	struct lsw_sock_poll_entry *e;
	struct file_object **files;  /* referenced; NULL: not a socket */
	int epfd;
	uint64_t timer;
	uint64_t out;                /* the caller's entries */
};

static short linux_events(int16_t w)
{
	return (short)(((w & (W_POLLRDNORM | W_POLLRDBAND)) ? POLLIN : 0) |
		       ((w & W_POLLPRI) ? POLLPRI : 0) |
		       ((w & (W_POLLWRNORM | W_POLLWRBAND)) ? POLLOUT : 0) | POLLRDHUP);
}

/* A stream socket never connected, not connecting, not listening:
 * Windows reports nothing for it (Linux would say writable and hung up).
 * A connection that ended is closed too, but readable (its end). */
static bool idle_stream(const struct file_object *f)
{
	struct tcp_info ti;
	socklen_t len = sizeof(ti);

	if (f->sock->type != 1 || f->sock->listening)
		return false;
	return getsockopt(f->fd, IPPROTO_TCP, TCP_INFO, &ti, &len) == 0 &&
	       ti.tcpi_state == TCP_CLOSE;
}

/* Bytes waiting to be read. */
static int pending(const struct file_object *f)
{
	int n = 0;

	return ioctl(f->fd, FIONREAD, &n) == 0 ? n : 0;
}

/* Linux's poll events as Windows reports them: a stream whose peer ended
 * it is hung up (POLLHUP) and readable only while data is left; the
 * socket's own shutdown of its receiving side reports nothing. */
int16_t sock_windows_revents(const struct file_object *f, int16_t asked, short got)
{
	int16_t r = 0;

	if ((got & POLLERR) && f->sock->type == 1)
		got &= (short)~POLLOUT; /* a failed connect is no writable socket */
	if (f->sock->shut_recv)
		got &= (short)~(POLLIN | POLLRDHUP | POLLHUP);
	if ((got & POLLRDHUP) && (got & POLLIN) && f->sock->type == 1 && !pending(f))
		got &= (short)~POLLIN;
	if (got & POLLIN)
		r |= asked & W_POLLRDNORM ? W_POLLRDNORM : asked & W_POLLRDBAND;
	if (got & POLLPRI)
		r |= asked & W_POLLPRI;
	if (got & POLLOUT)
		r |= asked & W_POLLWRNORM ? W_POLLWRNORM : asked & W_POLLWRBAND;
	if (got & POLLERR)
		r |= W_POLLERR;
	if (got & (POLLHUP | POLLRDHUP))
		r |= W_POLLHUP;
	if (!(got & (POLLERR | POLLIN | POLLRDHUP)) && idle_stream(f))
		r = 0;
	return r;
}

/* Fills every entry's revents: how many have some, not counting those
 * that are no socket (POLLNVAL), as Windows counts them. */
static uint32_t poll_now(struct poll_wait *w)
{
	uint32_t ready = 0;

	for (uint32_t i = 0; i < w->head.count; i++) {
		struct pollfd p;

		w->e[i].revents = 0;
		if (!w->files[i]) {
			w->e[i].revents = W_POLLNVAL;
			continue;
		} else {
			p.fd = w->files[i]->fd;
			p.events = linux_events(w->e[i].events);
			p.revents = 0;
			if (poll(&p, 1, 0) > 0)
				w->e[i].revents = sock_windows_revents(w->files[i], w->e[i].events, p.revents);
		}
		ready += w->e[i].revents != 0;
	}
	return ready;
}

static void wait_free(struct poll_wait *w)
{
	if (w->epfd >= 0) {
		loop_unwatch(thread_loop(w->thread), w->epfd);
		close(w->epfd);
	}
	if (w->timer)
		loop_cancel_timer(thread_loop(w->thread), w->timer);
	for (uint32_t i = 0; w->files && i < w->head.count; i++)
		if (w->files[i])
			object_unref(&w->files[i]->hdr);
	free(w->files);
	free(w->e);
	free(w);
}

/* Writes the entries: the call's status. */
static NTSTATUS wait_result(struct poll_wait *w, bool timed_out)
{
	size_t n = (size_t)w->head.count * sizeof(*w->e);

	if (timed_out && (w->head.flags & LSW_POLL_IF_BLOCKING))
		return LSW_STATUS_IO_TIMEOUT;
	if (n && tracee_write(w->thread, w->out + sizeof(w->head), w->e, n) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

static void drop_wait(struct lsw_thread *t, void *arg)
{
	(void)t;
	wait_free(arg);
}

static void wait_end(struct poll_wait *w, uint32_t ready, bool timed_out)
{
	struct lsw_thread *t = w->thread;
	NTSTATUS st = wait_result(w, timed_out);

	if (st == LSW_STATUS_SUCCESS)
		st = tracee_write_iosb(t, t->call.args[4], st, ready);

	wait_free(w);
	nt_answer(t, st);
}

static void on_ready(void *arg, uint32_t events)
{
	struct poll_wait *w = arg;
	uint32_t ready = poll_now(w);

	(void)events;
	if (ready)
		wait_end(w, ready, false);
}

static void on_timeout(void *arg, uint32_t events)
{
	struct poll_wait *w = arg;
	uint32_t ready;

	(void)events;
	w->timer = 0; /* it fired: nothing to cancel */
	ready = poll_now(w);
	wait_end(w, ready, !ready);
}

/* The caller waits: its sockets in an epoll instance the loop watches. */
static NTSTATUS wait_later(struct nt_call *c, struct poll_wait *w)
{
	struct loop *l = thread_loop(c->thread);

	if ((w->epfd = epoll_create1(EPOLL_CLOEXEC)) < 0)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	for (uint32_t i = 0; i < w->head.count; i++) {
		struct epoll_event ev = { .events = (uint32_t)linux_events(w->e[i].events) };

		if (!w->files[i])
			continue;
		if (epoll_ctl(w->epfd, EPOLL_CTL_ADD, w->files[i]->fd, &ev) < 0 && errno == EEXIST) {
			/* the same socket twice (select's read and write sets) */
			for (uint32_t j = 0; j < i; j++)
				if (w->files[j] && w->files[j]->fd == w->files[i]->fd)
					ev.events |= (uint32_t)linux_events(w->e[j].events);
			epoll_ctl(w->epfd, EPOLL_CTL_MOD, w->files[i]->fd, &ev);
		}
	}
	if (loop_watch(l, w->epfd, EPOLLIN, on_ready, w) < 0)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (w->head.timeout_ms >= 0 &&
	    !(w->timer = loop_add_timer(l, loop_now_ns() + (uint64_t)w->head.timeout_ms * 1000000u,
					on_timeout, w)))
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	nt_defer(c, drop_wait, w);
	nt_defer_sync_io(c, c->args[4], false);
	return NT_DEFERRED;
}

/* Reads and checks the request: entries of sockets of the caller. */
static NTSTATUS wait_read(struct sock_request *r, struct poll_wait *w)
{
	struct nt_call *c = r->c;
	size_t n;
	NTSTATUS st;

	if (r->in_len < sizeof(w->head) || tracee_read(c->thread, c->args[6], &w->head,
						       sizeof(w->head)) < 0)
		return r->in_len < sizeof(w->head) ? LSW_STATUS_INVALID_PARAMETER
						   : LSW_STATUS_ACCESS_VIOLATION;
	if (w->head.count > LSW_POLL_MAX || w->head.timeout_ms < -1 ||
	    ((w->head.flags & LSW_POLL_IF_BLOCKING) && w->head.count != 1))
		return LSW_STATUS_INVALID_PARAMETER;
	n = (size_t)w->head.count * sizeof(*w->e);
	if (r->in_len != sizeof(w->head) + n || r->out_len != r->in_len || c->args[8] != c->args[6])
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(w->e = malloc(n ? n : 1)) || !(w->files = calloc(w->head.count + 1, sizeof(*w->files))))
		return LSW_STATUS_NO_MEMORY;
	if (n && tracee_read(c->thread, c->args[6] + sizeof(w->head), w->e, n) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	for (uint32_t i = 0; i < w->head.count; i++) {
		struct file_object *f = get_file(c, w->e[i].handle, &st);

		if (!f || !sock_of(f) || f->fd < 0)
			continue;
		/* WSAPoll takes these events only (Wine's ws2_32 tests, as
		 * Windows answers them) */
		if (w->e[i].events & ~(W_POLLRDNORM | W_POLLRDBAND | W_POLLWRNORM))
			return LSW_STATUS_INVALID_PARAMETER;
		w->files[i] = (struct file_object *)object_ref(&f->hdr);
	}
	return LSW_STATUS_SUCCESS;
}

/* A blocking call's wait: at once STATUS_CANT_WAIT for a non-blocking
 * socket; else up to the socket's timeout for that direction. */
static NTSTATUS blocking_wait(struct poll_wait *w)
{
	const struct lsw_socket *s = w->files[0] ? w->files[0]->sock : NULL;
	uint32_t ms;

	if (!s)
		return LSW_STATUS_INVALID_HANDLE;
	if (s->nonblocking)
		return LSW_STATUS_CANT_WAIT;
	ms = (w->e[0].events & (W_POLLRDNORM | W_POLLRDBAND)) ? s->recv_timeout_ms
							      : s->send_timeout_ms;
	w->head.timeout_ms = ms ? (int64_t)ms : -1;
	return LSW_STATUS_SUCCESS;
}

NTSTATUS sock_poll(struct sock_request *r)
{
	struct poll_wait *w = calloc(1, sizeof(*w));
	uint32_t ready;
	NTSTATUS st;

	if (!w)
		return LSW_STATUS_NO_MEMORY;
	w->thread = r->c->thread;
	w->epfd = -1;
	w->out = r->c->args[8];
	st = wait_read(r, w);
	if (st == LSW_STATUS_SUCCESS && (w->head.flags & LSW_POLL_IF_BLOCKING))
		st = blocking_wait(w);
	if (st != LSW_STATUS_SUCCESS)
		goto done;
	ready = poll_now(w);
	if (ready || w->head.timeout_ms == 0) {
		st = wait_result(w, !ready);
		r->done = ready;
		goto done;
	}
	if ((st = wait_later(r->c, w)) == NT_DEFERRED)
		return st;
done:
	wait_free(w);
	return st;
}
