/* The registered CryptoAPI providers, read from the registry as Windows
 * keeps them: CryptEnumProviders (Defaults\Provider\<name>, its Type),
 * CryptEnumProviderTypes (Defaults\Provider Types\Type NNN, its
 * TypeName) and CryptGetDefaultProvider (the Name of the machine's Type
 * NNN, or of the user's HKCU\Software\Microsoft\Cryptography\Provider
 * Type NNN), and CryptSetProvider(Ex) that set it. */
#include "adv_crypt.h"

#define DEFAULTS L"Software\\Microsoft\\Cryptography\\Defaults"
#define NAME_MAX_CHARS 256

/* A string value of an open key into buf (NAME_MAX_CHARS). */
static BOOL string_value(HKEY key, const WCHAR *value, WCHAR *buf)
{
	DWORD type, size = NAME_MAX_CHARS * sizeof(WCHAR);

	if (RegQueryValueExW(key, value, NULL, &type, (BYTE *)buf, &size) || type != REG_SZ)
		return FALSE;
	buf[NAME_MAX_CHARS - 1] = 0;
	return TRUE;
}

/* The name into the caller's buffer, sized as documented: bytes with the
 * NUL, narrow or wide; NULL asks for the size, short is ERROR_MORE_DATA. */
static BOOL copy_name(const WCHAR *name, BOOL wide, void *out, DWORD *size)
{
	SIZE_T n = wcslen(name) + 1;
	DWORD need = (DWORD)(wide ? n * sizeof(WCHAR) : n), room = *size;

	*size = need;
	if (!out)
		return TRUE;
	if (room < need)
		return adv_fail(ERROR_MORE_DATA);
	if (wide)
		memcpy(out, name, need);
	else
		adv_w_to_a(name, n, out);
	return TRUE;
}

/* Subkey number index of Defaults\<sub>: its name; FALSE at the end. */
static BOOL subkey_at(const WCHAR *sub, DWORD index, WCHAR *name, HKEY *out)
{
	WCHAR path[64];
	DWORD len = NAME_MAX_CHARS;
	HKEY parent;
	BOOL ok;

	lstrcpyW(path, DEFAULTS L"\\");
	lstrcatW(path, sub);
	if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, path, 0, KEY_READ, &parent))
		return FALSE;
	ok = !RegEnumKeyExW(parent, index, name, &len, NULL, NULL, NULL, NULL) &&
	     !RegOpenKeyExW(parent, name, 0, KEY_READ, out);
	RegCloseKey(parent);
	return ok;
}

static BOOL enum_providers(DWORD index, DWORD *reserved, DWORD flags, DWORD *type, void *name,
			   DWORD *size, BOOL wide)
{
	WCHAR found[NAME_MAX_CHARS];
	DWORD t = 0, tsize = sizeof(t);
	HKEY key;
	BOOL ok;

	if (reserved || !size)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (flags)
		return adv_fail(NTE_BAD_FLAGS);
	if (!subkey_at(L"Provider", index, found, &key))
		return adv_fail(ERROR_NO_MORE_ITEMS);
	ok = !RegQueryValueExW(key, L"Type", NULL, NULL, (BYTE *)&t, &tsize);
	RegCloseKey(key);
	if (!ok)
		return adv_fail(NTE_PROV_TYPE_ENTRY_BAD);
	if (type)
		*type = t;
	return copy_name(found, wide, name, size);
}

ADVAPI BOOL WINAPI CryptEnumProvidersW(DWORD index, DWORD *reserved, DWORD flags, DWORD *type,
				       LPWSTR name, DWORD *size)
{
	return enum_providers(index, reserved, flags, type, name, size, TRUE);
}

ADVAPI BOOL WINAPI CryptEnumProvidersA(DWORD index, DWORD *reserved, DWORD flags, DWORD *type,
				       LPSTR name, DWORD *size)
{
	return enum_providers(index, reserved, flags, type, name, size, FALSE);
}

/* "Type NNN" -> NNN. */
static DWORD type_of_key(const WCHAR *name)
{
	SIZE_T n = wcslen(name);

	if (n < 3)
		return 0;
	return (DWORD)((name[n - 3] - L'0') * 100 + (name[n - 2] - L'0') * 10 + (name[n - 1] - L'0'));
}

static BOOL enum_types(DWORD index, DWORD *reserved, DWORD flags, DWORD *type, void *name,
		       DWORD *size, BOOL wide)
{
	WCHAR key_name[NAME_MAX_CHARS], type_name[NAME_MAX_CHARS];
	HKEY key;
	BOOL ok;

	if (reserved || !size)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (flags)
		return adv_fail(NTE_BAD_FLAGS);
	if (!subkey_at(L"Provider Types", index, key_name, &key))
		return adv_fail(ERROR_NO_MORE_ITEMS);
	ok = string_value(key, L"TypeName", type_name);
	RegCloseKey(key);
	if (!ok)
		return adv_fail(NTE_PROV_TYPE_ENTRY_BAD);
	if (type)
		*type = type_of_key(key_name);
	return copy_name(type_name, wide, name, size);
}

ADVAPI BOOL WINAPI CryptEnumProviderTypesW(DWORD index, DWORD *reserved, DWORD flags, DWORD *type,
					   LPWSTR name, DWORD *size)
{
	return enum_types(index, reserved, flags, type, name, size, TRUE);
}

