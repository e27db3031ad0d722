/*
 * I/O completion port objects: NtCreateIoCompletion, NtOpenIoCompletion,
 * NtSetIoCompletion(Ex), NtQueryIoCompletion, and their queue (io_queue.h).
 * A port is signalled while packets are queued (NtWaitForSingleObject on
 * it takes none); NtRemoveIoCompletion(Ex) is io_completion_remove.c's.
 */
#include <stdlib.h>
#include <unistd.h>
#include "emul/io/io_queue.h"
#include "emul/object/object_names.h"
#include "emul/sync/sync.h"
#include "emul/sync/waitable.h"

#define IO_COMPLETION_ALL_ACCESS 0x1F0003u

struct io_completion {
	struct nt_object hdr;
	struct waitable wait;
	struct object_name name;
	struct io_queue *q;
};

static const struct generic_mapping io_completion_mapping = {
	STANDARD_READ | IO_COMPLETION_QUERY_STATE, STANDARD_READ | IO_COMPLETION_MODIFY_STATE,
	STANDARD_READ | SYNCHRONIZE_RIGHT, IO_COMPLETION_ALL_ACCESS,
};

struct io_queue *io_queue_ref(struct io_queue *q)
{
	q->refs++;
	return q;
}

static void drop_packets(struct io_queue *q)
{
	while (q->first) {
		struct completion_packet *p = q->first;

		q->first = p->next;
		if (p->owner)
			wait_packet_dequeued(p->owner);
		free(p);
	}
	q->last = NULL;
	q->depth = 0;
}

void io_queue_unref(struct io_queue *q)
{
	if (!q || --q->refs)
		return;
	drop_packets(q);
	free(q);
}

static void io_completion_destroy(struct nt_object *obj)
{
	struct io_completion *port = (struct io_completion *)obj;
	struct io_queue *q = port->q;

	/* the last handle went: the queue runs down, whoever keeps it */
	q->closed = true;
	q->port = NULL;
	drop_packets(q);
	io_queue_abandon_waiters(q);
	io_queue_unref(q);
	object_name_remove(&port->name);
	free(port);
}

static void io_completion_describe(struct nt_object *obj, char *buf, size_t len)
{
	object_name_describe(&((struct io_completion *)obj)->name, buf, len);
}

static bool io_completion_signaled(struct nt_object *obj, struct lsw_thread *t)
{
	(void)t;
	return ((struct io_completion *)obj)->q->depth > 0;
}

static const struct waitable_ops io_completion_wait_ops = { io_completion_signaled, NULL };

static struct waitable *io_completion_waitable(struct nt_object *obj)
{
	return &((struct io_completion *)obj)->wait;
}

const struct nt_object_ops io_completion_ops = {
	.type_name = "IoCompletion",
	.destroy = io_completion_destroy,
	.describe = io_completion_describe,
	.waitable = io_completion_waitable,
};

struct io_queue *io_queue_from_handle(struct nt_call *c, uint64_t h, uint32_t need,
				      NTSTATUS *st)
{
	struct io_completion *port = (struct io_completion *)object_from_handle(
		c, h, &io_completion_ops, need, st);

	return port ? io_queue_ref(port->q) : NULL;
}

NTSTATUS io_queue_post(struct io_queue *q, uint64_t key, uint64_t value, NTSTATUS status,
		       uint64_t info, struct wait_packet *owner)
{
	struct completion_packet *p;

	if (q->closed)
		return LSW_STATUS_SUCCESS;
	if (q->depth >= IO_QUEUE_MAX_DEPTH || !(p = calloc(1, sizeof(*p))))
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	p->e = (struct completion_entry){ key, value, status, info };
	p->owner = owner;
	*(q->last ? &q->last->next : &q->first) = p;
	q->last = p;
	q->depth++;
	io_queue_ref(q); /* a woken waiter may drop the last reference */
	io_queue_release_waiters(q);
	if (q->port && q->depth)
		waitable_wake(q->port);
	io_queue_unref(q);
	return LSW_STATUS_SUCCESS;
}

bool io_queue_take(struct io_queue *q, struct completion_entry *out)
{
	struct completion_packet *p = q->first;

	if (!p)
		return false;
	if (!(q->first = p->next))
		q->last = NULL;
	q->depth--;
	*out = p->e;
	if (p->owner)
		wait_packet_dequeued(p->owner);
	free(p);
	return true;
}

