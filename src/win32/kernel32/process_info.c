/* Process and thread ids from handles, a process's times, and the
 * priority-boost switches (the scheduler here is Linux's: a boost
 * setting only reads back). */
#include "k32_private.h"

#define PROCESS_BASIC_INFORMATION_CLASS 0
#define PROCESS_TIMES_CLASS 4
#define THREAD_BASIC_INFORMATION_CLASS 0

struct thread_basic {
	NTSTATUS ExitStatus;
	PVOID TebBaseAddress;
	CLIENT_ID ClientId;
	ULONG_PTR AffinityMask;
	LONG Priority, BasePriority;
};

NTSTATUS NTAPI NtQueryInformationThread(HANDLE, THREADINFOCLASS, PVOID, ULONG, PULONG);
NTSTATUS NTAPI NtSetInformationThread(HANDLE, THREADINFOCLASS, PVOID, ULONG);
BOOLEAN NTAPI RtlQueryUnbiasedInterruptTime(PULONGLONG);

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

/* ProcessTimes: creation, exit (0 while it runs), kernel and user time;
 * an ended process answers with what it used. */
K32API BOOL WINAPI GetProcessTimes(HANDLE process, LPFILETIME created, LPFILETIME exited,
				   LPFILETIME kernel, LPFILETIME user)
{
	LARGE_INTEGER t[4];
	NTSTATUS st = NtQueryInformationProcess(process, PROCESS_TIMES_CLASS, t, sizeof(t), NULL);

	if (st < 0)
		return k32_fail(st);
	k32_times_out(t, created, exited, kernel, user);
	return TRUE;
}

/* ProcessIoCounters (2): the IO_COUNTERS the supervisor keeps. */
K32API BOOL WINAPI GetProcessIoCounters(HANDLE process, PIO_COUNTERS counters)
{
	NTSTATUS st = NtQueryInformationProcess(process, 2, counters, sizeof(*counters), NULL);

	return st < 0 ? k32_fail(st) : TRUE;
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
 * process we can query); a thread's is its ThreadPriorityBoost. */
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

#define ThreadPriorityBoost_ 14

K32API BOOL WINAPI SetThreadPriorityBoost(HANDLE thread, BOOL disable)
{
	ULONG v = disable != FALSE;
	NTSTATUS st = NtSetInformationThread(thread, (THREADINFOCLASS)ThreadPriorityBoost_, &v,
					     sizeof(v));

	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI GetThreadPriorityBoost(HANDLE thread, PBOOL disabled)
{
	ULONG v = 0;
	NTSTATUS st = NtQueryInformationThread(thread, (THREADINFOCLASS)ThreadPriorityBoost_, &v,
					       sizeof(v), NULL);

	if (st < 0)
		return k32_fail(st);
	*disabled = v != 0;
	return TRUE;
}

/* A 64-bit process on 64-bit Windows: never WOW64. */
K32API BOOL WINAPI IsWow64Process(HANDLE process, PBOOL wow64)
{
	PROCESS_BASIC_INFORMATION info;

	if (!process_basic(process, &info))
		return FALSE;
	*wow64 = FALSE;
	return TRUE;
}

K32API BOOL WINAPI IsWow64Process2(HANDLE process, USHORT *machine, USHORT *native)
{
	PROCESS_BASIC_INFORMATION info;

	if (!process_basic(process, &info))
		return FALSE;
	*machine = IMAGE_FILE_MACHINE_UNKNOWN;
	if (native)
		*native = IMAGE_FILE_MACHINE_AMD64;
	return TRUE;
}

/* The class is the process's (ProcessPriorityClass), read back as set;
 * Linux schedules the process as it likes.  The *_PRIORITY_CLASS values
 * in the order of the PROCESS_PRIOCLASS_* numbers 1..6. */
static const DWORD priority_classes[] = { IDLE_PRIORITY_CLASS, NORMAL_PRIORITY_CLASS,
	HIGH_PRIORITY_CLASS, REALTIME_PRIORITY_CLASS, BELOW_NORMAL_PRIORITY_CLASS,
	ABOVE_NORMAL_PRIORITY_CLASS };

#define ProcessPriorityClassInfo 18

K32API DWORD WINAPI GetPriorityClass(HANDLE process)
{
	UCHAR pc[2]; /* PROCESS_PRIORITY_CLASS: Foreground, PriorityClass */
	NTSTATUS st = NtQueryInformationProcess(process, ProcessPriorityClassInfo, pc, sizeof(pc),
						NULL);

	if (st < 0)
		return k32_fail(st);
	return pc[1] >= 1 && pc[1] <= 6 ? priority_classes[pc[1] - 1] : NORMAL_PRIORITY_CLASS;
}

K32API BOOL WINAPI SetPriorityClass(HANDLE process, DWORD cls)
{
	PROCESS_BASIC_INFORMATION info;
	UCHAR pc[2] = { 0, 0 };
	NTSTATUS st;

	if (cls == PROCESS_MODE_BACKGROUND_BEGIN || cls == PROCESS_MODE_BACKGROUND_END)
		return process_basic(process, &info);
	for (UCHAR i = 0; i < 6; i++)
		if (cls == priority_classes[i])
			pc[1] = i + 1;
	if (!pc[1])
		return k32_error(ERROR_INVALID_PARAMETER);
	st = NtSetInformationProcess(process, ProcessPriorityClassInfo, pc, sizeof(pc));
	return st < 0 ? k32_fail(st) : TRUE;
}

NTSTATUS NTAPI NtOpenThread(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, CLIENT_ID *);

/* A thread of this process by its id (NtOpenThread); an id that names no
 * thread is ERROR_INVALID_PARAMETER (STATUS_INVALID_CID). */
K32API HANDLE WINAPI OpenThread(DWORD access, BOOL inherit, DWORD tid)
{
	OBJECT_ATTRIBUTES oa = { .Length = sizeof(oa), .Attributes = inherit ? OBJ_INHERIT : 0 };
	CLIENT_ID cid = { NULL, (HANDLE)(ULONG_PTR)tid };
	HANDLE h = NULL;
	NTSTATUS st = NtOpenThread(&h, access, &oa, &cid);

	if (st < 0) {
		k32_fail(st);
		return NULL;
	}
	return h;
}

K32API BOOL WINAPI QueryUnbiasedInterruptTime(PULONGLONG time)
{
	return RtlQueryUnbiasedInterruptTime(time) != FALSE;
}

/* The whole reservation of the calling thread's stack: from
 * TEB.DeallocationStack (the lowest page, guard pages included) to
 * TEB.StackBase. */
K32API void WINAPI GetCurrentThreadStackLimits(PULONG_PTR low, PULONG_PTR high)
{
	ULONG_PTR dealloc = __readgsqword(0x1478), limit = __readgsqword(0x10);

	*low = dealloc ? dealloc : limit;
	*high = __readgsqword(0x08);
}

/* The session a process runs in (ProcessSessionInformation). */
K32API BOOL WINAPI ProcessIdToSessionId(DWORD pid, DWORD *session)
{
	HANDLE h;
	ULONG id;
	NTSTATUS st;

	if (!session)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (pid == GetCurrentProcessId())
		h = GetCurrentProcess();
	else if (!(h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid)))
		return FALSE;
	st = NtQueryInformationProcess(h, ProcessSessionInformation, &id, sizeof(id), NULL);
	if (h != GetCurrentProcess())
		CloseHandle(h);
	if (st < 0)
		return k32_fail(st);
	*session = id;
	return TRUE;
}
