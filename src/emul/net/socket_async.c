/*
 * Overlapped socket I/O: WSARecv, WSASend (and their datagram and message
 * forms), AcceptEx and ConnectEx as NT I/O that may end after its call.
 * A request is tried at once; when the socket is not ready it is queued
 * on the socket, the call answers STATUS_PENDING (a synchronous handle's
 * caller waits in its call instead), and the socket's watch retries it
 * when epoll says the socket is ready.  Its end is told as any NT I/O's
 * (pending_io.c): IO_STATUS_BLOCK, Event, completion port, APC.  The
 * supervisor never blocks: every Linux call here is non-blocking.
 *
 * Requests of one direction end in the order they came, as afd.sys
 * queues them.  A request is cancelled (STATUS_CANCELLED) by
 * NtCancelIoFile(Ex) and when the socket's last handle closes.
 *
 * The watch is an epoll instance of the socket's own, holding its fd
 * with what its requests and its WSAEventSelect (socket_select.c) wait
 * for; the loop watches that instance, so the stream reads of
 * file_stream.c and the polls of socket_poll.c may watch the fd too.  It
 * is edge-triggered: a socket that stays readable with nothing to do
 * about it (its FD_READ recorded, a stream at its end) must not wake the
 * loop again and again; every request is tried when it comes, and an
 * event re-enabled is looked at then, so no state is missed.
 */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/io/io_completion.h"
#include "emul/io/pending_io.h"
#include "emul/memory/write_watch.h"
#include "emul/net/socket.h"
#include "emul/net/socket_watch.h"

#define WIN_MSG_OOB 1
#define WIN_MSG_PEEK 2
#define WIN_MSG_DONTROUTE 4
#define CHUNK (1u << 20) /* at most this much data moves in one Linux call */
#define AF_INET6_WIN 23
/* TransmitFile's flags (mswsock.h) */
#define TF_DISCONNECT 0x01
#define TF_REUSE_SOCKET 0x02
#define TF_WRITE_BEHIND 0x04
#define TF_USE_SYSTEM_THREAD 0x10
#define TF_USE_KERNEL_APC 0x20

static bool nt_error(NTSTATUS st)
{
	return (st >> 30) == 3;
}

struct sock_async {
	struct sock_async *next;
	struct file_object *f;       /* the socket: its watch's list holds the request */
	struct pending_io io;
	uint32_t code;
	struct lsw_sock_io head;
	struct lsw_sock_buf *bufs;   /* head.count */
	uint64_t total, done;        /* bytes the buffers hold, bytes moved so far */
	struct lsw_sock_accept_into acc;
	struct file_object *accepted; /* AcceptEx's socket (its sock->accepting is this) */
	struct file_object *file;    /* TransmitFile's, referenced: between bufs[0] and [1] */
	uint64_t file_off, file_len;
	bool phase2;                 /* accepted or connected: the data comes next */
	NTSTATUS refused;            /* ConnectEx: the connection failed in the call */
};

static void on_ready(void *arg, uint32_t events);

#define FILE_SKIP_SET_EVENT_ON_HANDLE 2u

static bool sock_signaled(struct nt_object *o, struct lsw_thread *t)
{
	(void)t;
	return ((struct file_object *)o)->sock->signaled;
}

static const struct waitable_ops sock_wait_ops = { sock_signaled, NULL };

/* A socket nobody did I/O on is signalled, as it always was here. */
void sock_waitable_init(struct lsw_socket *s)
{
	waitable_init(&s->wait, &sock_wait_ops);
	s->signaled = true;
}

struct waitable *sock_waitable(struct file_object *f)
{
	return &f->sock->wait;
}

/* An I/O ended: the file is set, as the I/O manager sets it, unless the
 * call had an event (then it alone is) or the modes say not to. */
static void signal_file(struct file_object *f, bool had_event)
{
	if (had_event || (f->completion_flags & FILE_SKIP_SET_EVENT_ON_HANDLE))
		return;
	f->sock->signaled = true;
	waitable_wake(&f->hdr);
}

struct sock_watch *sock_watch_of(struct file_object *f)
{
	struct sock_watch *w = f->sock->watch;