bool io_queue_unpost(struct io_queue *q, struct wait_packet *owner)
{
	struct completion_packet *prev = NULL;

	for (struct completion_packet *p = q->first; p; prev = p, p = p->next) {
		if (p->owner != owner)
			continue;
		*(prev ? &prev->next : &q->first) = p->next;
		if (q->last == p)
			q->last = prev;
		q->depth--;
		free(p);
		return true;
	}
	return false;
}

/* As many as the processors NtQuerySystemInformation reports. */
static uint32_t processor_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : (uint32_t)n;
}

/* NtCreateIoCompletion(IoCompletionHandle, DesiredAccess, ObjectAttributes,
 *                      NumberOfConcurrentThreads): 0 threads is one per
 * processor. */
NTSTATUS nt_NtCreateIoCompletion(struct nt_call *c)
{
	uint32_t access = access_map_generic((uint32_t)c->args[1], &io_completion_mapping);
	uint32_t threads = (uint32_t)c->args[3];
	struct io_completion *port;
	struct object_name nm;
	NTSTATUS st;

	if ((st = object_create_begin(c, c->args[2], &io_completion_ops, access, c->args[0],
				      &nm)) != LSW_STATUS_SUCCESS)
		return st;
	port = calloc(1, sizeof(*port));
	if (!port || !(port->q = calloc(1, sizeof(*port->q)))) {
		free(port);
		object_name_remove(&nm);
		return LSW_STATUS_NO_MEMORY;
	}
	object_init(&port->hdr, &io_completion_ops);
	waitable_init(&port->wait, &io_completion_wait_ops);
	port->name = nm;
	port->q->refs = 1;
	port->q->port = &port->hdr;
	port->q->concurrency = threads ? threads : processor_count();
	return object_create_end(c, &port->hdr, &port->name, access, c->args[0]);
}

/* NtOpenIoCompletion(IoCompletionHandle, DesiredAccess, ObjectAttributes) */
NTSTATUS nt_NtOpenIoCompletion(struct nt_call *c)
{
	return object_open_named(c, c->args[2], &io_completion_ops,
				 access_map_generic((uint32_t)c->args[1], &io_completion_mapping),
				 c->args[0]);
}

static NTSTATUS set_completion(struct nt_call *c, uint64_t key, uint64_t value, uint64_t status,
			       uint64_t info)
{
	NTSTATUS st;
	struct io_queue *q = io_queue_from_handle(c, c->args[0], IO_COMPLETION_MODIFY_STATE, &st);

	if (!q)
		return st;
	st = io_queue_post(q, key, value, (uint32_t)status, info, NULL);
	io_queue_unref(q);
	return st;
}

/* NtSetIoCompletion(IoCompletionHandle, KeyContext, ApcContext, IoStatus,
 *                   IoStatusInformation) */
NTSTATUS nt_NtSetIoCompletion(struct nt_call *c)
{
	return set_completion(c, c->args[1], c->args[2], c->args[3], c->args[4]);
}

/* NtSetIoCompletionEx(IoCompletionHandle, IoCompletionPacketHandle,
 *                     KeyContext, ApcContext, IoStatus, IoStatusInformation):
 * the packet handle names a reserve object, which lsw does not make, so
 * only NULL (allocate as NtSetIoCompletion does) is valid. */
NTSTATUS nt_NtSetIoCompletionEx(struct nt_call *c)
{
	if (c->args[1])
		return LSW_STATUS_INVALID_HANDLE;
	return set_completion(c, c->args[2], c->args[3], c->args[4], c->args[5]);
}

/* NtQueryIoCompletion(IoCompletionHandle, IoCompletionInformationClass,
 *                     IoCompletionInformation, Length, ResultLength):
 * IoCompletionBasicInformation (0) is { LONG Depth; }. */
NTSTATUS nt_NtQueryIoCompletion(struct nt_call *c)
{
	uint32_t len = 4;
	int32_t depth;
	NTSTATUS st;
	struct io_queue *q = io_queue_from_handle(c, c->args[0], IO_COMPLETION_QUERY_STATE, &st);

	if (!q)
		return st;
	depth = (int32_t)q->depth;
	io_queue_unref(q);
	if ((uint32_t)c->args[1] != 0)
		return LSW_STATUS_INVALID_INFO_CLASS;
	if ((uint32_t)c->args[3] < sizeof(depth))
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_write(c->thread, c->args[2], &depth, sizeof(depth)) < 0 ||
	    (c->args[4] && tracee_write(c->thread, c->args[4], &len, 4) < 0))
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}
