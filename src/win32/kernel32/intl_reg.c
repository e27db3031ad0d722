/* HKCU\Control Panel\International through the NT key calls. */
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

BOOL k32_intl_get(HANDLE key, const WCHAR *name, WCHAR *out, int room)
{
	ULONG buf[(12 + 128 * sizeof(WCHAR)) / sizeof(ULONG)];
	LSW_VALUE_PARTIAL *v = (LSW_VALUE_PARTIAL *)buf;
	UNICODE_STRING s;
	ULONG got, n;

	RtlInitUnicodeString(&s, name);
	if (NtQueryValueKey(key, &s, KeyValuePartialInformation, buf, sizeof(buf), &got) < 0 ||
	    v->Type != REG_SZ)
		return FALSE;
	n = v->DataLength / sizeof(WCHAR);
	if (n && !((WCHAR *)v->Data)[n - 1])
		n--;
	if (n >= (ULONG)room)
		return FALSE;
	memcpy(out, v->Data, n * sizeof(WCHAR));
	out[n] = 0;
	return TRUE;
}

BOOL k32_intl_set(HANDLE key, const WCHAR *name, const WCHAR *value)
{
	UNICODE_STRING s;
	NTSTATUS st;

	RtlInitUnicodeString(&s, name);
	st = NtSetValueKey(key, &s, 0, REG_SZ, (void *)value,
			   (ULONG)(wcslen(value) + 1) * sizeof(WCHAR));
	return st < 0 ? k32_fail(st) : TRUE;
}
