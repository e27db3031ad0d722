/*
 * RegLoadMUIString: a value holding an indirect string,
 * "@<file>,-<id>[;<comment>]", resolved to string <id> of <file>'s string
 * table (the Time Zones keys' MUI_* values name tzres.dll's strings).
 * The text after '@' has its %VARIABLES% expanded whatever the value's type;
 * a relative file is taken from the directory the caller names, or else
 * from the current directory (no DLL search).
 */
#include "adv_private.h"

/* The value as a heap string with its NUL; REG_SZ or REG_EXPAND_SZ only. */
static LSTATUS read_string(HKEY hkey, const WCHAR *name, WCHAR **out)
{
	DWORD type, size = 0, again;
	LSTATUS err = RegQueryValueExW(hkey, name, NULL, &type, NULL, &size);

	if (err)
		return err;
	if (type != REG_SZ && type != REG_EXPAND_SZ)
		return ERROR_INVALID_DATA;
	if (!(*out = adv_alloc(size + sizeof(WCHAR))))
		return ERROR_NOT_ENOUGH_MEMORY;
	again = size;
	err = RegQueryValueExW(hkey, name, NULL, &type, (BYTE *)*out, &again);
	if (err || again > size) {
		adv_free(*out);
		return err ? err : ERROR_MORE_DATA;
	}
	(*out)[again / sizeof(WCHAR)] = 0;
	return ERROR_SUCCESS;
}

/* The id of a ",-<digits>" tail ending the string or a ';' comment. */
static BOOL parse_id(const WCHAR *p, UINT *id)
{
	UINT v = 0;

	if (*p++ != ',' || *p++ != '-' || *p < '0' || *p > '9')
		return FALSE;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > 0xFFFF)
			return FALSE;
		v = v * 10 + (*p - '0');
	}
	*id = v;
	return (*p == 0 || *p == ';') && v <= 0xFFFF;
}

/* "@file,-id": the file (heap) and the id, from the text after '@' with
 * its %VARIABLES% expanded (an id may come from a variable too). */
static LSTATUS parse_indirect(const WCHAR *v, WCHAR **file, UINT *id)
{
	WCHAR *comma = NULL;
	DWORD n;

	if (v[0] != '@')
		return ERROR_INVALID_DATA;
	n = ExpandEnvironmentStringsW(v + 1, NULL, 0);
	if (!n || !(*file = adv_alloc(n * sizeof(WCHAR))))
		return ERROR_NOT_ENOUGH_MEMORY;
	ExpandEnvironmentStringsW(v + 1, *file, n);
	for (WCHAR *p = *file; *p && !comma; p++)
		if (*p == ',' && parse_id(p, id))
			comma = p;
	if (!comma || comma == *file) {
		adv_free(*file);
		*file = NULL;
		return ERROR_INVALID_DATA;
	}
	*comma = 0;
	return ERROR_SUCCESS;
}

static BOOL is_relative(const WCHAR *p)
{
	return !(p[0] == '\\' || p[0] == '/' || (p[0] && p[1] == ':'));
}

/* The full path of file: dir\file for a relative file when dir is given,
 * else file against the current directory.  Heap. */
static LSTATUS full_path(const WCHAR *file, const WCHAR *dir, WCHAR **out)
{
	WCHAR *joined = NULL;
	const WCHAR *path = file;
	DWORD n;

	if (dir && *dir && is_relative(file)) {
		size_t d = wcslen(dir), f = wcslen(file);

		if (!(joined = adv_alloc((d + f + 2) * sizeof(WCHAR))))
			return ERROR_NOT_ENOUGH_MEMORY;
		memcpy(joined, dir, d * sizeof(WCHAR));
		joined[d] = '\\';
		memcpy(joined + d + 1, file, (f + 1) * sizeof(WCHAR));
		path = joined;
	}
	n = GetFullPathNameW(path, 0, NULL, NULL);
	*out = n ? adv_alloc(n * sizeof(WCHAR)) : NULL;
	if (*out && GetFullPathNameW(path, n, *out, NULL) >= n) {
		adv_free(*out);
		*out = NULL;
	}
	adv_free(joined);
	return *out ? ERROR_SUCCESS : n ? ERROR_NOT_ENOUGH_MEMORY : ERROR_INVALID_DATA;
}

