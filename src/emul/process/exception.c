/*
 * Exceptions: hardware faults delivered to ntdll!KiUserExceptionDispatcher,
 * NtContinue and NtRaiseException.
 *
 * At the dispatcher's entry the thread's stack holds, as on x64 Windows 10:
 *
 *   rsp + 0x000  CONTEXT (0x4d0 bytes, 16-aligned)
 *   rsp + 0x4d0  CONTEXT_EX (left zero)
 *   rsp + 0x4f0  EXCEPTION_RECORD (0x98 bytes)
 *   rsp + 0x590  machine frame: Rip, SegCs, EFlags, Rsp, SegSs of the fault
 *
 * The machine frame lets an unwinder step from the dispatcher back into the
 * faulting function (its unwind data says UWOP_PUSH_MACHFRAME).  The XMM
 * registers and MXCSR live in the runtime's signal frame (the FXSAVE area
 * rt_sigreturn reloads), whose address the runtime leaves in the thread
 * block; the general registers travel as LSW_OP_JUMP's lsw_regs.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include "emul/emul.h"
#include "emul/sync/apc.h"
#include "emul/process/debug.h"
#include "emul/process/exception.h"
#include "emul/process/hw_breakpoint.h"
#include "emul/memory/guard_page.h"
#include "emul/memory/stack.h"
#include "emul/memory/write_watch.h"
#include "emul/process/thread_block.h"

#define CTX_FLAGS 0x30
#define CTX_MXCSR 0x34
#define CTX_SEGS 0x38   /* SegCs, Ds, Es, Fs, Gs, Ss: WORDs */
#define CTX_EFLAGS 0x44
#define EFLAGS_TF 0x100u
#define EFLAGS_RF 0x10000u
#define CTX_RAX 0x78    /* Rax..R15, then Rip: the order of struct lsw_regs */
#define CTX_RIP 0xf8
#define CTX_FLTSAVE 0x100
#define REC_SIZE 0x98
#define FRAME_REC 0x4f0
#define FRAME_MACH 0x590
#define FRAME_SIZE 0x5c0

#define CONTEXT_AMD64 0x100000u
#define CONTEXT_FLOATING_POINT 0x8u
#define CONTEXT_FULL_SEGMENTS 0x10000fu /* control, integer, segments, FP */
#define CONTEXT_ALL 0x10001fu /* and the debug registers: an exception's */
#define CONTEXT_CONTROL 0x100001u
#define CONTEXT_INTEGER 0x100002u

#define FX_MXCSR 24
#define FX_MXCSR_MASK 28
#define FX_XMM 160
#define FX_LEGACY 416      /* x87 and SSE state; the rest is software's */
#define FX_SW_MAGIC 464    /* Linux's FP_XSTATE_MAGIC1 when an XSAVE header follows */
#define LSW_XSTATE_MAGIC 0x46505853u
#define XSTATE_BV 512

/* The user-mode selectors of x64 Windows, which Linux happens to share. */
static const uint16_t user_segs[6] = { 0x33, 0x2b, 0x2b, 0x53, 0x2b, 0x2b };

struct exc_record {
	uint32_t code, flags;
	uint64_t record, address;
	uint32_t nparams, pad;
	uint64_t info[15];
};

_Static_assert(sizeof(struct exc_record) == REC_SIZE, "EXCEPTION_RECORD64 layout");

static void put32(uint8_t *b, size_t off, uint32_t v) { memcpy(b + off, &v, 4); }
static uint32_t get32(const uint8_t *b, size_t off) { uint32_t v; memcpy(&v, b + off, 4); return v; }

/* The signal frame's FXSAVE area, if the runtime's pointer lies where the
 * runtime's signal frames live (the alternate stack in its block). */
static int fpstate_addr(struct lsw_thread *t, uint64_t *out)
{
	uint64_t a;

	if (thread_block_read(t, offsetof(struct lsw_thread_block, fpstate), &a, 8) < 0)
		return -1;
	if (a < t->block + LSW_ALTSTACK_OFFSET || a > t->block + LSW_BLOCK_SIZE - XSTATE_BV - 8 ||
	    (a & 15))
		return -1;
	*out = a;
	return 0;
}

