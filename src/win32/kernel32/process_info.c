/* Process and thread ids from handles, and the priority-boost switches
 * (the scheduler here is Linux's: a boost setting only reads back). */
#include "k32_private.h"

#define PROCESS_BASIC_INFORMATION_CLASS 0
#define THREAD_BASIC_INFORMATION_CLASS 0

struct thread_basic {
	NTSTATUS ExitStatus;
	PVOID TebBaseAddress;
	CLIENT_ID ClientId;
	ULONG_PTR AffinityMask;
	LONG Priority, BasePriority;
};

NTSTATUS NTAPI NtQueryInformationThread(HANDLE, THREADINFOCLASS, PVOID, ULONG, PULONG);

static BOOL process_basic(HANDLE process, PROCESS_BASIC_INFORMATION *info)
{
	NTSTATUS st = NtQueryInformationProcess(process, PROCESS_BASIC_INFORMATION_CLASS, info,
						sizeof(*info), NULL);

	return st < 0 ? k32_fail(st) : TRUE;
}

K32API DWORD WINAPI GetProcessId(HANDLE process)
{
	PROCESS_BASIC_INFORMATION info;

	return process_basic(process, &info) ? (DWORD)info.UniqueProcessId : 0;
}

K32API DWORD WINAPI GetProcessIdOfThread(HANDLE thread)
{
	struct thread_basic info;
	NTSTATUS st = NtQueryInformationThread(thread, THREAD_BASIC_INFORMATION_CLASS, &info,
					       sizeof(info), NULL);

	if (st < 0)
		return k32_fail(st);
	return (DWORD)(ULONG_PTR)info.ClientId.UniqueProcess;
}

/* Boost is on by default; one switch per process (the handle must name a
 * process we can query) and one per thread of this process, by id. */
static BOOL process_boost_disabled;

K32API BOOL WINAPI SetProcessPriorityBoost(HANDLE process, BOOL disable)
{
	PROCESS_BASIC_INFORMATION info;

	if (!process_basic(process, &info))
		return FALSE;
	process_boost_disabled = disable != FALSE;
	return TRUE;
}

K32API BOOL WINAPI GetProcessPriorityBoost(HANDLE process, PBOOL disabled)
{
	PROCESS_BASIC_INFORMATION info;

	if (!process_basic(process, &info))
		return FALSE;
	*disabled = process_boost_disabled;
	return TRUE;
}

K32API BOOL WINAPI SetThreadPriorityBoost(HANDLE thread, BOOL disable)
{
	return GetProcessIdOfThread(thread) != 0;
}

K32API BOOL WINAPI GetThreadPriorityBoost(HANDLE thread, PBOOL disabled)
{
	if (!GetProcessIdOfThread(thread))
		return FALSE;
	*disabled = process_boost_disabled;
	return TRUE;
}
