/*
 * SHGetShellKey and the SK*ValueW calls (ordinals 491, 516-519): values
 * under the shell's own keys, chosen by flags:
 *   0x000F  the root: 1 HKCU, 2 HKLM (no root: no key, as since Vista)
 *   0x00F0  the key: Explorer, Shell, ShellNoRoam, Classes
 *   0xF000  a subkey of it (none, ResourceName, Handlers, ...)
 */
#include "shlwapi_private.h"

static const WCHAR *const shell_keys[] = {
	L"Software\\Microsoft\\Windows\\CurrentVersion\\Explorer",
	L"Software\\Microsoft\\Windows\\Shell",
	L"Software\\Microsoft\\Windows\\ShellNoRoam",
	L"Software\\Classes",
};

static const WCHAR *const shell_subkeys[] = {
	NULL, L"ResourceName", L"Handlers", L"Associations", L"Volatile", L"MUICache", L"FileExts",
};

static LONG open_shell_key(DWORD flags, const WCHAR *sub, BOOL create, HKEY *out)
{
	WCHAR path[MAX_PATH];
	DWORD root = flags & 0xF, key = (flags >> 4) & 0xF, subkey = (flags >> 12) & 0xF;
	HKEY hroot;
	int n;

	*out = NULL;
	if (root == 1)
		hroot = HKEY_CURRENT_USER;
	else if (root == 2)
		hroot = HKEY_LOCAL_MACHINE;
	else
		return ERROR_INVALID_PARAMETER;
	if (key >= ARRAYSIZE(shell_keys) || subkey >= ARRAYSIZE(shell_subkeys))
		return ERROR_INVALID_PARAMETER;
	n = wnsprintfW(path, ARRAYSIZE(path), L"%s%s%s%s%s", shell_keys[key],
		shell_subkeys[subkey] ? L"\\" : L"", shell_subkeys[subkey] ? shell_subkeys[subkey] : L"",
		sub ? L"\\" : L"", sub ? sub : L"");
	if (n < 0)
		return ERROR_FILENAME_EXCED_RANGE;
	if (create)
		return RegCreateKeyExW(hroot, path, 0, NULL, 0, MAXIMUM_ALLOWED, NULL, out, NULL);
	return RegOpenKeyExW(hroot, path, 0, MAXIMUM_ALLOWED, out);
}

HKEY WINAPI SHGetShellKey(DWORD flags, LPCWSTR sub, BOOL create)
{
	HKEY key;
	LONG err = open_shell_key(flags, sub, create, &key);

	if (err)
		SetLastError(err);
	return err ? NULL : key;
}

HRESULT WINAPI SKGetValueW(DWORD flags, LPCWSTR sub, LPCWSTR value, DWORD *type, void *data, DWORD *size)
{
	HKEY key;
	LONG err = open_shell_key(flags, sub, FALSE, &key);

	if (!err) {
		err = RegQueryValueExW(key, value, NULL, type, data, size);
		RegCloseKey(key);
	}
	return HRESULT_FROM_WIN32(err);
}

HRESULT WINAPI SKSetValueW(DWORD flags, LPCWSTR sub, LPCWSTR value, DWORD type, void *data, DWORD size)
{
	HKEY key;
	LONG err = open_shell_key(flags, sub, TRUE, &key);

	if (!err) {
		err = RegSetValueExW(key, value, 0, type, data, size);
		RegCloseKey(key);
	}
	return HRESULT_FROM_WIN32(err);
}

HRESULT WINAPI SKDeleteValueW(DWORD flags, LPCWSTR sub, LPCWSTR value)
{
	HKEY key;
	LONG err = open_shell_key(flags, sub, FALSE, &key);

	if (!err) {
		err = RegDeleteValueW(key, value);
		RegCloseKey(key);
	}
	return HRESULT_FROM_WIN32(err);
}

/* The value in LocalAlloc'd memory the caller frees with LocalFree. */
HRESULT WINAPI SKAllocValueW(DWORD flags, LPCWSTR sub, LPCWSTR value, DWORD *type, void **data, DWORD *size)
{
	DWORD bytes = 0;
	HKEY key;
	LONG err;

	*data = NULL;
	err = open_shell_key(flags, sub, FALSE, &key);
	if (err)
		return HRESULT_FROM_WIN32(err);
	err = RegQueryValueExW(key, value, NULL, NULL, NULL, &bytes);
	if (!err && !(*data = LocalAlloc(LMEM_ZEROINIT, bytes + sizeof(WCHAR))))
		err = ERROR_NOT_ENOUGH_MEMORY;
	if (!err)
		err = RegQueryValueExW(key, value, NULL, type, *data, &bytes);
	RegCloseKey(key);
	if (err) {
		LocalFree(*data);
		*data = NULL;
	} else if (size) {
		*size = bytes;
	}
	return HRESULT_FROM_WIN32(err);
}
