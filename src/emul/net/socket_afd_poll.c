/*
 * IOCTL_AFD_POLL: Windows' own poll of sockets, which mio (tokio) and
 * libuv's uv_poll send to a \Device\Afd handle bound to a completion
 * port.  It asks, for each socket, a mask of AFD_POLL_* events, and ends
 * when one of them holds for some socket (or at its timeout) with the
 * sockets that have some, their events and the status of a failed
 * connect; until then it is a pending request of the handle it was sent
 * to, cancelled by NtCancelIoFile(Ex) and that handle's last close.  A
 * socket closed while polled ends the poll with AFD_POLL_LOCAL_CLOSE,
 * asked for or not.
 *
 * What Windows answers is Wine's ws2_32 afd test's (which passes on
 * Windows): the output is at least as large as the input, which holds
 * count entries (count 0: STATUS_INVALID_PARAMETER); a handle that is no
 * socket is STATUS_INVALID_HANDLE; timeout 0 answers at once, a timeout
 * that passed later, with STATUS_TIMEOUT; IoStatus.Information is the
 * size of the answer.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "emul/io/pending_io.h"
#include "emul/net/socket.h"
#include "emul/net/socket_watch.h"
#include "emul/system/kuser.h"

#define W_POLLRDNORM 0x0100
#define W_POLLPRI 0x0400
#define W_POLLWRNORM 0x0010
#define W_POLLERR 0x0001
#define W_POLLHUP 0x0002
#define STATUS_TIMEOUT 0x00000102u

struct afd_poll {
	struct afd_poll *next;
	struct file_object *f;       /* the handle it was sent to (its watch holds the poll) */
	struct pending_io io;
	struct afd_poll_info head;
	struct afd_poll_handle_info *e;
	struct file_object **files;  /* referenced */
	uint64_t out;
	int epfd;
	uint64_t timer;
};

/* The AFD_POLL_* events of socket f now (*status: a failed connect's). */
static uint32_t afd_events(struct file_object *f, int32_t *status)
{
	struct lsw_socket *s = f->sock;
	struct pollfd p = { f->fd, POLLIN | POLLPRI | POLLOUT | POLLRDHUP, 0 };
	uint32_t ev = 0;
	int16_t r;
	int n = 0;

	*status = 0;
	if (f->hdr.handles == 0)
		return AFD_POLL_LOCAL_CLOSE;
	if (poll(&p, 1, 0) <= 0)
		return 0;
	r = sock_windows_revents(f, W_POLLRDNORM | W_POLLPRI | W_POLLWRNORM, p.revents);
	if (s->listening)
		return (r & W_POLLRDNORM) ? AFD_POLL_ACCEPT : 0;
	if (s->connecting && (r & W_POLLERR)) {
		int err = 0;
		socklen_t len = sizeof(err);

		getsockopt(f->fd, SOL_SOCKET, SO_ERROR, &err, &len);
		*status = (int32_t)sock_errno_status(err ? err : ECONNREFUSED);
		return AFD_POLL_CONNECT_FAIL;
	}
	if (s->type == 1 && sock_is_connected(f))
		ev |= AFD_POLL_CONNECT;
	if ((r & W_POLLRDNORM) && (s->type == 2 || (ioctl(f->fd, FIONREAD, &n) == 0 && n > 0)))
		ev |= AFD_POLL_RECEIVE;
	if (r & W_POLLPRI)
		ev |= AFD_POLL_RECEIVE_EXPEDITED;
	if ((r & W_POLLWRNORM) && !(r & W_POLLERR))
		ev |= AFD_POLL_SEND;
	if (s->type == 1 && (p.revents & POLLRDHUP))
		ev |= AFD_POLL_DISCONNECT;
	if (s->type == 1 && (r & W_POLLERR))
		ev |= AFD_POLL_ABORT;
	return ev;
}

