/*
 * The canonical form of a path (PathAllocCanonicalize and the PathCch
 * functions built on it).  "." and ".." elements are resolved, never
 * above the root; trailing dots of the last element go (a "*." keeps its
 * dot) unless PATHCCH_DO_NOT_NORMALIZE_SEGMENTS; "\\?\C:" and "\\?\UNC\"
 * lose their prefix unless PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH, and
 * get it back past MAX_PATH with PATHCCH_ALLOW_LONG_PATHS.  An element
 * right after a bare "C:" is a name, not a "." or ".." (Windows keeps
 * "C:..\"), and ".." over the first name of a UNC path may take one of
 * its leading backslashes ("\\a\.." is "\"), both as Windows does.
 */
#include "pathcch_private.h"

struct canon {
	WCHAR *out;
	size_t len;
	size_t root;  /* out[0..root) is never removed by "." or ".." */
	size_t floor; /* ".." after a separator may cut down to here */
	BOOL bare;    /* the root ends without a separator ("C:", "\\?\Volume{..}") */
};

static BOOL ends_element(WCHAR c)
{
	return c == '\\' || !c;
}

static size_t put(struct canon *c, const WCHAR *s, size_t n)
{
	memcpy(c->out + c->len, s, n * sizeof(WCHAR));
	c->len += n;
	return n;
}

static void set_root(struct canon *c, size_t floor, BOOL bare)
{
	c->root = c->len;
	c->floor = floor;
	c->bare = bare;
}

/* Copies the root of p into c; returns how many characters of p it used. */
static size_t take_root(struct canon *c, const WCHAR *p, BOOL keep_prefix, BOOL *ext_drive)
{
	size_t n = 0;

	if (pathcch_prefix_ci(p, L"\\\\?\\UNC\\")) {
		put(c, keep_prefix ? p : L"\\\\", keep_prefix ? 8 : 2);
		set_root(c, c->len - 1, FALSE);
		return 8;
	}
	if (pathcch_is_extended(p) && pathcch_is_letter_drive(p + 4)) {
		*ext_drive = TRUE;
		if (keep_prefix)
			put(c, p, 4);
		p += 4, n = 4;
	} else if (pathcch_is_extended(p)) {
		if (pathcch_root_length(p) < 48)
			return 0; /* "\\?\" and a name: plain text */
		n = put(c, p, p[48] == '\\' ? 49 : 48);
		set_root(c, n, n == 48);
		return n;
	} else if (p[0] == '\\' && p[1] == '\\' && p[2] != '\\') {
		put(c, p, 2);
		set_root(c, 1, FALSE);
		return p[2] == '.' && p[3] == '\\' ? 4 : 2; /* "\\.\x" is "\\x" */
	} else if (p[0] == '\\') {
		put(c, p, 1);
		set_root(c, 1, FALSE);
		return 1;
	}
	if (p[0] && p[1] == ':') {
		n += put(c, p, p[2] == '\\' ? 3 : 2);
		set_root(c, c->len, p[2] != '\\');
	}
	return n;
}

/* ".." (after a separator when sep): cuts the last element, down to the
 * last separator at or above the floor, else back to the root. */
static void parent(struct canon *c, BOOL sep)
{
	size_t i = c->len;

	if (sep) {
		while (i > c->floor && c->out[i - 1] != '\\')
			i--;
		if (i > c->floor) {
			c->len = i - 1;
			return;
		}
	}
	if (c->len > c->root)
		c->len = c->root;
}

/* Resolves "." and ".." over the text after the root. */
static void resolve(struct canon *c, const WCHAR *p)
{
	BOOL first = !c->bare;

	while (*p) {
		BOOL sep = *p == '\\';
		const WCHAR *d = sep ? p + 1 : p;

		if ((sep || first) && d[0] == '.' && ends_element(d[1])) {
			p = d + 1;
		} else if ((sep || first) && d[0] == '.' && d[1] == '.' && ends_element(d[2])) {
			parent(c, sep);
			p = d + 2;
		} else {
			c->out[c->len++] = *p++;
			first = FALSE;
			continue;
		}
		first = FALSE;
		if (*p == '\\' && (c->len ? c->out[c->len - 1] == '\\' : FALSE))
			p++; /* the separator after a removed element */
	}
}

