/*
 * Named pipes: the data queues, NtReadFile and NtWriteFile.
 *
 * A write copies its data into the queue at once (a message is one
 * chunk), wakes the readers, and completes when what was queued up to
 * its last byte fits the reader's quota; until then it waits (or is
 * pending), as a Windows write does while the buffer is full.  A read
 * in message mode takes at most one message: a message longer than the
 * buffer gives what fits with STATUS_BUFFER_OVERFLOW (ERROR_MORE_DATA),
 * the rest stays for the next read.  A read in byte mode runs across
 * messages.  In PIPE_NOWAIT mode nothing waits: an empty pipe reads as
 * STATUS_PIPE_EMPTY, a full one takes what fits.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/io/file_access.h"
#include "emul/io/pipe_named.h"
#include "emul/process/quota.h"

/* What one write may queue and what a queue may hold: the supervisor's
 * memory is not the program's to fill. */
#define WRITE_MAX (16u << 20)
#define QUEUE_MAX (64u << 20)
#define COPY_CHUNK 65536

struct np_queue *np_read_queue(struct np_end *e)
{
	return e->server ? &e->inst->to_server : &e->inst->to_client;
}

struct np_queue *np_write_queue(struct np_end *e)
{
	return e->server ? &e->inst->to_client : &e->inst->to_server;
}

/* The room the reader of what e writes gives (its inbound quota). */
uint32_t np_write_quota(const struct np_end *e)
{
	return e->server ? e->inst->out_quota : e->inst->in_quota;
}

/* Buffered data is charged to its writer's nonpaged pool quota, as
 * Windows charges pipe buffers, so instances cannot hoard memory. */
static void chunk_free(struct np_chunk *k)
{
	quota_block_release(k->quota, QUOTA_NONPAGED, sizeof(*k) + k->len);
	quota_block_unref(k->quota);
	free(k);
}

void np_queue_clear(struct np_queue *q)
{
	struct np_chunk *k = q->first, *next;

	for (; k; k = next) {
		next = k->next;
		chunk_free(k);
	}
	q->first = q->last = NULL;
	q->bytes = 0;
	q->chunks = 0;
}

NTSTATUS np_read_state(const struct np_end *e)
{
	if (e->root)
		return LSW_STATUS_INVALID_PARAMETER; /* no pipe to read or write */
	if (!e->inst)
		return NP_STATUS_PIPE_DISCONNECTED;
	switch (e->inst->state) {
	case NP_LISTENING: return NP_STATUS_PIPE_LISTENING;
	case NP_DISCONNECTED: return NP_STATUS_PIPE_DISCONNECTED;
	case NP_CLOSING: return LSW_STATUS_PIPE_BROKEN;
	case NP_CONNECTED: break;
	}
	return LSW_STATUS_SUCCESS;
}

NTSTATUS np_write_state(const struct np_end *e)
{
	NTSTATUS st = np_read_state(e);

	return st == (NTSTATUS)LSW_STATUS_PIPE_BROKEN ? NP_STATUS_PIPE_CLOSING : st;
}

static void pop(struct np_queue *q)
{
	struct np_chunk *k = q->first;

	q->first = k->next;
	if (!q->first)
		q->last = NULL;
	q->chunks--;
	chunk_free(k);
}

/* Copies from the head chunk into the program; the bytes count as read
 * only once written there. */
