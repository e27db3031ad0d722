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
 *
 * The caller's own context is its registers at the syscall, from the
 * signal frame of its call (which is why these calls are not DIRECT); one
 * it sets is where the call returns to.  A set takes the parts its
 * ContextFlags name; the debug registers alone need no stop
 * (hw_breakpoint.c keeps them).
 */
#include <string.h>
#include "emul/process/console_ctrl.h"
#include "emul/process/debug.h"
#include "emul/process/exception.h"
#include "emul/process/hw_breakpoint.h"
#include "emul/process/thread.h"
#include "emul/process/thread_block.h"

#define CTX_FLAGS_AT 0x30 /* CONTEXT.ContextFlags */
#define CTX_DR_AT 0x48    /* Dr0-Dr3, Dr6, Dr7 */
#define CTX_DR_LEN 48

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

/* The interrupt a context call waits for was sent while t ran, and t
 * made a call before it landed (its notification read first): a call
 * answered goes back to the program, where the interrupt lands; a wait
 * that blocks is given up to be made again, the interrupt landing at its
 * syscall instruction.  Otherwise (a call that blocks, an answer held
 * while t is suspended) t has no user context to give, as before. */
void thread_context_call_served(struct lsw_thread *t, bool deferred)
{
	if (!t->context_waiters)
		return;
	if (!deferred && !t->busy)
		return;
	if (deferred && call_restartable_wait(t) && call_restart_wait(t)) {
		t->call_restart = true;
		return;
	}
	thread_context_landed(t);
}

static NTSTATUS stopped_thread(struct nt_call *c, struct lsw_thread **t,
			       NTSTATUS (*retry)(struct nt_call *c))
{
	struct lsw_thread *w = c->thread;
	NTSTATUS st;

	if (!(*t = thread_from_handle(c, c->args[0], 0, &st)))
		return st;
	if ((*t)->exited)
		return LSW_STATUS_THREAD_IS_TERMINATING;
	if ((*t)->stopped || (*t)->passing || (*t)->at_start || debug_context_in_block(*t))
		return LSW_STATUS_SUCCESS;
	/* not one whose wait is over, its answer held for the resume; an
	 * interrupt already on its way (sent before the wait was read) lands
	 * at the syscall as well */
	if ((*t)->busy && *t != w && !(*t)->held && call_restartable_wait(*t) &&
	    call_restart_wait(*t))
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

#define CONTEXT_DEBUG_ONLY 0x100010u /* CONTEXT_DEBUG_REGISTERS */
#define CONTEXT_AMD64 0x100000u
#define FRAME_QWORDS 18 /* rt_sigcontext: r8-r15, rdi, rsi, rbp, rbx, rdx,
			 * rax, rcx, rsp, rip, eflags */

/* The caller's ContextFlags; false when its CONTEXT cannot be read. */
static bool context_flags(struct nt_call *c, uint32_t *flags)
{
	return tracee_read(c->thread, c->args[1] + CTX_FLAGS_AT, flags, 4) == 0;
}

/* Only the debug registers: served from the supervisor's record of them,
 * the thread left running. */
static bool debug_only(uint32_t flags)
{
	return (flags & CONTEXT_AMD64) && !(flags & ~CONTEXT_DEBUG_ONLY);
}

/* The calling thread's registers at its syscall, from the signal frame
 * its runtime's SIGSYS handler keeps (on its alternate stack). */
static int own_registers(struct lsw_thread *t, struct lsw_regs *r)
{
	uint64_t a, q[FRAME_QWORDS];

	if (thread_block_read(t, offsetof(struct lsw_thread_block, call_frame), &a, 8) < 0 ||
	    a < t->block + LSW_ALTSTACK_OFFSET || a > t->block + LSW_BLOCK_SIZE - sizeof(q) ||
	    (a & 7) || tracee_read(t, a, q, sizeof(q)) < 0)
		return -1;
	r->r8 = q[0]; r->r9 = q[1]; r->r10 = q[2]; r->r11 = q[3];
	r->r12 = q[4]; r->r13 = q[5]; r->r14 = q[6]; r->r15 = q[7];
	r->rdi = q[8]; r->rsi = q[9]; r->rbp = q[10]; r->rbx = q[11];
	r->rdx = q[12]; r->rax = q[13]; r->rcx = q[14]; r->rsp = q[15];
	r->rip = q[16]; r->eflags = q[17];
	return 0;
}

/* The context of t (stopped, at its start, or the caller itself). */
static NTSTATUS context_of(struct nt_call *c, struct lsw_thread *t, uint8_t *ctx)
{
	struct lsw_regs regs;

	if (t->at_start && t != c->thread)
		context_initial(&t->start_regs, ctx);
	else if (t == c->thread ? own_registers(t, &regs) < 0
				: thread_block_read(t, offsetof(struct lsw_thread_block, regs),
						    &regs, sizeof(regs)) < 0)
		return LSW_STATUS_UNSUCCESSFUL;
	else {
		if (t != c->thread)
			syscall_view(t, &regs);
		context_from_regs(t, &regs, ctx);
	}
	hw_breakpoints_to_context(t, ctx);
	return LSW_STATUS_SUCCESS;
}

/* NtGetContextThread(ThreadHandle, ThreadContext): as on Windows, the
 * caller's own context is the one its call returns with (Rip past the
 * syscall, Rsp at the stub's return address). */
NTSTATUS nt_NtGetContextThread(struct nt_call *c)
{
	uint8_t ctx[CTX_SIZE];
	struct lsw_thread *t;
	uint32_t flags;
	NTSTATUS st;

	if (!context_flags(c, &flags))
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!(t = thread_from_handle(c, c->args[0], THREAD_GET_CONTEXT, &st)))
		/* a thread that ended with its process has no context left
		 * (kernel32's loader tests: ERROR_INVALID_PARAMETER) */
		return thread_handle_ended(c, c->args[0]) ? (NTSTATUS)LSW_STATUS_INVALID_PARAMETER : st;
	if (debug_only(flags) && !t->exited) {
		hw_breakpoints_to_context(t, ctx);
		return tracee_write(c->thread, c->args[1] + CTX_DR_AT, ctx + CTX_DR_AT, CTX_DR_LEN) < 0
			       ? LSW_STATUS_ACCESS_VIOLATION : LSW_STATUS_SUCCESS;
	}
	if (t != c->thread && (st = stopped_thread(c, &t, nt_NtGetContextThread)) != LSW_STATUS_SUCCESS)
		return st;
	if ((st = context_of(c, t, ctx)) != LSW_STATUS_SUCCESS)
		return st;
	/* ContextFlags stays the caller's: the fields it does not ask for are
	 * still filled, which no caller minds */
	memcpy(ctx + CTX_FLAGS_AT, &flags, 4);
	return tracee_write(c->thread, c->args[1], ctx, sizeof(ctx)) < 0
		       ? LSW_STATUS_ACCESS_VIOLATION : LSW_STATUS_SUCCESS;
}

