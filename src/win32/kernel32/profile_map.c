/*
 * Initialization files mapped to the registry (documented: "Mapping INI
 * files to the registry").  HKLM\SOFTWARE\Microsoft\Windows NT\
 * CurrentVersion\IniFileMapping\<file name> (only the name counts, not
 * the directory) says where a file's sections live:
 *   a subkey named as the section: a value per key naming that key's
 *     registry key, its default value for the other keys; keys named by
 *     neither stay in the file;
 *   a value named as the section: the registry key of the whole section;
 *   the default value: a key under which each section is a subkey.
 * A location is "USR:path" (under HKEY_CURRENT_USER) or "SYS:path" (under
 * HKEY_LOCAL_MACHINE\SOFTWARE), optionally after the prefixes ! # @, which
 * only matter for the user's first logon and are read past here.  A key's
 * value is its REG_SZ value of the same name; other types read as absent.
 */
#include "k32_profile_map.h"
#include "ntdll/rtl/nt_key.h"

NTSYSAPI NTSTATUS NTAPI RtlOpenCurrentUser(ACCESS_MASK access, PHANDLE key);

#define MAPPINGS L"\\Registry\\Machine\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\IniFileMapping\\"
#define MACHINE_SOFTWARE L"\\Registry\\Machine\\SOFTWARE"
#define KEY_RW (KEY_QUERY_VALUE | KEY_SET_VALUE | KEY_ENUMERATE_SUB_KEYS | KEY_CREATE_SUB_KEY)

static HANDLE open_key(HANDLE root, const WCHAR *path, size_t n, BOOL create)
{
	UNICODE_STRING s = { (USHORT)(n * sizeof(WCHAR)), (USHORT)(n * sizeof(WCHAR)), (WCHAR *)path };
	OBJECT_ATTRIBUTES oa;
	HANDLE key = NULL;
	NTSTATUS st;

	InitializeObjectAttributes(&oa, &s, OBJ_CASE_INSENSITIVE, root, NULL);
	st = create ? NtCreateKey(&key, KEY_RW, &oa, 0, NULL, 0, NULL) : NtOpenKey(&key, KEY_RW, &oa);
	return st < 0 ? NULL : key;
}

/* path (components separated by '\') under root, each level made when
 * `create` (NtCreateKey makes one at a time). */
static HANDLE open_path(HANDLE root, const WCHAR *path, BOOL create)
{
	HANDLE key = NULL, parent = root;
	const WCHAR *end;

	for (; *path; path = *end ? end + 1 : end) {
		end = path;
		while (*end && *end != '\\')
			end++;
		if (end == path)
			continue;
		key = open_key(parent, path, (size_t)(end - path), create);
		if (parent != root)
			NtClose(parent);
		if (!key)
			return NULL;
		parent = key;
	}
	return key;
}

/* "USR:path" or "SYS:path" opened (made when `create`), with "\section"
 * appended when sub is not NULL. */
static HANDLE open_location(const WCHAR *loc, const WCHAR *sub, BOOL create)
{
	WCHAR path[512];
	HANDLE root = NULL, key = NULL;
	UNICODE_STRING s;
	OBJECT_ATTRIBUTES oa;
	BOOL user;

	while (*loc == '!' || *loc == '#' || *loc == '@')
		loc++;
	user = !_wcsnicmp(loc, L"USR:", 4);
	if (!user && _wcsnicmp(loc, L"SYS:", 4))
		return NULL;
	if (wcslen(loc + 4) + (sub ? wcslen(sub) + 1 : 0) >= ARRAYSIZE(path))
		return NULL;
	wcscpy(path, loc + 4);
	if (sub) {
		wcscat(path, L"\\");
		wcscat(path, sub);
	}
	if (user) {
		if (RtlOpenCurrentUser(KEY_ALL_ACCESS, &root) < 0)
			return NULL;
	} else {
		RtlInitUnicodeString(&s, MACHINE_SOFTWARE);
		InitializeObjectAttributes(&oa, &s, OBJ_CASE_INSENSITIVE, NULL, NULL);
		if (NtOpenKey(&root, KEY_RW, &oa) < 0)
			return NULL;
	}
	key = open_path(root, path, create);
	NtClose(root);
	return key;
}