/* Compacts the entries with events to the front: how many. */
static uint32_t poll_now(struct afd_poll *ap)
{
	uint32_t k = 0;

	for (uint32_t i = 0; i < ap->head.count; i++) {
		int32_t status;
		uint32_t ev = afd_events(ap->files[i], &status) &
			      (ap->e[i].events | AFD_POLL_LOCAL_CLOSE);

		if (!ev)
			continue;
		ap->e[k].handle = ap->e[i].handle;
		ap->e[k].events = ev;
		ap->e[k].status = ev & AFD_POLL_CONNECT_FAIL ? status : 0;
		k++;
	}
	return k;
}

/* Writes the answer of k entries: its size, 0 when it could not. */
static uint64_t write_answer(struct lsw_thread *t, struct afd_poll *ap, uint32_t k)
{
	struct afd_poll_info head = ap->head;
	uint64_t n = sizeof(head) + (uint64_t)k * sizeof(*ap->e);

	head.count = k;
	if (!t || tracee_write(t, ap->out, &head, sizeof(head)) < 0 ||
	    (k && tracee_write(t, ap->out + sizeof(head), ap->e, (size_t)k * sizeof(*ap->e)) < 0))
		return 0;
	return n;
}

static void poll_free(struct afd_poll *ap)
{
	struct loop *l = &ap->f->host->loop;

	if (ap->epfd >= 0) {
		loop_unwatch(l, ap->epfd);
		close(ap->epfd);
	}
	if (ap->timer)
		loop_cancel_timer(l, ap->timer);
	for (uint32_t i = 0; ap->files && i < ap->head.count; i++)
		if (ap->files[i])
			object_unref(&ap->files[i]->hdr);
	free(ap->files);
	free(ap->e);
	free(ap);
}

static void unlink_poll(struct afd_poll *ap)
{
	struct sock_watch *w = ap->f->sock->watch;

	for (struct afd_poll **p = &w->polls; *p; p = &(*p)->next)
		if (*p == ap) {
			*p = ap->next;
			w->npolls--;
			return;
		}
}

/* Ends a pending poll with st and k entries. */
static void poll_end(struct afd_poll *ap, NTSTATUS st, uint32_t k)
{
	uint64_t n = st == (NTSTATUS)LSW_STATUS_CANCELLED ? 0 : write_answer(pending_io_thread(&ap->io), ap, k);

	unlink_poll(ap);
	if (!n && st != (NTSTATUS)LSW_STATUS_CANCELLED)
		st = LSW_STATUS_ACCESS_VIOLATION;
	pending_io_finish(&ap->io, st, n);
	poll_free(ap);
}

static void on_ready(void *arg, uint32_t events)
{
	struct afd_poll *ap = arg;
	struct epoll_event drained[16];
	uint32_t k;

	(void)events;
	/* edge-triggered: a socket at its end, not asked about, wakes once */
	while (epoll_wait(ap->epfd, drained, 16, 0) > 0)
		;
	k = poll_now(ap);
	if (k)
		poll_end(ap, LSW_STATUS_SUCCESS, k);
}

static void on_timeout(void *arg, uint32_t events)
{
	struct afd_poll *ap = arg;
	uint32_t k;

	(void)events;
	ap->timer = 0;
	k = poll_now(ap);
	poll_end(ap, k ? LSW_STATUS_SUCCESS : (NTSTATUS)STATUS_TIMEOUT, k);
}

/* A synchronous handle's caller ended some other way (nt_cancel). */
static void drop_poll(struct lsw_thread *t, void *arg)
{
	struct afd_poll *ap = arg;

	(void)t;
	unlink_poll(ap);
	pending_io_release(&ap->io);
	poll_free(ap);
}

unsigned afd_poll_cancel(struct sock_watch *w, uint32_t tid, uint64_t iosb)
{
	unsigned n = 0;

	for (struct afd_poll *ap = w ? w->polls : NULL, *next; ap; ap = next) {
		next = ap->next;
		if ((tid && ap->io.tid != tid) || (iosb && ap->io.iosb != iosb))
			continue;
		poll_end(ap, LSW_STATUS_CANCELLED, 0);
		n++;
		next = w->polls;
	}
	return n;
}

/* The loop watches the polled sockets (an epoll instance of the poll's
 * own) until the timeout, when there is one. */
