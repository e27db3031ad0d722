/* Values, UTF-16 side: RegQueryValueExW, RegSetValueExW, RegSetKeyValueW,
 * RegDeleteValueW, RegDeleteKeyValueW. */
#include "adv_private.h"

ADVAPI LSTATUS WINAPI RegQueryValueExW(HKEY hkey, LPCWSTR name, LPDWORD reserved, LPDWORD type,
				       LPBYTE data, LPDWORD size)
{
	ADV_VALUE_PARTIAL *info;
	HANDLE h, opened;
	LSTATUS err;
	NTSTATUS status;

	DWORD room = size ? *size : 0; /* read first: type and size may alias */

	if (reserved || (data && !size))
		return ERROR_INVALID_PARAMETER;
	if (adv_is_perf_key(hkey))
		return adv_perf_query(hkey, name, type, data, size, FALSE);
	err = adv_value_key(hkey, &h, &opened);
	if (err)
		return err;
	status = adv_value_info(h, name, -1, KeyValuePartialInformation, (void **)&info);
	if (opened)
		NtClose(opened);
	if (!NT_SUCCESS(status)) {
		/* A missing value reports size 0 when no buffer was given. */
		if (size && !data)
			*size = 0;
		return adv_error(status);
	}
	if (type)
		*type = info->Type;
	if (size) {
		/* A short buffer gets ERROR_MORE_DATA and the size it needs. */
		if (data && info->DataLength > room)
			err = ERROR_MORE_DATA;
		else if (data)
			memcpy(data, info->Data, info->DataLength);
		*size = info->DataLength;
	}
	adv_free(info);
	return err;
}

/* Stores exactly `size` bytes (the A and W calls adjust strings first). */
LSTATUS adv_set_value(HKEY hkey, const WCHAR *name, DWORD type, const BYTE *data, DWORD size)
{
	UNICODE_STRING us;
	HANDLE h, opened = NULL;
	LSTATUS err = adv_is_perf_key(hkey) ? adv_perf_set_value(hkey)
					    : adv_value_key(hkey, &h, &opened);
	NTSTATUS status;

	if (err)
		return err;
	RtlInitUnicodeString(&us, name ? name : L"");
	status = NtSetValueKey(h, &us, 0, type, (void *)data, size);
	if (opened)
		NtClose(opened);
	return adv_error(status);
}

ADVAPI LSTATUS WINAPI RegSetValueExW(HKEY hkey, LPCWSTR name, DWORD reserved, DWORD type,
				     const BYTE *data, DWORD size)
{
	/* Windows reports the unreadable buffer rather than storing nothing. */
	if (!data && size)
		return ERROR_NOACCESS;
	return adv_set_value(hkey, name, type, data,
			     adv_stored_size(type, data, size, sizeof(WCHAR)));
}

/* The subkey is created if missing, as Windows does. */
ADVAPI LSTATUS WINAPI RegSetKeyValueW(HKEY hkey, LPCWSTR sub, LPCWSTR name, DWORD type,
				      LPCVOID data, DWORD size)
{
	HKEY k;
	LSTATUS err;

	if (!sub || !*sub)
		return RegSetValueExW(hkey, name, 0, type, data, size);
	err = RegCreateKeyExW(hkey, sub, 0, NULL, 0, KEY_SET_VALUE, NULL, &k, NULL);
	if (err)
		return err;
	err = RegSetValueExW(k, name, 0, type, data, size);
	RegCloseKey(k);
	return err;
}

ADVAPI LSTATUS WINAPI RegDeleteValueW(HKEY hkey, LPCWSTR name)
{
	UNICODE_STRING us;
	HANDLE h;
	LSTATUS err = adv_key(hkey, &h);

	if (err)
		return err;
	RtlInitUnicodeString(&us, name ? name : L"");
	return adv_error(NtDeleteValueKey(h, &us));
}

ADVAPI LSTATUS WINAPI RegDeleteKeyValueW(HKEY hkey, LPCWSTR sub, LPCWSTR name)
{
	HANDLE h;
	LSTATUS err = adv_open(hkey, sub, KEY_SET_VALUE, &h);

	if (err)
		return err;
	err = RegDeleteValueW((HKEY)h, name);
	NtClose(h);
	return err;
}
