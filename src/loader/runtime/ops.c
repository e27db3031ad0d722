/*
 * Carries out the supervisor's op list (gate.h).  Each op is something the
 * filter would let the Windows code do itself; the runtime adds no power.
 */
#include <asm/unistd.h>
#include <asm/prctl.h>
#include "runtime.h"

void lsw_regs_to_ucontext(const struct lsw_regs *r, struct rt_ucontext *uc)
{
	struct rt_sigcontext *m = &uc->mc;

	m->rax = r->rax; m->rcx = r->rcx; m->rdx = r->rdx; m->rbx = r->rbx;
	m->rsp = r->rsp; m->rbp = r->rbp; m->rsi = r->rsi; m->rdi = r->rdi;
	m->r8 = r->r8; m->r9 = r->r9; m->r10 = r->r10; m->r11 = r->r11;
	m->r12 = r->r12; m->r13 = r->r13; m->r14 = r->r14; m->r15 = r->r15;
	m->rip = r->rip;
	/* keep the kernel-owned flags (IF, IOPL, VM, ...) out of the guest's
	 * reach; TF is the guest's (popf sets it too): a context with TF
	 * single-steps from its first instruction, as after Windows' iret;
	 * RF too: a context with it set skips its first instruction's
	 * hardware breakpoint, as on Windows */
	m->eflags = (m->eflags & ~0x10dd5ull) | (r->eflags & 0x10dd5ull);
}

void lsw_ucontext_to_regs(const struct rt_ucontext *uc, struct lsw_regs *r)
{
	const struct rt_sigcontext *m = &uc->mc;

	r->rax = m->rax; r->rcx = m->rcx; r->rdx = m->rdx; r->rbx = m->rbx;
	r->rsp = m->rsp; r->rbp = m->rbp; r->rsi = m->rsi; r->rdi = m->rdi;
	r->r8 = m->r8; r->r9 = m->r9; r->r10 = m->r10; r->r11 = m->r11;
	r->r12 = m->r12; r->r13 = m->r13; r->r14 = m->r14; r->r15 = m->r15;
	r->rip = m->rip; r->eflags = m->eflags;
}

#define CLONE_THREAD_FLAGS 0x50f00 /* as the gate whitelist allows */
#define MEMBARRIER_PRIVATE_EXPEDITED 8 /* <linux/membarrier.h> */
#define MEMBARRIER_REGISTER_PRIVATE_EXPEDITED 16

/*
 * A new thread of this process, starting in lsw_thread_start on the top of
 * its block's alternate stack: the clone comes back through the gate's
 * `ret`, which in the child pops the address stored there.
 */
static long clone_thread(unsigned long long block)
{
	unsigned long long *top = (unsigned long long *)(block + LSW_BLOCK_SIZE - 16);

	*top = (unsigned long long)lsw_thread_start;
	return sys2(__NR_clone, CLONE_THREAD_FLAGS, top);
}

/* The IO_STATUS_BLOCK of a one-copy I/O, {STATUS_SUCCESS, count}, stored
 * before the I/O, as Windows probes it first, and again after it (a block
 * inside the buffer read ends with the status, as Windows writes it at
 * completion): 0 when the program's memory cannot take it (the copy stops
 * at the fault, on_fault). */
static int write_io_status(unsigned long long iosb, unsigned long long count)
{
	const unsigned long long v[2] = { 0, count };

	return lsw_copy_qwords((void *)iosb, v, 2) == 2;
}

/* Performs one op; returns 0, 1 to call the supervisor again, 2 when the
 * thread's registers were replaced (JUMP), or a negative errno. */
static long do_op(struct lsw_thread_block *b, const struct lsw_op *op,
		  struct rt_ucontext *uc)
{
	const unsigned long long *a = op->arg;
	long r;

