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
