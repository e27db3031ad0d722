/* OID functions: the registry of which DLL implements a function for an
 * OID (HKLM\Software\Microsoft\Cryptography\OID\EncodingType N\<function>\
 * <OID>, values Dll and FuncName; the function's DEFAULT key lists DLLs for
 * any OID), function sets (one per name, for the process) with the
 * addresses installed in them, and the look-up of an address: installed
 * first, then the registered DLL.  And CryptRegisterOIDInfo's entries
 * (<OID>!<group> under CryptDllFindOIDInfo), which Windows reads at load. */
#define CRYPT_OID_INFO_HAS_EXTRA_FIELDS
#include <stdio.h>
#include "crypt32_private.h"

#define OID_ROOT "Software\\Microsoft\\Cryptography\\OID"

static BOOL is_int_oid(LPCSTR oid)
{
	return !((ULONG_PTR)oid >> 16);
}

/* "...\EncodingType N\func[\oid]" (an integer OID as "#N"). */
static BOOL key_path(DWORD encoding, LPCSTR func, LPCSTR oid, char *out, size_t room)
{
	int n;

	if (!oid)
		n = _snprintf(out, room, OID_ROOT "\\EncodingType %lu\\%s",
			     (unsigned long)GET_CERT_ENCODING_TYPE(encoding), func);
	else if (is_int_oid(oid))
		n = _snprintf(out, room, OID_ROOT "\\EncodingType %lu\\%s\\#%u",
			     (unsigned long)GET_CERT_ENCODING_TYPE(encoding), func,
			     (unsigned)(ULONG_PTR)oid);
	else
		n = _snprintf(out, room, OID_ROOT "\\EncodingType %lu\\%s\\%s",
			     (unsigned long)GET_CERT_ENCODING_TYPE(encoding), func, oid);
	return n > 0 && (size_t)n < room;
}

C32_API BOOL WINAPI CryptRegisterOIDFunction(DWORD encoding, LPCSTR func, LPCSTR oid, LPCWSTR dll,
					     LPCSTR override)
{
	char path[512];
	LSTATUS err;
	HKEY key;

	if (!func || !oid)
		return c32_fail(E_INVALIDARG);
	if (!dll)
		return TRUE; /* nothing to register, as Windows takes it */
	if (!key_path(encoding, func, oid, path, sizeof(path)))
		return c32_fail(E_INVALIDARG);
	if ((err = RegCreateKeyExA(HKEY_LOCAL_MACHINE, path, 0, NULL, 0, KEY_SET_VALUE, NULL, &key,
				   NULL)))
		return c32_fail(err);
	err = RegSetValueExW(key, L"Dll", 0, REG_SZ, (const BYTE *)dll,
			     (lstrlenW(dll) + 1) * sizeof(WCHAR));
	if (!err && override)
		err = RegSetValueExA(key, "FuncName", 0, REG_SZ, (const BYTE *)override,
				     strlen(override) + 1);
	RegCloseKey(key);
	return err ? c32_fail(err) : TRUE;
}

C32_API BOOL WINAPI CryptUnregisterOIDFunction(DWORD encoding, LPCSTR func, LPCSTR oid)
{
	char path[512];
	LSTATUS err;

	if (!func || !oid || !key_path(encoding, func, oid, path, sizeof(path)))
		return c32_fail(E_INVALIDARG);
	err = RegDeleteKeyA(HKEY_LOCAL_MACHINE, path);
	return err ? c32_fail(err) : TRUE;
}

C32_API BOOL WINAPI CryptGetOIDFunctionValue(DWORD encoding, LPCSTR func, LPCSTR oid,
					     LPCWSTR name, DWORD *type, BYTE *data, DWORD *len)
{
	char path[512];
	LSTATUS err;
	HKEY key;

	if (!func || !oid || !key_path(encoding, func, oid, path, sizeof(path)))
		return c32_fail(E_INVALIDARG);
	if ((err = RegOpenKeyExA(HKEY_LOCAL_MACHINE, path, 0, KEY_QUERY_VALUE, &key)))
		return c32_fail(err);
	err = RegQueryValueExW(key, name, NULL, type, data, len);
	RegCloseKey(key);
	return err ? c32_fail(err) : TRUE;
}

