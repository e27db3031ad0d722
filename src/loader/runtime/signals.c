/*
 * Signal handlers.  SIGSYS: a syscall that did not come from the gate, i.e.
 * an NT system call (or a Linux call attempted by Windows code, which the
 * supervisor sees as an NT call with that number).  Hardware faults are
 * reported to the supervisor, which decides what the thread does next.
 */
#include <asm/unistd.h>
#include "runtime.h"

#define SIGILL 4
#define SIGTRAP 5
#define SIGBUS 7
#define SIGFPE 8
#define SIGSEGV 11
#define SIGSYS 31
#define SA_SIGINFO 0x4
#define SA_ONSTACK 0x08000000
#define SA_RESTORER 0x04000000
#define SA_NODEFER 0x40000000
#define SA_RESTART 0x10000000

struct k_sigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	unsigned long long mask;
};

static struct lsw_thread_block *current_block(void)
{
	unsigned long sp = (unsigned long)__builtin_frame_address(0);

	return (struct lsw_thread_block *)(sp & ~(LSW_BLOCK_SIZE - 1));
}

static void on_sigsys(int sig, struct rt_siginfo *si, struct rt_ucontext *uc)
{
	struct lsw_thread_block *b = current_block();
	struct rt_sigcontext *m = &uc->mc;
	unsigned long long reply;

	lsw_copy_stack_args(b, (unsigned)m->rax, m->rsp);
	b->win_rip = m->rip;
	b->fpstate = m->fpstate; /* NtContinue loads XMM and MXCSR there */
	b->call_frame = (unsigned long long)m;
	reply = (unsigned long long)lsw_gate(LSW_GATE_NR,
		LSW_REQUEST(LSW_REQ_NT, (unsigned)m->rax),
		(long)m->r10, (long)m->rdx, (long)m->r8, (long)m->r9, (long)m->rsp);
	reply = lsw_run_ops(b, uc, reply);
	if (!(reply & LSW_REPLY_OPS)) /* no new context: the call returns */
		m->rax = (unsigned)reply; /* NTSTATUS, zero-extended as eax */
}

#define TRAP_PERF 6 /* a perf event's SIGTRAP: a hardware breakpoint */
#define TRAP_PERF_FLAG_ASYNC 1 /* it came while SIGTRAP was blocked */

extern char __executable_start[], etext[]; /* the runtime's code (ld) */

/* A hardware breakpoint the runtime itself hit (copying an NT call's
 * arguments or outputs, the work Windows' kernel does unwatched), or one
 * held back until a handler ended (so rip is not where it fired): not the
 * program's. */
static int runtime_breakpoint(const struct rt_siginfo *si, const struct rt_sigcontext *m)
{
	return si->code == TRAP_PERF &&
	       ((si->u.fault.perf_flags & TRAP_PERF_FLAG_ASYNC) ||
		(m->rip >= (unsigned long long)__executable_start &&
		 m->rip < (unsigned long long)etext));
}

static void on_fault(int sig, struct rt_siginfo *si, struct rt_ucontext *uc)
{
	struct lsw_thread_block *b = current_block();
	struct rt_sigcontext *m = &uc->mc;
	unsigned long long reply;

	if (m->rip == (unsigned long long)lsw_copy_insn) { /* copy_stack_args */
		m->rip = (unsigned long long)lsw_copy_fault;
		return;
	}
	if (sig == SIGTRAP && runtime_breakpoint(si, m))
		return;
	lsw_ucontext_to_regs(uc, &b->regs);
	b->fault.signo = (unsigned)sig;
	b->fault.code = (unsigned)si->code;
	b->fault.addr = (unsigned long long)si->u.fault.addr;
	b->fault.err = m->err;
	b->fault.trapno = m->trapno;
	b->fault.perf_data = si->u.fault.perf_data;
	b->fpstate = m->fpstate;
	reply = (unsigned long long)lsw_gate(LSW_GATE_NR,
		LSW_REQUEST(LSW_REQ_FAULT, sig), 0, 0, 0, 0, (long)m->rsp);
	lsw_run_ops(b, uc, reply);
}

/*
 * The supervisor wants a thread that runs its own code (to suspend, end
 * or inspect it): it stops here with its registers in its block until the
 * answer says what next.  The other handlers keep this signal blocked, so
 * it interrupts Windows code or the fast channel, whose caller's registers
 * are given instead (fast_interrupt.c), never the rest of the runtime.
 */
static void on_interrupt(int sig, struct rt_siginfo *si, struct rt_ucontext *uc)
{
	struct lsw_thread_block *b = current_block();
	struct rt_sigcontext *m = &uc->mc;
	struct lsw_regs ctx;
	unsigned long long reply;
	int where = lsw_fast_interrupted(b, uc, &ctx);

	(void)sig;
	(void)si;
	if (where == LSW_FAST_DEFERRED)
		return;
	if (where == LSW_FAST_NOT_IN)
		lsw_ucontext_to_regs(uc, &ctx);
	b->regs = ctx;
	b->fpstate = m->fpstate;
	reply = (unsigned long long)lsw_gate(LSW_GATE_NR,
		LSW_REQUEST(LSW_REQ_INTERRUPT, 0), 0, 0, 0, 0, (long)ctx.rsp);
	reply = lsw_run_ops(b, uc, reply);
	if (where == LSW_FAST_CONTEXT && !(reply & LSW_REPLY_OPS))
		lsw_regs_to_ucontext(&ctx, uc); /* out of the channel, for good */
}

static void set_handler(int sig, void *fn, unsigned long flags)
{
	struct k_sigaction sa = { fn, SA_SIGINFO | SA_ONSTACK | SA_RESTORER | flags,
				  (void *)lsw_sigreturn,
				  1ull << (LSW_INTERRUPT_SIGNAL - 1) /* see on_interrupt */ };

	if (sys4(__NR_rt_sigaction, sig, &sa, 0, 8) < 0)
		sys1(__NR_exit_group, 124);
}

void lsw_install_handlers(void)
{
	static const int faults[] = { SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGSEGV };

	set_handler(SIGSYS, (void *)on_sigsys, 0);
	/* The supervisor interrupts a thread it has no call of; one that just
	 * entered a direct NT call (its notification not yet read) is in the
	 * kernel's wait: the call starts again after the interrupt instead of
	 * returning -EINTR as its NTSTATUS. */
	set_handler(LSW_INTERRUPT_SIGNAL, (void *)on_interrupt, SA_RESTART);
	for (unsigned i = 0; i < sizeof(faults) / sizeof(faults[0]); i++)
		set_handler(faults[i], (void *)on_fault, 0);
}
