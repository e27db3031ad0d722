/*
 * Events: NtCreateEvent, NtOpenEvent, NtSetEvent, NtResetEvent,
 * NtClearEvent, NtQueryEvent, and the waits on them.
 *
 * A notification event (manual reset) stays signalled and releases every
 * waiter; a synchronization event (auto reset) releases one waiter and
 * resets.  A blocked wait is a deferred answer: the supervisor goes on
 * serving everything else, and answers the thread when the event is set
 * or its timeout passes.
 *
 * Named events live in one table for the whole supervisor (the object
 * directory \BaseNamedObjects and its Global\ and Local\ forms, which are
 * one session here), keyed by the full name, case-insensitively.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/event.h"
#include "emul/registry.h" /* reg_name_compare: NT's case folding */
#include "tracer/loop.h"

#define EVENT_QUERY_STATE 0x0001
#define EVENT_MODIFY_STATE 0x0002
#define EVENT_ALL_ACCESS 0x1F0003
#define SYNCHRONIZE_RIGHT 0x00100000u
#define GENERIC_READ 0x80000000u
#define GENERIC_WRITE 0x40000000u
#define GENERIC_EXECUTE 0x20000000u
#define GENERIC_ALL 0x10000000u
#define MAXIMUM_ALLOWED 0x02000000u

enum { NotificationEvent, SynchronizationEvent };

struct waiter {
	struct waiter *next;
	struct lsw_thread *thread;
	uint64_t timer;            /* 0: no timeout */
	struct event_object *event;
};

struct event_object {
	struct nt_object hdr;
	uint32_t type;
	bool signaled;
	struct waiter *waiters;    /* in arrival order */
	uint16_t *name;            /* NULL: unnamed */
	size_t name_len;
	struct event_object *next_named;
};

static struct event_object *named_events;

static void event_destroy(struct nt_object *obj)
{
	struct event_object *e = (struct event_object *)obj;

	/* waiters hold references: none are left when this runs */
	for (struct event_object **p = &named_events; *p; p = &(*p)->next_named)
		if (*p == e) {
			*p = e->next_named;
			break;
		}
	free(e->name);
	free(e);
}

static void event_describe(struct nt_object *obj, char *buf, size_t len)
{
	struct event_object *e = (struct event_object *)obj;
	size_t o = 0;

	for (size_t i = 0; e->name && i < e->name_len && o + 1 < len; i++)
		buf[o++] = e->name[i] >= 0x20 && e->name[i] < 0x7f ? (char)e->name[i] : '?';
	if (len)
		buf[o < len ? o : len - 1] = 0;
}

const struct nt_object_ops event_ops = { "Event", event_destroy, event_describe };

static uint32_t map_generic(uint32_t a)
{
	uint32_t out = a & ~(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL |
			     MAXIMUM_ALLOWED);

	if (a & GENERIC_READ)
		out |= EVENT_QUERY_STATE | 0x20000;
	if (a & GENERIC_WRITE)
		out |= EVENT_MODIFY_STATE | 0x20000;
	if (a & GENERIC_EXECUTE)
		out |= SYNCHRONIZE_RIGHT | 0x20000;
	if (a & (GENERIC_ALL | MAXIMUM_ALLOWED))
		out |= EVENT_ALL_ACCESS;
	return out;
}

/* Releases waiters as the event's type says. */
static void release_waiters(struct event_object *e)
{
	while (e->signaled && e->waiters) {
		struct waiter *w = e->waiters;

		e->waiters = w->next;
		if (w->timer)
			loop_cancel_timer(w->timer);
		if (e->type == SynchronizationEvent)
			e->signaled = false;
		nt_answer(w->thread, LSW_STATUS_SUCCESS);
		object_unref(&e->hdr);
		free(w);
	}
}

void event_signal(struct nt_object *obj)
{
	struct event_object *e = (struct event_object *)obj;

	e->signaled = true;
	release_waiters(e);
}

static void wait_timed_out(void *arg, uint32_t events)
{
	struct waiter *w = arg;
	struct event_object *e = w->event;

	(void)events;
	for (struct waiter **p = &e->waiters; *p; p = &(*p)->next)
		if (*p == w) {
			*p = w->next;
			break;
		}
	nt_answer(w->thread, LSW_STATUS_TIMEOUT);
	object_unref(&e->hdr);
	free(w);
}

NTSTATUS event_wait(struct nt_call *c, struct nt_object *obj, uint64_t timeout_ns)
{
	struct event_object *e = (struct event_object *)obj;
	struct waiter *w, **tail;

	if (e->signaled) {
		if (e->type == SynchronizationEvent)
			e->signaled = false;
		return LSW_STATUS_SUCCESS;
	}
	if (timeout_ns == 0)
		return LSW_STATUS_TIMEOUT;
	if (!(w = calloc(1, sizeof(*w))))
		return LSW_STATUS_NO_MEMORY;
	w->thread = c->thread;
	w->event = (struct event_object *)object_ref(&e->hdr);
	if (timeout_ns != UINT64_MAX &&
	    !(w->timer = loop_add_timer(loop_now_ns() + timeout_ns, wait_timed_out, w))) {
		object_unref(&e->hdr);
		free(w);
		return LSW_STATUS_NO_MEMORY;
	}
	for (tail = &e->waiters; *tail; tail = &(*tail)->next)
		;
	*tail = w;
	return NT_DEFERRED;
}

struct nt_object *event_from_handle(struct nt_call *c, uint64_t h, NTSTATUS *st)
{
	struct nt_object *o = handle_get(c->thread->process, h, &event_ops, st);