C32_API BOOL WINAPI CryptSetOIDFunctionValue(DWORD encoding, LPCSTR func, LPCSTR oid,
					     LPCWSTR name, DWORD type, const BYTE *data, DWORD len)
{
	char path[512];
	LSTATUS err;
	HKEY key;

	if (!func || !oid || !key_path(encoding, func, oid, path, sizeof(path)))
		return c32_fail(E_INVALIDARG);
	if ((err = RegCreateKeyExA(HKEY_LOCAL_MACHINE, path, 0, NULL, 0, KEY_SET_VALUE, NULL, &key,
				   NULL)))
		return c32_fail(err);
	err = RegSetValueExW(key, name, 0, type, data, len);
	RegCloseKey(key);
	return err ? c32_fail(err) : TRUE;
}

/* The DEFAULT DLL list of a function: a REG_MULTI_SZ (allocated, with its
 * length in WCHARs including the final NUL), or NULL when there is none. */
static WCHAR *default_dlls(DWORD encoding, LPCSTR func, DWORD *chars)
{
	char path[512];
	DWORD type, len = 0;
	WCHAR *list = NULL;
	HKEY key;

	*chars = 0;
	if (!key_path(encoding, func, "DEFAULT", path, sizeof(path)) ||
	    RegOpenKeyExA(HKEY_LOCAL_MACHINE, path, 0, KEY_QUERY_VALUE, &key))
		return NULL;
	if (!RegQueryValueExW(key, L"Dll", NULL, &type, NULL, &len) && type == REG_MULTI_SZ &&
	    (list = LocalAlloc(LMEM_ZEROINIT, len + 2 * sizeof(WCHAR))) &&
	    RegQueryValueExW(key, L"Dll", NULL, &type, (BYTE *)list, &len)) {
		LocalFree(list);
		list = NULL;
	}
	RegCloseKey(key);
	if (list) {
		WCHAR *p = list;

		while (*p)
			p += lstrlenW(p) + 1;
		*chars = (DWORD)(p - list) + 1;
	}
	return list;
}

static BOOL save_default_dlls(DWORD encoding, LPCSTR func, const WCHAR *list, DWORD chars)
{
	char path[512];
	LSTATUS err;
	HKEY key;

	if (!key_path(encoding, func, "DEFAULT", path, sizeof(path)))
		return c32_fail(E_INVALIDARG);
	if ((err = RegCreateKeyExA(HKEY_LOCAL_MACHINE, path, 0, NULL, 0, KEY_SET_VALUE, NULL, &key,
				   NULL)))
		return c32_fail(err);
	err = chars > 1 ? RegSetValueExW(key, L"Dll", 0, REG_MULTI_SZ, (const BYTE *)list,
					 chars * sizeof(WCHAR))
			: RegDeleteValueW(key, L"Dll");
	RegCloseKey(key);
	return err ? c32_fail(err) : TRUE;
}

/* Where dll is in list (its start), or NULL. */
static WCHAR *find_dll(WCHAR *list, LPCWSTR dll, DWORD *index)
{
	DWORD i = 0;

	for (WCHAR *p = list; p && *p; p += lstrlenW(p) + 1, i++)
		if (!lstrcmpiW(p, dll)) {
			if (index)
				*index = i;
			return p;
		}
	return NULL;
}

