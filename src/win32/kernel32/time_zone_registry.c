/*
 * A time zone's rules as the registry keeps them: HKLM\SOFTWARE\Microsoft\
 * Windows NT\CurrentVersion\Time Zones\<key>, its TZI value (REG_TZI_FORMAT)
 * and its Std and Dlt names.  For GetTimeZoneInformationForYear.
 */
#include "k32_private.h"
#include "ntdll/rtl/nt_key.h"
#include "k32_time_zone.h"

#define ZONES L"\\Registry\\Machine\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Time Zones\\"

struct tzi_format {
	LONG bias, std_bias, dlt_bias;
	SYSTEMTIME std_date, dlt_date;
};

/* Value name of key into buf (room bytes): TRUE with its data length. */
static BOOL query(HANDLE key, const WCHAR *name, ULONG type, BYTE *buf, ULONG room, ULONG *len)
{
	LSW_VALUE_PARTIAL *v = (LSW_VALUE_PARTIAL *)buf;
	UNICODE_STRING s;
	ULONG got;

	RtlInitUnicodeString(&s, name);
	if (NtQueryValueKey(key, &s, KeyValuePartialInformation, buf, room, &got) < 0 ||
	    v->Type != type)
		return FALSE;
	*len = v->DataLength;
	return TRUE;
}

/* A name value into a 32-WCHAR field, cut and terminated. */
static void query_name(HANDLE key, const WCHAR *name, WCHAR out[32])
{
	ULONG buf[(12 + 64 * sizeof(WCHAR)) / sizeof(ULONG)];
	ULONG len = 0;

	memset(out, 0, 32 * sizeof(WCHAR));
	if (!query(key, name, REG_SZ, (BYTE *)buf, sizeof(buf), &len))
		return;
	if (len > 31 * sizeof(WCHAR))
		len = 31 * sizeof(WCHAR);
	memcpy(out, (BYTE *)buf + 12, len & ~1u);
}

static BOOL open_zone(const WCHAR *zone, HANDLE *key)
{
	WCHAR path[ARRAYSIZE(ZONES) + 128];
	size_t n = 0;
	UNICODE_STRING s;
	OBJECT_ATTRIBUTES oa;

	while (n < 128 && zone[n])
		n++;
	/* one key name: not empty, no separator, terminated within the field */
	if (!n || n == 128)
		return FALSE;
	for (size_t i = 0; i < n; i++)
		if (zone[i] == '\\')
			return FALSE;
	memcpy(path, ZONES, sizeof(ZONES) - sizeof(WCHAR));
	memcpy(path + ARRAYSIZE(ZONES) - 1, zone, n * sizeof(WCHAR));
	path[ARRAYSIZE(ZONES) - 1 + n] = 0;
	RtlInitUnicodeString(&s, path);
	InitializeObjectAttributes(&oa, &s, OBJ_CASE_INSENSITIVE, NULL, NULL);
	return NtOpenKey(key, KEY_QUERY_VALUE, &oa) >= 0;
}

/* The TZI of key's value name into f. */
static BOOL query_tzi(HANDLE key, const WCHAR *name, struct tzi_format *f)
{
	ULONG buf[(12 + sizeof(*f) + 4) / sizeof(ULONG)];
	ULONG len = 0;

	if (!query(key, name, REG_BINARY, (BYTE *)buf, sizeof(buf), &len) || len != sizeof(*f))
		return FALSE;
	memcpy(f, (BYTE *)buf + 12, sizeof(*f));
	return TRUE;
}

static BOOL query_dword(HANDLE key, const WCHAR *name, DWORD *out)
{
	ULONG buf[(12 + 8) / sizeof(ULONG)];
	ULONG len = 0;

	if (!query(key, name, REG_DWORD, (BYTE *)buf, sizeof(buf), &len) || len != 4)
		return FALSE;
	memcpy(out, (BYTE *)buf + 12, 4);
	return TRUE;
}

/* The rules of year from the zone's Dynamic DST key (the first or last
 * year it holds for years outside them); FALSE without one. */
static BOOL year_rules(HANDLE zone, USHORT year, struct tzi_format *f)
{
	UNICODE_STRING s;
	OBJECT_ATTRIBUTES oa;
	HANDLE key;
	DWORD first, last;
	WCHAR name[8];
	BOOL ok = FALSE;

	RtlInitUnicodeString(&s, L"Dynamic DST");
	InitializeObjectAttributes(&oa, &s, OBJ_CASE_INSENSITIVE, zone, NULL);
	if (NtOpenKey(&key, KEY_QUERY_VALUE, &oa) < 0)
		return FALSE;
	if (query_dword(key, L"FirstEntry", &first) && query_dword(key, L"LastEntry", &last) &&
	    first <= last && last < 10000) {
		DWORD y = year < first ? first : year > last ? last : year;

		for (int i = 3; i >= 0; i--, y /= 10)
			name[i] = (WCHAR)('0' + y % 10);
		name[4] = 0;
		ok = query_tzi(key, name[0] == '0' ? name + 1 : name, f);
	}
	NtClose(key);
	return ok;
}

BOOL k32_registry_time_zone(const WCHAR *zone, USHORT year, TIME_ZONE_INFORMATION *tzi)
{
	struct tzi_format f;
	HANDLE key;
	BOOL ok;

	if (!open_zone(zone, &key))
		return k32_error(ERROR_FILE_NOT_FOUND);
	ok = year_rules(key, year, &f) || query_tzi(key, L"TZI", &f);
	if (ok) {
		tzi->Bias = f.bias;
		tzi->StandardBias = f.std_bias;
		tzi->DaylightBias = f.dlt_bias;
		tzi->StandardDate = f.std_date;
		tzi->DaylightDate = f.dlt_date;
		query_name(key, L"Std", tzi->StandardName);
		query_name(key, L"Dlt", tzi->DaylightName);
	}
	NtClose(key);
	return ok ? TRUE : k32_error(ERROR_FILE_NOT_FOUND);
}
