/*
 * Performance counters version 2, the consumer's side: a query handle
 * collects counter identifiers and reads their values.  No provider
 * outside this process publishes counters to the sandbox, so every
 * counter set asked for is unknown (ERROR_WMI_GUID_NOT_FOUND in its
 * identifier's status) and a query returns a header alone, stamped with
 * the times of the moment it was made.
 */
#include "adv_private.h"

/* perflib.h of the Windows SDK (mingw-w64's lacks the consumer API). */
typedef struct {
	GUID CounterSetGuid;
	ULONG Status;
	ULONG Size;     /* of this identifier and the instance name after it */
	ULONG CounterId;
	ULONG InstanceId;
	ULONG Index;
	ULONG Reserved;
} PERF_COUNTER_IDENTIFIER;

typedef struct {
	ULONG dwTotalSize;
	ULONG dwNumCounters;
	LONGLONG PerfTimeStamp;
	LONGLONG PerfTime100NSec;
	LONGLONG PerfFreq;
	SYSTEMTIME SystemTime;
} PERF_DATA_HEADER;

#define QUERY_MAGIC 0x79726551 /* "Qery" */

struct perf_query {
	DWORD magic;
};

static struct perf_query *query_of(HANDLE h)
{
	struct perf_query *q = h;

	return q && q->magic == QUERY_MAGIC ? q : NULL;
}

ADVAPI ULONG WINAPI PerfOpenQueryHandle(LPCWSTR machine, HANDLE *out)
{
	struct perf_query *q;

	if (!out)
		return ERROR_INVALID_PARAMETER;
	if (!(q = adv_alloc(sizeof(*q))))
		return ERROR_OUTOFMEMORY;
	q->magic = QUERY_MAGIC;
	*out = q;
	return ERROR_SUCCESS;
}

ADVAPI ULONG WINAPI PerfCloseQueryHandle(HANDLE h)
{
	struct perf_query *q = query_of(h);

	if (!q)
		return ERROR_INVALID_HANDLE;
	q->magic = 0;
	adv_free(q);
	return ERROR_SUCCESS;
}

/* A run of identifiers, each Size bytes (8-aligned); each gets its status. */
static ULONG for_each_identifier(HANDLE h, PERF_COUNTER_IDENTIFIER *ids, DWORD size, ULONG status)
{
	BYTE *at = (BYTE *)ids, *end = at + size;

	if (!query_of(h))
		return ERROR_INVALID_HANDLE;
	if (!ids || size < sizeof(*ids))
		return ERROR_INVALID_PARAMETER;
	while (at < end) {
		PERF_COUNTER_IDENTIFIER *id = (PERF_COUNTER_IDENTIFIER *)at;

		if ((DWORD)(end - at) < sizeof(*id) || id->Size < sizeof(*id) || id->Size > (DWORD)(end - at))
			return ERROR_INVALID_PARAMETER;
		id->Status = status;
		at += (id->Size + 7) & ~7u;
	}
	return ERROR_SUCCESS;
}

ADVAPI ULONG WINAPI PerfAddCounters(HANDLE h, PERF_COUNTER_IDENTIFIER *ids, DWORD size)
{
	return for_each_identifier(h, ids, size, ERROR_WMI_GUID_NOT_FOUND);
}

ADVAPI ULONG WINAPI PerfDeleteCounters(HANDLE h, PERF_COUNTER_IDENTIFIER *ids, DWORD size)
{
	return for_each_identifier(h, ids, size, ERROR_NOT_FOUND);
}

ADVAPI ULONG WINAPI PerfQueryCounterData(HANDLE h, PERF_DATA_HEADER *data, DWORD size, DWORD *needed)
{
	LARGE_INTEGER freq, now;
	FILETIME ft;

	if (!query_of(h))
		return ERROR_INVALID_HANDLE;
	if (!needed)
		return ERROR_INVALID_PARAMETER;
	*needed = sizeof(*data);
	if (!data || size < sizeof(*data))
		return ERROR_NOT_ENOUGH_MEMORY;
	memset(data, 0, sizeof(*data));
	data->dwTotalSize = sizeof(*data);
	QueryPerformanceFrequency(&freq);
	QueryPerformanceCounter(&now);
	data->PerfFreq = freq.QuadPart;
	data->PerfTimeStamp = now.QuadPart;
	GetSystemTimeAsFileTime(&ft);
	data->PerfTime100NSec = (LONGLONG)((ULONGLONG)ft.dwHighDateTime << 32 | ft.dwLowDateTime);
	FileTimeToSystemTime(&ft, &data->SystemTime);
	return ERROR_SUCCESS;
}

/* The counter sets registered on this machine that a consumer can see:
 * none. */
ADVAPI ULONG WINAPI PerfEnumerateCounterSet(LPCWSTR machine, LPGUID sets, DWORD count, DWORD *needed)
{
	if (!needed)
		return ERROR_INVALID_PARAMETER;
	*needed = 0;
	return ERROR_SUCCESS;
}
