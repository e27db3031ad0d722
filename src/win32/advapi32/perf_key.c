/*
 * The performance keys as keys (their values: perf.c).  What Windows
 * answers for them (advapi32's registry tests, which pass on Windows):
 * RegQueryInfoKey finds no subkeys and two values; RegEnumValue answers
 * ERROR_MORE_DATA for those two and leaves the sizes alone (their data
 * is made on each query); HKEY_PERFORMANCE_TEXT and _NLSTEXT have no
 * subkeys to enumerate and refuse values with ERROR_BADKEY, where
 * HKEY_PERFORMANCE_DATA is no key for those calls (ERROR_INVALID_HANDLE).
 * Opening Perflib\009 or Perflib\CurrentLanguage gives the text keys:
 * NtOpenKey answers STATUS_PREDEFINED_HANDLE for them.
 */
#include "adv_private.h"

#define PERF_VALUES 2

static BOOL is_text_key(HKEY hkey)
{
	return adv_is_perf_key(hkey) &&
	       (ULONG)(ULONG_PTR)hkey != (ULONG)(ULONG_PTR)HKEY_PERFORMANCE_DATA;
}

LSTATUS adv_perf_info(DWORD *subkeys, DWORD *values, DWORD *max_subkey, DWORD *max_class,
		      DWORD *max_value_name, DWORD *max_value)
{
	DWORD *zero[] = { subkeys, max_subkey, max_class, max_value_name, max_value };

	for (unsigned i = 0; i < ARRAYSIZE(zero); i++)
		if (zero[i])
			*zero[i] = 0;
	if (values)
		*values = PERF_VALUES;
	return ERROR_SUCCESS;
}

LSTATUS adv_perf_enum_value(DWORD index)
{
	return index < PERF_VALUES ? ERROR_MORE_DATA : ERROR_NO_MORE_ITEMS;
}

LSTATUS adv_perf_enum_key(HKEY hkey)
{
	return is_text_key(hkey) ? ERROR_NO_MORE_ITEMS : ERROR_INVALID_HANDLE;
}

LSTATUS adv_perf_set_value(HKEY hkey)
{
	return is_text_key(hkey) ? ERROR_BADKEY : ERROR_INVALID_HANDLE;
}

/* The key a handle opened with STATUS_PREDEFINED_HANDLE stands for:
 * Perflib\009 holds the English texts, the other one (CurrentLanguage)
 * the user's language's. */
HKEY adv_perf_key_of(HANDLE h)
{
	static const WCHAR english[] = L"\\009";
	const size_t n = ARRAYSIZE(english) - 1;
	union {
		OBJECT_NAME_INFORMATION info;
		BYTE room[sizeof(OBJECT_NAME_INFORMATION) + 1024];
	} u;
	ULONG len;

	if (NT_SUCCESS(NtQueryObject(h, ObjectNameInformation, &u, sizeof(u), &len)) &&
	    u.info.Name.Length >= n * sizeof(WCHAR) &&
	    !_wcsnicmp(u.info.Name.Buffer + u.info.Name.Length / sizeof(WCHAR) - n, english, n))
		return HKEY_PERFORMANCE_TEXT;
	return HKEY_PERFORMANCE_NLSTEXT;
}
