/*
 * Keyed events: NtCreateKeyedEvent, NtWaitForKeyedEvent,
 * NtReleaseKeyedEvent.  A rendezvous on a key (any pointer-sized value):
 * a release waits for a waiter on the same key and a wait for a release,
 * and each pairs with exactly one of the other side.  ntdll's critical
 * sections and SRW locks block here when contended, on the process-wide
 * keyed event (handle NULL), as Windows' do.
 */
#include <stdlib.h>
#include "emul/object/object_names.h"
#include "emul/sync/keyed_event.h"
#include "emul/sync/sync.h"
#include "emul/sync/waitable.h"

#define KEYEDEVENT_WAIT 0x1
#define KEYEDEVENT_WAKE 0x2
#define KEYEDEVENT_ALL_ACCESS 0xF0003

struct keyed_waiter {
	struct keyed_waiter *next;
	struct lsw_thread *thread;
	uint64_t key;
	bool releasing;             /* a release waiting for a waiter */
	uint64_t timer;
	struct keyed_event *event;
};

struct keyed_event {
	struct nt_object hdr;
	struct waitable wait;
	struct object_name name;
	struct keyed_waiter *queue; /* arrival order */
};

static const struct generic_mapping keyed_mapping = {
	STANDARD_READ | KEYEDEVENT_WAIT, STANDARD_READ | KEYEDEVENT_WAKE, STANDARD_READ,
	KEYEDEVENT_ALL_ACCESS,
};

static void keyed_destroy(struct nt_object *obj)
{
	/* queued threads hold references: none are left */
	object_name_remove(&((struct keyed_event *)obj)->name);
	free(obj);
}

static void keyed_describe(struct nt_object *obj, char *buf, size_t len)
{
	object_name_describe(&((struct keyed_event *)obj)->name, buf, len);
}

/* A wait on the object itself is satisfied at once, as on Windows (a
 * keyed event has no signal state of its own). */
static bool keyed_signaled(struct nt_object *obj, struct lsw_thread *t)
{
	(void)obj;
	(void)t;
	return true;
}

static const struct waitable_ops keyed_wait_ops = { keyed_signaled, NULL };

static struct waitable *keyed_waitable(struct nt_object *obj)
{
	return &((struct keyed_event *)obj)->wait;
}

const struct nt_object_ops keyed_event_ops = {
	.type_name = "KeyedEvent",
	.destroy = keyed_destroy,
	.describe = keyed_describe,
	.waitable = keyed_waitable,
};

static struct keyed_event *keyed_new(void)
{
	struct keyed_event *e = calloc(1, sizeof(*e));

	if (e) {
		object_init(&e->hdr, &keyed_event_ops);
		waitable_init(&e->wait, &keyed_wait_ops);
	}
	return e;
}

/* Handle NULL names the process's own keyed event, made on first use
 * and kept (one reference the process holds) until the process goes. */
static struct keyed_event *get_keyed(struct nt_call *c, uint64_t h, NTSTATUS *st)
{
	struct lsw_process *p = c->thread->process;

	if (h)
		return (struct keyed_event *)handle_get(p, h, &keyed_event_ops, st);
	if (!p->keyed_event && !(p->keyed_event = keyed_new()))
		*st = LSW_STATUS_NO_MEMORY;
	return p->keyed_event;
}

void keyed_event_process_free(struct lsw_process *p)
{
	if (p->keyed_event)
		object_unref(&p->keyed_event->hdr);
	p->keyed_event = NULL;
}

static void unlink_waiter(struct keyed_waiter *w)
{
	for (struct keyed_waiter **p = &w->event->queue; *p; p = &(*p)->next)
		if (*p == w) {
			*p = w->next;
			break;
		}
	object_unref(&w->event->hdr);
}

static void timed_out(void *arg, uint32_t events)
{
	struct keyed_waiter *w = arg;

	(void)events;
	unlink_waiter(w);
	nt_answer(w->thread, LSW_STATUS_TIMEOUT);
	free(w);
}

/* The waiter's thread ended or was answered otherwise (nt_cancel). */
static void drop_waiter(struct lsw_thread *t, void *arg)
{
	struct keyed_waiter *w = arg;

	(void)t;
	if (w->timer)
		loop_cancel_timer(thread_loop(w->thread), w->timer);
	unlink_waiter(w);
	free(w);
}

