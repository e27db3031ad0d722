/*
 * The contract between the in-process runtime (src/loader/runtime) and the
 * supervisor (src/tracer, src/emul).  Freestanding: no libc types.
 *
 * Every syscall that does not come from the runtime's gate instruction traps
 * (SECCOMP_RET_TRAP).  The runtime's SIGSYS handler forwards it as one gate
 * call, which the filter hands to the supervisor (SECCOMP_RET_USER_NOTIF):
 *
 *   gate(LSW_GATE_NR, request, a1, a2, a3, a4, rsp)
 *     request  LSW_REQ_* << 32 | eax (the NT number as the caller put it)
 *     a1..a4   the NT arguments 1-4 (r10, rdx, r8, r9 at the syscall)
 *     rsp      the caller's rsp: argument n > 4 is at rsp + 8 * n
 *
 * The handler also copies arguments 5.. into the thread block, which the
 * supervisor maps (LSW_SHARED_SIZE): no call costs a read of tracee memory
 * for its arguments.  The answer lands in rax: the NTSTATUS in the low 32
 * bits, and LSW_REPLY_OPS when the supervisor also wrote a list of
 * process-local operations (map, protect, set GS, jump...) into the thread
 * block for the runtime to carry out through the gate.  The runtime trusts
 * nothing here more than the Windows code does: it only performs what the
 * filter would allow anyway.
 */
#ifndef LSW_GATE_H
#define LSW_GATE_H

#define LSW_GATE_NR 0x4c5357 /* "LSW": no Linux call has this number */

/*
 * The fast channel (docs/fastpath.md).  The ntdll stub of a call listed in
 * fastcalls.def calls the runtime through the pointer at LSW_FAST_ENTRY_VA
 * when the byte at LSW_FAST_ON_VA (both in KUSER_SHARED_DATA's page, past
 * its documented fields, written by the supervisor) is 1.  The runtime
 * posts the call in the block's struct lsw_fast (at LSW_FAST_OFFSET, in the
 * shared part) and waits for the supervisor, which polls the blocks of the
 * threads that called recently; it returns with CF set when the call must
 * go the old way (the stub then makes its syscall).
 */
#define LSW_FAST_ON_VA 0x7FFE0800
#define LSW_FAST_ENTRY_VA 0x7FFE0808
#define LSW_FAST_OFFSET 0x3c00
/* struct lsw_fast's state: who owns the call */
#define LSW_FAST_IDLE 0     /* no call, or one the runtime withdrew */
#define LSW_FAST_ENTERED 1  /* the runtime saved the caller's registers */
#define LSW_FAST_POSTED 2   /* number and arguments are there: either side may
			     * take it (compare-and-swap) */
#define LSW_FAST_TAKEN 3    /* the supervisor serves it */
#define LSW_FAST_SLEEPING 4 /* ... and the runtime sleeps on the futex */
#define LSW_FAST_ANSWERED 5 /* the answer is in place */
#define LSW_FAST_DONE 6     /* the runtime has read it */
/* field offsets of struct lsw_fast, for gate.S */
#define LSW_FAST_POLLING_AT 4
#define LSW_FAST_SELF_AT 56
#define LSW_FAST_WIN_AT 64
#define LSW_FAST_MAX_OUT 2

#define LSW_REQ_SHIFT 32
#define LSW_REQ_NT 0       /* an NT system call, eax in the low 32 bits */
#define LSW_REQ_HELLO 1    /* first call of a process: a1 = thread block */
#define LSW_REQ_CONTINUE 2 /* the op list ended in LSW_OP_CONTINUE */
#define LSW_REQ_FAULT 3    /* a hardware exception; details in the block */
#define LSW_REQ_FATAL 4    /* the runtime cannot go on: a1 = op index, a2 = -errno */
#define LSW_REQ_THREAD_HELLO 5 /* first call of a new thread: a1 = its block */
#define LSW_REQ_INTERRUPT 6 /* LSW_INTERRUPT_SIGNAL arrived: the thread's
			     * registers are in its block; it waits here
			     * (suspended), ends (EXIT_THREAD) or goes on */
