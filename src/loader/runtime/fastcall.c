/*
 * The fast channel, runtime side (docs/fastpath.md): post the call in the
 * block, spin while the supervisor takes and answers it, sleep on the
 * futex when the answer is slow.  Runs on the block's alternate stack,
 * called by fastcall.S with the caller's registers saved in the block.
 * The whole runtime is built without SSE: the caller's XMM registers are
 * live here.
 */
#include <asm/unistd.h>
#include <linux/futex.h>
#include "runtime.h"
#include <lsw/ntstatus.h>
#include "fast_stack.h"

_Static_assert(sizeof(struct lsw_thread_block) <= LSW_FAST_OFFSET,
	       "the thread block reaches the fast channel");
_Static_assert(LSW_FAST_OFFSET + sizeof(struct lsw_fast) <= LSW_SHARED_SIZE,
	       "the fast channel lies outside the shared part of the block");
_Static_assert(__builtin_offsetof(struct lsw_fast, polling) == LSW_FAST_POLLING_AT &&
	       __builtin_offsetof(struct lsw_fast, self) == LSW_FAST_SELF_AT &&
	       __builtin_offsetof(struct lsw_fast, win) == LSW_FAST_WIN_AT,
	       "fastcall.S uses other offsets");
_Static_assert(__builtin_offsetof(struct lsw_fast, skip) == LSW_FAST_SKIP_AT,
	       "fastcall.S counts skip elsewhere");
_Static_assert(sizeof(((struct lsw_fast *)0)->out) <= sizeof(((struct lsw_fast *)0)->args) &&
	       LSW_FAST_OFFSET % 64 == 0 &&
	       __builtin_offsetof(struct lsw_fast, answer) + 8 <= 64,
	       "an answer with outputs moves more than the call's cache line");
_Static_assert(LSW_FAST_STACK_LOW >= LSW_ALTSTACK_OFFSET + 0x2000 &&
	       LSW_FAST_STACK_TOP + 0x4000 <= LSW_BLOCK_SIZE && LSW_FAST_STACK_TOP % 16 == 0,
	       "the channel's stack must leave room below (an interrupt's frame) and above "
	       "(handlers of signals from Windows code, a thread's start)");

/* Spin limits in TSC ticks (~0.3-0.4 ns each on this class of machine). */
#define TAKE_TICKS 26000ull     /* ~10 us: a polling supervisor takes a call in < 1 us,
                                 * unless an interrupt or the host held it up */
#define ANSWER_MIN_TICKS 26000ull /* ~10 us: a sleep costs the supervisor a FUTEX_WAKE and
                                 * the thread a wake-up (~45 us on an idle CPU here);
                                 * traced calls (~2 us, more when a line is written)
                                 * slept on every 50th call with ~1 us */
#define ANSWER_MAX_TICKS 60000ull
#define BACKOFF_MAX 256u        /* calls made the old way after withdrawals */
/* The spins read the clock every 8th look: rdtsc each time made a look
 * take ~1.5 times as long, and the answer was seen that much later */
#define CLOCK_EVERY 8u

static inline unsigned long long ticks(void)
{
	unsigned lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (unsigned long long)hi << 32 | lo;
}

