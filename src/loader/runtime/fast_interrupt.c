/*
 * An interrupt (LSW_INTERRUPT_SIGNAL) that lands while the thread is in the
 * fast channel (fastcall.S, fastcall.c) must show the supervisor the
 * caller's registers, as one in a syscall does, never the runtime's:
 *
 *   not yet posted, or withdrawn now   before the call: at the stub's call
 *                                      instruction, which makes it again
 *   answered                           after the call: returning into the
 *                                      stub with the status in eax (its
 *                                      outputs stored first)
 *   handed back (LSW_FAST_FALLBACK)    before the call, as above
 *   taken, not answered                deferred: the supervisor sends the
 *                                      interrupt again with its answer
 *
 * The handler then resumes the thread there (or where the interrupt's
 * answer says): the channel code it interrupted is left for good.
 */
#include "runtime.h"
#include "fast_stack.h"

#define STUB_CALL_LEN 7 /* call qword ptr [LSW_FAST_ENTRY_VA] */

/* Only the channel runs there outside a signal handler (and the other
 * handlers keep the interrupt blocked). */
static int on_channel_stack(const struct lsw_thread_block *b, unsigned long long sp)
{
	unsigned long long base = (unsigned long long)b;

	return sp >= base + LSW_FAST_STACK_LOW && sp <= base + LSW_FAST_STACK_TOP;
}

static int in_range(unsigned long long rip, const void *from, const void *to)
{
	return rip >= (unsigned long long)from && rip < (unsigned long long)to;
}

/* The registers saved at entry: rsp had the return address pushed, rip is
 * that return address (the stub's jc after the call). */
static void from_saved(const struct lsw_fast *f, struct lsw_regs *ctx, int after,
		       unsigned long long eflags)
{
	*ctx = f->win;
	ctx->rsp = f->win.rsp + 8;
	ctx->eflags = eflags & ~1ull; /* CF clear: the stub returns */
	if (after)
		ctx->rax = (unsigned)f->answer;
	else
		ctx->rip = f->win.rip - STUB_CALL_LEN;
}

static int by_state(struct lsw_fast *f, struct lsw_regs *ctx, unsigned long long eflags)
{
	for (;;) {
		unsigned s = __atomic_load_n(&f->state, __ATOMIC_SEQ_CST);

		switch (s) {
		case LSW_FAST_ENTERED:
		case LSW_FAST_POSTED:
			if (!__atomic_compare_exchange_n(&f->state, &s, LSW_FAST_IDLE, 0,
							 __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
				continue; /* taken meanwhile */
			from_saved(f, ctx, 0, eflags);
			return LSW_FAST_CONTEXT;
		case LSW_FAST_TAKEN:
		case LSW_FAST_SLEEPING:
			__atomic_store_n(&f->irq_deferred, 1, __ATOMIC_SEQ_CST);
			s = __atomic_load_n(&f->state, __ATOMIC_SEQ_CST);
			if (s == LSW_FAST_TAKEN || s == LSW_FAST_SLEEPING)
				return LSW_FAST_DEFERRED;
			continue; /* answered meanwhile */
		case LSW_FAST_ANSWERED:
			if (!(f->answer & LSW_FAST_FALLBACK))
				lsw_fast_finish(f); /* the outputs may not be stored yet */
			/* fall through */
		case LSW_FAST_DONE:
			/* handed back: the call is made again */
			from_saved(f, ctx, !(f->answer & LSW_FAST_FALLBACK), eflags);
			return LSW_FAST_CONTEXT;
		default: /* withdrawn (or a value the program wrote) */
			from_saved(f, ctx, 0, eflags);
			return LSW_FAST_CONTEXT;
		}
	}
}

int lsw_fast_interrupted(struct lsw_thread_block *b, struct rt_ucontext *uc,
			 struct lsw_regs *ctx)
{
	struct rt_sigcontext *m = &uc->mc;

	if (in_range(m->rip, (const void *)lsw_fast_entry, lsw_fast_entry_end)) {
		/* still the caller's registers, on the caller's stack */
		lsw_ucontext_to_regs(uc, ctx);
		ctx->rip = *(unsigned long long *)m->rsp - STUB_CALL_LEN;
		ctx->rsp = m->rsp + 8;
		ctx->eflags = m->eflags & ~1ull;
		return LSW_FAST_CONTEXT;
	}
	if (!on_channel_stack(b, m->rsp) && !in_range(m->rip, lsw_fast_leave, lsw_fast_leave_end))
		return LSW_FAST_NOT_IN;
	return by_state((struct lsw_fast *)((char *)b + LSW_FAST_OFFSET), ctx, m->eflags);
}
