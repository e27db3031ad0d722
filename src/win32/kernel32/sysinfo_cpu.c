/*
 * Processor topology as programs ask for it beyond GetSystemInfo: the CPU
 * sets (one per processor, from NtQuerySystemInformationEx), the NUMA node
 * of a processor (one node, 0, holds them all), the processor group (one,
 * with every processor: the active and maximum counts are the same),
 * the processors' times (GetSystemTimes).
 */
#include "k32_private.h"

#define SystemCpuSetInformationClass 175

NTSTATUS NTAPI NtQuerySystemInformationEx(ULONG, void *, ULONG, void *, ULONG, ULONG *);

K32API BOOL WINAPI GetSystemCpuSetInformation(void *info, ULONG length, PULONG returned,
					      HANDLE process, ULONG flags)
{
	ULONG len = 0; /* what it says on a failure: nothing returned */
	NTSTATUS st;

	if (flags)
		return k32_error(ERROR_INVALID_PARAMETER);
	st = NtQuerySystemInformationEx(SystemCpuSetInformationClass, &process, sizeof(process),
					info, length, &len);
	*returned = len;
	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI GetNumaProcessorNode(UCHAR processor, PUCHAR node)
{
	if (processor >= lsw_peb()->NumberOfProcessors) {
		*node = 0xFF;
		return k32_error(ERROR_INVALID_PARAMETER);
	}
	*node = 0;
	return TRUE;
}

/* One NUMA node (0) and one processor group (0) hold every processor. */
K32API BOOL WINAPI GetNumaHighestNodeNumber(PULONG highest)
{
	if (!highest)
		return k32_error(ERROR_INVALID_PARAMETER);
	*highest = 0;
	return TRUE;
}

K32API BOOL WINAPI GetNumaNodeProcessorMask(UCHAR node, PULONGLONG mask)
{
	ULONG n = lsw_peb()->NumberOfProcessors;

	if (!mask || node != 0)
		return k32_error(ERROR_INVALID_PARAMETER);
	*mask = n >= 64 ? ~0ull : (1ull << n) - 1;
	return TRUE;
}

K32API WORD WINAPI GetActiveProcessorGroupCount(void)
{
	return 1;
}

K32API WORD WINAPI GetMaximumProcessorGroupCount(void)
{
	return 1;
}

/* The processors of group 0 (all of them), or of every group. */
static DWORD processors_in(WORD group)
{
	if (group != 0 && group != ALL_PROCESSOR_GROUPS)
		return k32_error(ERROR_INVALID_PARAMETER);	/* 0 */
	return lsw_peb()->NumberOfProcessors;
}

K32API DWORD WINAPI GetActiveProcessorCount(WORD group)
{
	return processors_in(group);
}

K32API DWORD WINAPI GetMaximumProcessorCount(WORD group)
{
	return processors_in(group);
}

/* The groups the process's threads run in: group 0; a short array gets
 * ERROR_INSUFFICIENT_BUFFER and the count needed. */
K32API BOOL WINAPI GetProcessGroupAffinity(HANDLE process, PUSHORT count, PUSHORT groups)
{
	(void)process;
	if (!count)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (*count < 1 || !groups) {
		*count = 1;
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	}
	groups[0] = 0;
	*count = 1;
	return TRUE;
}

/* The whole machine's idle, kernel (idle included, as documented) and
 * user times: the sum over processors of
 * SystemProcessorPerformanceInformation (48 bytes each). */
K32API BOOL WINAPI GetSystemTimes(PFILETIME idle, PFILETIME kernel, PFILETIME user)
{
	struct { LARGE_INTEGER idle, kernel, user, dpc, interrupt; ULONG count, pad; } cpu[64];
	ULONGLONG sum[3] = { 0, 0, 0 };
	ULONG len = 0;
	NTSTATUS st = NtQuerySystemInformation(SystemProcessorPerformanceInformation, cpu,
					       sizeof(cpu), &len);
	FILETIME *out[3] = { idle, kernel, user };

	if (st < 0)
		return k32_fail(st);
	for (ULONG i = 0; i < len / sizeof(cpu[0]); i++) {
		sum[0] += (ULONGLONG)cpu[i].idle.QuadPart;
		sum[1] += (ULONGLONG)cpu[i].kernel.QuadPart;
		sum[2] += (ULONGLONG)cpu[i].user.QuadPart;
	}
	for (int i = 0; i < 3; i++)
		if (out[i]) {
			out[i]->dwLowDateTime = (DWORD)sum[i];
			out[i]->dwHighDateTime = (DWORD)(sum[i] >> 32);
		}
	return TRUE;
}