#define LSW_INTERRUPT_SIGNAL 10 /* SIGUSR1, sent by the supervisor (tgkill) */

#define LSW_REPLY_OPS (1ull << 32)
#define LSW_FAST_FALLBACK (1ull << 32) /* lsw_fast_call: use the syscall */
#define LSW_FAST_OPS (1ull << 33) /* a channel answer with ops in the block
				   * (FASTCALL_IO calls): the runtime runs
				   * them, as after LSW_REPLY_OPS */
#define LSW_FAST_NOUT_SHIFT 34 /* a channel answer's count of outputs
				* (struct lsw_fast.out), 0 to LSW_FAST_MAX_OUT */
#define LSW_FAST_NOUT_MASK (3ull << LSW_FAST_NOUT_SHIFT)
#define LSW_REQ_KIND(req) ((unsigned)((req) >> LSW_REQ_SHIFT))
#define LSW_REQUEST(kind, low) (((unsigned long long)(kind) << LSW_REQ_SHIFT) | (unsigned)(low))

/* The stub-visible fd of the setup socket (only sendmsg on it is allowed). */
#define LSW_SETUP_FD 3

#ifndef __ASSEMBLER__
enum lsw_op_code {
	LSW_OP_MMAP = 1,  /* addr, len, prot, flags, fd, offset: must land at addr */
	LSW_OP_MPROTECT,  /* addr, len, prot, unmapped_ok (1: a range not
			   * mapped yet is no error: another thread's view
			   * whose mmap op is still on its way) */
	LSW_OP_MUNMAP,    /* addr, len */
	LSW_OP_MADVISE,   /* addr, len, advice */
	LSW_OP_CLOSE,     /* fd */
	LSW_OP_SET_GS,    /* base */
	LSW_OP_JUMP,      /* load block->regs: the thread continues there */
	LSW_OP_CONTINUE,  /* call the supervisor again with LSW_REQ_CONTINUE */
	LSW_OP_EXIT_GROUP,/* status */
	LSW_OP_EXIT_THREAD,/* status */
	LSW_OP_CLONE,     /* block: a new thread whose runtime block (mapped
			   * already) is there; it says LSW_REQ_THREAD_HELLO */
	LSW_OP_PREAD,     /* fd, buf, len, offset, expected, iosb: one-copy
			   * NtReadFile; first the IO_STATUS_BLOCK at iosb gets
			   * {STATUS_SUCCESS, expected} (-EFAULT and no I/O when
			   * it cannot), the result goes to block->io_result
			   * and, when it is not `expected`, the supervisor is
			   * called again (LSW_REQ_CONTINUE) to finish the call
			   * with it */
	LSW_OP_PWRITE,    /* the same for NtWriteFile */
	LSW_OP_MEMBARRIER,/* every other thread of the process passes a full
			   * memory barrier (membarrier's private expedited
			   * command, registered first) */
	LSW_OP_STORE,     /* addr, len: the first len bytes of block->stage
			   * (quadwords) go to addr, which earlier ops of the
			   * list made writable (a frame on stack pages the
			   * stack grew into) */
};

struct lsw_op {
	unsigned int code;
	unsigned int pad;
	unsigned long long arg[6];
};

/* General registers, the order of the x64 CONTEXT's integer part. */
struct lsw_regs {
	unsigned long long rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi;
	unsigned long long r8, r9, r10, r11, r12, r13, r14, r15;
	unsigned long long rip, eflags;
};

struct lsw_fault {
	unsigned int signo, code;   /* Linux siginfo */
	unsigned long long addr;    /* si_addr */
	unsigned long long err;     /* page-fault error code (bit 1: write) */
	unsigned long long trapno;
	unsigned long long perf_data; /* TRAP_PERF: the hardware breakpoint's
				       * slot (the supervisor's sig_data) */
};

