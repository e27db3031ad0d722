/*
 * SearchPath and SetSearchPathMode, and the directory search they share
 * with CreateProcess (process_search.c).
 *
 * A name is looked for in each directory of a ';' list, or, with none
 * given, in the documented order: the directory of the process's image,
 * the current directory, System32, System, the Windows directory, then
 * PATH.  In safe search mode (SetSearchPathMode with
 * BASE_SEARCH_PATH_ENABLE_SAFE_SEARCHMODE) the current directory comes
 * after the Windows directory instead; CreateProcess always uses the
 * first order.  An extension is appended to a name whose last component
 * has none.  A name that is absolute or starts with ".\" or "..\" is not
 * searched: it is that file or nothing.
 */
#include "k32_private.h"
#include "process_create.h"

static LONG safe_mode = -1; /* -1: not set (current directory second) */
static BOOL mode_permanent;

static BOOL exists(const WCHAR *path, BOOL file_only)
{
	DWORD a = GetFileAttributesW(path);

	return a != INVALID_FILE_ATTRIBUTES && (!file_only || !(a & FILE_ATTRIBUTE_DIRECTORY));
}

BOOL k32_has_extension(const WCHAR *name)
{
	const WCHAR *last = name;

	for (const WCHAR *p = name; *p; p++)
		if (*p == '\\' || *p == '/' || *p == ':')
			last = p + 1;
	return wcschr(last, '.') != NULL;
}

BOOL k32_try_in(const WCHAR *dir, SIZE_T ndir, const struct k32_search *s, WCHAR *out)
{
	WCHAR joined[K32_PATH_MAX];
	SIZE_T n = wcslen(s->name), e = s->ext ? wcslen(s->ext) : 0, o = 0;

	if (ndir + n + e + 2 >= K32_PATH_MAX)
		return FALSE;
	if (ndir) {
		memcpy(joined, dir, ndir * sizeof(WCHAR));
		o = ndir;
		if (joined[o - 1] != '\\' && joined[o - 1] != '/')
			joined[o++] = '\\';
	}
	memcpy(joined + o, s->name, n * sizeof(WCHAR));
	memcpy(joined + o + n, s->ext, e * sizeof(WCHAR));
	joined[o + n + e] = 0;
	if (!GetFullPathNameW(joined, K32_PATH_MAX, out, NULL))
		return FALSE;
	return exists(out, s->file_only);
}

/* The directories of a ';' list, quotes dropped. */
static BOOL try_list(const WCHAR *list, const struct k32_search *s, WCHAR *out)
{
	while (list && *list) {
		const WCHAR *end = wcschr(list, ';');
		SIZE_T n = end ? (SIZE_T)(end - list) : wcslen(list);
		const WCHAR *d = list;

		if (n >= 2 && d[0] == '"' && d[n - 1] == '"') {
			d++;
			n -= 2;
		}
		if (n && k32_try_in(d, n, s, out))
			return TRUE;
		list = end ? end + 1 : NULL;
	}
	return FALSE;
}

static BOOL try_environment_path(const struct k32_search *s, WCHAR *out)
{
	DWORD n = GetEnvironmentVariableW(L"PATH", NULL, 0);
	WCHAR *path;
	BOOL found;

	if (!n || !(path = RtlAllocateHeap(k32_heap(), 0, n * sizeof(WCHAR))))
		return FALSE;
	GetEnvironmentVariableW(L"PATH", path, n);
	found = try_list(path, s, out);
	RtlFreeHeap(k32_heap(), 0, path);
	return found;
}

/* System32, System, the Windows directory. */
static BOOL try_system(const struct k32_search *s, WCHAR *out)
{
	WCHAR dir[K32_PATH_MAX];
	DWORD n;

	if ((n = GetSystemDirectoryW(dir, K32_PATH_MAX)) && k32_try_in(dir, n, s, out))
		return TRUE;
	if (!(n = GetWindowsDirectoryW(dir, K32_PATH_MAX - 8)))
		return FALSE;
	memcpy(dir + n, L"\\System", 8 * sizeof(WCHAR));
	return k32_try_in(dir, n + 7, s, out) || k32_try_in(dir, n, s, out);
}

BOOL k32_search(const struct k32_search *s, WCHAR *out)
{
	WCHAR dir[K32_PATH_MAX];
	DWORD n = GetModuleFileNameW(NULL, dir, K32_PATH_MAX);

	while (n && dir[n - 1] != '\\')
		n--;
	if (k32_try_in(dir, n, s, out))
		return TRUE;
	if (!s->cwd_late && k32_try_in(NULL, 0, s, out))
		return TRUE;
	if (try_system(s, out))
		return TRUE;
	if (s->cwd_late && k32_try_in(NULL, 0, s, out))
		return TRUE;
	return try_environment_path(s, out);
}

/* Absolute ("C:\x", "\x", "\\server\x") or explicitly relative (".\x",
 * "..\x"): not searched for. */
