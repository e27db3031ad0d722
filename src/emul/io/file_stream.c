/*
 * Streams: lsw's own stdin, stdout and stderr and the terminal, which may
 * be pipes or terminals nobody reads or writes.  No read or write of one
 * may block the supervisor (one loop serves every thread, the timeout and
 * Ctrl-C), so a stream gets an open file description of its own in
 * non-blocking mode (reopened through /proc/self/fd: lsw's and the shell's
 * stay as they are).  A read or write that cannot finish now is a deferred
 * call, resumed when epoll says the stream is ready, in arrival order for
 * each direction; it is dropped unanswered when its thread ends (nt_cancel).
 * A synchronous write completes when all its bytes are written, as on
 * Windows; a read with whatever is there once something is.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/io/file.h"

#define CHUNK 65536
#define STATUS_PIPE_CLOSING 0xC00000B1u
/* Without a description of its own, a write after POLLOUT is kept this
 * small: a terminal promises at least that much room. */
#define POLLED_WRITE_MAX 256

struct stream_op {
	struct stream_op *next;
	struct lsw_thread *thread;
	struct file_object *file;    /* referenced */
	uint64_t done;               /* bytes written so far */
};

/* How the stream is kept from blocking. */
static int stream_mode(int fd, int *own)
{
	char path[32];
	struct stat st;
	int flags = fcntl(fd, F_GETFL);

	*own = -1;
	if (flags < 0 || fstat(fd, &st) < 0 || S_ISREG(st.st_mode) || S_ISBLK(st.st_mode))
		return STREAM_PLAIN; /* a file is always ready */
	if (S_ISSOCK(st.st_mode))
		return STREAM_SOCKET;
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	*own = open(path, (flags & O_ACCMODE) | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	return *own >= 0 ? STREAM_OWN : STREAM_POLLED;
}

struct file_object *file_from_stdio(struct lsw_process *p, int fd, uint32_t access)
{
	static const char *names[] = { "stdin", "stdout", "stderr" }; /* lsw's own */
	struct stat st;
	int own, mode = stream_mode(fd, &own);
	int sfd = own >= 0 ? own : fcntl(fd, F_DUPFD_CLOEXEC, 10);
	struct file_object *f;

	if (sfd < 0) {
		sfd = open("/dev/null", O_RDWR | O_CLOEXEC);
		mode = STREAM_PLAIN;
	}
	f = file_new(p, FILE_KIND_STREAM, sfd, fd <= 2 ? names[fd] : "console");
	if (!f) {
		close(sfd);
		return NULL;
	}
	f->access = access;
	f->options = 0x20; /* FILE_SYNCHRONOUS_IO_NONALERT, as console and pipe handles are */
	f->stream_mode = (uint8_t)mode;
	f->tty = isatty(sfd);
	if (fstat(sfd, &st) == 0) {
		if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))
			f->device_type = FILE_DEVICE_NAMED_PIPE;
		else if (S_ISCHR(st.st_mode))
			f->device_type = f->tty ? FILE_DEVICE_CONSOLE : FILE_DEVICE_NULL;
	}
	return f;
}

/* Whether a polled stream is ready for events now. */
static bool ready(const struct file_object *f, short events)
{
	struct pollfd p = { f->fd, events, 0 };

	return poll(&p, 1, 0) > 0;
}

/* read/write that do not block: -1 with EAGAIN when the stream is not ready. */
static ssize_t read_nb(struct file_object *f, void *buf, size_t len)
{
	if (f->stream_mode == STREAM_SOCKET)
		return recv(f->fd, buf, len, MSG_DONTWAIT);
	if (f->stream_mode == STREAM_POLLED && !ready(f, POLLIN)) {
		errno = EAGAIN;
		return -1;
	}
	return read(f->fd, buf, len);
}

static ssize_t write_nb(struct file_object *f, const void *buf, size_t len)
{
	if (f->stream_mode == STREAM_SOCKET)
		return send(f->fd, buf, len, MSG_DONTWAIT | MSG_NOSIGNAL);
	if (f->stream_mode == STREAM_POLLED) {
		if (!ready(f, POLLOUT)) {
			errno = EAGAIN;
			return -1;
		}
		if (len > POLLED_WRITE_MAX)
			len = POLLED_WRITE_MAX;
	}
	return write(f->fd, buf, len);
}

