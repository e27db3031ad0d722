/*
 * K32GetProcessMemoryInfo and K32GetPerformanceInfo, from the kernel's
 * counters: a process's VM_COUNTERS_EX (ProcessVmCounters: its committed
 * memory stands for the working set, as Task Manager's "commit size"),
 * and the machine as the sandbox shows it (SystemBasicInformation,
 * SystemPerformanceInformation, the process list).
 */
#include "k32_private.h"
#include <psapi.h>

#define ProcessVmCountersInfo 3
#define SystemPerformanceInfo 2
#define SystemProcessInfo 5
#define VM_COUNTERS_EX_SIZE 96
#define PERFORMANCE_SIZE 0x158

/* PROCESS_MEMORY_COUNTERS(_EX) after cb are VM_COUNTERS_EX's fields from
 * PageFaultCount (at 16, then aligned: PeakWorkingSetSize at 24) on. */
K32API BOOL WINAPI K32GetProcessMemoryInfo(HANDLE process, PPROCESS_MEMORY_COUNTERS pmc, DWORD cb)
{
	BYTE vm[VM_COUNTERS_EX_SIZE];
	DWORD size = cb < sizeof(PROCESS_MEMORY_COUNTERS_EX) ? sizeof(PROCESS_MEMORY_COUNTERS)
							      : sizeof(PROCESS_MEMORY_COUNTERS_EX);
	NTSTATUS st = NtQueryInformationProcess(process, ProcessVmCountersInfo, vm, sizeof(vm), NULL);

	if (st < 0)
		return k32_fail(st);
	if (!pmc || cb < sizeof(PROCESS_MEMORY_COUNTERS))
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	memcpy(&pmc->PageFaultCount, vm + 16, sizeof(pmc->PageFaultCount));
	memcpy(&pmc->PeakWorkingSetSize, vm + 24,
	       size - offsetof(PROCESS_MEMORY_COUNTERS, PeakWorkingSetSize));
	pmc->cb = size;
	return TRUE;
}

/* SYSTEM_BASIC_INFORMATION (x64): the machine's page size and page count. */
struct basic_info {
	ULONG Reserved, TimerResolution, PageSize, NumberOfPhysicalPages;
	ULONG LowestPhysicalPageNumber, HighestPhysicalPageNumber, AllocationGranularity;
	ULONG_PTR MinimumUserModeAddress, MaximumUserModeAddress, ActiveProcessorsAffinityMask;
	CCHAR NumberOfProcessors;
};

/* Processes, threads and handles of the process list. */
static NTSTATUS count_processes(PPERFORMANCE_INFORMATION info)
{
	ULONG size = 0x10000;
	BYTE *buf = NULL, *p;
	NTSTATUS st = STATUS_INFO_LENGTH_MISMATCH;

	while (st == STATUS_INFO_LENGTH_MISMATCH) {
		RtlFreeHeap(k32_heap(), 0, buf);
		if (!(buf = RtlAllocateHeap(k32_heap(), 0, size)))
			return STATUS_NO_MEMORY;
		st = NtQuerySystemInformation(SystemProcessInfo, buf, size, &size);
	}
	for (p = buf; st >= 0; p += ((SYSTEM_PROCESS_INFORMATION *)p)->NextEntryOffset) {
		SYSTEM_PROCESS_INFORMATION *spi = (SYSTEM_PROCESS_INFORMATION *)p;

		info->ProcessCount++;
		info->ThreadCount += spi->NumberOfThreads;
		info->HandleCount += spi->HandleCount;
		if (!spi->NextEntryOffset)
			break;
	}
	RtlFreeHeap(k32_heap(), 0, buf);
	return st;
}

K32API BOOL WINAPI K32GetPerformanceInfo(PPERFORMANCE_INFORMATION info, DWORD cb)
{
	struct basic_info bi;
	ULONG perf[PERFORMANCE_SIZE / 4];
	NTSTATUS st;

	if (!info || cb < sizeof(*info))
		return k32_error(ERROR_BAD_LENGTH);
	st = NtQuerySystemInformation(SystemBasicInformation, &bi, sizeof(bi), NULL);
	if (st >= 0)
		st = NtQuerySystemInformation(SystemPerformanceInfo, perf, sizeof(perf), NULL);
	if (st < 0)
		return k32_fail(st);
	memset(info, 0, sizeof(*info));
	info->cb = sizeof(*info);
	info->PageSize = bi.PageSize;
	info->PhysicalTotal = bi.NumberOfPhysicalPages;
	info->PhysicalAvailable = perf[0x2C / 4];
	info->CommitTotal = perf[0x30 / 4];
	info->CommitLimit = perf[0x34 / 4];
	info->CommitPeak = perf[0x38 / 4];
	info->KernelPaged = perf[0x70 / 4];
	info->KernelNonpaged = perf[0x74 / 4];
	info->KernelTotal = info->KernelPaged + info->KernelNonpaged;
	if ((st = count_processes(info)) < 0)
		return k32_fail(st);
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
	/* Windows rounds the load down, in units of a hundredth of the total */
	ms->dwMemoryLoad = ms->ullTotalPhys >= 100 ? (DWORD)((ms->ullTotalPhys - ms->ullAvailPhys) /
							      (ms->ullTotalPhys / 100)) : 0;
	ms->ullTotalPageFile = (DWORDLONG)pi.CommitLimit * pi.PageSize;
	ms->ullAvailPageFile = (DWORDLONG)(pi.CommitLimit - pi.CommitTotal) * pi.PageSize;
	ms->ullTotalVirtual = bi.MaximumUserModeAddress - bi.MinimumUserModeAddress + 1;
	ms->ullAvailVirtual = ms->ullTotalVirtual - (DWORDLONG)pi.CommitTotal * pi.PageSize;
	ms->ullAvailExtendedVirtual = 0;
	RtlSetLastWin32Error(error);
	return TRUE;
}

/* Windows reads the firmware's memory tables; here the memory the system
 * reports stands in (documented: at least the usable physical memory). */
K32API BOOL WINAPI GetPhysicallyInstalledSystemMemory(PULONGLONG kilobytes)
{
	MEMORYSTATUSEX ms = { sizeof(ms) };

	if (!kilobytes)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!GlobalMemoryStatusEx(&ms))
		return FALSE;
	*kilobytes = (ms.ullTotalPhys + 1023) / 1024;
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