	if (w)
		return w;
	if (!(w = calloc(1, sizeof(*w))))
		return NULL;
	w->file = f;
	w->loop = &f->host->loop;
	w->enabled = 0x3ff; /* every FD_* may be recorded (socket_select.c) */
	if ((w->epfd = epoll_create1(EPOLL_CLOEXEC)) < 0 ||
	    loop_watch(w->loop, w->epfd, EPOLLIN, on_ready, f) < 0) {
		if (w->epfd >= 0)
			close(w->epfd);
		free(w);
		return NULL;
	}
	f->sock->watch = w;
	return w;
}

/* What the request waits for: the socket readable or writable. */
static uint32_t wants(const struct sock_async *op)
{
	if (op->code == IOCTL_LSW_SOCKET_RECV_ASYNC || op->code == IOCTL_LSW_SOCKET_ACCEPT_INTO)
		return EPOLLIN;
	return EPOLLOUT;
}

void sock_watch_update(struct file_object *f)
{
	struct sock_watch *w = f->sock->watch;
	uint32_t want = 0;
	struct epoll_event ev;

	if (!w || f->fd < 0)
		return;
	for (struct sock_async *op = w->ops; op; op = op->next)
		want |= wants(op);
	want |= sock_select_interest(f);
	if (want == w->interest)
		return;
	ev.events = want | EPOLLET; /* each change once: on_ready drains it */
	ev.data.u64 = 0;
	if (!want)
		epoll_ctl(w->epfd, EPOLL_CTL_DEL, f->fd, NULL);
	else if (epoll_ctl(w->epfd, w->interest ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, f->fd, &ev) < 0 &&
		 errno == ENOENT)
		epoll_ctl(w->epfd, EPOLL_CTL_ADD, f->fd, &ev); /* the fd changed (AcceptEx) */
	w->interest = want;
}

/* The caller's memory: its thread while it lives, else any of its
 * process's; NULL once the process is gone. */
static struct lsw_thread *owner(struct sock_async *op)
{
	return pending_io_thread(&op->io);
}

/* Copies n bytes between the request's buffers (from byte off on) and
 * flat: false when the caller's memory cannot be reached. */
static bool move_bufs(struct lsw_thread *t, const struct sock_async *op, uint64_t off,
		      uint8_t *flat, uint64_t n, bool to_caller)
{
	for (uint32_t i = 0; i < op->head.count && n; i++) {
		uint64_t take;

		if (off >= op->bufs[i].len) {
			off -= op->bufs[i].len;
			continue;
		}
		take = op->bufs[i].len - off < n ? op->bufs[i].len - off : n;
		if (to_caller ? tracee_write_locked(t, op->bufs[i].ptr + off, flat, take) < 0
			      : tracee_read(t, op->bufs[i].ptr + off, flat, take) < 0)
			return false;
		flat += take;
		n -= take;
		off = 0;
	}
	return true;
}

/* The bytes a send takes from off on: the buffers, or TransmitFile's
 * head, file and tail. */
static bool gather(struct lsw_thread *t, const struct sock_async *op, uint64_t off, uint8_t *out,
		   uint64_t n)
{
	uint64_t head = op->bufs[0].len, take;

	if (!op->file)
		return move_bufs(t, op, off, out, n, false);
	if (off < head) {
		take = head - off < n ? head - off : n;
		if (tracee_read(t, op->bufs[0].ptr + off, out, take) < 0)
			return false;
		off += take, out += take, n -= take;
	}
	if (n && off < head + op->file_len) {
		take = head + op->file_len - off < n ? head + op->file_len - off : n;
		if (pread(op->file->fd, out, take, (off_t)(op->file_off + off - head)) != (ssize_t)take)
			return false;
		off += take, out += take, n -= take;
	}
	return !n || tracee_read(t, op->bufs[1].ptr + (off - head - op->file_len), out, n) == 0;
}

