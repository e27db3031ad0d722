/*
 * Blocked waits (see waitable.h).  A wait is one block per thread with an
 * entry per object; each entry sits in its object's waiter list.  Waking
 * an object re-checks the blocks waiting on it, oldest first: a wait for
 * any is satisfied by its lowest-index signalled object, a wait for all
 * only when every object is signalled at once, and then takes them all
 * together (nothing is taken from a wait for all that cannot finish).
 */
#include <stdlib.h>
#include "emul/sync/waitable.h"
#include "emul/io/io_completion.h"

struct wait_block;

struct wait_entry {
	struct wait_entry *next, *prev;  /* in the object's waiter list */
	struct wait_block *block;
	struct nt_object *obj;           /* referenced */
	struct waitable *w;              /* NULL: always signalled */
};

struct wait_block {
	struct lsw_thread *thread;       /* NULL: a wait of no thread */
	void (*done)(void *arg);         /* ... which calls this instead */
	void *done_arg;
	uint64_t timer;                  /* 0: none */
	bool queued;                     /* in its objects' waiter lists */
	bool all;
	unsigned n;
	struct wait_entry e[];
};

void waitable_init(struct waitable *w, const struct waitable_ops *ops)
{
	w->ops = ops;
	w->first = w->last = NULL;
}

struct waitable *waitable_of(struct nt_object *obj)
{
	return obj->ops->waitable ? obj->ops->waitable(obj) : NULL;
}

static bool entry_signaled(struct wait_entry *e, struct lsw_thread *t)
{
	return !e->w || e->w->ops->signaled(e->obj, t);
}

static bool entry_acquire(struct wait_entry *e, struct lsw_thread *t)
{
	return e->w && e->w->ops->acquire && e->w->ops->acquire(e->obj, t);
}

/* The wait's result if it can finish now (its objects taken), else
 * NT_DEFERRED. */
static NTSTATUS try_satisfy(struct wait_block *b)
{
	int abandoned = -1;

	if (!b->all) {
		for (unsigned i = 0; i < b->n; i++)
			if (entry_signaled(&b->e[i], b->thread))
				return (entry_acquire(&b->e[i], b->thread)
						? LSW_STATUS_ABANDONED_WAIT_0
						: LSW_STATUS_SUCCESS) + i;
		return NT_DEFERRED;
	}
	for (unsigned i = 0; i < b->n; i++)
		if (!entry_signaled(&b->e[i], b->thread))
			return NT_DEFERRED;
	for (unsigned i = 0; i < b->n; i++)
		if (entry_acquire(&b->e[i], b->thread) && abandoned < 0)
			abandoned = (int)i;
	return abandoned < 0 ? LSW_STATUS_SUCCESS
			     : LSW_STATUS_ABANDONED_WAIT_0 + (unsigned)abandoned;
}

/* Takes the block out of every list and frees it.  A block never queued
 * (a poll, a wait satisfied at once) has no place in them: unlinking its
 * unset links would empty the lists, the other waiters never woken. */
static void block_free(struct wait_block *b)
{
	if (b->timer)
		loop_cancel_timer(thread_loop(b->thread), b->timer);
	for (unsigned i = 0; i < b->n; i++) {
		struct wait_entry *e = &b->e[i];

		if (e->w && b->queued) {
			*(e->prev ? &e->prev->next : &e->w->first) = e->next;
			*(e->next ? &e->next->prev : &e->w->last) = e->prev;
		}
		object_unref(e->obj);
	}
	free(b);
}

static void finish(struct wait_block *b, NTSTATUS st)
{
	struct lsw_thread *t = b->thread;
	void (*done)(void *) = b->done;
	void *arg = b->done_arg;

	block_free(b);
	if (t)
		nt_answer(t, st);
	else
		done(arg);
}

/* The wait's thread ended or was answered otherwise (nt_cancel). */
static void drop_wait(struct lsw_thread *t, void *arg)
{
	(void)t;
	block_free(arg);
}