/* String id of the string table in mod: its characters (not terminated)
 * and length.  ERROR_RESOURCE_*_NOT_FOUND without the block, ERROR_NOT_FOUND
 * for an empty entry. */
static LSTATUS find_string(HMODULE mod, UINT id, const WCHAR **s, DWORD *len)
{
	HRSRC res = FindResourceW(mod, MAKEINTRESOURCEW((id >> 4) + 1), (LPCWSTR)RT_STRING);
	const WCHAR *p, *end;

	if (!res)
		return GetLastError();
	if (!(p = LockResource(LoadResource(mod, res))))
		return ERROR_RESOURCE_DATA_NOT_FOUND;
	end = p + SizeofResource(mod, res) / sizeof(WCHAR);
	for (UINT i = 0; i < (id & 15) && p < end; i++)
		p += *p + 1;
	if (p >= end || *p > end - p - 1)
		return ERROR_RESOURCE_DATA_NOT_FOUND;
	if (!*p)
		return ERROR_NOT_FOUND;
	*len = *p;
	*s = p + 1;
	return ERROR_SUCCESS;
}

/* Copies the string as RegLoadMUIString's size rules say. */
static LSTATUS copy_out(const WCHAR *s, DWORD len, WCHAR *buf, DWORD room, DWORD *result,
			DWORD flags)
{
	DWORD need = (len + 1) * sizeof(WCHAR);

	if (result)
		*result = need;
	if (room < need) {
		if (!(flags & REG_MUI_STRING_TRUNCATE) || room < sizeof(WCHAR))
			return ERROR_MORE_DATA;
		len = room / sizeof(WCHAR) - 1;
	}
	memcpy(buf, s, len * sizeof(WCHAR));
	buf[len] = 0;
	return ERROR_SUCCESS;
}

static LSTATUS load_indirect(const WCHAR *value, const WCHAR *dir, WCHAR *buf, DWORD room,
			     DWORD *result, DWORD flags)
{
	WCHAR *file = NULL, *path = NULL;
	const WCHAR *s = NULL;
	HMODULE mod = NULL;
	DWORD len = 0;
	UINT id;
	LSTATUS err;

	if ((err = parse_indirect(value, &file, &id)) || (err = full_path(file, dir, &path)))
		goto out;
	if (GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES) {
		err = ERROR_FILE_NOT_FOUND;
		goto out;
	}
	mod = LoadLibraryExW(path, NULL, LOAD_LIBRARY_AS_DATAFILE | LOAD_LIBRARY_AS_IMAGE_RESOURCE);
	if (!mod)
		err = GetLastError();
	else if (!(err = find_string(mod, id, &s, &len)))
		err = copy_out(s, len, buf, room, result, flags);
out:
	if (mod)
		FreeLibrary(mod);
	adv_free(path);
	adv_free(file);
	return err;
}

ADVAPI LSTATUS WINAPI RegLoadMUIStringW(HKEY hkey, LPCWSTR value_name, LPWSTR buf, DWORD room,
					LPDWORD result, DWORD flags, LPCWSTR dir)
{
	WCHAR *value;
	LSTATUS err;

	if ((flags & ~(DWORD)REG_MUI_STRING_TRUNCATE) ||
	    ((flags & REG_MUI_STRING_TRUNCATE) && result) || (room & 1) || (!buf && room))
		return ERROR_INVALID_PARAMETER;
	if ((err = read_string(hkey, value_name, &value)))
		return err;
	err = load_indirect(value, dir, buf, room, result, flags);
	adv_free(value);
	return err;
}

/* Documented: the ANSI form is not implemented on any Windows. */
ADVAPI LSTATUS WINAPI RegLoadMUIStringA(HKEY hkey, LPCSTR value_name, LPSTR buf, DWORD room,
					LPDWORD result, DWORD flags, LPCSTR dir)
{
	return ERROR_CALL_NOT_IMPLEMENTED;
}
