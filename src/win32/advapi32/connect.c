/* RegConnectRegistry: only this machine is reachable (no network), under
 * any of the names it answers to: none, its computer name, or that name
 * after two backslashes.  The key returned is a new handle to the root. */
#include "adv_private.h"

BOOL adv_is_this_machine(const WCHAR *machine)
{
	WCHAR name[MAX_COMPUTERNAME_LENGTH + 1];
	DWORD len = ARRAYSIZE(name);

	if (!machine || !*machine)
		return TRUE;
	if (machine[0] == '\\' && machine[1] == '\\')
		machine += 2;
	return GetComputerNameW(name, &len) && !_wcsicmp(machine, name);
}

ADVAPI LSTATUS WINAPI RegConnectRegistryExW(LPCWSTR machine, HKEY hkey, ULONG flags, PHKEY out)
{
	if (!out)
		return ERROR_INVALID_PARAMETER;
	if (!adv_is_this_machine(machine))
		return ERROR_BAD_NETPATH;
	if (hkey != HKEY_LOCAL_MACHINE && hkey != HKEY_USERS && hkey != HKEY_PERFORMANCE_DATA)
		return ERROR_INVALID_HANDLE;
	if (hkey == HKEY_PERFORMANCE_DATA) {
		*out = hkey;
		return ERROR_SUCCESS;
	}
	return RegOpenKeyExW(hkey, NULL, 0, MAXIMUM_ALLOWED, out);
}

ADVAPI LSTATUS WINAPI RegConnectRegistryW(LPCWSTR machine, HKEY hkey, PHKEY out)
{
	return RegConnectRegistryExW(machine, hkey, 0, out);
}

ADVAPI LSTATUS WINAPI RegConnectRegistryExA(LPCSTR machine, HKEY hkey, ULONG flags, PHKEY out)
{
	WCHAR *w;
	LSTATUS err = adv_a_to_w(machine, &w);

	if (err)
		return err;
	err = RegConnectRegistryExW(w, hkey, flags, out);
	adv_free(w);
	return err;
}

ADVAPI LSTATUS WINAPI RegConnectRegistryA(LPCSTR machine, HKEY hkey, PHKEY out)
{
	return RegConnectRegistryExA(machine, hkey, 0, out);
}