static NTSTATUS take_some(struct lsw_thread *t, struct np_queue *q, uint64_t buf, uint64_t room,
			  uint64_t *got)
{
	struct np_chunk *k = q->first;
	uint32_t n = k->len - k->off < room ? k->len - k->off : (uint32_t)room;

	if (n && tracee_write(t, buf, k->data + k->off, n) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	k->off += n;
	q->bytes -= n;
	*got = n;
	return LSW_STATUS_SUCCESS;
}

NTSTATUS np_take(struct lsw_thread *t, struct np_end *e, uint64_t buf, uint64_t len,
		 uint64_t *got)
{
	struct np_queue *q = np_read_queue(e);
	bool message = e->read_mode == NP_READ_MESSAGE;
	NTSTATUS st = LSW_STATUS_SUCCESS;
	uint64_t n;

	*got = 0;
	while (q->first) {
		if ((st = take_some(t, q, buf + *got, len - *got, &n)) != LSW_STATUS_SUCCESS)
			return *got ? LSW_STATUS_SUCCESS : st;
		*got += n;
		if (q->first->off < q->first->len) /* the buffer is full */
			return message ? LSW_STATUS_BUFFER_OVERFLOW : LSW_STATUS_SUCCESS;
		pop(q);
		if (message || *got == len)
			break;
	}
	return LSW_STATUS_SUCCESS;
}

/* Readers go on while there is data; when there is none and no more can
 * come, they end with why the end cannot read. */
static void pump_readers(struct np_end *e)
{
	while (e->readers) {
		struct np_io *io = e->readers;
		struct lsw_thread *t = np_io_thread(io);
		NTSTATUS st = np_read_state(e);
		uint64_t got = 0;

		if (e->inst && np_read_queue(e)->first) {
			st = t ? np_take(t, e, io->buf, io->len, &got) : (NTSTATUS)LSW_STATUS_CANCELLED;
		} else if (st == LSW_STATUS_SUCCESS) {
			return;
		}
		np_io_finish(io, st, got);
	}
}

/* The bytes still unread of the chunks written before seq. */
static uint64_t unread_before(const struct np_queue *q, uint64_t seq)
{
	uint64_t n = 0;

	for (const struct np_chunk *k = q->first; k && k->seq < seq; k = k->next)
		n += k->len - k->off;
	return n;
}

void np_withdraw(struct np_end *e, uint64_t seq)
{
	struct np_queue *q;
	struct np_chunk **pp, *prev = NULL;

	if (!e->inst)
		return;
	q = np_write_queue(e);
	for (pp = &q->first; *pp; prev = *pp, pp = &(*pp)->next)
		if ((*pp)->seq == seq && (*pp)->len) {
			struct np_chunk *k = *pp;

			q->bytes -= k->len - k->off;
			q->chunks--;
			*pp = k->next;
			if (q->last == k)
				q->last = prev;
			chunk_free(k);
			return;
		}
}

/* Writers whose data the reader took (down to the quota) are done; when
 * the reader went they end STATUS_PIPE_BROKEN (a new write would be told
 * STATUS_PIPE_CLOSING), disconnected STATUS_PIPE_DISCONNECTED. */
static void pump_writers(struct np_end *e)
{
	while (e->writers) {
		struct np_io *io = e->writers;
		NTSTATUS st = np_read_state(e);

		if (st != LSW_STATUS_SUCCESS) {
			np_io_finish_all(&e->writers, st);
			return;
		}
		if (unread_before(np_write_queue(e), io->end_seq) >
		    (io->kind == NP_IO_FLUSH ? 0 : np_write_quota(e)))
			return;
		np_io_finish(io, LSW_STATUS_SUCCESS, io->info);
	}
}

void np_pump(struct np_instance *in)
{
	struct np_end *ends[2] = { in->server, in->client };

	for (int i = 0; i < 2; i++)
		if (ends[i])
			pump_readers(ends[i]);
	for (int i = 0; i < 2; i++)
		if (ends[i] && ends[i]->inst)
			pump_writers(ends[i]);
}

NTSTATUS np_read(struct nt_call *c, struct file_object *f)
{
	struct np_end *e = f->np;
	NTSTATUS st = np_read_state(e);
	struct np_io *io;
	uint64_t got = 0;

	np_end_signal(e, false);
	if (e->inst && !e->readers && np_read_queue(e)->first) {
		st = np_take(c->thread, e, c->args[5], (uint32_t)c->args[6], &got);
		if (tracee_write_iosb(c->thread, c->args[4], st, got) != LSW_STATUS_SUCCESS)
			st = LSW_STATUS_ACCESS_VIOLATION;
		np_pump(e->inst);
		np_end_done_call(c, f);
		return st;
	}
	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (e->completion_mode == NP_COMPLETE_OPERATION)
		return NP_STATUS_PIPE_EMPTY;
	if (!(io = np_io_new(c, f, NP_IO_READ, &e->readers)))
		return LSW_STATUS_NO_MEMORY;
	io->buf = c->args[5];
	io->len = (uint32_t)c->args[6];
	return np_io_park(c, io);
}

/* Appends len bytes of the program's at buf to q as one chunk. */
static NTSTATUS append(struct lsw_thread *t, struct np_queue *q, uint64_t buf, uint32_t len)
{
	struct np_chunk *k;
	NTSTATUS st;

	if (len > WRITE_MAX || q->bytes + len > QUEUE_MAX)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if ((st = quota_block_charge(t->process->quota, QUOTA_NONPAGED, sizeof(*k) + len)))
		return st;
	if (!(k = malloc(sizeof(*k) + len))) {
		quota_block_release(t->process->quota, QUOTA_NONPAGED, sizeof(*k) + len);
		return LSW_STATUS_NO_MEMORY;
	}
	*k = (struct np_chunk){ .seq = q->written, .len = len,
				.quota = quota_block_ref(t->process->quota) };
	for (uint32_t done = 0; done < len; done += COPY_CHUNK) {
		uint32_t n = len - done < COPY_CHUNK ? len - done : COPY_CHUNK;

		if (tracee_read(t, buf + done, k->data + done, n) < 0) {
			chunk_free(k);
			return LSW_STATUS_ACCESS_VIOLATION;
		}
	}
	if (q->last)
		q->last->next = k;
	else
		q->first = k;
	q->last = k;
	q->chunks++;
	q->bytes += len;
	q->written += len;
	return LSW_STATUS_SUCCESS;
}

/* The bytes the other end's pending reads take at once. */
static uint64_t reads_waiting(struct np_end *e)
{
	struct np_end *peer = e->server ? e->inst->client : e->inst->server;
	uint64_t n = 0;

	for (struct np_io *io = peer ? peer->readers : NULL; io; io = io->next)
		n += io->len;
	return n;
}

/* How much of a write of len a PIPE_NOWAIT end may queue now: all of it
 * when the waiting reads and the buffer's room take it, else (a byte
 * pipe) only what the waiting reads take, as Windows does; a message
 * goes whole or not at all. */
static uint32_t nowait_room(struct np_end *e, uint32_t len)
{
	struct np_queue *q = np_write_queue(e);
	uint64_t quota = np_write_quota(e), room = q->bytes < quota ? quota - q->bytes : 0;
	uint64_t reads = reads_waiting(e);

	if (len <= room + reads)
		return len;
	return e->inst->type == NP_TYPE_MESSAGE ? 0 : (uint32_t)(reads < len ? reads : len);
}

/* Queues a write of call c (len bytes at buf) from end e; pumps. */
NTSTATUS np_queue_write(struct nt_call *c, struct np_end *e, uint64_t buf, uint32_t len)
{
	NTSTATUS st = LSW_STATUS_SUCCESS;

	if (!e->server)
		np_client_capture(c->thread, e, false);
	if (len || e->inst->type == NP_TYPE_MESSAGE)
		st = append(c->thread, np_write_queue(e), buf, len);
	if (st == LSW_STATUS_SUCCESS)
		np_pump(e->inst);
	return st;
}

NTSTATUS np_write(struct nt_call *c, struct file_object *f)
{
	struct np_end *e = f->np;
	uint32_t len = (uint32_t)c->args[6];
	NTSTATUS st = np_write_state(e);
	struct np_io *io;

	np_end_signal(e, false);
	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (e->completion_mode == NP_COMPLETE_OPERATION && len &&
	    !(len = nowait_room(e, len))) { /* nothing fits: nothing written */
		np_end_done_call(c, f);
		return tracee_write_iosb(c->thread, c->args[4], LSW_STATUS_SUCCESS, 0);
	}
	if ((st = np_queue_write(c, e, c->args[5], len)) != LSW_STATUS_SUCCESS)
		return st;
	if (!len || !e->inst || e->completion_mode == NP_COMPLETE_OPERATION ||
	    np_write_queue(e)->bytes <= np_write_quota(e)) {
		/* an empty write never waits, nor one that fits */
		np_end_done_call(c, f);
		return tracee_write_iosb(c->thread, c->args[4], LSW_STATUS_SUCCESS, len);
	}
	if (!(io = np_io_new(c, f, NP_IO_WRITE, &e->writers)))
		return LSW_STATUS_NO_MEMORY;
	io->end_seq = np_write_queue(e)->written;
	io->start_seq = io->end_seq - len;
	io->info = len;
	return np_io_park(c, io);
}

NTSTATUS np_flush(struct nt_call *c, struct file_object *f)
{
	struct np_end *e = f->np;
	struct np_io *io;

	if (!e->root && !e->server && !e->inst)
		return NP_STATUS_PIPE_DISCONNECTED; /* its server disconnected it */
	/* nothing for a reader to take: done, even when the reader has gone
	 * (what it had not read went with it) */
	if (e->root || !e->inst || e->inst->state != NP_CONNECTED || !np_write_queue(e)->bytes)
		return tracee_write_iosb(c->thread, c->args[1], LSW_STATUS_SUCCESS, 0);
	if (!(io = np_io_new_plain(c, f, NP_IO_FLUSH, &e->writers, c->args[1])))
		return LSW_STATUS_NO_MEMORY;
	io->thread = c->thread; /* a flush waits even on an overlapped handle */
	io->end_seq = np_write_queue(e)->written;
	np_end_signal(e, false); /* until the flush is over */
	return np_io_park(c, io);
}