/* Fills the FXSAVE part of a CONTEXT from the signal frame.  XSAVE leaves a
 * component in its initial state unwritten: then XMM are zero. */
static void read_fpstate(struct lsw_thread *t, uint8_t *ctx)
{
	uint8_t *fx = ctx + CTX_FLTSAVE;
	uint64_t a, bv = 2;

	if (fpstate_addr(t, &a) < 0 || tracee_read(t, a, fx, 512) < 0) {
		memset(fx, 0, 512);
		put32(fx, FX_MXCSR, 0x1f80);
		put32(fx, FX_MXCSR_MASK, 0xffff);
	} else if (get32(fx, FX_SW_MAGIC) == LSW_XSTATE_MAGIC &&
		   tracee_read(t, a + XSTATE_BV, &bv, 8) == 0 && !(bv & 2)) {
		memset(fx + FX_XMM, 0, 256);
	}
	memset(fx + FX_LEGACY, 0, 512 - FX_LEGACY); /* the kernel's bookkeeping */
	memcpy(ctx + CTX_MXCSR, fx + FX_MXCSR, 4);
}

/* Loads a CONTEXT's x87/SSE state into the signal frame, which
 * rt_sigreturn restores.  MXCSR's reserved bits would make that fail. */
static void write_fpstate(struct lsw_thread *t, const uint8_t *ctx)
{
	uint8_t fx[FX_LEGACY];
	uint32_t mask, mxcsr;
	uint64_t a, bv;

	if (fpstate_addr(t, &a) < 0 || tracee_read(t, a, fx, sizeof(fx)) < 0)
		return;
	mask = get32(fx, FX_MXCSR_MASK);
	if (!mask)
		mask = 0xffbf;
	mxcsr = get32(ctx, CTX_MXCSR) & mask;
	memcpy(fx, ctx + CTX_FLTSAVE, FX_MXCSR);
	put32(fx, FX_MXCSR, mxcsr);
	memcpy(fx + 32, ctx + CTX_FLTSAVE + 32, FX_LEGACY - 32);
	if (tracee_write(t, a, fx, sizeof(fx)) < 0)
		return;
	if (tracee_read(t, a + FX_SW_MAGIC, &mask, 4) == 0 && mask == LSW_XSTATE_MAGIC &&
	    tracee_read(t, a + XSTATE_BV, &bv, 8) == 0) {
		bv |= 3; /* x87 and SSE as written, not their initial state */
		tracee_write(t, a + XSTATE_BV, &bv, 8);
	}
}

static void regs_from_context(struct lsw_regs *r, const uint8_t *ctx)
{
	memcpy(&r->rax, ctx + CTX_RAX, 16 * 8);
	memcpy(&r->rip, ctx + CTX_RIP, 8);
	r->eflags = get32(ctx, CTX_EFLAGS); /* the runtime keeps the kernel's bits */
}

/* "lsw: unhandled exception 0xC0000005 at crash.exe+0x27ab (reading 0x10)"
 * and the end of the process, with the code as its exit status. */
static void unhandled(struct lsw_thread *t, const struct exc_record *rec)
{
	static const char *const access[] = { "reading", "writing" };
	struct lsw_process *p = t->process;
	char where[96];

	fprintf(stderr, "lsw: unhandled exception 0x%08X at %s", rec->code,
		process_symbolize(p, rec->address, where, sizeof(where)));
	if (rec->code == (uint32_t)LSW_STATUS_ACCESS_VIOLATION && rec->nparams >= 2)
		fprintf(stderr, " (%s 0x%llx)", rec->info[0] < 2 ? access[rec->info[0]] : "executing",
			(unsigned long long)rec->info[1]);
	if (p->last_stub[0])
		fprintf(stderr, " (last stub called: %s)", p->last_stub);
	fputc('\n', stderr);
	process_terminate(p, rec->code);
}

