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
 * One in a DIRECT wait (suspended or not) gives the wait up, to be made
 * again, and stops at its syscall instruction: as on Windows, its
 * context shows it at the syscall's return, and a context set with that
 * Rip keeps the call (its number and arguments), the other registers as
 * set.  A context set elsewhere abandons the wait (Windows would finish
 * it first).
 */
#include "emul/process/console_ctrl.h"
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

/* Stopped right at a syscall instruction: the kernel restarted the call
 * its interrupt cut short (the supervisor had not read it yet), or it was
 * about to make it: either way the call is made when it goes on. */
static bool at_syscall(struct lsw_thread *t)
{
	struct lsw_regs r;
	uint8_t insn[2];

	return thread_block_read(t, offsetof(struct lsw_thread_block, regs), &r, sizeof(r)) == 0 &&
	       tracee_read(t, r.rip, insn, 2) == 0 && insn[0] == 0x0f && insn[1] == 0x05;
}

void thread_context_stop_seen(struct lsw_thread *t)
{
	if (!t->call_restart && at_syscall(t))
		t->call_restart = true;
}

void thread_context_passing(struct lsw_thread *t)
{
	t->passing = true;
	thread_context_landed(t);
	if (t->context_set)
		nt_add_op(&t->call, LSW_OP_JUMP); /* the registers set meanwhile */
	t->passing = t->context_set = t->call_restart = false;
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
	if ((*t)->stopped || (*t)->passing || (*t)->at_start || debug_context_in_block(*t))
		return LSW_STATUS_SUCCESS;
	/* not one whose wait is over, its answer held for the resume */
	if ((*t)->busy && *t != w && !(*t)->interrupt_sent && !(*t)->held &&
	    call_restartable_wait(*t) && call_restart_wait(*t))
		(*t)->call_restart = true; /* its interrupt lands at the syscall */
	else if (!(*t)->busy && *t != w && !(*t)->suspend_count && (*t)->called)
		thread_request_interrupt(*t); /* running: its interrupt serves this */
	if (!(*t)->interrupt_sent || (*t)->busy || *t == w)
		return LSW_STATUS_UNSUCCESSFUL;
	w->context_retry = retry;
	w->context_target = *t;
	w->context_wait_next = (*t)->context_waiters;
	(*t)->context_waiters = w;
	nt_defer(c, context_wait_cancel, NULL);
	return NT_DEFERRED;
}

#define SYSCALL_LEN 2

/* The registers a call does not change are the ones set in it. */
static bool same_call(const struct lsw_regs *a, const struct lsw_regs *b)
{
	return a->rip == b->rip && a->rsp == b->rsp && a->rbx == b->rbx && a->rbp == b->rbp &&
	       a->rsi == b->rsi && a->rdi == b->rdi && a->r12 == b->r12 && a->r13 == b->r13 &&
	       a->r14 == b->r14 && a->r15 == b->r15;
}

/* A thread stopped to make its call again shows the syscall's return, or
 * what a context call set there since (the syscall instruction made
 * again changed Rcx and R11, the call's number and arguments are kept). */
static void syscall_view(const struct lsw_thread *t, struct lsw_regs *r)
{
	if (!t->call_restart)
		return;
	r->rip += SYSCALL_LEN;
	if (same_call(&t->call_view, r))
		*r = t->call_view;
}

/* A context set there keeps the call: its number and arguments. */
static void syscall_keep(struct lsw_thread *t, const struct lsw_regs *was, struct lsw_regs *r)
{
	if (!t->call_restart)
		return;
	if (r->rip != was->rip + SYSCALL_LEN) {
		t->call_restart = false; /* elsewhere: the call is given up */
		return;
	}
	t->call_view = *r;
	r->rip = was->rip;
	r->rax = was->rax;
	r->r10 = was->r10;
	r->rdx = was->rdx;
	r->r8 = was->r8;
	r->r9 = was->r9;
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
	else {
		syscall_view(t, &regs);
		context_from_regs(t, &regs, ctx);
	}
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
	struct lsw_regs regs, was;
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
	if (thread_block_read(t, offsetof(struct lsw_thread_block, regs), &was, sizeof(was)) < 0)
		return LSW_STATUS_UNSUCCESSFUL;
	context_to_regs(t, ctx, &regs);
	syscall_keep(t, &was, &regs);
	if (thread_block_write(t, offsetof(struct lsw_thread_block, regs), &regs,
			 sizeof(regs)) < 0)
		return LSW_STATUS_UNSUCCESSFUL;
	if (!debug_context_in_block(t))
		t->context_set = true; /* its resume jumps there (a debug stop's
					* answer jumps to its block's registers) */
	return LSW_STATUS_SUCCESS;
}
