/*
 * Keyed events: NtCreateKeyedEvent, NtWaitForKeyedEvent,
 * NtReleaseKeyedEvent.  A rendezvous on a key (any pointer-sized value):
 * a release waits for a waiter on the same key and a wait for a release,
 * and each pairs with exactly one of the other side.  ntdll's critical
 * sections and SRW locks block here when contended, on the process-wide
 * keyed event (handle NULL), as Windows' do.
 */
#include <stdlib.h>
#include "emul/sync/keyed_event.h"
#include "emul/sync/sync.h"

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
	struct keyed_waiter *queue; /* arrival order */
};

static void keyed_destroy(struct nt_object *obj)
{
	free(obj); /* queued threads hold references: none are left */
}

const struct nt_object_ops keyed_event_ops = { "KeyedEvent", keyed_destroy, NULL, NULL };

/* Handle NULL names the process's own keyed event, made on first use
 * and kept (one reference the process holds) until the process goes. */
static struct keyed_event *get_keyed(struct nt_call *c, uint64_t h, NTSTATUS *st)
{
	struct lsw_process *p = c->thread->process;

	if (h)
		return (struct keyed_event *)handle_get(p, h, &keyed_event_ops, st);
	if (!p->keyed_event) {
		if (!(p->keyed_event = calloc(1, sizeof(*p->keyed_event)))) {
			*st = LSW_STATUS_NO_MEMORY;
			return NULL;
		}
		object_init(&p->keyed_event->hdr, &keyed_event_ops);
	}
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

	if (!(e = get_keyed(c, c->args[0], &st)))
		return st;
	if (c->args[1] & 1)
		return LSW_STATUS_INVALID_PARAMETER_1; /* keys are even: the low bit is reserved */
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
 *                    Flags): an unnamed keyed event of the caller's own. */
NTSTATUS nt_NtCreateKeyedEvent(struct nt_call *c)
{
	struct lsw_process *p = c->thread->process;
	struct keyed_event *e = calloc(1, sizeof(*e));
	uint64_t h;

	if (!e)
		return LSW_STATUS_NO_MEMORY;
	object_init(&e->hdr, &keyed_event_ops);
	h = handle_alloc(p, &e->hdr, 0x1F0003);
	object_unref(&e->hdr);
	if (!h)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (tracee_write(c->thread, c->args[0], &h, 8) < 0) {
		handle_close(p, h);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	return LSW_STATUS_SUCCESS;
}
