/*
 * Pipes: NtCreateNamedPipeFile without a name makes an anonymous pipe (as
 * CreatePipe does), whose client end is opened relative to the server's
 * handle with an empty name; NtFsControlFile's FSCTL_PIPE_PEEK looks at
 * what waits in it.
 *
 * Each end is a file object over one end of a host pipe (one-way: the
 * server's access says which way) or a stream socket pair (duplex), in
 * non-blocking mode: reads and writes are the stream ones (file_stream.c),
 * deferred while the pipe is empty or full, so nothing blocks the
 * supervisor.  An end closes with its last handle in any process; a read
 * then finds the end of data, which a pipe reports as STATUS_PIPE_BROKEN.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include "emul/io/file.h"
#include "emul/io/file_access.h"
#include "emul/io/pipe.h"
#include "emul/io/pipe_named.h"

#define FILE_CREATE 2
#define FILE_MODE_OPTIONS 0x3eu /* the FILE_*_IO and write-through bits */
#define FILE_OPENED 1
#define FILE_CREATED 2
#define FSCTL_PIPE_PEEK 0x0011400Cu
#define FILE_PIPE_CONNECTED_STATE 3
#define PEEK_HEADER 16
#define PEEK_MAX 65536
#define FILE_SHARE_WRITE_BIT 2u
#define FILE_SHARE_RW 3u
#define FILE_PIPE_INBOUND 0u
#define FILE_PIPE_OUTBOUND 1u
#define FILE_PIPE_FULL_DUPLEX 2u
#define FILE_PIPE_CLOSING_STATE 4u
#define FilePipeLocalInformation 24u
#define LOCAL_INFO_SIZE 40u

struct pipe_end {
	int client_fd;               /* the client end until it is opened, -1 after */
	bool server;
	uint32_t config;             /* FILE_PIPE_INBOUND, _OUTBOUND or _FULL_DUPLEX */
	uint32_t in_quota, out_quota;
};

void pipe_end_free(struct pipe_end *e)
{
	if (e && e->client_fd >= 0)
		close(e->client_fd);
	free(e);
}

/* A file object of p over one end of the pipe (fd is taken); options:
 * the create or open options (FILE_SYNCHRONOUS_IO_* decide whether a
 * completion port may be set, file_completion.c). */
static struct file_object *pipe_file(struct lsw_process *p, int fd, bool socket, uint32_t access,
				     uint32_t options)
{
	struct file_object *f = file_new(p, FILE_KIND_STREAM, fd, "pipe");

	if (!f) {
		close(fd);
		return NULL;
	}
	f->stream_mode = socket ? STREAM_SOCKET : STREAM_OWN; /* already non-blocking */
	f->device_type = FILE_DEVICE_NAMED_PIPE;
	f->access = access;
	f->options = options & FILE_MODE_OPTIONS;
	return f;
}

/* Both ends: [0] the server's, [1] the client's, for a server with access. */
static int make_pipe(uint32_t access, int fds[2], bool *socket)
{
	bool reads = access & FILE_READ_DATA, writes = access & FILE_WRITE_DATA;
	int p[2];

	*socket = reads == writes; /* duplex (or neither: as duplex) */
	if (*socket)
		return socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds);
	if (pipe2(p, O_NONBLOCK | O_CLOEXEC) < 0)
		return -1;
	fds[0] = reads ? p[0] : p[1]; /* inbound: the server reads */
	fds[1] = reads ? p[1] : p[0];
	return 0;
}

/* NtCreateNamedPipeFile's share access says which way the pipe goes
 * (as the server sees it): clients that may write make it inbound. */
static uint32_t config_of(uint32_t share)
{
	if ((share & FILE_SHARE_RW) == FILE_SHARE_RW)
		return FILE_PIPE_FULL_DUPLEX;
	return share & FILE_SHARE_WRITE_BIT ? FILE_PIPE_INBOUND : FILE_PIPE_OUTBOUND;
}