/* Writes the dispatcher's frame below the context's Rsp and sends the
 * thread to KiUserExceptionDispatcher.  -1: no room (stack not writable,
 * no dispatcher), and nothing was changed. */
static void context_general(const struct lsw_regs *r, uint8_t *ctx)
{
	memset(ctx, 0, CTX_SIZE);
	put32(ctx, CTX_FLAGS, CONTEXT_FULL_SEGMENTS);
	memcpy(ctx + CTX_SEGS, user_segs, sizeof(user_segs));
	put32(ctx, CTX_EFLAGS, (uint32_t)r->eflags);
	memcpy(ctx + CTX_RAX, &r->rax, 16 * 8);
	memcpy(ctx + CTX_RIP, &r->rip, 8);
}

void context_from_regs(struct lsw_thread *t, const struct lsw_regs *r, uint8_t *ctx)
{
	context_general(r, ctx);
	read_fpstate(t, ctx);
}

void context_initial(const struct lsw_regs *r, uint8_t *ctx)
{
	context_general(r, ctx);
	ctx[CTX_FLTSAVE] = 0x7f; /* ControlWord 0x27f: extended precision, */
	ctx[CTX_FLTSAVE + 1] = 0x02; /* all exceptions masked */
	put32(ctx, CTX_FLTSAVE + FX_MXCSR, 0x1f80);
	put32(ctx, CTX_FLTSAVE + FX_MXCSR_MASK, 0xffff);
	put32(ctx, CTX_MXCSR, 0x1f80);
}

void context_to_regs(struct lsw_thread *t, const uint8_t *ctx, struct lsw_regs *r)
{
	regs_from_context(r, ctx);
	if (t && (get32(ctx, CTX_FLAGS) & (CONTEXT_AMD64 | CONTEXT_FLOATING_POINT)) ==
	    (CONTEXT_AMD64 | CONTEXT_FLOATING_POINT))
		write_fpstate(t, ctx);
}

static bool has(uint32_t flags, uint32_t part)
{
	return (flags & part) == part;
}

void context_merge(struct lsw_thread *t, const uint8_t *ctx, struct lsw_regs *r)
{
	uint32_t flags = get32(ctx, CTX_FLAGS);
	struct lsw_regs all;

	regs_from_context(&all, ctx);
	if (has(flags, CONTEXT_CONTROL)) {
		r->rip = all.rip;
		r->rsp = all.rsp;
		r->eflags = all.eflags;
	}
	if (has(flags, CONTEXT_INTEGER)) {
		uint64_t rsp = r->rsp;

		memcpy(&r->rax, &all.rax, 16 * 8);
		r->rsp = rsp; /* Rsp is CONTEXT_CONTROL's */
	}
	if (t && has(flags, CONTEXT_FLOATING_POINT | CONTEXT_AMD64))
		write_fpstate(t, ctx);
}

static int dispatch(struct lsw_thread *t, uint8_t *ctx, const struct exc_record *rec)
{
	struct lsw_process *p = t->process;
	uint8_t frame[FRAME_SIZE] = { 0 };
	uint64_t rsp, sp, mach[5];
	struct lsw_regs regs;

	memcpy(&rsp, ctx + CTX_RAX + 4 * 8, 8);
	sp = (rsp - FRAME_SIZE) & ~15ull;
	if (!p->ki_exception || sp > rsp)
		return -1;
	memcpy(frame, ctx, CTX_SIZE);
	memcpy(frame + FRAME_REC, rec, REC_SIZE);
	memcpy(&mach[0], ctx + CTX_RIP, 8);
	mach[1] = user_segs[0];
	mach[2] = get32(ctx, CTX_EFLAGS);
	mach[3] = rsp;
	mach[4] = user_segs[5];
	memcpy(frame + FRAME_MACH, mach, sizeof(mach));
	regs_from_context(&regs, ctx);
	regs.rsp = sp;
	regs.rip = p->ki_exception;
	regs.eflags &= ~EFLAGS_TF; /* the dispatcher itself is not single-stepped */
	if (stack_write_frame(t, sp, frame, sizeof(frame)) < 0 ||
	    thread_block_write(t, offsetof(struct lsw_thread_block, regs), &regs,
			 sizeof(regs)) < 0)
		return -1;
	nt_add_op(&t->call, LSW_OP_JUMP);
	return 0;
}