	switch (op->code) {
	case LSW_OP_MMAP:
		r = sys6(__NR_mmap, a[0], a[1], a[2], a[3], a[4], a[5]);
		return (unsigned long long)r == a[0] ? 0 : (r < 0 ? r : -17);
	case LSW_OP_MPROTECT:
		r = sys3(__NR_mprotect, a[0], a[1], a[2]);
		return r == -12 /* ENOMEM: not mapped */ && a[3] ? 0 : r;
	case LSW_OP_MUNMAP:
		return sys2(__NR_munmap, a[0], a[1]);
	case LSW_OP_MADVISE:
		return sys3(__NR_madvise, a[0], a[1], a[2]);
	case LSW_OP_CLOSE:
		sys1(__NR_close, a[0]);
		return 0;
	case LSW_OP_SET_GS:
		return sys2(__NR_arch_prctl, ARCH_SET_GS, a[0]);
	case LSW_OP_JUMP:
		if (!uc)
			lsw_load_regs(&b->regs);
		lsw_regs_to_ucontext(&b->regs, uc);
		return 2;
	case LSW_OP_CONTINUE:
		return 1;
	case LSW_OP_EXIT_THREAD:
		for (;;)
			sys1(__NR_exit, a[0]);
	case LSW_OP_EXIT_GROUP:
		for (;;)
			sys1(__NR_exit_group, a[0]);
	case LSW_OP_PREAD:
	case LSW_OP_PWRITE:
		/* the kernel checks buf: a bad one is -EFAULT, never a fault here */
		r = write_io_status(a[5], a[4]) ?
			sys4(op->code == LSW_OP_PREAD ? __NR_pread64 : __NR_pwrite64,
			     a[0], a[1], a[2], a[3]) : -14 /* EFAULT */;
		b->io_result = r;
		return (unsigned long long)r == a[4] && write_io_status(a[5], a[4]) ? 0 : 1;
	case LSW_OP_MEMBARRIER:
		/* registering again is harmless; a kernel without it (before
		 * 4.14) leaves only this thread's barrier, the gate's */
		if (sys2(__NR_membarrier, MEMBARRIER_REGISTER_PRIVATE_EXPEDITED, 0) == 0)
			sys2(__NR_membarrier, MEMBARRIER_PRIVATE_EXPEDITED, 0);
		return 0;
	case LSW_OP_STORE:
		if (a[1] > LSW_STAGE_SIZE || (a[1] & 7))
			return -22;
		return lsw_copy_qwords((void *)a[0], b->stage, a[1] / 8) == a[1] / 8 ? 0 : -14;
	case LSW_OP_CLONE:
		if (a[0] & (LSW_BLOCK_SIZE - 1))
			return -22;
		r = clone_thread(a[0]);
		return r < 0 ? r : 0;
	}
	return -22;
}

/* Runs op lists until the supervisor answers without asking to be called
 * again.  Returns the final reply, whose low 32 bits are the NTSTATUS, with
 * LSW_REPLY_OPS set only when the thread's registers were replaced (then
 * there is no status to return). */
unsigned long long lsw_run_ops(struct lsw_thread_block *b,
			       struct rt_ucontext *uc, unsigned long long reply)
{
	int jumped = 0;

	while (reply & LSW_REPLY_OPS) {
		unsigned n = b->nops < LSW_MAX_OPS ? b->nops : LSW_MAX_OPS;
		int again = 0;
		long r;

		for (unsigned i = 0; i < n; i++) {
			r = do_op(b, &b->ops[i], uc);
			if (r < 0)
				lsw_fatal((int)i, r);
			again |= r == 1;
			jumped |= r == 2;
		}
		if (!again)
			break;
		reply = (unsigned long long)lsw_gate(LSW_GATE_NR,
			LSW_REQUEST(LSW_REQ_CONTINUE, 0), 0, 0, 0, 0, 0);
	}
	return jumped ? reply | LSW_REPLY_OPS : reply & ~LSW_REPLY_OPS;
}
