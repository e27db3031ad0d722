/* CreateEnvironmentBlock / DestroyEnvironmentBlock: the environment a
 * logon of the token's user gets, built from the registry as Windows
 * builds it: (with bInherit, this process's variables first) SystemRoot
 * and SystemDrive as this process has them, the all-users folders of
 * ProfileList, COMPUTERNAME, the program folders of CurrentVersion, the
 * machine's Session Manager\Environment,
 * USERPROFILE (the Default profile's without a token), then the user's
 * Environment (its Path after the machine's) and Volatile Environment;
 * REG_EXPAND_SZ values expanded against what is built so far.  Wine's
 * userenv tests show the parts on Windows (SystemRoot kept, ProgramData
 * rebuilt, a variable of this process absent without bInherit).
 * ExpandEnvironmentStringsForUserA/W expand over this process's. */
#include "userenv_private.h"

#define SESSION_ENVIRONMENT L"SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment"
#define CURRENT_VERSION L"SOFTWARE\\Microsoft\\Windows\\CurrentVersion"
#define VALUE_MAX 32767 /* characters in one variable, as Windows allows */

/* The block being built: "NAME=VALUE" strings, ordered by name. */
struct env {
	WCHAR **vars;
	DWORD n, cap;
	BOOL oom;
};

static const WCHAR *find_char(const WCHAR *s, WCHAR c)
{
	for (; *s; s++)
		if (*s == c)
			return s;
	return NULL;
}

static DWORD name_len(const WCHAR *var)
{
	const WCHAR *eq = var[0] ? find_char(var + 1, L'=') : NULL; /* "=C:=..." starts with '=' */

	return eq ? (DWORD)(eq - var) : lstrlenW(var);
}

static int compare_names(const WCHAR *a, DWORD alen, const WCHAR *b, DWORD blen)
{
	return CompareStringOrdinal(a, (int)alen, b, (int)blen, TRUE) - CSTR_EQUAL;
}

/* Where name is (*found) or would go. */
static DWORD env_find(const struct env *e, const WCHAR *name, DWORD len, BOOL *found)
{
	DWORD i;

	for (i = 0; i < e->n; i++) {
		int c = compare_names(e->vars[i], name_len(e->vars[i]), name, len);

		if (c >= 0) {
			*found = c == 0;
			return i;
		}
	}
	*found = FALSE;
	return i;
}

static void env_set(struct env *e, const WCHAR *name, const WCHAR *value)
{
	DWORD nlen = lstrlenW(name), vlen = lstrlenW(value), at;
	BOOL found;
	WCHAR *var;

	if (e->oom || !nlen || vlen > VALUE_MAX)
		return;
	if (!(var = HeapAlloc(GetProcessHeap(), 0, (nlen + vlen + 2) * sizeof(WCHAR)))) {
		e->oom = TRUE;
		return;
	}
	memcpy(var, name, nlen * sizeof(WCHAR));
	var[nlen] = L'=';
	memcpy(var + nlen + 1, value, (vlen + 1) * sizeof(WCHAR));
	at = env_find(e, name, nlen, &found);
	if (found) {
		HeapFree(GetProcessHeap(), 0, e->vars[at]);
		e->vars[at] = var;
		return;
	}
	if (e->n == e->cap) {
		DWORD cap = e->cap ? e->cap * 2 : 64;
		WCHAR **v = e->vars ? HeapReAlloc(GetProcessHeap(), 0, e->vars, cap * sizeof(*v))
				    : HeapAlloc(GetProcessHeap(), 0, cap * sizeof(*v));

		if (!v) {
			HeapFree(GetProcessHeap(), 0, var);
			e->oom = TRUE;
			return;
		}
		e->vars = v;
		e->cap = cap;
	}
	memmove(e->vars + at + 1, e->vars + at, (e->n - at) * sizeof(*e->vars));
	e->vars[at] = var;
	e->n++;
}

static const WCHAR *env_get(const struct env *e, const WCHAR *name, DWORD len)
{
	BOOL found;
	DWORD at = env_find(e, name, len, &found);

	return found ? e->vars[at] + len + 1 : NULL;
}