/* The sender's address, where the request asked for it. */
static NTSTATUS give_from(struct lsw_thread *t, const struct sock_async *op,
			  const struct sockaddr_storage *a, socklen_t alen)
{
	uint8_t out[LSW_SOCKADDR_MAX];
	uint32_t n = alen ? sock_addr_out(a, alen, out) : 0;
	int32_t room;

	if (!op->head.from)
		return LSW_STATUS_SUCCESS;
	if (!op->head.from_len || tracee_read(t, op->head.from_len, &room, sizeof(room)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (room < (int32_t)n)
		return LSW_STATUS_BUFFER_TOO_SMALL;
	if ((n && tracee_write(t, op->head.from, out, n) < 0) ||
	    tracee_write(t, op->head.from_len, &(int32_t){ (int32_t)n }, sizeof(int32_t)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

/* A stream's receive of no bytes ends when there is data to read (or the
 * connection's end), as libuv's "zero reads" count on; Linux would answer
 * one at once. */
static NTSTATUS zero_read(struct sock_async *op)
{
	struct pollfd p = { op->f->fd, POLLIN | POLLRDHUP, 0 };

	if (op->f->sock->shut_recv)
		return LSW_STATUS_PIPE_DISCONNECTED;
	if (poll(&p, 1, 0) < 0)
		return sock_errno_status(errno);
	if (p.revents & POLLERR) {
		int err = ECONNRESET;
		socklen_t len = sizeof(err);

		getsockopt(op->f->fd, SOL_SOCKET, SO_ERROR, &err, &len);
		return sock_errno_status(err ? err : ECONNRESET);
	}
	return p.revents ? LSW_STATUS_SUCCESS : LSW_STATUS_CANT_WAIT;
}

/* One receive: STATUS_CANT_WAIT when nothing is there yet. */
static NTSTATUS try_recv(struct lsw_thread *t, struct sock_async *op, uint64_t *info)
{
	struct sockaddr_storage a;
	uint64_t len = op->total < CHUNK ? op->total : CHUNK;
	uint8_t *buf = malloc(len ? len : 1);
	char control[SOCK_CONTROL_MAX];
	struct iovec iov = { buf, len };
	struct msghdr m = { .msg_name = &a, .msg_namelen = sizeof(a), .msg_iov = &iov,
			    .msg_iovlen = 1 };
	NTSTATUS st = LSW_STATUS_SUCCESS;
	ssize_t n;

	if (!buf)
		return LSW_STATUS_NO_MEMORY;
	if (!op->total && op->f->sock->type == 1) {
		free(buf);
		return zero_read(op);
	}
	if (op->head.cmsg.control_len) {
		m.msg_control = control;
		m.msg_controllen = sizeof(control);
	}
	if (op->f->sock->shut_recv)
		st = LSW_STATUS_PIPE_DISCONNECTED;
	else if ((n = recvmsg(op->f->fd, &m, (op->head.flags & (WIN_MSG_OOB | WIN_MSG_PEEK)) |
				      MSG_DONTWAIT)) < 0)
		st = sock_errno_status(errno);
	else if (!move_bufs(t, op, 0, buf, (uint64_t)n, true))
		st = LSW_STATUS_ACCESS_VIOLATION;
	else {
		*info = (uint64_t)n;
		st = give_from(t, op, &a, m.msg_namelen);
		if (st == LSW_STATUS_SUCCESS && (m.msg_flags & MSG_TRUNC))
			st = LSW_STATUS_BUFFER_OVERFLOW; /* WSAEMSGSIZE, the rest lost */
		if (st == LSW_STATUS_SUCCESS)
			st = sock_give_control(t, &op->head.cmsg, &m);
	}
	free(buf);
	return st;
}

/* Sends what is left: a stream request ends when all of it went, a
 * datagram in one piece.  STATUS_CANT_WAIT while some is left. */
static NTSTATUS try_send(struct lsw_thread *t, struct sock_async *op, uint64_t *info)
{
	struct sockaddr_storage a;
	socklen_t alen = 0;
	uint8_t *buf;
	NTSTATUS st;

	if (op->f->sock->shut_send)
		return LSW_STATUS_PIPE_DISCONNECTED;
	if (op->code == IOCTL_LSW_SOCKET_SEND_ASYNC && op->head.to_len && op->f->sock->type == 2 &&
	    (st = sock_addr_in(op->f->sock->family, op->head.to, op->head.to_len, &a, &alen)))
		return st;
	if (op->f->sock->type == 2 && op->total > 65535)
		return LSW_STATUS_INVALID_BUFFER_SIZE; /* WSAEMSGSIZE */
	if (!(buf = malloc(CHUNK)))
		return LSW_STATUS_NO_MEMORY;
	st = LSW_STATUS_SUCCESS;
	/* DisconnectEx sends nothing; an empty WSASend sends an empty datagram */
	if (!op->total && (op->head.flags & LSW_SOCK_SEND_SHUTDOWN))
		op->done = op->total = 0;
	else do {
		uint64_t len = op->total - op->done < CHUNK ? op->total - op->done : CHUNK;
		ssize_t n;

		if (!gather(t, op, op->done, buf, len)) {
			st = LSW_STATUS_ACCESS_VIOLATION;
			break;
		}
		n = sendto(op->f->fd, buf, len,
			   (op->head.flags & (WIN_MSG_OOB | WIN_MSG_DONTROUTE)) | MSG_DONTWAIT |
				   MSG_NOSIGNAL, alen ? (struct sockaddr *)&a : NULL, alen);
		if (n < 0) {
			st = sock_errno_status(errno);
			break;
		}
		op->done += (uint64_t)n;
	} while (op->done < op->total);
	free(buf);
	*info = op->done;
	if (st == LSW_STATUS_SUCCESS && (op->head.flags & LSW_SOCK_SEND_SHUTDOWN)) {
		if (shutdown(op->f->fd, SHUT_WR) < 0)
			return sock_errno_status(errno);
		op->f->sock->shut_send = true;
	}
	return st;
}

/* ConnectEx: the connection, then its data.  STATUS_CANT_WAIT while the
 * connection is being made. */
static NTSTATUS try_connect(struct lsw_thread *t, struct sock_async *op, uint64_t *info)
{
	int err = 0;
	socklen_t len = sizeof(err);

	if (!op->phase2) {
		if (op->refused)
			return op->refused;
		if (getsockopt(op->f->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
			err = errno;
		if (err)
			return op->f->sock->connecting = false, sock_errno_status(err);
		if (!sock_is_connected(op->f))
			return LSW_STATUS_CANT_WAIT;
		op->f->sock->connecting = false;
		op->phase2 = true;
	}
	return op->total ? try_send(t, op, info) : LSW_STATUS_SUCCESS;
}

/* AcceptEx's addresses after its data: local, then the peer's, each at
 * the start of its part of the buffer, and only in a part that holds it
 * and 16 bytes more (documented); a local part too small is left as it
 * is (Wine's ws2_32 tests, as Windows does). */
static NTSTATUS give_addresses(struct lsw_thread *t, struct sock_async *op)
{
	int fd = op->accepted->fd;

	for (int peer = 0; peer < 2; peer++) {
		struct sockaddr_storage a;
		socklen_t len = sizeof(a);
		uint8_t out[LSW_SOCKADDR_MAX] = { 0 };
		uint64_t at = op->acc.buf + op->acc.data_len + (peer ? op->acc.local_len : 0);
		uint32_t n;

		if ((peer ? getpeername : getsockname)(fd, (struct sockaddr *)&a, &len) < 0)
			return sock_errno_status(errno);
		n = sock_addr_out(&a, len, out);
		if (n + 16 > (peer ? op->acc.remote_len : op->acc.local_len))
			continue;
		if (tracee_write(t, at, out, n) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
	}
	return LSW_STATUS_SUCCESS;
}

/* AcceptEx: a connection into the accepting socket, then (data_len) its
 * first data, then the addresses. */
static NTSTATUS try_accept(struct lsw_thread *t, struct sock_async *op, uint64_t *info)
{
	struct file_object *nf = op->accepted;
	NTSTATUS st;

	if (!op->phase2) {
		int fd = accept4(op->f->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);

		if (fd < 0)
			return sock_errno_status(errno);
		if (nf->sock->watch) {
			epoll_ctl(nf->sock->watch->epfd, EPOLL_CTL_DEL, nf->fd, NULL);
			nf->sock->watch->interest = 0;
		}
		close(nf->fd);
		nf->fd = fd;
		op->phase2 = true;
		sock_select_reenable(op->f, IOCTL_LSW_SOCKET_ACCEPT, LSW_STATUS_SUCCESS);
		sock_watch_update(nf);
	}
	if (op->acc.data_len) {
		struct lsw_sock_buf b = { op->acc.buf, op->acc.data_len, 0 };
		struct sock_async data = { .f = nf, .head = { .count = 1 }, .bufs = &b,
					   .total = op->acc.data_len };

		if ((st = try_recv(t, &data, info)) != LSW_STATUS_SUCCESS)
			return st == (NTSTATUS)LSW_STATUS_BUFFER_OVERFLOW ? LSW_STATUS_SUCCESS : st;
	}
	return give_addresses(t, op);
}

/* The request, tried now: its status, *info its bytes. */
static NTSTATUS try_op(struct lsw_thread *t, struct sock_async *op, uint64_t *info)
{
	*info = 0;
	if (!t)
		return LSW_STATUS_CANCELLED; /* the process went */
	switch (op->code) {
	case IOCTL_LSW_SOCKET_RECV_ASYNC: return try_recv(t, op, info);
	case IOCTL_LSW_SOCKET_SEND_ASYNC:
	case IOCTL_LSW_SOCKET_TRANSMIT_FILE: return try_send(t, op, info);
	case IOCTL_LSW_SOCKET_CONNECT_ASYNC: return try_connect(t, op, info);
	default: return try_accept(t, op, info);
	}
}

static void op_free(struct sock_async *op)
{
	if (op->accepted && op->accepted->sock->accepting == op)
		op->accepted->sock->accepting = NULL;
	if (op->file)
		object_unref(&op->file->hdr);
	free(op->bufs);
	free(op);
}

static void unlink_op(struct sock_async *op)
{
	struct sock_watch *w = op->f->sock->watch;

	for (struct sock_async **p = &w->ops; *p; p = &(*p)->next)
		if (*p == op) {
			*p = op->next;
			w->nops--;
			return;
		}
}

/* A port the socket was bound to after the request was made takes its
 * end too (Wine's ws2_32 tests: an AcceptEx, then CreateIoCompletionPort). */
static void adopt_port(struct sock_async *op, const struct file_object *f)
{
	if (!op->io.port && f->completion) {
		op->io.port = io_queue_ref(f->completion);
		op->io.key = f->completion_key;
	}
}

/* Ends a queued request: told as its call asked. */
static void finish(struct sock_async *op, NTSTATUS st, uint64_t info)
{
	adopt_port(op, op->f);
	unlink_op(op);
	sock_select_reenable(op->f, op->code, st);
	signal_file(op->f, pending_io_finish(&op->io, st, info));
	op_free(op);
}

/* An AcceptEx that has its connection waits for its data on the
 * accepting socket. */
static void move_to_accepted(struct sock_async *op)
{
	struct file_object *from = op->f;
	struct sock_watch *w = sock_watch_of(op->accepted);
	struct sock_async **tail;

	if (!w) {
		finish(op, LSW_STATUS_INSUFFICIENT_RESOURCES, 0);
		return;
	}
	unlink_op(op);
	sock_watch_update(from);
	op->f = op->accepted;
	for (tail = &w->ops; *tail; tail = &(*tail)->next)
		;
	*tail = op;
	w->nops++;
	sock_watch_update(op->f);
}

static bool waits_for_data(const struct sock_async *op)
{
	return op->code == IOCTL_LSW_SOCKET_ACCEPT_INTO && op->phase2 && op->f != op->accepted;
}

/* A synchronous handle's caller ended some other way (nt_cancel). */
static void drop_op(struct lsw_thread *t, void *arg)
{
	struct sock_async *op = arg;
	struct file_object *f = op->f;

	(void)t;
	unlink_op(op);
	pending_io_release(&op->io);
	op_free(op);
	sock_watch_update(f);
}

/* The socket is ready: its requests go in order, each direction's
 * stopping at the first that must wait. */
static void on_ready(void *arg, uint32_t events)
{
	struct file_object *f = arg;
	struct sock_watch *w = f->sock->watch;
	uint32_t blocked = 0;
	struct sock_async *op, *next;
	struct epoll_event drained[2];

	(void)events;
	/* edge-triggered: what woke us is taken, a later change wakes again */
	while (epoll_wait(w->epfd, drained, 2, 0) > 0)
		;
	object_ref(&f->hdr); /* an end may close handles */
	for (op = w->ops; op; op = next) {
		uint64_t info;
		NTSTATUS st;

		next = op->next;
		if (blocked & wants(op))
			continue;
		st = try_op(owner(op), op, &info);
		if (st == (NTSTATUS)LSW_STATUS_CANT_WAIT && !waits_for_data(op)) {
			blocked |= wants(op);
			continue;
		}
		if (st == (NTSTATUS)LSW_STATUS_CANT_WAIT)
			move_to_accepted(op);
		else
			finish(op, st, info);
		next = w->ops; /* the list may have changed: start over */
		blocked = 0;
	}
	sock_select_check(f);
	sock_watch_update(f);
	object_unref(&f->hdr);
}

unsigned sock_async_cancel(struct file_object *f, uint32_t tid, uint64_t iosb)
{
	struct sock_watch *w = sock_of(f) ? f->sock->watch : NULL;
	unsigned n = 0;

	for (struct sock_async *op = w ? w->ops : NULL, *next; op; op = next) {
		next = op->next;
		if ((tid && op->io.tid != tid) || (iosb && op->io.iosb != iosb))
			continue;
		finish(op, LSW_STATUS_CANCELLED, 0);
		n++;
		next = w->ops;
		if (iosb)
			break;
	}
	n += afd_poll_cancel(w, tid, iosb);
	if (n)
		sock_watch_update(f);
	return n;
}

void sock_async_free(struct lsw_socket *s)
{
	struct sock_watch *w = s->watch;

	if (s->accepting) { /* its AcceptEx cannot end well any more */
		struct sock_async *op = s->accepting;

		/* told, but no file is set: the one going may be op's own */
		adopt_port(op, op->f);
		unlink_op(op);
		pending_io_finish(&op->io, LSW_STATUS_CANCELLED, 0);
		op_free(op);
	}
	if (!w)
		return;
	afd_poll_cancel(w, 0, 0);
	while (w->ops) {
		struct sock_async *op = w->ops;

		w->ops = op->next;
		adopt_port(op, w->file);
		pending_io_finish(&op->io, LSW_STATUS_CANCELLED, 0);
		op_free(op);
	}
	if (w->event)
		object_unref(w->event);
	loop_unwatch(w->loop, w->epfd);
	close(w->epfd);
	free(w);
	s->watch = NULL;
}

/* Reads the buffers that follow the header. */
static NTSTATUS read_bufs(struct sock_request *r, struct sock_async *op, size_t at)
{
	if (op->head.count > LSW_SOCK_BUFS_MAX ||
	    r->in_len != at + (size_t)op->head.count * sizeof(*op->bufs))
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(op->bufs = calloc(op->head.count + 1, sizeof(*op->bufs))))
		return LSW_STATUS_NO_MEMORY;
	memcpy(op->bufs, r->in + at, (size_t)op->head.count * sizeof(*op->bufs));
	for (uint32_t i = 0; i < op->head.count; i++) {
		if (op->bufs[i].len && !op->bufs[i].ptr)
			return LSW_STATUS_ACCESS_VIOLATION;
		op->total += op->bufs[i].len;
	}
	return op->total > 0x7fffffff ? LSW_STATUS_INVALID_PARAMETER : LSW_STATUS_SUCCESS;
}

/* AcceptEx's accepting socket: another socket of the caller's, made and
 * neither bound nor listening; the buffer holds both addresses. */
static NTSTATUS read_accept(struct sock_request *r, struct sock_async *op)
{
	struct file_object *nf;
	uint32_t room;
	NTSTATUS st;

	if (r->in_len != sizeof(op->acc))
		return LSW_STATUS_INVALID_PARAMETER;
	memcpy(&op->acc, r->in, sizeof(op->acc));
	if (!r->f->sock->listening)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(nf = get_file(r->c, op->acc.accepted, &st)))
		return st;
	if (!sock_of(nf) || nf->fd < 0 || nf == r->f)
		return LSW_STATUS_INVALID_HANDLE;
	if (nf->sock->type != 1 || nf->sock->listening || nf->sock->accepting ||
	    sock_is_connected(nf) || sock_is_bound(nf))
		return LSW_STATUS_INVALID_PARAMETER;
	/* the peer's part holds its address and 16 bytes more (documented) */
	room = (r->f->sock->family == AF_INET6_WIN ? 28u : 16u) + 16u;
	if (!op->acc.buf)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (op->acc.remote_len < room ||
	    (uint64_t)op->acc.data_len + op->acc.local_len + op->acc.remote_len > 0x7fffffff)
		return LSW_STATUS_BUFFER_TOO_SMALL;
	op->accepted = nf;
	nf->sock->accepting = op;
	return LSW_STATUS_SUCCESS;
}

/* ConnectEx: a bound stream socket, not connected; the connection is
 * started here. */
static NTSTATUS start_connect(struct sock_request *r, struct sock_async *op)
{
	struct sockaddr_storage a;
	socklen_t alen;
	NTSTATUS st;

	if (r->f->sock->type != 1 || r->f->sock->listening || !sock_is_bound(r->f))
		return LSW_STATUS_INVALID_PARAMETER;
	if (sock_is_connected(r->f))
		return LSW_STATUS_CONNECTION_ACTIVE;
	if ((st = sock_addr_in(r->f->sock->family, op->head.to,
			       op->head.to_len < sizeof(op->head.to) ? op->head.to_len
								     : sizeof(op->head.to),
			       &a, &alen)))
		return st;
	if (connect(r->f->fd, (struct sockaddr *)&a, alen) == 0)
		return LSW_STATUS_SUCCESS;
	/* the connection's end, not the call's (begin) */
	if (errno == ECONNREFUSED || errno == ENETUNREACH || errno == EHOSTUNREACH ||
	    errno == ETIMEDOUT) {
		op->refused = sock_errno_status(errno);
		return LSW_STATUS_SUCCESS;
	}
	if (errno != EINPROGRESS)
		return sock_errno_status(errno);
	r->f->sock->connecting = true;
	return LSW_STATUS_SUCCESS;
}

/* TransmitFile: a connected stream socket; a file of the caller's open
 * for reading, its part taken now. */
static NTSTATUS read_transmit(struct sock_request *r, struct sock_async *op)
{
	struct lsw_sock_transmit tx;
	struct file_object *file = NULL;
	struct stat sb;
	NTSTATUS st;

	if (r->in_len != sizeof(tx))
		return LSW_STATUS_INVALID_PARAMETER;
	memcpy(&tx, r->in, sizeof(tx));
	if (tx.flags & ~(TF_DISCONNECT | TF_REUSE_SOCKET | TF_WRITE_BEHIND | TF_USE_SYSTEM_THREAD |
			 TF_USE_KERNEL_APC))
		return LSW_STATUS_INVALID_PARAMETER;
	if (r->f->sock->type != 1 || !sock_is_connected(r->f))
		return LSW_STATUS_INVALID_CONNECTION;
	if (tx.file && !(file = get_file(r->c, tx.file, &st)))
		return st;
	if (file && (file->kind != FILE_KIND_DISK || file->fd < 0 || fstat(file->fd, &sb) < 0))
		return LSW_STATUS_INVALID_HANDLE;
	if (!(op->bufs = calloc(2, sizeof(*op->bufs))))
		return LSW_STATUS_NO_MEMORY;
	op->head.count = 2;
	op->bufs[0] = (struct lsw_sock_buf){ tx.head, tx.head ? tx.head_len : 0, 0 };
	op->bufs[1] = (struct lsw_sock_buf){ tx.tail, tx.tail ? tx.tail_len : 0, 0 };
	if (file) {
		op->file_off = tx.offset < 0 ? file->pos : (uint64_t)tx.offset;
		op->file_len = op->file_off >= (uint64_t)sb.st_size ? 0 : (uint64_t)sb.st_size - op->file_off;
		if (tx.bytes && tx.bytes < op->file_len)
			op->file_len = tx.bytes;
		if (tx.offset < 0)
			file->pos = op->file_off + op->file_len;
		op->file = (struct file_object *)object_ref(&file->hdr);
	}
	op->total = op->bufs[0].len + op->file_len + op->bufs[1].len;
	if (tx.flags & TF_DISCONNECT)
		op->head.flags = LSW_SOCK_SEND_SHUTDOWN;
	return LSW_STATUS_SUCCESS;
}

static NTSTATUS read_request(struct sock_request *r, struct sock_async *op)
{
	NTSTATUS st;

	if (r->code == IOCTL_LSW_SOCKET_ACCEPT_INTO)
		return read_accept(r, op);
	if (r->code == IOCTL_LSW_SOCKET_TRANSMIT_FILE)
		return read_transmit(r, op);
	if (r->in_len < sizeof(op->head))
		return LSW_STATUS_INVALID_PARAMETER;
	memcpy(&op->head, r->in, sizeof(op->head));
	if ((st = read_bufs(r, op, sizeof(op->head))) != LSW_STATUS_SUCCESS)
		return st;
	if (op->head.flags & ~(r->code == IOCTL_LSW_SOCKET_RECV_ASYNC ? WIN_MSG_OOB | WIN_MSG_PEEK
		    : r->code == IOCTL_LSW_SOCKET_SEND_ASYNC ? WIN_MSG_OOB | WIN_MSG_DONTROUTE |
							       LSW_SOCK_SEND_SHUTDOWN
							     : 0))
		return LSW_STATUS_NOT_SUPPORTED;
	if (op->head.to_len > sizeof(op->head.to))
		op->head.to_len = sizeof(op->head.to);
	if (r->code == IOCTL_LSW_SOCKET_CONNECT_ASYNC)
		return start_connect(r, op);
	if (r->code == IOCTL_LSW_SOCKET_RECV_ASYNC && r->f->sock->type == 2 && !sock_is_bound(r->f))
		return LSW_STATUS_INVALID_PARAMETER;
	return LSW_STATUS_SUCCESS;
}

/* The request waits for its socket. */
static NTSTATUS queue(struct nt_call *c, struct file_object *f, struct sock_async *op)
{
	struct sock_watch *w = sock_watch_of(f);
	struct sock_async **tail;

	if (!w || w->nops >= SOCK_QUEUED_MAX) {
		op_free(op);
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	}
	pending_io_init(&op->io, c, f);
	for (tail = &w->ops; *tail; tail = &(*tail)->next)
		;
	*tail = op;
	w->nops++;
	sock_watch_update(f);
	if (waits_for_data(op))
		move_to_accepted(op);
	if (!op->io.waiter)
		return LSW_STATUS_PENDING;
	nt_defer(c, drop_op, op);
	nt_defer_sync_io(c, c->args[4], false);
	return NT_DEFERRED;
}

/* A request that must wait behind others of its direction waits. */
static bool behind_others(const struct file_object *f, const struct sock_async *op)
{
	const struct sock_watch *w = f->sock->watch;

	for (const struct sock_async *o = w ? w->ops : NULL; o; o = o->next)
		if (wants(o) & wants(op))
			return true;
	return false;
}

/* Tries the request now (its buffers checked): queued when it must wait,
 * else its end written to the IO_STATUS_BLOCK (*info its bytes) for the
 * caller to tell.  Takes op. */
static NTSTATUS begin(struct nt_call *c, struct file_object *f, struct sock_async *op,
		      uint64_t *info)
{
	NTSTATUS st;

	*info = 0;
	f->sock->signaled = false; /* until this I/O ends */
	st = behind_others(f, op) ? (NTSTATUS)LSW_STATUS_CANT_WAIT : try_op(c->thread, op, info);
	if (st == (NTSTATUS)LSW_STATUS_CANT_WAIT)
		return queue(c, f, op);
	if (op->code == IOCTL_LSW_SOCKET_CONNECT_ASYNC && !op->phase2 && nt_error(st)) {
		/* a loopback peer refuses at once here; on Windows that is the
		 * request's end, after it pended (Wine's ws2_32 tests) */
		op_free(op);
		f->sock->signaled = true;
		return file_io_fail_pended(c, f, st);
	}
	signal_file(f, c->args[1] != 0);
	sock_select_reenable(f, op->code, st);
	if (!nt_error(st) && tracee_write_iosb(c->thread, c->args[4], st, *info) != LSW_STATUS_SUCCESS)
		st = LSW_STATUS_ACCESS_VIOLATION;
	op_free(op);
	return st;
}

NTSTATUS sock_async(struct sock_request *r)
{
	struct sock_async *op = calloc(1, sizeof(*op));
	uint64_t info = 0;
	NTSTATUS st;

	if (!op)
		return LSW_STATUS_NO_MEMORY;
	op->f = r->f;
	op->code = r->code;
	if ((st = read_request(r, op)) != LSW_STATUS_SUCCESS ||
	    (st = file_io_begin(r->c, r->f)) != LSW_STATUS_SUCCESS) {
		op_free(op);
		return st;
	}
	if (op->code == IOCTL_LSW_SOCKET_RECV_ASYNC) /* locked for the I/O: written */
		for (uint32_t i = 0; i < op->head.count; i++)
			write_watch_io(r->c, op->bufs[i].ptr, op->bufs[i].len);
	st = begin(r->c, r->f, op, &info);
	if (st == LSW_STATUS_PENDING || st == NT_DEFERRED || nt_error(st))
		return st;
	file_io_end(r->c, r->f, st, false); /* ended in its call: told at once */
	r->done = info;
	return st;
}

NTSTATUS sock_file_io(struct nt_call *c, struct file_object *f, bool write)
{
	struct sock_async *op = calloc(1, sizeof(*op));
	uint64_t info;

	if (!op || !(op->bufs = calloc(1, sizeof(*op->bufs)))) {
		free(op);
		return LSW_STATUS_NO_MEMORY;
	}
	op->f = f;
	op->code = write ? IOCTL_LSW_SOCKET_SEND_ASYNC : IOCTL_LSW_SOCKET_RECV_ASYNC;
	op->head.count = 1;
	op->bufs[0].ptr = c->args[5];
	op->bufs[0].len = (uint32_t)c->args[6];
	op->total = op->bufs[0].len;
	return begin(c, f, op, &info);
}