C32_API BOOL WINAPI CryptRegisterDefaultOIDFunction(DWORD encoding, LPCSTR func, DWORD index,
						    LPCWSTR dll)
{
	DWORD chars, add, i = 0;
	WCHAR *list, *grown, *p;
	BOOL ok;

	if (!func || !dll)
		return c32_fail(E_INVALIDARG);
	list = default_dlls(encoding, func, &chars);
	if (find_dll(list, dll, NULL)) {
		LocalFree(list);
		return c32_fail(ERROR_FILE_EXISTS);
	}
	add = lstrlenW(dll) + 1;
	if (!chars)
		chars = 1;
	if (!(grown = LocalAlloc(LMEM_ZEROINIT, (chars + add) * sizeof(WCHAR)))) {
		LocalFree(list);
		return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
	}
	/* the new DLL goes before the index-th one (or last) */
	for (p = list; p && *p && i < index; p += lstrlenW(p) + 1, i++)
		;
	i = p ? (DWORD)(p - list) : 0;
	if (i)
		memcpy(grown, list, i * sizeof(WCHAR));
	memcpy(grown + i, dll, add * sizeof(WCHAR));
	if (list)
		memcpy(grown + i + add, list + i, (chars - i) * sizeof(WCHAR));
	ok = save_default_dlls(encoding, func, grown, chars + add);
	LocalFree(grown);
	LocalFree(list);
	return ok;
}

C32_API BOOL WINAPI CryptUnregisterDefaultOIDFunction(DWORD encoding, LPCSTR func, LPCWSTR dll)
{
	DWORD chars, len;
	WCHAR *list, *at;
	BOOL ok;

	if (!func || !dll)
		return c32_fail(E_INVALIDARG);
	list = default_dlls(encoding, func, &chars);
	if (!(at = find_dll(list, dll, NULL))) {
		LocalFree(list);
		return c32_fail(ERROR_FILE_NOT_FOUND);
	}
	len = lstrlenW(at) + 1;
	memmove(at, at + len, (chars - (at - list) - len) * sizeof(WCHAR));
	ok = save_default_dlls(encoding, func, list, chars - len);
	LocalFree(list);
	return ok;
}

/* Function sets: one per name for the life of the process, holding the
 * addresses installed for it. */
struct installed {
	struct installed *next;
	DWORD encoding;
	LPCSTR oid; /* an integer OID, or a copy of the string */
	void *func;
	HMODULE module;
};

struct func_set {
	struct func_set *next;
	struct installed *funcs;
	char name[];
};

static SRWLOCK sets_lock = SRWLOCK_INIT;
static struct func_set *sets;

C32_API HCRYPTOIDFUNCSET WINAPI CryptInitOIDFunctionSet(LPCSTR name, DWORD flags)
{
	struct func_set *s;

	if (!name) {
		SetLastError(E_INVALIDARG);
		return NULL;
	}
	AcquireSRWLockExclusive(&sets_lock);
	for (s = sets; s && strcmp(s->name, name); s = s->next)
		;
	if (!s && (s = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*s) + strlen(name) + 1))) {
		strcpy(s->name, name);
		s->next = sets;
		sets = s;
	}
	ReleaseSRWLockExclusive(&sets_lock);
	if (!s)
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
	return s;
}

C32_API BOOL WINAPI CryptInstallOIDFunctionAddress(HMODULE module, DWORD encoding, LPCSTR func,
						   DWORD count, const CRYPT_OID_FUNC_ENTRY *entries,
						   DWORD flags)
{
	struct func_set *s = CryptInitOIDFunctionSet(func, 0);

	if (!s)
		return FALSE;
	if (count && !entries)
		return c32_fail(E_INVALIDARG);
	for (DWORD i = 0; i < count; i++) {
		LPCSTR oid = entries[i].pszOID;
		DWORD oid_len = is_int_oid(oid) ? 0 : strlen(oid) + 1;
		struct installed *f = HeapAlloc(GetProcessHeap(), 0, sizeof(*f) + oid_len);

		if (!f)
			return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
		f->encoding = GET_CERT_ENCODING_TYPE(encoding);
		f->oid = oid_len ? memcpy(f + 1, oid, oid_len) : oid;
		f->func = entries[i].pvFuncAddr;
		f->module = module;
		AcquireSRWLockExclusive(&sets_lock);
		/* CRYPT_INSTALL_OID_FUNC_BEFORE_FLAG: ahead of those installed before */
		f->next = s->funcs;
		s->funcs = f;
		ReleaseSRWLockExclusive(&sets_lock);
	}
	return TRUE;
}