/* The server end and its pending client end, as a handle of the caller's. */
static NTSTATUS create_anonymous(struct nt_call *c, uint32_t access, uint32_t options,
			       uint64_t *h)
{
	struct file_object *f;
	struct pipe_end *e = calloc(1, sizeof(*e));
	NTSTATUS st;
	bool socket;
	int fds[2];

	if (!e)
		return LSW_STATUS_NO_MEMORY;
	e->server = true;
	e->config = config_of((uint32_t)c->args[4]);
	e->in_quota = (uint32_t)c->args[11];
	e->out_quota = (uint32_t)c->args[12];
	if (make_pipe(access, fds, &socket) < 0) {
		st = errno_to_status(errno);
		free(e);
		return st;
	}
	e->client_fd = fds[1];
	if (!(f = pipe_file(c->thread->process, fds[0], socket, access, options))) {
		pipe_end_free(e);
		return LSW_STATUS_NO_MEMORY;
	}
	f->pipe = e;
	st = handle_create_call(c, &f->hdr, access, h);
	object_unref(&f->hdr);
	return st;
}

/* A named pipe's server instance: \Device\NamedPipe\NAME (or \??\pipe\NAME),
 * or NAME relative to the pipe file system's root (pipe_named.c). */
static NTSTATUS create_named(struct nt_call *c, uint64_t root, const uint16_t *name, size_t n,
			     uint32_t access, uint64_t *h)
{
	struct file_object *dir;
	size_t rest = 0;
	NTSTATUS st;

	if (root) {
		if (!(dir = get_file(c, root, &st)))
			return st;
		if (!dir->np || !dir->np->root)
			return LSW_STATUS_OBJECT_TYPE_MISMATCH;
		if (dir->np->device) /* names are under the directory, not the device */
			return LSW_STATUS_OBJECT_NAME_INVALID;
	} else if (!np_name_of(name, n, &rest)) {
		return LSW_STATUS_OBJECT_NAME_INVALID;
	}
	return np_create_server(c, name + rest, n - rest, root != 0, access, h);
}

static NTSTATUS create_unnamed(struct nt_call *c, uint32_t access, uint64_t *h)
{
	if ((uint32_t)c->args[5] != FILE_CREATE || !(uint32_t)c->args[10])
		return LSW_STATUS_INVALID_PARAMETER;
	if ((uint32_t)c->args[7] || (uint32_t)c->args[8])
		return LSW_STATUS_NOT_SUPPORTED; /* message mode needs a name here */
	return create_anonymous(c, access, (uint32_t)c->args[6], h);
}

/* NtCreateNamedPipeFile(*FileHandle, DesiredAccess, ObjectAttributes,
 *   IoStatusBlock, ShareAccess, CreateDisposition, CreateOptions,
 *   NamedPipeType, ReadMode, CompletionMode, MaximumInstances,
 *   InboundQuota, OutboundQuota, DefaultTimeout) */
