/*
 * The Win32 debugging API over ntdll's DbgUi*: a debugger thread's debug
 * object (DbgUiConnectToDbg), its events as DEBUG_EVENTs, continuing
 * them, attaching to and detaching from running processes.  The process
 * and thread handles an event hands out are the debugger's until the
 * matching exit event is continued, when they are closed for it, as
 * Windows does.
 */
#include "k32_private.h"

NTSTATUS NTAPI DbgUiConnectToDbg(void);
HANDLE NTAPI DbgUiGetThreadDebugObject(void);
NTSTATUS NTAPI DbgUiWaitStateChange(void *, LARGE_INTEGER *);
NTSTATUS NTAPI DbgUiContinue(CLIENT_ID *, NTSTATUS);
NTSTATUS NTAPI DbgUiConvertStateChangeStructure(void *, DEBUG_EVENT *);
NTSTATUS NTAPI DbgUiDebugActiveProcess(HANDLE);
NTSTATUS NTAPI DbgUiStopDebugging(HANDLE);
NTSTATUS NTAPI DbgUiIssueRemoteBreakin(HANDLE);
NTSTATUS NTAPI NtSetInformationDebugObject(HANDLE, ULONG, void *, ULONG, ULONG *);
NTSTATUS NTAPI NtOpenProcess(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, CLIENT_ID *);

#define DBG_STATE_CHANGE_SIZE 0xB8
#define DebugObjectKillProcessOnExitInformation 1
#define DEBUG_KILL_ON_CLOSE 1
#define ProcessDebugPortClass 7
#define MAX_TRACKED 256

/* DBGSS_THREAD_DATA's part that matters: which handles to close when. */
struct tracked {
	DWORD pid, tid;
	HANDLE process, thread;
};

static struct tracked tracked[MAX_TRACKED];
static RTL_SRWLOCK tracked_lock = RTL_SRWLOCK_INIT;

static void track(const DEBUG_EVENT *de)
{
	HANDLE process = NULL, thread = NULL;

	if (de->dwDebugEventCode == CREATE_PROCESS_DEBUG_EVENT) {
		process = de->u.CreateProcessInfo.hProcess;
		thread = de->u.CreateProcessInfo.hThread;
	} else if (de->dwDebugEventCode == CREATE_THREAD_DEBUG_EVENT) {
		thread = de->u.CreateThread.hThread;
	} else {
		return;
	}
	RtlAcquireSRWLockExclusive(&tracked_lock);
	for (int i = 0; i < MAX_TRACKED; i++)
		if (!tracked[i].pid) {
			tracked[i] = (struct tracked){ de->dwProcessId, de->dwThreadId, process, thread };
			break;
		}
	RtlReleaseSRWLockExclusive(&tracked_lock);
}

/* After an exit event is continued: its thread's (and for a process,
 * its process's) handles are closed. */
static void untrack(DWORD pid, DWORD tid, BOOL whole_process)
{
	RtlAcquireSRWLockExclusive(&tracked_lock);
	for (int i = 0; i < MAX_TRACKED; i++) {
		struct tracked *t = &tracked[i];

		if (t->pid != pid || (!whole_process && t->tid != tid))
			continue;
		if (t->thread)
			NtClose(t->thread);
		if (t->process)
			NtClose(t->process);
		memset(t, 0, sizeof(*t));
	}
	RtlReleaseSRWLockExclusive(&tracked_lock);
}

/* The exit event last handed out for each thread id (to close on
 * continue). */
static DWORD exit_pid, exit_tid, exit_code;

static BOOL wait_event(DEBUG_EVENT *de, DWORD ms)
{
	BYTE sc[DBG_STATE_CHANGE_SIZE];
	LARGE_INTEGER t;
	NTSTATUS st;

	do
		st = DbgUiWaitStateChange(sc, k32_timeout(ms, &t));
	while (st == STATUS_ALERTED || st == STATUS_USER_APC);
	if (st == STATUS_TIMEOUT)
		return k32_error(ERROR_SEM_TIMEOUT);
	if (st < 0)
		return k32_fail(st);
	if ((st = DbgUiConvertStateChangeStructure(sc, de)) < 0)
		return k32_fail(st);
	track(de);
	if (de->dwDebugEventCode == EXIT_THREAD_DEBUG_EVENT ||
	    de->dwDebugEventCode == EXIT_PROCESS_DEBUG_EVENT) {
		exit_pid = de->dwProcessId;
		exit_tid = de->dwThreadId;
		exit_code = de->dwDebugEventCode;
	}
	return TRUE;
}

