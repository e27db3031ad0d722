/* Counter paths, "\\machine\object(parent/instance#index)\counter" with
 * the machine and instance parts optional: parsing and validating them
 * (PdhValidatePath), making them (PdhMakeCounterPath). */
#include "pdh_private.h"

/* Splits path in place in p->buf; PDH_CSTATUS_BAD_COUNTERNAME when it
 * is not of the form. */
PDH_STATUS pdh_parse_path(const WCHAR *path, struct pdh_path *p)
{
	WCHAR *s = p->buf, *end;

	memset(p, 0, sizeof(*p));
	if (!path || !path[0])
		return PDH_INVALID_ARGUMENT;
	if (wcslen(path) > PDH_MAX_COUNTER_PATH)
		return PDH_CSTATUS_BAD_COUNTERNAME;
	wcscpy(p->buf, path);
	if (s[0] == L'\\' && s[1] == L'\\') {
		p->machine = s + 2;
		if (!(s = wcschr(p->machine, L'\\')))
			return PDH_CSTATUS_BAD_COUNTERNAME;
		*s = 0;
		s++;
	} else if (*s++ != L'\\')
		return PDH_CSTATUS_BAD_COUNTERNAME;
	p->object = s;
	s += wcscspn(s, L"(\\");
	if (*s == L'(') {
		*s++ = 0;
		if (!(end = wcschr(s, L')')))
			return PDH_CSTATUS_BAD_COUNTERNAME;
		*end = 0;
		p->instance = s;
		if ((s = wcschr(p->instance, L'/'))) {
			*s = 0;
			p->parent = p->instance;
			p->instance = s + 1;
		}
		if ((s = wcschr(p->instance, L'#'))) {
			*s = 0;
			p->index = wcstoul(s + 1, NULL, 10);
		}
		s = end + 1;
	}
	if (*s != L'\\' || !s[1] || !p->object[0])
		return PDH_CSTATUS_BAD_COUNTERNAME;
	*s = 0;
	p->counter = s + 1;
	return ERROR_SUCCESS;
}

static BOOL is_local(const WCHAR *machine)
{
	WCHAR name[MAX_COMPUTERNAME_LENGTH + 1];
	DWORD n = ARRAYSIZE(name);

	return !machine || !machine[0] || !_wcsicmp(machine, L".") ||
	       (GetComputerNameW(name, &n) && !_wcsicmp(machine, name));
}

/* The checks in the order Windows reports them: machine, object,
 * counter, instance. */
PDH_STATUS pdh_resolve(const struct pdh_path *p, const struct pdh_counter_def **def)
{
	DWORD object, counter, n;
	WCHAR *instances;
	BOOL found = FALSE;

	if (!is_local(p->machine))
		return PDH_CSTATUS_NO_MACHINE;
	if (!pdh_index_of(p->object, &object) || !pdh_object_known(object))
		return PDH_CSTATUS_NO_OBJECT;
	if (!pdh_index_of(p->counter, &counter) || !(*def = pdh_find_counter(object, counter)))
		return PDH_CSTATUS_NO_COUNTER;
	if (!(*def)->instances)
		return p->instance ? PDH_CSTATUS_NO_INSTANCE : ERROR_SUCCESS;
	if (!p->instance || p->parent || p->index)
		return PDH_CSTATUS_NO_INSTANCE;
	if (!(instances = pdh_instances(object, &n)))
		return PDH_MEMORY_ALLOCATION_FAILURE;
	for (WCHAR *i = instances; *i && !found; i += wcslen(i) + 1)
		found = !_wcsicmp(i, p->instance);
	HeapFree(GetProcessHeap(), 0, instances);
	return found ? ERROR_SUCCESS : PDH_CSTATUS_NO_INSTANCE;
}

PDH_API PDH_STATUS WINAPI PdhValidatePathW(LPCWSTR path)
{
	const struct pdh_counter_def *def;
	struct pdh_path *p;
	PDH_STATUS st;

	if (!path || !path[0])
		return PDH_INVALID_ARGUMENT;
	if (!(p = HeapAlloc(GetProcessHeap(), 0, sizeof(*p))))
		return PDH_MEMORY_ALLOCATION_FAILURE;
	if (!(st = pdh_parse_path(path, p)))
		st = pdh_resolve(p, &def);
	HeapFree(GetProcessHeap(), 0, p);
	return st;
}

PDH_API PDH_STATUS WINAPI PdhValidatePathA(LPCSTR path)
{
	WCHAR *w = pdh_a_to_w(path);
	PDH_STATUS st = path && !w ? PDH_MEMORY_ALLOCATION_FAILURE : PdhValidatePathW(w);

	HeapFree(GetProcessHeap(), 0, w);
	return st;
}