/* Watches the stream for what its queued calls wait for, and no more. */
static void on_ready(void *arg, uint32_t events);

static void update_watch(struct file_object *f)
{
	uint32_t want = (f->readers ? EPOLLIN : 0) | (f->writers ? EPOLLOUT : 0);

	if (want == f->watched)
		return;
	if (f->watched)
		loop_unwatch(&f->host->loop, f->fd);
	f->watched = 0;
	if (want && loop_watch(&f->host->loop, f->fd, want, on_ready, f) == 0)
		f->watched = want; /* else not pollable: defer() gives up */
}

static void unlink_op(struct stream_op **queue, struct stream_op *op)
{
	for (struct stream_op **p = queue; *p; p = &(*p)->next)
		if (*p == op) {
			*p = op->next;
			return;
		}
}

static void free_op(struct stream_op *op)
{
	object_unref(&op->file->hdr);
	free(op);
}

/* The op's thread ended or was answered otherwise (nt_cancel). */
static void drop_op(struct lsw_thread *t, void *arg)
{
	struct stream_op *op = arg;
	struct file_object *f = op->file;

	(void)t;
	unlink_op(&f->readers, op);
	unlink_op(&f->writers, op);
	update_watch(f);
	free_op(op);
}

/* Queues the caller's call behind the others in that direction. */
static NTSTATUS defer(struct nt_call *c, struct file_object *f, struct stream_op **queue,
		      uint64_t done)
{
	struct stream_op *op = calloc(1, sizeof(*op)), **tail = queue;

	if (!op)
		return LSW_STATUS_NO_MEMORY;
	op->thread = c->thread;
	op->file = (struct file_object *)object_ref(&f->hdr);
	op->done = done;
	while (*tail)
		tail = &(*tail)->next;
	*tail = op;
	update_watch(f);
	if (!f->watched) { /* cannot wait for it: give up rather than block */
		unlink_op(queue, op);
		free_op(op);
		return LSW_STATUS_UNSUCCESSFUL;
	}
	nt_defer(c, drop_op, op);
	return NT_DEFERRED;
}

/*
 * Writes what is left of c's buffer from *done on: 1 when all of it is
 * written, 0 when the stream is full, -1 on an error (*st says which).
 */
static int push(struct nt_call *c, struct file_object *f, uint64_t *done, NTSTATUS *st)
{
	static char buf[CHUNK];
	uint64_t len = (uint32_t)c->args[6];

	while (*done < len) {
		size_t n = len - *done < CHUNK ? (size_t)(len - *done) : CHUNK;
		ssize_t w;

		if (tracee_read(c->thread, c->args[5] + *done, buf, n) < 0) {
			*st = LSW_STATUS_ACCESS_VIOLATION;
			return -1;
		}
		w = write_nb(f, buf, n);
		if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return 0;
		if (w <= 0) {
			*st = errno_to_status(w < 0 ? errno : EPIPE);
			/* a pipe whose reader is gone: "the pipe is being closed" */
			if (*st == (NTSTATUS)LSW_STATUS_PIPE_BROKEN && f->device_type == FILE_DEVICE_NAMED_PIPE)
				*st = STATUS_PIPE_CLOSING;
			return -1;
		}
		*done += (uint64_t)w;
	}
	return 1;
}

/* The answer of a write that ended: a short write after an error reports
 * what did get through. */
static NTSTATUS write_result(struct nt_call *c, int r, uint64_t done, NTSTATUS st)
{
	if (r < 0 && (done == 0 || st == (NTSTATUS)LSW_STATUS_ACCESS_VIOLATION))
		return st;
	return tracee_write_iosb(c->thread, c->args[4], LSW_STATUS_SUCCESS, done);
}

/* A file takes every write whole (it may block the loop for the disk, as
 * a disk file's write does); a pipe in non-blocking mode takes up to
 * PIPE_BUF bytes whole or none at all (POSIX).  A terminal or a socket
 * may take part: their writes keep the syscall, which can queue them. */
