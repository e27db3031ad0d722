/*
 * How a thread starts, as on x64 Windows.  Its initial context is
 * ntdll!RtlUserThreadStart(routine, argument) on its empty stack (the
 * first thread's routine is the image's entry point, its argument the
 * PEB): NtGetContextThread shows it and NtSetContextThread may change it
 * until the thread runs (created suspended, or stopped for its debugger
 * at its creation event).  When the thread first runs, it enters
 * ntdll!LdrInitializeThunk(context, ntdll base) with that context as a
 * CONTEXT below its stack pointer: the loader initializes the process
 * (whichever thread runs first) or the thread, then NtContinue goes to
 * the context.  So a debugger or a parent that moved a suspended thread
 * elsewhere still gets an initialized process there.
 */
#include <string.h>
#include "emul/memory/memory.h"
#include "emul/process/exception.h"
#include "emul/process/thread.h"
#include "emul/process/thread_block.h"

#define INITIAL_EFLAGS 0x200u /* IF: what Windows' initial contexts hold */
#define CALL_FRAME 0x28u      /* shadow space and return address */

void thread_start_prepare(struct lsw_thread *t, uint64_t routine, uint64_t arg,
			  uint64_t stack_top)
{
	memset(&t->start_regs, 0, sizeof(t->start_regs));
	t->start_regs.rcx = routine;
	t->start_regs.rdx = arg;
	t->start_regs.rip = t->process->start.entry_thread;
	t->start_regs.rsp = stack_top - CALL_FRAME;
	t->start_regs.eflags = INITIAL_EFLAGS;
	t->at_start = true;
}

/* The initial context goes on the stack; the thread is sent to the loader
 * (the answer's LSW_OP_JUMP loads the block's registers).  A context whose
 * stack cannot take it is jumped to directly, and faults there. */
void thread_start_enter(struct lsw_thread *t)
{
	const struct lsw_process *p = t->process;
	struct lsw_regs *r = &t->start_regs;
	uint8_t ctx[CTX_SIZE];
	uint64_t at = (r->rsp - CTX_SIZE) & ~15ull;

	if (!t->at_start || t->terminating)
		return;
	t->at_start = false;
	context_initial(r, ctx);
	if (p->start.entry_ldr && at < r->rsp && tracee_write(t, at, ctx, sizeof(ctx)) == 0) {
		memset(r, 0, sizeof(*r));
		r->rcx = at;
		r->rdx = p->ntdll_base;
		r->rip = p->start.entry_ldr;
		r->rsp = at - CALL_FRAME;
		r->eflags = INITIAL_EFLAGS;
	}
	thread_block_write(t, offsetof(struct lsw_thread_block, regs), r, sizeof(*r));
}

/*
 * The answer that starts a thread runs its ops outside a signal handler,
 * so an interrupt (a suspension) can land there, before the jump, and
 * save the runtime's registers over the ones the jump loads.  Such an
 * interrupt stopped code in no region of the program (the runtime's
 * regions are the system's, type 0): the start's registers go back.  One
 * that stopped Windows code shows the jump was done.
 */
void thread_start_keep_regs(struct lsw_thread *t)
{
	size_t at = offsetof(struct lsw_thread_block, regs);
	struct lsw_regs regs;
	struct vad *v;

	if (thread_block_read(t, at, &regs, sizeof(regs)) < 0)
		return;
	if ((v = vad_find(&t->process->vad, regs.rip)) && v->type) {
		t->start_jump_pending = false;
		return;
	}
	thread_block_write(t, at, &t->start_regs, sizeof(t->start_regs));
}
