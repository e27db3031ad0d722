/*
 * Objects a thread can wait on, and the waits themselves.
 *
 * A waitable object embeds a struct waitable and returns it from its
 * nt_object_ops.waitable; two callbacks say whether a thread could take it
 * now and what taking it does.  A wait that cannot be satisfied at once is
 * a deferred answer (NT_DEFERRED): the thread sleeps in the waiter lists of
 * its objects until waitable_wake() finds its wait satisfiable, its timeout
 * passes, or it ends (nt_cancel).  Each blocked wait belongs to one
 * struct lsw_thread, so any number of threads may wait on one object.
 *
 * Making, say, a thread object waitable:
 *
 *	static bool thread_signaled(struct nt_object *o, struct lsw_thread *t)
 *	{ return ((struct thread_object *)o)->exited; }
 *	static const struct waitable_ops thread_wait_ops = { thread_signaled, NULL };
 *	static struct waitable *thread_waitable(struct nt_object *o)
 *	{ return &((struct thread_object *)o)->wait; }
 *	const struct nt_object_ops thread_ops = { .type_name = "Thread",
 *		.destroy = destroy, .describe = describe, .waitable = thread_waitable };
 *	... waitable_init(&obj->wait, &thread_wait_ops) at creation;
 *	... obj->exited = true; waitable_wake(&obj->hdr) when it ends.
 *
 * Waiters hold a reference on every object they wait on, so an object is
 * never destroyed with waiters in its list.
 */
#ifndef LSW_WAITABLE_H
#define LSW_WAITABLE_H

#include "emul/object/object.h"

#define WAIT_MAX_OBJECTS 64 /* MAXIMUM_WAIT_OBJECTS */

struct waitable_ops {
	/* Whether thread t could take the object now (a mutant is signalled
	 * for its owner even while owned). */
	bool (*signaled)(struct nt_object *obj, struct lsw_thread *t);
	/* Takes it for t (auto-reset, count down, ownership); only called
	 * when signaled() said so.  Returns true when the wait must report
	 * an abandoned mutant.  NULL: waiting leaves the object as it is. */
	bool (*acquire)(struct nt_object *obj, struct lsw_thread *t);
};

struct wait_entry;

struct waitable {
	const struct waitable_ops *ops;
	struct wait_entry *first, *last; /* blocked waits, in arrival order */
};

void waitable_init(struct waitable *w, const struct waitable_ops *ops);
/* The object's waitable part, NULL if it has none. */
struct waitable *waitable_of(struct nt_object *obj);
/* The object may have become signalled: answers every blocked wait it
 * now satisfies, oldest first. */
void waitable_wake(struct nt_object *obj);

/*
 * Waits for thread c on objs[0..n-1] (n <= WAIT_MAX_OBJECTS; n 0 is a
 * plain sleep, which ends with STATUS_SUCCESS): any one (all false) or all at once (all true).  An object
 * without a waitable part is always signalled (files: their I/O completes
 * inside its call).  timeout_ns: 0 polls, UINT64_MAX is none.  Returns
 * STATUS_WAIT_0 + i, STATUS_ABANDONED_WAIT_0 + i or STATUS_TIMEOUT now, or
 * NT_DEFERRED to answer one of those later.  Checks nothing else: the
 * caller validated the handles, their access and duplicates.
 */
NTSTATUS wait_objects(struct nt_call *c, struct nt_object *const *objs, unsigned n, bool all,
		      uint64_t timeout_ns);

/*
 * A wait of no thread on one object (a wait completion packet): if obj is
 * signalled now it is taken and the result is STATUS_SUCCESS (or
 * STATUS_ABANDONED_WAIT_0); else NT_DEFERRED, *out is the wait, and
 * done(arg) runs once the object is signalled and taken, after the wait
 * is freed.  The object must not need a thread to take it (no mutants).
 * wait_detached_cancel drops a wait that has not finished.
 */
struct wait_block;
NTSTATUS wait_object_detached(struct nt_object *obj, void (*done)(void *arg), void *arg,
			      struct wait_block **out);
void wait_detached_cancel(struct wait_block *b);

/* t's blocked wait goes away unanswered (a user APC ends it): true if it
 * had one.  A wait is a deferred call: when its thread ends, nt_cancel
 * drops it like any other. */
bool wait_cancel(struct lsw_thread *t);

/* mutant.c: abandons t's mutants (when the thread ends). */
void mutant_thread_exited(struct lsw_thread *t);

#endif
