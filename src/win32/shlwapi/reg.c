/*
 * The SH* registry helpers, over advapi32: each opens the subkey, does
 * one Reg* call, closes it, and returns the Win32 error (documented).
 * SHGetValue/SHQueryValueEx give a REG_EXPAND_SZ value expanded, typed
 * REG_SZ; SHRegGetValue takes RegGetValue's flags (SRRF_ = RRF_).
 */
#include "shlwapi_private.h"

DWORD WINAPI SHQueryValueExW(HKEY key, LPCWSTR name, LPDWORD reserved, LPDWORD type, LPVOID data,
			     LPDWORD size)
{
	return RegGetValueW(key, NULL, name, RRF_RT_ANY, type, data, size);
}

DWORD WINAPI SHQueryValueExA(HKEY key, LPCSTR name, LPDWORD reserved, LPDWORD type, LPVOID data,
			     LPDWORD size)
{
	return RegGetValueA(key, NULL, name, RRF_RT_ANY, type, data, size);
}

DWORD WINAPI SHGetValueW(HKEY key, LPCWSTR sub, LPCWSTR name, DWORD *type, void *data, DWORD *size)
{
	return RegGetValueW(key, sub, name, RRF_RT_ANY, type, data, size);
}

DWORD WINAPI SHGetValueA(HKEY key, LPCSTR sub, LPCSTR name, DWORD *type, void *data, DWORD *size)
{
	return RegGetValueA(key, sub, name, RRF_RT_ANY, type, data, size);
}

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
