/*
 * User APCs: NtQueueApcThread, NtTestAlert, and their delivery.
 *
 * An APC runs when its thread waits alertably (or calls NtTestAlert): the
 * wait returns STATUS_USER_APC and, before the thread runs another
 * instruction, the interrupt signal stops it in the runtime (thread.c), so
 * its registers after the call are in its block.  The supervisor then
 * writes a CONTEXT of that point on the thread's stack, with the APC in
 * P1Home..P4Home (argument 1-3, routine) as x64 Windows does, and jumps to
 * ntdll!KiUserApcDispatcher, which calls the routine and NtContinue(ctx,
 * TRUE): the next APC, or the wait's return, STATUS_USER_APC in Rax.
 * Going through the interrupt keeps the waits on the filter's direct path.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/process/exception.h"
#include "emul/process/thread.h"
#include "emul/sync/waitable.h"
#include "emul/process/quota.h"
#include "emul/process/thread_block.h"
#include "emul/memory/stack.h"

#define APCS_MAX 4096 /* queued for one thread at once */
#define CTX_P1HOME 0x00

struct apc {
	struct apc *next;
	uint64_t routine, arg[3];
};

static void apc_free(struct lsw_thread *t, struct apc *a)
{
	quota_release(t->process, QUOTA_NONPAGED, sizeof(*a));
	free(a);
}

static unsigned queued_count(const struct lsw_thread *t)
{
	unsigned n = 0;

	for (const struct apc *a = t->apc_first; a; a = a->next)
		n++;
	return n;
}

bool apc_pending(const struct lsw_thread *t)
{
	return t->apc_first != NULL;
}

/* Ends t's current call with status and asks for the interrupt that
 * delivers its APCs. */
static void deliver_soon(struct lsw_thread *t)
{
	t->apc_due = true;
	t->alertable = false;
	thread_request_interrupt(t);
}

NTSTATUS apc_alertable(struct nt_call *c, bool alertable)
{
	if (!alertable)
		return LSW_STATUS_SUCCESS;
	if (apc_pending(c->thread)) {
		deliver_soon(c->thread);
		return LSW_STATUS_USER_APC; /* the wait does not start */
	}
	c->thread->alertable = true; /* if it waits, an APC ends the wait */
	return LSW_STATUS_SUCCESS;
}

/* Jumps t (stopped, its registers in regs) to the dispatcher for its next
 * APC.  0, or -1 when its stack cannot hold the frame. */
static int run_next(struct lsw_thread *t, const struct lsw_regs *regs, const uint8_t *ctx_in)
{
	struct apc *a = t->apc_first;
	uint8_t ctx[CTX_SIZE];
	struct lsw_regs jump = { 0 };
	uint64_t sp;

	if (ctx_in)
		memcpy(ctx, ctx_in, CTX_SIZE);
	else
		context_from_regs(t, regs, ctx);
	memcpy(ctx + CTX_P1HOME, a->arg, 3 * 8);
	memcpy(ctx + CTX_P1HOME + 24, &a->routine, 8);
	memcpy(&sp, ctx + 0x98, 8); /* Rsp */
	sp = (sp - CTX_SIZE - 0x40) & ~15ull;
	if (!t->process->ki_apc || stack_write_frame(t, sp, ctx, CTX_SIZE) < 0)
		return -1;
	jump.rsp = sp;
	jump.rip = t->process->ki_apc;
	jump.eflags = 0x202;
	if (thread_block_write(t, offsetof(struct lsw_thread_block, regs), &jump,
			 sizeof(jump)) < 0)
		return -1;
	t->apc_first = a->next;
	if (!t->apc_first)
		t->apc_last = NULL;
	apc_free(t, a);
	nt_add_op(&t->call, LSW_OP_JUMP);
	return 0;
}

bool apc_on_interrupt(struct lsw_thread *t)
{
	struct lsw_regs regs;

	if (!t->apc_due)
		return false;
	t->apc_due = false;
	if (!apc_pending(t) ||
	    thread_block_read(t, offsetof(struct lsw_thread_block, regs), &regs,
			sizeof(regs)) < 0)
		return false;
	return run_next(t, &regs, NULL) == 0;
}

bool apc_continue(struct nt_call *c, const uint8_t *ctx)
{
	return apc_pending(c->thread) && run_next(c->thread, NULL, ctx) == 0;
}

void apc_thread_exited(struct lsw_thread *t)
{
	while (t->apc_first) {
		struct apc *a = t->apc_first;

		t->apc_first = a->next;
		apc_free(t, a);
	}
	t->apc_last = NULL;
}

NTSTATUS apc_queue(struct lsw_thread *t, uint64_t routine, uint64_t a1, uint64_t a2, uint64_t a3)
{
	struct apc *a;
	NTSTATUS st;

	if (t->exited || t->terminating)
		return LSW_STATUS_UNSUCCESSFUL;
	if (queued_count(t) >= APCS_MAX)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	/* the thread's process pays, as for a KAPC from its pool quota */
	if ((st = quota_charge(t->process, QUOTA_NONPAGED, sizeof(*a))) != LSW_STATUS_SUCCESS)
		return st;
	if (!(a = calloc(1, sizeof(*a)))) {
		quota_release(t->process, QUOTA_NONPAGED, sizeof(*a));
		return LSW_STATUS_NO_MEMORY;
	}
	a->routine = routine;
	a->arg[0] = a1;
	a->arg[1] = a2;
	a->arg[2] = a3;
	if (t->apc_last)
		t->apc_last->next = a;
	else
		t->apc_first = a;
	t->apc_last = a;
	/* waiting alertably in a call of its own: the wait ends now */
	if (t->alertable && t->busy && wait_cancel(t)) {
		deliver_soon(t);
		t->call.nops = 0;
		nt_answer(t, LSW_STATUS_USER_APC);
	} else if (t->alertable && t->busy && t->call.sync_io && t->call.sync_io_alertable) {
		deliver_soon(t); /* an alertable synchronous I/O: cancelled */
		nt_cancel_sync_io(t, 0, true);
	}
	return LSW_STATUS_SUCCESS;
}

/* NtQueueApcThread(ThreadHandle, ApcRoutine, ApcArgument1, ApcArgument2,
 *                  ApcArgument3) */
NTSTATUS nt_NtQueueApcThread(struct nt_call *c)
{
	struct lsw_thread *t;
	NTSTATUS st;

	if (!(t = thread_from_handle(c, c->args[0], THREAD_SET_CONTEXT, &st)))
		return st;
	/* no routine: nothing to run, as on Windows the call succeeds (an
	 * ended thread's still fails) and no alertable wait ends for it */
	if (!c->args[1])
		return t->exited || t->terminating ? LSW_STATUS_UNSUCCESSFUL : LSW_STATUS_SUCCESS;
	if (t == c->thread)
		c->thread->alertable = false; /* this call is not a wait */
	return apc_queue(t, c->args[1], c->args[2], c->args[3], c->args[4]);
}

/* NtTestAlert(): the caller's queued APCs run now. */
NTSTATUS nt_NtTestAlert(struct nt_call *c)
{
	if (apc_pending(c->thread))
		deliver_soon(c->thread);
	return LSW_STATUS_SUCCESS;
}
