/*
 * What an open service says of itself: QueryServiceStatus(Ex) and
 * QueryServiceConfig (A/W), from its key (service_db.c).  Variable-size
 * answers fail with ERROR_INSUFFICIENT_BUFFER and the size needed.
 */
#include "service_private.h"

static BOOL read_status(SC_HANDLE service, SERVICE_STATUS_PROCESS *st)
{
	struct sc_object o;
	struct svc_config c;
	LSTATUS err;

	if (!sc_get(service, SC_KIND_SERVICE, SERVICE_QUERY_STATUS, &o))
		return FALSE;
	if ((err = svc_config_of(&o, &c))) {
		SetLastError(err);
		return FALSE;
	}
	svc_status(o.name, &c, st);
	svc_config_free(&c);
	return TRUE;
}

ADVAPI BOOL WINAPI QueryServiceStatus(SC_HANDLE service, LPSERVICE_STATUS status)
{
	SERVICE_STATUS_PROCESS st;
	struct sc_object o;

	if (!sc_get(service, SC_KIND_SERVICE, 0, &o))
		return FALSE;
	if (!status) {
		SetLastError(ERROR_INVALID_ADDRESS);
		return FALSE;
	}
	if (!read_status(service, &st))
		return FALSE;
	memcpy(status, &st, sizeof(*status));
	return TRUE;
}

ADVAPI BOOL WINAPI QueryServiceStatusEx(SC_HANDLE service, SC_STATUS_TYPE level, LPBYTE buffer,
					DWORD size, LPDWORD needed)
{
	SERVICE_STATUS_PROCESS st;

	if (level != SC_STATUS_PROCESS_INFO) {
		SetLastError(ERROR_INVALID_LEVEL);
		return FALSE;
	}
	if (!needed) {
		SetLastError(ERROR_INVALID_ADDRESS);
		return FALSE;
	}
	if (size < sizeof(st)) {
		*needed = sizeof(st);
		SetLastError(ERROR_INSUFFICIENT_BUFFER);
		return FALSE;
	}
	if (!read_status(service, &st))
		return FALSE;
	memcpy(buffer, &st, sizeof(st));
	*needed = sizeof(st);
	return TRUE;
}

/* Appends a string of n characters after the structure: its pointer. */
static WCHAR *append(BYTE **at, const WCHAR *s, DWORD n)
{
	WCHAR *p = (WCHAR *)*at;

	*at += svc_put(*at, s, n, FALSE);
	return p;
}

ADVAPI BOOL WINAPI QueryServiceConfigW(SC_HANDLE service, LPQUERY_SERVICE_CONFIGW config,
				       DWORD size, LPDWORD needed)
{
	struct sc_object o;
	struct svc_config c;
	DWORD need;
	BYTE *at;
	LSTATUS err;

	if (!sc_get(service, SC_KIND_SERVICE, SERVICE_QUERY_CONFIG, &o))
		return FALSE;
	if (!needed) {
		SetLastError(ERROR_INVALID_ADDRESS);
		return FALSE;
	}
	if ((err = svc_config_of(&o, &c))) {
		SetLastError(err);
		return FALSE;
	}
	need = sizeof(*config) + (DWORD)(wcslen(c.image) + wcslen(c.group) + wcslen(c.account) +
					 wcslen(c.display) + 4 + c.depends_len) * sizeof(WCHAR);
	*needed = need;
	if (!config || size < need) {
		svc_config_free(&c);
		SetLastError(ERROR_INSUFFICIENT_BUFFER);
		return FALSE;
	}
	config->dwServiceType = c.type;
	config->dwStartType = c.start;
	config->dwErrorControl = c.error_control;
	config->dwTagId = c.tag;
	at = (BYTE *)(config + 1);
	config->lpBinaryPathName = append(&at, c.image, (DWORD)wcslen(c.image) + 1);
	config->lpLoadOrderGroup = append(&at, c.group, (DWORD)wcslen(c.group) + 1);
	config->lpDependencies = append(&at, c.depends, c.depends_len);
	config->lpServiceStartName = append(&at, c.account, (DWORD)wcslen(c.account) + 1);
	config->lpDisplayName = append(&at, c.display, (DWORD)wcslen(c.display) + 1);
	svc_config_free(&c);
	return TRUE;
}

ADVAPI BOOL WINAPI QueryServiceConfigA(SC_HANDLE service, LPQUERY_SERVICE_CONFIGA config,
				       DWORD size, LPDWORD needed)
{
	QUERY_SERVICE_CONFIGW *w = (QUERY_SERVICE_CONFIGW *)config;

	if (!QueryServiceConfigW(service, w, size, needed))
		return FALSE;
	svc_string_to_a(w->lpBinaryPathName, FALSE);
	svc_string_to_a(w->lpLoadOrderGroup, FALSE);
	svc_string_to_a(w->lpDependencies, TRUE);
	svc_string_to_a(w->lpServiceStartName, FALSE);
	svc_string_to_a(w->lpDisplayName, FALSE);
	return TRUE;
}
