/* Performance data helper: queries open and close, but the sandbox
 * publishes no performance object (no processor, memory or process
 * counters of the host): adding a counter fails with
 * PDH_CSTATUS_NO_OBJECT, so a query never holds one, collecting its data
 * gives PDH_NO_DATA, and a counter handle is never valid. */
#define DECLSPEC_IMPORT /* pdh.h declares our exports imported */
#include <windows.h>
#include <pdh.h>
#include <pdhmsg.h>

#define PDH_API __declspec(dllexport)

struct query {
	DWORD magic;
};
#define QUERY_MAGIC 0x59524551u /* "QERY" */

static struct query *query_of(PDH_HQUERY h)
{
	struct query *q = h;

	return q && q->magic == QUERY_MAGIC ? q : NULL;
}

PDH_API PDH_STATUS WINAPI PdhOpenQueryW(LPCWSTR source, DWORD_PTR data, PDH_HQUERY *out)
{
	struct query *q;

	if (!out)
		return PDH_INVALID_ARGUMENT;
	if (source)
		return PDH_FILE_NOT_FOUND; /* no log files either */
	if (!(q = HeapAlloc(GetProcessHeap(), 0, sizeof(*q))))
		return PDH_MEMORY_ALLOCATION_FAILURE;
	q->magic = QUERY_MAGIC;
	*out = q;
	return ERROR_SUCCESS;
}

PDH_API PDH_STATUS WINAPI PdhOpenQueryA(LPCSTR source, DWORD_PTR data, PDH_HQUERY *out)
{
	if (!out)
		return PDH_INVALID_ARGUMENT;
	return source ? PDH_FILE_NOT_FOUND : PdhOpenQueryW(NULL, data, out);
}

PDH_API PDH_STATUS WINAPI PdhCloseQuery(PDH_HQUERY h)
{
	struct query *q = query_of(h);

	if (!q)
		return PDH_INVALID_HANDLE;
	q->magic = 0;
	HeapFree(GetProcessHeap(), 0, q);
	return ERROR_SUCCESS;
}

static PDH_STATUS no_object(PDH_HQUERY h, const void *path, PDH_HCOUNTER *counter)
{
	if (!query_of(h))
		return PDH_INVALID_HANDLE;
	if (!path || !counter)
		return PDH_INVALID_ARGUMENT;
	*counter = NULL;
	return PDH_CSTATUS_NO_OBJECT;
}

PDH_API PDH_STATUS WINAPI PdhAddCounterW(PDH_HQUERY h, LPCWSTR path, DWORD_PTR data, PDH_HCOUNTER *c)
{
	return no_object(h, path, c);
}

PDH_API PDH_STATUS WINAPI PdhAddCounterA(PDH_HQUERY h, LPCSTR path, DWORD_PTR data, PDH_HCOUNTER *c)
{
	return no_object(h, path, c);
}

PDH_API PDH_STATUS WINAPI PdhAddEnglishCounterW(PDH_HQUERY h, LPCWSTR path, DWORD_PTR data,
						PDH_HCOUNTER *c)
{
	return no_object(h, path, c);
}

PDH_API PDH_STATUS WINAPI PdhAddEnglishCounterA(PDH_HQUERY h, LPCSTR path, DWORD_PTR data,
						PDH_HCOUNTER *c)
{
	return no_object(h, path, c);
}

PDH_API PDH_STATUS WINAPI PdhCollectQueryData(PDH_HQUERY h)
{
	return query_of(h) ? PDH_NO_DATA : PDH_INVALID_HANDLE;
}

PDH_API PDH_STATUS WINAPI PdhGetFormattedCounterValue(PDH_HCOUNTER c, DWORD format, LPDWORD type,
						      PPDH_FMT_COUNTERVALUE value)
{
	return PDH_INVALID_HANDLE;
}

PDH_API PDH_STATUS WINAPI PdhRemoveCounter(PDH_HCOUNTER c)
{
	return PDH_INVALID_HANDLE;
}

/* No object to list: an empty multi-string (two NULs). */
static PDH_STATUS no_objects(LPDWORD len, void *buf, DWORD unit)
{
	if (!len)
		return PDH_INVALID_ARGUMENT;
	if (!buf || *len < 2) {
		*len = 2;
		return PDH_MORE_DATA;
	}
	memset(buf, 0, 2 * unit);
	*len = 2;
	return ERROR_SUCCESS;
}

PDH_API PDH_STATUS WINAPI PdhEnumObjectsW(LPCWSTR source, LPCWSTR machine, PZZWSTR list,
					  LPDWORD len, DWORD detail, WINBOOL refresh)
{
	return no_objects(len, list, sizeof(WCHAR));
}

PDH_API PDH_STATUS WINAPI PdhEnumObjectsA(LPCSTR source, LPCSTR machine, PZZSTR list, LPDWORD len,
					  DWORD detail, WINBOOL refresh)
{
	return no_objects(len, list, 1);
}
