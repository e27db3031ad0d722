/* Values in HKEY_CLASSES_ROOT's merged view.  Values written or read
 * through a key of the view go to the user's key when it exists, else to
 * the machine's (Microsoft's "Merged View of HKEY_CLASSES_ROOT"): a
 * handle opened while only the machine's key existed follows the user's
 * key made since.  Enumerating gives the user's values, then the
 * machine's that the user's key does not hold (advapi32's registry
 * tests, which pass on Windows). */
#include "adv_private.h"

/* The access a handle was granted, to open the user's key with no more. */
static ACCESS_MASK granted(HANDLE h)
{
	OBJECT_BASIC_INFORMATION info;

	if (!NT_SUCCESS(NtQueryObject(h, ObjectBasicInformation, &info, sizeof(info), NULL)))
		return KEY_QUERY_VALUE;
	return info.GrantedAccess;
}

/* The other hive's key at the place a merged key stands for: *out NULL
 * when there is none (or hkey is outside the view, or is HKCR itself,
 * whose values are the machine's only). */
static LSTATUS other_hive_key(HKEY hkey, HANDLE own, enum adv_hive *own_hive, HANDLE *out)
{
	WCHAR *rel;
	LSTATUS err;

	*out = NULL;
	*own_hive = ADV_HIVE_MACHINE;
	if (hkey == HKEY_CLASSES_ROOT)
		return ERROR_SUCCESS;
	err = adv_merged_where(hkey, own_hive, &rel);
	if (err || !rel)
		return err;
	adv_classes_open(*own_hive == ADV_HIVE_MACHINE ? ADV_HIVE_USER : ADV_HIVE_MACHINE, rel,
			 NULL, granted(own), 0, out);
	adv_free(rel);
	return ERROR_SUCCESS;
}

LSTATUS adv_value_key(HKEY hkey, HANDLE *h, HANDLE *opened)
{
	enum adv_hive hive;
	LSTATUS err = adv_key(hkey, h);

	*opened = NULL;
	if (err || !adv_is_merged(hkey))
		return err;
	err = other_hive_key(hkey, *h, &hive, opened);
	if (*opened && hive == ADV_HIVE_USER) { /* the user's own key comes first */
		NtClose(*opened);
		*opened = NULL;
	}
	if (*opened)
		*h = *opened;
	return err;
}

/* Whether key holds a value named like v. */
static BOOL holds(HANDLE key, const ADV_VALUE_FULL *v)
{
	SIZE_T n = v->NameLength / sizeof(WCHAR);
	WCHAR *name = adv_alloc((n + 1) * sizeof(WCHAR));
	void *info = NULL;
	NTSTATUS status;

	if (!name)
		return FALSE;
	memcpy(name, v->Name, n * sizeof(WCHAR));
	name[n] = 0;
	status = adv_value_info(key, name, -1, KeyValueBasicInformation, &info);
	adv_free(info);
	adv_free(name);
	return NT_SUCCESS(status);
}

/* The index-th value of the machine's key that the user's lacks. */
static NTSTATUS machine_only(HANDLE user, HANDLE machine, LONG index, ADV_VALUE_FULL **out)
{
	NTSTATUS status;

	for (LONG i = 0;; i++) {
		status = adv_value_info(machine, NULL, i, KeyValueFullInformation, (void **)out);
		if (!NT_SUCCESS(status))
			return status;
		if (!holds(user, *out) && index-- == 0)
			return STATUS_SUCCESS;
		adv_free(*out);
		*out = NULL;
	}
}

NTSTATUS adv_merged_enum_value(HKEY hkey, HANDLE own, LONG index, ADV_VALUE_FULL **out)
{
	enum adv_hive hive;
	HANDLE other, user, machine;
	ADV_KEY_FULL *counts;
	NTSTATUS status;
	LONG nuser;

	*out = NULL;
	if (other_hive_key(hkey, own, &hive, &other) || !other)
		return adv_value_info(own, NULL, index, KeyValueFullInformation, (void **)out);
	user = hive == ADV_HIVE_USER ? own : other;
	machine = hive == ADV_HIVE_USER ? other : own;
	status = adv_key_info(user, -1, KeyFullInformation, (void **)&counts);
	if (NT_SUCCESS(status)) {
		nuser = (LONG)counts->Values;
		adv_free(counts);
		status = index < nuser ? adv_value_info(user, NULL, index, KeyValueFullInformation,
							(void **)out)
				       : machine_only(user, machine, index - nuser, out);
	}
	NtClose(other);
	return status;
}