static void timed_out(void *arg, uint32_t events)
{
	struct wait_block *b = arg;

	(void)events;
	b->timer = 0; /* fired: nothing to cancel */
	finish(b, b->n ? LSW_STATUS_TIMEOUT : LSW_STATUS_SUCCESS);
}

void waitable_wake(struct nt_object *obj)
{
	struct waitable *w = waitable_of(obj);
	struct wait_entry *e;

	if (!w)
		return;
	object_ref(obj); /* the last waiter may hold the last reference */
	do {
		for (e = w->first; e; e = e->next) {
			NTSTATUS st = try_satisfy(e->block);

			if (st != NT_DEFERRED) {
				finish(e->block, st);
				break; /* the lists changed: look again */
			}
		}
	} while (e);
	object_unref(obj);
}

static struct wait_block *block_new(struct lsw_thread *t, struct nt_object *const *objs,
				    unsigned n, bool all)
{
	struct wait_block *b = calloc(1, sizeof(*b) + n * sizeof(b->e[0]));

	if (!b)
		return NULL;
	b->thread = t;
	b->all = all && n;
	b->n = n;
	for (unsigned i = 0; i < n; i++) {
		b->e[i].block = b;
		b->e[i].obj = object_ref(objs[i]);
		b->e[i].w = waitable_of(objs[i]);
	}
	return b;
}

/* Puts the block into its objects' lists: the wait sleeps. */
static void block_enqueue(struct wait_block *b)
{
	b->queued = true;
	for (unsigned i = 0; i < b->n; i++) {
		struct wait_entry *e = &b->e[i];

		if (!e->w)
			continue;
		e->prev = e->w->last;
		*(e->w->last ? &e->w->last->next : &e->w->first) = e;
		e->w->last = e;
	}
}

NTSTATUS wait_objects(struct nt_call *c, struct nt_object *const *objs, unsigned n, bool all,
		      uint64_t timeout_ns)
{
	struct wait_block *b;
	NTSTATUS st;

	if (n > WAIT_MAX_OBJECTS)
		return LSW_STATUS_INVALID_PARAMETER_1;
	if (!(b = block_new(c->thread, objs, n, all)))
		return LSW_STATUS_NO_MEMORY;
	if ((st = try_satisfy(b)) == NT_DEFERRED && timeout_ns == 0)
		st = n ? LSW_STATUS_TIMEOUT : LSW_STATUS_SUCCESS;
	if (st == NT_DEFERRED && c->no_block)
		st = NT_WOULD_BLOCK;
	if (st != NT_DEFERRED) {
		block_free(b);
		return st;
	}
	/* beyond any lifetime (over 146 years) is as good as none */
	if (timeout_ns < UINT64_MAX / 4 &&
	    !(b->timer = loop_add_timer(thread_loop(c->thread), loop_now_ns() + timeout_ns,
					timed_out, b))) {
		block_free(b);
		return LSW_STATUS_NO_MEMORY;
	}
	block_enqueue(b);
	nt_defer(c, drop_wait, b);
	return NT_DEFERRED;
}

bool wait_cancel(struct lsw_thread *t)
{
	if (!t->busy || (t->call.cancel != drop_wait && !io_remove_is_waiting(t)))
		return false;
	nt_cancel(t); /* its caller answers the thread */
	return true;
}

NTSTATUS wait_object_detached(struct nt_object *obj, void (*done)(void *arg), void *arg,
			      struct wait_block **out)
{
	struct wait_block *b = block_new(NULL, &obj, 1, false);
	NTSTATUS st;

	*out = NULL;
	if (!b)
		return LSW_STATUS_NO_MEMORY;
	if ((st = try_satisfy(b)) != NT_DEFERRED) {
		block_free(b);
		return st;
	}
	b->done = done;
	b->done_arg = arg;
	block_enqueue(b);
	*out = b;
	return NT_DEFERRED;
}

void wait_detached_cancel(struct wait_block *b)
{
	if (b)
		block_free(b);
}
