/* The in-process runtime: a static ELF without libc.  It installs the
 * sandbox and then only carries out what the supervisor asks (gate.h). */
#ifndef LSW_RUNTIME_H
#define LSW_RUNTIME_H

#include <lsw/gate.h>

#pragma GCC visibility push(hidden)

long lsw_gate(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
extern char lsw_gate_insn[], lsw_gate_after[];
unsigned long lsw_copy_qwords(void *dst, const void *src, unsigned long n);
extern char lsw_copy_insn[], lsw_copy_fault[];
void lsw_sigreturn(void);
__attribute__((noreturn)) void lsw_load_regs(const struct lsw_regs *r);

#define sys0(nr) lsw_gate((nr), 0, 0, 0, 0, 0, 0)
#define sys1(nr, a) lsw_gate((nr), (long)(a), 0, 0, 0, 0, 0)
#define sys2(nr, a, b) lsw_gate((nr), (long)(a), (long)(b), 0, 0, 0, 0)
#define sys3(nr, a, b, c) lsw_gate((nr), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define sys4(nr, a, b, c, d) lsw_gate((nr), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define sys6(nr, a, b, c, d, e, f) \
	lsw_gate((nr), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))

/* Kernel signal frame (x86-64 uapi struct ucontext / sigcontext). */
struct rt_sigcontext {
	unsigned long long r8, r9, r10, r11, r12, r13, r14, r15;
	unsigned long long rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip, eflags;
	unsigned short cs, gs, fs, ss;
	unsigned long long err, trapno, oldmask, cr2, fpstate, reserved[8];
};
struct rt_ucontext {
	unsigned long uc_flags;
	struct rt_ucontext *uc_link;
	struct { void *sp; int flags; unsigned long size; } uc_stack;
	struct rt_sigcontext mc;
	unsigned long long sigmask;
};
struct rt_siginfo {
	int signo, errno_, code, pad;
	union {
		struct {
			void *addr;
			unsigned long perf_data; /* TRAP_PERF: the event's sig_data */
			unsigned perf_type, perf_flags;
		} fault;
		struct { void *call_addr; int syscall; unsigned arch; } sys;
		char pad[112];
	} u;
};

int lsw_install_filter(void);
unsigned long long lsw_run_ops(struct lsw_thread_block *b,
			       struct rt_ucontext *uc, unsigned long long reply);
__attribute__((noreturn)) void lsw_fatal(int op, long err);
void lsw_install_handlers(void);
/* ops.c: the registers a signal handler returns to */
void lsw_regs_to_ucontext(const struct lsw_regs *r, struct rt_ucontext *uc);
void lsw_ucontext_to_regs(const struct rt_ucontext *uc, struct lsw_regs *r);
/* fastcall.S: the channel's entry and the bounds of its two parts */
void lsw_fast_entry(void);
extern char lsw_fast_entry_end[], lsw_fast_leave[], lsw_fast_leave_end[];
/* fast_interrupt.c: an interrupt that came while the thread was in the
 * channel (0: it was not; then the interrupted registers are Windows') */
/* A call answered: stores the outputs the supervisor left in the block
 * (the program may have changed them: they go where it could write
 * itself), the answer becoming STATUS_ACCESS_VIOLATION when one faults.
 * Again from an interrupt after the answer: storing twice is harmless. */
void lsw_fast_finish(struct lsw_fast *f);
int lsw_fast_interrupted(struct lsw_thread_block *b, struct rt_ucontext *uc,
			 struct lsw_regs *ctx);
#define LSW_FAST_NOT_IN 0
#define LSW_FAST_CONTEXT 1  /* ctx: where the caller is, Windows-wise */
#define LSW_FAST_DEFERRED 2 /* the supervisor owns the call: it asks again */
/* stack_args.c: arguments 5.. of NT call nr into b->stack_args, from the
 * caller's stack at rsp (b->nstack: how many; 0 when it faulted). */
void lsw_copy_stack_args(struct lsw_thread_block *b, unsigned nr, unsigned long long rsp);
/* runtime.c: where a new thread begins (LSW_OP_CLONE). */
__attribute__((noreturn)) void lsw_thread_start(void);

#pragma GCC visibility pop

#endif
