/* Waitable timers: CreateWaitableTimer(Ex), OpenWaitableTimer,
 * SetWaitableTimer(Ex), CancelWaitableTimer.  The completion routine is
 * handed to NtSetTimer, which does not run it yet (no user APCs). */
#include "k32_private.h"

#define STATUS_TIMER_RESUME_IGNORED ((NTSTATUS)0x40000025)

K32API HANDLE WINAPI CreateWaitableTimerExW(LPSECURITY_ATTRIBUTES sa, LPCWSTR name,
					    DWORD flags, DWORD access)
{
	OBJECT_ATTRIBUTES oa;
	UNICODE_STRING nt;
	HANDLE h = NULL;
	NTSTATUS status;

	if (!k32_object_attributes(name, sa, OBJ_OPENIF, &oa, &nt))
		return NULL;
	status = NtCreateTimer(&h, access, &oa,
			       flags & CREATE_WAITABLE_TIMER_MANUAL_RESET ? 0 /* Notification */
									 : 1 /* Synchronization */);
	k32_free(nt.Buffer);
	return k32_created(status, h);
}

K32API HANDLE WINAPI CreateWaitableTimerW(LPSECURITY_ATTRIBUTES sa, BOOL manual, LPCWSTR name)
{
	return CreateWaitableTimerExW(sa, name, manual ? CREATE_WAITABLE_TIMER_MANUAL_RESET : 0,
				      TIMER_ALL_ACCESS);
}

K32API HANDLE WINAPI CreateWaitableTimerExA(LPSECURITY_ATTRIBUTES sa, LPCSTR name,
					    DWORD flags, DWORD access)
{
	return k32_create_object_a(CreateWaitableTimerExW, sa, name, flags, access);
}

K32API HANDLE WINAPI CreateWaitableTimerA(LPSECURITY_ATTRIBUTES sa, BOOL manual, LPCSTR name)
{
	return CreateWaitableTimerExA(sa, name, manual ? CREATE_WAITABLE_TIMER_MANUAL_RESET : 0,
				      TIMER_ALL_ACCESS);
}

K32API HANDLE WINAPI OpenWaitableTimerW(DWORD access, BOOL inherit, LPCWSTR name)
{
	return k32_open_object(NtOpenTimer, access, inherit, name);
}

K32API HANDLE WINAPI OpenWaitableTimerA(DWORD access, BOOL inherit, LPCSTR name)
{
	return k32_open_object_a(NtOpenTimer, access, inherit, name);
}

/* A resume request the system cannot honour still sets the timer: TRUE
 * with ERROR_NOT_SUPPORTED, as documented. */
static BOOL set_timer(HANDLE h, const LARGE_INTEGER *due, LONG period,
		      PTIMERAPCROUTINE routine, LPVOID arg, BOOL resume)
{
	NTSTATUS status = NtSetTimer(h, (PLARGE_INTEGER)due, (PVOID)routine, arg,
				     (BOOLEAN)(resume != 0), period, NULL);

	if (status == STATUS_TIMER_RESUME_IGNORED)
		return k32_error(ERROR_NOT_SUPPORTED), TRUE;
	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI SetWaitableTimer(HANDLE h, const LARGE_INTEGER *due, LONG period,
				    PTIMERAPCROUTINE routine, LPVOID arg, BOOL resume)
{
	return set_timer(h, due, period, routine, arg, resume);
}

/* A wake context asks the timer to wake the system, as resume does;
 * the tolerable delay (coalescing) changes nothing here. */
K32API BOOL WINAPI SetWaitableTimerEx(HANDLE h, const LARGE_INTEGER *due, LONG period,
				      PTIMERAPCROUTINE routine, LPVOID arg,
				      PREASON_CONTEXT wake, ULONG delay)
{
	(void)delay;
	return set_timer(h, due, period, routine, arg, wake != NULL);
}

K32API BOOL WINAPI CancelWaitableTimer(HANDLE h)
{
	NTSTATUS status = NtCancelTimer(h, NULL);

	return status < 0 ? k32_fail(status) : TRUE;
}
