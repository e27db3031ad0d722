/*
 * Fibers: ConvertThreadToFiber(Ex), CreateFiber(Ex), SwitchToFiber,
 * DeleteFiber, ConvertFiberToThread, IsThreadAFiber.  A fiber is a stack
 * and the callee-saved registers of code suspended on it; switching saves
 * the running fiber's registers and its TEB fields (stack bounds, the
 * stack guarantee, fiber-local storage) and loads the other's.  Programs
 * read GetFiberData() as the first pointer of TEB->NtTib.FiberData, so the
 * parameter is the first field.
 */
#include "k32_private.h"

void NTAPI RtlProcessFlsData(PVOID, ULONG);

/* ntdll's INITIAL_TEB, what RtlCreateUserStack lays out (user_stack.c) */
typedef struct {
	PVOID OldStackBase, OldStackLimit, StackBase, StackLimit, DeallocationStack;
} INITIAL_TEB_K32;
NTSTATUS NTAPI RtlCreateUserStack(SIZE_T, SIZE_T, ULONG, SIZE_T, SIZE_T, INITIAL_TEB_K32 *);
void NTAPI RtlFreeUserStack(PVOID);

#define HAS_FIBER_DATA 0x4 /* TEB SameTebFlags */
#define FLS_RUN_CALLBACKS 1
#define FLS_FREE 2

/* What k32_fiber_switch saves and loads (offsets fixed in fiber_switch.S). */
struct fiber_regs {
	ULONG_PTR rip, rsp, rbx, rbp, rdi, rsi, r12, r13, r14, r15; /* 0x00 */
	ULONG mxcsr;                                              /* 0x50 */
	USHORT fpcw, pad[5];                                      /* 0x54 */
	M128A xmm[10];                                            /* 0x60: xmm6-15 */
};
_Static_assert(offsetof(struct fiber_regs, xmm) == 0x60, "fiber_switch.S layout");

struct fiber {
	PVOID param;                  /* first: GetFiberData */
	LPFIBER_START_ROUTINE start;
	PVOID stack_base, stack_limit, dealloc_stack;
	ULONG guaranteed;
	PVOID fls_data;
	BOOL own_stack;               /* CreateFiber's, freed by DeleteFiber */
	struct fiber_regs regs;
};

void k32_fiber_switch(struct fiber_regs *save, const struct fiber_regs *load);

static struct fiber *current_fiber(void)
{
	return lsw_teb()->SameTebFlags & HAS_FIBER_DATA ? lsw_teb()->Tib.FiberData : NULL;
}

static void save_teb(struct fiber *f)
{
	LSW_TEB *teb = lsw_teb();

	f->stack_base = teb->Tib.StackBase;
	f->stack_limit = teb->Tib.StackLimit;
	f->dealloc_stack = teb->DeallocationStack;
	f->guaranteed = teb->GuaranteedStackBytes;
	f->fls_data = teb->FlsData;
}

static void load_teb(struct fiber *f)
{
	LSW_TEB *teb = lsw_teb();

	teb->Tib.StackBase = f->stack_base;
	teb->Tib.StackLimit = f->stack_limit;
	teb->DeallocationStack = f->dealloc_stack;
	teb->GuaranteedStackBytes = f->guaranteed;
	teb->FlsData = f->fls_data;
	teb->Tib.FiberData = f;
}

K32API PVOID WINAPI ConvertThreadToFiberEx(PVOID param, DWORD flags)
{
	struct fiber *f;

	if (flags & ~(DWORD)FIBER_FLAG_FLOAT_SWITCH)
		return k32_error(ERROR_INVALID_PARAMETER), NULL;
	if (current_fiber())
		return k32_error(ERROR_ALREADY_FIBER), NULL;
	f = RtlAllocateHeap(k32_heap(), HEAP_ZERO_MEMORY, sizeof(*f));
	if (!f)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY), NULL;
	f->param = param;
	save_teb(f);
	lsw_teb()->Tib.FiberData = f;
	lsw_teb()->SameTebFlags |= HAS_FIBER_DATA;
	return f;
}

K32API PVOID WINAPI ConvertThreadToFiber(PVOID param)
{
	return ConvertThreadToFiberEx(param, 0);
}

K32API BOOL WINAPI ConvertFiberToThread(void)
{
	struct fiber *f = current_fiber();

	if (!f)
		return k32_error(ERROR_ALREADY_THREAD);
	lsw_teb()->SameTebFlags &= (USHORT)~HAS_FIBER_DATA;
	lsw_teb()->Tib.FiberData = NULL;
	RtlFreeHeap(k32_heap(), 0, f);
	return TRUE;
}

K32API BOOL WINAPI IsThreadAFiber(void)
{
	return current_fiber() != NULL;
}

/* Where a new fiber's first switch lands: its routine, then, as
 * documented, the thread ends when the routine returns. */
static void fiber_start(void)
{
	struct fiber *f = lsw_teb()->Tib.FiberData;

	f->start(f->param);
	ExitThread(0);
}

K32API PVOID WINAPI CreateFiberEx(SIZE_T commit, SIZE_T reserve, DWORD flags,
				  LPFIBER_START_ROUTINE start, PVOID param)
{
	INITIAL_TEB_K32 stack;
	struct fiber *f;
	NTSTATUS st;
	ULONG_PTR *sp;

	if (flags & ~(DWORD)FIBER_FLAG_FLOAT_SWITCH)
		return k32_error(ERROR_INVALID_PARAMETER), NULL;
	f = RtlAllocateHeap(k32_heap(), HEAP_ZERO_MEMORY, sizeof(*f));
	if (!f)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY), NULL;
	/* the image's sizes for 0, a guard page under the commit: the
	 * supervisor grows a stack the TEB names through it */
	st = RtlCreateUserStack(commit, reserve, 0, 0x1000, 0x10000, &stack);
	if (!NT_SUCCESS(st)) {
		RtlFreeHeap(k32_heap(), 0, f);
		return k32_fail(st), NULL;
	}
	f->stack_base = stack.StackBase;
	f->stack_limit = stack.StackLimit;
	f->dealloc_stack = stack.DeallocationStack;
	f->own_stack = TRUE;
	f->param = param;
	f->start = start;
	/* as if fiber_start had been called: a null return address (the
	 * unwinder's end) and the caller's 32-byte home area above it */
	sp = (ULONG_PTR *)((BYTE *)f->stack_base - 0x38);
	*sp = 0;
	f->regs.rsp = (ULONG_PTR)sp;
	f->regs.rip = (ULONG_PTR)fiber_start;
	f->regs.mxcsr = 0x1F80;
	f->regs.fpcw = 0x27F;
	return f;
}

K32API PVOID WINAPI CreateFiber(SIZE_T stack, LPFIBER_START_ROUTINE start, PVOID param)
{
	return CreateFiberEx(stack, 0, 0, start, param);
}

K32API void WINAPI SwitchToFiber(PVOID fiber)
{
	struct fiber *from = lsw_teb()->Tib.FiberData, *to = fiber;

	save_teb(from);
	load_teb(to);
	k32_fiber_switch(&from->regs, &to->regs);
}

/* Deleting the running fiber ends its thread, as documented. */
K32API void WINAPI DeleteFiber(PVOID fiber)
{
	struct fiber *f = fiber;

	if (!f)
		return;
	if (f == current_fiber())
		ExitThread(1);
	RtlProcessFlsData(f->fls_data, FLS_RUN_CALLBACKS | FLS_FREE);
	if (f->own_stack)
		RtlFreeUserStack(f->dealloc_stack);
	RtlFreeHeap(k32_heap(), 0, f);
}
