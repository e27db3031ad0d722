/*
 * The service database: HKLM\SYSTEM\CurrentControlSet\Services in the
 * prefix's registry, which the supervisor shares between every process
 * of the prefix.  A subkey holding a Type value is a service; its
 * documented values (Type, Start, ErrorControl, ImagePath, DisplayName,
 * Description, ObjectName, Group, Tag, DependOnService, DependOnGroup,
 * DeleteFlag) are its configuration.  No service process runs under
 * lsw: a service's state follows from the table below (docs/services.md).
 */
#include "service_private.h"

/* The services lsw itself stands in for, so they are reported running:
 * the event log (event_log.c writes and reads it in every process) and
 * the RPC endpoint mapper every Windows process may assume. */
static const WCHAR *const running_services[] = { L"EventLog", L"RpcSs" };

BOOL svc_valid_name(const WCHAR *name)
{
	size_t n = wcslen(name);

	return n && n <= SVC_NAME_MAX && !wcspbrk(name, L"\\/");
}

LSTATUS svc_open(const WCHAR *name, REGSAM sam, HKEY *out)
{
	WCHAR path[ARRAYSIZE(SVC_ROOT) + 1 + SVC_NAME_MAX];
	DWORD type, size = sizeof(DWORD), v;

	if (!svc_valid_name(name))
		return ERROR_INVALID_NAME;
	wcscpy(path, SVC_ROOT L"\\");
	wcscat(path, name);
	if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, path, 0, sam | KEY_QUERY_VALUE, out))
		return ERROR_SERVICE_DOES_NOT_EXIST;
	if (RegQueryValueExW(*out, L"Type", NULL, &type, (BYTE *)&v, &size) || type != REG_DWORD) {
		RegCloseKey(*out);
		return ERROR_SERVICE_DOES_NOT_EXIST;
	}
	return ERROR_SUCCESS;
}

static DWORD read_dword(HKEY key, const WCHAR *name, DWORD dflt)
{
	DWORD type, v, size = sizeof(v);

	if (RegQueryValueExW(key, name, NULL, &type, (BYTE *)&v, &size) || type != REG_DWORD)
		return dflt;
	return v;
}

/* A string value (multi-strings keep their inner NULs) with two NULs
 * after it; *chars its length without them.  Absent: "". */
static LSTATUS read_string(HKEY key, const WCHAR *name, WCHAR **out, DWORD *chars)
{
	DWORD type, size = 0;
	WCHAR *s;

	if (RegQueryValueExW(key, name, NULL, &type, NULL, &size) ||
	    (type != REG_SZ && type != REG_EXPAND_SZ && type != REG_MULTI_SZ))
		size = 0;
	size &= ~1u;
	if (!(s = adv_alloc(size + 2 * sizeof(WCHAR))))
		return ERROR_NOT_ENOUGH_MEMORY;
	if (size && RegQueryValueExW(key, name, NULL, &type, (BYTE *)s, &size))
		size = 0;
	size /= sizeof(WCHAR);
	while (size && !s[size - 1])
		size--;
	s[size] = s[size + 1] = 0;
	*out = s;
	if (chars)
		*chars = size;
	return ERROR_SUCCESS;
}

/* ImagePath with its environment variables expanded, as the SCM
 * reports and runs it. */
static LSTATUS expand(WCHAR **s)
{
	DWORD n = ExpandEnvironmentStringsW(*s, NULL, 0);
	WCHAR *x = n ? adv_alloc((n + 1) * sizeof(WCHAR)) : NULL;

	if (!x)
		return n ? ERROR_NOT_ENOUGH_MEMORY : ERROR_SUCCESS;
	ExpandEnvironmentStringsW(*s, x, n);
	x[n] = 0;
	adv_free(*s);
	*s = x;
	return ERROR_SUCCESS;
}

/* lpDependencies: DependOnService's names, then DependOnGroup's each
 * after SC_GROUP_IDENTIFIER, as one multi-string. */
static LSTATUS read_depends(HKEY key, struct svc_config *c)
{
	WCHAR *svcs, *groups, *p;
	DWORD ns, ng, extra = 0;
	LSTATUS err;

	if ((err = read_string(key, L"DependOnService", &svcs, &ns)))
		return err;
	if ((err = read_string(key, L"DependOnGroup", &groups, &ng))) {
		adv_free(svcs);
		return err;
	}
	for (p = groups; p < groups + ng; p += wcslen(p) + 1)
		if (*p)
			extra++;
	c->depends = adv_alloc((ns + 1 + ng + 1 + extra + 1) * sizeof(WCHAR));
	if (c->depends) {
		WCHAR *d = c->depends;

		for (p = svcs; p < svcs + ns; p += wcslen(p) + 1)
			if (*p)
				d += wcslen(wcscpy(d, p)) + 1;
		for (p = groups; p < groups + ng; p += wcslen(p) + 1)
			if (*p) {
				*d++ = SC_GROUP_IDENTIFIERW;
				d += wcslen(wcscpy(d, p)) + 1;
			}
		if (d == c->depends)
			*d++ = 0;
		*d++ = 0;
		c->depends_len = (DWORD)(d - c->depends);
	}
	adv_free(svcs);
	adv_free(groups);
	return c->depends ? ERROR_SUCCESS : ERROR_NOT_ENOUGH_MEMORY;
}

