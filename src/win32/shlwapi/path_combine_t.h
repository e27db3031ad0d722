/*
 * Path* functions that rewrite paths (canonical form, combining), match
 * them, compare their prefixes, or ask the file system, for one character
 * width (see shlwapi_private.h).
 */

static XCHAR FN(fold)(XCHAR c)
{
	return c >= 'a' && c <= 'z' ? (XCHAR)(c - 32) : c;
}

/* Removes "." components, and ".." with the component before it (never
 * above the root); an empty path becomes "\" (documented).  A relative
 * path keeps a ".." it cannot resolve ("..\x"), and resolving its first
 * component leaves a backslash ("a\..\b" is "\b"), as Windows does
 * (observed by Wine's tests; the documentation shows rooted paths only). */
BOOL WINAPI FN(PathCanonicalize)(XCHAR *out, const XCHAR *in)
{
	XCHAR buf[MAX_PATH];
	const XCHAR *rest, *c;
	int n = 0, root, len;

	if (!out || !in) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (!*in) {
		out[0] = '\\', out[1] = 0;
		return TRUE;
	}
	if (FN(len)(in) >= MAX_PATH)
		return FALSE;
	rest = FN(PathSkipRoot)(in);
	if (!rest)
		rest = in;
	for (c = in; c < rest; c++)
		buf[n++] = *c;
	root = n;
	while (*rest) {
		for (len = 0; rest[len] && rest[len] != '\\'; len++)
			;
		if (len == 1 && rest[0] == '.') {
			/* nothing */
		} else if (len == 2 && rest[0] == '.' && rest[1] == '.' && (n > root || root)) {
			if (n > root)
				n--; /* the backslash after the last component */
			while (n > root && buf[n - 1] != '\\')
				n--;
			if (!root && !n)
				buf[n++] = '\\';
		} else {
			memcpy(buf + n, rest, len * sizeof(XCHAR));
			n += len;
			if (rest[len])
				buf[n++] = '\\';
		}
		rest += len;
		if (*rest)
			rest++;
	}
	if (n > root && buf[n - 1] == '\\' && !(in[FN(len)(in) - 1] == '\\'))
		n--;
	buf[n] = 0;
	if (!n)
		buf[n++] = '\\', buf[n] = 0;
	memcpy(out, buf, (n + 1) * sizeof(XCHAR));
	return TRUE;
}

/* dir and file joined and made canonical: a file with a drive or "\\" is
 * taken alone, one starting with "\" goes under dir's drive (or, when dir
 * has none, is taken as relative).  NULL (and an empty out) when both are
 * NULL or the result passes MAX_PATH.  out may be dir or file. */
XCHAR *WINAPI FN(PathCombine)(XCHAR *out, const XCHAR *dir, const XCHAR *file)
{
	XCHAR tmp[MAX_PATH * 2];
	int n = 0;

	if (!out)
		return NULL;
	if ((!dir || !*dir) && (!file || !*file)) {
		out[0] = 0;
		if (!dir && !file)
			return NULL;
		out[0] = '\\', out[1] = 0;
		return out;
	}
	if (!file || !*file || !dir || !*dir || FN(is_drive)(file) || (file[0] == '\\' && file[1] == '\\')) {
		const XCHAR *one = file && *file ? file : dir;

		if (FN(len)(one) < MAX_PATH && FN(PathCanonicalize)(out, one))
			return out;
		out[0] = 0;
		return NULL;
	}
	if (file[0] == '\\') {
		if (FN(is_drive)(dir))
			tmp[n++] = dir[0], tmp[n++] = ':';
		else
			file++;
	} else {
		for (n = 0; dir[n] && n < MAX_PATH; n++)
			tmp[n] = dir[n];
		if (n && tmp[n - 1] != '\\')
			tmp[n++] = '\\';
	}
	for (int i = 0; file[i] && n < MAX_PATH * 2 - 1; i++)
		tmp[n++] = file[i];
	tmp[n] = 0;
	if (n < MAX_PATH && FN(PathCanonicalize)(out, tmp))
		return out;
	out[0] = 0;
	return NULL;
}

/* more goes under path (a leading backslash of more does not make it
 * absolute); the result is canonical, FALSE past MAX_PATH. */
BOOL WINAPI FN(PathAppend)(XCHAR *path, const XCHAR *more)
{
	XCHAR out[MAX_PATH];

	if (!path || !more)
		return FALSE;
	if (!FN(PathIsUNC)(more) && !FN(is_drive)(more))
		while (*more == '\\')
			more++;
	if (!FN(PathCombine)(out, path, more))
		return FALSE;
	memcpy(path, out, (FN(len)(out) + 1) * sizeof(XCHAR));
	return TRUE;
}

/* '*' any run, '?' one character, without case; pattern ends at ';'. */
static BOOL FN(match)(const XCHAR *s, const XCHAR *p)
{
	for (; *p && *p != ';'; p++, s++) {
		if (*p == '*') {
			while (p[1] == '*')
				p++;
			for (const XCHAR *t = s;; t++) {
				if (FN(match)(t, p + 1))
					return TRUE;
				if (!*t)
					return FALSE;
			}
		}
		if (!*s || (*p != '?' && FN(fold)(*p) != FN(fold)(*s)))
			return FALSE;
	}
	return !*s;
}

/* spec: patterns separated by ';' (spaces before each ignored); "*.*"
 * matches every name, with or without a dot, as in MS-DOS. */
