/* The service control manager's private declarations: handles
 * (service_handle.c), the database in the registry (service_db.c).
 * docs/services.md tells where the SCM lives and what it can do. */
#ifndef LSW_SERVICE_PRIVATE_H
#define LSW_SERVICE_PRIVATE_H

#include "adv_private.h"
#include <winsvc.h>

/* HKLM\SYSTEM\CurrentControlSet\Services: one key per service. */
#define SVC_ROOT L"SYSTEM\\CurrentControlSet\\Services"
/* Windows' limit on service and display names, in characters. */
#define SVC_NAME_MAX 256

enum sc_kind { SC_KIND_MANAGER = 1, SC_KIND_SERVICE, SC_KIND_LOCK };

/* What a handle stands for: a copy is handed out, the table keeps its own. */
struct sc_object {
	enum sc_kind kind;
	ACCESS_MASK access;     /* granted, generic rights mapped */
	WCHAR name[SVC_NAME_MAX + 1]; /* the service's key name */
};

/* service_handle.c.  sc_get: the object behind h when it is of `kind`
 * and was granted every right in `need`; else sets ERROR_INVALID_HANDLE or
 * ERROR_ACCESS_DENIED and returns FALSE. */
SC_HANDLE sc_handle_new(enum sc_kind kind, ACCESS_MASK access, const WCHAR *name);
BOOL sc_get(SC_HANDLE h, enum sc_kind kind, ACCESS_MASK need, struct sc_object *out);
/* Whether some handle of this process still names the service. */
BOOL sc_name_in_use(const WCHAR *name);
/* The rights the caller may have: all for who may write the database's
 * key, else the documented rights of Authenticated Users. */
ACCESS_MASK sc_allowed(enum sc_kind kind);
ACCESS_MASK sc_map_generic(enum sc_kind kind, ACCESS_MASK access);

/* One service's configuration as its key holds it; strings on the heap
 * (svc_config_free), never NULL once read. */
struct svc_config {
	DWORD type, start, error_control, tag;
	BOOL delete_flag;
	WCHAR *image, *group, *account, *display, *description;
	WCHAR *depends;         /* lpDependencies: services, then "+group"s, a multi-string */
	DWORD depends_len;      /* its length in characters, both final NULs counted */
};

/* service_db.c */
BOOL svc_valid_name(const WCHAR *name);
LSTATUS svc_open(const WCHAR *name, REGSAM sam, HKEY *out);  /* ERROR_SERVICE_DOES_NOT_EXIST */
LSTATUS svc_read_config(HKEY key, struct svc_config *c);
void svc_config_free(struct svc_config *c);
void svc_status(const WCHAR *name, const struct svc_config *c, SERVICE_STATUS_PROCESS *st);
LSTATUS svc_set_string(HKEY key, const WCHAR *value, DWORD type, const WCHAR *s, DWORD chars);
LSTATUS svc_set_dword(HKEY key, const WCHAR *value, DWORD v);
/* The key name of the index-th service (0-based) in *name, or
 * ERROR_NO_MORE_ITEMS. */
LSTATUS svc_enum(DWORD index, WCHAR name[SVC_NAME_MAX + 1]);
/* The service whose DisplayName is `display` (case-insensitive). */
LSTATUS svc_find_display(const WCHAR *display, WCHAR name[SVC_NAME_MAX + 1]);
/* Deletes the key when the service is marked and no handle names it. */
void svc_delete_if_unused(const WCHAR *name);
BOOL svc_type_valid(DWORD type, DWORD start);

/* Copies `chars` characters of s (NULs included) to dst as UTF-16 or,
 * for the A calls, one byte each; returns the bytes written. */
static inline DWORD svc_put(BYTE *dst, const WCHAR *s, DWORD chars, BOOL ansi)
{
	if (ansi)
		adv_w_to_a(s, chars, (char *)dst);
	else
		memcpy(dst, s, chars * sizeof(WCHAR));
	return ansi ? chars : chars * (DWORD)sizeof(WCHAR);
}

/* The A calls fill the caller's buffer through the W call, then turn
 * each string into one byte a character where it stands (Windows too
 * reports the W size as the size an A call needs). */
static inline void svc_string_to_a(WCHAR *w, BOOL multi)
{
	SIZE_T n = 0;

	if (!w)
		return;
	while (w[n] || (multi && n && w[n - 1]) || (multi && !n && w[1]))
		n++;
	for (SIZE_T i = 0; i <= n; i++)
		adv_w_to_a(w + i, 1, (char *)w + i);
}

/* service_config.c: the configuration of an open service handle. */
LSTATUS svc_config_of(const struct sc_object *o, struct svc_config *c);

#endif
