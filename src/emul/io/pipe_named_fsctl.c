/*
 * Named pipes: the file system controls kernel32 uses.
 *
 * FSCTL_PIPE_LISTEN (ConnectNamedPipe) waits for a client; one that came
 * first gives STATUS_PIPE_CONNECTED (ERROR_PIPE_CONNECTED), one that has
 * gone again STATUS_PIPE_CLOSING.  FSCTL_PIPE_DISCONNECT drops the data
 * and cuts the client off.  FSCTL_PIPE_WAIT (WaitNamedPipe, on the file
 * system's root) waits until an instance of a name listens, up to the
 * timeout given or the pipe's default.  FSCTL_PIPE_PEEK looks at what
 * waits without taking it.  FSCTL_PIPE_TRANSCEIVE (TransactNamedPipe)
 * writes a message and reads the answer, on a message pipe read in
 * message mode with nothing waiting to be read.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/io/pipe_named.h"
#include "emul/system/kuser.h"

#define FSCTL_PIPE_ASSIGN_EVENT 0x00110000u
#define FSCTL_PIPE_DISCONNECT 0x00110004u
#define FSCTL_PIPE_LISTEN 0x00110008u
#define FSCTL_PIPE_PEEK 0x0011400Cu
#define FSCTL_PIPE_TRANSCEIVE 0x0011C017u
#define FSCTL_PIPE_QUERY_EVENT 0x00110010u
#define FSCTL_PIPE_WAIT 0x00110018u
#define FSCTL_PIPE_SET_CLIENT_PROCESS 0x00110020u
#define FSCTL_PIPE_QUERY_CLIENT_PROCESS 0x00110024u
#define STATUS_NOT_SUPPORTED 0xC00000BBu
#define FSCTL_PIPE_IMPERSONATE 0x0011001Cu
#define FSCTL_PIPE_GET_CONNECTION_ATTRIBUTE 0x00110030u
#define WAIT_HEADER 14               /* FILE_PIPE_WAIT_FOR_BUFFER up to Name */
#define WAIT_NAME_MAX 65532          /* bytes: the longest pipe name */
#define PEEK_HEADER 16
#define PEEK_MAX 65536u

static NTSTATUS listen(struct nt_call *c, struct file_object *f)
{
	struct np_end *e = f->np;
	struct np_instance *in = e->inst;
	struct np_io *io;

	if (!e->server || !in)
		return NP_STATUS_ILLEGAL_FUNCTION;
	switch (in->state) {
	case NP_CONNECTED: return NP_STATUS_PIPE_CONNECTED;
	case NP_CLOSING: return NP_STATUS_PIPE_CLOSING;
	case NP_DISCONNECTED:
		np_listen_again(in);
		if (in->pipe)
			np_wake_waiters(in->pipe);
		break;
	case NP_LISTENING:
		break;
	}
	if (e->completion_mode == NP_COMPLETE_OPERATION)
		return NP_STATUS_PIPE_LISTENING;
	if (!(io = np_io_new(c, f, NP_IO_LISTEN, &in->listeners)))
		return LSW_STATUS_NO_MEMORY;
	return np_io_park(c, io);
}

static NTSTATUS disconnect(struct np_end *e)
{
	if (!e->server || !e->inst)
		return NP_STATUS_ILLEGAL_FUNCTION;
	if (e->inst->state == NP_DISCONNECTED)
		return NP_STATUS_PIPE_DISCONNECTED;
	np_disconnect(e->inst, NP_STATUS_PIPE_DISCONNECTED);
	return LSW_STATUS_SUCCESS;
}

void np_wake_waiters(struct np_pipe *p)
{
	np_io_finish_all(&p->waiters, LSW_STATUS_SUCCESS);
}

static bool any_listening(const struct np_pipe *p)
{
	for (const struct np_instance *in = p->first; in; in = in->next)
		if (in->state == NP_LISTENING)
			return true;
	return false;
}