/* The caller sets its own context: the parts named go to its signal frame
 * (x87/SSE) or its registers, with which its call returns (a jump; Rax is
 * the status unless the integer part sets it). */
static NTSTATUS set_own_context(struct nt_call *c, const uint8_t *ctx)
{
	struct lsw_thread *t = c->thread;
	struct lsw_regs regs = { 0 };
	uint32_t flags;

	memcpy(&flags, ctx + CTX_FLAGS_AT, 4);
	if (!(flags & CONTEXT_AMD64) || !(flags & 3)) { /* no control, no integer */
		context_merge(t, ctx, &regs); /* the x87/SSE part only */
		return LSW_STATUS_SUCCESS;
	}
	if (own_registers(t, &regs) < 0)
		return LSW_STATUS_UNSUCCESSFUL;
	regs.rax = LSW_STATUS_SUCCESS;
	context_merge(t, ctx, &regs);
	if (thread_block_write(t, offsetof(struct lsw_thread_block, regs), &regs, sizeof(regs)) < 0)
		return LSW_STATUS_UNSUCCESSFUL;
	nt_add_op(c, LSW_OP_JUMP);
	return LSW_STATUS_SUCCESS;
}

/* NtSetContextThread(ThreadHandle, ThreadContext): the parts its
 * ContextFlags name, the rest of the thread's context kept. */
NTSTATUS nt_NtSetContextThread(struct nt_call *c)
{
	uint8_t ctx[CTX_SIZE];
	struct lsw_regs regs, was;
	struct lsw_thread *t;
	uint32_t flags;
	NTSTATUS st;

	if (tracee_read(c->thread, c->args[1], ctx, sizeof(ctx)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	memcpy(&flags, ctx + CTX_FLAGS_AT, 4);
	if (!(t = thread_from_handle(c, c->args[0], THREAD_SET_CONTEXT, &st)))
		return thread_handle_ended(c, c->args[0]) ? (NTSTATUS)LSW_STATUS_THREAD_IS_TERMINATING : st;
	if (t->exited)
		return LSW_STATUS_THREAD_IS_TERMINATING;
	if (!debug_only(flags) && t != c->thread &&
	    (st = stopped_thread(c, &t, nt_NtSetContextThread)) != LSW_STATUS_SUCCESS)
		return st;
	if ((flags & CONTEXT_DEBUG_ONLY) == CONTEXT_DEBUG_ONLY &&
	    (st = hw_breakpoints_from_context(t, ctx)) != LSW_STATUS_SUCCESS)
		return st;
	if (debug_only(flags))
		return LSW_STATUS_SUCCESS;
	if (t == c->thread)
		return set_own_context(c, ctx);
	if (t->at_start) { /* where it will start: its x87/SSE state stays the initial one */
		context_merge(NULL, ctx, &t->start_regs);
		return LSW_STATUS_SUCCESS;
	}
	if (thread_block_read(t, offsetof(struct lsw_thread_block, regs), &was, sizeof(was)) < 0)
		return LSW_STATUS_UNSUCCESSFUL;
	regs = was;
	syscall_view(t, &regs);
	context_merge(t, ctx, &regs);
	syscall_keep(t, &was, &regs);
	if (thread_block_write(t, offsetof(struct lsw_thread_block, regs), &regs,
			 sizeof(regs)) < 0)
		return LSW_STATUS_UNSUCCESSFUL;
	if (!debug_context_in_block(t))
		t->context_set = true; /* its resume jumps there (a debug stop's
					* answer jumps to its block's registers) */
	return LSW_STATUS_SUCCESS;
}