static NTSTATUS wait_later(struct sock_request *r, struct afd_poll *ap)
{
	struct sock_watch *w = sock_watch_of(r->f);
	struct loop *l = &r->f->host->loop;
	int64_t t = ap->head.timeout;
	uint64_t now = nt_system_time(), ns;

	if (!w || w->npolls >= SOCK_POLLS_MAX || (ap->epfd = epoll_create1(EPOLL_CLOEXEC)) < 0)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	for (uint32_t i = 0; i < ap->head.count; i++) {
		struct epoll_event ev = { .events = EPOLLIN | EPOLLPRI | EPOLLOUT | EPOLLRDHUP |
						    EPOLLET };

		epoll_ctl(ap->epfd, EPOLL_CTL_ADD, ap->files[i]->fd, &ev); /* EEXIST: twice */
	}
	if (loop_watch(l, ap->epfd, EPOLLIN, on_ready, ap) < 0)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	/* relative when negative, else absolute (100 ns units); far off: none */
	ns = t < 0 ? (uint64_t)-t * 100 : (uint64_t)t > now ? ((uint64_t)t - now) * 100 : 0;
	if (t != INT64_MAX && (t < 0 ? -t : t) < INT64_MAX / 200 &&
	    !(ap->timer = loop_add_timer(l, loop_now_ns() + ns, on_timeout, ap)))
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	pending_io_init(&ap->io, r->c, r->f);
	ap->next = w->polls;
	w->polls = ap;
	w->npolls++;
	if (!ap->io.waiter)
		return LSW_STATUS_PENDING;
	nt_defer(r->c, drop_poll, ap);
	nt_defer_sync_io(r->c, r->c->args[4], false);
	return NT_DEFERRED;
}

/* Reads the request: count entries, each a socket of the caller's. */
static NTSTATUS read_poll(struct sock_request *r, struct afd_poll *ap)
{
	size_t n;
	NTSTATUS st;

	if (!r->in || r->in_len < sizeof(ap->head) || !r->out || r->out_len < r->in_len)
		return LSW_STATUS_INVALID_PARAMETER;
	memcpy(&ap->head, r->in, sizeof(ap->head));
	n = (size_t)ap->head.count * sizeof(*ap->e);
	if (!ap->head.count || ap->head.count > LSW_POLL_MAX || r->in_len < sizeof(ap->head) + n)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(ap->e = malloc(n)) || !(ap->files = calloc(ap->head.count, sizeof(*ap->files))))
		return LSW_STATUS_NO_MEMORY;
	memcpy(ap->e, r->in + sizeof(ap->head), n);
	for (uint32_t i = 0; i < ap->head.count; i++) {
		struct file_object *f = get_file(r->c, ap->e[i].handle, &st);

		if (!f || !sock_of(f) || f->fd < 0)
			return LSW_STATUS_INVALID_HANDLE;
		ap->files[i] = (struct file_object *)object_ref(&f->hdr);
	}
	return LSW_STATUS_SUCCESS;
}

NTSTATUS sock_afd_poll(struct sock_request *r)
{
	struct afd_poll *ap = calloc(1, sizeof(*ap));
	uint32_t k;
	NTSTATUS st;

	if (!ap)
		return LSW_STATUS_NO_MEMORY;
	ap->f = r->f;
	ap->epfd = -1;
	ap->out = r->out;
	if ((st = read_poll(r, ap)) != LSW_STATUS_SUCCESS ||
	    (st = file_io_begin(r->c, r->f)) != LSW_STATUS_SUCCESS)
		goto done;
	k = poll_now(ap);
	if (k || ap->head.timeout == 0) {
		if (!(r->done = write_answer(r->c->thread, ap, k)))
			st = LSW_STATUS_ACCESS_VIOLATION;
		else if (tracee_write_iosb(r->c->thread, r->c->args[4], st, r->done) ==
			 LSW_STATUS_SUCCESS)
			file_io_end(r->c, r->f, st, false);
		goto done;
	}
	if ((st = wait_later(r, ap)) == LSW_STATUS_PENDING || st == NT_DEFERRED)
		return st;
done:
	poll_free(ap);
	return st;
}
