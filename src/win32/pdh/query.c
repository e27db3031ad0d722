/* Queries: PdhOpenQuery, PdhAddCounter (English names are the only ones
 * here), PdhRemoveCounter, PdhCollectQueryData (each counter keeps this
 * sample and the one before, which rates need), PdhCollectQueryDataEx
 * (a thread collects every interval and signals the caller's event),
 * PdhCollectQueryDataWithTime, PdhCloseQuery.  Only real-time data: a
 * log file as the source is PDH_FILE_NOT_FOUND. */
#include "pdh_private.h"

struct query {
	DWORD_PTR user_data;
	HANDLE thread, stop, data_event; /* PdhCollectQueryDataEx's collector */
	DWORD interval_ms;
};

PDH_API PDH_STATUS WINAPI PdhOpenQueryW(LPCWSTR source, DWORD_PTR data, PDH_HQUERY *out)
{
	struct query *q;

	if (!out)
		return PDH_INVALID_ARGUMENT;
	if (source)
		return PDH_FILE_NOT_FOUND;
	if (!(q = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*q))))
		return PDH_MEMORY_ALLOCATION_FAILURE;
	q->user_data = data;
	if (!(*out = pdh_handle_new(PDH_KIND_QUERY, q))) {
		HeapFree(GetProcessHeap(), 0, q);
		return PDH_MEMORY_ALLOCATION_FAILURE;
	}
	return ERROR_SUCCESS;
}

PDH_API PDH_STATUS WINAPI PdhOpenQueryA(LPCSTR source, DWORD_PTR data, PDH_HQUERY *out)
{
	if (!out)
		return PDH_INVALID_ARGUMENT;
	return source ? PDH_FILE_NOT_FOUND : PdhOpenQueryW(NULL, data, out);
}

/* Stops PdhCollectQueryDataEx's thread, if any (not under the lock: the
 * thread takes it to collect). */
static void stop_collector(PDH_HQUERY h)
{
	HANDLE thread = NULL, stop = NULL;
	struct query *q;

	pdh_lock();
	if ((q = pdh_object(h, PDH_KIND_QUERY))) {
		thread = q->thread, stop = q->stop;
		q->thread = q->stop = NULL;
	}
	pdh_unlock();
	if (thread) {
		SetEvent(stop);
		WaitForSingleObject(thread, INFINITE);
		CloseHandle(thread);
		CloseHandle(stop);
	}
}

/* Frees a counter (under the lock). */
static void free_counter(struct pdh_counter *c)
{
	pdh_handle_free(c->self);
	HeapFree(GetProcessHeap(), 0, c);
}

PDH_API PDH_STATUS WINAPI PdhCloseQuery(PDH_HQUERY h)
{
	struct pdh_counter *c;
	struct query *q;
	DWORD cursor = 0;

	stop_collector(h);
	pdh_lock();
	if (!(q = pdh_object(h, PDH_KIND_QUERY))) {
		pdh_unlock();
		return PDH_INVALID_HANDLE;
	}
	while ((c = pdh_next_counter(h, &cursor)))
		free_counter(c);
	pdh_handle_free(h);
	pdh_unlock();
	HeapFree(GetProcessHeap(), 0, q);
	return ERROR_SUCCESS;
}

/* The A strings of the path's parts, for PdhGetCounterInfoA. */
static void keep_parts_a(struct pdh_counter *c)
{
	const WCHAR *parts[] = { c->path, c->parts.machine, c->parts.object, c->parts.instance,
				 c->parts.parent, c->parts.counter };
	char *at = c->parts_a, *end = c->parts_a + sizeof(c->parts_a);

	for (size_t i = 0; i < ARRAYSIZE(parts); i++) {
		int n = parts[i] ? WideCharToMultiByte(CP_ACP, 0, parts[i], -1, at, (int)(end - at),
						       NULL, NULL) : 0;

		at += n > 0 ? n : 0;
	}
}

static PDH_STATUS add_counter(PDH_HQUERY h, const WCHAR *path, DWORD_PTR data, PDH_HCOUNTER *out)
{
	const struct pdh_counter_def *def;
	struct pdh_counter *c;
	PDH_STATUS st;

	if (!out)
		return PDH_INVALID_ARGUMENT;
	*out = NULL;
	pdh_lock();
	st = pdh_object(h, PDH_KIND_QUERY) ? ERROR_SUCCESS : PDH_INVALID_HANDLE;
	pdh_unlock();
	if (st)
		return st;
	if (!path)
		return PDH_INVALID_ARGUMENT;
	if (!(c = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*c))))
		return PDH_MEMORY_ALLOCATION_FAILURE;
	if ((st = pdh_parse_path(path, &c->parts)) || (st = pdh_resolve(&c->parts, &def))) {
		HeapFree(GetProcessHeap(), 0, c);
		return st;
	}
	c->def = def;
	wcscpy(c->path, path);
	if (c->parts.instance)
		wcsncpy(c->instance, c->parts.instance, ARRAYSIZE(c->instance) - 1);
	c->user_data = data;
	c->query = h;
	keep_parts_a(c);
	/* a first sample, so that a value can be read before any collection */
	if (!def->sample(c->instance, &c->raw))
		c->raw.CStatus = PDH_CSTATUS_INVALID_DATA;
	c->last.CStatus = PDH_CSTATUS_INVALID_DATA;
	if (!(c->self = *out = pdh_handle_new(PDH_KIND_COUNTER, c))) {
		HeapFree(GetProcessHeap(), 0, c);
		return PDH_MEMORY_ALLOCATION_FAILURE;
	}
	return ERROR_SUCCESS;
}

