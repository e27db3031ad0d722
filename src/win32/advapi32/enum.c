/* Enumeration: RegEnumKeyEx, RegEnumKey, RegEnumValue (below
 * HKEY_CLASSES_ROOT, subkeys of both hives: merge_enum.c; values are
 * those of the key the handle stands for).  Names are counted
 * in characters; the size given in includes the NUL, the one given back
 * does not.  A name that does not fit gives ERROR_MORE_DATA and leaves
 * the count as it was; data that does not fit gives ERROR_MORE_DATA and
 * the size it needs.  Past the last entry: ERROR_NO_MORE_ITEMS. */
#include "adv_private.h"

/* Copy `units` characters and a NUL, as UTF-16 or ANSI. */
static void copy_name(const WCHAR *src, DWORD units, void *dst, BOOL ansi)
{
	if (ansi) {
		adv_w_to_a(src, units, dst);
		((char *)dst)[units] = 0;
	} else {
		memcpy(dst, src, units * sizeof(WCHAR));
		((WCHAR *)dst)[units] = 0;
	}
}

static LSTATUS enum_key(HKEY hkey, DWORD index, void *name, LPDWORD name_len, LPDWORD reserved,
			void *cls, LPDWORD cls_len, FILETIME *ft, BOOL ansi)
{
	ADV_KEY_NODE *info;
	DWORD nlen, clen;
	HANDLE h;
	LSTATUS err;
	NTSTATUS status;

	if (!name || !name_len || reserved || (cls && !cls_len))
		return ERROR_INVALID_PARAMETER;
	if (adv_is_perf_key(hkey))
		return adv_perf_enum_key(hkey);
	if (adv_is_merged(hkey)) {
		err = adv_merged_enum(hkey, index, &info);
		if (err)
			return err;
	} else {
		err = adv_key(hkey, &h);
		if (err)
			return err;
		if ((LONG)index < 0) /* no such index; -1 would ask for the key itself */
			return ERROR_NO_MORE_ITEMS;
		status = adv_key_info(h, (LONG)index, KeyNodeInformation, (void **)&info);
		if (!NT_SUCCESS(status))
			return adv_error(status);
	}
	nlen = info->NameLength / sizeof(WCHAR);
	clen = info->ClassLength / sizeof(WCHAR);
	if (nlen >= *name_len || (cls && clen >= *cls_len)) {
		err = ERROR_MORE_DATA;
	} else {
		copy_name(info->Name, nlen, name, ansi);
		*name_len = nlen;
		if (cls)
			copy_name((WCHAR *)((BYTE *)info + info->ClassOffset), clen, cls, ansi);
		if (cls_len)
			*cls_len = clen;
		if (ft)
			memcpy(ft, &info->LastWriteTime, sizeof(*ft));
	}
	adv_free(info);
	return err;
}

ADVAPI LSTATUS WINAPI RegEnumKeyExW(HKEY hkey, DWORD index, LPWSTR name, LPDWORD name_len,
				    LPDWORD reserved, LPWSTR cls, LPDWORD cls_len, PFILETIME ft)
{
	return enum_key(hkey, index, name, name_len, reserved, cls, cls_len, ft, FALSE);
}

ADVAPI LSTATUS WINAPI RegEnumKeyExA(HKEY hkey, DWORD index, LPSTR name, LPDWORD name_len,
				    LPDWORD reserved, LPSTR cls, LPDWORD cls_len, PFILETIME ft)
{
	return enum_key(hkey, index, name, name_len, reserved, cls, cls_len, ft, TRUE);
}

ADVAPI LSTATUS WINAPI RegEnumKeyW(HKEY hkey, DWORD index, LPWSTR name, DWORD size)
{
	return enum_key(hkey, index, name, &size, NULL, NULL, NULL, NULL, FALSE);
}

ADVAPI LSTATUS WINAPI RegEnumKeyA(HKEY hkey, DWORD index, LPSTR name, DWORD size)
{
	return enum_key(hkey, index, name, &size, NULL, NULL, NULL, NULL, TRUE);
}

static LSTATUS enum_value(HKEY hkey, DWORD index, void *name, LPDWORD name_len, LPDWORD reserved,
			  LPDWORD type, LPBYTE data, LPDWORD data_len, BOOL ansi)
{
	ADV_VALUE_FULL *info;
	DWORD nlen, dlen;
	BOOL name_fits, data_fits;
	const BYTE *src;
	HANDLE h;
	LSTATUS err;
	NTSTATUS status;

	if (!name || !name_len || reserved || (data && !data_len))
		return ERROR_INVALID_PARAMETER;
	if (adv_is_perf_key(hkey))
		return adv_perf_enum_value(index);
	err = adv_key(hkey, &h);
	if (err)
		return err;
	if ((LONG)index < 0)
		return ERROR_NO_MORE_ITEMS;
	status = adv_is_merged(hkey)
			 ? adv_merged_enum_value(hkey, h, (LONG)index, &info)
			 : adv_value_info(h, NULL, (LONG)index, KeyValueFullInformation, (void **)&info);
	if (!NT_SUCCESS(status))
		return adv_error(status);
	nlen = info->NameLength / sizeof(WCHAR);
	src = (const BYTE *)info + info->DataOffset;
	dlen = ansi ? adv_a_size(info->Type, info->DataLength) : info->DataLength;
	if (type)
		*type = info->Type;
	name_fits = nlen < *name_len;
	data_fits = !data || dlen <= *data_len;
	/* When one part does not fit Windows still fills the other one, but
	 * only in one direction per form: the A call returns the data when
	 * the name is too long, the W call the name when the data is. */
	if (name_fits && (data_fits || !ansi)) {
		copy_name(info->Name, nlen, name, ansi);
		*name_len = nlen;
	}
	if (data && data_fits && (name_fits || ansi)) {
		if (ansi) {
			adv_data_to_a(info->Type, src, info->DataLength, data);
			adv_terminate_a(info->Type, data, dlen, *data_len);
		} else {
			memcpy(data, src, dlen);
		}
	}
	if (!name_fits || !data_fits)
		err = ERROR_MORE_DATA;
	if (data_len)
		*data_len = dlen;
	adv_free(info);
	return err;
}

ADVAPI LSTATUS WINAPI RegEnumValueW(HKEY hkey, DWORD index, LPWSTR name, LPDWORD name_len,
				    LPDWORD reserved, LPDWORD type, LPBYTE data, LPDWORD data_len)
{
	return enum_value(hkey, index, name, name_len, reserved, type, data, data_len, FALSE);
}

ADVAPI LSTATUS WINAPI RegEnumValueA(HKEY hkey, DWORD index, LPSTR name, LPDWORD name_len,
				    LPDWORD reserved, LPDWORD type, LPBYTE data, LPDWORD data_len)
{
	return enum_value(hkey, index, name, name_len, reserved, type, data, data_len, TRUE);
}
