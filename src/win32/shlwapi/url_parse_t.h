/*
 * ParseURL and UrlUnescape for one character width (see
 * shlwapi_private.h); the scheme names are in url_parse.c.
 */

/* The number of a scheme name of n characters (URL_SCHEME_UNKNOWN if none). */
static UINT FN(scheme_number)(const XCHAR *s, size_t n)
{
	for (UINT i = 1; i < sizeof(scheme_names) / sizeof(scheme_names[0]); i++) {
		const char *name = scheme_names[i];
		size_t k = 0;

		while (k < n && name[k] && (s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]) == name[k])
			k++;
		if (k == n && !name[k])
			return i;
	}
	return URL_SCHEME_UNKNOWN;
}

/* A scheme is two or more scheme characters and a ':'. */
HRESULT WINAPI FN(ParseURL)(const XCHAR *s, FN(PARSEDURL) *out)
{
	size_t n = 0;

	if (!s || !out || out->cbSize != sizeof(*out))
		return E_INVALIDARG;
	while (scheme_char(s[n]))
		n++;
	if (n < 2 || s[n] != ':') {
		out->pszProtocol = NULL;
		return URL_E_INVALID_SYNTAX;
	}
	out->pszProtocol = s;
	out->cchProtocol = n;
	out->pszSuffix = s + n + 1;
	for (out->cchSuffix = 0; s[n + 1 + out->cchSuffix];)
		out->cchSuffix++;
	out->nScheme = FN(scheme_number)(s, n);
	return S_OK;
}

/* Decodes src into dst (which may be src); returns the length written. */
static size_t FN(unescape)(const XCHAR *src, XCHAR *dst, DWORD flags)
{
	size_t r = 0, w = 0;
	BOOL stop = FALSE;
	int hi, lo;

	for (; src[r]; w++) {
		if ((src[r] == '?' || src[r] == '#') && (flags & URL_DONT_UNESCAPE_EXTRA_INFO))
			stop = TRUE;
		if (!stop && src[r] == '%' && (hi = hex_digit(src[r + 1])) >= 0 &&
		    (lo = hex_digit(src[r + 2])) >= 0) {
			dst[w] = (XCHAR)(hi * 16 + lo);
			r += 3;
		} else {
			dst[w] = src[r++];
		}
	}
	dst[w] = 0;
	return w;
}

/* In place, *len is left alone; otherwise it gets the length, or the
 * size needed with E_POINTER. */
HRESULT WINAPI FN(UrlUnescape)(XCHAR *url, XCHAR *out, DWORD *len, DWORD flags)
{
	XCHAR *tmp;
	size_t n;

	if (!url || (!(flags & URL_UNESCAPE_INPLACE) && (!out || !len)))
		return E_INVALIDARG;
	if (flags & URL_UNESCAPE_INPLACE) {
		FN(unescape)(url, url, flags);
		return S_OK;
	}
	for (n = 0; url[n]; n++)
		;
	if (!(tmp = HeapAlloc(GetProcessHeap(), 0, (n + 1) * sizeof(XCHAR))))
		return E_OUTOFMEMORY;
	n = FN(unescape)(url, tmp, flags);
	if (n + 1 > *len) {
		*len = n + 1;
		HeapFree(GetProcessHeap(), 0, tmp);
		return E_POINTER;
	}
	memcpy(out, tmp, (n + 1) * sizeof(XCHAR));
	*len = n;
	HeapFree(GetProcessHeap(), 0, tmp);
	return S_OK;
}

/* The piece a URL part names: [*s, *e), and whether "scheme:" goes
 * before it; or the HRESULT that says there is none. */
