/* An object's descriptor by its name: GetNamedSecurityInfo and
 * SetNamedSecurityInfo (A/W) for files and directories (SE_FILE_OBJECT)
 * and registry keys (SE_REGISTRY_KEY: "CLASSES_ROOT\...",
 * "CURRENT_USER\...", "MACHINE\...", "USERS\..."), and GetFileSecurity /
 * SetFileSecurity; each opens the object with the rights the parts need
 * and goes through GetSecurityInfo / SetSecurityInfo or the kernel
 * object calls. */
#include "adv_security.h"
#include <aclapi.h>

/* The rights reading or changing the parts si names needs. */
static DWORD rights_for(SECURITY_INFORMATION si, BOOL write)
{
	DWORD r = (si & SACL_SECURITY_INFORMATION) ? ACCESS_SYSTEM_SECURITY : 0;

	if (!write)
		return r | ((si & ~SACL_SECURITY_INFORMATION) ? READ_CONTROL : 0);
	if (si & DACL_SECURITY_INFORMATION)
		r |= WRITE_DAC;
	if (si & (OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION |
		  LABEL_SECURITY_INFORMATION))
		r |= WRITE_OWNER;
	return r;
}

static const struct {
	const WCHAR *name;
	HKEY root;
} key_roots[] = {
	{ L"CLASSES_ROOT", HKEY_CLASSES_ROOT }, { L"CURRENT_USER", HKEY_CURRENT_USER },
	{ L"MACHINE", HKEY_LOCAL_MACHINE }, { L"USERS", HKEY_USERS },
	{ L"CURRENT_CONFIG", HKEY_CURRENT_CONFIG },
};

static DWORD open_key(const WCHAR *name, DWORD access, HANDLE *out)
{
	for (size_t i = 0; i < ARRAYSIZE(key_roots); i++) {
		DWORD n = lstrlenW(key_roots[i].name);

		if (CompareStringOrdinal(name, (int)n, key_roots[i].name, (int)n, TRUE) != CSTR_EQUAL ||
		    (name[n] && name[n] != '\\'))
			continue;
		return (DWORD)RegOpenKeyExW(key_roots[i].root, name[n] ? name + n + 1 : NULL, 0,
					    access, (HKEY *)out);
	}
	return ERROR_INVALID_PARAMETER;
}

/* The named object opened with access: a file or directory, or a key. */
static DWORD open_named(const WCHAR *name, SE_OBJECT_TYPE type, DWORD access, HANDLE *out)
{
	if (!name)
		return ERROR_INVALID_PARAMETER;
	if (type == SE_REGISTRY_KEY)
		return open_key(name, access, out);
	if (type != SE_FILE_OBJECT)
		return ERROR_INVALID_PARAMETER;
	*out = CreateFileW(name, access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
			   NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
	return *out == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
}

static void close_named(HANDLE h, SE_OBJECT_TYPE type)
{
	if (type == SE_REGISTRY_KEY)
		RegCloseKey((HKEY)h);
	else
		CloseHandle(h);
}

ADVAPI DWORD WINAPI GetNamedSecurityInfoW(LPCWSTR name, SE_OBJECT_TYPE type,
					  SECURITY_INFORMATION si, PSID *owner, PSID *group,
					  PACL *dacl, PACL *sacl, PSECURITY_DESCRIPTOR *sd)
{
	HANDLE h;
	DWORD err = open_named(name, type, rights_for(si, FALSE), &h);

	if (err)
		return err;
	err = GetSecurityInfo(h, type == SE_REGISTRY_KEY ? SE_REGISTRY_KEY : SE_KERNEL_OBJECT, si,
			      owner, group, dacl, sacl, sd);
	close_named(h, type);
	return err;
}

ADVAPI DWORD WINAPI SetNamedSecurityInfoW(LPWSTR name, SE_OBJECT_TYPE type,
					  SECURITY_INFORMATION si, PSID owner, PSID group,
					  PACL dacl, PACL sacl)
{
	HANDLE h;
	DWORD err = open_named(name, type, rights_for(si, TRUE), &h);

	if (err)
		return err;
	err = SetSecurityInfo(h, type == SE_REGISTRY_KEY ? SE_REGISTRY_KEY : SE_KERNEL_OBJECT, si,
			      owner, group, dacl, sacl);
	close_named(h, type);
	return err;
}

ADVAPI DWORD WINAPI GetNamedSecurityInfoA(LPCSTR name, SE_OBJECT_TYPE type,
					  SECURITY_INFORMATION si, PSID *owner, PSID *group,
					  PACL *dacl, PACL *sacl, PSECURITY_DESCRIPTOR *sd)
{
	WCHAR *w = NULL;
	DWORD err = (DWORD)adv_a_to_w(name, &w);

	if (!err)
		err = GetNamedSecurityInfoW(w, type, si, owner, group, dacl, sacl, sd);
	adv_free(w);
	return err;
}

ADVAPI DWORD WINAPI SetNamedSecurityInfoA(LPSTR name, SE_OBJECT_TYPE type,
					  SECURITY_INFORMATION si, PSID owner, PSID group,
					  PACL dacl, PACL sacl)
{
	WCHAR *w = NULL;
	DWORD err = (DWORD)adv_a_to_w(name, &w);

	if (!err)
		err = SetNamedSecurityInfoW(w, type, si, owner, group, dacl, sacl);
	adv_free(w);
	return err;
}

ADVAPI BOOL WINAPI GetFileSecurityW(LPCWSTR name, SECURITY_INFORMATION si,
				    PSECURITY_DESCRIPTOR sd, DWORD len, LPDWORD needed)
{
	HANDLE h;
	DWORD err = open_named(name, SE_FILE_OBJECT, rights_for(si, FALSE), &h);
	BOOL ok;

	if (err)
		return adv_fail_error(err);
	ok = GetKernelObjectSecurity(h, si, sd, len, needed);
	err = GetLastError();
	CloseHandle(h);
	if (!ok)
		RtlSetLastWin32Error(err);
	return ok;
}

ADVAPI BOOL WINAPI SetFileSecurityW(LPCWSTR name, SECURITY_INFORMATION si,
				    PSECURITY_DESCRIPTOR sd)
{
	HANDLE h;
	DWORD err = open_named(name, SE_FILE_OBJECT, rights_for(si, TRUE), &h);
	BOOL ok;

	if (err)
		return adv_fail_error(err);
	ok = SetKernelObjectSecurity(h, si, sd);
	err = GetLastError();
	CloseHandle(h);
	if (!ok)
		RtlSetLastWin32Error(err);
	return ok;
}

ADVAPI BOOL WINAPI GetFileSecurityA(LPCSTR name, SECURITY_INFORMATION si,
				    PSECURITY_DESCRIPTOR sd, DWORD len, LPDWORD needed)
{
	WCHAR *w = NULL;
	BOOL ok;

	if (adv_a_to_w(name, &w))
		return adv_fail_error(ERROR_NOT_ENOUGH_MEMORY);
	ok = GetFileSecurityW(w, si, sd, len, needed);
	adv_free(w);
	return ok;
}

ADVAPI BOOL WINAPI SetFileSecurityA(LPCSTR name, SECURITY_INFORMATION si,
				    PSECURITY_DESCRIPTOR sd)
{
	WCHAR *w = NULL;
	BOOL ok;

	if (adv_a_to_w(name, &w))
		return adv_fail_error(ERROR_NOT_ENOUGH_MEMORY);
	ok = SetFileSecurityW(w, si, sd);
	adv_free(w);
	return ok;
}
