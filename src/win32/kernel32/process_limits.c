/*
 * A process's working-set limits and handle count, from
 * NtQueryInformationProcess(ProcessQuotaLimits / ProcessHandleCount) as
 * kernel32 asks them on Windows.
 */
#include "k32_private.h"

#define PROCESS_QUOTA_LIMITS_CLASS 1
#define PROCESS_HANDLE_COUNT_CLASS 20
/* the limits are soft unless the caller asks otherwise: Windows'
 * default flags */
#define DEFAULT_WS_FLAGS (QUOTA_LIMITS_HARDWS_MIN_DISABLE | QUOTA_LIMITS_HARDWS_MAX_DISABLE)

K32API BOOL WINAPI GetProcessWorkingSetSizeEx(HANDLE process, PSIZE_T min, PSIZE_T max,
					      PDWORD flags)
{
	QUOTA_LIMITS q;
	NTSTATUS status;

	status = NtQueryInformationProcess(process, PROCESS_QUOTA_LIMITS_CLASS, &q, sizeof(q),
					   NULL);
	if (status < 0)
		return k32_fail(status);
	*min = q.MinimumWorkingSetSize;
	*max = q.MaximumWorkingSetSize;
	if (flags)
		*flags = DEFAULT_WS_FLAGS;
	return TRUE;
}

K32API BOOL WINAPI GetProcessWorkingSetSize(HANDLE process, PSIZE_T min, PSIZE_T max)
{
	return GetProcessWorkingSetSizeEx(process, min, max, NULL);
}

/* Both sizes (SIZE_T)-1 ask to trim the working set; otherwise the
 * limits must be ordered.  Documented errors: ERROR_INVALID_PARAMETER for
 * one -1 without the other or contradictory hard-limit flags. */
K32API BOOL WINAPI SetProcessWorkingSetSizeEx(HANDLE process, SIZE_T min, SIZE_T max,
					      DWORD flags)
{
	QUOTA_LIMITS_EX q = { 0 };
	NTSTATUS status;

	if ((min == (SIZE_T)-1) != (max == (SIZE_T)-1) ||
	    (flags & QUOTA_LIMITS_HARDWS_MIN_ENABLE && flags & QUOTA_LIMITS_HARDWS_MIN_DISABLE) ||
	    (flags & QUOTA_LIMITS_HARDWS_MAX_ENABLE && flags & QUOTA_LIMITS_HARDWS_MAX_DISABLE) ||
	    flags & ~0xFu)
		return k32_error(ERROR_INVALID_PARAMETER);
	q.MinimumWorkingSetSize = min;
	q.MaximumWorkingSetSize = max;
	q.Flags = flags;
	status = NtSetInformationProcess(process, PROCESS_QUOTA_LIMITS_CLASS, &q, sizeof(q));
	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI SetProcessWorkingSetSize(HANDLE process, SIZE_T min, SIZE_T max)
{
	return SetProcessWorkingSetSizeEx(process, min, max, 0);
}

K32API BOOL WINAPI GetProcessHandleCount(HANDLE process, PDWORD count)
{
	ULONG n;
	NTSTATUS status;

	status = NtQueryInformationProcess(process, PROCESS_HANDLE_COUNT_CLASS, &n, sizeof(n),
					   NULL);
	if (status < 0)
		return k32_fail(status);
	*count = n;
	return TRUE;
}
