/*
 * NtRemoveIoCompletion(Ex): taking packets off a port, waiting for them,
 * and the concurrency value.
 *
 * A thread that removes from a port becomes one of its threads.  The port
 * counts those running (not blocked in any call) and hands a packet to a
 * waiter only while fewer than its concurrency value run, as NT does; a
 * thread that blocks elsewhere (dispatch.c tells) frees its place.  Waiters
 * are released newest first (LIFO), which keeps the hot thread busy.
 */
#include <stdlib.h>
#include "emul/io/io_queue.h"
#include "emul/sync/apc.h"
#include "emul/sync/sync.h"

#define REMOVE_EX_MAX 1024 /* entries one call copies at most */
#define ENTRY_SIZE 32      /* FILE_IO_COMPLETION_INFORMATION, x64 */

struct remove_waiter {
	struct remove_waiter *next, *prev;
	struct lsw_thread *thread;
	struct io_queue *q;          /* referenced */
	uint64_t timer;              /* 0: none */
	bool ex;
	uint32_t max;
};

/* Writes up to max packets into the outputs of t's call (Ex: an array and
 * its count; else key, context and IO_STATUS_BLOCK).  A packet whose
 * output cannot be written is lost, as NT loses it. */
static NTSTATUS deliver(struct lsw_thread *t, struct io_queue *q, bool ex, uint32_t max)
{
	static struct completion_entry out[REMOVE_EX_MAX];
	const uint64_t *a = t->call.args;
	uint32_t n = 0;

	if (!ex) {
		if (!io_queue_take(q, &out[0]))
			return LSW_STATUS_UNSUCCESSFUL;
		if (tracee_write(t, a[1], &out[0].key, 8) < 0 ||
		    tracee_write(t, a[2], &out[0].value, 8) < 0 ||
		    tracee_write_iosb(t, a[3], (NTSTATUS)out[0].status, out[0].info) !=
			    LSW_STATUS_SUCCESS)
			return LSW_STATUS_ACCESS_VIOLATION;
		return LSW_STATUS_SUCCESS;
	}
	while (n < max && io_queue_take(q, &out[n]))
		n++;
	if (tracee_write(t, a[1], out, (size_t)n * ENTRY_SIZE) < 0 ||
	    tracee_write(t, a[3], &n, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

/* NtRemoveIoCompletionEx that took no packet (a timeout, an APC) still
 * says one entry was removed, as Windows does (ntdll's file tests). */
static NTSTATUS none_removed(struct lsw_thread *t, bool ex, NTSTATUS st)
{
	uint32_t one = 1;

	if (ex && tracee_write(t, t->call.args[3], &one, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}

static void set_active(struct lsw_thread *t, bool on)
{
	if (!t->iocp || t->iocp_active == on)
		return;
	t->iocp_active = on;
	if (on)
		t->iocp->active++;
	else
		t->iocp->active--;
}

static void unlink_waiter(struct remove_waiter *w)
{
	*(w->prev ? &w->prev->next : &w->q->waiters) = w->next;
	if (w->next)
		w->next->prev = w->prev;
}

static void free_waiter(struct remove_waiter *w)
{
	if (w->timer)
		loop_cancel_timer(thread_loop(w->thread), w->timer);
	unlink_waiter(w);
	io_queue_unref(w->q);
	free(w);
}

/* The waiter's thread ended or an APC ended its wait (nt_cancel). */
static void drop_waiter(struct lsw_thread *t, void *arg)
{
	(void)t;
	free_waiter(arg);
}

static void timed_out(void *arg, uint32_t events)
{
	struct remove_waiter *w = arg;
	struct lsw_thread *t = w->thread;

	(void)events;
	bool ex = w->ex;

	w->timer = 0;
	free_waiter(w);
	nt_answer(t, none_removed(t, ex, LSW_STATUS_TIMEOUT));
}

bool io_remove_is_waiting(const struct lsw_thread *t)
{
	return t->busy && t->call.cancel == drop_waiter;
}

void io_queue_release_waiters(struct io_queue *q)
{
	io_queue_ref(q);
	while (q->waiters && q->depth && q->active < q->concurrency) {
		struct remove_waiter *w = q->waiters;
		struct lsw_thread *t = w->thread;
		NTSTATUS st = deliver(t, q, w->ex, w->max);

		free_waiter(w);
		nt_answer(t, st); /* it runs again: counted (io_completion_thread_runs) */
	}
	io_queue_unref(q);
}

void io_queue_abandon_waiters(struct io_queue *q)
{
	io_queue_ref(q);
	while (q->waiters) {
		struct lsw_thread *t = q->waiters->thread;

		free_waiter(q->waiters);
		nt_answer(t, LSW_STATUS_ABANDONED_WAIT_0);
	}
	io_queue_unref(q);
}

/* t now belongs to q, and waits (is not counted as running). */
static void join(struct lsw_thread *t, struct io_queue *q)
{
	set_active(t, false);
	if (t->iocp != q) {
		if (t->iocp)
			io_queue_release_waiters(t->iocp); /* its place went */
		io_queue_unref(t->iocp);
		t->iocp = io_queue_ref(q);
	}
}

static NTSTATUS wait_for_packet(struct nt_call *c, struct io_queue *q, bool ex, uint32_t max,
				uint64_t ns)
{
	struct remove_waiter *w = calloc(1, sizeof(*w));

	if (!w)
		return LSW_STATUS_NO_MEMORY;
	*w = (struct remove_waiter){ .thread = c->thread, .q = io_queue_ref(q), .ex = ex,
				     .max = max };
	if (ns < UINT64_MAX / 4 &&
	    !(w->timer = loop_add_timer(thread_loop(c->thread), loop_now_ns() + ns, timed_out,
					w))) {
		io_queue_unref(q);
		free(w);
		return LSW_STATUS_NO_MEMORY;
	}
	w->next = q->waiters;
	if (q->waiters)
		q->waiters->prev = w;
	q->waiters = w;
	nt_defer(c, drop_waiter, w);
	return NT_DEFERRED;
}

static NTSTATUS remove_packets(struct nt_call *c, bool ex, uint32_t max, uint64_t timeout,
			       bool alertable)
{
	struct io_queue *q;
	uint64_t ns;
	NTSTATUS st;

	if (!(q = io_queue_from_handle(c, c->args[0], IO_COMPLETION_MODIFY_STATE, &st)))
		return st;
	/* a packet waiting is taken before a user APC runs (ntdll's file
	 * tests) */
	if ((st = wait_timeout_read(c, timeout, &ns)) == LSW_STATUS_SUCCESS) {
		join(c->thread, q);
		if (q->depth && q->active < q->concurrency)
			st = deliver(c->thread, q, ex, max);
		else if ((st = apc_alertable(c, alertable)) != LSW_STATUS_SUCCESS)
			st = none_removed(c->thread, ex, st);
		else if (ns == 0)
			st = none_removed(c->thread, ex, LSW_STATUS_TIMEOUT);
		else
			st = wait_for_packet(c, q, ex, max, ns);
		if (st != NT_DEFERRED)
			set_active(c->thread, true);
	}
	io_queue_unref(q);
	return st;
}

/* NtRemoveIoCompletion(IoCompletionHandle, KeyContext, ApcContext,
 *                      IoStatusBlock, Timeout) */
NTSTATUS nt_NtRemoveIoCompletion(struct nt_call *c)
{
	return remove_packets(c, false, 1, c->args[4], false);
}

/* NtRemoveIoCompletionEx(IoCompletionHandle, IoCompletionInformation,
 *                        Count, NumEntriesRemoved, Timeout, Alertable) */
NTSTATUS nt_NtRemoveIoCompletionEx(struct nt_call *c)
{
	uint32_t count = (uint32_t)c->args[2];

	if (count == 0)
		return LSW_STATUS_INVALID_PARAMETER;
	return remove_packets(c, true, count < REMOVE_EX_MAX ? count : REMOVE_EX_MAX, c->args[4],
			      (uint8_t)c->args[5] != 0);
}

void io_completion_thread_blocks(struct lsw_thread *t)
{
	if (!t->iocp || !t->iocp_active)
		return;
	set_active(t, false);
	io_queue_release_waiters(t->iocp);
}

void io_completion_thread_runs(struct lsw_thread *t)
{
	set_active(t, true);
}

void io_completion_thread_exited(struct lsw_thread *t)
{
	struct io_queue *q = t->iocp;

	if (!q)
		return;
	set_active(t, false);
	t->iocp = NULL;
	io_queue_release_waiters(q);
	io_queue_unref(q);
}
