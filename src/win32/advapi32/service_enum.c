/*
 * Listing services and translating names: EnumServicesStatus(Ex) and
 * GetServiceDisplayName/GetServiceKeyName (A/W).  A list that does not
 * fit returns what fits, ERROR_MORE_DATA, the bytes the rest needs and,
 * when asked, a resume handle to go on from.  A group no service
 * belongs to: ERROR_SERVICE_DOES_NOT_EXIST.
 * The A calls need the W calls' sizes, as on Windows.
 */
#include "service_private.h"

/* One service of the list. */
struct listed {
	WCHAR name[SVC_NAME_MAX + 1];
	WCHAR *display;
	SERVICE_STATUS_PROCESS status;
};

static BOOL matches(const struct svc_config *c, const SERVICE_STATUS_PROCESS *st, DWORD type,
		    DWORD state, const WCHAR *group)
{
	BOOL active = st->dwCurrentState != SERVICE_STOPPED;

	if (!(c->type & type & ~(DWORD)SERVICE_INTERACTIVE_PROCESS))
		return FALSE;
	if ((active && !(state & SERVICE_ACTIVE)) || (!active && !(state & SERVICE_INACTIVE)))
		return FALSE;
	return !group || !_wcsicmp(c->group, group);
}

static void free_list(struct listed *l, DWORD n)
{
	for (DWORD i = 0; i < n; i++)
		adv_free(l[i].display);
	adv_free(l);
}

/* Every service that matches, in the database's order. */
static LSTATUS collect(DWORD type, DWORD state, const WCHAR *group, struct listed **out, DWORD *n)
{
	WCHAR name[SVC_NAME_MAX + 1];
	struct listed *l = NULL;
	DWORD cap = 0;

	*n = 0;
	for (DWORD i = 0; !svc_enum(i, name); i++) {
		struct svc_config c;
		SERVICE_STATUS_PROCESS st;
		HKEY key;

		if (svc_open(name, KEY_READ, &key))
			continue;
		if (svc_read_config(key, &c)) {
			RegCloseKey(key);
			continue;
		}
		RegCloseKey(key);
		svc_status(name, &c, &st);
		if (matches(&c, &st, type, state, group)) {
			if (*n == cap) {
				struct listed *bigger = adv_alloc((cap = cap * 2 + 16) * sizeof(*l));

				if (!bigger) {
					svc_config_free(&c);
					free_list(l, *n);
					return ERROR_NOT_ENOUGH_MEMORY;
				}
				if (l)
					memcpy(bigger, l, *n * sizeof(*l));
				adv_free(l);
				l = bigger;
			}
			wcscpy(l[*n].name, name);
			l[*n].display = c.display;
			l[*n].status = st;
			c.display = NULL;
			(*n)++;
		}
		svc_config_free(&c);
	}
	*out = l;
	return ERROR_SUCCESS;
}

static DWORD entry_bytes(const struct listed *s, DWORD fixed)
{
	return fixed + (DWORD)(wcslen(s->name) + wcslen(s->display) + 2) * sizeof(WCHAR);
}

/* Fills buffer with services from *resume on: entries first (the layout
 * of ENUM_SERVICE_STATUS or, `ex`, ENUM_SERVICE_STATUS_PROCESS), their
 * names after them. */