static HRESULT FN(url_part)(const XCHAR *url, DWORD part, const XCHAR **s, const XCHAR **e,
			    size_t *scheme)
{
	const XCHAR *p = url, *auth, *end, *at = NULL, *colon = NULL;
	size_t n = 0;

	while (scheme_char(url[n]))
		n++;
	*scheme = n >= 2 && url[n] == ':' ? n : 0;
	if (part == URL_PART_SCHEME || part == URL_PART_QUERY) {
		*s = *e = url;
		if (part == URL_PART_SCHEME && *scheme)
			*e = url + n;
		for (p = url; part == URL_PART_QUERY && *p && *s == url; p++)
			if (*p == '?')
				*s = p + 1;
		if (part == URL_PART_QUERY && *s != url) /* to the end, '#' and all */
			for (*e = *s; **e; (*e)++)
				;
		return S_OK;
	}
	if (!*scheme || !host_scheme(FN(scheme_number)(url, n)))
		return E_FAIL;
	p = url + n + 1;
	if (!is_slash(p[0]) || !is_slash(p[1])) {
		if (FN(scheme_number)(url, n) != URL_SCHEME_FILE || part != URL_PART_HOSTNAME)
			return E_FAIL;
		*s = *e = p;
		return S_OK;
	}
	auth = p + 2;
	for (end = auth; *end && !is_slash(*end) && *end != '?' && *end != '#'; end++)
		;
	if (FN(scheme_number)(url, n) == URL_SCHEME_FILE) {
		*scheme = 0;
		if (part != URL_PART_HOSTNAME)
			return E_FAIL;
		*s = auth;
		*e = end - auth == 2 && auth[1] == ':' ? auth : end; /* "c:" is a drive */
		return S_OK;
	}
	for (p = auth; p < end && !at; p++)
		if (*p == '@')
			at = p;
	for (p = at ? at + 1 : auth; p < end && !colon; p++)
		if (*p == ':')
			colon = p;
	if (part == URL_PART_USERNAME || part == URL_PART_PASSWORD) {
		const XCHAR *sep = NULL;

		if (!at)
			return E_INVALIDARG;
		for (p = auth; p < at && !sep; p++)
			if (*p == ':')
				sep = p;
		if (part == URL_PART_PASSWORD && !sep)
			return E_INVALIDARG;
		*s = part == URL_PART_USERNAME ? auth : sep + 1;
		*e = part == URL_PART_USERNAME && sep ? sep : at;
		return S_OK;
	}
	if (part == URL_PART_PORT && !colon)
		return E_INVALIDARG;
	*s = part == URL_PART_PORT ? colon + 1 : at ? at + 1 : auth;
	*e = part == URL_PART_PORT || !colon ? end : colon;
	return part == URL_PART_HOSTNAME || part == URL_PART_PORT ? S_OK : E_INVALIDARG;
}

/* The part, lower-case scheme; S_FALSE (A) or S_OK (W) and "" when it is
 * empty, E_POINTER and the size needed when *len is too small. */
HRESULT WINAPI FN(UrlGetPart)(const XCHAR *url, XCHAR *out, DWORD *len, DWORD part, DWORD flags)
{
	const XCHAR *s, *e;
	size_t scheme, n, k = 0;
	HRESULT hr;

	if (!url || !out || !len || !*len)
		return E_INVALIDARG;
	if ((hr = FN(url_part)(url, part, &s, &e, &scheme)) != S_OK)
		return hr;
	if (!(flags & URL_PARTFLAG_KEEPSCHEME) || part == URL_PART_SCHEME || part == URL_PART_QUERY)
		scheme = 0;
	n = (scheme ? scheme + 1 : 0) + (size_t)(e - s);
	if (!n) {
		out[0] = 0;
		*len = 0;
		return sizeof(XCHAR) == 1 ? S_FALSE : S_OK;
	}
	if (n + 1 > *len) {
		*len = n + 1;
		return E_POINTER;
	}
	for (; k < scheme; k++)
		out[k] = url[k] >= 'A' && url[k] <= 'Z' ? url[k] + 32 : url[k];
	if (scheme)
		out[k++] = ':';
	for (; s < e; s++)
		out[k++] = part == URL_PART_SCHEME && *s >= 'A' && *s <= 'Z' ? *s + 32 : *s;
	out[k] = 0;
	*len = n;
	return S_OK;
}

/* Writes (or counts, out NULL) the file: URL of a path: "file:///c:/x",
 * "file://server/share", "file:///x" for "\x", "file:x" for a relative
 * path; '\' becomes '/', a space and '%' are escaped. */