#define LSW_MAX_OPS 160  /* an image takes 3 + one per section */
#define LSW_MAX_STACK_ARGS 10 /* NT calls take at most 14 arguments */
#define LSW_STAGE_SIZE 0x600  /* the largest frame: KiUserExceptionDispatcher's */
#define LSW_BLOCK_SIZE 0x10000ull  /* aligned to its size */
#define LSW_BLOCK_MAGIC 0x4b434f4c42575354ull
#define LSW_ALTSTACK_OFFSET 0x4000ull /* the block's data ends before */
/* The block's data (up to the alternate stack) is a memfd the supervisor
 * maps too (docs/fastpath.md): ops, registers and stack arguments cross
 * without process_vm_readv/writev.  The supervisor copies each field out
 * once before it looks at it: the program can write here at any time. */
#define LSW_SHARED_SIZE LSW_ALTSTACK_OFFSET

/* One per thread, owned by the runtime, at a LSW_BLOCK_SIZE-aligned address;
 * the SIGSYS handler runs on the alternate stack at its end. */
struct lsw_thread_block {
	unsigned long long magic;
	unsigned long long win_rip;  /* rip of the NT call being served */
	unsigned int nops;
	unsigned int pad;
	struct lsw_op ops[LSW_MAX_OPS];
	struct lsw_regs regs;        /* LSW_OP_JUMP target; faulting context */
	struct lsw_fault fault;
	/* the signal frame's FXSAVE area (rt_sigcontext.fpstate) of the fault
	 * or NT call being served: rt_sigreturn reloads XMM and MXCSR from it */
	unsigned long long fpstate;
	/* the signal frame's registers (struct rt_sigcontext) of the NT call
	 * being served: a thread's context calls on itself read them */
	unsigned long long call_frame;
	/* what the last LSW_OP_PREAD/PWRITE returned (a count or -errno);
	 * the supervisor reads it once and clamps it */
	long long io_result;
	/* arguments 5 to 4 + nstack of the NT call the SIGSYS handler
	 * forwards, copied from the caller's stack (nstack 0: the stack
	 * faulted or the call is unknown; the supervisor reads it itself) */
	unsigned int nstack;
	unsigned int pad2;
	unsigned long long stack_args[LSW_MAX_STACK_ARGS];
	/* LSW_OP_STORE's bytes: an exception's or an APC's frame */
	unsigned long long stage[LSW_STAGE_SIZE / 8];
};

/* The fast channel's part of the block, at LSW_FAST_OFFSET.  The program
 * can write it at any time: the supervisor reads number and arguments once
 * after it took the call, and trusts nothing else here. */
struct lsw_fast {
	unsigned int state;          /* LSW_FAST_*: also the futex word */
	unsigned int polling;        /* supervisor: while it polls this block,
				      * the CPU it spins on + 1 (0: it does not) */
	unsigned int irq_deferred;   /* runtime: an interrupt came while the
				      * supervisor owned the call: send it again */
	unsigned int number;         /* the NT call's eax */
	/* The call's arguments, copied by the supervisor when it takes the
	 * call; in its answer, the quadwords the runtime stores for the call
	 * (a call's small outputs, e.g. NtQueryPerformanceCounter's: no
	 * process_vm_writev), as many as the answer counts.  In this cache
	 * line, which moves at each call anyway: the outputs elsewhere cost
	 * two more lines between the CPUs per call (docs/fastpath.md).  One
	 * the runtime cannot store makes the status STATUS_ACCESS_VIOLATION. */
	union {
		unsigned long long args[4];
		struct { unsigned long long addr, value; } out[LSW_FAST_MAX_OUT];
	};
	unsigned long long answer;   /* the NTSTATUS, LSW_FAST_FALLBACK or
				      * LSW_FAST_OPS, the count of outputs */
	unsigned long long self;     /* supervisor: the block's address */
	struct lsw_regs win;         /* runtime: the caller's registers at the
				      * stub's call (rsp: with the return address
				      * pushed, rip: that return address) */
	/* runtime only: how it learns when spinning pays (TSC ticks) */
	unsigned long long answer_ticks;  /* recent take-to-answer time */
	unsigned int skip, backoff;  /* calls left to make the old way, and the
				      * next such pause after a withdrawal */
	/* runtime: the CPU it posted from + 1 (0: not known).  A thread and
	 * a supervisor on one CPU cannot both spin: the other one waits for
	 * the CPU (docs/fastpath.md) */
	unsigned int cpu;
};
#endif

#endif