bool stream_writes_at_once(const struct file_object *f, uint64_t len)
{
	if (f->writers)
		return false;
	if (f->stream_mode == STREAM_PLAIN)
		return true;
	return f->stream_mode == STREAM_OWN && !f->tty &&
	       f->device_type == FILE_DEVICE_NAMED_PIPE && len <= PIPE_BUF;
}

NTSTATUS stream_write(struct nt_call *c, struct file_object *f)
{
	uint64_t done = 0;
	NTSTATUS st = LSW_STATUS_SUCCESS;
	int r;

	if (f->writers) /* behind the calls already waiting: output stays in order */
		return defer(c, f, &f->writers, 0);
	r = push(c, f, &done, &st);
	/* a full pipe took nothing: the channel hands the call back, and the
	 * syscall queues it (stream_writes_at_once) */
	if (r == 0 && c->fast && done == 0)
		return NT_WOULD_BLOCK;
	if (r == 0)
		return defer(c, f, &f->writers, done);
	/* through the channel the runtime stores the IO_STATUS_BLOCK with the
	 * answer (no process_vm_writev); a fault there is the call's
	 * STATUS_ACCESS_VIOLATION, as a failed write of ours was, the bytes
	 * written either way */
	c->out_by_runtime = c->fast;
	return write_result(c, r, done, st);
}

NTSTATUS stream_read(struct nt_call *c, struct file_object *f)
{
	static char buf[CHUNK];
	size_t len = (uint32_t)c->args[6] < CHUNK ? (uint32_t)c->args[6] : CHUNK;
	ssize_t n;

	if (f->readers)
		return defer(c, f, &f->readers, 0);
	n = read_nb(f, buf, len);
	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
		return defer(c, f, &f->readers, 0);
	return file_read_done(c, f, buf, n);
}

/* The head writer goes on; each one that finishes is answered. */
static void resume_writers(struct file_object *f)
{
	struct stream_op *op;

	while ((op = f->writers)) {
		struct lsw_thread *t = op->thread;
		NTSTATUS st = LSW_STATUS_SUCCESS;
		int r = push(&t->call, f, &op->done, &st);

		if (r == 0)
			return;
		f->writers = op->next;
		nt_answer(t, file_io_end(&t->call, f, write_result(&t->call, r, op->done, st), true));
		free_op(op);
	}
}

static void resume_readers(struct file_object *f)
{
	static char buf[CHUNK];
	struct stream_op *op;

	while ((op = f->readers)) {
		struct lsw_thread *t = op->thread;
		size_t len = (uint32_t)t->call.args[6] < CHUNK ? (uint32_t)t->call.args[6] : CHUNK;
		ssize_t n = read_nb(f, buf, len);

		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		f->readers = op->next;
		nt_answer(t, file_io_end(&t->call, f, file_read_done(&t->call, f, buf, n), true));
		free_op(op);
	}
}

static void on_ready(void *arg, uint32_t events)
{
	struct file_object *f = arg;

	object_ref(&f->hdr); /* the last op may hold the last reference */
	if (events & (EPOLLIN | EPOLLHUP | EPOLLERR))
		resume_readers(f);
	if (events & (EPOLLOUT | EPOLLHUP | EPOLLERR))
		resume_writers(f);
	update_watch(f);
	object_unref(&f->hdr);
}

/* Ends the ops of one queue that match: their threads get STATUS_CANCELLED. */
static unsigned cancel_queue(struct stream_op **queue, uint64_t iosb)
{
	unsigned n = 0;

	for (struct stream_op **p = queue; *p;) {
		struct stream_op *op = *p;
		struct lsw_thread *t = op->thread;

		if (iosb && t->call.args[4] != iosb) {
			p = &op->next;
			continue;
		}
		*p = op->next;
		tracee_write_iosb(t, t->call.args[4], LSW_STATUS_CANCELLED, 0);
		nt_answer(t, LSW_STATUS_CANCELLED);
		free_op(op);
		n++;
	}
	return n;
}

unsigned stream_cancel(struct file_object *f, uint64_t iosb)
{
	unsigned n;

	object_ref(&f->hdr); /* the last op may hold the last reference */
	n = cancel_queue(&f->readers, iosb) + cancel_queue(&f->writers, iosb);
	update_watch(f);
	object_unref(&f->hdr);
	return n;
}
