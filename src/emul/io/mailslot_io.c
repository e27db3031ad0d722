/*
 * Mailslots: messages.  A write is one message; a read takes the oldest
 * whole (STATUS_BUFFER_TOO_SMALL leaves it queued), or waits up to the
 * ReadTimeout for one (0: fails at once; -1: forever), as pending I/O
 * (pending_io.h).  FileMailslotQueryInformation and
 * FileMailslotSetInformation (the read timeout).
 */
#include <stdlib.h>
#include <string.h>
#include "emul/io/mailslot.h"
#include "emul/io/pending_io.h"

#define FileMailslotQueryInformation 26u
#define FileMailslotSetInformation 27u
#define MAILSLOT_NO_MESSAGE 0xFFFFFFFFu
#define MESSAGE_MAX (64u * 1024)     /* when the slot sets no maximum */
#define SLOT_BYTES_MAX (16u << 20)   /* a reader that never reads stops writers here */
#define HOST_BYTES_MAX (64u << 20)   /* and all slots together: the supervisor's memory */
#define READERS_MAX 256

struct ms_message {
	struct ms_message *next;
	uint32_t len;
	uint8_t data[];
};

struct ms_reader {
	struct ms_reader *next;
	struct mailslot *slot;
	struct pending_io io;
	uint64_t buf;
	uint32_t len;
	uint64_t timer;
};

static void pop_message(struct mailslot *m)
{
	struct ms_message *msg = m->first;

	m->first = msg->next;
	if (!m->first)
		m->last = NULL;
	m->count--;
	m->bytes -= msg->len;
	m->host->files.mailslot_bytes -= msg->len;
	free(msg);
}

static void unlink_reader(struct ms_reader *r)
{
	for (struct ms_reader **p = &r->slot->readers; *p; p = &(*p)->next)
		if (*p == r) {
			*p = r->next;
			return;
		}
}

static void finish_reader(struct ms_reader *r, NTSTATUS st, uint64_t info)
{
	if (r->timer)
		loop_cancel_timer(&r->slot->host->loop, r->timer);
	pending_io_finish(&r->io, st, info);
	free(r);
}

/* Hands waiting readers the oldest messages. */
static void deliver(struct mailslot *m)
{
	while (m->readers && m->first) {
		struct ms_reader *r = m->readers;
		struct lsw_thread *t = pending_io_thread(&r->io);
		uint32_t len = m->first->len;

		m->readers = r->next;
		if (len > r->len) {
			finish_reader(r, LSW_STATUS_BUFFER_TOO_SMALL, 0);
			continue;
		}
		if (t && len && tracee_write(t, r->buf, m->first->data, len) < 0) {
			finish_reader(r, LSW_STATUS_ACCESS_VIOLATION, 0);
			continue;
		}
		pop_message(m);
		finish_reader(r, LSW_STATUS_SUCCESS, len);
	}
}

static void on_timeout(void *arg, uint32_t events)
{
	struct ms_reader *r = arg;

	(void)events;
	r->timer = 0;
	unlink_reader(r);
	finish_reader(r, LSW_STATUS_IO_TIMEOUT, 0);
}

/* A synchronous reader ended some other way (nt_cancel). */
static void drop_reader(struct lsw_thread *t, void *arg)
{
	struct ms_reader *r = arg;

	(void)t;
	unlink_reader(r);
	if (r->timer)
		loop_cancel_timer(&r->slot->host->loop, r->timer);
	pending_io_release(&r->io);
	free(r);
}

int64_t mailslot_timeout(int64_t nt)
{
	if (nt == -1 || nt > 0)
		return -1; /* forever (kernel32's MAILSLOT_WAIT_FOREVER) */
	return -nt;
}

void mailslot_drop_messages(struct mailslot *m)
{
	while (m->readers) {
		struct ms_reader *r = m->readers;

		m->readers = r->next;
		finish_reader(r, LSW_STATUS_CANCELLED, 0);
	}
	while (m->first)
		pop_message(m);
}

static size_t count_readers(const struct mailslot *m)
{
	size_t k = 0;

	for (const struct ms_reader *r = m->readers; r; r = r->next)
		k++;
	return k;
}

static NTSTATUS wait_for_message(struct nt_call *c, struct file_object *f, struct mailslot *m)
{
	struct ms_reader *r, **tail = &m->readers;

	if (count_readers(m) >= READERS_MAX)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (!(r = calloc(1, sizeof(*r))))
		return LSW_STATUS_NO_MEMORY;
	r->slot = m;
	pending_io_init(&r->io, c, f);
	r->buf = c->args[5];
	r->len = (uint32_t)c->args[6];
	if (m->read_timeout > 0)
		r->timer = loop_add_timer(&m->host->loop,
					  loop_now_ns() + (uint64_t)m->read_timeout * 100,
					  on_timeout, r);
	while (*tail)
		tail = &(*tail)->next;
	*tail = r;
	if (!r->io.waiter)
		return LSW_STATUS_PENDING;
	nt_defer(c, drop_reader, r);
	return NT_DEFERRED;
}

