/*
 * K32GetProcessMemoryInfo and K32GetPerformanceInfo.  The memory counters
 * are measured from the address space itself (NtQueryVirtualMemory over
 * every region): committed memory stands for the working set, committed
 * private memory for the pagefile usage, as Task Manager's "commit size".
 * The peaks are the largest values this process has seen asked.
 */
#include "k32_private.h"
#include <psapi.h>

static SIZE_T peak_working_set, peak_private;

/* Committed bytes, and those of them that are private. */
static void committed(SIZE_T *all, SIZE_T *priv)
{
	MEMORY_BASIC_INFORMATION mbi;
	BYTE *addr = NULL;

	*all = *priv = 0;
	while (VirtualQuery(addr, &mbi, sizeof(mbi)) == sizeof(mbi)) {
		if (mbi.State == MEM_COMMIT) {
			*all += mbi.RegionSize;
			if (mbi.Type == MEM_PRIVATE)
				*priv += mbi.RegionSize;
		}
		if ((BYTE *)mbi.BaseAddress + mbi.RegionSize <= addr)
			break;
		addr = (BYTE *)mbi.BaseAddress + mbi.RegionSize;
	}
}

K32API BOOL WINAPI K32GetProcessMemoryInfo(HANDLE process, PPROCESS_MEMORY_COUNTERS pmc, DWORD cb)
{
	SIZE_T all, priv;

	if (process != GetCurrentProcess() && GetProcessId(process) != GetCurrentProcessId())
		return k32_error(ERROR_INVALID_HANDLE);
	if (!pmc || cb < sizeof(PROCESS_MEMORY_COUNTERS))
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	committed(&all, &priv);
	if (all > peak_working_set)
		peak_working_set = all;
	if (priv > peak_private)
		peak_private = priv;
	memset(pmc, 0, cb < sizeof(PROCESS_MEMORY_COUNTERS_EX) ? sizeof(PROCESS_MEMORY_COUNTERS)
							       : sizeof(PROCESS_MEMORY_COUNTERS_EX));
	pmc->cb = cb < sizeof(PROCESS_MEMORY_COUNTERS_EX) ? sizeof(PROCESS_MEMORY_COUNTERS)
							  : sizeof(PROCESS_MEMORY_COUNTERS_EX);
	pmc->WorkingSetSize = all;
	pmc->PeakWorkingSetSize = peak_working_set;
	pmc->PagefileUsage = priv;
	pmc->PeakPagefileUsage = peak_private;
	if (pmc->cb == sizeof(PROCESS_MEMORY_COUNTERS_EX))
		((PPROCESS_MEMORY_COUNTERS_EX)pmc)->PrivateUsage = priv;
	return TRUE;
}

/* SYSTEM_BASIC_INFORMATION (x64): the machine's page size and page count. */
struct basic_info {
	ULONG Reserved, TimerResolution, PageSize, NumberOfPhysicalPages;
	ULONG LowestPhysicalPageNumber, HighestPhysicalPageNumber, AllocationGranularity;
	ULONG_PTR MinimumUserModeAddress, MaximumUserModeAddress, ActiveProcessorsAffinityMask;
	CCHAR NumberOfProcessors;
};

/* The machine's memory as the sandbox shows it (its size is the host's,
 * README); what is in use elsewhere is not shown, so what this process
 * has committed is all that is counted as used.  One process. */
K32API BOOL WINAPI K32GetPerformanceInfo(PPERFORMANCE_INFORMATION info, DWORD cb)
{
	struct basic_info bi;
	SIZE_T all, priv;
	NTSTATUS st;

	if (!info || cb < sizeof(*info))
		return k32_error(ERROR_BAD_LENGTH);
	if ((st = NtQuerySystemInformation(SystemBasicInformation, &bi, sizeof(bi), NULL)) < 0)
		return k32_fail(st);
	committed(&all, &priv);
	memset(info, 0, sizeof(*info));
	info->cb = sizeof(*info);
	info->PageSize = bi.PageSize;
	info->PhysicalTotal = bi.NumberOfPhysicalPages;
	info->CommitTotal = all / bi.PageSize;
	info->PhysicalAvailable = info->PhysicalTotal > info->CommitTotal
					  ? info->PhysicalTotal - info->CommitTotal : 0;
	info->CommitLimit = info->PhysicalTotal;
	info->CommitPeak = peak_working_set / bi.PageSize > info->CommitTotal
				   ? peak_working_set / bi.PageSize : info->CommitTotal;
	info->ProcessCount = 1;
	info->ThreadCount = 1;
	return TRUE;
}

/* The same model as K32GetPerformanceInfo: the host's memory, of which
 * what this process committed is in use; the commit limit is the memory
 * (no page file). */
K32API BOOL WINAPI GlobalMemoryStatusEx(LPMEMORYSTATUSEX ms)
{
	PERFORMANCE_INFORMATION pi;
	struct basic_info bi;
	ULONG error = RtlGetLastWin32Error(); /* kept: success leaves it */
	NTSTATUS st;

	if (!ms || ms->dwLength != sizeof(*ms))
		return k32_error(ERROR_INVALID_PARAMETER);
	if ((st = NtQuerySystemInformation(SystemBasicInformation, &bi, sizeof(bi), NULL)) < 0)
		return k32_fail(st);
	if (!K32GetPerformanceInfo(&pi, sizeof(pi)))
		return FALSE;
	ms->ullTotalPhys = (DWORDLONG)pi.PhysicalTotal * pi.PageSize;
	ms->ullAvailPhys = (DWORDLONG)pi.PhysicalAvailable * pi.PageSize;
	ms->dwMemoryLoad = pi.PhysicalTotal ? (DWORD)(100 - pi.PhysicalAvailable * 100 /
							     pi.PhysicalTotal) : 0;
	ms->ullTotalPageFile = (DWORDLONG)pi.CommitLimit * pi.PageSize;
	ms->ullAvailPageFile = (DWORDLONG)(pi.CommitLimit - pi.CommitTotal) * pi.PageSize;
	ms->ullTotalVirtual = bi.MaximumUserModeAddress - bi.MinimumUserModeAddress + 1;
	ms->ullAvailVirtual = ms->ullTotalVirtual - (DWORDLONG)pi.CommitTotal * pi.PageSize;
	ms->ullAvailExtendedVirtual = 0;
	RtlSetLastWin32Error(error);
	return TRUE;
}

K32API VOID WINAPI GlobalMemoryStatus(LPMEMORYSTATUS ms)
{
	MEMORYSTATUSEX ex = { sizeof(ex) };

	if (!ms || !GlobalMemoryStatusEx(&ex))
		return;
	ms->dwLength = sizeof(*ms);
	ms->dwMemoryLoad = ex.dwMemoryLoad;
	ms->dwTotalPhys = ex.ullTotalPhys;
	ms->dwAvailPhys = ex.ullAvailPhys;
	ms->dwTotalPageFile = ex.ullTotalPageFile;
	ms->dwAvailPageFile = ex.ullAvailPageFile;
	ms->dwTotalVirtual = ex.ullTotalVirtual;
	ms->dwAvailVirtual = ex.ullAvailVirtual;
}