/* SIGFPE's si_code (FPE_INTDIV 1 ... FPE_FLTINV 7), as the kernel reads
 * it from the x87 status or MXCSR: the Windows code of that exception. */
static uint32_t float_code(unsigned code)
{
	switch (code) {
	case 1: return LSW_STATUS_INTEGER_DIVIDE_BY_ZERO;
	case 2: return LSW_STATUS_INTEGER_OVERFLOW;
	case 3: return LSW_STATUS_FLOAT_DIVIDE_BY_ZERO;
	case 4: return LSW_STATUS_FLOAT_OVERFLOW;
	case 5: return LSW_STATUS_FLOAT_UNDERFLOW;
	case 6: return LSW_STATUS_FLOAT_INEXACT_RESULT;
	default: return LSW_STATUS_FLOAT_INVALID_OPERATION;
	}
}

static uint32_t fault_code(const struct lsw_fault *f)
{
	switch (f->signo) {
	case SIGILL: return LSW_STATUS_ILLEGAL_INSTRUCTION;
	case SIGFPE: return float_code(f->code);
	case SIGTRAP: return f->trapno == 3 ? LSW_STATUS_BREAKPOINT : LSW_STATUS_SINGLE_STEP;
	default: return LSW_STATUS_ACCESS_VIOLATION;
	}
}

#define STATUS_ASSERTION_FAILURE 0xC0000420u

/* int 2c and int 2d, Windows' assertion and debug service interrupts,
 * and int 29, __fastfail: Linux refuses them with a general protection
 * fault whose error code names the vector (vector * 8 | 2, an IDT gate).
 * int 2d raises a breakpoint with the service code (Rax) and goes on
 * after the int; int 29 reports STATUS_STACK_BUFFER_OVERRUN with the
 * fail-fast code (Rcx), which no handler of the program sees
 * (fault_deliver ends the process). */
#define STATUS_STACK_BUFFER_OVERRUN 0xC0000409u
#define FAST_FAIL_VECTOR 0x29
#define EXCEPTION_NONCONTINUABLE 0x1u
static bool service_interrupt(const struct lsw_thread_block *b, struct exc_record *rec,
			      uint64_t *rip)
{
	const struct lsw_fault *f = &b->fault;

	if (f->signo != SIGSEGV || f->trapno != 13 || (f->err & 7) != 2)
		return false;
	switch (f->err >> 3) {
	case 0x2c:
		rec->code = STATUS_ASSERTION_FAILURE;
		break;
	case 0x2d:
		rec->code = LSW_STATUS_BREAKPOINT;
		rec->nparams = 1;
		rec->info[0] = b->regs.rax;
		*rip += 2;
		break;
	case FAST_FAIL_VECTOR:
		rec->code = STATUS_STACK_BUFFER_OVERRUN;
		rec->flags = EXCEPTION_NONCONTINUABLE;
		rec->nparams = 1;
		rec->info[0] = b->regs.rcx;
		break;
	default:
		return false;
	}
	rec->address = *rip;
	return true;
}

/* int 2d's print and symbol services (BREAKPOINT_PRINT 1, LOAD_SYMBOLS 3,
 * UNLOAD_SYMBOLS 4): with no kernel debugger Windows' kernel serves them
 * itself, and neither the program nor its debugger sees an exception; the
 * thread goes on one byte past the end of the int 2d. */
static bool kernel_debug_service(const struct lsw_thread_block *b, const struct exc_record *rec)
{
	const struct lsw_fault *f = &b->fault;

	return rec->code == (uint32_t)LSW_STATUS_BREAKPOINT && f->signo == SIGSEGV &&
	       (f->err >> 3) == 0x2d && (rec->info[0] == 1 || rec->info[0] == 3 || rec->info[0] == 4);
}

