/* Threads: CreateThread, CreateRemoteThread(Ex) for the current process,
 * ExitThread, TerminateThread, GetExitCodeThread, SuspendThread,
 * ResumeThread, GetThreadId, thread priority, affinity, times and
 * description. */
#include "k32_private.h"

NTSTATUS NTAPI NtCreateThreadEx(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, HANDLE, PVOID, PVOID,
				ULONG, SIZE_T, SIZE_T, SIZE_T, PVOID);
NTSTATUS NTAPI NtTerminateThread(HANDLE, NTSTATUS);
NTSTATUS NTAPI NtResumeThread(HANDLE, PULONG);
NTSTATUS NTAPI NtSuspendThread(HANDLE, PULONG);
NTSTATUS NTAPI NtQueueApcThread(HANDLE, PVOID, PVOID, PVOID, PVOID);
NTSTATUS NTAPI NtQueryInformationThread(HANDLE, THREADINFOCLASS, PVOID, ULONG, PULONG);
NTSTATUS NTAPI NtSetInformationThread(HANDLE, THREADINFOCLASS, PVOID, ULONG);

#define ThreadTimes_ 1
#define ThreadPriority_ 2
#define ThreadAffinityMask_ 4
#define ThreadQuerySetWin32StartAddress_ 9
#define ThreadIdealProcessor_ 13
#define ThreadGroupInformation_ 30
#define ThreadNameInformation_ 38
__attribute__((noreturn)) void NTAPI RtlExitUserThread(NTSTATUS);

struct thread_basic_info {
	NTSTATUS ExitStatus;
	PVOID TebBaseAddress;
	CLIENT_ID ClientId;
	ULONG_PTR AffinityMask;
	LONG Priority, BasePriority;
};

static BOOL basic_info(HANDLE h, struct thread_basic_info *info)
{
	NTSTATUS st = NtQueryInformationThread(h, (THREADINFOCLASS)0, info, sizeof(*info), NULL);

	return st < 0 ? k32_fail(st) : TRUE;
}

K32API HANDLE WINAPI CreateRemoteThreadEx(HANDLE process, LPSECURITY_ATTRIBUTES sa,
					  SIZE_T stack, LPTHREAD_START_ROUTINE start, LPVOID arg,
					  DWORD flags, LPPROC_THREAD_ATTRIBUTE_LIST attrs,
					  LPDWORD tid)
{
	LPTHREAD_START_ROUTINE routine = start;
	struct thread_basic_info info;
	OBJECT_ATTRIBUTES oa;
	BOOL thunk = FALSE;
	HANDLE h = NULL;
	NTSTATUS st;

	if (process == GetCurrentProcess() && start)
		thunk = k32_thread_start_in_actctx(&routine, &arg);
	InitializeObjectAttributes(&oa, NULL, sa && sa->bInheritHandle ? OBJ_INHERIT : 0, NULL,
				   sa ? sa->lpSecurityDescriptor : NULL);
	/* STACK_SIZE_PARAM_IS_A_RESERVATION: the size is the reserve, else
	 * the commit (the reserve is then the image's) */
	/* through the thunk, created suspended: its start address is set back
	 * to the routine's before it runs */
	st = NtCreateThreadEx(&h, THREAD_ALL_ACCESS, &oa, process, (PVOID)routine, arg,
			      flags & CREATE_SUSPENDED || thunk ? 1 : 0, 0,
			      flags & STACK_SIZE_PARAM_IS_A_RESERVATION ? 0 : stack,
			      flags & STACK_SIZE_PARAM_IS_A_RESERVATION ? stack : 0, NULL);
	if (st < 0) {
		if (thunk)
			k32_thread_start_cancel(arg);
		k32_fail(st);
		return NULL;
	}
	if (thunk) {
		NtSetInformationThread(h, ThreadQuerySetWin32StartAddress_, &start, sizeof(start));
		if (!(flags & CREATE_SUSPENDED))
			NtResumeThread(h, NULL);
	}
	if (tid) {
		if (!basic_info(h, &info)) {
			NtClose(h);
			return NULL;
		}
		*tid = (DWORD)(ULONG_PTR)info.ClientId.UniqueThread;
	}
	return h;
}

K32API HANDLE WINAPI CreateRemoteThread(HANDLE process, LPSECURITY_ATTRIBUTES sa, SIZE_T stack,
					LPTHREAD_START_ROUTINE start, LPVOID arg, DWORD flags,
					LPDWORD tid)
{
	return CreateRemoteThreadEx(process, sa, stack, start, arg, flags, NULL, tid);
}

