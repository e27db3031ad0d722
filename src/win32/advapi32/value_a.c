/* Values, ANSI side.  String data (REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ)
 * is stored as UTF-16 and converted both ways; sizes the A functions take
 * and report are those of the ANSI form. */
#include "adv_private.h"

ADVAPI LSTATUS WINAPI RegQueryValueExA(HKEY hkey, LPCSTR name, LPDWORD reserved, LPDWORD type,
				       LPBYTE data, LPDWORD size)
{
	ADV_VALUE_PARTIAL *info = NULL;
	WCHAR *wname;
	HANDLE h, opened = NULL;
	DWORD asize;
	LSTATUS err;
	NTSTATUS status;

	DWORD room = size ? *size : 0; /* read first: type and size may alias */

	if (reserved || (data && !size))
		return ERROR_INVALID_PARAMETER;
	err = adv_is_perf_key(hkey) ? ERROR_SUCCESS : adv_value_key(hkey, &h, &opened);
	if (!err)
		err = adv_a_to_w(name, &wname);
	if (err) {
		if (opened)
			NtClose(opened);
		return err;
	}
	if (adv_is_perf_key(hkey)) {
		err = adv_perf_query(hkey, wname, type, data, size, TRUE);
		adv_free(wname);
		return err;
	}
	status = adv_value_info(h, wname, -1, KeyValuePartialInformation, (void **)&info);
	adv_free(wname);
	if (opened)
		NtClose(opened);
	if (!NT_SUCCESS(status)) {
		if (size && !data)
			*size = 0;
		return adv_error(status);
	}
	if (type)
		*type = info->Type;
	asize = adv_a_size(info->Type, info->DataLength);
	if (size) {
		if (data && asize > room)
			err = ERROR_MORE_DATA;
		else if (data) {
			adv_data_to_a(info->Type, info->Data, info->DataLength, data);
			adv_terminate_a(info->Type, data, asize, room);
		}
		*size = asize;
	}
	adv_free(info);
	return err;
}

ADVAPI LSTATUS WINAPI RegSetValueExA(HKEY hkey, LPCSTR name, DWORD reserved, DWORD type,
				     const BYTE *data, DWORD size)
{
	WCHAR *wname, *wdata = NULL;
	LSTATUS err;

	if (!data && size)
		return ERROR_NOACCESS;
	if (adv_is_string_type(type) && size) {
		DWORD n = adv_stored_size(type, data, size, 1);

		wdata = adv_alloc((SIZE_T)n * sizeof(WCHAR));
		if (!wdata)
			return ERROR_NOT_ENOUGH_MEMORY;
		adv_a_to_w_n((const char *)data, n, wdata);
		data = (const BYTE *)wdata;
		size = n * sizeof(WCHAR);
	}
	err = adv_a_to_w(name, &wname);
	if (!err)
		err = adv_set_value(hkey, wname, type, data, size);
	adv_free(wname);
	adv_free(wdata);
	return err;
}

ADVAPI LSTATUS WINAPI RegSetKeyValueA(HKEY hkey, LPCSTR sub, LPCSTR name, DWORD type,
				      LPCVOID data, DWORD size)
{
	HKEY k;
	LSTATUS err;

	if (!sub || !*sub)
		return RegSetValueExA(hkey, name, 0, type, data, size);
	err = RegCreateKeyExA(hkey, sub, 0, NULL, 0, KEY_SET_VALUE, NULL, &k, NULL);
	if (err)
		return err;
	err = RegSetValueExA(k, name, 0, type, data, size);
	RegCloseKey(k);
	return err;
}

ADVAPI LSTATUS WINAPI RegDeleteValueA(HKEY hkey, LPCSTR name)
{
	WCHAR *w;
	LSTATUS err = adv_a_to_w(name, &w);

	if (err)
		return err;
	err = RegDeleteValueW(hkey, w);
	adv_free(w);
	return err;
}

ADVAPI LSTATUS WINAPI RegDeleteKeyValueA(HKEY hkey, LPCSTR sub, LPCSTR name)
{
	WCHAR *wsub, *wname = NULL;
	LSTATUS err = adv_a_to_w(sub, &wsub);

	if (!err)
		err = adv_a_to_w(name, &wname);
	if (!err)
		err = RegDeleteKeyValueW(hkey, wsub, wname);
	adv_free(wsub);
	adv_free(wname);
	return err;
}