BOOL WINAPI FN(PathMatchSpec)(const XCHAR *file, const XCHAR *spec)
{
	if (!file || !spec)
		return FALSE;
	while (*spec) {
		while (*spec == ' ')
			spec++;
		if (spec[0] == '*' && spec[1] == '.' && spec[2] == '*' && (!spec[3] || spec[3] == ';'))
			return TRUE;
		if (FN(match)(file, spec))
			return TRUE;
		while (*spec && *spec != ';')
			spec++;
		if (*spec)
			spec++;
	}
	return FALSE;
}

/* The length of the components both paths start with, without case; a
 * drive root keeps its backslash ("C:\"). */
int WINAPI FN(PathCommonPrefix)(const XCHAR *a, const XCHAR *b, XCHAR *out)
{
	int n = 0, i;

	if (!a || !b)
		return 0;       /* out untouched, as on Windows */
	if (out)
		out[0] = 0;
	for (i = 0;; i++) {
		BOOL end_a = !a[i] || a[i] == '\\', end_b = !b[i] || b[i] == '\\';

		if (end_a && end_b) {
			n = i;
			if (!a[i] || !b[i])
				break;
		}
		if (FN(fold)(a[i]) != FN(fold)(b[i]) || !a[i])
			break;
	}
	if (n == 2 && FN(is_drive)(a) && a[2] == '\\' && b[2] == '\\')
		n = 3;
	if (out) {
		memcpy(out, a, n * sizeof(XCHAR));
		out[n] = 0;
	}
	return n;
}

BOOL WINAPI FN(PathIsPrefix)(const XCHAR *prefix, const XCHAR *path)
{
	return prefix && path && FN(PathCommonPrefix)(prefix, path, NULL) == FN(len)(prefix);
}

BOOL WINAPI FN(PathIsSameRoot)(const XCHAR *a, const XCHAR *b)
{
	const XCHAR *ra = FN(PathSkipRoot)(a), *rb = FN(PathSkipRoot)(b);
	int n;

	if (!ra || !rb || ra - a != rb - b)
		return FALSE;
	n = (int)(ra - a);
	for (int i = 0; i < n; i++)
		if (FN(fold)(a[i]) != FN(fold)(b[i]))
			return FALSE;
	return TRUE;
}

BOOL WINAPI FN(PathFileExists)(const XCHAR *p)
{
	UINT mode;
	DWORD attr;

	if (!p)
		return FALSE;
	mode = SetErrorMode(SEM_FAILCRITICALERRORS);
	attr = K32(GetFileAttributes)(p);
	SetErrorMode(mode);
	return attr != INVALID_FILE_ATTRIBUTES;
}

/* FILE_ATTRIBUTE_DIRECTORY for a directory (documented: nonzero). */
BOOL WINAPI FN(PathIsDirectory)(const XCHAR *p)
{
	DWORD attr = p ? K32(GetFileAttributes)(p) : INVALID_FILE_ATTRIBUTES;

	return attr != INVALID_FILE_ATTRIBUTES ? attr & FILE_ATTRIBUTE_DIRECTORY : FALSE;
}

/* A bare name is looked for on the search path (its full name in the
 * current directory when not found), any other path made full. */
BOOL WINAPI FN(PathSearchAndQualify)(const XCHAR *p, XCHAR *out, UINT size)
{
	const XCHAR *c;
	BOOL bare = p != NULL;
	DWORD n;

	if (!p || !out || !size)
		return FALSE;
	for (c = p; *c; c++)
		if (*c == '\\' || *c == '/' || *c == ':')
			bare = FALSE;
	if (bare && K32(SearchPath)(NULL, p, NULL, size, out, NULL))
		return TRUE;
	n = K32(GetFullPathName)(p, size, out, NULL);
	return n && n < size;
}

/* An all upper-case path in lower case but its first character (an
 * 8.3-era name made readable); FALSE, untouched, when it has any lower
 * case letter. */
BOOL WINAPI FN(PathMakePretty)(XCHAR *p)
{
	XCHAR *c;

	if (!p)
		return FALSE;
	for (c = p; *c; c++)
		if (*c >= 'a' && *c <= 'z')
			return FALSE;
	for (c = p + (*p != 0); *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c += 32;
	return TRUE;
}

/* The longest start of p that is the value of one of the folder
 * variables becomes "%NAME%" (values read each call, not cached). */
BOOL WINAPI FN(PathUnExpandEnvStrings)(const XCHAR *p, XCHAR *out, UINT size)
{
	static const XCHAR *const names[] = {
		X("ALLUSERSPROFILE"), X("APPDATA"), X("USERPROFILE"), X("ProgramFiles"),
		X("SystemRoot"), X("SystemDrive"),
	};
	XCHAR value[MAX_PATH];
	const XCHAR *best = NULL;
	DWORD best_len = 0, n, k;

	if (!p || !out)
		return FALSE;
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		n = K32(GetEnvironmentVariable)(names[i], value, MAX_PATH);
		if (!n || n >= MAX_PATH || n <= best_len)
			continue;
		for (k = 0; k < n && FN(fold)(p[k]) == FN(fold)(value[k]); k++)
			;
		if (k == n)
			best = names[i], best_len = n;
	}
	if (!best || FN(len)(best) + 2 + FN(len)(p + best_len) + 1 > (int)size)
		return FALSE;
	out[0] = '%';
	memcpy(out + 1, best, FN(len)(best) * sizeof(XCHAR));
	out[FN(len)(best) + 1] = '%';
	memcpy(out + FN(len)(best) + 2, p + best_len, (FN(len)(p + best_len) + 1) * sizeof(XCHAR));
	return TRUE;
}