K32API HANDLE WINAPI CreateThread(LPSECURITY_ATTRIBUTES sa, SIZE_T stack,
				  LPTHREAD_START_ROUTINE start, LPVOID arg, DWORD flags,
				  LPDWORD tid)
{
	return CreateRemoteThreadEx(GetCurrentProcess(), sa, stack, start, arg, flags, NULL, tid);
}

K32API __attribute__((noreturn)) void WINAPI ExitThread(DWORD code)
{
	RtlExitUserThread((NTSTATUS)code);
}

K32API BOOL WINAPI TerminateThread(HANDLE h, DWORD code)
{
	NTSTATUS st;

	if (!h)
		return k32_error(ERROR_INVALID_HANDLE);
	st = NtTerminateThread(h, (NTSTATUS)code);
	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI GetExitCodeThread(HANDLE h, LPDWORD code)
{
	struct thread_basic_info info;

	if (!basic_info(h, &info))
		return FALSE;
	*code = (DWORD)info.ExitStatus;
	return TRUE;
}

K32API DWORD WINAPI ResumeThread(HANDLE h)
{
	ULONG before = 0;
	NTSTATUS st = NtResumeThread(h, &before);

	if (st < 0) {
		k32_fail(st);
		return (DWORD)-1;
	}
	return before;
}

K32API DWORD WINAPI SuspendThread(HANDLE h)
{
	ULONG before = 0;
	NTSTATUS st = NtSuspendThread(h, &before);

	if (st < 0) {
		k32_fail(st);
		return (DWORD)-1;
	}
	return before;
}

K32API DWORD WINAPI GetThreadId(HANDLE h)
{
	struct thread_basic_info info;

	return basic_info(h, &info) ? (DWORD)(ULONG_PTR)info.ClientId.UniqueThread : 0;
}

K32API BOOL WINAPI SetThreadPriority(HANDLE h, int priority)
{
	LONG p = priority;
	NTSTATUS st;

	/* THREAD_PRIORITY_TIME_CRITICAL and _IDLE stand for the extremes */
	if (priority == THREAD_PRIORITY_TIME_CRITICAL || priority == THREAD_PRIORITY_IDLE)
		p = priority > 0 ? 15 : -15;
	else if (priority < THREAD_PRIORITY_LOWEST || priority > THREAD_PRIORITY_HIGHEST)
		return k32_error(ERROR_INVALID_PARAMETER);
	st = NtSetInformationThread(h, (THREADINFOCLASS)ThreadPriority_, &p, sizeof(p));
	return st < 0 ? k32_fail(st) : TRUE;
}

K32API int WINAPI GetThreadPriority(HANDLE h)
{
	struct thread_basic_info info;
	LONG p;

	if (!basic_info(h, &info))
		return THREAD_PRIORITY_ERROR_RETURN;
	p = info.Priority - info.BasePriority;
	if (p >= 15)
		return THREAD_PRIORITY_TIME_CRITICAL;
	if (p <= -15)
		return THREAD_PRIORITY_IDLE;
	return p;
}

K32API DWORD_PTR WINAPI SetThreadAffinityMask(HANDLE h, DWORD_PTR mask)
{
	struct thread_basic_info info;
	NTSTATUS st;

	if (!basic_info(h, &info))
		return 0;
	st = NtSetInformationThread(h, (THREADINFOCLASS)ThreadAffinityMask_, &mask, sizeof(mask));
	if (st < 0) {
		k32_fail(st);
		return 0;
	}
	return info.AffinityMask;
}

/* One processor group (0): the thread's affinity within it. */
K32API BOOL WINAPI GetThreadGroupAffinity(HANDLE h, GROUP_AFFINITY *aff)
{
	NTSTATUS st;

	if (!aff)
		return k32_error(ERROR_INVALID_PARAMETER);
	st = NtQueryInformationThread(h, (THREADINFOCLASS)ThreadGroupInformation_, aff,
				      sizeof(*aff), NULL);
	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI SetThreadGroupAffinity(HANDLE h, const GROUP_AFFINITY *aff,
					  GROUP_AFFINITY *prev)
{
	GROUP_AFFINITY before;
	NTSTATUS st;

	if (prev && !GetThreadGroupAffinity(h, &before))
		return FALSE;
	st = NtSetInformationThread(h, (THREADINFOCLASS)ThreadGroupInformation_, (PVOID)aff,
				    sizeof(*aff));
	if (st < 0)
		return k32_fail(st);
	if (prev)
		*prev = before;
	return TRUE;
}

/* The ideal processor before, or (DWORD)-1; MAXIMUM_PROCESSORS only asks. */
K32API DWORD WINAPI SetThreadIdealProcessor(HANDLE h, DWORD cpu)
{
	NTSTATUS st = NtSetInformationThread(h, (THREADINFOCLASS)ThreadIdealProcessor_, &cpu,
					     sizeof(cpu));

	return st < 0 ? (k32_fail(st), ~0u) : (DWORD)st;
}

K32API BOOL WINAPI SetThreadIdealProcessorEx(HANDLE h, PPROCESSOR_NUMBER ideal,
					     PPROCESSOR_NUMBER prev)
{
	DWORD before;

	if (!ideal || ideal->Group)
		return k32_error(ERROR_INVALID_PARAMETER);
	if ((before = SetThreadIdealProcessor(h, ideal->Number)) == ~0u)
		return FALSE;
	if (prev)
		*prev = (PROCESSOR_NUMBER){ 0, (BYTE)before, 0 };
	return TRUE;
}

K32API BOOL WINAPI GetThreadTimes(HANDLE h, LPFILETIME created, LPFILETIME exited,
				  LPFILETIME kernel, LPFILETIME user)
{
	LARGE_INTEGER t[4];
	NTSTATUS st = NtQueryInformationThread(h, (THREADINFOCLASS)ThreadTimes_, t, sizeof(t), NULL);

	if (st < 0)
		return k32_fail(st);
	k32_times_out(t, created, exited, kernel, user);
	return TRUE;
}

K32API HRESULT WINAPI SetThreadDescription(HANDLE h, PCWSTR description)
{
	UNICODE_STRING us;
	NTSTATUS st;

	/* NULL clears the name; success is HRESULT_FROM_NT(STATUS_SUCCESS),
	 * 0x10000000, as Windows answers (not S_OK) */
	RtlInitUnicodeString(&us, description);
	st = NtSetInformationThread(h, (THREADINFOCLASS)ThreadNameInformation_, &us, sizeof(us));
	return HRESULT_FROM_NT(st);
}

K32API HRESULT WINAPI GetThreadDescription(HANDLE h, PWSTR *description)
{
	ULONG need = 0;
	UNICODE_STRING *us;
	NTSTATUS st;

	*description = NULL;
	st = NtQueryInformationThread(h, (THREADINFOCLASS)ThreadNameInformation_, NULL, 0, &need);
	if (st != STATUS_BUFFER_TOO_SMALL)
		return HRESULT_FROM_NT(st < 0 ? st : STATUS_UNSUCCESSFUL);
	us = RtlAllocateHeap(k32_heap(), 0, need);
	if (!us)
		return E_OUTOFMEMORY;
	st = NtQueryInformationThread(h, (THREADINFOCLASS)ThreadNameInformation_, us, need, &need);
	if (st < 0) {
		RtlFreeHeap(k32_heap(), 0, us);
		return HRESULT_FROM_NT(st);
	}
	/* the caller frees it with LocalFree: one block, the text at its start */
	*description = (PWSTR)LocalAlloc(LMEM_FIXED, us->Length + sizeof(WCHAR));
	if (*description) {
		memcpy(*description, us->Buffer, us->Length);
		(*description)[us->Length / 2] = 0;
	}
	RtlFreeHeap(k32_heap(), 0, us);
	return *description ? HRESULT_FROM_NT(STATUS_SUCCESS) : E_OUTOFMEMORY;
}

K32API BOOL WINAPI GetThreadContext(HANDLE h, LPCONTEXT ctx)
{
	NTSTATUS st = NtGetContextThread(h, ctx);

	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI SetThreadContext(HANDLE h, const CONTEXT *ctx)
{
	NTSTATUS st = NtSetContextThread(h, (PCONTEXT)ctx);

	return st < 0 ? k32_fail(st) : TRUE;
}

/* The APC routine is called as routine(data): NtQueueApcThread's first
 * argument is the one a PAPCFUNC takes. */
K32API DWORD WINAPI QueueUserAPC(PAPCFUNC routine, HANDLE h, ULONG_PTR data)
{
	NTSTATUS st = NtQueueApcThread(h, (PVOID)routine, (PVOID)data, NULL, NULL);

	return st < 0 ? k32_fail(st) : 1;
}