static inline unsigned load(const unsigned *p)
{
	return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

static inline int swap_state(unsigned *p, unsigned from, unsigned to)
{
	return __atomic_compare_exchange_n(p, &from, to, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

/* The CPU this thread runs on + 1, 0 when Linux has no per-CPU segment:
 * an unprivileged instruction, no system call. */
static inline unsigned this_cpu(void)
{
	unsigned limit;
	unsigned char ok;

	__asm__ volatile("lsl %2, %0; setz %1" : "=r"(limit), "=q"(ok)
			 : "r"((unsigned)LSW_CPUNODE_SELECTOR) : "cc");
	return ok ? (limit & 0xfff) + 1 : 0;
}

/* Waits while the supervisor has not taken the call; 1 when it has, 0
 * when the call was withdrawn (the supervisor is not there). */
static int wait_taken(struct lsw_fast *f)
{
	unsigned long long start = ticks();
	unsigned looks = 0;

	while (load(&f->state) == LSW_FAST_POSTED &&
	       (++looks % CLOCK_EVERY || ticks() - start < TAKE_TICKS))
		__builtin_ia32_pause();
	return !swap_state(&f->state, LSW_FAST_POSTED, LSW_FAST_IDLE);
}

/* Waits for the answer: spins about twice as long as recent answers took,
 * then sleeps on the state word until the supervisor wakes it. */
static void wait_answer(struct lsw_fast *f)
{
	unsigned long long start = ticks(), limit = 2 * f->answer_ticks, took;
	unsigned looks = 0;

	if (limit < ANSWER_MIN_TICKS)
		limit = ANSWER_MIN_TICKS;
	if (limit > ANSWER_MAX_TICKS)
		limit = ANSWER_MAX_TICKS;
	while (load(&f->state) == LSW_FAST_TAKEN && (++looks % CLOCK_EVERY || ticks() - start < limit))
		__builtin_ia32_pause();
	while (swap_state(&f->state, LSW_FAST_TAKEN, LSW_FAST_SLEEPING) ||
	       load(&f->state) == LSW_FAST_SLEEPING)
		sys4(__NR_futex, &f->state, FUTEX_WAIT, LSW_FAST_SLEEPING, 0);
	took = ticks() - start;
	f->answer_ticks = (3 * f->answer_ticks + took) / 4;
}

void lsw_fast_finish(struct lsw_fast *f)
{
	unsigned n = (unsigned)((f->answer & LSW_FAST_NOUT_MASK) >> LSW_FAST_NOUT_SHIFT);
	int ok = 1;

	for (unsigned i = 0; i < n && i < LSW_FAST_MAX_OUT; i++) {
		unsigned long long v = f->out[i].value;

		ok &= lsw_copy_qwords((void *)f->out[i].addr, &v, 1) == 1;
	}
	if (!ok) /* the count goes too: a second finish (an interrupt) stores none */
		f->answer = (unsigned)LSW_STATUS_ACCESS_VIOLATION;
}

/* After a withdrawal the next calls go the old way, more of them each
 * time in a row (the supervisor was busy or had no CPU). */
static unsigned long long withdrawn(struct lsw_fast *f)
{
	f->backoff = f->backoff ? (f->backoff < BACKOFF_MAX ? 2 * f->backoff : BACKOFF_MAX) : 1;
	f->skip = f->backoff;
	return LSW_FAST_FALLBACK;
}

enum {
#define NTCALL(num, name, nargs, klass, support) FAST_NR_##name = num,
#include <lsw/ntcalls.def>
#undef NTCALL
};

/* The calls whose answer may carry ops (fastcalls.def's FASTCALL_IO). */
static int io_call(unsigned nr)
{
#define FASTCALL(name)
#define FASTCALL_IO(name) if (nr == FAST_NR_##name) return 1;
#include <lsw/fastcalls.def>
#undef FASTCALL_IO
#undef FASTCALL
	return 0;
}

#define SIG_SETMASK 2
#define INTERRUPT_BIT (1ull << (LSW_INTERRUPT_SIGNAL - 1))

/* Posts the call and waits for its answer; returns the status, or
 * LSW_FAST_FALLBACK for the syscall.  The state is IDLE or DONE when it
 * returns: an interrupt from there on sees "before" or "after the call". */
static unsigned long long post(struct lsw_thread_block *b, struct lsw_fast *f, int io)
{
	unsigned long long status;

	f->number = (unsigned)f->win.rax;
	f->args[0] = f->win.r10;
	f->args[1] = f->win.rdx;
	f->args[2] = f->win.r8;
	f->args[3] = f->win.r9;
	if (io) /* the caller's rsp: the stub's return address popped */
		lsw_copy_stack_args(b, f->number, f->win.rsp + 8);
	__atomic_store_n(&f->irq_deferred, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&f->state, LSW_FAST_POSTED, __ATOMIC_SEQ_CST);
	/* the supervisor clears polling, then looks for posted calls once
	 * more: one of the two sides sees the other */
	if (!__atomic_load_n(&f->polling, __ATOMIC_SEQ_CST) &&
	    swap_state(&f->state, LSW_FAST_POSTED, LSW_FAST_IDLE))
		return LSW_FAST_FALLBACK;
	if (!wait_taken(f))
		return withdrawn(f);
	f->backoff = 0;
	wait_answer(f);
	if (f->answer & LSW_FAST_FALLBACK) { /* handed back: the syscall makes it */
		__atomic_store_n(&f->state, LSW_FAST_DONE, __ATOMIC_RELEASE);
		return LSW_FAST_FALLBACK;
	}
	if (io && (f->answer & LSW_FAST_OPS)) /* the status is the last reply's */
		f->answer = (unsigned)lsw_run_ops(b, 0, (unsigned)f->answer | LSW_REPLY_OPS) |
			    (f->answer & LSW_FAST_NOUT_MASK);
	lsw_fast_finish(f);
	status = (unsigned)f->answer;
	__atomic_store_n(&f->state, LSW_FAST_DONE, __ATOMIC_RELEASE);
	return status;
}

__attribute__((used)) unsigned long long lsw_fast_call(void)
{
	unsigned long sp = (unsigned long)__builtin_frame_address(0);
	struct lsw_thread_block *b = (struct lsw_thread_block *)(sp & ~(LSW_BLOCK_SIZE - 1));
	struct lsw_fast *f = (struct lsw_fast *)((char *)b + LSW_FAST_OFFSET);
	unsigned long long blocked = INTERRUPT_BIT, was = 0, status;
	unsigned cpu;
	int io;

	if (f->skip) {
		f->skip--;
		__atomic_store_n(&f->state, LSW_FAST_IDLE, __ATOMIC_RELEASE);
		return LSW_FAST_FALLBACK;
	}
	cpu = this_cpu();
	if (f->cpu != cpu) /* a store only when it moved: its line stays ours */
		f->cpu = cpu;
	if (cpu && __atomic_load_n(&f->polling, __ATOMIC_RELAXED) == cpu) {
		/* it polls from this CPU, where we run: it is not running */
		__atomic_store_n(&f->state, LSW_FAST_IDLE, __ATOMIC_RELEASE);
		return withdrawn(f);
	}
	/* An I/O's answer is ops the runtime still has to run (the data is
	 * not moved yet): an interrupt must not take the thread out of the
	 * channel before they ran, so it waits, blocked, until the call is
	 * over, as it does in the SIGSYS handler. */
	io = io_call((unsigned)f->win.rax);
	if (io)
		sys4(__NR_rt_sigprocmask, SIG_SETMASK, &blocked, &was, 8);
	status = post(b, f, io);
	if (io)
		sys4(__NR_rt_sigprocmask, SIG_SETMASK, &was, 0, 8);
	return status;
}