	return o ? object_ref(o) : NULL;
}

/* --- names --- */

/* The name in an OBJECT_ATTRIBUTES (optional: *name NULL, unnamed).
 * Names relative to a directory handle are not supported (no object
 * directories yet): STATUS_OBJECT_PATH_NOT_FOUND. */
static NTSTATUS read_name(struct nt_call *c, uint64_t oa, uint16_t **name, size_t *n,
			  uint32_t *attributes)
{
	uint64_t root = 0;
	NTSTATUS st;

	*name = NULL;
	*n = 0;
	*attributes = 0;
	if (!oa)
		return LSW_STATUS_SUCCESS;
	if ((st = object_attributes_read(c, oa, &root, name, n, attributes)) != LSW_STATUS_SUCCESS)
		return st;
	if (root && *name) {
		free(*name);
		*name = NULL;
		return LSW_STATUS_OBJECT_PATH_NOT_FOUND;
	}
	return LSW_STATUS_SUCCESS;
}

static struct event_object *find_named(const uint16_t *name, size_t n)
{
	for (struct event_object *e = named_events; e; e = e->next_named)
		if (!reg_name_compare(e->name, e->name_len, name, n))
			return e;
	return NULL;
}

static NTSTATUS give_handle(struct nt_call *c, struct event_object *e, uint32_t access,
			    uint64_t out)
{
	struct lsw_process *p = c->thread->process;
	uint64_t h = handle_alloc(p, &e->hdr, access);

	if (!h)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (tracee_write(c->thread, out, &h, 8) < 0) {
		handle_close(p, h);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	return LSW_STATUS_SUCCESS;
}

/* NtCreateEvent(EventHandle, DesiredAccess, ObjectAttributes, EventType,
 *               InitialState) */
NTSTATUS nt_NtCreateEvent(struct nt_call *c)
{
	uint32_t type = (uint32_t)c->args[3], attributes;
	struct event_object *e;
	uint16_t *name;
	size_t n;
	NTSTATUS st;

	if (type > SynchronizationEvent)
		return LSW_STATUS_INVALID_PARAMETER;
	if ((st = read_name(c, c->args[2], &name, &n, &attributes)) != LSW_STATUS_SUCCESS)
		return st;
	if (name && (e = find_named(name, n))) {
		free(name);
		if (!(attributes & OBJ_OPENIF))
			return LSW_STATUS_OBJECT_NAME_COLLISION;
		if ((st = give_handle(c, e, map_generic((uint32_t)c->args[1]), c->args[0])) !=
		    LSW_STATUS_SUCCESS)
			return st;
		return LSW_STATUS_OBJECT_NAME_EXISTS;
	}
	if (!(e = calloc(1, sizeof(*e)))) {
		free(name);
		return LSW_STATUS_NO_MEMORY;
	}
	object_init(&e->hdr, &event_ops);
	e->type = type;
	e->signaled = (uint8_t)c->args[4] != 0;
	if (name) {
		e->name = name;
		e->name_len = n;
		e->next_named = named_events;
		named_events = e;
	}
	st = give_handle(c, e, map_generic((uint32_t)c->args[1]), c->args[0]);
	object_unref(&e->hdr);
	return st;
}

/* NtOpenEvent(EventHandle, DesiredAccess, ObjectAttributes) */
NTSTATUS nt_NtOpenEvent(struct nt_call *c)
{
	struct event_object *e;
	uint16_t *name;
	uint32_t attributes;
	size_t n;
	NTSTATUS st;

	if ((st = read_name(c, c->args[2], &name, &n, &attributes)) != LSW_STATUS_SUCCESS)
		return st;
	if (!name)
		return LSW_STATUS_OBJECT_NAME_INVALID;
	e = find_named(name, n);
	free(name);
	if (!e)
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	return give_handle(c, e, map_generic((uint32_t)c->args[1]), c->args[0]);
}

/* The event behind a handle with `need` access. */
static struct event_object *get_event(struct nt_call *c, uint64_t h, uint32_t need,
				      NTSTATUS *st)
{
	struct lsw_process *p = c->thread->process;
	struct event_object *e = (struct event_object *)handle_get(p, h, &event_ops, st);

	if (e && need && !(handle_access(p, h) & need)) {
		*st = LSW_STATUS_ACCESS_DENIED;
		return NULL;
	}
	return e;
}

/* Sets or resets; *PreviousState (optional) gets the state before. */
static NTSTATUS change_state(struct nt_call *c, bool set, uint64_t previous_out)
{
	NTSTATUS st;
	struct event_object *e = get_event(c, c->args[0], EVENT_MODIFY_STATE, &st);
	uint32_t before;

	if (!e)
		return st;
	before = e->signaled;
	if (previous_out && tracee_write(c->thread, previous_out, &before, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (set)
		event_signal(&e->hdr);
	else
		e->signaled = false;
	return LSW_STATUS_SUCCESS;
}

/* NtSetEvent(EventHandle, PreviousState) */
NTSTATUS nt_NtSetEvent(struct nt_call *c)
{
	return change_state(c, true, c->args[1]);
}

/* NtResetEvent(EventHandle, PreviousState) */
NTSTATUS nt_NtResetEvent(struct nt_call *c)
{
	return change_state(c, false, c->args[1]);
}

/* NtClearEvent(EventHandle) */
NTSTATUS nt_NtClearEvent(struct nt_call *c)
{
	return change_state(c, false, 0);
}
