/* The counters pdh collects, and how each is sampled: the processors'
 * busy time (the supervisor's SystemProcessorPerformanceInformation,
 * from the host), the time since boot, the processes and threads of the
 * prefix (toolhelp), the memory figures of GlobalMemoryStatusEx.  Raw
 * values keep the meaning their counter type documents, except the
 * processor time, whose SecondValue is the processors' total time (idle
 * included) rather than a clock, so that the busy share is exact. */
#include "pdh_private.h"
#include <tlhelp32.h>
#include <winternl.h>

#define PROCESSOR_INFO 8 /* SystemProcessorPerformanceInformation */

struct cpu_times {
	LARGE_INTEGER idle, kernel, user, dpc, interrupt;
	ULONG interrupts;
};

static void stamp(PDH_RAW_COUNTER *raw)
{
	GetSystemTimeAsFileTime(&raw->TimeStamp);
	raw->CStatus = PDH_CSTATUS_VALID_DATA;
	raw->MultiCount = 1;
}

static DWORD cpu_count(void)
{
	SYSTEM_INFO si;

	GetSystemInfo(&si);
	return si.dwNumberOfProcessors;
}

/* "_Total" or a processor's number. */
static BOOL processor_time(const WCHAR *instance, PDH_RAW_COUNTER *raw)
{
	DWORD n = cpu_count(), which;
	struct cpu_times *t = HeapAlloc(GetProcessHeap(), 0, n * sizeof(*t));
	LONGLONG idle = 0, total = 0;
	WCHAR *end;
	ULONG got;

	if (!t)
		return FALSE;
	if (NtQuerySystemInformation(PROCESSOR_INFO, t, n * sizeof(*t), &got)) {
		HeapFree(GetProcessHeap(), 0, t);
		return FALSE;
	}
	which = wcstoul(instance, &end, 10);
	for (DWORD i = 0; i < got / sizeof(*t); i++)
		if (!_wcsicmp(instance, L"_Total") || (!*end && end != instance && which == i)) {
			idle += t[i].idle.QuadPart;
			total += t[i].kernel.QuadPart + t[i].user.QuadPart; /* kernel includes idle */
		}
	HeapFree(GetProcessHeap(), 0, t);
	stamp(raw);
	raw->FirstValue = idle;
	raw->SecondValue = total;
	return TRUE;
}

static BOOL up_time(const WCHAR *instance, PDH_RAW_COUNTER *raw)
{
	ULARGE_INTEGER now;

	stamp(raw);
	now.LowPart = raw->TimeStamp.dwLowDateTime;
	now.HighPart = raw->TimeStamp.dwHighDateTime;
	raw->SecondValue = (LONGLONG)now.QuadPart;
	raw->FirstValue = raw->SecondValue - (LONGLONG)GetTickCount64() * 10000;
	return TRUE;
}

/* Processes, or with `threads` their threads, of the prefix. */
static BOOL count_processes(PDH_RAW_COUNTER *raw, BOOL threads)
{
	PROCESSENTRY32W pe = { sizeof(pe) };
	HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
	LONGLONG n = 0;

	if (snap == INVALID_HANDLE_VALUE)
		return FALSE;
	for (BOOL ok = Process32FirstW(snap, &pe); ok; ok = Process32NextW(snap, &pe))
		n += threads ? pe.cntThreads : 1;
	CloseHandle(snap);
	stamp(raw);
	raw->FirstValue = n;
	return TRUE;
}

static BOOL processes(const WCHAR *instance, PDH_RAW_COUNTER *raw)
{
	return count_processes(raw, FALSE);
}

static BOOL threads(const WCHAR *instance, PDH_RAW_COUNTER *raw)
{
	return count_processes(raw, TRUE);
}

/* A memory figure: the available bytes shifted right by `shift`, or the
 * commit charge (with its limit as the base). */
static BOOL memory(PDH_RAW_COUNTER *raw, int shift, BOOL committed)
{
	MEMORYSTATUSEX m = { sizeof(m) };

	if (!GlobalMemoryStatusEx(&m))
		return FALSE;
	stamp(raw);
	if (committed) {
		raw->FirstValue = (LONGLONG)(m.ullTotalPageFile - m.ullAvailPageFile);
		raw->SecondValue = (LONGLONG)m.ullTotalPageFile;
	} else
		raw->FirstValue = (LONGLONG)(m.ullAvailPhys >> shift);
	return TRUE;
}

static BOOL available_bytes(const WCHAR *i, PDH_RAW_COUNTER *raw) { return memory(raw, 0, FALSE); }
static BOOL available_kbytes(const WCHAR *i, PDH_RAW_COUNTER *raw) { return memory(raw, 10, FALSE); }
static BOOL available_mbytes(const WCHAR *i, PDH_RAW_COUNTER *raw) { return memory(raw, 20, FALSE); }
static BOOL committed(const WCHAR *i, PDH_RAW_COUNTER *raw) { return memory(raw, 0, TRUE); }

static BOOL committed_bytes(const WCHAR *i, PDH_RAW_COUNTER *raw)
{
	BOOL ok = memory(raw, 0, TRUE);

	raw->SecondValue = 0;
	return ok;
}

/* Objects: System 2, Memory 4, Processor 238.  Counters by the indexes
 * of lsw/perf_names.h. */
static const struct pdh_counter_def defs[] = {
	{ 238, 6, PERF_100NSEC_TIMER_INV, TRUE, processor_time },
	{ 2, 674, PERF_ELAPSED_TIME, FALSE, up_time },
	{ 2, 248, PERF_COUNTER_RAWCOUNT, FALSE, processes },
	{ 2, 250, PERF_COUNTER_RAWCOUNT, FALSE, threads },
	{ 4, 24, PERF_COUNTER_LARGE_RAWCOUNT, FALSE, available_bytes },
	{ 4, 1380, PERF_COUNTER_LARGE_RAWCOUNT, FALSE, available_kbytes },
	{ 4, 1382, PERF_COUNTER_LARGE_RAWCOUNT, FALSE, available_mbytes },
	{ 4, 26, PERF_COUNTER_LARGE_RAWCOUNT, FALSE, committed_bytes },
	{ 4, 1406, PERF_RAW_FRACTION, FALSE, committed },
};

const struct pdh_counter_def *pdh_find_counter(DWORD object, DWORD counter)
{
	for (size_t i = 0; i < ARRAYSIZE(defs); i++)
		if (defs[i].object == object && defs[i].counter == counter)
			return &defs[i];
	return NULL;
}

BOOL pdh_object_known(DWORD object)
{
	for (size_t i = 0; i < ARRAYSIZE(defs); i++)
		if (defs[i].object == object)
			return TRUE;
	return FALSE;
}

WCHAR *pdh_instances(DWORD object, DWORD *chars)
{
	DWORD n = object == 238 ? cpu_count() : 0, len = 0;
	WCHAR *list = HeapAlloc(GetProcessHeap(), 0, (n * 12 + 16) * sizeof(WCHAR));

	if (!list)
		return NULL;
	for (DWORD i = 0; i < n; i++)
		len += pdh_decimal(i, list + len) + 1;
	if (n) {
		wcscpy(list + len, L"_Total");
		len += 7;
	}
	list[len++] = 0;
	*chars = len;
	return list;
}