/* The EXCEPTION_RECORD Windows gives for a fault, and the Rip its CONTEXT
 * holds: after int3 the CPU's rip is past the instruction, but x64
 * Windows reports (and resumes at) the int3 itself. */
static void fault_record(const struct lsw_thread_block *b, struct exc_record *rec, uint64_t *rip)
{
	memset(rec, 0, sizeof(*rec));
	*rip = b->regs.rip;
	if (service_interrupt(b, rec, rip))
		return;
	rec->code = fault_code(&b->fault);
	if (rec->code == (uint32_t)LSW_STATUS_BREAKPOINT) {
		*rip -= 1;
		rec->nparams = 1; /* BREAKPOINT_BREAK */
	} else if (rec->code == (uint32_t)LSW_STATUS_ACCESS_VIOLATION) {
		rec->nparams = 2;
		if (b->fault.trapno == 14) { /* page fault: the error code says how */
			rec->info[0] = (b->fault.err & 16) ? 8 : (b->fault.err & 2) ? 1 : 0;
			rec->info[1] = b->fault.addr;
		} else { /* general protection: no address */
			rec->info[1] = ~0ull;
		}
	}
	rec->address = *rip;
}

/* An access violation on a guard page is a guard-page violation, or at
 * the end of the thread's stack a stack overflow (guard_page.c lifts it);
 * a guard inside the stack only grows it: true, and no exception. */
static bool guard_fault(struct lsw_thread *t, const struct lsw_thread_block *b,
			struct exc_record *rec)
{
	enum guard_hit hit;

	if (rec->code != (uint32_t)LSW_STATUS_ACCESS_VIOLATION || b->fault.trapno != 14)
		return false;
	hit = guard_page_hit(t, b->fault.addr);
	if (hit == GUARD_VIOLATION)
		rec->code = LSW_STATUS_GUARD_PAGE_VIOLATION;
	else if (hit == GUARD_OVERFLOW)
		rec->code = LSW_STATUS_STACK_OVERFLOW;
	return hit == GUARD_STACK_GROWN;
}

#define DBG_EXCEPTION_NOT_HANDLED 0x80010001u

static void fault_resume(struct lsw_thread *t, uint32_t continue_status);

/* The debugger continued the fault: the thread goes on where the fault
 * left it (after an int3 or int 2d, at the faulting instruction else). */
static void fault_continue(struct lsw_thread *t, struct lsw_thread_block *b,
			   const struct exc_record *rec, uint64_t rip)
{
	if (rec->code == (uint32_t)LSW_STATUS_BREAKPOINT && rip + 1 == b->regs.rip)
		rip++;
	b->regs.rip = rip;
	if (tracee_write(t, t->block + offsetof(struct lsw_thread_block, regs), &b->regs,
			 sizeof(b->regs)) < 0) {
		process_terminate(t->process, LSW_STATUS_ACCESS_VIOLATION);
		return;
	}
	nt_add_op(&t->call, LSW_OP_JUMP);
	nt_answer(t, LSW_STATUS_SUCCESS);
}

#define TRAP_PERF 6
#define TRAP_SIMD 19 /* #XM: an SSE exception */

/* The hardware breakpoint a single-step fault comes from (its perf
 * event's sig_data, hw_breakpoint.c), -1 for the trap flag's step. */
static int breakpoint_slot(const struct lsw_fault *f)
{
	if (f->signo != SIGTRAP || f->code != TRAP_PERF)
		return -1;
	return f->perf_data < 4 ? (int)f->perf_data : 4; /* 4: none armed */
}

/* A fault's CONTEXT: all of it, the debug registers too, as Windows
 * gives an exception's (a handler may change them for its continue).
 * RF is the kernel's, set past an execute breakpoint; Windows' context
 * does not show it (a handler sets it to go on over the breakpoint). */
static void exception_context(struct lsw_thread *t, const struct lsw_regs *r, uint8_t *ctx)
{
	context_from_regs(t, r, ctx);
	put32(ctx, CTX_FLAGS, CONTEXT_ALL);
	put32(ctx, CTX_EFLAGS, get32(ctx, CTX_EFLAGS) & ~EFLAGS_RF);
	hw_breakpoints_to_context(t, ctx);
}

