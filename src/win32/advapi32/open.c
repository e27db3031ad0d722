/* Opening keys: RegOpenKeyEx, RegOpenKey. */
#include "adv_private.h"

LSTATUS adv_open_attr(HKEY hkey, const WCHAR *sub, ACCESS_MASK access, ULONG attr, HANDLE *out)
{
	UNICODE_STRING name;
	OBJECT_ATTRIBUTES oa;
	HANDLE root;
	LSTATUS err = adv_key(hkey, &root);
	NTSTATUS status;

	if (err)
		return err;
	/* An empty name relative to a key opens that key again. */
	RtlInitUnicodeString(&name, sub ? sub : L"");
	InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE | attr, root, NULL);
	status = NtOpenKey(out, access, &oa);
	if (!NT_SUCCESS(status)) {
		*out = NULL;
		return adv_error(status);
	}
	return ERROR_SUCCESS;
}

LSTATUS adv_open(HKEY hkey, const WCHAR *sub, ACCESS_MASK access, HANDLE *out)
{
	return adv_open_attr(hkey, sub, access, 0, out);
}

ADVAPI LSTATUS WINAPI RegOpenKeyExW(HKEY hkey, LPCWSTR sub, DWORD options, REGSAM sam, PHKEY out)
{
	if (!out)
		return ERROR_INVALID_PARAMETER;
	return adv_open_attr(hkey, sub, ADV_ACCESS(sam),
			     (options & REG_OPTION_OPEN_LINK) ? OBJ_OPENLINK : 0, (HANDLE *)out);
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
 * handle (documented). */
ADVAPI LSTATUS WINAPI RegOpenKeyW(HKEY hkey, LPCWSTR sub, PHKEY out)
{
	if (!out)
		return ERROR_INVALID_PARAMETER;
	if (!sub || !*sub) {
		*out = hkey;
		return hkey ? ERROR_SUCCESS : ERROR_INVALID_HANDLE;
	}
	return RegOpenKeyExW(hkey, sub, 0, MAXIMUM_ALLOWED, out);
}

ADVAPI LSTATUS WINAPI RegOpenKeyA(HKEY hkey, LPCSTR sub, PHKEY out)
{
	WCHAR *w;
	LSTATUS err;

	if (!out)
		return ERROR_INVALID_PARAMETER;
	err = adv_a_to_w(sub, &w);
	if (err)
		return err;
	err = RegOpenKeyW(hkey, w, out);
	adv_free(w);
	return err;
}
