/* HKCU\Control Panel\International through the NT key calls, and the
 * string values kernel32 keeps in the registry. */
#include "k32_intl_reg.h"
#include "ntdll/rtl/nt_key.h"

NTSYSAPI NTSTATUS NTAPI RtlOpenCurrentUser(ACCESS_MASK access, PHANDLE key);

static HANDLE open_under(HANDLE root, const WCHAR *path, BOOL create)
{
	UNICODE_STRING s;
	OBJECT_ATTRIBUTES oa;
	HANDLE key = NULL;
	ACCESS_MASK access = KEY_QUERY_VALUE | KEY_SET_VALUE;
	NTSTATUS st;

	RtlInitUnicodeString(&s, path);
	InitializeObjectAttributes(&oa, &s, OBJ_CASE_INSENSITIVE, root, NULL);
	if (create)
		st = NtCreateKey(&key, access, &oa, 0, NULL, 0, NULL);
	else
		st = NtOpenKey(&key, access, &oa);
	return st < 0 ? NULL : key;
}

HANDLE k32_intl_key(const WCHAR *sub, BOOL create)
{
	HANDLE user, intl, key;

	if (RtlOpenCurrentUser(KEY_ALL_ACCESS, &user) < 0)
		return NULL;
	/* NtCreateKey makes one level at a time */
	if (create && (key = open_under(user, L"Control Panel", TRUE)))
		NtClose(key);
	intl = open_under(user, L"Control Panel\\International", create);
	NtClose(user);
	if (!intl || !sub)
		return intl;
	key = open_under(intl, sub, create);
	NtClose(intl);
	return key;
}

BOOL k32_reg_get_sz(HANDLE key, const WCHAR *name, WCHAR *out, DWORD room, DWORD *len)
{
	ULONG size = 12 + room * sizeof(WCHAR), got = 0;
	LSW_VALUE_PARTIAL *v = RtlAllocateHeap(k32_heap(), 0, size);
	UNICODE_STRING s;
	BOOL ok = FALSE;

	RtlInitUnicodeString(&s, name ? name : L"");
	if (v && NtQueryValueKey(key, &s, KeyValuePartialInformation, v, size, &got) >= 0 &&
	    v->Type == REG_SZ) {
		DWORD n = v->DataLength / sizeof(WCHAR);
		if (n && !((WCHAR *)v->Data)[n - 1])
			n--;
		if (n < room) {
			memcpy(out, v->Data, n * sizeof(WCHAR));
			out[n] = 0;
			*len = n;
			ok = TRUE;
		}
	}
	k32_free(v);
	return ok;
}

BOOL k32_reg_set_sz(HANDLE key, const WCHAR *name, const WCHAR *value)
{
	UNICODE_STRING s;
	NTSTATUS st;

	RtlInitUnicodeString(&s, name);
	st = NtSetValueKey(key, &s, 0, REG_SZ, (void *)value,
			   (ULONG)(wcslen(value) + 1) * sizeof(WCHAR));
	return st < 0 ? k32_fail(st) : TRUE;
}
