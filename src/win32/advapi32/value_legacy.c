/* The Windows 3.1 value calls, which work on a key's default (unnamed)
 * value and only with strings: RegSetValue and RegQueryValue, A and W.
 * The size RegSetValue is given is ignored (the string's length counts),
 * and RegQueryValue reads a missing default value as an empty string and
 * always returns a terminated one, as Windows does. */
#include "adv_private.h"

ADVAPI LSTATUS WINAPI RegSetValueW(HKEY hkey, LPCWSTR sub, DWORD type, LPCWSTR data, DWORD size)
{
	HKEY k = hkey;
	LSTATUS err;

	if (type != REG_SZ || !data)
		return ERROR_INVALID_PARAMETER;
	if (sub && *sub) {
		err = RegCreateKeyExW(hkey, sub, 0, NULL, 0, KEY_SET_VALUE, NULL, &k, NULL);
		if (err)
			return err;
	}
	err = RegSetValueExW(k, NULL, 0, REG_SZ, (const BYTE *)data,
			     (DWORD)((wcslen(data) + 1) * sizeof(WCHAR)));
	if (k != hkey)
		RegCloseKey(k);
	return err;
}

ADVAPI LSTATUS WINAPI RegSetValueA(HKEY hkey, LPCSTR sub, DWORD type, LPCSTR data, DWORD size)
{
	WCHAR *wsub = NULL, *wdata = NULL;
	LSTATUS err;

	if (type != REG_SZ || !data)
		return ERROR_INVALID_PARAMETER;
	err = adv_a_to_w(sub, &wsub);
	if (!err)
		err = adv_a_to_w(data, &wdata);
	if (!err)
		err = RegSetValueW(hkey, wsub, REG_SZ, wdata, 0);
	adv_free(wsub);
	adv_free(wdata);
	return err;
}

/* The default value of hkey\sub as a terminated string in a heap block;
 * *bytes counts the terminator. */
static LSTATUS default_string(HKEY hkey, LPCWSTR sub, WCHAR **out, DWORD *bytes)
{
	ADV_VALUE_PARTIAL *info = NULL;
	HANDLE h, k;
	DWORD n = 0;
	LSTATUS err = adv_key(hkey, &h);
	NTSTATUS status;

	if (err)
		return err;
	k = h;
	if (sub && *sub && (err = adv_open(hkey, sub, KEY_QUERY_VALUE, &k)))
		return err;
	status = adv_value_info(k, L"", -1, KeyValuePartialInformation, (void **)&info);
	if (k != h)
		NtClose(k);
	if (!NT_SUCCESS(status) && status != STATUS_OBJECT_NAME_NOT_FOUND)
		return adv_error(status);
	if (info)
		n = info->DataLength / sizeof(WCHAR);
	*out = adv_alloc((n + 1) * sizeof(WCHAR));
	if (*out) {
		if (n)
			memcpy(*out, info->Data, n * sizeof(WCHAR));
		if (!n || (*out)[n - 1])
			(*out)[n++] = 0;
		*bytes = n * sizeof(WCHAR);
	}
	adv_free(info);
	return *out ? ERROR_SUCCESS : ERROR_NOT_ENOUGH_MEMORY;
}

ADVAPI LSTATUS WINAPI RegQueryValueW(HKEY hkey, LPCWSTR sub, LPWSTR data, PLONG size)
{
	WCHAR *s;
	DWORD bytes;
	LSTATUS err;

	if (data && !size)
		return ERROR_INVALID_PARAMETER;
	err = default_string(hkey, sub, &s, &bytes);
	if (err)
		return err;
	if (data && bytes > (DWORD)*size)
		err = ERROR_MORE_DATA;
	else if (data)
		memcpy(data, s, bytes);
	if (size)
		*size = (LONG)bytes;
	adv_free(s);
	return err;
}

ADVAPI LSTATUS WINAPI RegQueryValueA(HKEY hkey, LPCSTR sub, LPSTR data, PLONG size)
{
	WCHAR *wsub, *s;
	DWORD bytes, abytes;
	LSTATUS err;

	if (data && !size)
		return ERROR_INVALID_PARAMETER;
	err = adv_a_to_w(sub, &wsub);
	if (err)
		return err;
	err = default_string(hkey, wsub, &s, &bytes);
	adv_free(wsub);
	if (err)
		return err;
	abytes = adv_a_size(REG_SZ, bytes);
	if (data && abytes > (DWORD)*size)
		err = ERROR_MORE_DATA;
	else if (data)
		adv_data_to_a(REG_SZ, (const BYTE *)s, bytes, (BYTE *)data);
	if (size)
		*size = (LONG)abytes;
	adv_free(s);
	return err;
}