/* A log source is never open here: only the real-time source (NULL). */
PDH_API PDH_STATUS WINAPI PdhValidatePathExW(PDH_HLOG source, LPCWSTR path)
{
	return source ? PDH_INVALID_HANDLE : PdhValidatePathW(path);
}

PDH_API PDH_STATUS WINAPI PdhValidatePathExA(PDH_HLOG source, LPCSTR path)
{
	return source ? PDH_INVALID_HANDLE : PdhValidatePathA(path);
}

/* Appends s to the path being made (counting only when it overflows). */
static void append(WCHAR *out, DWORD room, DWORD *len, const WCHAR *s)
{
	for (; *s; s++, (*len)++)
		if (*len < room)
			out[*len] = *s;
}

PDH_API PDH_STATUS WINAPI PdhMakeCounterPathW(PDH_COUNTER_PATH_ELEMENTS_W *e, LPWSTR buffer,
					      LPDWORD size, DWORD flags)
{
	WCHAR path[PDH_MAX_COUNTER_PATH + 1], num[16];
	DWORD len = 0;

	if (!e || !size || !e->szObjectName || !e->szCounterName || flags)
		return PDH_INVALID_ARGUMENT;
	if (e->szMachineName) {
		append(path, PDH_MAX_COUNTER_PATH, &len, L"\\\\");
		append(path, PDH_MAX_COUNTER_PATH, &len, e->szMachineName);
	}
	append(path, PDH_MAX_COUNTER_PATH, &len, L"\\");
	append(path, PDH_MAX_COUNTER_PATH, &len, e->szObjectName);
	if (e->szInstanceName) {
		append(path, PDH_MAX_COUNTER_PATH, &len, L"(");
		if (e->szParentInstance) {
			append(path, PDH_MAX_COUNTER_PATH, &len, e->szParentInstance);
			append(path, PDH_MAX_COUNTER_PATH, &len, L"/");
		}
		append(path, PDH_MAX_COUNTER_PATH, &len, e->szInstanceName);
		if (e->dwInstanceIndex) {
			num[0] = L'#';
			pdh_decimal(e->dwInstanceIndex, num + 1);
			append(path, PDH_MAX_COUNTER_PATH, &len, num);
		}
		append(path, PDH_MAX_COUNTER_PATH, &len, L")");
	}
	append(path, PDH_MAX_COUNTER_PATH, &len, L"\\");
	append(path, PDH_MAX_COUNTER_PATH, &len, e->szCounterName);
	if (len >= PDH_MAX_COUNTER_PATH)
		return PDH_INVALID_ARGUMENT;
	path[len] = 0;
	if (!buffer || *size <= len) {
		*size = len + 1;
		return PDH_MORE_DATA;
	}
	memcpy(buffer, path, (len + 1) * sizeof(WCHAR));
	*size = len + 1;
	return ERROR_SUCCESS;
}

PDH_API PDH_STATUS WINAPI PdhMakeCounterPathA(PDH_COUNTER_PATH_ELEMENTS_A *e, LPSTR buffer,
					      LPDWORD size, DWORD flags)
{
	PDH_COUNTER_PATH_ELEMENTS_W w = { 0 };
	WCHAR *parts[5] = { NULL }, path[PDH_MAX_COUNTER_PATH + 1];
	const char *a[5];
	DWORD n = ARRAYSIZE(path);
	PDH_STATUS st = ERROR_SUCCESS;

	if (!e || !size)
		return PDH_INVALID_ARGUMENT;
	a[0] = e->szMachineName, a[1] = e->szObjectName, a[2] = e->szInstanceName;
	a[3] = e->szParentInstance, a[4] = e->szCounterName;
	for (int i = 0; i < 5; i++)
		if (a[i] && !(parts[i] = pdh_a_to_w(a[i])))
			st = PDH_MEMORY_ALLOCATION_FAILURE;
	w.szMachineName = parts[0], w.szObjectName = parts[1], w.szInstanceName = parts[2];
	w.szParentInstance = parts[3], w.szCounterName = parts[4];
	w.dwInstanceIndex = e->dwInstanceIndex;
	if (!st)
		st = PdhMakeCounterPathW(&w, path, &n, flags);
	if (!st) {
		int need = WideCharToMultiByte(CP_ACP, 0, path, -1, NULL, 0, NULL, NULL);

		if (!buffer || *size < (DWORD)need)
			st = PDH_MORE_DATA;
		else
			WideCharToMultiByte(CP_ACP, 0, path, -1, buffer, need, NULL, NULL);
		*size = (DWORD)need;
	}
	for (int i = 0; i < 5; i++)
		HeapFree(GetProcessHeap(), 0, parts[i]);
	return st;
}