K32API BOOL WINAPI WaitForDebugEvent(LPDEBUG_EVENT de, DWORD ms)
{
	return wait_event(de, ms);
}

K32API BOOL WINAPI WaitForDebugEventEx(LPDEBUG_EVENT de, DWORD ms)
{
	return wait_event(de, ms);
}

K32API BOOL WINAPI ContinueDebugEvent(DWORD pid, DWORD tid, DWORD status)
{
	CLIENT_ID cid = { (HANDLE)(ULONG_PTR)pid, (HANDLE)(ULONG_PTR)tid };
	NTSTATUS st = DbgUiContinue(&cid, (NTSTATUS)status);

	if (st < 0)
		return k32_fail(st);
	if (exit_code && pid == exit_pid && tid == exit_tid) {
		untrack(pid, tid, exit_code == EXIT_PROCESS_DEBUG_EVENT);
		exit_code = 0;
	}
	return TRUE;
}

static HANDLE open_for_debug(DWORD pid)
{
	OBJECT_ATTRIBUTES oa;
	CLIENT_ID cid = { (HANDLE)(ULONG_PTR)pid, 0 };
	HANDLE h;
	NTSTATUS st;

	InitializeObjectAttributes(&oa, NULL, 0, NULL, NULL);
	st = NtOpenProcess(&h, PROCESS_CREATE_THREAD | PROCESS_VM_READ | PROCESS_VM_WRITE |
			       PROCESS_VM_OPERATION | PROCESS_SUSPEND_RESUME |
			       PROCESS_QUERY_INFORMATION, &oa, &cid);
	if (st < 0) {
		k32_fail(st);
		return NULL;
	}
	return h;
}

K32API BOOL WINAPI DebugActiveProcess(DWORD pid)
{
	NTSTATUS st = DbgUiConnectToDbg();
	HANDLE h;

	if (st < 0)
		return k32_fail(st);
	if (!(h = open_for_debug(pid)))
		return FALSE;
	st = DbgUiDebugActiveProcess(h);
	NtClose(h);
	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI DebugActiveProcessStop(DWORD pid)
{
	HANDLE h = open_for_debug(pid);
	NTSTATUS st;

	if (!h)
		return FALSE;
	st = DbgUiStopDebugging(h);
	NtClose(h);
	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI DebugSetProcessKillOnExit(BOOL kill)
{
	HANDLE obj = DbgUiGetThreadDebugObject();
	ULONG flags = kill ? DEBUG_KILL_ON_CLOSE : 0;
	NTSTATUS st;

	if (!obj)
		return k32_error(ERROR_INVALID_HANDLE);
	st = NtSetInformationDebugObject(obj, DebugObjectKillProcessOnExitInformation, &flags,
					 sizeof(flags), NULL);
	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI CheckRemoteDebuggerPresent(HANDLE process, PBOOL present)
{
	ULONG_PTR port = 0;
	NTSTATUS st;

	if (!process || !present)
		return k32_error(ERROR_INVALID_PARAMETER);
	st = NtQueryInformationProcess(process, ProcessDebugPortClass, &port, sizeof(port), NULL);
	if (st < 0)
		return k32_fail(st);
	*present = port != 0;
	return TRUE;
}

K32API BOOL WINAPI DebugBreakProcess(HANDLE process)
{
	NTSTATUS st = DbgUiIssueRemoteBreakin(process);

	return st < 0 ? k32_fail(st) : TRUE;
}

/* DebugBreak: a breakpoint exception, which a debugger or the program's
 * handlers see and which otherwise ends the process (STATUS_BREAKPOINT). */
K32API void WINAPI DebugBreak(void)
{
	__debugbreak();
}
