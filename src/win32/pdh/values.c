/* A counter's values and description: PdhGetFormattedCounterValue (the
 * formula of its counter type over the last two samples),
 * PdhGetRawCounterValue, PdhSetCounterScaleFactor, PdhGetCounterTimeBase,
 * PdhGetCounterInfo; and PdhGetDllVersion, PdhEnumObjects. */
#include "pdh_private.h"

#define TIME_BASE 10000000 /* 100 ns units: FILETIME's */

/* The counter's value by its type's formula; FALSE when the samples do
 * not give one (a rate with a single sample, a zero base). */
static BOOL compute(const struct pdh_counter *c, double *v)
{
	const PDH_RAW_COUNTER *r = &c->raw, *l = &c->last;
	double d;

	if (r->CStatus != PDH_CSTATUS_VALID_DATA)
		return FALSE;
	switch (c->def->type) {
	case PERF_ELAPSED_TIME:
		*v = (double)(r->SecondValue - r->FirstValue) / TIME_BASE;
		return TRUE;
	case PERF_100NSEC_TIMER_INV:
		if (l->CStatus != PDH_CSTATUS_VALID_DATA || (d = (double)(r->SecondValue - l->SecondValue)) <= 0)
			return FALSE;
		*v = 100.0 * (1.0 - (double)(r->FirstValue - l->FirstValue) / d);
		return TRUE;
	case PERF_RAW_FRACTION:
		if (!r->SecondValue)
			return FALSE;
		*v = 100.0 * (double)r->FirstValue / (double)r->SecondValue;
		return TRUE;
	}
	*v = (double)r->FirstValue;
	return TRUE;
}

static BOOL is_percent(DWORD type)
{
	return type == PERF_100NSEC_TIMER_INV || type == PERF_RAW_FRACTION;
}

PDH_API PDH_STATUS WINAPI PdhGetFormattedCounterValue(PDH_HCOUNTER h, DWORD format, LPDWORD type,
						      PPDH_FMT_COUNTERVALUE value)
{
	struct pdh_counter *c;
	PDH_STATUS st = ERROR_SUCCESS;
	double v = 0;

	if (!value)
		return PDH_INVALID_ARGUMENT;
	pdh_lock();
	if (!(c = pdh_object(h, PDH_KIND_COUNTER)))
		st = PDH_INVALID_HANDLE;
	else if (!(format & (PDH_FMT_LONG | PDH_FMT_DOUBLE | PDH_FMT_LARGE)))
		st = PDH_INVALID_ARGUMENT;
	else if (!compute(c, &v))
		st = PDH_INVALID_DATA;
	if (c && !st) {
		for (LONG i = 0; !(format & PDH_FMT_NOSCALE) && i < c->scale; i++)
			v *= 10.0;
		for (LONG i = 0; !(format & PDH_FMT_NOSCALE) && i > c->scale; i--)
			v /= 10.0;
		if (format & PDH_FMT_1000)
			v *= 1000.0;
		if (is_percent(c->def->type) && !(format & PDH_FMT_NOCAP100))
			v = v < 0 ? 0 : v > 100 ? 100 : v;
		if (type)
			*type = c->def->type;
	}
	pdh_unlock();
	value->CStatus = st ? PDH_CSTATUS_INVALID_DATA : PDH_CSTATUS_VALID_DATA;
	if (st)
		return st;
	if (format & PDH_FMT_LONG)
		value->longValue = (LONG)v;
	else if (format & PDH_FMT_DOUBLE)
		value->doubleValue = v;
	else
		value->largeValue = (LONGLONG)v;
	return ERROR_SUCCESS;
}

PDH_API PDH_STATUS WINAPI PdhGetRawCounterValue(PDH_HCOUNTER h, LPDWORD type, PPDH_RAW_COUNTER value)
{
	struct pdh_counter *c;

	pdh_lock();
	if ((c = pdh_object(h, PDH_KIND_COUNTER)) && value) {
		*value = c->raw;
		if (type)
			*type = c->def->type;
	}
	pdh_unlock();
	return !c ? PDH_INVALID_HANDLE : !value ? PDH_INVALID_ARGUMENT : ERROR_SUCCESS;
}

PDH_API PDH_STATUS WINAPI PdhSetCounterScaleFactor(PDH_HCOUNTER h, LONG factor)
{
	struct pdh_counter *c;
	BOOL valid = factor >= PDH_MIN_SCALE && factor <= PDH_MAX_SCALE;

	pdh_lock();
	if ((c = pdh_object(h, PDH_KIND_COUNTER)) && valid)
		c->scale = factor;
	pdh_unlock();
	return !c ? PDH_INVALID_HANDLE : !valid ? PDH_INVALID_ARGUMENT : ERROR_SUCCESS;
}