NTSTATUS nt_NtCreateNamedPipeFile(struct nt_call *c)
{
	uint32_t access = file_map_generic((uint32_t)c->args[1]);
	uint64_t root, h = 0;
	uint16_t *name;
	size_t n;
	NTSTATUS st = object_attributes_read(c, c->args[2], &root, &name, &n, NULL);

	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (!name && root) /* no ObjectName beside a root (ntdll's om tests) */
		st = LSW_STATUS_OBJECT_NAME_INVALID;
	else if (n || root)
		st = create_named(c, root, name, n, access, &h);
	else /* no name, no root: an anonymous pipe (CreatePipe's way here) */
		st = create_unnamed(c, access, &h);
	free(name);
	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (tracee_write(c->thread, c->args[0], &h, 8) < 0 ||
	    tracee_write_iosb(c->thread, c->args[3], LSW_STATUS_SUCCESS, FILE_CREATED) !=
	    LSW_STATUS_SUCCESS) {
		handle_close(c->thread->process, h);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	return LSW_STATUS_SUCCESS;
}

/* The server of an anonymous pipe whose client end is still to open, if
 * the OBJECT_ATTRIBUTES at oa name it: its handle as root, no name. */
static struct file_object *pending_server(struct nt_call *c, uint64_t oa)
{
	uint64_t fields[3], us[2] = { 0 };
	struct file_object *f;
	NTSTATUS st;

	if (!oa || tracee_read(c->thread, oa, fields, sizeof(fields)) < 0 || !fields[1])
		return NULL;
	f = (struct file_object *)handle_get(c->thread->process, fields[1], &file_ops, &st);
	if (!f || !f->pipe || f->pipe->client_fd < 0)
		return NULL;
	if (fields[2] && tracee_read(c->thread, fields[2], us, sizeof(us)) < 0)
		return NULL;
	return (uint16_t)us[0] == 0 ? f : NULL;
}

bool pipe_open_client(struct nt_call *c, uint64_t handle_out, uint32_t access, uint64_t oa,
		      uint64_t iosb, uint32_t options, NTSTATUS *st)
{
	struct file_object *server = pending_server(c, oa), *f;
	uint64_t h;
	uint32_t attributes;

	if (!server)
		return false;
	tracee_read(c->thread, oa + 24, &attributes, 4);
	c->oa_attributes = attributes;
	f = pipe_file(c->thread->process, server->pipe->client_fd, server->stream_mode ==
		      STREAM_SOCKET, file_map_generic(access), options);
	server->pipe->client_fd = -1; /* the file has it, even when that failed */
	if (!f) {
		*st = LSW_STATUS_NO_MEMORY;
		return true;
	}
	if ((f->pipe = malloc(sizeof(*f->pipe)))) { /* without it: no GetNamedPipeInfo */
		*f->pipe = *server->pipe;
		f->pipe->server = false;
	}
	*st = handle_create_call(c, &f->hdr, f->access, &h);
	object_unref(&f->hdr);
	if (*st != LSW_STATUS_SUCCESS)
		return true;
	if (tracee_write(c->thread, handle_out, &h, 8) < 0 ||
	    tracee_write_iosb(c->thread, iosb, LSW_STATUS_SUCCESS, FILE_OPENED) !=
	    LSW_STATUS_SUCCESS) {
		handle_close(c->thread->process, h);
		*st = LSW_STATUS_ACCESS_VIOLATION;
	}
	return true;
}

/* Copies up to len bytes waiting in f without taking them: MSG_PEEK for
 * a socket, tee() through a pipe of its own for a pipe. */
static ssize_t peek_bytes(struct file_object *f, char *buf, size_t len)
{
	int scratch[2];
	ssize_t n;

	if (!len)
		return 0;
	if (f->stream_mode == STREAM_SOCKET)
		return recv(f->fd, buf, len, MSG_PEEK | MSG_DONTWAIT);
	if (pipe2(scratch, O_NONBLOCK | O_CLOEXEC) < 0)
		return -1;
	n = tee(f->fd, scratch[1], len, SPLICE_F_NONBLOCK);
	if (n > 0)
		n = read(scratch[0], buf, (size_t)n);
	close(scratch[0]);
	close(scratch[1]);
	return n < 0 && errno == EAGAIN ? 0 : n;
}

/* FSCTL_PIPE_PEEK: FILE_PIPE_PEEK_BUFFER (NamedPipeState,
 * ReadDataAvailable, NumberOfMessages, MessageLength, Data[]). */
static NTSTATUS pipe_peek(struct nt_call *c, struct file_object *f)
{
	static char buf[PEEK_HEADER + PEEK_MAX];
	uint32_t room = (uint32_t)c->args[9], hdr[4] = { FILE_PIPE_CONNECTED_STATE, 0, 0, 0 };
	struct pollfd pfd = { f->fd, POLLIN, 0 };
	int avail = 0;
	ssize_t n;

	if (room < PEEK_HEADER)
		return LSW_STATUS_BUFFER_TOO_SMALL;
	if (ioctl(f->fd, FIONREAD, &avail) < 0 || avail < 0)
		avail = 0;
	if (!avail && poll(&pfd, 1, 0) > 0 && (pfd.revents & (POLLHUP | POLLERR)))
		return LSW_STATUS_PIPE_BROKEN; /* empty, and the writer is gone */
	room -= PEEK_HEADER;
	n = peek_bytes(f, buf + PEEK_HEADER, room < PEEK_MAX ? room : PEEK_MAX);
	if (n < 0)
		return errno_to_status(errno);
	hdr[1] = (uint32_t)avail;
	memcpy(buf, hdr, sizeof(hdr));
	if (tracee_write(c->thread, c->args[8], buf, PEEK_HEADER + (size_t)n) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (tracee_write_iosb(c->thread, c->args[4], LSW_STATUS_SUCCESS, PEEK_HEADER + (uint64_t)n) !=
	    LSW_STATUS_SUCCESS)
		return LSW_STATUS_ACCESS_VIOLATION;
	return n < avail ? LSW_STATUS_BUFFER_OVERFLOW : LSW_STATUS_SUCCESS;
}

/* NtFsControlFile(FileHandle, Event, ApcRoutine, ApcContext, IoStatusBlock,
 *   FsControlCode, InputBuffer, InputBufferLength, OutputBuffer,
 *   OutputBufferLength): the pipe controls programs use through kernel32. */
NTSTATUS nt_NtFsControlFile(struct nt_call *c)
{
	struct file_object *f;
	NTSTATUS st;

	if (!(f = get_file(c, c->args[0], &st)))
		return st;
	if (f->kind == FILE_KIND_PIPE)
		return np_fsctl(c, f, (uint32_t)c->args[5]);
	/* the event is taken and reset before the file system sees the
	 * control (ntdll's file tests, test_ioctl) */
	if (f->kind == FILE_KIND_DISK || f->kind == FILE_KIND_DIR)
		return (st = file_io_begin(c, f)) != LSW_STATUS_SUCCESS
			       ? st : file_io_end(c, f, disk_fsctl(c, f, (uint32_t)c->args[5]), false);
	if (f->device_type != FILE_DEVICE_NAMED_PIPE)
		return LSW_STATUS_INVALID_DEVICE_REQUEST;
	if ((uint32_t)c->args[5] == FSCTL_PIPE_PEEK)
		return pipe_peek(c, f);
	return LSW_STATUS_NOT_SUPPORTED;
}

/* Whether the other end of f is gone. */
static bool other_end_gone(struct file_object *f)
{
	struct pollfd pfd = { f->fd, 0, 0 };

	return poll(&pfd, 1, 0) > 0 && (pfd.revents & (POLLHUP | POLLERR));
}

/* Bytes waiting to be read at f's end. */
static uint32_t waiting_bytes(struct file_object *f)
{
	int n = 0;

	if (ioctl(f->fd, FIONREAD, &n) < 0 || n < 0)
		n = 0;
	return (uint32_t)n;
}

/* FILE_PIPE_LOCAL_INFORMATION of an anonymous pipe's end { NamedPipeType
 * (byte), NamedPipeConfiguration, MaximumInstances, CurrentInstances,
 * InboundQuota, ReadDataAvailable, OutboundQuota, WriteQuotaAvailable,
 * NamedPipeState, NamedPipeEnd }: what GetNamedPipeInfo reads.  Only the
 * bytes waiting for this end's reader are known (the host pipe holds what
 * was written towards the other end): the write quota is reported whole. */
static void local_info(struct file_object *f, uint32_t out[10])
{
	struct pipe_end *e = f->pipe;

	out[1] = e->config;
	out[2] = out[3] = 1;
	out[4] = e->in_quota;
	out[5] = f->access & FILE_READ_DATA ? waiting_bytes(f) : 0;
	out[6] = e->out_quota;
	out[7] = e->server ? e->out_quota : e->in_quota;
	out[8] = other_end_gone(f) ? FILE_PIPE_CLOSING_STATE : FILE_PIPE_CONNECTED_STATE;
	out[9] = e->server;
}

NTSTATUS pipe_query_info(struct nt_call *c, struct file_object *f, uint32_t cls, bool *handled)
{
	uint32_t out[10] = { 0 };

	*handled = f->pipe && cls == FilePipeLocalInformation;
	if (!*handled)
		return LSW_STATUS_SUCCESS;
	if ((uint32_t)c->args[3] < LOCAL_INFO_SIZE)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	local_info(f, out);
	if (tracee_write(c->thread, c->args[2], out, LOCAL_INFO_SIZE) < 0 ||
	    tracee_write_iosb(c->thread, c->args[1], LSW_STATUS_SUCCESS, LOCAL_INFO_SIZE) !=
	    LSW_STATUS_SUCCESS)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}
