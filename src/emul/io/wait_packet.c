/*
 * Wait completion packets: NtCreateWaitCompletionPacket,
 * NtAssociateWaitCompletionPacket, NtCancelWaitCompletionPacket.  A packet
 * associated with a port and an object waits (as a wait of no thread) for
 * the object; once it is signalled and taken, the packet's completion goes
 * to the port.  Go's netpoller (1.23+) drives its timers this way.
 *
 * A packet is idle, waiting, or queued on the port until a thread removes
 * it; only an idle one may be associated.
 */
#include <stdlib.h>
#include "emul/io/io_queue.h"
#include "emul/object/object_names.h"
#include "emul/sync/sync.h"
#include "emul/sync/waitable.h"

#define WAIT_PACKET_ALL_ACCESS 0x1F0001u

enum wait_packet_state { WP_IDLE, WP_WAITING, WP_QUEUED };

struct wait_packet {
	struct nt_object hdr;
	struct object_name name;
	enum wait_packet_state state;
	struct io_queue *q;          /* WAITING, QUEUED: referenced */
	struct wait_block *wait;     /* WAITING */
	struct completion_entry e;   /* what it posts */
};

static const struct generic_mapping wait_packet_mapping = {
	STANDARD_READ | 1, STANDARD_READ | 1, STANDARD_READ, WAIT_PACKET_ALL_ACCESS,
};

/* Back to idle: the port is let go. */
static void go_idle(struct wait_packet *wp)
{
	struct io_queue *q = wp->q;

	wp->state = WP_IDLE;
	wp->wait = NULL;
	wp->q = NULL;
	io_queue_unref(q);
}

static void wait_packet_destroy(struct nt_object *obj)
{
	struct wait_packet *wp = (struct wait_packet *)obj;

	if (wp->state == WP_WAITING)
		wait_detached_cancel(wp->wait);
	else if (wp->state == WP_QUEUED)
		io_queue_unpost(wp->q, wp);
	if (wp->state != WP_IDLE)
		go_idle(wp);
	object_name_remove(&wp->name);
	free(wp);
}

static void wait_packet_describe(struct nt_object *obj, char *buf, size_t len)
{
	object_name_describe(&((struct wait_packet *)obj)->name, buf, len);
}

const struct nt_object_ops wait_packet_ops = {
	.type_name = "WaitCompletionPacket",
	.destroy = wait_packet_destroy,
	.describe = wait_packet_describe,
};

void wait_packet_dequeued(struct wait_packet *wp)
{
	go_idle(wp);
}

/* Its object was signalled (and taken): the completion goes out. */
static void post(struct wait_packet *wp)
{
	struct io_queue *q = wp->q;

	wp->wait = NULL;
	wp->state = WP_QUEUED;
	if (q->closed || io_queue_post(q, wp->e.key, wp->e.value, (NTSTATUS)wp->e.status,
				       wp->e.info, wp) != LSW_STATUS_SUCCESS)
		go_idle(wp); /* nowhere to go: nothing is queued */
}

static void signalled(void *arg)
{
	post(arg);
}

/* NtCreateWaitCompletionPacket(WaitCompletionPacketHandle, DesiredAccess,
 *                              ObjectAttributes) */
NTSTATUS nt_NtCreateWaitCompletionPacket(struct nt_call *c)
{
	uint32_t access = access_map_generic((uint32_t)c->args[1], &wait_packet_mapping);
	struct wait_packet *wp;
	struct object_name nm;
	NTSTATUS st;

	if ((st = object_create_begin(c, c->args[2], &wait_packet_ops, access, c->args[0], &nm)) !=
	    LSW_STATUS_SUCCESS)
		return st;
	if (!(wp = calloc(1, sizeof(*wp)))) {
		object_name_remove(&nm);
		return LSW_STATUS_NO_MEMORY;
	}
	object_init(&wp->hdr, &wait_packet_ops);
	wp->name = nm;
	return object_create_end(c, &wp->hdr, &wp->name, access, c->args[0]);
}

/* The object a packet may wait for: any a thread may wait on, but a
 * mutant, which needs a thread to own it. */
static struct nt_object *packet_target(struct nt_call *c, uint64_t h, NTSTATUS *st)
{
	struct nt_object *obj = wait_target(c, h, st);

	if (obj && obj->ops == &mutant_ops) {
		*st = LSW_STATUS_OBJECT_TYPE_MISMATCH;
		return NULL;
	}
	return obj;
}

/* NtAssociateWaitCompletionPacket(WaitCompletionPacketHandle,
 *     IoCompletionHandle, TargetObjectHandle, KeyContext, ApcContext,
 *     IoStatus, IoStatusInformation, AlreadySignaled) */
NTSTATUS nt_NtAssociateWaitCompletionPacket(struct nt_call *c)
{
	struct wait_packet *wp;
	struct nt_object *target;
	struct io_queue *q;
	uint8_t already = 0;
	NTSTATUS st;

	if (!(wp = (struct wait_packet *)object_from_handle(c, c->args[0], &wait_packet_ops, 0,
							     &st)))
		return st;
	if (!(target = packet_target(c, c->args[2], &st)))
		return st;
	if (wp->state != WP_IDLE)
		return LSW_STATUS_INVALID_PARAMETER_1; /* in use */
	if (c->args[7] && tracee_write(c->thread, c->args[7], &already, 1) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!(q = io_queue_from_handle(c, c->args[1], IO_COMPLETION_MODIFY_STATE, &st)))
		return st;
	wp->q = q;
	wp->e = (struct completion_entry){ c->args[3], c->args[4], (uint32_t)c->args[5],
					   c->args[6] };
	wp->state = WP_WAITING;
	st = wait_object_detached(target, signalled, wp, &wp->wait);
	if (st == NT_DEFERRED)
		return LSW_STATUS_SUCCESS;
	if (st == (NTSTATUS)LSW_STATUS_NO_MEMORY) {
		go_idle(wp);
		return st;
	}
	post(wp);
	already = 1;
	if (c->args[7])
		tracee_write(c->thread, c->args[7], &already, 1);
	return LSW_STATUS_SUCCESS;
}

/* NtCancelWaitCompletionPacket(WaitCompletionPacketHandle,
 *                              RemoveSignaledPacket): SUCCESS when the wait
 * (or, asked to, its queued packet) was taken back, PENDING when its packet
 * is queued and stays, CANCELLED when nothing was associated. */
NTSTATUS nt_NtCancelWaitCompletionPacket(struct nt_call *c)
{
	struct wait_packet *wp;
	NTSTATUS st;

	if (!(wp = (struct wait_packet *)object_from_handle(c, c->args[0], &wait_packet_ops, 0,
							     &st)))
		return st;
	switch (wp->state) {
	case WP_WAITING:
		wait_detached_cancel(wp->wait);
		go_idle(wp);
		return LSW_STATUS_SUCCESS;
	case WP_QUEUED:
		if (!(uint8_t)c->args[1])
			return LSW_STATUS_PENDING;
		io_queue_unpost(wp->q, wp);
		go_idle(wp);
		return LSW_STATUS_SUCCESS;
	default:
		return LSW_STATUS_CANCELLED;
	}
}
