/*
 * Creating, changing and deleting services: CreateService,
 * ChangeServiceConfig, DeleteService.  Each writes the service's key
 * (service_db.c); DeleteService only sets DeleteFlag, as the Windows SCM
 * does, and the key goes with the process's last handle to the service.
 */
#include "service_private.h"

LSTATUS svc_config_of(const struct sc_object *o, struct svc_config *c)
{
	HKEY key;
	LSTATUS err = svc_open(o->name, KEY_READ, &key);

	if (err)
		return err;
	err = svc_read_config(key, c);
	RegCloseKey(key);
	return err;
}

/* What CreateService and ChangeServiceConfig set; SERVICE_NO_CHANGE and
 * NULL leave a value as it is. */
struct svc_change {
	DWORD type, start, error_control;
	const WCHAR *image, *group, *depends, *account, *display;
};

static DWORD multi_len(const WCHAR *m)
{
	const WCHAR *p = m;

	while (*p)
		p += wcslen(p) + 1;
	return (DWORD)(p - m) + 1;
}

/* lpDependencies split into DependOnService and DependOnGroup. */
static LSTATUS write_depends(HKEY key, const WCHAR *deps)
{
	DWORD n = multi_len(deps);
	WCHAR *svcs = adv_alloc((n + 1) * sizeof(WCHAR)), *groups = adv_alloc((n + 1) * sizeof(WCHAR));
	WCHAR *s = svcs, *g = groups;
	LSTATUS err = ERROR_NOT_ENOUGH_MEMORY;

	if (svcs && groups) {
		for (const WCHAR *p = deps; *p; p += wcslen(p) + 1) {
			if (*p == SC_GROUP_IDENTIFIERW)
				g += wcslen(wcscpy(g, p + 1)) + 1;
			else
				s += wcslen(wcscpy(s, p)) + 1;
		}
		*s++ = 0;
		*g++ = 0;
		if (!(err = svc_set_string(key, L"DependOnService", REG_MULTI_SZ, svcs,
					   (DWORD)(s - svcs))))
			err = svc_set_string(key, L"DependOnGroup", REG_MULTI_SZ, groups,
					     (DWORD)(g - groups));
	}
	adv_free(svcs);
	adv_free(groups);
	return err;
}

static LSTATUS set_sz(HKEY key, const WCHAR *value, DWORD type, const WCHAR *s)
{
	if (!s)
		return ERROR_SUCCESS;
	return svc_set_string(key, value, type, s, (DWORD)wcslen(s) + 1);
}

static LSTATUS write_config(HKEY key, const struct svc_change *c)
{
	LSTATUS err = ERROR_SUCCESS;

	if (c->type != SERVICE_NO_CHANGE)
		err = svc_set_dword(key, L"Type", c->type);
	if (!err && c->start != SERVICE_NO_CHANGE)
		err = svc_set_dword(key, L"Start", c->start);
	if (!err && c->error_control != SERVICE_NO_CHANGE)
		err = svc_set_dword(key, L"ErrorControl", c->error_control);
	if (!err)
		err = set_sz(key, L"ImagePath", REG_EXPAND_SZ, c->image);
	if (!err)
		err = set_sz(key, L"Group", REG_SZ, c->group);
	if (!err)
		err = set_sz(key, L"ObjectName", REG_SZ, c->account);
	if (!err)
		err = set_sz(key, L"DisplayName", REG_SZ, c->display);
	if (!err && c->depends)
		err = write_depends(key, c->depends);
	return err;
}

/* A display name may repeat another service's display name (Windows 10
 * 1709 on) but not another service's key name. */
static BOOL display_taken(const WCHAR *display, const WCHAR *self)
{
	HKEY key;

	if (!display || !_wcsicmp(display, self) || svc_open(display, KEY_READ, &key))
		return FALSE;
	RegCloseKey(key);
	return TRUE;
}

static BOOL is_local_system(const WCHAR *account)
{
	return !account || !_wcsicmp(account, L"LocalSystem") ||
	       !_wcsicmp(account, L".\\LocalSystem");
}

/* The checks of CreateService after the handle's, in Windows' order;
 * 0 or the error. */