PDH_API PDH_STATUS WINAPI PdhGetCounterTimeBase(PDH_HCOUNTER h, LONGLONG *base)
{
	void *c;

	if (!base)
		return PDH_INVALID_ARGUMENT;
	pdh_lock();
	c = pdh_object(h, PDH_KIND_COUNTER);
	pdh_unlock();
	if (!c)
		return PDH_INVALID_HANDLE;
	*base = TIME_BASE;
	return ERROR_SUCCESS;
}

/* The strings of the description point into the counter (they live as
 * long as it does), so the structure alone is the size needed. */
static PDH_STATUS counter_info(PDH_HCOUNTER h, LPDWORD size, void *buffer, BOOL ansi)
{
	PDH_COUNTER_INFO_W *w = buffer;
	struct pdh_counter *c;
	PDH_STATUS st = ERROR_SUCCESS;
	DWORD_PTR query_data = 0;

	if (!size)
		return PDH_INVALID_ARGUMENT;
	pdh_lock();
	if (!(c = pdh_object(h, PDH_KIND_COUNTER)))
		st = PDH_INVALID_HANDLE;
	else if (!buffer || *size < sizeof(*w)) {
		*size = sizeof(*w);
		st = buffer ? PDH_MORE_DATA : PDH_INVALID_ARGUMENT;
	}
	if (!st) {
		const DWORD_PTR *q = pdh_object(c->query, PDH_KIND_QUERY);

		if (q)
			query_data = *q; /* struct query begins with its user data */
		memset(w, 0, sizeof(*w));
		w->dwLength = sizeof(*w);
		w->dwType = c->def->type;
		w->CVersion = PDH_VERSION;
		w->CStatus = c->raw.CStatus;
		w->lScale = c->scale;
		w->dwUserData = c->user_data;
		w->dwQueryUserData = query_data;
		if (ansi) {
			/* parts_a: full path, machine, object, instance, parent, counter */
			char *a = c->parts_a, **fields[] = {
				(char **)&w->szFullPath, (char **)&w->szMachineName,
				(char **)&w->szObjectName, (char **)&w->szInstanceName,
				(char **)&w->szParentInstance, (char **)&w->szCounterName };
			const WCHAR *present[] = { c->path, c->parts.machine, c->parts.object,
						   c->parts.instance, c->parts.parent, c->parts.counter };

			for (int i = 0; i < 6; i++)
				if (present[i]) {
					*fields[i] = a;
					a += strlen(a) + 1;
				}
		} else {
			w->szFullPath = c->path;
			w->szMachineName = c->parts.machine;
			w->szObjectName = c->parts.object;
			w->szInstanceName = c->parts.instance;
			w->szParentInstance = c->parts.parent;
			w->szCounterName = c->parts.counter;
		}
		w->dwInstanceIndex = c->parts.index;
		*size = sizeof(*w);
	}
	pdh_unlock();
	return st;
}

PDH_API PDH_STATUS WINAPI PdhGetCounterInfoW(PDH_HCOUNTER h, BOOLEAN explain, LPDWORD size,
					     PPDH_COUNTER_INFO_W info)
{
	return counter_info(h, size, info, FALSE);
}

PDH_API PDH_STATUS WINAPI PdhGetCounterInfoA(PDH_HCOUNTER h, BOOLEAN explain, LPDWORD size,
					     PPDH_COUNTER_INFO_A info)
{
	return counter_info(h, size, info, TRUE);
}

PDH_API PDH_STATUS WINAPI PdhGetDllVersion(LPDWORD version)
{
	if (!version)
		return PDH_INVALID_ARGUMENT;
	*version = PDH_VERSION;
	return ERROR_SUCCESS;
}

/* The objects pdh collects, a multi-string; *len in characters. */
static PDH_STATUS list_objects(LPDWORD len, void *buf, BOOL ansi)
{
	static const DWORD objects[] = { 4, 238, 2 }; /* Memory, Processor, System */
	WCHAR list[64];
	DWORD n = 0;

	if (!len)
		return PDH_INVALID_ARGUMENT;
	for (size_t i = 0; i < ARRAYSIZE(objects); i++) {
		wcscpy(list + n, pdh_name_of(objects[i]));
		n += (DWORD)wcslen(list + n) + 1;
	}
	list[n++] = 0;
	if (!buf || *len < n) {
		*len = n;
		return PDH_MORE_DATA;
	}
	if (ansi)
		WideCharToMultiByte(CP_ACP, 0, list, (int)n, buf, (int)n, NULL, NULL);
	else
		memcpy(buf, list, n * sizeof(WCHAR));
	*len = n;
	return ERROR_SUCCESS;
}

PDH_API PDH_STATUS WINAPI PdhEnumObjectsW(LPCWSTR source, LPCWSTR machine, PZZWSTR list,
					  LPDWORD len, DWORD detail, WINBOOL refresh)
{
	return list_objects(len, list, FALSE);
}

PDH_API PDH_STATUS WINAPI PdhEnumObjectsA(LPCSTR source, LPCSTR machine, PZZSTR list, LPDWORD len,
					  DWORD detail, WINBOOL refresh)
{
	return list_objects(len, list, TRUE);
}