/* Pairs with the first queued thread of the other side on key, or queues
 * the caller (deferred answer). */
static NTSTATUS rendezvous(struct nt_call *c, bool releasing)
{
	struct keyed_event *e;
	struct keyed_waiter *w, **tail;
	uint64_t ns;
	NTSTATUS st;

	if (c->args[1] & 1) /* keys are even: the low bit is reserved; checked first */
		return LSW_STATUS_INVALID_PARAMETER_1;
	if (!(e = get_keyed(c, c->args[0], &st)))
		return st;
	/* a handle needs the side's right (the process's own event has all) */
	if (c->args[0] && !(handle_access(c->thread->process, c->args[0]) &
			    (releasing ? KEYEDEVENT_WAKE : KEYEDEVENT_WAIT)))
		return LSW_STATUS_ACCESS_DENIED;
	for (struct keyed_waiter **p = &e->queue; *p; p = &(*p)->next) {
		w = *p;
		if (w->key != c->args[1] || w->releasing == releasing || w->thread == c->thread)
			continue;
		*p = w->next;
		if (w->timer)
			loop_cancel_timer(thread_loop(w->thread), w->timer);
		object_unref(&e->hdr);
		nt_answer(w->thread, LSW_STATUS_SUCCESS);
		free(w);
		return LSW_STATUS_SUCCESS;
	}
	/* the waits' reading: a huge relative timeout must not wrap to a short one */
	if ((st = wait_timeout_read(c, c->args[3], &ns)) != LSW_STATUS_SUCCESS)
		return st;
	if (ns == 0)
		return LSW_STATUS_TIMEOUT;
	if (!(w = calloc(1, sizeof(*w))))
		return LSW_STATUS_NO_MEMORY;
	w->thread = c->thread;
	w->key = c->args[1];
	w->releasing = releasing;
	w->event = e;
	if (ns != UINT64_MAX &&
	    !(w->timer = loop_add_timer(thread_loop(c->thread), loop_now_ns() + ns, timed_out, w))) {
		free(w);
		return LSW_STATUS_NO_MEMORY;
	}
	object_ref(&e->hdr);
	for (tail = &e->queue; *tail; tail = &(*tail)->next)
		;
	*tail = w;
	nt_defer(c, drop_waiter, w);
	return NT_DEFERRED;
}

/* NtWaitForKeyedEvent(KeyedEventHandle, Key, Alertable, Timeout) */
NTSTATUS nt_NtWaitForKeyedEvent(struct nt_call *c)
{
	return rendezvous(c, false);
}

/* NtReleaseKeyedEvent(KeyedEventHandle, Key, Alertable, Timeout) */
NTSTATUS nt_NtReleaseKeyedEvent(struct nt_call *c)
{
	return rendezvous(c, true);
}

/* NtCreateKeyedEvent(KeyedEventHandle, DesiredAccess, ObjectAttributes,
 *                    Flags): Flags must be 0. */
NTSTATUS nt_NtCreateKeyedEvent(struct nt_call *c)
{
	uint32_t access = access_map_generic((uint32_t)c->args[1], &keyed_mapping);
	struct object_name nm;
	struct keyed_event *e;
	NTSTATUS st;

	if ((st = object_handle_out_clear(c, c->args[0])) != LSW_STATUS_SUCCESS)
		return st;
	if ((uint32_t)c->args[3])
		return LSW_STATUS_INVALID_PARAMETER_4;
	if ((st = object_create_begin(c, c->args[2], &keyed_event_ops, access, c->args[0],
				      &nm)) != LSW_STATUS_SUCCESS)
		return st;
	if (!(e = keyed_new())) {
		object_name_remove(&nm);
		return LSW_STATUS_NO_MEMORY;
	}
	e->name = nm;
	return object_create_end(c, &e->hdr, &e->name, access, c->args[0]);
}

/* NtOpenKeyedEvent(KeyedEventHandle, DesiredAccess, ObjectAttributes) */
NTSTATUS nt_NtOpenKeyedEvent(struct nt_call *c)
{
	return object_open_named(c, c->args[2], &keyed_event_ops,
				 access_map_generic((uint32_t)c->args[1], &keyed_mapping),
				 c->args[0]);
}