/* A fault: its debugger first (when tell_debugger), then the program's
 * handlers. */
static void fault_deliver(struct lsw_thread *t, bool tell_debugger, uint32_t continue_status)
{
	struct lsw_thread_block b;
	struct exc_record rec;
	uint8_t ctx[CTX_SIZE] = { 0 };
	uint64_t rip;

	if (thread_block_read(t, 0, &b, sizeof(b)) < 0) {
		process_terminate(t->process, LSW_STATUS_ACCESS_VIOLATION);
		return;
	}
	fault_record(&b, &rec, &rip);
	if (rec.code == (uint32_t)LSW_STATUS_ACCESS_VIOLATION && b.fault.trapno == 13 &&
	    !b.fault.err && privileged_instruction(t, rip)) {
		rec.code = LSW_STATUS_PRIVILEGED_INSTRUCTION;
		rec.nparams = 0;
		rec.info[1] = 0;
	}
	/* the first write to a watched page since its reset: marked, and
	 * the write goes on (write_watch.c) */
	if (rec.code == (uint32_t)LSW_STATUS_ACCESS_VIOLATION && b.fault.trapno == 14 &&
	    (b.fault.err & 2) && write_watch_fault(t, b.fault.addr)) {
		nt_answer(t, LSW_STATUS_SUCCESS);
		return;
	}
	if (guard_fault(t, &b, &rec)) { /* the instruction runs again */
		nt_answer(t, LSW_STATUS_SUCCESS);
		return;
	}
	if (kernel_debug_service(&b, &rec)) {
		fault_continue(t, &b, &rec, rip + 1); /* Windows skips a byte more */
		return;
	}
	if (rec.code == STATUS_STACK_BUFFER_OVERRUN && b.fault.signo == SIGSEGV &&
	    (b.fault.err >> 3) == FAST_FAIL_VECTOR) {
		/* fail fast: a debugger hears of it, second chance only; then
		 * the process ends, whatever the debugger answers */
		if (tell_debugger && debug_report_exception(t, &rec, false, true, fault_resume))
			return;
		unhandled(t, &rec);
		return;
	}
	if (tell_debugger && rec.code == (uint32_t)LSW_STATUS_SINGLE_STEP &&
	    !hw_breakpoints_hit(t, breakpoint_slot(&b.fault))) {
		nt_answer(t, LSW_STATUS_SUCCESS); /* disarmed since: it goes on */
		return;
	}
	if (tell_debugger && rec.code == (uint32_t)LSW_STATUS_SINGLE_STEP &&
	    (b.regs.eflags & EFLAGS_TF)) {
		/* the step is over: the debugger's context has TF clear too (not
		 * again at the continue: the debugger may have set it to step on) */
		b.regs.eflags &= ~EFLAGS_TF;
		tracee_write(t, t->block + offsetof(struct lsw_thread_block, regs), &b.regs,
			     sizeof(b.regs));
	}
	if (tell_debugger && debug_report_exception(t, &rec, true, true, fault_resume))
		return; /* stopped until the debugger continues it */
	if (!tell_debugger && continue_status != DBG_EXCEPTION_NOT_HANDLED) {
		fault_continue(t, &b, &rec, rip);
		return;
	}
	b.regs.rip = rip;
	if (rec.code == (uint32_t)LSW_STATUS_SINGLE_STEP)
		b.regs.eflags &= ~EFLAGS_TF; /* the step is over: Windows' context has TF clear */
	exception_context(t, &b.regs, ctx);
	if (b.fault.signo == SIGFPE && b.fault.trapno == TRAP_SIMD) {
		rec.nparams = 2; /* 0, and the MXCSR of the fault, as Windows gives */
		rec.info[1] = get32(ctx, CTX_MXCSR);
	}
	if (dispatch(t, ctx, &rec) < 0) {
		unhandled(t, &rec);
		return;
	}
	nt_answer(t, LSW_STATUS_SUCCESS);
}