/* src with %NAME% replaced from e (unknown names left as they are), in
 * out (VALUE_MAX + 1 characters, cut there). */
static void env_expand(const struct env *e, const WCHAR *src, WCHAR *out)
{
	DWORD o = 0;

	while (*src && o < VALUE_MAX) {
		const WCHAR *end = src[0] == L'%' ? find_char(src + 1, L'%') : NULL;
		const WCHAR *value = end ? env_get(e, src + 1, (DWORD)(end - src - 1)) : NULL;

		if (!value) {
			out[o++] = *src++;
			continue;
		}
		while (*value && o < VALUE_MAX)
			out[o++] = *value++;
		src = end + 1;
	}
	out[o] = 0;
}

/* Every variable of this process. */
static void from_process(struct env *e)
{
	WCHAR *all = GetEnvironmentStringsW(), *p;

	for (p = all; p && *p; p += lstrlenW(p) + 1) {
		DWORD n = name_len(p);
		WCHAR name[256];

		if (p[n] != L'=' || n >= ARRAYSIZE(name))
			continue;
		memcpy(name, p, n * sizeof(WCHAR));
		name[n] = 0;
		env_set(e, name, p + n + 1);
	}
	if (all)
		FreeEnvironmentStringsW(all);
}

/* One variable of this process, when it has it. */
static void from_process_one(struct env *e, const WCHAR *name, WCHAR *buf)
{
	if (GetEnvironmentVariableW(name, buf, VALUE_MAX + 1) - 1 < VALUE_MAX)
		env_set(e, name, buf);
}

/* The values of a key as variables; a Path after the one there is. */
static void from_key(struct env *e, HKEY root, const WCHAR *path, BOOL append_path,
		     WCHAR *buf, WCHAR *expanded)
{
	WCHAR name[256];
	HKEY key;

	if (RegOpenKeyExW(root, path, 0, KEY_READ, &key))
		return;
	for (DWORD i = 0;; i++) {
		DWORD nlen = ARRAYSIZE(name), bytes = VALUE_MAX * sizeof(WCHAR), type;
		const WCHAR *old;
		LSTATUS err = RegEnumValueW(key, i, name, &nlen, NULL, &type, (BYTE *)buf, &bytes);

		if (err == ERROR_NO_MORE_ITEMS)
			break;
		if (err || (type != REG_SZ && type != REG_EXPAND_SZ))
			continue;
		buf[bytes / sizeof(WCHAR)] = 0;
		if (type == REG_EXPAND_SZ)
			env_expand(e, buf, expanded);
		else
			lstrcpynW(expanded, buf, VALUE_MAX + 1);
		old = append_path && !lstrcmpiW(name, L"Path") ? env_get(e, name, nlen) : NULL;
		if (old && *old && lstrlenW(old) + 1 + lstrlenW(expanded) <= VALUE_MAX) {
			lstrcpyW(buf, old);
			lstrcatW(buf, L";");
			lstrcatW(buf, expanded);
			env_set(e, name, buf);
		} else
			env_set(e, name, expanded);
	}
	RegCloseKey(key);
}

/* The program folders logon takes from CurrentVersion. */
static void from_current_version(struct env *e, WCHAR *buf)
{
	static const WCHAR *const map[][2] = {
		{ L"ProgramFilesDir", L"ProgramFiles" },
		{ L"CommonFilesDir", L"CommonProgramFiles" },
		{ L"ProgramFilesDir (x86)", L"ProgramFiles(x86)" },
		{ L"CommonFilesDir (x86)", L"CommonProgramFiles(x86)" },
		{ L"ProgramW6432Dir", L"ProgramW6432" },
		{ L"CommonW6432Dir", L"CommonProgramW6432" },
	};

	for (size_t i = 0; i < ARRAYSIZE(map); i++) {
		DWORD bytes = VALUE_MAX * sizeof(WCHAR);

		if (!RegGetValueW(HKEY_LOCAL_MACHINE, CURRENT_VERSION, map[i][0], RRF_RT_REG_SZ, NULL,
				  buf, &bytes))
			env_set(e, map[i][1], buf);
	}
}

