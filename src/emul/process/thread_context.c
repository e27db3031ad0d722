/*
 * NtGetContextThread and NtSetContextThread, for a thread stopped by a
 * suspension while it ran its own code: its registers are in its runtime
 * block (the interrupt saved them), its x87/SSE state in the signal frame;
 * a context set is where it goes on at its resume.  SuspendThread does
 * not wait for the suspension to land; as on Windows, a context call on a
 * thread whose suspension is on its way waits for it.  A thread suspended
 * inside a call has no saved user context here: STATUS_UNSUCCESSFUL.  A
 * thread stopped for its debugger at a fault has: the registers its block
 * holds; one that has not run yet has its initial context (thread_start.c).
 */
#include "emul/process/debug.h"
#include "emul/process/exception.h"
#include "emul/process/thread.h"
#include "emul/process/thread_block.h"

#define CTX_FLAGS_AT 0x30 /* CONTEXT.ContextFlags */

static void context_wait_cancel(struct lsw_thread *w, void *arg)
{
	struct lsw_thread **pp;

	(void)arg;
	if (!w->context_target)
		return;
	for (pp = &w->context_target->context_waiters; *pp; pp = &(*pp)->context_wait_next)
		if (*pp == w) {
			*pp = w->context_wait_next;
			break;
		}
	w->context_target = w->context_wait_next = NULL;
}

void thread_context_landed(struct lsw_thread *t)
{
	struct lsw_thread *w;

	while ((w = t->context_waiters)) {
		t->context_waiters = w->context_wait_next;
		w->context_target = w->context_wait_next = NULL;
		nt_answer(w, w->context_retry(&w->call));
	}
}

static NTSTATUS stopped_thread(struct nt_call *c, struct lsw_thread **t,
			       NTSTATUS (*retry)(struct nt_call *c))
{
	struct lsw_thread *w = c->thread;
	NTSTATUS st;

	if (!(*t = thread_from_handle(c, c->args[0], &st)))
		return st;
	if ((*t)->exited)
		return LSW_STATUS_THREAD_IS_TERMINATING;
	if ((*t)->stopped || (*t)->at_start || debug_context_in_block(*t))
		return LSW_STATUS_SUCCESS;
	if (!(*t)->suspend_count || !(*t)->interrupt_sent || (*t)->busy || *t == w)
		return LSW_STATUS_UNSUCCESSFUL;
	w->context_retry = retry;
	w->context_target = *t;
	w->context_wait_next = (*t)->context_waiters;
	(*t)->context_waiters = w;
	nt_defer(c, context_wait_cancel, NULL);
	return NT_DEFERRED;
}

/* NtGetContextThread(ThreadHandle, ThreadContext) */
NTSTATUS nt_NtGetContextThread(struct nt_call *c)
{
	uint8_t ctx[CTX_SIZE];
	struct lsw_regs regs;
	struct lsw_thread *t;
	NTSTATUS st;

	if ((st = stopped_thread(c, &t, nt_NtGetContextThread)) != LSW_STATUS_SUCCESS)
		return st;
	if (t->at_start)
		context_initial(&t->start_regs, ctx);
	else if (thread_block_read(t, offsetof(struct lsw_thread_block, regs), &regs,
				   sizeof(regs)) < 0)
		return LSW_STATUS_UNSUCCESSFUL;
	else
		context_from_regs(t, &regs, ctx);
	/* ContextFlags stays the caller's: the fields it does not ask for are
	 * still filled, which no caller minds */
	if (tracee_read(c->thread, c->args[1] + CTX_FLAGS_AT, ctx + CTX_FLAGS_AT, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return tracee_write(c->thread, c->args[1], ctx, sizeof(ctx)) < 0
		       ? LSW_STATUS_ACCESS_VIOLATION : LSW_STATUS_SUCCESS;
}

/* NtSetContextThread(ThreadHandle, ThreadContext) */
NTSTATUS nt_NtSetContextThread(struct nt_call *c)
{
	uint8_t ctx[CTX_SIZE];
	struct lsw_regs regs;
	struct lsw_thread *t;
	NTSTATUS st;

	if ((st = stopped_thread(c, &t, nt_NtSetContextThread)) != LSW_STATUS_SUCCESS)
		return st;
	if (tracee_read(c->thread, c->args[1], ctx, sizeof(ctx)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (t->at_start) { /* where it will start: its x87/SSE state stays the initial one */
		context_to_regs(NULL, ctx, &t->start_regs);
		return LSW_STATUS_SUCCESS;
	}
	context_to_regs(t, ctx, &regs);
	if (thread_block_write(t, offsetof(struct lsw_thread_block, regs), &regs,
			 sizeof(regs)) < 0)
		return LSW_STATUS_UNSUCCESSFUL;
	if (!debug_context_in_block(t))
		t->context_set = true; /* its resume jumps there (a debug stop's
					* answer jumps to its block's registers) */
	return LSW_STATUS_SUCCESS;
}