static BOOL same_oid(LPCSTR a, LPCSTR b)
{
	if (is_int_oid(a) || is_int_oid(b))
		return a == b;
	return !lstrcmpiA(a, b);
}

/* A handle from a registered DLL: the module with its reference. */
static BOOL load_registered(const struct func_set *s, DWORD encoding, LPCSTR oid, void **addr,
			    HCRYPTOIDFUNCADDR *handle)
{
	WCHAR dll[MAX_PATH], wide_name[256];
	char name[256];
	DWORD type, len = sizeof(dll);
	HMODULE module;

	if (!CryptGetOIDFunctionValue(encoding, s->name, oid, L"Dll", &type, (BYTE *)dll, &len) ||
	    type != REG_SZ || !(module = LoadLibraryW(dll)))
		return c32_fail(ERROR_FILE_NOT_FOUND);
	len = sizeof(wide_name);
	if (!CryptGetOIDFunctionValue(encoding, s->name, oid, L"FuncName", &type,
				      (BYTE *)wide_name, &len) ||
	    type != REG_SZ ||
	    !WideCharToMultiByte(CP_ACP, 0, wide_name, -1, name, sizeof(name), NULL, NULL))
		lstrcpynA(name, s->name, sizeof(name)); /* no override: the function's own name */
	if (!(*addr = GetProcAddress(module, name))) {
		FreeLibrary(module);
		return c32_fail(ERROR_FILE_NOT_FOUND);
	}
	*handle = (HCRYPTOIDFUNCADDR)module;
	return TRUE;
}

C32_API BOOL WINAPI CryptGetOIDFunctionAddress(HCRYPTOIDFUNCSET set, DWORD encoding, LPCSTR oid,
					       DWORD flags, void **addr,
					       HCRYPTOIDFUNCADDR *handle)
{
	struct func_set *s = set;
	void *found = NULL;

	if (!s || !addr || !handle)
		return c32_fail(E_INVALIDARG);
	*addr = NULL;
	*handle = NULL;
	AcquireSRWLockExclusive(&sets_lock);
	for (struct installed *f = s->funcs; f && !found; f = f->next)
		if (f->encoding == GET_CERT_ENCODING_TYPE(encoding) && oid && same_oid(f->oid, oid))
			found = f->func;
	ReleaseSRWLockExclusive(&sets_lock);
	if (found) {
		*addr = found;
		return TRUE;
	}
	if (!oid || (flags & CRYPT_GET_INSTALLED_OID_FUNC_FLAG))
		return c32_fail(ERROR_FILE_NOT_FOUND);
	return load_registered(s, encoding, oid, addr, handle);
}

/* Installed addresses have no handle; a registered DLL's is its module. */
C32_API BOOL WINAPI CryptFreeOIDFunctionAddress(HCRYPTOIDFUNCADDR handle, DWORD flags)
{
	if (handle)
		FreeLibrary((HMODULE)handle);
	return TRUE;
}

C32_API BOOL WINAPI CryptGetDefaultOIDDllList(HCRYPTOIDFUNCSET set, DWORD encoding, LPWSTR buf,
					      DWORD *len)
{
	struct func_set *s = set;
	DWORD chars;
	WCHAR *list;
	BOOL ok = TRUE;

	if (!s || !len)
		return c32_fail(E_INVALIDARG);
	list = default_dlls(encoding, s->name, &chars);
	if (!list) {
		chars = 1; /* the empty list: its final NUL */
	}
	if (buf && *len < chars)
		ok = c32_fail(ERROR_MORE_DATA);
	else if (buf && list)
		memcpy(buf, list, chars * sizeof(WCHAR));
	else if (buf)
		buf[0] = 0;
	*len = chars;
	LocalFree(list);
	return ok;
}

