/* Creating keys: RegCreateKeyEx, RegCreateKey.  NtCreateKey makes one
 * level; RegCreateKeyEx makes every missing key along the path. */
#include "adv_private.h"

struct create_args {
	ACCESS_MASK access;
	ULONG attr;
	void *sd;
	UNICODE_STRING *cls;
	ULONG options;
};

static NTSTATUS create_one(HANDLE root, const WCHAR *s, USHORT bytes, const struct create_args *a,
			   ACCESS_MASK access, UNICODE_STRING *cls, HANDLE *out, ULONG *disp)
{
	UNICODE_STRING name = { bytes, bytes, (WCHAR *)s };
	OBJECT_ATTRIBUTES oa;

	InitializeObjectAttributes(&oa, &name, a->attr, root, a->sd);
	return NtCreateKey(out, access, &oa, 0, cls, a->options, disp);
}

/* Walk the path one name at a time; keys that exist are opened. */
static NTSTATUS create_path(HANDLE root, const WCHAR *path, const struct create_args *a,
			    HANDLE *out, ULONG *disp)
{
	HANDLE cur = root, next = NULL;
	NTSTATUS status = STATUS_OBJECT_NAME_INVALID;
	const WCHAR *p = path, *end;

	while (*p) {
		for (end = p; *end && *end != '\\'; end++)
			;
		if (end > p) {
			BOOL last = !*end || !end[1];
			status = create_one(cur, p, (USHORT)((end - p) * sizeof(WCHAR)), a,
					    last ? a->access : MAXIMUM_ALLOWED,
					    last ? a->cls : NULL, &next, disp);
			if (cur != root)
				NtClose(cur);
			if (!NT_SUCCESS(status))
				return status;
			cur = next;
		}
		p = *end ? end + 1 : end;
	}
	*out = cur;
	return status;
}

/* Create or open sub under root, making the missing levels. */
static NTSTATUS create_in(HANDLE root, const WCHAR *sub, const struct create_args *a, HANDLE *h,
			  ULONG *disp)
{
	NTSTATUS status;
	SIZE_T len;

	for (len = 0; sub[len]; len++)
		;
	if (len > 0x7FFF)
		return STATUS_INVALID_PARAMETER;
	status = create_one(root, sub, (USHORT)(len * sizeof(WCHAR)), a, a->access, a->cls, h, disp);
	if (status == STATUS_OBJECT_NAME_NOT_FOUND || status == STATUS_OBJECT_PATH_NOT_FOUND)
		status = create_path(root, sub, a, h, disp);
	return status;
}

/* Below HKEY_CLASSES_ROOT: the key the view shows if there is one, else
 * a new key in the hive merge.c chooses. */
static LSTATUS create_merged(HKEY hkey, const WCHAR *sub, const struct create_args *a, HANDLE *h,
			     ULONG *disp)
{
	HANDLE root;
	WCHAR *path;
	NTSTATUS status;
	LSTATUS err = adv_merged_open(hkey, sub, a->access, a->attr & ~(ULONG)OBJ_CASE_INSENSITIVE, h);

	if (err != ERROR_FILE_NOT_FOUND && err != ERROR_PATH_NOT_FOUND)
		return err;
	err = adv_merged_create_at(hkey, sub, &root, &path);
	if (err)
		return err;
	if (!root) { /* a key outside the view: as a plain key */
		err = adv_key(hkey, &root);
		return err ? err : adv_error(create_in(root, sub, a, h, disp));
	}
	status = create_in(root, path, a, h, disp);
	NtClose(root);
	adv_free(path);
	return adv_error(status);
}

/* Below a plain key: in the 32-bit view with KEY_WOW64_32KEY (wow64.c). */
static LSTATUS create_plain(HANDLE root, const WCHAR *sub, REGSAM sam, const struct create_args *a,
			    HANDLE *h, ULONG *disp)
{
	HANDLE base;
	WCHAR *rest;
	LSTATUS err = adv_wow64_base(root, sub, sam, &base, &rest);

	if (err)
		return err;
	if (!base)
		return adv_error(create_in(root, sub, a, h, disp));
	err = adv_error(create_in(base, rest, a, h, disp));
	NtClose(base);
	adv_free(rest);
	return err;
}

ADVAPI LSTATUS WINAPI RegCreateKeyExW(HKEY hkey, LPCWSTR sub, DWORD reserved, LPWSTR cls,
				      DWORD options, REGSAM sam, LPSECURITY_ATTRIBUTES sa,
				      PHKEY out, LPDWORD disposition)
{
	struct create_args a = { ADV_ACCESS(sam), OBJ_CASE_INSENSITIVE, NULL, NULL,
				 options & ~(DWORD)REG_OPTION_OPEN_LINK };
	UNICODE_STRING class_name;
	HANDLE root, h = NULL;
	ULONG disp = REG_OPENED_EXISTING_KEY;
	LSTATUS err;
	SIZE_T len;

	if (!out || !sub)
		return ERROR_INVALID_PARAMETER;
	err = adv_key(hkey, &root);
	if (err)
		return err;
	for (len = 0; sub[len]; len++)
		;
	if (len > 0x7FFF)
		return ERROR_INVALID_PARAMETER;
	if (options & REG_OPTION_OPEN_LINK)
		a.attr |= OBJ_OPENLINK;
	if (sa && sa->bInheritHandle)
		a.attr |= OBJ_INHERIT;
	a.sd = sa ? sa->lpSecurityDescriptor : NULL;
	if (cls) {
		RtlInitUnicodeString(&class_name, cls);
		a.cls = &class_name;
	}
	if (adv_is_merged(hkey))
		err = create_merged(hkey, sub, &a, &h, &disp);
	else
		err = create_plain(root, sub, sam, &a, &h, &disp);
	if (err) {
		*out = NULL;
		return err;
	}
	*out = adv_is_merged(hkey) ? adv_tag(h) : (HKEY)h;
	if (disposition)
		*disposition = disp;
	return ERROR_SUCCESS;
}

ADVAPI LSTATUS WINAPI RegCreateKeyExA(HKEY hkey, LPCSTR sub, DWORD reserved, LPSTR cls,
				      DWORD options, REGSAM sam, LPSECURITY_ATTRIBUTES sa,
				      PHKEY out, LPDWORD disposition)
{
	WCHAR *wsub = NULL, *wcls = NULL;
	LSTATUS err;

	if (!out || !sub)
		return ERROR_INVALID_PARAMETER;
	err = adv_a_to_w(sub, &wsub);
	if (!err)
		err = adv_a_to_w(cls, &wcls);
	if (!err)
		err = RegCreateKeyExW(hkey, wsub, reserved, wcls, options, sam, sa, out, disposition);
	adv_free(wsub);
	adv_free(wcls);
	return err;
}

/* RegCreateKey: a NULL or empty name gives back hkey itself. */
ADVAPI LSTATUS WINAPI RegCreateKeyW(HKEY hkey, LPCWSTR sub, PHKEY out)
{
	if (!out)
		return ERROR_INVALID_PARAMETER;
	if (!sub || !*sub) {
		*out = hkey;
		return hkey ? ERROR_SUCCESS : ERROR_INVALID_HANDLE;
	}
	return RegCreateKeyExW(hkey, sub, 0, NULL, REG_OPTION_NON_VOLATILE, MAXIMUM_ALLOWED, NULL,
			       out, NULL);
}

ADVAPI LSTATUS WINAPI RegCreateKeyA(HKEY hkey, LPCSTR sub, PHKEY out)
{
	return adv_key_call_a(RegCreateKeyW, hkey, sub, out);
}
