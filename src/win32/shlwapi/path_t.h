/*
 * Path* functions that look at a path's shape only (no file system),
 * for one character width (see shlwapi_private.h).  A path is made of a
 * root ("C:\", "\", "\\server\share\"), then components separated by
 * backslashes; a forward slash counts as a separator where documented
 * Windows treats it as one (file name and extension searches).
 */

static BOOL FN(is_sep)(XCHAR c)
{
	return c == '\\' || c == '/';
}

static BOOL FN(is_drive)(const XCHAR *p)
{
	return p && p[0] && p[1] == ':' && (((p[0] | 0x20) >= 'a' && (p[0] | 0x20) <= 'z'));
}

static int FN(len)(const XCHAR *p)
{
	int n = 0;

	while (p[n])
		n++;
	return n;
}

/* The last component (after the last separator or drive colon that is
 * followed by something other than a separator); "C:\dir\" gives "dir\". */
XCHAR *WINAPI FN(PathFindFileName)(const XCHAR *p)
{
	const XCHAR *name = p;

	if (!p)
		return NULL;
	for (; *p; p++)
		if ((*p == '\\' || *p == '/' || *p == ':') && p[1] && !FN(is_sep)(p[1]))
			name = p + 1;
	return (XCHAR *)name;
}

/* The last '.' of the last component ('.' before a space or a separator
 * does not count), or the end of the string. */
XCHAR *WINAPI FN(PathFindExtension)(const XCHAR *p)
{
	const XCHAR *dot = NULL;

	if (!p)
		return NULL;
	for (; *p; p++) {
		if (FN(is_sep)(*p) || *p == ' ')
			dot = NULL;
		else if (*p == '.')
			dot = p;
	}
	return (XCHAR *)(dot ? dot : p);
}

BOOL WINAPI FN(PathIsRelative)(const XCHAR *p)
{
	if (!p || !*p)
		return TRUE;
	return !(p[0] == '\\' || FN(is_drive)(p));
}

/* "\\...", but not "\\?\" unless "\\?\UNC\". */
BOOL WINAPI FN(PathIsUNC)(const XCHAR *p)
{
	if (!p || p[0] != '\\' || p[1] != '\\')
		return FALSE;
	if (p[2] == '?')
		return p[3] == '\\' && (p[4] | 0x20) == 'u' && (p[5] | 0x20) == 'n' &&
		       (p[6] | 0x20) == 'c' && p[7] == '\\';
	return TRUE;
}

int WINAPI FN(PathGetDriveNumber)(const XCHAR *p)
{
	if (!FN(is_drive)(p))
		return -1;
	return (p[0] | 0x20) - 'a';
}

XCHAR *WINAPI FN(PathBuildRoot)(XCHAR *root, int drive)
{
	if (root && drive >= 0 && drive < 26) {
		root[0] = (XCHAR)('A' + drive);
		root[1] = ':';
		root[2] = '\\';
		root[3] = 0;
	}
	return root;
}

/* "\", "X:\", "\\server", "\\server\share" (documented roots). */
BOOL WINAPI FN(PathIsRoot)(const XCHAR *p)
{
	int seps = 0;

	if (!p || !*p)
		return FALSE;
	if (p[0] == '\\' && p[1] != '\\')
		return !p[1];
	if (FN(is_drive)(p))
		return p[2] == '\\' && !p[3];
	if (p[0] == '\\' && p[1] == '\\') {
		for (p += 2; *p; p++)
			if (*p == '\\' && ++seps > 1)
				return FALSE;
		return TRUE;
	}
	return FALSE;
}

/* Where the path after its root begins, or NULL for a relative path. */
XCHAR *WINAPI FN(PathSkipRoot)(const XCHAR *p)
{
	int seps = 0;

	if (!p || !*p)
		return NULL;
	if (p[0] == '\\' && p[1] == '\\') {
		for (p += 2; *p; p++)
			if (*p == '\\' && ++seps == 2)
				return (XCHAR *)p + 1;
		return (XCHAR *)p;
	}
	if (p[0] == '\\')
		return (XCHAR *)p + 1;
	if (FN(is_drive)(p) && p[2] == '\\')
		return (XCHAR *)p + 3;
	return NULL;
}

/* Cuts the path to its root; FALSE when it has none. */
BOOL WINAPI FN(PathStripToRoot)(XCHAR *p)
{
	XCHAR *rest = FN(PathSkipRoot)(p);

	if (!rest)
		return FALSE;
	if (rest > p && rest[-1] == '\\' && p[0] == '\\' && p[1] == '\\')
		rest--; /* "\\server\share" without its backslash */
	*rest = 0;
	return TRUE;
}

/* Appends a backslash if the path has none at its end; the new end, or
 * NULL when it would pass MAX_PATH.  An empty path stays empty. */
XCHAR *WINAPI FN(PathAddBackslash)(XCHAR *p)
{
	int n;

	if (!p)
		return NULL;
	n = FN(len)(p);
	if (n >= MAX_PATH - 1)
		return NULL;
	if (n && p[n - 1] != '\\') {
		p[n++] = '\\';
		p[n] = 0;
	}
	return p + n;
}

/* Removes a trailing backslash, not a root's; the NUL that replaced it,
 * or the last character when there was none (documented). */
XCHAR *WINAPI FN(PathRemoveBackslash)(XCHAR *p)
{
	int n;

	if (!p)
		return NULL;
	n = FN(len)(p);
	if (!n)
		return p;
	if (p[n - 1] == '\\' && !FN(PathIsRoot)(p)) {
		p[n - 1] = 0;
		return p + n - 1;
	}
	return p + n - 1;
}