/* NtReadFile on the server end. */
NTSTATUS mailslot_read(struct nt_call *c, struct file_object *f)
{
	struct mailslot *m = f->mailslot;
	uint32_t len;

	if (!f->mailslot_server || !m)
		return LSW_STATUS_ACCESS_DENIED;
	if (!m->first && !m->read_timeout)
		return LSW_STATUS_IO_TIMEOUT;
	if (!m->first)
		return wait_for_message(c, f, m);
	len = m->first->len;
	if (len > (uint32_t)c->args[6])
		return LSW_STATUS_BUFFER_TOO_SMALL;
	if (len && tracee_write(c->thread, c->args[5], m->first->data, len) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	pop_message(m);
	tracee_write_iosb(c->thread, c->args[4], LSW_STATUS_SUCCESS, len);
	return file_io_end(c, f, LSW_STATUS_SUCCESS, false);
}

/* NtWriteFile on a client end: one message. */
NTSTATUS mailslot_write(struct nt_call *c, struct file_object *f)
{
	struct mailslot *m = f->mailslot;
	uint32_t len = (uint32_t)c->args[6];
	struct ms_message *msg;

	if (f->mailslot_server || !m)
		return LSW_STATUS_ACCESS_DENIED;
	if (len > (m->max_message ? m->max_message : MESSAGE_MAX) || len > MESSAGE_MAX)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!m->closed) {
		if (m->bytes + len > SLOT_BYTES_MAX ||
		    m->host->files.mailslot_bytes + len > HOST_BYTES_MAX)
			return LSW_STATUS_INSUFFICIENT_RESOURCES;
		if (!(msg = malloc(sizeof(*msg) + len)))
			return LSW_STATUS_NO_MEMORY;
		if (len && tracee_read(c->thread, c->args[5], msg->data, len) < 0) {
			free(msg);
			return LSW_STATUS_ACCESS_VIOLATION;
		}
		msg->next = NULL;
		msg->len = len;
		if (m->last)
			m->last->next = msg;
		else
			m->first = msg;
		m->last = msg;
		m->count++;
		m->bytes += len;
		m->host->files.mailslot_bytes += len;
		deliver(m);
	}
	tracee_write_iosb(c->thread, c->args[4], LSW_STATUS_SUCCESS, len);
	return file_io_end(c, f, LSW_STATUS_SUCCESS, false);
}

/* FILE_MAILSLOT_QUERY_INFORMATION { MaximumMessageSize, MailslotQuota,
 * NextMessageSize, MessagesAvailable, LARGE_INTEGER ReadTimeout } */
static NTSTATUS query(struct nt_call *c, const struct mailslot *m)
{
	struct {
		uint32_t max_message, quota, next_size, count;
		int64_t read_timeout;
	} info = { m->max_message, m->quota, m->first ? m->first->len : MAILSLOT_NO_MESSAGE,
		   m->count, m->read_timeout < 0 ? -1 : -m->read_timeout };

	if ((uint32_t)c->args[3] < sizeof(info))
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_write(c->thread, c->args[2], &info, sizeof(info)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return tracee_write_iosb(c->thread, c->args[1], LSW_STATUS_SUCCESS, sizeof(info));
}

NTSTATUS mailslot_query_info(struct nt_call *c, struct file_object *f, uint32_t cls,
			     bool *handled)
{
	*handled = cls == FileMailslotQueryInformation;
	if (!*handled)
		return LSW_STATUS_SUCCESS;
	if (!f->mailslot)
		return LSW_STATUS_INVALID_PARAMETER;
	return query(c, f->mailslot);
}

/* FILE_MAILSLOT_SET_INFORMATION { PLARGE_INTEGER ReadTimeout } */
NTSTATUS mailslot_set_info(struct nt_call *c, struct file_object *f, uint32_t cls,
			   bool *handled)
{
	uint64_t ptr;
	int64_t timeout;

	*handled = cls == FileMailslotSetInformation;
	if (!*handled)
		return LSW_STATUS_SUCCESS;
	if (!f->mailslot_server || !f->mailslot)
		return LSW_STATUS_INVALID_PARAMETER;
	if ((uint32_t)c->args[3] < sizeof(ptr))
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_read(c->thread, c->args[2], &ptr, 8) < 0 ||
	    (ptr && tracee_read(c->thread, ptr, &timeout, 8) < 0))
		return LSW_STATUS_ACCESS_VIOLATION;
	f->mailslot->read_timeout = mailslot_timeout(ptr ? timeout : -1);
	return tracee_write_iosb(c->thread, c->args[1], LSW_STATUS_SUCCESS, 0);
}
