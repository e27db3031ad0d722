/* Deleting keys: RegDeleteKey(Ex), RegDeleteTree.  NtDeleteKey refuses a
 * key with subkeys (STATUS_CANNOT_DELETE, ERROR_ACCESS_DENIED);
 * RegDeleteTree empties the tree first, depth first. */
#include "adv_private.h"

#define TREE_ACCESS (KEY_ENUMERATE_SUB_KEYS | KEY_QUERY_VALUE | KEY_SET_VALUE | DELETE)

static LSTATUS delete_key(HKEY hkey, const WCHAR *sub)
{
	HANDLE h;
	LSTATUS err;

	if (!sub)
		return ERROR_INVALID_PARAMETER;
	err = adv_open(hkey, sub, DELETE, &h);
	if (err)
		return err;
	err = adv_error(NtDeleteKey(h));
	NtClose(h);
	return err;
}

ADVAPI LSTATUS WINAPI RegDeleteKeyW(HKEY hkey, LPCWSTR sub)
{
	return delete_key(hkey, sub);
}

/* One registry view: the KEY_WOW64_* flags in `sam` change nothing. */
ADVAPI LSTATUS WINAPI RegDeleteKeyExW(HKEY hkey, LPCWSTR sub, REGSAM sam, DWORD reserved)
{
	return delete_key(hkey, sub);
}

ADVAPI LSTATUS WINAPI RegDeleteKeyExA(HKEY hkey, LPCSTR sub, REGSAM sam, DWORD reserved)
{
	WCHAR *w;
	LSTATUS err;

	if (!sub)
		return ERROR_INVALID_PARAMETER;
	err = adv_a_to_w(sub, &w);
	if (err)
		return err;
	err = delete_key(hkey, w);
	adv_free(w);
	return err;
}

ADVAPI LSTATUS WINAPI RegDeleteKeyA(HKEY hkey, LPCSTR sub)
{
	return RegDeleteKeyExA(hkey, sub, 0, 0);
}

static NTSTATUS open_child(HANDLE parent, const WCHAR *name, ULONG bytes, HANDLE *out)
{
	UNICODE_STRING us = { (USHORT)bytes, (USHORT)bytes, (WCHAR *)name };
	OBJECT_ATTRIBUTES oa;

	InitializeObjectAttributes(&oa, &us, OBJ_CASE_INSENSITIVE, parent, NULL);
	return NtOpenKey(out, TREE_ACCESS, &oa);
}

/* Delete every subkey and value of h; h itself stays. */
static NTSTATUS empty_key(HANDLE h)
{
	ADV_KEY_BASIC *key;
	ADV_VALUE_BASIC *value;
	UNICODE_STRING us;
	HANDLE child;
	NTSTATUS status;

	/* Always entry 0: each pass removes it. */
	while (NT_SUCCESS(status = adv_key_info(h, 0, KeyBasicInformation, (void **)&key))) {
		status = open_child(h, key->Name, key->NameLength, &child);
		adv_free(key);
		if (!NT_SUCCESS(status))
			return status;
		status = empty_key(child);
		if (NT_SUCCESS(status))
			status = NtDeleteKey(child);
		NtClose(child);
		if (!NT_SUCCESS(status))
			return status;
	}
	if (status != STATUS_NO_MORE_ENTRIES)
		return status;
	while (NT_SUCCESS(status = adv_value_info(h, NULL, 0, KeyValueBasicInformation,
						  (void **)&value))) {
		us.Length = us.MaximumLength = (USHORT)value->NameLength;
		us.Buffer = value->Name;
		status = NtDeleteValueKey(h, &us);
		adv_free(value);
		if (!NT_SUCCESS(status))
			return status;
	}
	return status == STATUS_NO_MORE_ENTRIES ? STATUS_SUCCESS : status;
}

/* A NULL subkey empties hkey; a named one is emptied, then deleted. */
ADVAPI LSTATUS WINAPI RegDeleteTreeW(HKEY hkey, LPCWSTR sub)
{
	HANDLE h;
	NTSTATUS status;
	LSTATUS err = adv_open(hkey, sub, TREE_ACCESS, &h);

	if (err)
		return err;
	status = empty_key(h);
	if (NT_SUCCESS(status) && sub && *sub)
		status = NtDeleteKey(h);
	NtClose(h);
	return adv_error(status);
}

ADVAPI LSTATUS WINAPI RegDeleteTreeA(HKEY hkey, LPCSTR sub)
{
	WCHAR *w;
	LSTATUS err = adv_a_to_w(sub, &w);

	if (err)
		return err;
	err = RegDeleteTreeW(hkey, w);
	adv_free(w);
	return err;
}