/* Trailing dots of the last element go; "*." keeps one. */
static void strip_trailing_dots(struct canon *c)
{
	size_t start = c->len, j = c->len;

	while (start > c->root && c->out[start - 1] != '\\')
		start--;
	while (j > start && c->out[j - 1] == '.')
		j--;
	if (j < c->len && j > start && c->out[j - 1] == '*')
		j++;
	c->len = j;
}

/* The \\?\ form for a drive or UNC path. */
static void add_prefix(struct canon *c)
{
	WCHAR *o = c->out;

	if (pathcch_is_extended(o))
		return;
	if (pathcch_is_letter_drive(o)) {
		memmove(o + 4, o, c->len * sizeof(WCHAR));
		memcpy(o, L"\\\\?\\", 4 * sizeof(WCHAR));
		c->len += 4;
	} else if (o[0] == '\\' && o[1] == '\\') {
		memmove(o + 8, o + 2, (c->len - 2) * sizeof(WCHAR));
		memcpy(o, L"\\\\?\\UNC\\", 8 * sizeof(WCHAR));
		c->len += 6;
	}
}

static HRESULT check_flags(ULONG flags)
{
	ULONG force = PATHCCH_FORCE_ENABLE_LONG_NAME_PROCESS | PATHCCH_FORCE_DISABLE_LONG_NAME_PROCESS;

	if ((flags & force) == force)
		return E_INVALIDARG;
	if ((flags & force) && !(flags & PATHCCH_ALLOW_LONG_PATHS))
		return E_INVALIDARG;
	if ((flags & PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH) && (flags & PATHCCH_ALLOW_LONG_PATHS))
		return E_INVALIDARG;
	return S_OK;
}

/* The length rules once the form is built: past MAX_PATH only with
 * PATHCCH_ALLOW_LONG_PATHS, prefixed unless the process takes long
 * names (PATHCCH_FORCE_ENABLE_LONG_NAME_PROCESS). */
static HRESULT finish(struct canon *c, ULONG flags, BOOL bare_drive_gets_sep)
{
	BOOL long_ok = flags & PATHCCH_ALLOW_LONG_PATHS;

	if (bare_drive_gets_sep && c->len == 2)
		c->out[c->len++] = '\\';
	if (!c->len)
		c->out[c->len++] = '\\';
	if ((flags & PATHCCH_ENSURE_TRAILING_SLASH) && c->out[c->len - 1] != '\\')
		c->out[c->len++] = '\\';
	if (c->len >= MAX_PATH && !long_ok)
		return E_FILENAME_EXCED_RANGE;
	if ((flags & PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH) ||
	    (c->len >= MAX_PATH && !(flags & PATHCCH_FORCE_ENABLE_LONG_NAME_PROCESS)))
		add_prefix(c);
	if (c->len >= PATHCCH_MAX_CCH)
		return E_FILENAME_EXCED_RANGE;
	c->out[c->len] = 0;
	return S_OK;
}

HRESULT pathcch_canonical(const WCHAR *path, ULONG flags, WCHAR **out, size_t *len)
{
	struct canon c = { 0 };
	size_t in_len = wcslen(path), used;
	BOOL ext_drive = FALSE, keep = flags & PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH;
	HRESULT hr;

	*out = NULL;
	if ((hr = check_flags(flags)) != S_OK)
		return hr;
	if (in_len >= PATHCCH_MAX_CCH)
		return E_FILENAME_EXCED_RANGE;
	if (!(c.out = RtlAllocateHeap(pathcch_heap(), 0, (in_len + 16) * sizeof(WCHAR))))
		return E_OUTOFMEMORY;
	used = take_root(&c, path, keep, &ext_drive);
	resolve(&c, path + used);
	if (!(flags & (PATHCCH_DO_NOT_NORMALIZE_SEGMENTS | PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH)))
		strip_trailing_dots(&c);
	hr = finish(&c, flags, c.bare && c.root == 2 && (ext_drive || path[used]));
	if (hr != S_OK) {
		RtlFreeHeap(pathcch_heap(), 0, c.out);
		return hr;
	}
	*out = c.out;
	*len = c.len;
	return S_OK;
}
