/*
 * Console control events: SetConsoleCtrlHandler's list, CtrlRoutine (where
 * the supervisor starts a thread for each Ctrl-C or Ctrl-Break event this
 * process gets) and GenerateConsoleCtrlEvent.  Handlers run newest first;
 * the first that returns TRUE takes the event; when none does, the
 * default handler ends the process with STATUS_CONTROL_C_EXIT.  Ctrl-C
 * can be ignored (SetConsoleCtrlHandler(NULL, TRUE)): that is ConsoleFlags
 * bit 0 of the process parameters, which children inherit and which
 * CREATE_NEW_PROCESS_GROUP sets in the child.
 */
#include <lsw/lswcall.h>
#include "k32_private.h"

#define CONSOLE_IGNORE_CTRL_C 1u

static PHANDLER_ROUTINE *handlers; /* oldest first */
static DWORD nhandlers, caphandlers;
static RTL_SRWLOCK handlers_lock = RTL_SRWLOCK_INIT;

static ULONG64 lsw_call(ULONG64 number, ULONG64 a, ULONG64 b)
{
	register ULONG64 r10 __asm__("r10") = a;
	ULONG64 rax = number;

	__asm__ volatile("syscall" : "+a"(rax), "+r"(r10) : "d"(b) : "rcx", "r11", "memory");
	return rax;
}

static BOOL add_handler(PHANDLER_ROUTINE fn)
{
	PHANDLER_ROUTINE *grown;

	if (nhandlers == caphandlers) {
		DWORD cap = caphandlers ? caphandlers * 2 : 8;

		grown = handlers ? RtlReAllocateHeap(k32_heap(), 0, handlers, cap * sizeof(*grown))
				 : RtlAllocateHeap(k32_heap(), 0, cap * sizeof(*grown));
		if (!grown)
			return FALSE;
		handlers = grown;
		caphandlers = cap;
	}
	handlers[nhandlers++] = fn;
	return TRUE;
}

/* The newest registration of fn goes. */
static BOOL remove_handler(PHANDLER_ROUTINE fn)
{
	for (DWORD i = nhandlers; i-- > 0;)
		if (handlers[i] == fn) {
			for (nhandlers--; i < nhandlers; i++)
				handlers[i] = handlers[i + 1];
			return TRUE;
		}
	return FALSE;
}

K32API BOOL WINAPI SetConsoleCtrlHandler(PHANDLER_ROUTINE handler, BOOL add)
{
	BOOL ok;

	if (!handler) {
		if (add)
			lsw_params()->ConsoleFlags |= CONSOLE_IGNORE_CTRL_C;
		else
			lsw_params()->ConsoleFlags &= ~CONSOLE_IGNORE_CTRL_C;
		return TRUE;
	}
	RtlAcquireSRWLockExclusive(&handlers_lock);
	ok = add ? add_handler(handler) : remove_handler(handler);
	RtlReleaseSRWLockExclusive(&handlers_lock);
	return ok ? TRUE : k32_error(add ? ERROR_NOT_ENOUGH_MEMORY : ERROR_INVALID_PARAMETER);
}

/* Whether a handler took the event, newest first.  They run on a copy of
 * the list: a handler may add or remove handlers. */
static BOOL run_handlers(DWORD event)
{
	PHANDLER_ROUTINE *copy;
	DWORD n;
	BOOL taken = FALSE;

	RtlAcquireSRWLockShared(&handlers_lock);
	n = nhandlers;
	copy = n ? RtlAllocateHeap(k32_heap(), 0, n * sizeof(*copy)) : NULL;
	if (copy)
		memcpy(copy, handlers, n * sizeof(*copy));
	RtlReleaseSRWLockShared(&handlers_lock);
	if (!copy)
		return FALSE;
	while (n-- > 0 && !taken)
		taken = copy[n](event);
	RtlFreeHeap(k32_heap(), 0, copy);
	return taken;
}

/* The thread the supervisor starts for a console control event. */
K32API DWORD WINAPI CtrlRoutine(LPVOID param)
{
	DWORD event = (DWORD)(ULONG_PTR)param;

	if (event == CTRL_C_EVENT && (lsw_params()->ConsoleFlags & CONSOLE_IGNORE_CTRL_C))
		return 0;
	/* a close (or logoff, shutdown) ends the process even when a
	 * handler takes it: the handlers only get to clean up first */
	if (run_handlers(event) && event <= CTRL_BREAK_EVENT)
		return 0;
	ExitProcess(STATUS_CONTROL_C_EXIT); /* the default handler */
}

K32API BOOL WINAPI GenerateConsoleCtrlEvent(DWORD event, DWORD group)
{
	NTSTATUS st;

	if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT)
		return k32_error(ERROR_INVALID_PARAMETER);
	st = (NTSTATUS)lsw_call(LSW_CALL_CTRL_EVENT, event, group);
	return st < 0 ? k32_fail(st) : TRUE;
}

/* DllMain: where the supervisor starts CtrlRoutine. */
void k32_init_console_ctrl(void)
{
	lsw_call(LSW_CALL_CTRL_ROUTINE, (ULONG64)CtrlRoutine, 0);
}
