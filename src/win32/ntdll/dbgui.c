/*
 * The user-mode side of debugging: DbgUi* over the debug object calls.
 * A debugger thread's debug object lives in its TEB (DbgSsReserved[1], as
 * on Windows); DbgUiConvertStateChangeStructure turns the kernel's
 * DBGUI_WAIT_STATE_CHANGE into the DEBUG_EVENT kernel32 hands out.
 * DbgBreakPoint and DbgUiRemoteBreakin are the breakpoints a debugger
 * expects (the loader's initial one, a break-in thread's).
 */
#include "rtl/rtl_nt.h"

#define DBGAPI __declspec(dllexport)
#define TEB_DEBUG_OBJECT 0x16A8
#define DEBUG_ALL_ACCESS 0x1F000F
#define DEBUG_KILL_ON_CLOSE 1

NTSTATUS NTAPI NtCreateDebugObject(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, ULONG);
NTSTATUS NTAPI NtWaitForDebugEvent(HANDLE, BOOLEAN, LARGE_INTEGER *, void *);
NTSTATUS NTAPI NtDebugContinue(HANDLE, CLIENT_ID *, NTSTATUS);
NTSTATUS NTAPI NtDebugActiveProcess(HANDLE, HANDLE);
NTSTATUS NTAPI NtRemoveProcessDebug(HANDLE, HANDLE);
NTSTATUS NTAPI NtCreateThreadEx(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, HANDLE, void *, void *,
				ULONG, SIZE_T, SIZE_T, SIZE_T, void *);
void NTAPI RtlExitUserThread(ULONG);
void dbg_guarded_break(void (*brk)(void)); /* dbg_break.c */

/* DBGUI_WAIT_STATE_CHANGE, x64. */
struct dbg_state_change {
	ULONG state;
	CLIENT_ID cid;
	union {
		struct { HANDLE thread; ULONG key; void *start; } create_thread;
		struct {
			HANDLE process, thread;
			ULONG key;
			HANDLE file;
			void *base;
			ULONG debug_offset, debug_size;
			ULONG thread_key;
			void *start;
		} create_process;
		NTSTATUS exit_status;
		struct { EXCEPTION_RECORD record; ULONG first_chance; } exception;
		struct { HANDLE file; void *base; ULONG debug_offset, debug_size; void *name; } load;
		void *unload_base;
	} u;
};

_Static_assert(sizeof(struct dbg_state_change) == 0xB8, "DBGUI_WAIT_STATE_CHANGE layout");

enum { DbgCreateThread = 2, DbgCreateProcess, DbgExitThread, DbgExitProcess, DbgException,
       DbgBreakpoint, DbgSingleStep, DbgLoadDll, DbgUnloadDll };

static HANDLE *teb_debug_object(void)
{
	return (HANDLE *)((BYTE *)lsw_teb() + TEB_DEBUG_OBJECT);
}

DBGAPI HANDLE NTAPI DbgUiGetThreadDebugObject(void)
{
	return *teb_debug_object();
}

DBGAPI void NTAPI DbgUiSetThreadDebugObject(HANDLE obj)
{
	*teb_debug_object() = obj;
}

DBGAPI NTSTATUS NTAPI DbgUiConnectToDbg(void)
{
	OBJECT_ATTRIBUTES oa;

	if (*teb_debug_object())
		return STATUS_SUCCESS;
	InitializeObjectAttributes(&oa, NULL, 0, NULL, NULL);
	return NtCreateDebugObject(teb_debug_object(), DEBUG_ALL_ACCESS, &oa, DEBUG_KILL_ON_CLOSE);
}

DBGAPI NTSTATUS NTAPI DbgUiWaitStateChange(void *state, LARGE_INTEGER *timeout)
{
	return NtWaitForDebugEvent(*teb_debug_object(), TRUE, timeout, state);
}

DBGAPI NTSTATUS NTAPI DbgUiContinue(CLIENT_ID *cid, NTSTATUS status)
{
	return NtDebugContinue(*teb_debug_object(), cid, status);
}

DBGAPI NTSTATUS NTAPI DbgUiStopDebugging(HANDLE process)
{
	return NtRemoveProcessDebug(process, *teb_debug_object());
}

DBGAPI void NTAPI DbgBreakPoint(void)
{
	__debugbreak();
}

DBGAPI void NTAPI DbgUserBreakPoint(void)
{
	__debugbreak();
}

/* Where a break-in thread starts: a breakpoint when debugged. */
DBGAPI void NTAPI DbgUiRemoteBreakin(void *arg)
{
	if (lsw_peb()->BeingDebugged)
		dbg_guarded_break(DbgBreakPoint);
	RtlExitUserThread(0);
}

DBGAPI NTSTATUS NTAPI DbgUiIssueRemoteBreakin(HANDLE process)
{
	HANDLE thread;
	NTSTATUS st = NtCreateThreadEx(&thread, THREAD_ALL_ACCESS, NULL, process,
				       (void *)DbgUiRemoteBreakin, NULL, 0, 0, 0x4000, 0x4000, NULL);

	if (NT_SUCCESS(st))
		NtClose(thread);
	return st;
}

/* Attaches the thread's debug object; the break-in thread is best effort
 * (a process whose threads cannot be created from outside is still
 * debugged, without the initial breakpoint). */
