/*
 * UrlCanonicalize for one character width (see url_parse.c): tabs and
 * line breaks dropped, a DOS path made a file: URL, "." and ".." of the
 * path resolved, '\' read as '/' in http, https and file URLs, a host
 * alone gets its '/', file: URLs in the forms Windows writes them.
 */

struct FN(ubuf) {
	XCHAR *s;
	size_t n;
};

static size_t FN(len_of)(const XCHAR *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

static void FN(put)(struct FN(ubuf) *b, const XCHAR *s, size_t n)
{
	memcpy(b->s + b->n, s, n * sizeof(XCHAR));
	b->n += n;
}

static void FN(put_a)(struct FN(ubuf) *b, const char *s)
{
	for (; *s; s++)
		b->s[b->n++] = *s;
}

/* Resolves "." and ".." of path[0, n) into b; both separators count when
 * both_seps, else '/' only.  A ".." with no element before it stays when
 * nothing but ".." came before it ("/.." stays), and goes once an element
 * was taken away ("/a/../.." is "/"), as Windows does. */
static void FN(dots)(struct FN(ubuf) *b, const XCHAR *p, size_t n, BOOL both_seps)
{
	size_t start = b->n, i = 0;
	BOOL named = FALSE; /* an element other than ".." came before */

	while (i < n) {
		size_t e = i;
		BOOL sep_end, dotdot;

		while (e < n && !(p[e] == '/' || (both_seps && p[e] == '\\')))
			e++;
		sep_end = e < n;
		if (e - i == 1 && p[i] == '.' && sep_end) { /* a final "." stays */
			i = e + sep_end;
			continue;
		}
		dotdot = e - i == 2 && p[i] == '.' && p[i + 1] == '.';
		if (e > i && !dotdot)
			named = TRUE;
		if (dotdot && b->n > start) {
			size_t k = b->n - 1; /* b ends with a separator: drop the last element */

			while (k > start && !(b->s[k - 1] == '/' || (both_seps && b->s[k - 1] == '\\')))
				k--;
			if (k < b->n - 1 && !(b->n - k == 3 && b->s[k] == '.' && b->s[k + 1] == '.')) {
				b->n = k;
				i = e + sep_end;
				continue;
			}
		}
		if (dotdot && named) { /* nothing left to take away */
			i = e + sep_end;
			continue;
		}
		FN(put)(b, p + i, e - i + sep_end);
		i = e + sep_end;
	}
}

/* The path part ends at '?' or '#'. */
static size_t FN(path_end)(const XCHAR *p)
{
	size_t n = 0;

	while (p[n] && p[n] != '?' && p[n] != '#')
		n++;
	return n;
}

static void FN(path_and_rest)(struct FN(ubuf) *b, const XCHAR *p, DWORD flags, BOOL both_seps)
{
	size_t n = FN(path_end)(p), rest = n;

	if (flags & URL_DONT_SIMPLIFY)
		FN(put)(b, p, n);
	else
		FN(dots)(b, p, n, both_seps);
	while (p[rest])
		rest++;
	FN(put)(b, p + n, rest - n);
}

/* file: URLs: "file:///c:/x" for local paths, "file://host/x" for UNC;
 * with URL_FILE_USE_PATHURL or URL_WININET_COMPATIBILITY the path in
 * DOS form after "file://". */
static void FN(file_url_canon)(struct FN(ubuf) *b, XCHAR *p, DWORD flags)
{
	size_t k = 0, start;
	BOOL unc, dos = flags & (URL_FILE_USE_PATHURL | URL_WININET_COMPATIBILITY);

	for (XCHAR *q = p; *q && *q != '?'; q++) /* a '#' may be part of the name */
		if (*q == '\\')
			*q = '/';
	while (p[k] == '/')
		k++;
	if (k == 2 && FN(host_is_localhost)(p + 2))
		for (k = 12; p[k] == '/';)
			k++;
	unc = k == 2 || k >= 4;
	if (k && (p[k] && p[k + 1] == ':'))
		unc = FALSE;
	if (!k) {
		FN(put_a)(b, "file:");
		FN(path_and_rest)(b, p, flags, FALSE);
		return;
	}
	FN(put_a)(b, unc ? "file://" : dos ? "file://" : "file:///");
	if (unc && dos)
		FN(put_a)(b, "\\\\");
	if (!unc && dos && !(p[k] && p[k + 1] == ':'))
		FN(put_a)(b, "\\");
	start = b->n;
	FN(path_and_rest)(b, p + k, flags, FALSE);
	if (!dos)
		return;
	for (size_t i = start; i < b->n; i++)
		if (b->s[i] == '/')
			b->s[i] = '\\';
	b->s[b->n] = 0;
	if (flags & URL_FILE_USE_PATHURL)
		b->n = start + FN(unescape)(b->s + start, b->s + start, 0);
}

/* A URL with a scheme of s characters. */
static void FN(scheme_url_canon)(struct FN(ubuf) *b, XCHAR *p, size_t s, DWORD flags)
{
	UINT scheme = FN(scheme_number)(p, s);
	XCHAR *rest = p + s + 1;
	size_t h = 2;

	if (scheme == URL_SCHEME_FILE) {
		FN(file_url_canon)(b, rest, flags);
		return;
	}
	FN(put)(b, p, s + 1);
	if (scheme == URL_SCHEME_HTTP || scheme == URL_SCHEME_HTTPS)
		for (XCHAR *q = rest; *q && *q != '?' && *q != '#'; q++)
			if (*q == '\\')
				*q = '/';
	if (rest[0] != '/' || rest[1] != '/') {
		FN(path_and_rest)(b, rest, flags, FALSE);
		return;
	}
	while (rest[h] && rest[h] != '/' && rest[h] != '?' && rest[h] != '#')
		h++;
	FN(put)(b, rest, h);
	if (h == 2) { /* no host: kept as it is */
		FN(put)(b, rest + h, FN(len_of)(rest + h));
		return;
	}
	if (!rest[h])
		FN(put_a)(b, "/");
	FN(path_and_rest)(b, rest + h, flags, scheme == URL_SCHEME_RES);
}


/* Spaces as %20; the buffer has room for them. */
static void FN(escape_spaces)(struct FN(ubuf) *b, DWORD flags)
{
	size_t spaces = 0, i, w;

	for (i = 0; i < b->n; i++)
		spaces += b->s[i] == ' ';
	w = b->n + 2 * spaces;
	for (i = b->n; i-- > 0;) {
		if (b->s[i] == ' ') {
			b->s[--w] = '0';
			b->s[--w] = '2';
			b->s[--w] = '%';
		} else {
			b->s[--w] = b->s[i];
		}
	}
	b->n += 2 * spaces;
}

static HRESULT FN(canonicalize)(const XCHAR *url, DWORD flags, struct FN(ubuf) *b)
{
	size_t n = FN(len_of)(url), s = 0, j = 0;
	XCHAR *clean = HeapAlloc(GetProcessHeap(), 0, (n + 1) * sizeof(XCHAR));

	b->n = 0;
	b->s = HeapAlloc(GetProcessHeap(), 0, (9 * n + 64) * sizeof(XCHAR));
	if (!clean || !b->s) {
		HeapFree(GetProcessHeap(), 0, clean);
		HeapFree(GetProcessHeap(), 0, b->s);
		return E_OUTOFMEMORY;
	}
	for (size_t i = 0; i < n; i++)
		if (url[i] != '\t' && url[i] != '\r' && url[i] != '\n')
			clean[j++] = url[i];
	while (j && (unsigned)clean[j - 1] <= ' ' && clean[j - 1] >= 0)
		j--; /* control characters and blanks at the end go */
	clean[j] = 0;
	while (scheme_char(clean[s]))
		s++;
	if (s >= 2 && clean[s] == ':') {
		FN(scheme_url_canon)(b, clean, s, flags);
	} else if (clean[0] && clean[1] == ':' && (flags & URL_FILE_USE_PATHURL)) {
		FN(put_a)(b, "file://");
		FN(put)(b, clean, j);
	} else if (clean[0] && clean[1] == ':') {
		b->n = FN(file_url)(clean, b->s);
	} else {
		FN(path_and_rest)(b, clean, flags, FALSE);
	}
	HeapFree(GetProcessHeap(), 0, clean);
	b->s[b->n] = 0;
	if (flags & URL_UNESCAPE)
		b->n = FN(unescape)(b->s, b->s, 0);
	if (flags & URL_ESCAPE_SPACES_ONLY)
		FN(escape_spaces)(b, flags);
	b->s[b->n] = 0;
	return S_OK;
}

HRESULT WINAPI FN(UrlCanonicalize)(const XCHAR *url, XCHAR *out, DWORD *len, DWORD flags)
{
	struct FN(ubuf) b;
	HRESULT hr;

	if (!url || !out || !len || !*len)
		return E_INVALIDARG;
	if ((hr = FN(canonicalize)(url, flags, &b)) != S_OK)
		return hr;
	if (b.n + 1 > *len) {
		*len = b.n + 1;
		hr = E_POINTER;
	} else {
		memcpy(out, b.s, (b.n + 1) * sizeof(XCHAR));
		*len = b.n;
	}
	HeapFree(GetProcessHeap(), 0, b.s);
	return hr;
}

/* Where the fragment of a canonical URL starts (its end when none); a
 * file: URL has one only after a .htm or .html name. */
static size_t FN(fragment_at)(const XCHAR *u, BOOL file)
{
	size_t n = 0;

	while (u[n] && u[n] != '#')
		n++;
	if (file && u[n] && !(n >= 4 && (u[n - 4] | 0x20) == '.' && (u[n - 3] | 0x20) == 'h' &&
				 (u[n - 2] | 0x20) == 't' && (u[n - 1] | 0x20) == 'm') &&
	    !(n >= 5 && (u[n - 5] | 0x20) == '.' && (u[n - 4] | 0x20) == 'h' &&
	      (u[n - 3] | 0x20) == 't' && (u[n - 2] | 0x20) == 'm' && (u[n - 1] | 0x20) == 'l'))
		return FN(len_of)(u);
	return n;
}

/* How much of the canonical base a relative URL keeps: all but the
 * fragment ("#x"), the scheme and host ("/x"; after "::" in mk:), the
 * scheme ("//x", or any name under an opaque base), or the directory. */
static size_t FN(base_keeps)(const XCHAR *b, size_t s, const XCHAR *rel)
{
	UINT scheme = FN(scheme_number)(b, s);
	const XCHAR *rest = b + s + 1;
	size_t k, end = FN(fragment_at)(b, scheme == URL_SCHEME_FILE);

	if (rel[0] == '#')
		return end;
	if (rel[0] == '/' && rel[1] == '/')
		return s + 1;
	if (rel[0] == '/' && rest[0] == '/' && rest[1] == '/') {
		for (k = 2; rest[k] && rest[k] != '/' && rest[k] != '?' && rest[k] != '#'; k++)
			;
		return s + 1 + k;
	}
	if (scheme == URL_SCHEME_MK && rel[0] == '/') {
		for (k = 0; rest[k] && !(rest[k] == ':' && rest[k + 1] == ':'); k++)
			;
		return s + 1 + (rest[k] ? k + 2 : 0);
	}
	if (rest[0] != '/' && scheme != URL_SCHEME_MK)
		return s + 1;
	for (k = 0; k < end && b[k] != '?'; k++)
		;
	while (k > s + 1 && b[k - 1] != '/')
		k--;
	return k;
}

static BOOL FN(same_ci)(const XCHAR *a, const XCHAR *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((a[i] >= 'A' && a[i] <= 'Z' ? a[i] + 32 : a[i]) !=
		    (b[i] >= 'A' && b[i] <= 'Z' ? b[i] + 32 : b[i]))
			return FALSE;
	return TRUE;
}

/* rel against base, before canonicalizing: rel alone when it has a
 * scheme of its own (or is a DOS path), else the part of base it keeps
 * and rel. */
static XCHAR *FN(join_urls)(const XCHAR *base, const XCHAR *rel, DWORD flags)
{
	struct FN(ubuf) b;
	size_t bs = 0, rs = 0, keep = 0, n = FN(len_of)(rel);
	XCHAR *joined;

	if (FN(canonicalize)(base, flags & URL_DONT_SIMPLIFY, &b) != S_OK)
		return NULL;
	while (scheme_char(b.s[bs]))
		bs++;
	while (scheme_char(rel[rs]))
		rs++;
	bs = bs >= 2 && b.s[bs] == ':' ? bs : 0;
	rs = rs >= 2 && rel[rs] == ':' ? rs : 0;
	if (rs && bs && rs == bs && FN(same_ci)(rel, b.s, rs) && rel[rs + 1] != '/' &&
	    FN(scheme_number)(rel, rs) != URL_SCHEME_MK)
		rel += rs + 1, n -= rs + 1, rs = 0;
	if (bs && !rs && !(rel[0] && rel[1] == ':'))
		keep = FN(base_keeps)(b.s, bs, rel);
	if ((joined = HeapAlloc(GetProcessHeap(), 0, (keep + n + 1) * sizeof(XCHAR)))) {
		memcpy(joined, b.s, keep * sizeof(XCHAR));
		memcpy(joined + keep, rel, (n + 1) * sizeof(XCHAR));
		for (n = 0; scheme_char(joined[n]); n++)
			;
		for (size_t i = 0; n >= 2 && joined[n] == ':' && i < n; i++) /* the scheme */
			if (joined[i] >= 'A' && joined[i] <= 'Z')
				joined[i] += 32;
	}
	HeapFree(GetProcessHeap(), 0, b.s);
	return joined;
}

/* out may be NULL to learn the size (E_POINTER). */
HRESULT WINAPI FN(UrlCombine)(const XCHAR *base, const XCHAR *rel, XCHAR *out, DWORD *len,
			      DWORD flags)
{
	struct FN(ubuf) b;
	XCHAR *joined;
	HRESULT hr;

	if (!base || !rel || !len)
		return E_INVALIDARG;
	if (!(joined = FN(join_urls)(base, rel, flags)))
		return E_OUTOFMEMORY;
	hr = FN(canonicalize)(joined, flags, &b);
	HeapFree(GetProcessHeap(), 0, joined);
	if (hr != S_OK)
		return hr;
	if (!out || b.n + 1 > *len) {
		*len = b.n + 1;
		hr = E_POINTER;
	} else {
		memcpy(out, b.s, (b.n + 1) * sizeof(XCHAR));
		*len = b.n;
	}
	HeapFree(GetProcessHeap(), 0, b.s);
	return hr;
}