BOOL k32_profile_map_open(const WCHAR *file, struct profile_map *m)
{
	WCHAR path[ARRAYSIZE(MAPPINGS) + MAX_PATH];
	const WCHAR *name = file;
	UNICODE_STRING s;
	OBJECT_ATTRIBUTES oa;

	m->mapping = NULL;
	for (; file && *file; file++)
		if (*file == '\\' || *file == '/')
			name = file + 1;
	if (!name || !*name || wcslen(name) >= MAX_PATH)
		return FALSE;
	wcscpy(path, MAPPINGS);
	wcscat(path, name);
	RtlInitUnicodeString(&s, path);
	InitializeObjectAttributes(&oa, &s, OBJ_CASE_INSENSITIVE, NULL, NULL);
	return NtOpenKey(&m->mapping, KEY_RW, &oa) >= 0;
}

void k32_profile_map_close(struct profile_map *m)
{
	if (m->mapping)
		NtClose(m->mapping);
	m->mapping = NULL;
}

HANDLE k32_profile_map_section(const struct profile_map *m, const WCHAR *section)
{
	return open_key(m->mapping, section, wcslen(section), FALSE);
}

enum profile_place k32_profile_map_find(const struct profile_map *m, const WCHAR *section,
					const WCHAR *key, BOOL create, HANDLE *out)
{
	WCHAR loc[300];
	DWORD n;
	HANDLE sub;
	BOOL found = FALSE;

	*out = NULL;
	if (!m->mapping)
		return PLACE_FILE;
	if ((sub = k32_profile_map_section(m, section))) { /* key by key; not a whole section */
		found = key && (k32_reg_get_sz(sub, key, loc, ARRAYSIZE(loc), &n) ||
				k32_reg_get_sz(sub, NULL, loc, ARRAYSIZE(loc), &n));
		NtClose(sub);
		if (!found)
			return PLACE_FILE;
		*out = open_location(loc, NULL, create);
		return PLACE_REGISTRY;
	}
	if (k32_reg_get_sz(m->mapping, section, loc, ARRAYSIZE(loc), &n))
		*out = open_location(loc, NULL, create);
	else if (k32_reg_get_sz(m->mapping, NULL, loc, ARRAYSIZE(loc), &n))
		*out = open_location(loc, section, create);
	else
		return PLACE_FILE;
	return PLACE_REGISTRY;
}

/* The name of value i of key into name (room WCHARs); FALSE past the last. */
BOOL k32_profile_map_value_name(HANDLE key, ULONG i, WCHAR *name, DWORD room, ULONG *type)
{
	ULONG buf[(12 + 256 * sizeof(WCHAR)) / sizeof(ULONG)], got;
	LSW_VALUE_BASIC *v = (LSW_VALUE_BASIC *)buf;
	DWORD n;

	for (;;) {
		if (NtEnumerateValueKey(key, i, KeyValueBasicInformation, buf, sizeof(buf), &got) < 0)
			return FALSE;
		n = v->NameLength / sizeof(WCHAR);
		if (n < room)
			break;
		i++; /* a name too long for the caller: not a profile key */
	}
	memcpy(name, v->Name, n * sizeof(WCHAR));
	name[n] = 0;
	*type = v->Type;
	return TRUE;
}

BOOL k32_profile_map_set(HANDLE key, const WCHAR *name, const WCHAR *value)
{
	UNICODE_STRING s;

	if (value)
		return k32_reg_set_sz(key, name, value);
	RtlInitUnicodeString(&s, name);
	NtDeleteValueKey(key, &s);
	return TRUE;
}

/* Deletes every value of key (a mapped section; its subkeys stay). */
void k32_profile_map_clear(HANDLE key)
{
	WCHAR name[256];
	ULONG type;

	while (k32_profile_map_value_name(key, 0, name, ARRAYSIZE(name), &type)) {
		UNICODE_STRING s;
		RtlInitUnicodeString(&s, name);
		if (NtDeleteValueKey(key, &s) < 0)
			break;
	}
}
