/*
 * The breakpoints the system raises for a debugger (the loader's initial
 * one, a break-in thread's) and DbgPrint's DBG_PRINTEXCEPTION_C, which
 * Windows raises inside an exception handler: a debugger that hands one
 * back unhandled does not end the thread, which goes on after the int3 or
 * the raise.  Here the handler is a vectored one, last in the list, that
 * knows which threads are inside such a raise.
 */
#include "rtl/rtl_nt.h"

PVOID NTAPI RtlAddVectoredExceptionHandler(ULONG first, PVECTORED_EXCEPTION_HANDLER fn);

#define GUARD_SLOTS 16
#define INT3 0xCC

static volatile LONG64 guarded[GUARD_SLOTS]; /* thread ids, 0: free */
static volatile LONG handler_added;

static LONG CALLBACK passed_back(EXCEPTION_POINTERS *ep)
{
	LONG64 tid = (LONG64)(ULONG_PTR)lsw_teb()->UniqueThread;
	BYTE *at = ep->ExceptionRecord->ExceptionAddress;

	DWORD code = ep->ExceptionRecord->ExceptionCode;

	if (!(code == STATUS_BREAKPOINT && *at == INT3) && code != DBG_PRINTEXCEPTION_C)
		return EXCEPTION_CONTINUE_SEARCH;
	for (int i = 0; i < GUARD_SLOTS; i++)
		if (guarded[i] == tid) {
			if (code == STATUS_BREAKPOINT)
				ep->ContextRecord->Rip = (ULONG_PTR)at + 1;
			return EXCEPTION_CONTINUE_EXECUTION;
		}
	return EXCEPTION_CONTINUE_SEARCH;
}

static int guard_enter(void)
{
	LONG64 tid = (LONG64)(ULONG_PTR)lsw_teb()->UniqueThread;

	if (!InterlockedExchange(&handler_added, 1))
		RtlAddVectoredExceptionHandler(0, passed_back);
	for (int i = 0; i < GUARD_SLOTS; i++)
		if (!InterlockedCompareExchange64(&guarded[i], tid, 0))
			return i;
	return -1;
}

static void guard_leave(int slot)
{
	if (slot >= 0)
		guarded[slot] = 0;
}

void dbg_guarded_break(void (*brk)(void))
{
	int slot = guard_enter();

	brk();
	guard_leave(slot);
}

void dbg_guarded_raise(EXCEPTION_RECORD *rec)
{
	int slot = guard_enter();

	if (slot < 0) /* every slot busy: not raising beats ending the thread */
		return;
	RtlRaiseException(rec);
	guard_leave(slot);
}