ADVAPI BOOL WINAPI CryptEnumProviderTypesA(DWORD index, DWORD *reserved, DWORD flags, DWORD *type,
					   LPSTR name, DWORD *size)
{
	return enum_types(index, reserved, flags, type, name, size, FALSE);
}

/* The key of a type's default provider, the user's or the machine's. */
static void default_key_path(DWORD type, BOOL user, WCHAR *path)
{
	lstrcpyW(path, user ? L"Software\\Microsoft\\Cryptography\\Provider Type 000"
			    : DEFAULTS L"\\Provider Types\\Type 000");
	path[lstrlenW(path) - 3] = (WCHAR)(L'0' + type / 100);
	path[lstrlenW(path) - 2] = (WCHAR)(L'0' + type / 10 % 10);
	path[lstrlenW(path) - 1] = (WCHAR)(L'0' + type % 10);
}

static BOOL default_provider(DWORD type, DWORD *reserved, DWORD flags, void *name, DWORD *size,
			     BOOL wide)
{
	WCHAR path[96], found[NAME_MAX_CHARS];
	BOOL user = flags == CRYPT_USER_DEFAULT;
	HKEY key;
	BOOL ok;

	if (reserved || !size)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (flags != CRYPT_USER_DEFAULT && flags != CRYPT_MACHINE_DEFAULT)
		return adv_fail(NTE_BAD_FLAGS);
	if (type > 999)
		return adv_fail(NTE_BAD_PROV_TYPE);
	default_key_path(type, user, path);
	if (RegOpenKeyExW(user ? HKEY_CURRENT_USER : HKEY_LOCAL_MACHINE, path, 0, KEY_READ, &key))
		return adv_fail(NTE_PROV_TYPE_NOT_DEF);
	ok = string_value(key, L"Name", found);
	RegCloseKey(key);
	if (!ok)
		return adv_fail(NTE_PROV_TYPE_ENTRY_BAD);
	return copy_name(found, wide, name, size);
}

ADVAPI BOOL WINAPI CryptGetDefaultProviderW(DWORD type, DWORD *reserved, DWORD flags, LPWSTR name,
					    DWORD *size)
{
	return default_provider(type, reserved, flags, name, size, TRUE);
}

ADVAPI BOOL WINAPI CryptGetDefaultProviderA(DWORD type, DWORD *reserved, DWORD flags, LPSTR name,
					    DWORD *size)
{
	return default_provider(type, reserved, flags, name, size, FALSE);
}

/* Sets (or, CRYPT_DELETE_DEFAULT, forgets) a type's default provider: the
 * user's key goes away whole, the machine's keeps its TypeName.  The
 * provider must be registered. */
ADVAPI BOOL WINAPI CryptSetProviderExW(LPCWSTR name, DWORD type, DWORD *reserved, DWORD flags)
{
	DWORD scope = flags & ~CRYPT_DELETE_DEFAULT;
	BOOL user = scope == CRYPT_USER_DEFAULT;
	HKEY root = user ? HKEY_CURRENT_USER : HKEY_LOCAL_MACHINE, key;
	WCHAR path[96 + NAME_MAX_CHARS];
	LSTATUS err;

	if (reserved || !name)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (scope != CRYPT_USER_DEFAULT && scope != CRYPT_MACHINE_DEFAULT)
		return adv_fail(NTE_BAD_FLAGS);
	if (type > 999)
		return adv_fail(NTE_BAD_PROV_TYPE);
	default_key_path(type, user, path);
	if (flags & CRYPT_DELETE_DEFAULT) {
		err = user ? RegDeleteKeyW(root, path) : RegDeleteKeyValueW(root, path, L"Name");
		return err && err != ERROR_FILE_NOT_FOUND ? adv_fail(err) : TRUE;
	}
	if (wcslen(name) >= NAME_MAX_CHARS)
		return adv_fail(NTE_PROV_TYPE_ENTRY_BAD);
	lstrcpyW(path, DEFAULTS L"\\Provider\\");
	lstrcatW(path, name);
	if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, path, 0, KEY_READ, &key))
		return adv_fail(NTE_PROV_TYPE_ENTRY_BAD); /* not a registered provider */
	RegCloseKey(key);
	default_key_path(type, user, path);
	if ((err = RegCreateKeyExW(root, path, 0, NULL, 0, KEY_SET_VALUE, NULL, &key, NULL)))
		return adv_fail(err);
	err = RegSetValueExW(key, L"Name", 0, REG_SZ, (const BYTE *)name,
			     (DWORD)(wcslen(name) + 1) * sizeof(WCHAR));
	RegCloseKey(key);
	return err ? adv_fail(err) : TRUE;
}

ADVAPI BOOL WINAPI CryptSetProviderExA(LPCSTR name, DWORD type, DWORD *reserved, DWORD flags)
{
	WCHAR *wname = NULL;
	LSTATUS err = adv_a_to_w(name, &wname);
	BOOL ok;

	if (err)
		return adv_fail(err);
	ok = CryptSetProviderExW(wname, type, reserved, flags);
	adv_free(wname);
	return ok;
}

ADVAPI BOOL WINAPI CryptSetProviderW(LPCWSTR name, DWORD type)
{
	return CryptSetProviderExW(name, type, NULL, CRYPT_USER_DEFAULT);
}

ADVAPI BOOL WINAPI CryptSetProviderA(LPCSTR name, DWORD type)
{
	return CryptSetProviderExA(name, type, NULL, CRYPT_USER_DEFAULT);
}
