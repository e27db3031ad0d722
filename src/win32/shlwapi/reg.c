/*
 * The SH* registry helpers, over advapi32: each opens the subkey, does
 * one Reg* call, closes it, and returns the Win32 error (documented).
 * SHRegGetValue takes RegGetValue's flags (SRRF_ = RRF_).  The helpers
 * written once for both widths are in reg_t.h; the width-free parts of
 * the user-specific keys (HUSKEY, reg_us.h) are here.
 */
#include "shlwapi_private.h"
#include "reg_us.h"

LSTATUS WINAPI SHRegGetValueW(HKEY key, LPCWSTR sub, LPCWSTR name, SRRF flags, DWORD *type,
			      void *data, DWORD *size)
{
	return RegGetValueW(key, sub, name, flags, type, data, size);
}

LSTATUS WINAPI SHRegGetValueA(HKEY key, LPCSTR sub, LPCSTR name, SRRF flags, DWORD *type,
			      void *data, DWORD *size)
{
	return RegGetValueA(key, sub, name, flags, type, data, size);
}

/* The subkey is created when missing (documented). */
DWORD WINAPI SHSetValueW(HKEY key, LPCWSTR sub, LPCWSTR name, DWORD type, LPCVOID data, DWORD size)
{
	return RegSetKeyValueW(key, sub, name, type, data, size);
}

DWORD WINAPI SHSetValueA(HKEY key, LPCSTR sub, LPCSTR name, DWORD type, LPCVOID data, DWORD size)
{
	HKEY k;
	LSTATUS err = RegCreateKeyExA(key, sub ? sub : "", 0, NULL, 0, KEY_SET_VALUE, NULL, &k, NULL);

	if (err)
		return err;
	err = RegSetValueExA(k, name, 0, type, data, size);
	RegCloseKey(k);
	return err;
}

DWORD WINAPI SHDeleteValueW(HKEY key, LPCWSTR sub, LPCWSTR name)
{
	return RegDeleteKeyValueW(key, sub, name);
}

DWORD WINAPI SHDeleteValueA(HKEY key, LPCSTR sub, LPCSTR name)
{
	HKEY k;
	LSTATUS err = RegOpenKeyExA(key, sub ? sub : "", 0, KEY_SET_VALUE, &k);

	if (err)
		return err;
	err = RegDeleteValueA(k, name);
	RegCloseKey(k);
	return err;
}

/* The key with all its subkeys and values (RegDeleteTree removes the
 * named key itself too). */
DWORD WINAPI SHDeleteKeyW(HKEY key, LPCWSTR sub)
{
	return RegDeleteTreeW(key, sub);
}

DWORD WINAPI SHDeleteKeyA(HKEY key, LPCSTR sub)
{
	return RegDeleteTreeA(key, sub);
}

/* Only a key with neither subkeys nor values (ERROR_KEY_HAS_CHILDREN). */
DWORD WINAPI SHDeleteEmptyKeyW(HKEY key, LPCWSTR sub)
{
	DWORD subkeys = 0, values = 0;
	HKEY k;
	LSTATUS err = RegOpenKeyExW(key, sub ? sub : L"", 0, KEY_READ, &k);

	if (err)
		return err;
	err = RegQueryInfoKeyW(k, NULL, NULL, NULL, &subkeys, NULL, NULL, &values, NULL, NULL, NULL, NULL);
	RegCloseKey(k);
	if (err)
		return err;
	if (subkeys || values)
		return ERROR_KEY_HAS_CHILDREN;
	return RegDeleteKeyW(key, sub ? sub : L"");
}

DWORD WINAPI SHDeleteEmptyKeyA(HKEY key, LPCSTR sub)
{
	WCHAR w[MAX_PATH];

	if (sub && !MultiByteToWideChar(CP_ACP, 0, sub, -1, w, MAX_PATH))
		return ERROR_INVALID_PARAMETER;
	return SHDeleteEmptyKeyW(key, sub ? w : NULL);
}

LONG WINAPI SHEnumKeyExW(HKEY key, DWORD index, LPWSTR name, LPDWORD size)
{
	return RegEnumKeyExW(key, index, name, size, NULL, NULL, NULL, NULL);
}

LONG WINAPI SHEnumKeyExA(HKEY key, DWORD index, LPSTR name, LPDWORD size)
{
	return RegEnumKeyExA(key, index, name, size, NULL, NULL, NULL, NULL);
}

