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
 * System, the Windows directory, then PATH (search_path.c, SearchPath's
 * search in its default mode).
 */
#include "k32_private.h"
#include "process_create.h"

/* One candidate module name (a copy of the token) resolved to a file. */
static BOOL find_module(const WCHAR *name, WCHAR *out)
{
	struct k32_search s = { name, k32_has_extension(name) ? NULL : L".exe", TRUE, FALSE };

	if (wcschr(name, '\\') || wcschr(name, '/') || (name[0] && name[1] == ':'))
		return k32_try_in(NULL, 0, &s, out);
	return k32_search(&s, out);
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
	struct k32_search given = { app, NULL, TRUE, FALSE };
	const WCHAR *p;

	if (app)
		return *app && k32_try_in(NULL, 0, &given, out) ? 0 : ERROR_FILE_NOT_FOUND;
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
