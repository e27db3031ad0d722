/* Critical section, one-time-init, condition variable and WaitOnAddress
 * entry points that are not plain forwards (their return types differ
 * from the Rtl functions'). */
#include "k32_private.h"

K32API BOOL WINAPI InitializeCriticalSectionAndSpinCount(LPCRITICAL_SECTION cs, DWORD spin)
{
	return RtlInitializeCriticalSectionAndSpinCount(cs, spin) >= 0;
}

K32API BOOL WINAPI InitializeCriticalSectionEx(LPCRITICAL_SECTION cs, DWORD spin, DWORD flags)
{
	NTSTATUS status = RtlInitializeCriticalSectionEx(cs, spin, flags);

	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI TryEnterCriticalSection(LPCRITICAL_SECTION cs)
{
	return RtlTryEnterCriticalSection(cs) ? TRUE : FALSE;
}

/* The callback has the same shape as RTL_RUN_ONCE_INIT_FN and also
 * returns nonzero for success.  A failed callback leaves the last error
 * as the callback left it (Windows sets none). */
K32API BOOL WINAPI InitOnceExecuteOnce(PINIT_ONCE once, PINIT_ONCE_FN fn, PVOID param,
				       LPVOID *context)
{
	return RtlRunOnceExecuteOnce(once, (PRTL_RUN_ONCE_INIT_FN)fn, param, context) >= 0;
}

/* STATUS_TIMEOUT is a success code for NT; these BOOL APIs fail with
 * ERROR_TIMEOUT. */
static BOOL sync_result(NTSTATUS status)
{
	if (status == STATUS_TIMEOUT)
		return k32_error(ERROR_TIMEOUT);
	return status < 0 ? k32_fail(status) : TRUE;
}

/* STATUS_PENDING: the caller initialises; STATUS_SUCCESS: done. */
K32API BOOL WINAPI InitOnceBeginInitialize(LPINIT_ONCE once, DWORD flags, PBOOL pending,
					   LPVOID *context)
{
	NTSTATUS status = RtlRunOnceBeginInitialize(once, flags, context);

	if (status == STATUS_PENDING || status == STATUS_SUCCESS) {
		*pending = status == STATUS_PENDING;
		return TRUE;
	}
	return k32_fail(status); /* *pending untouched, as on Windows */
}

K32API BOOL WINAPI InitOnceComplete(LPINIT_ONCE once, DWORD flags, LPVOID context)
{
	NTSTATUS status = RtlRunOnceComplete(once, flags, context);

	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI SleepConditionVariableCS(PCONDITION_VARIABLE cv, PCRITICAL_SECTION cs,
					    DWORD ms)
{
	LARGE_INTEGER t;

	return sync_result(RtlSleepConditionVariableCS(cv, cs, k32_timeout(ms, &t)));
}

K32API BOOL WINAPI SleepConditionVariableSRW(PCONDITION_VARIABLE cv, PSRWLOCK lock, DWORD ms,
					     ULONG flags)
{
	LARGE_INTEGER t;

	return sync_result(RtlSleepConditionVariableSRW(cv, lock, k32_timeout(ms, &t), flags));
}

K32API BOOL WINAPI WaitOnAddress(volatile VOID *addr, PVOID cmp, SIZE_T size, DWORD ms)
{
	LARGE_INTEGER t;

	return sync_result(RtlWaitOnAddress(addr, cmp, size, k32_timeout(ms, &t)));
}
