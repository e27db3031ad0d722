/*
 * The optional configuration: QueryServiceConfig2 and ChangeServiceConfig2
 * (A/W) for the levels kept as plain values of the service's key:
 * SERVICE_CONFIG_DESCRIPTION (Description), DELAYED_AUTO_START_INFO
 * (DelayedAutostart), SERVICE_SID_INFO (ServiceSidType) and
 * PRESHUTDOWN_INFO (PreshutdownTimeout); FAILURE_ACTIONS is read as "no
 * action" and cannot be set (docs/services.md).  Other levels:
 * ERROR_INVALID_LEVEL.
 */
#include "service_private.h"

/* A level held in one DWORD value, and its value when absent. */
struct dword_level {
	DWORD level;
	const WCHAR *value;
	DWORD absent;
};

static const struct dword_level dword_levels[] = {
	{ SERVICE_CONFIG_DELAYED_AUTO_START_INFO, L"DelayedAutostart", 0 },
	{ SERVICE_CONFIG_SERVICE_SID_INFO, L"ServiceSidType", SERVICE_SID_TYPE_NONE },
	/* Windows 10's default: three minutes */
	{ SERVICE_CONFIG_PRESHUTDOWN_INFO, L"PreshutdownTimeout", 180000 },
};

static const struct dword_level *dword_level(DWORD level)
{
	for (size_t i = 0; i < ARRAYSIZE(dword_levels); i++)
		if (dword_levels[i].level == level)
			return &dword_levels[i];
	return NULL;
}

static BOOL known_level(DWORD level)
{
	return level == SERVICE_CONFIG_DESCRIPTION || level == SERVICE_CONFIG_FAILURE_ACTIONS ||
	       dword_level(level);
}

static DWORD query_dword(HKEY key, const struct dword_level *l)
{
	DWORD type, v, size = sizeof(v);

	if (RegQueryValueExW(key, l->value, NULL, &type, (BYTE *)&v, &size) || type != REG_DWORD)
		return l->absent;
	return v;
}

/* The answer of a level, built whole in a heap buffer (*out, *size). */
static LSTATUS build(HKEY key, DWORD level, BYTE **out, DWORD *size)
{
	struct svc_config c;
	LSTATUS err;

	if (level == SERVICE_CONFIG_FAILURE_ACTIONS) {
		*size = sizeof(SERVICE_FAILURE_ACTIONSW);
		if (!(*out = adv_alloc(*size)))
			return ERROR_NOT_ENOUGH_MEMORY;
		memset(*out, 0, *size);
		return ERROR_SUCCESS;
	}
	if (level != SERVICE_CONFIG_DESCRIPTION) {
		*size = sizeof(DWORD);
		if (!(*out = adv_alloc(*size)))
			return ERROR_NOT_ENOUGH_MEMORY;
		*(DWORD *)*out = query_dword(key, dword_level(level));
		return ERROR_SUCCESS;
	}
	if ((err = svc_read_config(key, &c)))
		return err;
	*size = sizeof(SERVICE_DESCRIPTIONW);
	if (c.description[0])
		*size += (DWORD)(wcslen(c.description) + 1) * sizeof(WCHAR);
	if ((*out = adv_alloc(*size))) {
		SERVICE_DESCRIPTIONW *d = (SERVICE_DESCRIPTIONW *)*out;

		d->lpDescription = NULL;
		if (c.description[0])
			wcscpy((WCHAR *)(d + 1), c.description);
	}
	svc_config_free(&c);
	return *out ? ERROR_SUCCESS : ERROR_NOT_ENOUGH_MEMORY;
}

ADVAPI BOOL WINAPI QueryServiceConfig2W(SC_HANDLE service, DWORD level, LPBYTE buffer,
					DWORD size, LPDWORD needed)
{
	struct sc_object o;
	BYTE *answer;
	DWORD need;
	HKEY key;
	LSTATUS err;

	if (!sc_get(service, SC_KIND_SERVICE, SERVICE_QUERY_CONFIG, &o))
		return FALSE;
	if (!known_level(level))
		err = ERROR_INVALID_LEVEL;
	else if (!needed || (!buffer && size))
		err = ERROR_INVALID_ADDRESS;
	else if (!(err = svc_open(o.name, KEY_READ, &key))) {
		err = build(key, level, &answer, &need);
		RegCloseKey(key);
		if (!err) {
			*needed = need;
			if (size < need)
				err = ERROR_INSUFFICIENT_BUFFER;
			else {
				memcpy(buffer, answer, need);
				/* the description's pointer, now that it has its place */
				if (level == SERVICE_CONFIG_DESCRIPTION && need > sizeof(SERVICE_DESCRIPTIONW))
					((SERVICE_DESCRIPTIONW *)buffer)->lpDescription =
						(WCHAR *)(buffer + sizeof(SERVICE_DESCRIPTIONW));
			}
			adv_free(answer);
		}
	}
	SetLastError(err);
	return !err;
}

ADVAPI BOOL WINAPI QueryServiceConfig2A(SC_HANDLE service, DWORD level, LPBYTE buffer,
					DWORD size, LPDWORD needed)
{
	if (!QueryServiceConfig2W(service, level, buffer, size, needed))
		return FALSE;
	if (level == SERVICE_CONFIG_DESCRIPTION)
		svc_string_to_a(((SERVICE_DESCRIPTIONW *)buffer)->lpDescription, FALSE);
	return TRUE;
}

static LSTATUS change(HKEY key, DWORD level, const void *info, BOOL ansi)
{
	const struct dword_level *l = dword_level(level);
	const void *text;
	const WCHAR *s;
	WCHAR *w = NULL;
	LSTATUS err;

	if (l)
		return svc_set_dword(key, l->value, *(const DWORD *)info);
	if (level != SERVICE_CONFIG_DESCRIPTION)
		return ERROR_INVALID_LEVEL; /* failure actions are not kept */
	if (!(text = ((const SERVICE_DESCRIPTIONW *)info)->lpDescription))
		return ERROR_SUCCESS; /* NULL: no change */
	if (ansi && (err = adv_a_to_w(text, &w)))
		return err;
	s = ansi ? w : text;
	if (!s[0]) {
		RegDeleteValueW(key, L"Description");
		err = ERROR_SUCCESS;
	} else
		err = svc_set_string(key, L"Description", REG_SZ, s, (DWORD)wcslen(s) + 1);
	adv_free(w);
	return err;
}

static BOOL change_config2(SC_HANDLE service, DWORD level, LPVOID info, BOOL ansi)
{
	struct sc_object o;
	HKEY key;
	LSTATUS err;

	if (!sc_get(service, SC_KIND_SERVICE, SERVICE_CHANGE_CONFIG, &o))
		return FALSE;
	if (!known_level(level))
		err = ERROR_INVALID_LEVEL;
	else if (!info)
		err = ERROR_SUCCESS; /* nothing to change */
	else if (!(err = svc_open(o.name, KEY_ALL_ACCESS, &key))) {
		err = change(key, level, info, ansi);
		RegCloseKey(key);
	}
	SetLastError(err);
	return !err;
}

ADVAPI BOOL WINAPI ChangeServiceConfig2W(SC_HANDLE service, DWORD level, LPVOID info)
{
	return change_config2(service, level, info, FALSE);
}

ADVAPI BOOL WINAPI ChangeServiceConfig2A(SC_HANDLE service, DWORD level, LPVOID info)
{
	return change_config2(service, level, info, TRUE);
}