static BOOL names_one_place(const WCHAR *name)
{
	if (name[0] == '\\' || name[0] == '/' || (name[0] && name[1] == ':'))
		return TRUE;
	if (name[0] == '.' && (name[1] == '\\' || name[1] == '/'))
		return TRUE;
	return name[0] == '.' && name[1] == '.' && (name[2] == '\\' || name[2] == '/');
}

K32API DWORD WINAPI SearchPathW(LPCWSTR path, LPCWSTR name, LPCWSTR ext, DWORD size,
				LPWSTR buf, LPWSTR *file_part)
{
	struct k32_search s = { name, NULL, FALSE, safe_mode > 0 };
	WCHAR found[K32_PATH_MAX];
	DWORD n;
	BOOL ok;

	if (!name || !name[0])
		return k32_error(ERROR_INVALID_PARAMETER);
	if (ext && *ext && !k32_has_extension(name))
		s.ext = ext;
	if (names_one_place(name))
		ok = k32_try_in(NULL, 0, &s, found);
	else
		ok = path ? try_list(path, &s, found) : k32_search(&s, found);
	if (!ok)
		return k32_error(ERROR_FILE_NOT_FOUND);
	n = (DWORD)wcslen(found);
	if (n >= size)
		return n + 1;
	memcpy(buf, found, (n + 1) * sizeof(WCHAR));
	if (file_part)
		*file_part = wcsrchr(buf, '\\') ? wcsrchr(buf, '\\') + 1 : buf;
	return n;
}

K32API DWORD WINAPI SearchPathA(LPCSTR path, LPCSTR name, LPCSTR ext, DWORD size, LPSTR buf,
				LPSTR *file_part)
{
	WCHAR *wpath = path ? k32_a_to_w(path) : NULL, *wname = name ? k32_a_to_w(name) : NULL;
	WCHAR *wext = ext ? k32_a_to_w(ext) : NULL, wbuf[K32_PATH_MAX], *wpart = NULL;
	DWORD ret = 0;

	if ((path && !wpath) || (name && !wname) || (ext && !wext))
		k32_error(ERROR_NOT_ENOUGH_MEMORY);
	else
		ret = SearchPathW(wpath, wname, wext, K32_PATH_MAX, wbuf, &wpart);
	k32_free(wpath);
	k32_free(wname);
	k32_free(wext);
	if (ret >= K32_PATH_MAX)
		ret = 0;
	if (ret && ret >= size)
		return ret + 1; /* the room it needs, with the NUL */
	ret = k32_copy_w_result_to_a(ret, wbuf, buf, size);
	if (file_part)
		*file_part = ret && wpart ? buf + (wpart - wbuf) : NULL;
	return ret;
}

#define SAFE_ENABLE 0x00000001   /* BASE_SEARCH_PATH_ENABLE_SAFE_SEARCHMODE */
#define SAFE_DISABLE 0x00010000  /* BASE_SEARCH_PATH_DISABLE_SAFE_SEARCHMODE */
#define SAFE_PERMANENT 0x00008000 /* BASE_SEARCH_PATH_PERMANENT */

/* Exactly one of enable and disable; only enabling may be made permanent,
 * after which nothing changes it. */
K32API BOOL WINAPI SetSearchPathMode(DWORD flags)
{
	DWORD mode = flags & ~SAFE_PERMANENT;

	if ((mode != SAFE_ENABLE && mode != SAFE_DISABLE) ||
	    (flags == (SAFE_DISABLE | SAFE_PERMANENT)))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (mode_permanent)
		return flags == (SAFE_ENABLE | SAFE_PERMANENT) ? TRUE : k32_error(ERROR_ACCESS_DENIED);
	safe_mode = mode == SAFE_ENABLE;
	mode_permanent = (flags & SAFE_PERMANENT) != 0;
	return TRUE;
}

/* Whether an executable's search takes in the current directory: always
 * for a name with a backslash (it names a place); otherwise unless
 * NoDefaultCurrentDirectoryInExePath is set, to any value. */
K32API BOOL WINAPI NeedCurrentDirectoryForExePathW(LPCWSTR name)
{
	static const WCHAR var[] = L"NoDefaultCurrentDirectoryInExePath";
	DWORD err = GetLastError();
	BOOL unset;

	if (wcschr(name, '\\'))
		return TRUE;
	unset = !GetEnvironmentVariableW(var, NULL, 0) && GetLastError() == ERROR_ENVVAR_NOT_FOUND;
	RtlSetLastWin32Error(err); /* the answer is no error */
	return unset;
}

K32API BOOL WINAPI NeedCurrentDirectoryForExePathA(LPCSTR name)
{
	UNICODE_STRING w;
	BOOL r;

	if (!k32_ansi_arg(name, &w))
		return TRUE;
	r = NeedCurrentDirectoryForExePathW(w.Buffer);
	k32_free(w.Buffer);
	return r;
}