DBGAPI NTSTATUS NTAPI DbgUiDebugActiveProcess(HANDLE process)
{
	NTSTATUS st = NtDebugActiveProcess(process, *teb_debug_object());

	if (NT_SUCCESS(st))
		DbgUiIssueRemoteBreakin(process);
	return st;
}

/* THREAD_BASIC_INFORMATION (x64): ExitStatus, TebBaseAddress at 8. */
static void *thread_teb(HANDLE thread)
{
	ULONG_PTR tbi[6];

	if (!thread || !NT_SUCCESS(NtQueryInformationThread(thread, 0, tbi, sizeof(tbi), NULL)))
		return NULL;
	return (void *)tbi[1];
}

static void convert_exception(const struct dbg_state_change *sc, DEBUG_EVENT *de)
{
	const EXCEPTION_RECORD *r = &sc->u.exception.record;

	if ((DWORD)r->ExceptionCode == (DWORD)DBG_PRINTEXCEPTION_C && r->NumberParameters >= 2) {
		de->dwDebugEventCode = OUTPUT_DEBUG_STRING_EVENT;
		de->u.DebugString.lpDebugStringData = (char *)r->ExceptionInformation[1];
		de->u.DebugString.fUnicode = FALSE;
		de->u.DebugString.nDebugStringLength = (WORD)r->ExceptionInformation[0];
	} else if ((DWORD)r->ExceptionCode == (DWORD)DBG_RIPEXCEPTION && r->NumberParameters >= 2) {
		de->dwDebugEventCode = RIP_EVENT;
		de->u.RipInfo.dwError = (DWORD)r->ExceptionInformation[0];
		de->u.RipInfo.dwType = (DWORD)r->ExceptionInformation[1];
	} else {
		de->dwDebugEventCode = EXCEPTION_DEBUG_EVENT;
		de->u.Exception.ExceptionRecord = *r;
		de->u.Exception.dwFirstChance = sc->u.exception.first_chance;
	}
}

static void convert_create_process(const struct dbg_state_change *sc, DEBUG_EVENT *de)
{
	CREATE_PROCESS_DEBUG_INFO *i = &de->u.CreateProcessInfo;

	de->dwDebugEventCode = CREATE_PROCESS_DEBUG_EVENT;
	i->hFile = sc->u.create_process.file;
	i->hProcess = sc->u.create_process.process;
	i->hThread = sc->u.create_process.thread;
	i->lpBaseOfImage = sc->u.create_process.base;
	i->dwDebugInfoFileOffset = sc->u.create_process.debug_offset;
	i->nDebugInfoSize = sc->u.create_process.debug_size;
	i->lpThreadLocalBase = thread_teb(i->hThread);
	i->lpStartAddress = (LPTHREAD_START_ROUTINE)sc->u.create_process.start;
	i->lpImageName = NULL;
	i->fUnicode = TRUE;
}

static void convert_load(const struct dbg_state_change *sc, DEBUG_EVENT *de)
{
	de->dwDebugEventCode = LOAD_DLL_DEBUG_EVENT;
	de->u.LoadDll.hFile = sc->u.load.file;
	de->u.LoadDll.lpBaseOfDll = sc->u.load.base;
	de->u.LoadDll.dwDebugInfoFileOffset = sc->u.load.debug_offset;
	de->u.LoadDll.nDebugInfoSize = sc->u.load.debug_size;
	de->u.LoadDll.lpImageName = sc->u.load.name;
	de->u.LoadDll.fUnicode = TRUE;
}

DBGAPI NTSTATUS NTAPI DbgUiConvertStateChangeStructure(void *state, DEBUG_EVENT *de)
{
	const struct dbg_state_change *sc = state;

	memset(de, 0, sizeof(*de));
	de->dwProcessId = (DWORD)(ULONG_PTR)sc->cid.UniqueProcess;
	de->dwThreadId = (DWORD)(ULONG_PTR)sc->cid.UniqueThread;
	switch (sc->state) {
	case DbgCreateThread:
		de->dwDebugEventCode = CREATE_THREAD_DEBUG_EVENT;
		de->u.CreateThread.hThread = sc->u.create_thread.thread;
		de->u.CreateThread.lpThreadLocalBase = thread_teb(sc->u.create_thread.thread);
		de->u.CreateThread.lpStartAddress = (LPTHREAD_START_ROUTINE)sc->u.create_thread.start;
		return STATUS_SUCCESS;
	case DbgCreateProcess:
		convert_create_process(sc, de);
		return STATUS_SUCCESS;
	case DbgExitThread:
		de->dwDebugEventCode = EXIT_THREAD_DEBUG_EVENT;
		de->u.ExitThread.dwExitCode = (DWORD)sc->u.exit_status;
		return STATUS_SUCCESS;
	case DbgExitProcess:
		de->dwDebugEventCode = EXIT_PROCESS_DEBUG_EVENT;
		de->u.ExitProcess.dwExitCode = (DWORD)sc->u.exit_status;
		return STATUS_SUCCESS;
	case DbgException:
	case DbgBreakpoint:
	case DbgSingleStep:
		convert_exception(sc, de);
		return STATUS_SUCCESS;
	case DbgLoadDll:
		convert_load(sc, de);
		return STATUS_SUCCESS;
	case DbgUnloadDll:
		de->dwDebugEventCode = UNLOAD_DLL_DEBUG_EVENT;
		de->u.UnloadDll.lpBaseOfDll = sc->u.unload_base;
		return STATUS_SUCCESS;
	}
	return STATUS_UNSUCCESSFUL;
}