/* A ProfileList folder as a variable. */
static void from_profile_list(struct env *e, const WCHAR *value, const WCHAR *name, WCHAR *buf)
{
	DWORD len;

	if (ue_profile_value(NULL, value, buf, VALUE_MAX + 1, &len))
		env_set(e, name, buf);
}

static void build(struct env *e, HANDLE token, BOOL inherit, WCHAR *buf, WCHAR *expanded)
{
	DWORD len = VALUE_MAX + 1;

	if (inherit)
		from_process(e);
	from_process_one(e, L"SystemRoot", buf);
	from_process_one(e, L"SystemDrive", buf);
	from_profile_list(e, L"ProgramData", L"ALLUSERSPROFILE", buf);
	from_profile_list(e, L"ProgramData", L"ProgramData", buf);
	from_profile_list(e, L"Public", L"PUBLIC", buf);
	if (GetComputerNameW(buf, &len))
		env_set(e, L"COMPUTERNAME", buf);
	from_current_version(e, buf);
	from_key(e, HKEY_LOCAL_MACHINE, SESSION_ENVIRONMENT, FALSE, buf, expanded);
	len = VALUE_MAX + 1;
	if (!token)
		from_profile_list(e, L"Default", L"USERPROFILE", buf);
	else if (GetUserProfileDirectoryW(token, buf, &len))
		env_set(e, L"USERPROFILE", buf);
	if (!token)
		return;
	from_key(e, HKEY_CURRENT_USER, L"Environment", TRUE, buf, expanded);
	from_key(e, HKEY_CURRENT_USER, L"Volatile Environment", FALSE, buf, expanded);
}

/* The variables as one block ("A=1\0B=2\0\0"), freed as they go. */
static WCHAR *to_block(struct env *e)
{
	SIZE_T units = 1;
	WCHAR *block, *p;

	for (DWORD i = 0; i < e->n; i++)
		units += lstrlenW(e->vars[i]) + 1;
	block = e->oom ? NULL : HeapAlloc(GetProcessHeap(), 0, units * sizeof(WCHAR));
	p = block;
	for (DWORD i = 0; i < e->n; i++) {
		if (p) {
			lstrcpyW(p, e->vars[i]);
			p += lstrlenW(p) + 1;
		}
		HeapFree(GetProcessHeap(), 0, e->vars[i]);
	}
	if (p)
		*p = 0;
	HeapFree(GetProcessHeap(), 0, e->vars);
	return block;
}

UE_API BOOL WINAPI CreateEnvironmentBlock(LPVOID *out, HANDLE token, BOOL inherit)
{
	struct env e = { NULL, 0, 0, FALSE };
	WCHAR *buf = HeapAlloc(GetProcessHeap(), 0, 2 * (VALUE_MAX + 1) * sizeof(WCHAR));
	WCHAR *block;

	if (!out || !buf) {
		HeapFree(GetProcessHeap(), 0, buf);
		SetLastError(out ? ERROR_NOT_ENOUGH_MEMORY : ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	build(&e, token, inherit, buf, buf + VALUE_MAX + 1);
	HeapFree(GetProcessHeap(), 0, buf);
	if (!(block = to_block(&e))) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return FALSE;
	}
	*out = block;
	return TRUE;
}

UE_API BOOL WINAPI DestroyEnvironmentBlock(LPVOID env)
{
	if (!env) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	return HeapFree(GetProcessHeap(), 0, env);
}

UE_API BOOL WINAPI ExpandEnvironmentStringsForUserW(HANDLE token, LPCWSTR src, LPWSTR dst, DWORD size)
{
	DWORD n;

	if (!src || !dst) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	n = ExpandEnvironmentStringsW(src, dst, size);
	if (n > size) {
		SetLastError(ERROR_INSUFFICIENT_BUFFER);
		return FALSE;
	}
	return n != 0;
}

UE_API BOOL WINAPI ExpandEnvironmentStringsForUserA(HANDLE token, LPCSTR src, LPSTR dst, DWORD size)
{
	DWORD n;

	if (!src || !dst) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	n = ExpandEnvironmentStringsA(src, dst, size);
	if (n > size) {
		SetLastError(ERROR_INSUFFICIENT_BUFFER);
		return FALSE;
	}
	return n != 0;
}