static LSTATUS fill(const struct listed *l, DWORD n, BOOL ex, BYTE *buffer, DWORD size,
		    DWORD *needed, DWORD *returned, DWORD *resume, BOOL ansi)
{
	DWORD fixed = ex ? sizeof(ENUM_SERVICE_STATUS_PROCESSW) : sizeof(ENUM_SERVICE_STATUSW);
	/* the resume handle is the next index plus one: never 0 while more
	 * remains (0 starts over) */
	DWORD first = resume && *resume ? *resume - 1 : 0, count = 0, used = 0, rest = 0;
	BYTE *at;

	for (DWORD i = first; i < n; i++) {
		DWORD b = entry_bytes(&l[i], fixed);

		if (rest || used + b > size)
			rest += b;
		else
			used += b, count++;
	}
	at = buffer + count * fixed;
	for (DWORD i = 0; i < count; i++) {
		const struct listed *s = &l[first + i];
		ENUM_SERVICE_STATUS_PROCESSW *e = (ENUM_SERVICE_STATUS_PROCESSW *)(buffer + i * fixed);

		e->lpServiceName = (WCHAR *)at;
		at += svc_put(at, s->name, (DWORD)wcslen(s->name) + 1, FALSE);
		e->lpDisplayName = (WCHAR *)at;
		at += svc_put(at, s->display, (DWORD)wcslen(s->display) + 1, FALSE);
		memcpy(&e->ServiceStatusProcess, &s->status,
		       ex ? sizeof(SERVICE_STATUS_PROCESS) : sizeof(SERVICE_STATUS));
		if (ansi) {
			svc_string_to_a(e->lpServiceName, FALSE);
			svc_string_to_a(e->lpDisplayName, FALSE);
		}
	}
	*returned = count;
	*needed = rest;
	if (resume)
		*resume = rest ? first + count + 1 : 0;
	return rest ? ERROR_MORE_DATA : ERROR_SUCCESS;
}

static BOOL group_exists(const WCHAR *group)
{
	struct listed *l;
	DWORD n = 0;

	if (collect(SERVICE_TYPE_ALL, SERVICE_STATE_ALL, group, &l, &n))
		return TRUE;
	free_list(l, n);
	return n != 0;
}

static BOOL enum_services(SC_HANDLE manager, BOOL ex, DWORD type, DWORD state, BYTE *buffer,
			  DWORD size, DWORD *needed, DWORD *returned, DWORD *resume,
			  const WCHAR *group, BOOL ansi)
{
	struct sc_object m;
	struct listed *l;
	DWORD n;
	LSTATUS err;

	if (!sc_get(manager, SC_KIND_MANAGER, 0, &m))
		return FALSE;
	if (!needed || !returned) {
		SetLastError(ERROR_INVALID_ADDRESS);
		return FALSE;
	}
	*needed = *returned = 0;
	if (!type || (type & ~(DWORD)SERVICE_TYPE_ALL) || !state || (state & ~(DWORD)SERVICE_STATE_ALL))
		err = ERROR_INVALID_PARAMETER;
	else if (!(m.access & SC_MANAGER_ENUMERATE_SERVICE))
		err = ERROR_ACCESS_DENIED;
	else if (!buffer && size)
		err = ERROR_INVALID_ADDRESS;
	else if (!(err = collect(type, state, group, &l, &n))) {
		err = fill(l, n, ex, buffer, size, needed, returned, resume, ansi);
		free_list(l, n);
		if (!n && group && group[0] && !group_exists(group))
			err = ERROR_SERVICE_DOES_NOT_EXIST;
	}
	SetLastError(err);
	return !err;
}

ADVAPI BOOL WINAPI EnumServicesStatusW(SC_HANDLE manager, DWORD type, DWORD state,
				       LPENUM_SERVICE_STATUSW buffer, DWORD size, LPDWORD needed,
				       LPDWORD returned, LPDWORD resume)
{
	return enum_services(manager, FALSE, type, state, (BYTE *)buffer, size, needed, returned,
			     resume, NULL, FALSE);
}

ADVAPI BOOL WINAPI EnumServicesStatusA(SC_HANDLE manager, DWORD type, DWORD state,
				       LPENUM_SERVICE_STATUSA buffer, DWORD size, LPDWORD needed,
				       LPDWORD returned, LPDWORD resume)
{
	return enum_services(manager, FALSE, type, state, (BYTE *)buffer, size, needed, returned,
			     resume, NULL, TRUE);
}

ADVAPI BOOL WINAPI EnumServicesStatusExW(SC_HANDLE manager, SC_ENUM_TYPE level, DWORD type,
					 DWORD state, LPBYTE buffer, DWORD size, LPDWORD needed,
					 LPDWORD returned, LPDWORD resume, LPCWSTR group)
{
	if (level != SC_ENUM_PROCESS_INFO) {
		SetLastError(ERROR_INVALID_LEVEL);
		return FALSE;
	}
	return enum_services(manager, TRUE, type, state, buffer, size, needed, returned, resume,
			     group, FALSE);
}

