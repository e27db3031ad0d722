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
 * both_seps, else '/' only; ".." with no element before it stays. */
static void FN(dots)(struct FN(ubuf) *b, const XCHAR *p, size_t n, BOOL both_seps)
{
	size_t start = b->n, i = 0;

	while (i < n) {
		size_t e = i;
		BOOL sep_end;

		while (e < n && !(p[e] == '/' || (both_seps && p[e] == '\\')))
			e++;
		sep_end = e < n;
		if (e - i == 1 && p[i] == '.') {
			i = e + sep_end;
			continue;
		}
		if (e - i == 2 && p[i] == '.' && p[i + 1] == '.' && b->n > start) {
			size_t k = b->n - 1; /* b ends with a separator: drop the last element */

			while (k > start && !(b->s[k - 1] == '/' || (both_seps && b->s[k - 1] == '\\')))
				k--;
			if (k < b->n - 1 && !(b->n - k == 3 && b->s[k] == '.' && b->s[k + 1] == '.')) {
				b->n = k;
				i = e + sep_end;
				continue;
			}
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

	for (XCHAR *q = p; *q && *q != '?' && *q != '#'; q++)
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
