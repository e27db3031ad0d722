/*
 * Which file CreateProcess runs: the documented rules for
 * lpApplicationName and lpCommandLine.
 *
 * An application name is the file itself (relative to the current
 * directory; no extension is added).  Without one, the command line's
 * first token names it: up to the closing quote when it starts with one;
 * else each run of text up to a space is tried in turn ("c:\program
 * files\sub dir\program name" tries c:\program, c:\program files\sub, ...),
 * so an unquoted path with spaces still works.  ".exe" is appended to a
 * name whose last component has no extension (a trailing dot means
 * none), and a name without a directory is searched for in: the
 * directory of the parent's image, the current directory, System32,
 * System, the Windows directory, then PATH.
 */
#include "k32_private.h"
#include "process_create.h"

static BOOL is_file(const WCHAR *path)
{
	DWORD a = GetFileAttributesW(path);

	return a != INVALID_FILE_ATTRIBUTES && !(a & FILE_ATTRIBUTE_DIRECTORY);
}

/* dir + '\' + name (+ ext, e.g. ".exe") into out (K32_PATH_MAX chars):
 * its full form if that names a file. */
static BOOL try_in(const WCHAR *dir, SIZE_T ndir, const WCHAR *name, const WCHAR *ext, WCHAR *out)
{
	WCHAR joined[K32_PATH_MAX];
	SIZE_T n = wcslen(name), o = 0, next = ext ? wcslen(ext) : 0;

	if (ndir + n + next + 2 >= K32_PATH_MAX)
		return FALSE;
	if (ndir) {
		memcpy(joined, dir, ndir * sizeof(WCHAR));
		o = ndir;
		if (joined[o - 1] != '\\' && joined[o - 1] != '/')
			joined[o++] = '\\';
	}
	memcpy(joined + o, name, n * sizeof(WCHAR));
	o += n;
	memcpy(joined + o, ext, next * sizeof(WCHAR));
	o += next;
	joined[o] = 0;
	if (!GetFullPathNameW(joined, K32_PATH_MAX, out, NULL))
		return FALSE;
	return is_file(out);
}

/* Whether the last component of name has an extension; a trailing dot
 * counts as one (it says: none, add nothing). */
static BOOL has_extension(const WCHAR *name)
{
	const WCHAR *last = name;

	for (const WCHAR *p = name; *p; p++)
		if (*p == '\\' || *p == '/' || *p == ':')
			last = p + 1;
	return wcschr(last, '.') != NULL;
}

static BOOL has_directory(const WCHAR *name)
{
	return wcschr(name, '\\') || wcschr(name, '/') || (name[0] && name[1] == ':');
}

/* The directories of a ';' list (PATH), quotes dropped. */
static BOOL try_path_list(const WCHAR *list, const WCHAR *name, const WCHAR *ext, WCHAR *out)
{
	while (list && *list) {
		const WCHAR *end = wcschr(list, ';');
		SIZE_T n = end ? (SIZE_T)(end - list) : wcslen(list);
		const WCHAR *d = list;

		if (n >= 2 && d[0] == '"' && d[n - 1] == '"') {
			d++;
			n -= 2;
		}
		if (n && try_in(d, n, name, ext, out))
			return TRUE;
		list = end ? end + 1 : NULL;
	}
	return FALSE;
}

/* The directory part of the running image's path, its length. */
static SIZE_T image_directory(WCHAR *buf)
{
	DWORD n = GetModuleFileNameW(NULL, buf, K32_PATH_MAX);

	while (n && buf[n - 1] != '\\')
		n--;
	return n;
}

/* The image's directory, the current directory (after the system
 * directories in safe search mode), System32, System, Windows, PATH. */
static BOOL search_dirs(const WCHAR *name, const WCHAR *ext, BOOL safe, WCHAR *out)
{
	WCHAR dir[K32_PATH_MAX], *path;
	DWORD n;
	BOOL found;

	if (try_in(dir, image_directory(dir), name, ext, out) ||
	    (!safe && try_in(NULL, 0, name, ext, out)))
		return TRUE;
	if ((n = GetSystemDirectoryW(dir, K32_PATH_MAX)) && try_in(dir, n, name, ext, out))
		return TRUE;
	if ((n = GetWindowsDirectoryW(dir, K32_PATH_MAX - 8))) {
		memcpy(dir + n, L"\\System", 8 * sizeof(WCHAR));
		if (try_in(dir, n + 7, name, ext, out) || try_in(dir, n, name, ext, out))
			return TRUE;
	}
	if (safe && try_in(NULL, 0, name, ext, out))
		return TRUE;
	n = GetEnvironmentVariableW(L"PATH", NULL, 0);
	if (!n || !(path = RtlAllocateHeap(k32_heap(), 0, n * sizeof(WCHAR))))
		return FALSE;
	GetEnvironmentVariableW(L"PATH", path, n);
	found = try_path_list(path, name, ext, out);
	RtlFreeHeap(k32_heap(), 0, path);
	return found;
}

BOOL k32_search_file(const WCHAR *list, const WCHAR *name, const WCHAR *ext, BOOL safe,
		     WCHAR *out)
{
	if (has_extension(name))
		ext = NULL;
	if (has_directory(name))
		return try_in(NULL, 0, name, ext, out);
	return list ? try_path_list(list, name, ext, out) : search_dirs(name, ext, safe, out);
}

/* One candidate module name (a copy of the token) resolved to a file. */
static BOOL find_module(const WCHAR *name, WCHAR *out)
{
	return k32_search_file(NULL, name, L".exe", FALSE, out);
}

/* Tries cmdline[0..n) as the module name. */
static BOOL try_prefix(const WCHAR *cmdline, SIZE_T n, WCHAR *out)
{
	WCHAR name[K32_PATH_MAX];

	if (!n || n >= K32_PATH_MAX)
		return FALSE;
	memcpy(name, cmdline, n * sizeof(WCHAR));
	name[n] = 0;
	return find_module(name, out);
}

DWORD k32_find_image(const WCHAR *app, const WCHAR *cmdline, WCHAR *out)
{
	const WCHAR *p;

	if (app)
		return *app && try_in(NULL, 0, app, NULL, out) ? 0 : ERROR_FILE_NOT_FOUND;
	if (!cmdline)
		return ERROR_INVALID_PARAMETER;
	while (*cmdline == ' ' || *cmdline == '\t')
		cmdline++;
	if (*cmdline == '"') {
		const WCHAR *close = wcschr(cmdline + 1, '"');
		SIZE_T n = close ? (SIZE_T)(close - cmdline - 1) : wcslen(cmdline + 1);

		return try_prefix(cmdline + 1, n, out) ? 0 : ERROR_FILE_NOT_FOUND;
	}
	for (p = cmdline;; p++) {
		if ((!*p || *p == ' ' || *p == '\t') && try_prefix(cmdline, (SIZE_T)(p - cmdline), out))
			return 0;
		if (!*p)
			return ERROR_FILE_NOT_FOUND;
	}
}