static size_t FN(file_url)(const XCHAR *path, XCHAR *out)
{
	static const char hex[] = "0123456789ABCDEF";
	const char *prefix = path[0] && path[1] == ':' ? "file:///" :
			     path[0] == '\\' && path[1] != '\\' ? "file://" : "file:";
	size_t n = 0;

	for (; *prefix; prefix++, n++)
		if (out)
			out[n] = *prefix;
	for (; *path; path++) {
		XCHAR c = *path == '\\' ? '/' : *path;
		BOOL esc = c == ' ' || c == '%' || (c >= 0 && c < 0x20);

		if (out && esc) {
			out[n] = '%';
			out[n + 1] = hex[(c >> 4) & 15];
			out[n + 2] = hex[c & 15];
		} else if (out) {
			out[n] = c;
		}
		n += esc ? 3 : 1;
	}
	if (out)
		out[n] = 0;
	return n;
}

/* A URL already (a scheme of two or more characters) is copied: S_FALSE. */
HRESULT WINAPI FN(UrlCreateFromPath)(const XCHAR *path, XCHAR *out, DWORD *len, DWORD reserved)
{
	size_t n = 0;
	BOOL url;

	if (!path || !out || !len)
		return E_INVALIDARG;
	while (scheme_char(path[n]))
		n++;
	url = n >= 2 && path[n] == ':';
	for (n = 0; url && path[n]; n++)
		;
	if (!url)
		n = FN(file_url)(path, NULL);
	if (n + 1 > *len) {
		*len = n + 1;
		return E_POINTER;
	}
	if (url) {
		memmove(out, path, (n + 1) * sizeof(XCHAR));
	} else {
		XCHAR *tmp = HeapAlloc(GetProcessHeap(), 0, (n + 1) * sizeof(XCHAR));

		if (!tmp)
			return E_OUTOFMEMORY;
		FN(file_url)(path, tmp); /* out may be path itself */
		memcpy(out, tmp, (n + 1) * sizeof(XCHAR));
		HeapFree(GetProcessHeap(), 0, tmp);
	}
	*len = n;
	return url ? S_FALSE : S_OK;
}

/* prefix + url into out (of *len), or E_POINTER and the size needed. */
static HRESULT FN(put_prefixed)(const char *prefix, const XCHAR *url, XCHAR *out, DWORD *len)
{
	size_t p = strlen(prefix), n = 0;

	while (url[n])
		n++;
	if (p + n + 1 > *len) {
		*len = p + n + 1;
		return E_POINTER;
	}
	memmove(out + p, url, (n + 1) * sizeof(XCHAR)); /* out may be url itself */
	for (size_t i = 0; i < p; i++)
		out[i] = prefix[i];
	*len = p + n;
	return S_OK;
}

/* The scheme a host name's first label suggests ("www." -> http://). */
static const char *FN(guess_scheme)(const XCHAR *url)
{
	static const char *const prefixes[][2] = {
		{ "www.", "http://" }, { "ftp.", "ftp://" }, { "gopher.", "gopher://" },
		{ "home.", "http://" }, { "mosaic.", "http://" },
	};

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		const char *p = prefixes[i][0];
		size_t k = 0;

		while (p[k] && (url[k] >= 'A' && url[k] <= 'Z' ? url[k] + 32 : url[k]) == p[k])
			k++;
		if (!p[k])
			return prefixes[i][1];
	}
	return NULL;
}

/* A URL keeps its scheme (S_FALSE) unless URL_APPLY_FORCEAPPLY; then a
 * path becomes a file: URL (GUESSFILE), a known host prefix gets its
 * scheme (GUESSSCHEME), or "http://" goes before it (DEFAULT). */
HRESULT WINAPI FN(UrlApplyScheme)(const XCHAR *url, XCHAR *out, DWORD *len, DWORD flags)
{
	const char *scheme;
	size_t n = 0;

	if (!url || !out || !len)
		return E_INVALIDARG;
	while (scheme_char(url[n]))
		n++;
	if (n >= 2 && url[n] == ':' && !(flags & URL_APPLY_FORCEAPPLY))
		return S_FALSE;
	if (!(n >= 2 && url[n] == ':')) {
		if ((flags & URL_APPLY_GUESSFILE) &&
		    ((url[0] && url[1] == ':') || (url[0] == '\\' && url[1] == '\\')))
			return FN(UrlCreateFromPath)(url, out, len, 0);
		if ((flags & URL_APPLY_GUESSSCHEME) && (scheme = FN(guess_scheme)(url)))
			return FN(put_prefixed)(scheme, url, out, len);
	}
	if (flags & URL_APPLY_DEFAULT)
		return FN(put_prefixed)("http://", url, out, len);
	return S_FALSE;
}