/* Removes the last component and its backslash: "C:\dir\f" -> "C:\dir",
 * "C:\f" -> "C:\", "\f" -> "\", "f" -> "".  TRUE if something went. */
BOOL WINAPI FN(PathRemoveFileSpec)(XCHAR *p)
{
	XCHAR *root, *cut;
	int n;

	if (!p || !*p)
		return FALSE;
	root = FN(PathSkipRoot)(p);
	if (!root)
		root = p;
	n = FN(len)(p);
	cut = p + n;
	while (cut > root && cut[-1] != '\\')
		cut--;
	if (cut > root)
		cut--; /* the backslash before the component */
	else if (root > p && root[-1] == '\\' && p[0] == '\\' && p[1] == '\\')
		cut = root - 1; /* "\\server\share\" -> "\\server\share" */
	if (!*cut)
		return FALSE;
	*cut = 0;
	return TRUE;
}

void WINAPI FN(PathRemoveExtension)(XCHAR *p)
{
	if (p)
		*FN(PathFindExtension)(p) = 0;
}

/* ext defaults to ".exe"; FALSE if the path has an extension already or
 * the result would pass MAX_PATH. */
BOOL WINAPI FN(PathAddExtension)(XCHAR *p, const XCHAR *ext)
{
	XCHAR *end;

	if (!p)
		return FALSE;
	end = FN(PathFindExtension)(p);
	if (*end)
		return FALSE;
	if (!ext)
		ext = X(".exe");
	if ((end - p) + FN(len)(ext) >= MAX_PATH)
		return FALSE;
	while ((*end++ = *ext++))
		;
	return TRUE;
}

BOOL WINAPI FN(PathRenameExtension)(XCHAR *p, const XCHAR *ext)
{
	XCHAR *end;

	if (!p || !ext)
		return FALSE;
	end = FN(PathFindExtension)(p);
	if ((end - p) + FN(len)(ext) >= MAX_PATH)
		return FALSE;
	while ((*end++ = *ext++))
		;
	return TRUE;
}

void WINAPI FN(PathStripPath)(XCHAR *p)
{
	XCHAR *name = FN(PathFindFileName)(p);

	if (name && name != p)
		memmove(p, name, (FN(len)(name) + 1) * sizeof(XCHAR));
}

/* The component after the next backslash; the end for a last component;
 * NULL at the end. */
XCHAR *WINAPI FN(PathFindNextComponent)(const XCHAR *p)
{
	if (!p || !*p)
		return NULL;
	while (*p && *p != '\\')
		p++;
	return (XCHAR *)(*p ? p + 1 : p);
}

/* The arguments after the first space outside quotes, or the end. */
XCHAR *WINAPI FN(PathGetArgs)(const XCHAR *p)
{
	BOOL quoted = FALSE;

	if (!p)
		return NULL;
	for (; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == ' ' && !quoted)
			return (XCHAR *)p + 1;
	}
	return (XCHAR *)p;
}

void WINAPI FN(PathRemoveArgs)(XCHAR *p)
{
	XCHAR *args = FN(PathGetArgs)(p);

	if (!args)
		return;
	if (*args)
		args[-1] = 0;
	else if (args > p && args[-1] == ' ')
		args[-1] = 0;
}

BOOL WINAPI FN(PathIsFileSpec)(const XCHAR *p)
{
	if (!p)
		return FALSE;
	for (; *p; p++)
		if (*p == '\\' || *p == ':')
			return FALSE;
	return TRUE;
}

/* Puts quotes around a path with a space in it (documented since Windows
 * 7: TRUE when it did, FALSE if it has no space or would pass MAX_PATH;
 * mingw-w64 declares it void, so the export is spelled in the spec). */
BOOL WINAPI FN(path_quote_spaces)(XCHAR *p)
{
	int n;
	const XCHAR *c;

	if (!p)
		return FALSE;
	for (c = p; *c && *c != ' '; c++)
		;
	n = FN(len)(p);
	if (!*c || n + 2 >= MAX_PATH)
		return FALSE;
	memmove(p + 1, p, (n + 1) * sizeof(XCHAR));
	p[0] = '"';
	p[n + 1] = '"';
	p[n + 2] = 0;
	return TRUE;
}

BOOL WINAPI FN(path_unquote_spaces)(XCHAR *p)
{
	int n;

	if (!p || p[0] != '"')
		return FALSE;
	n = FN(len)(p);
	if (p[n - 1] != '"')
		return FALSE;   /* a lone '"' is its own closing quote: it goes */
	p[n - 1] = 0;
	memmove(p, p + 1, (n - 1) * sizeof(XCHAR));
	return TRUE;
}

void WINAPI FN(PathRemoveBlanks)(XCHAR *p)
{
	XCHAR *start = p;
	int n;

	if (!p)
		return;
	while (*start == ' ')
		start++;
	n = FN(len)(start);
	while (n && start[n - 1] == ' ')
		n--;
	memmove(p, start, n * sizeof(XCHAR));
	p[n] = 0;
}

/* Drops the "[n]" a download cache adds to a file name ("a[1].txt" ->
 * "a.txt"): ASCII digits (or none) in brackets right before the
 * extension, with something before them in the file name. */
void WINAPI FN(PathUndecorate)(XCHAR *p)
{
	XCHAR *name, *ext, *q;

	if (!p)
		return;
	name = FN(PathFindFileName)(p);
	ext = FN(PathFindExtension)(name);
	q = ext - 1;
	if (q <= name || *q != ']')
		return;
	for (q--; q > name && *q >= '0' && *q <= '9'; q--)
		;
	if (q == name || *q != '[')
		return;
	memmove(q, ext, (FN(len)(ext) + 1) * sizeof(XCHAR));
}
