/*
 * NtGetContextThread and NtSetContextThread, for a thread stopped by a
 * suspension while it ran its own code: its registers are in its runtime
 * block (the interrupt saved them), its x87/SSE state in the signal frame;
 * a context set is where it goes on at its resume.  A thread suspended
 * inside a call has no saved user context here: STATUS_UNSUCCESSFUL.
 */
#include "emul/process/exception.h"
#include "emul/process/thread.h"

static NTSTATUS stopped_thread(struct nt_call *c, struct lsw_thread **t)
{
	NTSTATUS st;

	if (!(*t = thread_from_handle(c, c->args[0], &st)))
		return st;
	if ((*t)->exited)
		return LSW_STATUS_THREAD_IS_TERMINATING;
	return (*t)->stopped ? LSW_STATUS_SUCCESS : LSW_STATUS_UNSUCCESSFUL;
}

/* NtGetContextThread(ThreadHandle, ThreadContext) */
NTSTATUS nt_NtGetContextThread(struct nt_call *c)
{
	uint8_t ctx[CTX_SIZE];
	struct lsw_regs regs;
	struct lsw_thread *t;
	NTSTATUS st;

	if ((st = stopped_thread(c, &t)) != LSW_STATUS_SUCCESS)
		return st;
	if (tracee_read(t, t->block + offsetof(struct lsw_thread_block, regs), &regs,
			sizeof(regs)) < 0)
		return LSW_STATUS_UNSUCCESSFUL;
	context_from_regs(t, &regs, ctx);
	/* ContextFlags is the caller's: the fields it does not ask for are
	 * still filled, which no caller minds */
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

	if ((st = stopped_thread(c, &t)) != LSW_STATUS_SUCCESS)
		return st;
	if (tracee_read(c->thread, c->args[1], ctx, sizeof(ctx)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	context_to_regs(t, ctx, &regs);
	if (tracee_write(t, t->block + offsetof(struct lsw_thread_block, regs), &regs,
			 sizeof(regs)) < 0)
		return LSW_STATUS_UNSUCCESSFUL;
	t->context_set = true; /* its resume jumps there */
	return LSW_STATUS_SUCCESS;
}
