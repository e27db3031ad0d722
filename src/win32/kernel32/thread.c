/* Threads: CreateThread, CreateRemoteThread(Ex) for the current process,
 * ExitThread, TerminateThread, GetExitCodeThread, SuspendThread,
 * ResumeThread, GetThreadId. */
#include "k32_private.h"

NTSTATUS NTAPI NtCreateThreadEx(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, HANDLE, PVOID, PVOID,
				ULONG, SIZE_T, SIZE_T, SIZE_T, PVOID);
NTSTATUS NTAPI NtTerminateThread(HANDLE, NTSTATUS);
NTSTATUS NTAPI NtResumeThread(HANDLE, PULONG);
NTSTATUS NTAPI NtSuspendThread(HANDLE, PULONG);
NTSTATUS NTAPI NtQueryInformationThread(HANDLE, THREADINFOCLASS, PVOID, ULONG, PULONG);
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
	struct thread_basic_info info;
	OBJECT_ATTRIBUTES oa;
	HANDLE h = NULL;
	NTSTATUS st;

	InitializeObjectAttributes(&oa, NULL, sa && sa->bInheritHandle ? OBJ_INHERIT : 0, NULL,
				   sa ? sa->lpSecurityDescriptor : NULL);
	/* STACK_SIZE_PARAM_IS_A_RESERVATION: the size is the reserve, else
	 * the commit; the supervisor commits the whole stack either way */
	st = NtCreateThreadEx(&h, THREAD_ALL_ACCESS, &oa, process, (PVOID)start, arg,
			      flags & CREATE_SUSPENDED ? 1 : 0, 0,
			      flags & STACK_SIZE_PARAM_IS_A_RESERVATION ? 0 : stack,
			      flags & STACK_SIZE_PARAM_IS_A_RESERVATION ? stack : 0, NULL);
	if (st < 0) {
		k32_fail(st);
		return NULL;
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
