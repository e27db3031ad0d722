/*
 * EnumDynamicTimeZoneInformation: the zones under HKLM\SOFTWARE\Microsoft\
 * Windows NT\CurrentVersion\Time Zones, in the order RegEnumKey gives them,
 * each from its TZI value (REG_TZI_FORMAT) and the names its MUI_Std and
 * MUI_Dlt values point to (the Std and Dlt values when they cannot be
 * loaded).
 */
#define _KERNEL32_ /* EnumDynamicTimeZoneInformation: defined here, not imported */
#include "adv_private.h"

#define TIME_ZONES L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Time Zones"

struct tzi_format {
	LONG bias, std_bias, dlt_bias;
	SYSTEMTIME std_date, dlt_date;
};

/* A zone name into a 32-WCHAR field: the MUI string, else the plain one. */
static void zone_name(HKEY key, const WCHAR *mui, const WCHAR *plain, const WCHAR *sysdir,
		      WCHAR out[32])
{
	DWORD size = 32 * sizeof(WCHAR);

	out[0] = 0;
	if (!RegLoadMUIStringW(key, mui, out, size, NULL, REG_MUI_STRING_TRUNCATE, sysdir))
		return;
	if (RegGetValueW(key, NULL, plain, RRF_RT_REG_SZ, NULL, out, &size))
		out[0] = 0;
	out[31] = 0;
}

static LSTATUS read_zone(HKEY zones, const WCHAR *name, DYNAMIC_TIME_ZONE_INFORMATION *d)
{
	WCHAR sysdir[MAX_PATH];
	struct tzi_format tzi;
	DWORD size = sizeof(tzi);
	HKEY key;
	LSTATUS err = RegOpenKeyExW(zones, name, 0, KEY_QUERY_VALUE, &key);

	if (err)
		return err;
	err = RegGetValueW(key, NULL, L"TZI", RRF_RT_REG_BINARY, NULL, &tzi, &size);
	if (!err && size != sizeof(tzi))
		err = ERROR_INVALID_DATA;
	if (!err) {
		if (!GetSystemDirectoryW(sysdir, MAX_PATH))
			sysdir[0] = 0;
		d->Bias = tzi.bias;
		d->StandardBias = tzi.std_bias;
		d->DaylightBias = tzi.dlt_bias;
		d->StandardDate = tzi.std_date;
		d->DaylightDate = tzi.dlt_date;
		zone_name(key, L"MUI_Std", L"Std", sysdir, d->StandardName);
		zone_name(key, L"MUI_Dlt", L"Dlt", sysdir, d->DaylightName);
	}
	RegCloseKey(key);
	return err;
}

ADVAPI DWORD WINAPI EnumDynamicTimeZoneInformation(const DWORD index,
						   PDYNAMIC_TIME_ZONE_INFORMATION out)
{
	DYNAMIC_TIME_ZONE_INFORMATION d;
	HKEY zones;
	LSTATUS err;

	if (!out)
		return ERROR_INVALID_PARAMETER;
	memset(&d, 0, sizeof(d));
	err = RegOpenKeyExW(HKEY_LOCAL_MACHINE, TIME_ZONES, 0,
			    KEY_ENUMERATE_SUB_KEYS | KEY_QUERY_VALUE, &zones);
	if (err)
		return err;
	err = RegEnumKeyW(zones, index, d.TimeZoneKeyName, ARRAYSIZE(d.TimeZoneKeyName));
	if (!err)
		err = read_zone(zones, d.TimeZoneKeyName, &d);
	RegCloseKey(zones);
	if (err)
		return err;
	*out = d;
	SetLastError(ERROR_SUCCESS); /* as Windows leaves it after a zone is read */
	return ERROR_SUCCESS;
}