static void fault_resume(struct lsw_thread *t, uint32_t continue_status)
{
	fault_deliver(t, false, continue_status);
}

void process_fault(struct lsw_thread *t)
{
	fault_deliver(t, true, 0);
}

/* NtContinue(ContextRecord, TestAlert): the thread goes on with that
 * context.  Segment registers are not taken from it (the thread keeps the
 * user selectors), nor the flags the kernel owns (the runtime masks them). */
NTSTATUS nt_NtContinue(struct nt_call *c)
{
	uint8_t ctx[CTX_SIZE];
	struct lsw_regs regs;

	if (tracee_read(c->thread, c->args[0], ctx, sizeof(ctx)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	/* TestAlert: queued APCs first, then this context */
	if ((uint8_t)c->args[1] && apc_continue(c, ctx))
		return LSW_STATUS_SUCCESS;
	context_to_regs(c->thread, ctx, &regs);
	if (thread_block_write(c->thread, offsetof(struct lsw_thread_block, regs),
			 &regs, sizeof(regs)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	hw_breakpoints_continue(c->thread, ctx);
	nt_add_op(c, LSW_OP_JUMP);
	return LSW_STATUS_SUCCESS;
}

/* The NtRaiseException call's record and context. */
static NTSTATUS raise_args(struct nt_call *c, struct exc_record *rec, uint8_t *ctx)
{
	if (tracee_read(c->thread, c->args[0], rec, sizeof(*rec)) < 0 ||
	    tracee_read(c->thread, c->args[1], ctx, CTX_SIZE) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return rec->nparams > 15 ? LSW_STATUS_INVALID_PARAMETER : LSW_STATUS_SUCCESS;
}

/* The thread goes on with the raise's context (NtContinue's way). */
static NTSTATUS raise_continue(struct nt_call *c, const uint8_t *ctx)
{
	struct lsw_regs regs;

	context_to_regs(c->thread, ctx, &regs);
	if (tracee_write(c->thread, c->thread->block + offsetof(struct lsw_thread_block, regs),
			 &regs, sizeof(regs)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	nt_add_op(c, LSW_OP_JUMP);
	return LSW_STATUS_SUCCESS;
}

/* The debugger's answer to a raised exception: continued, the thread goes
 * on with its context; not handled, the first chance goes to the program's
 * handlers and the second ends the process. */
static void raise_resume(struct lsw_thread *t, uint32_t continue_status)
{
	struct nt_call *c = &t->call;
	struct exc_record rec;
	uint8_t ctx[CTX_SIZE];
	NTSTATUS st = raise_args(c, &rec, ctx);

	if (st != LSW_STATUS_SUCCESS) {
		nt_answer(t, st);
		return;
	}
	if (continue_status != DBG_EXCEPTION_NOT_HANDLED) {
		nt_answer(t, raise_continue(c, ctx));
		return;
	}
	if ((uint8_t)c->args[2] && dispatch(t, ctx, &rec) == 0) {
		nt_answer(t, LSW_STATUS_SUCCESS);
		return;
	}
	unhandled(t, &rec);
}

/* NtRaiseException(ExceptionRecord, ContextRecord, FirstChance): the
 * debugger hears of it first, if there is one; a first chance goes to the
 * dispatcher again; the second chance (nobody handled it) ends the
 * process, as an unhandled fault does. */
NTSTATUS nt_NtRaiseException(struct nt_call *c)
{
	struct exc_record rec;
	uint8_t ctx[CTX_SIZE];
	NTSTATUS st = raise_args(c, &rec, ctx);

	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (debug_report_exception(c->thread, &rec, (uint8_t)c->args[2], false, raise_resume))
		return NT_DEFERRED; /* stopped until the debugger continues it */
	if ((uint8_t)c->args[2] && dispatch(c->thread, ctx, &rec) == 0)
		return LSW_STATUS_SUCCESS;
	unhandled(c->thread, &rec);
	return NT_DEFERRED; /* never answered: the process is gone */
}
