/* Opening keys: RegOpenKeyEx, RegOpenKey. */
#include "adv_private.h"

NTSTATUS adv_open_under(HANDLE root, const WCHAR *sub, ACCESS_MASK access, ULONG attr, HANDLE *out)
{
	UNICODE_STRING name;
	OBJECT_ATTRIBUTES oa;
	NTSTATUS status;

	/* An empty name relative to a key opens that key again. */
	RtlInitUnicodeString(&name, sub ? sub : L"");
	InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE | attr, root, NULL);
	status = NtOpenKey(out, access, &oa);
	if (!NT_SUCCESS(status)) {
		*out = NULL;
	} else if (status == STATUS_PREDEFINED_HANDLE) { /* Perflib's language keys */
		HANDLE h = *out;

		*out = adv_perf_key_of(h);
		NtClose(h);
		status = STATUS_SUCCESS;
	}
	return status;
}

/* *out is the NT handle, untagged: RegOpenKeyEx tags it. */
LSTATUS adv_open_attr(HKEY hkey, const WCHAR *sub, ACCESS_MASK access, ULONG attr, HANDLE *out)
{
	HANDLE root;
	LSTATUS err;

	/* below HKEY_CLASSES_ROOT one leading backslash is taken ("\\clsid",
	 * and "\\" opens the root anew), as Windows 2000 on does (Wine's
	 * advapi32 registry tests); elsewhere it is ERROR_BAD_PATHNAME */
	if (hkey == HKEY_CLASSES_ROOT && sub && sub[0] == '\\')
		sub++;
	if (adv_is_merged(hkey))
		return adv_merged_open(hkey, sub, access, attr, out);
	err = adv_key(hkey, &root);
	if (err)
		return err;
	return adv_error(adv_open_under(root, sub, access, attr, out));
}

LSTATUS adv_open(HKEY hkey, const WCHAR *sub, ACCESS_MASK access, HANDLE *out)
{
	return adv_open_attr(hkey, sub, access, 0, out);
}

/* RegOpenKeyEx with KEY_WOW64_32KEY (wow64.c). */
static LSTATUS open_32bit_view(HKEY hkey, const WCHAR *sub, DWORD options, REGSAM sam, PHKEY out)
{
	ULONG attr = (options & REG_OPTION_OPEN_LINK) ? OBJ_OPENLINK : 0;
	HANDLE root, base, h = (HANDLE)*out;
	WCHAR *rest;
	LSTATUS err = adv_key(hkey, &root);

	if (!err)
		err = adv_wow64_base(root, sub, sam, &base, &rest);
	if (err)
		return err;
	if (!base)
		return adv_open_attr(hkey, sub, ADV_ACCESS(sam), attr, (HANDLE *)out);
	err = adv_error(adv_open_under(base, rest, ADV_ACCESS(sam), attr, &h));
	NtClose(base);
	adv_free(rest);
	if (!err)
		*out = (HKEY)h;
	return err;
}

ADVAPI LSTATUS WINAPI RegOpenKeyExW(HKEY hkey, LPCWSTR sub, DWORD options, REGSAM sam, PHKEY out)
{
	HANDLE h;
	LSTATUS err;

	if (!out)
		return ERROR_INVALID_PARAMETER;
	/* A predefined key with no subkey gives back the predefined key. */
	if (adv_is_predefined(hkey) && (!sub || !*sub) && !adv_is_perf_key(hkey)) {
		HANDLE root;
		LSTATUS err = adv_key(hkey, &root);

		if (!err)
			*out = hkey;
		return err;
	}
	h = (HANDLE)*out; /* left as it was when hkey is not a key */
	if (!adv_is_merged(hkey) && (sam & KEY_WOW64_32KEY))
		return open_32bit_view(hkey, sub, options, sam, out);
	err = adv_open_attr(hkey, sub, ADV_ACCESS(sam),
			    (options & REG_OPTION_OPEN_LINK) ? OBJ_OPENLINK : 0, &h);
	/* What is opened through HKEY_CLASSES_ROOT stays in its view. */
	*out = !err && adv_is_merged(hkey) ? adv_tag(h) : (HKEY)h;
	return err;
}

ADVAPI LSTATUS WINAPI RegOpenKeyExA(HKEY hkey, LPCSTR sub, DWORD options, REGSAM sam, PHKEY out)
{
	WCHAR *w;
	LSTATUS err;

	if (!out)
		return ERROR_INVALID_PARAMETER;
	err = adv_a_to_w(sub, &w);
	if (err)
		return err;
	err = RegOpenKeyExW(hkey, w, options, sam, out);
	adv_free(w);
	return err;
}

/* RegOpenKey: an empty or NULL name gives back hkey itself, not a new
 * handle (documented), whatever hkey is (even NULL, as Windows does). */
ADVAPI LSTATUS WINAPI RegOpenKeyW(HKEY hkey, LPCWSTR sub, PHKEY out)
{
	if (!out)
		return ERROR_INVALID_PARAMETER;
	if (adv_is_perf_key(hkey))
		return ERROR_INVALID_HANDLE; /* nothing lies below them */
	if (!sub || !*sub) {
		*out = hkey;
		return ERROR_SUCCESS;
	}
	return RegOpenKeyExW(hkey, sub, 0, MAXIMUM_ALLOWED, out);
}

ADVAPI LSTATUS WINAPI RegOpenKeyA(HKEY hkey, LPCSTR sub, PHKEY out)
{
	return adv_key_call_a(RegOpenKeyW, hkey, sub, out);
}