static DWORD create_check(const WCHAR *name, DWORD type, DWORD start, DWORD error_control,
			  const WCHAR *image, const WCHAR *account)
{
	if (!svc_valid_name(name))
		return ERROR_INVALID_NAME;
	if (!image[0] || !svc_type_valid(type, start) || error_control > SERVICE_ERROR_CRITICAL)
		return ERROR_INVALID_PARAMETER;
	if ((type & SERVICE_INTERACTIVE_PROCESS) && !is_local_system(account))
		return ERROR_INVALID_PARAMETER;
	return 0;
}

static DWORD create_key(const WCHAR *name, const struct svc_change *c, DWORD *tag)
{
	WCHAR path[ARRAYSIZE(SVC_ROOT) + 1 + SVC_NAME_MAX];
	HKEY key;
	DWORD disposition, err;

	if (!svc_open(name, KEY_READ, &key)) {
		struct svc_config old;

		err = ERROR_SERVICE_EXISTS;
		if (!svc_read_config(key, &old)) {
			if (old.delete_flag)
				err = ERROR_SERVICE_MARKED_FOR_DELETE;
			svc_config_free(&old);
		}
		RegCloseKey(key);
		return err;
	}
	if (display_taken(c->display, name))
		return ERROR_DUPLICATE_SERVICE_NAME;
	wcscpy(path, SVC_ROOT L"\\");
	wcscat(path, name);
	if ((err = RegCreateKeyExW(HKEY_LOCAL_MACHINE, path, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key,
				   &disposition)))
		return err;
	/* DisplayName and ObjectName first: Type makes the key a service. */
	if (!(err = write_config(key, &(struct svc_change){ SERVICE_NO_CHANGE, c->start,
			c->error_control, c->image, c->group, c->depends, c->account, c->display })))
		err = svc_set_dword(key, L"Type", c->type);
	RegCloseKey(key);
	if (err)
		RegDeleteKeyExW(HKEY_LOCAL_MACHINE, path, 0, 0);
	if (tag)
		*tag = 0;
	return err;
}

ADVAPI SC_HANDLE WINAPI CreateServiceW(SC_HANDLE manager, LPCWSTR name, LPCWSTR display,
				       DWORD access, DWORD type, DWORD start, DWORD error_control,
				       LPCWSTR image, LPCWSTR group, LPDWORD tag, LPCWSTR depends,
				       LPCWSTR account, LPCWSTR password)
{
	struct sc_object m;
	struct svc_change c = { type, start, error_control, image, group, depends, account, display };
	DWORD err;

	if (!sc_get(manager, SC_KIND_MANAGER, 0, &m))
		return NULL;
	if (!name || !image)
		err = ERROR_INVALID_ADDRESS;
	else if (!(m.access & SC_MANAGER_CREATE_SERVICE))
		err = ERROR_ACCESS_DENIED;
	else
		err = create_check(name, type, start, error_control, image, account);
	if (!err) {
		if (!display || !display[0])
			c.display = name;
		if (!account && !(type & (SERVICE_KERNEL_DRIVER | SERVICE_FILE_SYSTEM_DRIVER)))
			c.account = L"LocalSystem";
		err = create_key(name, &c, tag);
	}
	if (err) {
		SetLastError(err);
		return NULL;
	}
	return sc_handle_new(SC_KIND_SERVICE, sc_map_generic(SC_KIND_SERVICE, access), name);
}

ADVAPI BOOL WINAPI DeleteService(SC_HANDLE service)
{
	struct sc_object o;
	struct svc_config c;
	HKEY key;
	DWORD err;

	if (!sc_get(service, SC_KIND_SERVICE, DELETE, &o))
		return FALSE;
	if ((err = svc_open(o.name, KEY_ALL_ACCESS, &key))) {
		SetLastError(err);
		return FALSE;
	}
	if (!(err = svc_read_config(key, &c))) {
		err = c.delete_flag ? ERROR_SERVICE_MARKED_FOR_DELETE :
				      svc_set_dword(key, L"DeleteFlag", 1);
		svc_config_free(&c);
	}
	RegCloseKey(key);
	SetLastError(err);
	return !err;
}