C32_API BOOL WINAPI CryptGetDefaultOIDFunctionAddress(HCRYPTOIDFUNCSET set, DWORD encoding,
						      LPCWSTR dll, DWORD flags, void **addr,
						      HCRYPTOIDFUNCADDR *handle)
{
	struct func_set *s = set;
	DWORD chars;
	WCHAR *list;

	if (!s || !addr || !handle)
		return c32_fail(E_INVALIDARG);
	*addr = NULL;
	list = dll ? NULL : default_dlls(encoding, s->name, &chars);
	for (LPCWSTR p = dll ? dll : list; p && *p; p = dll ? NULL : p + lstrlenW(p) + 1) {
		HMODULE module = LoadLibraryW(p);

		if (module && (*addr = GetProcAddress(module, s->name))) {
			*handle = (HCRYPTOIDFUNCADDR)module;
			LocalFree(list);
			return TRUE;
		}
		if (module)
			FreeLibrary(module);
	}
	LocalFree(list);
	return c32_fail(ERROR_FILE_NOT_FOUND);
}

/* CryptRegisterOIDInfo: "<OID>!<group>" under CryptDllFindOIDInfo, read
 * by Windows when crypt32 loads (so not found before the next run).  The
 * structure may be the one without the CNG names. */
static BOOL info_valid(PCCRYPT_OID_INFO info)
{
	return info && info->pszOID &&
	       (info->cbSize == sizeof(*info) ||
		info->cbSize == offsetof(CRYPT_OID_INFO, pwszCNGAlgid));
}

static BOOL oid_info_path(PCCRYPT_OID_INFO info, char *path, size_t room)
{
	int n = _snprintf(path, room, OID_ROOT "\\EncodingType 0\\CryptDllFindOIDInfo\\%s!%lu",
			 info->pszOID, (unsigned long)info->dwGroupId);

	return n > 0 && (size_t)n < room;
}

C32_API BOOL WINAPI CryptRegisterOIDInfo(PCCRYPT_OID_INFO info, DWORD flags)
{
	char path[512];
	DWORD install_flags = flags & CRYPT_INSTALL_OID_INFO_BEFORE_FLAG ? 1 : 0;
	LSTATUS err;
	HKEY key;

	if (!info_valid(info))
		return c32_fail(E_INVALIDARG);
	if (!info->dwGroupId)
		return TRUE; /* no group: nothing is written, as on Windows */
	if (!oid_info_path(info, path, sizeof(path)))
		return c32_fail(E_INVALIDARG);
	if ((err = RegCreateKeyExA(HKEY_LOCAL_MACHINE, path, 0, NULL, 0, KEY_SET_VALUE, NULL, &key,
				   NULL)))
		return c32_fail(err);
	if (info->pwszName)
		err = RegSetValueExW(key, L"Name", 0, REG_SZ, (const BYTE *)info->pwszName,
				     (lstrlenW(info->pwszName) + 1) * sizeof(WCHAR));
	if (!err && info->Algid)
		err = RegSetValueExW(key, L"Algid", 0, REG_DWORD, (const BYTE *)&info->Algid,
				     sizeof(DWORD));
	if (!err && info->ExtraInfo.cbData)
		err = RegSetValueExW(key, L"ExtraInfo", 0, REG_BINARY, info->ExtraInfo.pbData,
				     info->ExtraInfo.cbData);
	if (!err && install_flags)
		err = RegSetValueExW(key, L"Flags", 0, REG_DWORD, (const BYTE *)&install_flags,
				     sizeof(install_flags));
	RegCloseKey(key);
	return err ? c32_fail(err) : TRUE;
}

C32_API BOOL WINAPI CryptUnregisterOIDInfo(PCCRYPT_OID_INFO info)
{
	char path[512];
	LSTATUS err;

	if (!info_valid(info) || !oid_info_path(info, path, sizeof(path)))
		return c32_fail(E_INVALIDARG);
	err = RegDeleteKeyA(HKEY_LOCAL_MACHINE, path);
	return err ? c32_fail(err) : TRUE;
}