LONG WINAPI SHEnumValueW(HKEY key, DWORD index, LPWSTR name, LPDWORD name_size, LPDWORD type,
			 LPVOID data, LPDWORD data_size)
{
	return RegEnumValueW(key, index, name, name_size, NULL, type, data, data_size);
}

LONG WINAPI SHEnumValueA(HKEY key, DWORD index, LPSTR name, LPDWORD name_size, LPDWORD type,
			 LPVOID data, LPDWORD data_size)
{
	return RegEnumValueA(key, index, name, name_size, NULL, type, data, data_size);
}

LONG WINAPI SHQueryInfoKeyW(HKEY key, LPDWORD subkeys, LPDWORD max_subkey, LPDWORD values,
			    LPDWORD max_value)
{
	return RegQueryInfoKeyW(key, NULL, NULL, NULL, subkeys, max_subkey, NULL, values, max_value,
				NULL, NULL, NULL);
}

LONG WINAPI SHQueryInfoKeyA(HKEY key, LPDWORD subkeys, LPDWORD max_subkey, LPDWORD values,
			    LPDWORD max_value)
{
	return RegQueryInfoKeyA(key, NULL, NULL, NULL, subkeys, max_subkey, NULL, values, max_value,
				NULL, NULL, NULL);
}

struct us_key *us_key_new(void)
{
	struct us_key *k = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*k));

	if (k)
		k->magic = US_KEY_MAGIC;
	return k;
}

LONG us_key_pick(HUSKEY h, DWORD flags, LONG missing, HKEY *key)
{
	struct us_key *k = us_key_of(h);

	if (!k)
		return ERROR_INVALID_PARAMETER;
	if (flags == SHREGENUM_HKCU)
		*key = k->hkcu;
	else if (flags == SHREGENUM_HKLM)
		*key = k->hklm;
	else if (flags == SHREGENUM_DEFAULT)
		*key = k->hkcu ? k->hkcu : k->hklm;
	else
		return ERROR_INVALID_FUNCTION;
	return *key ? ERROR_SUCCESS : missing;
}

LONG WINAPI SHRegCloseUSKey(HUSKEY h)
{
	struct us_key *k = us_key_of(h);

	if (!k)
		return ERROR_INVALID_PARAMETER;
	if (k->hkcu)
		RegCloseKey(k->hkcu);
	if (k->hklm)
		RegCloseKey(k->hklm);
	k->magic = 0;
	HeapFree(GetProcessHeap(), 0, k);
	return ERROR_SUCCESS;
}

/* A REG_SZ number, or the default. */
int WINAPI SHRegGetIntW(HKEY key, LPCWSTR name, int def)
{
	WCHAR text[32] = { 0 };
	DWORD type, size = sizeof(text) - sizeof(WCHAR);

	if (SHQueryValueExW(key, name, NULL, &type, text, &size) || type != REG_SZ ||
	    !(text[0] >= '0' && text[0] <= '9'))
		return def;
	return StrToIntW(text);
}

LSTATUS WINAPI SHRegGetValueFromHKCUHKLM(PCWSTR sub, PCWSTR name, SRRF flags, DWORD *type, void *data,
					 DWORD *size)
{
	LSTATUS err = SHRegGetValueW(HKEY_CURRENT_USER, sub, name, flags, type, data, size);

	if (err == ERROR_FILE_NOT_FOUND)
		err = SHRegGetValueW(HKEY_LOCAL_MACHINE, sub, name, flags, type, data, size);
	return err;
}

BOOL WINAPI SHRegGetBoolValueFromHKCUHKLM(PCWSTR sub, PCWSTR name, BOOL def)
{
	return SHRegGetBoolUSValueW(sub, name, FALSE, def);
}

/* A second handle to the same key. */
HKEY WINAPI SHRegDuplicateHKey(HKEY key)
{
	HKEY k = NULL;

	return RegOpenKeyExW(key, NULL, 0, MAXIMUM_ALLOWED, &k) ? NULL : k;
}

/* The subkey (or the key itself) with everything under it, into dst. */
DWORD WINAPI SHCopyKeyW(HKEY src, LPCWSTR sub, HKEY dst, DWORD reserved)
{
	return RegCopyTreeW(src, sub, dst);
}

DWORD WINAPI SHCopyKeyA(HKEY src, LPCSTR sub, HKEY dst, DWORD reserved)
{
	return RegCopyTreeA(src, sub, dst);
}