ADVAPI BOOL WINAPI ChangeServiceConfigW(SC_HANDLE service, DWORD type, DWORD start,
					DWORD error_control, LPCWSTR image, LPCWSTR group,
					LPDWORD tag, LPCWSTR depends, LPCWSTR account,
					LPCWSTR password, LPCWSTR display)
{
	struct svc_change c = { type, start, error_control, image, group, depends, account, display };
	struct sc_object o;
	struct svc_config old;
	HKEY key;
	DWORD err;

	if (!sc_get(service, SC_KIND_SERVICE, SERVICE_CHANGE_CONFIG, &o))
		return FALSE;
	if ((err = svc_open(o.name, KEY_ALL_ACCESS, &key))) {
		SetLastError(err);
		return FALSE;
	}
	if ((err = svc_read_config(key, &old))) {
		RegCloseKey(key);
		SetLastError(err);
		return FALSE;
	}
	if (old.delete_flag)
		err = ERROR_SERVICE_MARKED_FOR_DELETE;
	else if (!svc_type_valid(type == SERVICE_NO_CHANGE ? old.type : type,
				 start == SERVICE_NO_CHANGE ? old.start : start) ||
		 (error_control != SERVICE_NO_CHANGE && error_control > SERVICE_ERROR_CRITICAL) ||
		 (image && !image[0]))
		err = ERROR_INVALID_PARAMETER;
	else if (display_taken(display, o.name))
		err = ERROR_DUPLICATE_SERVICE_NAME;
	else
		err = write_config(key, &c);
	svc_config_free(&old);
	RegCloseKey(key);
	if (!err && tag)
		*tag = 0;
	SetLastError(err);
	return !err;
}

/* The A forms: every string converted (lpDependencies as a multi-string). */
struct a_strings {
	WCHAR *w[8];
};

static LSTATUS multi_a_to_w(const char *a, WCHAR **w)
{
	SIZE_T n = 0;

	*w = NULL;
	if (!a)
		return ERROR_SUCCESS;
	while (a[n])
		n += strlen(a + n) + 1;
	n++;
	if (!(*w = adv_alloc(n * sizeof(WCHAR))))
		return ERROR_NOT_ENOUGH_MEMORY;
	adv_a_to_w_n(a, n, *w);
	return ERROR_SUCCESS;
}

static BOOL convert(struct a_strings *s, const char *const *a, int n, int multi)
{
	memset(s, 0, sizeof(*s));
	for (int i = 0; i < n; i++)
		if ((i == multi ? multi_a_to_w(a[i], &s->w[i]) : adv_a_to_w(a[i], &s->w[i]))) {
			SetLastError(ERROR_NOT_ENOUGH_MEMORY);
			return FALSE;
		}
	return TRUE;
}

static void release(struct a_strings *s)
{
	for (int i = 0; i < 8; i++)
		adv_free(s->w[i]);
}

ADVAPI SC_HANDLE WINAPI CreateServiceA(SC_HANDLE manager, LPCSTR name, LPCSTR display,
				       DWORD access, DWORD type, DWORD start, DWORD error_control,
				       LPCSTR image, LPCSTR group, LPDWORD tag, LPCSTR depends,
				       LPCSTR account, LPCSTR password)
{
	const char *a[] = { name, display, image, group, depends, account, password };
	struct a_strings s;
	SC_HANDLE h = NULL;

	if (convert(&s, a, 7, 4))
		h = CreateServiceW(manager, s.w[0], s.w[1], access, type, start, error_control,
				   s.w[2], s.w[3], tag, s.w[4], s.w[5], s.w[6]);
	release(&s);
	return h;
}

ADVAPI BOOL WINAPI ChangeServiceConfigA(SC_HANDLE service, DWORD type, DWORD start,
					DWORD error_control, LPCSTR image, LPCSTR group,
					LPDWORD tag, LPCSTR depends, LPCSTR account,
					LPCSTR password, LPCSTR display)
{
	const char *a[] = { image, group, depends, account, password, display };
	struct a_strings s;
	BOOL ok = FALSE;

	if (convert(&s, a, 6, 2))
		ok = ChangeServiceConfigW(service, type, start, error_control, s.w[0], s.w[1], tag,
					  s.w[2], s.w[3], s.w[4], s.w[5]);
	release(&s);
	return ok;
}
