/*
 * Events: NtCreateEvent, NtOpenEvent, NtSetEvent, NtResetEvent,
 * NtClearEvent, NtPulseEvent, NtQueryEvent.
 *
 * A notification event (manual reset) stays signalled and releases every
 * waiter; a synchronization event (auto reset) releases one waiter and
 * resets.  Waits are waitable.c's; names are object_names.c's.
 */
#include <stdlib.h>
#include "emul/sync/event.h"
#include "emul/object/object_names.h"
#include "emul/sync/sync.h"
#include "emul/sync/waitable.h"

#define EVENT_ALL_ACCESS 0x1F0003

enum { NotificationEvent, SynchronizationEvent };

struct event_object {
	struct nt_object hdr;
	struct waitable wait;
	struct object_name name;
	uint32_t type;
	bool signaled;
};

static const struct generic_mapping event_mapping = {
	STANDARD_READ | SYNC_QUERY_STATE, STANDARD_READ | SYNC_MODIFY_STATE,
	STANDARD_READ | SYNCHRONIZE_RIGHT, EVENT_ALL_ACCESS,
};

static void event_destroy(struct nt_object *obj)
{
	struct event_object *e = (struct event_object *)obj;

	object_name_remove(&e->name);
	free(e);
}

static void event_describe(struct nt_object *obj, char *buf, size_t len)
{
	object_name_describe(&((struct event_object *)obj)->name, buf, len);
}

static bool event_signaled(struct nt_object *obj, struct lsw_thread *t)
{
	(void)t;
	return ((struct event_object *)obj)->signaled;
}

static bool event_acquire(struct nt_object *obj, struct lsw_thread *t)
{
	struct event_object *e = (struct event_object *)obj;

	(void)t;
	if (e->type == SynchronizationEvent)
		e->signaled = false;
	return false;
}

static const struct waitable_ops event_wait_ops = { event_signaled, event_acquire };

static struct waitable *event_waitable(struct nt_object *obj)
{
	return &((struct event_object *)obj)->wait;
}

const struct nt_object_ops event_ops = {
	.type_name = "Event",
	.destroy = event_destroy,
	.describe = event_describe,
	.waitable = event_waitable,
	.valid_access = EVENT_ALL_ACCESS,
};

void event_signal(struct nt_object *obj)
{
	((struct event_object *)obj)->signaled = true;
	waitable_wake(obj);
}

void event_reset(struct nt_object *obj)
{
	((struct event_object *)obj)->signaled = false;
}

struct nt_object *event_from_handle(struct nt_call *c, uint64_t h, NTSTATUS *st)
{
	struct nt_object *o = handle_get(c->thread->process, h, &event_ops, st);

	return o ? object_ref(o) : NULL;
}

/* NtCreateEvent(EventHandle, DesiredAccess, ObjectAttributes, EventType,
 *               InitialState) */
NTSTATUS nt_NtCreateEvent(struct nt_call *c)
{
	uint32_t type = (uint32_t)c->args[3];
	uint32_t access = access_map_generic((uint32_t)c->args[1], &event_mapping);
	struct object_name nm;
	struct event_object *e;
	NTSTATUS st;

	if ((st = object_handle_out_clear(c, c->args[0])) != LSW_STATUS_SUCCESS)
		return st;
	if (type > SynchronizationEvent)
		return LSW_STATUS_INVALID_PARAMETER;
	if ((st = object_create_begin(c, c->args[2], &event_ops, access, c->args[0], &nm)) !=
	    LSW_STATUS_SUCCESS)
		return st;
	if (!(e = calloc(1, sizeof(*e)))) {
		object_name_remove(&nm);
		return LSW_STATUS_NO_MEMORY;
	}
	object_init(&e->hdr, &event_ops);
	waitable_init(&e->wait, &event_wait_ops);
	e->name = nm;
	e->type = type;
	e->signaled = (uint8_t)c->args[4] != 0;
	return object_create_end(c, &e->hdr, &e->name, access, c->args[0]);
}

/* NtOpenEvent(EventHandle, DesiredAccess, ObjectAttributes) */
NTSTATUS nt_NtOpenEvent(struct nt_call *c)
{
	return object_open_named(c, c->args[2], &event_ops,
				 access_map_generic((uint32_t)c->args[1], &event_mapping),
				 c->args[0]);
}

enum change { SET, RESET, PULSE };

/* *PreviousState (optional) gets the state before. */
static NTSTATUS change_state(struct nt_call *c, enum change how, uint64_t previous_out)
{
	NTSTATUS st;
	struct event_object *e = (struct event_object *)object_from_handle(
		c, c->args[0], &event_ops, SYNC_MODIFY_STATE, &st);
	int32_t before;

	if (!e)
		return st;
	before = e->signaled;
	if (previous_out && tracee_write(c->thread, previous_out, &before, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (how != RESET)
		event_signal(&e->hdr);
	/* a pulse releases whoever is waiting now, then leaves it reset */
	if (how != SET)
		e->signaled = false;
	return LSW_STATUS_SUCCESS;
}

/* NtSetEvent(EventHandle, PreviousState) */
NTSTATUS nt_NtSetEvent(struct nt_call *c)
{
	return change_state(c, SET, c->args[1]);
}

/* NtResetEvent(EventHandle, PreviousState) */
NTSTATUS nt_NtResetEvent(struct nt_call *c)
{
	return change_state(c, RESET, c->args[1]);
}

/* NtClearEvent(EventHandle) */
NTSTATUS nt_NtClearEvent(struct nt_call *c)
{
	return change_state(c, RESET, 0);
}

/* NtPulseEvent(EventHandle, PreviousState) */
NTSTATUS nt_NtPulseEvent(struct nt_call *c)
{
	return change_state(c, PULSE, c->args[1]);
}

/* NtQueryEvent(EventHandle, EventInformationClass, EventInformation,
 *              EventInformationLength, ReturnLength):
 * EventBasicInformation is { EVENT_TYPE EventType; LONG EventState; }. */
NTSTATUS nt_NtQueryEvent(struct nt_call *c)
{
	NTSTATUS st;
	struct event_object *e = (struct event_object *)object_from_handle(
		c, c->args[0], &event_ops, SYNC_QUERY_STATE, &st);
	uint32_t info[2], len = sizeof(info);

	if (!e)
		return st;
	if ((uint32_t)c->args[1] != 0 /* EventBasicInformation */)
		return LSW_STATUS_INVALID_INFO_CLASS;
	if ((uint32_t)c->args[3] != sizeof(info))
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	info[0] = e->type;
	info[1] = e->signaled;
	if (tracee_write(c->thread, c->args[2], info, sizeof(info)) < 0 ||
	    (c->args[4] && tracee_write(c->thread, c->args[4], &len, 4) < 0))
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}