LSTATUS svc_read_config(HKEY key, struct svc_config *c)
{
	LSTATUS err;

	memset(c, 0, sizeof(*c));
	c->type = read_dword(key, L"Type", 0);
	c->start = read_dword(key, L"Start", SERVICE_DEMAND_START);
	c->error_control = read_dword(key, L"ErrorControl", SERVICE_ERROR_NORMAL);
	c->tag = read_dword(key, L"Tag", 0);
	c->delete_flag = read_dword(key, L"DeleteFlag", 0) != 0;
	if ((err = read_string(key, L"ImagePath", &c->image, NULL)) || (err = expand(&c->image)) ||
	    (err = read_string(key, L"Group", &c->group, NULL)) ||
	    (err = read_string(key, L"ObjectName", &c->account, NULL)) ||
	    (err = read_string(key, L"DisplayName", &c->display, NULL)) ||
	    (err = read_string(key, L"Description", &c->description, NULL)) ||
	    (err = read_depends(key, c)))
		svc_config_free(c);
	return err;
}

void svc_config_free(struct svc_config *c)
{
	adv_free(c->image);
	adv_free(c->group);
	adv_free(c->account);
	adv_free(c->display);
	adv_free(c->description);
	adv_free(c->depends);
	memset(c, 0, sizeof(*c));
}

static BOOL is_running(const WCHAR *name, const struct svc_config *c)
{
	for (size_t i = 0; i < ARRAYSIZE(running_services); i++)
		if (!_wcsicmp(name, running_services[i]))
			return c->start != SERVICE_DISABLED;
	return FALSE;
}

/* A service that never ran reports ERROR_SERVICE_NEVER_STARTED, as
 * `sc query` shows on Windows.  The running ones have no process of
 * their own: their process id is 0, and of the controls they take only
 * the shutdown notice (which ControlService cannot send). */
void svc_status(const WCHAR *name, const struct svc_config *c, SERVICE_STATUS_PROCESS *st)
{
	memset(st, 0, sizeof(*st));
	st->dwServiceType = c->type;
	if (is_running(name, c)) {
		st->dwCurrentState = SERVICE_RUNNING;
		st->dwControlsAccepted = SERVICE_ACCEPT_SHUTDOWN;
		st->dwWin32ExitCode = NO_ERROR;
	} else {
		st->dwCurrentState = SERVICE_STOPPED;
		st->dwWin32ExitCode = ERROR_SERVICE_NEVER_STARTED;
	}
}

LSTATUS svc_set_string(HKEY key, const WCHAR *value, DWORD type, const WCHAR *s, DWORD chars)
{
	return RegSetValueExW(key, value, 0, type, (const BYTE *)s, chars * sizeof(WCHAR));
}

LSTATUS svc_set_dword(HKEY key, const WCHAR *value, DWORD v)
{
	return RegSetValueExW(key, value, 0, REG_DWORD, (const BYTE *)&v, sizeof(v));
}

LSTATUS svc_enum(DWORD index, WCHAR name[SVC_NAME_MAX + 1])
{
	HKEY root, key;
	DWORD raw = 0, n;
	LSTATUS err;

	if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, SVC_ROOT, 0, KEY_READ, &root))
		return ERROR_NO_MORE_ITEMS;
	for (;;) {
		n = SVC_NAME_MAX + 1;
		if ((err = RegEnumKeyExW(root, raw++, name, &n, NULL, NULL, NULL, NULL))) {
			if (err != ERROR_MORE_DATA)
				break;
			continue;
		}
		if (svc_open(name, KEY_READ, &key))
			continue;
		RegCloseKey(key);
		if (!index--)
			break;
	}
	RegCloseKey(root);
	return err == ERROR_MORE_DATA ? ERROR_NO_MORE_ITEMS : err;
}

LSTATUS svc_find_display(const WCHAR *display, WCHAR name[SVC_NAME_MAX + 1])
{
	for (DWORD i = 0; !svc_enum(i, name); i++) {
		struct svc_config c;
		HKEY key;
		BOOL same;

		if (svc_open(name, KEY_READ, &key))
			continue;
		if (svc_read_config(key, &c)) {
			RegCloseKey(key);
			return ERROR_NOT_ENOUGH_MEMORY;
		}
		RegCloseKey(key);
		same = !_wcsicmp(c.display, display);
		svc_config_free(&c);
		if (same)
			return ERROR_SUCCESS;
	}
	return ERROR_SERVICE_DOES_NOT_EXIST;
}

void svc_delete_if_unused(const WCHAR *name)
{
	struct svc_config c;
	BOOL remove;
	HKEY key, root;

	if (sc_name_in_use(name) || svc_open(name, KEY_READ, &key))
		return;
	if (svc_read_config(key, &c)) {
		RegCloseKey(key);
		return;
	}
	RegCloseKey(key);
	remove = c.delete_flag && !is_running(name, &c);
	svc_config_free(&c);
	if (remove && !RegOpenKeyExW(HKEY_LOCAL_MACHINE, SVC_ROOT, 0, KEY_ALL_ACCESS, &root)) {
		RegDeleteTreeW(root, name);
		RegDeleteKeyW(root, name);
		RegCloseKey(root);
	}
}

/* Exactly one kind of service; interactive only for Win32 services;
 * boot and system start only for drivers. */
BOOL svc_type_valid(DWORD type, DWORD start)
{
	DWORD base = type & ~(DWORD)SERVICE_INTERACTIVE_PROCESS;
	BOOL driver = base == SERVICE_KERNEL_DRIVER || base == SERVICE_FILE_SYSTEM_DRIVER;
	BOOL win32 = base == SERVICE_WIN32_OWN_PROCESS || base == SERVICE_WIN32_SHARE_PROCESS;

	if (!driver && !win32)
		return FALSE;
	if (driver && (type & SERVICE_INTERACTIVE_PROCESS))
		return FALSE;
	if (start > SERVICE_DISABLED)
		return FALSE;
	return driver || start > SERVICE_SYSTEM_START;
}