ADVAPI BOOL WINAPI EnumServicesStatusExA(SC_HANDLE manager, SC_ENUM_TYPE level, DWORD type,
					 DWORD state, LPBYTE buffer, DWORD size, LPDWORD needed,
					 LPDWORD returned, LPDWORD resume, LPCSTR group)
{
	WCHAR *wgroup;
	BOOL ok;

	if (level != SC_ENUM_PROCESS_INFO) {
		SetLastError(ERROR_INVALID_LEVEL);
		return FALSE;
	}
	if (adv_a_to_w(group, &wgroup)) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return FALSE;
	}
	ok = enum_services(manager, TRUE, type, state, buffer, size, needed, returned, resume,
			   wgroup, TRUE);
	adv_free(wgroup);
	return ok;
}

/* The other name of a service: its display name (by_display FALSE) or
 * its key name found by display name.  *size counts characters; an A
 * caller learns the W size in bytes when its buffer is short and keeps
 * its *size otherwise, as Windows has it. */
static BOOL other_name(SC_HANDLE manager, const WCHAR *name, BOOL by_display, void *buffer,
		       DWORD *size, BOOL ansi)
{
	WCHAR key_name[SVC_NAME_MAX + 1];
	struct sc_object m;
	struct svc_config c;
	const WCHAR *answer;
	DWORD len, unit = ansi ? 1 : sizeof(WCHAR);
	HKEY key;
	LSTATUS err;

	if (!sc_get(manager, SC_KIND_MANAGER, 0, &m))
		return FALSE;
	if (!name || !size) {
		if (size && ansi && !buffer)
			*size = 1;
		SetLastError(ERROR_INVALID_ADDRESS);
		return FALSE;
	}
	err = by_display ? svc_find_display(name, key_name) : ERROR_SUCCESS;
	if (!err)
		err = svc_open(by_display ? key_name : name, KEY_READ, &key);
	if (err) {
		/* room for an empty string: it is written; else *size says so */
		if (buffer && *size >= (ansi ? 1 : 2))
			memset(buffer, 0, unit);
		else
			*size = ansi ? 1 : 2;
		SetLastError(ERROR_SERVICE_DOES_NOT_EXIST);
		return FALSE;
	}
	err = svc_read_config(key, &c);
	RegCloseKey(key);
	if (err) {
		SetLastError(err);
		return FALSE;
	}
	answer = by_display ? key_name : c.display[0] ? c.display : name;
	len = (DWORD)wcslen(answer);
	if (!buffer || *size <= len) {
		if (buffer && *size && !ansi)
			*(WCHAR *)buffer = 0;
		*size = ansi ? len * 2 : len;
		err = ERROR_INSUFFICIENT_BUFFER;
	} else {
		svc_put(buffer, answer, len + 1, ansi);
		if (!ansi)
			*size = len;
	}
	svc_config_free(&c);
	SetLastError(err);
	return !err;
}

static BOOL other_name_a(SC_HANDLE manager, LPCSTR name, BOOL by_display, LPSTR buffer,
			 LPDWORD size)
{
	WCHAR *w;
	BOOL ok;

	if (adv_a_to_w(name, &w)) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return FALSE;
	}
	ok = other_name(manager, w, by_display, buffer, size, TRUE);
	adv_free(w);
	return ok;
}

ADVAPI BOOL WINAPI GetServiceDisplayNameW(SC_HANDLE manager, LPCWSTR name, LPWSTR display,
					  LPDWORD size)
{
	return other_name(manager, name, FALSE, display, size, FALSE);
}

ADVAPI BOOL WINAPI GetServiceDisplayNameA(SC_HANDLE manager, LPCSTR name, LPSTR display,
					  LPDWORD size)
{
	return other_name_a(manager, name, FALSE, display, size);
}

ADVAPI BOOL WINAPI GetServiceKeyNameW(SC_HANDLE manager, LPCWSTR display, LPWSTR name,
				      LPDWORD size)
{
	return other_name(manager, display, TRUE, name, size, FALSE);
}

ADVAPI BOOL WINAPI GetServiceKeyNameA(SC_HANDLE manager, LPCSTR display, LPSTR name,
				      LPDWORD size)
{
	return other_name_a(manager, display, TRUE, name, size);
}