static PDH_STATUS add_counter_a(PDH_HQUERY h, const char *path, DWORD_PTR data, PDH_HCOUNTER *out)
{
	WCHAR *w = pdh_a_to_w(path);
	PDH_STATUS st = path && !w ? PDH_MEMORY_ALLOCATION_FAILURE : add_counter(h, w, data, out);

	HeapFree(GetProcessHeap(), 0, w);
	return st;
}

PDH_API PDH_STATUS WINAPI PdhAddCounterW(PDH_HQUERY h, LPCWSTR path, DWORD_PTR data, PDH_HCOUNTER *c)
{
	return add_counter(h, path, data, c);
}

PDH_API PDH_STATUS WINAPI PdhAddCounterA(PDH_HQUERY h, LPCSTR path, DWORD_PTR data, PDH_HCOUNTER *c)
{
	return add_counter_a(h, path, data, c);
}

PDH_API PDH_STATUS WINAPI PdhAddEnglishCounterW(PDH_HQUERY h, LPCWSTR path, DWORD_PTR data,
						PDH_HCOUNTER *c)
{
	return add_counter(h, path, data, c);
}

PDH_API PDH_STATUS WINAPI PdhAddEnglishCounterA(PDH_HQUERY h, LPCSTR path, DWORD_PTR data,
						PDH_HCOUNTER *c)
{
	return add_counter_a(h, path, data, c);
}

PDH_API PDH_STATUS WINAPI PdhRemoveCounter(PDH_HCOUNTER h)
{
	struct pdh_counter *c;

	pdh_lock();
	if ((c = pdh_object(h, PDH_KIND_COUNTER)))
		free_counter(c);
	pdh_unlock();
	return c ? ERROR_SUCCESS : PDH_INVALID_HANDLE;
}

/* Samples every counter of the query; *time the first one's time. */
static PDH_STATUS collect(PDH_HQUERY h, LONGLONG *time)
{
	struct pdh_counter *c;
	DWORD cursor = 0, n = 0;
	PDH_STATUS st = ERROR_SUCCESS;

	pdh_lock();
	if (!pdh_object(h, PDH_KIND_QUERY))
		st = PDH_INVALID_HANDLE;
	else
		while ((c = pdh_next_counter(h, &cursor))) {
			/* A rate is over two collections: the sample the add took
			 * (read before any collection) does not count as one. */
			c->last = c->raw;
			if (!c->collected)
				c->last.CStatus = PDH_CSTATUS_INVALID_DATA;
			c->collected = TRUE;
			if (!c->def->sample(c->instance, &c->raw))
				c->raw.CStatus = PDH_CSTATUS_INVALID_DATA;
			if (!n++ && time)
				*time = (LONGLONG)c->raw.TimeStamp.dwHighDateTime << 32 |
					c->raw.TimeStamp.dwLowDateTime;
		}
	pdh_unlock();
	return st ? st : n ? ERROR_SUCCESS : PDH_NO_DATA;
}

PDH_API PDH_STATUS WINAPI PdhCollectQueryData(PDH_HQUERY h)
{
	return collect(h, NULL);
}

PDH_API PDH_STATUS WINAPI PdhCollectQueryDataWithTime(PDH_HQUERY h, LONGLONG *time)
{
	if (!time)
		return PDH_INVALID_ARGUMENT;
	return collect(h, time);
}

static DWORD WINAPI collector(void *arg)
{
	PDH_HQUERY h = arg;
	struct query *q;
	HANDLE stop, event;
	DWORD interval;

	pdh_lock();
	q = pdh_object(h, PDH_KIND_QUERY);
	stop = q->stop, event = q->data_event, interval = q->interval_ms;
	pdh_unlock();
	while (WaitForSingleObject(stop, interval) == WAIT_TIMEOUT) {
		collect(h, NULL);
		SetEvent(event);
	}
	return 0;
}

/* Collects now, then every `seconds` on a thread of its own that signals
 * `event` after each sample, until the query closes or this is called
 * again. */
PDH_API PDH_STATUS WINAPI PdhCollectQueryDataEx(PDH_HQUERY h, DWORD seconds, HANDLE event)
{
	struct query *q;
	PDH_STATUS st;

	stop_collector(h);
	if ((st = collect(h, NULL)) && st != PDH_NO_DATA)
		return st;
	if (!event)
		return ERROR_SUCCESS;
	pdh_lock();
	if ((q = pdh_object(h, PDH_KIND_QUERY))) {
		q->data_event = event;
		q->interval_ms = seconds ? seconds * 1000 : 1000;
		q->stop = CreateEventW(NULL, TRUE, FALSE, NULL);
		q->thread = q->stop ? CreateThread(NULL, 0, collector, h, 0, NULL) : NULL;
		if (!q->thread && q->stop) {
			CloseHandle(q->stop);
			q->stop = NULL;
		}
	}
	st = !q ? PDH_INVALID_HANDLE : q->thread ? ERROR_SUCCESS : PDH_MEMORY_ALLOCATION_FAILURE;
	pdh_unlock();
	return st;
}
