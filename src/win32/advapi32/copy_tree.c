/* RegCopyTree and RegRenameKey.  RegCopyTree: the values and, recursively, the subkeys of hkey\sub
 * (hkey itself when sub is NULL) are copied into dst, which keeps what it
 * already holds apart from values of the same names. */
#include "adv_private.h"

static NTSTATUS copy_values(HANDLE from, HANDLE to)
{
	ADV_VALUE_FULL *v;
	UNICODE_STRING name;
	NTSTATUS status;

	for (ULONG i = 0;; i++) {
		status = adv_value_info(from, NULL, (LONG)i, KeyValueFullInformation, (void **)&v);
		if (!NT_SUCCESS(status))
			break;
		name.Length = name.MaximumLength = (USHORT)v->NameLength;
		name.Buffer = v->Name;
		status = NtSetValueKey(to, &name, 0, v->Type, (BYTE *)v + v->DataOffset,
				       v->DataLength);
		adv_free(v);
		if (!NT_SUCCESS(status))
			return status;
	}
	return status == STATUS_NO_MORE_ENTRIES ? STATUS_SUCCESS : status;
}

static NTSTATUS copy_tree(HANDLE from, HANDLE to)
{
	ADV_KEY_BASIC *k;
	UNICODE_STRING name;
	OBJECT_ATTRIBUTES oa;
	HANDLE src, dst;
	NTSTATUS status = copy_values(from, to);

	for (ULONG i = 0; NT_SUCCESS(status); i++) {
		status = adv_key_info(from, (LONG)i, KeyBasicInformation, (void **)&k);
		if (!NT_SUCCESS(status))
			break;
		name.Length = name.MaximumLength = (USHORT)k->NameLength;
		name.Buffer = k->Name;
		InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE, from, NULL);
		status = NtOpenKey(&src, KEY_READ, &oa);
		if (NT_SUCCESS(status)) {
			oa.RootDirectory = to;
			status = NtCreateKey(&dst, KEY_ALL_ACCESS, &oa, 0, NULL, 0, NULL);
			if (NT_SUCCESS(status)) {
				status = copy_tree(src, dst);
				NtClose(dst);
			}
			NtClose(src);
		}
		adv_free(k);
	}
	return status == STATUS_NO_MORE_ENTRIES ? STATUS_SUCCESS : status;
}

ADVAPI LSTATUS WINAPI RegCopyTreeW(HKEY hkey, LPCWSTR sub, HKEY dst)
{
	HANDLE from, to;
	LSTATUS err = adv_key(dst, &to);

	if (err)
		return err;
	err = adv_open(hkey, sub, KEY_READ, &from);
	if (err)
		return err;
	err = adv_error(copy_tree(from, to));
	NtClose(from);
	return err;
}

ADVAPI LSTATUS WINAPI RegCopyTreeA(HKEY hkey, LPCSTR sub, HKEY dst)
{
	WCHAR *w;
	LSTATUS err = adv_a_to_w(sub, &w);

	if (err)
		return err;
	err = RegCopyTreeW(hkey, w, dst);
	adv_free(w);
	return err;
}

/* RegRenameKey: hkey\sub gets a new name; without sub, hkey itself through
 * its own handle (its access decides).  Both names NULL is a bad
 * parameter; otherwise the key is looked for first. */
ADVAPI LSTATUS WINAPI RegRenameKey(HKEY hkey, LPCWSTR sub, LPCWSTR new_name)
{
	UNICODE_STRING name;
	HANDLE h;
	LSTATUS err;
	BOOL own = sub && *sub;

	if (!sub && !new_name)
		return ERROR_INVALID_PARAMETER;
	err = own ? adv_open(hkey, sub, KEY_WRITE, &h) : adv_key(hkey, &h);
	if (err)
		return err;
	if (new_name) {
		RtlInitUnicodeString(&name, new_name);
		err = adv_error(NtRenameKey(h, &name));
	} else {
		err = ERROR_INVALID_PARAMETER;
	}
	if (own)
		NtClose(h);
	return err;
}
