/* Critical section and one-time-init entry points that are not plain
 * forwards (their return types differ from the Rtl functions'). */
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
 * returns nonzero for success. */
K32API BOOL WINAPI InitOnceExecuteOnce(PINIT_ONCE once, PINIT_ONCE_FN fn, PVOID param,
				       LPVOID *context)
{
	NTSTATUS status = RtlRunOnceExecuteOnce(once, (PRTL_RUN_ONCE_INIT_FN)fn, param, context);

	return status < 0 ? k32_fail(status) : TRUE;
}