static void wait_timed_out(void *arg, uint32_t events)
{
	struct np_io *io = arg;

	(void)events;
	io->timer = 0;
	np_io_finish(io, NP_STATUS_IO_TIMEOUT, 0);
}

/* A timeout in NT form (negative: relative, positive: absolute system
 * time) as a deadline of the loop's clock. */
static uint64_t deadline_of(int64_t timeout)
{
	uint64_t now = loop_now_ns(), rel;

	if (timeout < 0)
		rel = (uint64_t)-timeout;
	else
		rel = (uint64_t)timeout > nt_system_time() ? (uint64_t)timeout - nt_system_time() : 0;
	return rel > UINT64_MAX / 200 ? UINT64_MAX / 2 : now + rel * 100;
}

/* FILE_PIPE_WAIT_FOR_BUFFER { LARGE_INTEGER Timeout; ULONG NameLength;
 * BOOLEAN TimeoutSpecified; WCHAR Name[]; } */
static NTSTATUS wait_pipe(struct nt_call *c, struct file_object *f)
{
	static uint8_t buf[WAIT_HEADER + WAIT_NAME_MAX];
	static uint16_t name[WAIT_NAME_MAX / 2];
	uint32_t in_len = (uint32_t)c->args[7], name_len;
	int64_t timeout;
	struct np_pipe *p;
	struct np_io *io;

	if (!f->np->root)
		return NP_STATUS_ILLEGAL_FUNCTION;
	if (in_len < WAIT_HEADER || tracee_read(c->thread, c->args[6], buf, WAIT_HEADER) < 0)
		return in_len < WAIT_HEADER ? LSW_STATUS_INVALID_PARAMETER : LSW_STATUS_ACCESS_VIOLATION;
	memcpy(&timeout, buf, 8);
	memcpy(&name_len, buf + 8, 4);
	if ((name_len & 1) || name_len > WAIT_NAME_MAX || name_len > in_len - WAIT_HEADER)
		return LSW_STATUS_INVALID_PARAMETER;
	if (tracee_read(c->thread, c->args[6] + WAIT_HEADER, buf + WAIT_HEADER, name_len) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	memcpy(name, buf + WAIT_HEADER, name_len);
	if (!(p = np_find(f->host, name, name_len / 2)))
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	if (any_listening(p))
		return LSW_STATUS_SUCCESS;
	if (!buf[12])
		timeout = p->default_timeout;
	if (timeout == 0)
		return NP_STATUS_IO_TIMEOUT;
	if (!(io = np_io_new(c, f, NP_IO_WAIT, &p->waiters)))
		return LSW_STATUS_NO_MEMORY;
	io->pipe = p;
	io->timer = loop_add_timer(&f->host->loop, deadline_of(timeout), wait_timed_out, io);
	return np_io_park(c, io);
}

/* FILE_PIPE_PEEK_BUFFER { NamedPipeState, ReadDataAvailable,
 * NumberOfMessages, MessageLength, Data[] }: a message pipe shows its
 * first message. */
static NTSTATUS peek(struct nt_call *c, struct np_end *e)
{
	static char data[PEEK_MAX];
	uint32_t room = (uint32_t)c->args[9], hdr[4] = { 0 }, n = 0;
	struct np_queue *q;
	NTSTATUS st = np_read_state(e);

	if (room < PEEK_HEADER)
		return LSW_STATUS_BUFFER_TOO_SMALL;
	if (e->server && e->inst && (e->inst->state == NP_LISTENING ||
				     e->inst->state == NP_DISCONNECTED))
		return NP_STATUS_INVALID_PIPE_STATE; /* ERROR_BAD_PIPE: no client */
	if (!e->inst || (st != LSW_STATUS_SUCCESS && st != (NTSTATUS)LSW_STATUS_PIPE_BROKEN))
		return st == NP_STATUS_PIPE_LISTENING ? NP_STATUS_INVALID_PIPE_STATE : st;
	q = np_read_queue(e);
	if (!q->first && st != LSW_STATUS_SUCCESS)
		return st;
	room -= PEEK_HEADER;
	if (room > PEEK_MAX)
		room = PEEK_MAX;
	hdr[0] = e->inst->state;
	hdr[1] = (uint32_t)q->bytes;
	if (e->inst->type == NP_TYPE_MESSAGE) {
		hdr[2] = q->chunks;
		hdr[3] = q->first ? q->first->len - q->first->off : 0;
	}
	for (struct np_chunk *k = q->first; k && n < room; k = k->next) {
		uint32_t m = k->len - k->off < room - n ? k->len - k->off : room - n;

		memcpy(data + n, k->data + k->off, m);
		n += m;
		if (e->inst->type == NP_TYPE_MESSAGE)
			break;
	}
	if (tracee_write2(c->thread, c->args[8], hdr, PEEK_HEADER, c->args[8] + PEEK_HEADER, data,
			  n) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	/* only a message cut short overflows; a byte pipe shows what fits */
	st = e->inst->type == NP_TYPE_MESSAGE && n < hdr[3] ? LSW_STATUS_BUFFER_OVERFLOW
							   : LSW_STATUS_SUCCESS;
	if (tracee_write_iosb(c->thread, c->args[4], st, PEEK_HEADER + (uint64_t)n) !=
	    LSW_STATUS_SUCCESS)
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}

/* NtFsControlFile(..., InputBuffer, InputBufferLength, OutputBuffer,
 * OutputBufferLength): the message out, then the answer in. */
static NTSTATUS transceive(struct nt_call *c, struct file_object *f)
{
	struct np_end *e = f->np;
	NTSTATUS st;
	struct np_io *io;
	uint64_t got;

	if (!e->inst)
		return NP_STATUS_PIPE_DISCONNECTED; /* a client its server disconnected */
	if (e->inst->state != NP_CONNECTED)
		return NP_STATUS_INVALID_PIPE_STATE;
	if (e->inst->type != NP_TYPE_MESSAGE || e->read_mode != NP_READ_MESSAGE)
		return NP_STATUS_INVALID_READ_MODE;
	if (np_read_queue(e)->first || e->readers)
		return NP_STATUS_PIPE_BUSY;
	if ((st = np_queue_write(c, e, c->args[6], (uint32_t)c->args[7])) != LSW_STATUS_SUCCESS)
		return st;
	if (e->inst && np_read_queue(e)->first) {
		st = np_take(c->thread, e, c->args[8], (uint32_t)c->args[9], &got);
		np_pump(e->inst);
		if (tracee_write_iosb(c->thread, c->args[4], st, got) != LSW_STATUS_SUCCESS)
			return LSW_STATUS_ACCESS_VIOLATION;
		return st;
	}
	if (!(io = np_io_new(c, f, NP_IO_READ, &e->readers)))
		return LSW_STATUS_NO_MEMORY;
	io->buf = c->args[8];
	io->len = (uint32_t)c->args[9];
	return np_io_park(c, io);
}

/* FSCTL_PIPE_GET_CONNECTION_ATTRIBUTE: input an attribute's name with its
 * NUL, output a ULONG (GetNamedPipeClientProcessId and its kind).  Every
 * process is in session 1, as ProcessSessionInformation says.  The ids
 * outlive the other end's close; a disconnected client end has none, a
 * server end no client id until a client connects again. */
static NTSTATUS connection_attribute(struct nt_call *c, struct np_end *e)
{
	static const char *const names[] = { "ClientProcessId", "ServerProcessId",
					     "ClientSessionId", "ServerSessionId" };
	uint32_t in_len = (uint32_t)c->args[7], out_len = (uint32_t)c->args[9], value = 1;
	char name[24];
	size_t i = 0;

	if (!c->args[6] || !in_len || in_len > sizeof(name))
		return LSW_STATUS_INVALID_PARAMETER;
	if (tracee_read(c->thread, c->args[6], name, in_len) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	while (i < 4 && (memchr(name, 0, in_len) == NULL || strcmp(name, names[i])))
		i++;
	if (i == 4)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!e->inst)
		return NP_STATUS_PIPE_DISCONNECTED;
	if (i % 2 == 0 && e->server && /* the client's: none since it left */
	    (e->inst->state == NP_DISCONNECTED || e->inst->state == NP_LISTENING))
		return LSW_STATUS_NOT_FOUND;
	if (i < 2)
		value = (i == 0) != e->server ? e->own_pid : e->peer_pid;
	if (out_len < sizeof(value))
		return LSW_STATUS_BUFFER_TOO_SMALL;
	if (tracee_write(c->thread, c->args[8], &value, sizeof(value)) < 0 ||
	    tracee_write_iosb(c->thread, c->args[4], LSW_STATUS_SUCCESS, sizeof(value)) !=
		    LSW_STATUS_SUCCESS)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

/* The root (or the device) has no pipe: what each control says there. */
static NTSTATUS root_control(uint32_t code)
{
	switch (code) {
	case FSCTL_PIPE_DISCONNECT:
	case FSCTL_PIPE_TRANSCEIVE: return NP_STATUS_PIPE_DISCONNECTED;
	case FSCTL_PIPE_LISTEN:
	case FSCTL_PIPE_IMPERSONATE: return NP_STATUS_ILLEGAL_FUNCTION;
	case FSCTL_PIPE_ASSIGN_EVENT:
	case FSCTL_PIPE_QUERY_EVENT:
	case FSCTL_PIPE_SET_CLIENT_PROCESS: return STATUS_NOT_SUPPORTED;
	case FSCTL_PIPE_PEEK:
	case FSCTL_PIPE_QUERY_CLIENT_PROCESS:
	case FSCTL_PIPE_GET_CONNECTION_ATTRIBUTE: return LSW_STATUS_INVALID_PARAMETER;
	}
	return LSW_STATUS_INVALID_DEVICE_REQUEST;
}

static NTSTATUS control(struct nt_call *c, struct file_object *f, uint32_t code)
{
	if (code == FSCTL_PIPE_WAIT) /* on the root directory only */
		return f->np->device ? NP_STATUS_ILLEGAL_FUNCTION : wait_pipe(c, f);
	if (f->np->root)
		return root_control(code);
	switch (code) {
	case FSCTL_PIPE_LISTEN: return listen(c, f);
	case FSCTL_PIPE_DISCONNECT: return disconnect(f->np);
	case FSCTL_PIPE_PEEK: return peek(c, f->np);
	case FSCTL_PIPE_TRANSCEIVE: return transceive(c, f);
	case FSCTL_PIPE_GET_CONNECTION_ATTRIBUTE: return connection_attribute(c, f->np);
	case FSCTL_PIPE_IMPERSONATE: return np_impersonate(c, f->np);
	}
	return LSW_STATUS_INVALID_DEVICE_REQUEST;
}

NTSTATUS np_fsctl(struct nt_call *c, struct file_object *f, uint32_t code)
{
	NTSTATUS st = file_io_begin(c, f);

	if (st != LSW_STATUS_SUCCESS)
		return st;
	np_end_signal(f->np, false);
	st = control(c, f, code);
	if (st != NT_DEFERRED && st != LSW_STATUS_PENDING)
		np_end_done_call(c, f);
	if (st == LSW_STATUS_SUCCESS && code != FSCTL_PIPE_PEEK && code != FSCTL_PIPE_TRANSCEIVE &&
	    code != FSCTL_PIPE_GET_CONNECTION_ATTRIBUTE &&
	    tracee_write_iosb(c->thread, c->args[4], st, 0) != LSW_STATUS_SUCCESS)
		return LSW_STATUS_ACCESS_VIOLATION;
	return file_io_end(c, f, st, false);
}
