/*
 * UrlEscape for one character width (see url_escape.c).
 */

/* Emits c, escaped as %XX (its UTF-8 bytes with URL_ESCAPE_AS_UTF8). */
static void FN(emit)(struct esc_out *o, unsigned c, BOOL escape, BOOL utf8)
{
	XCHAR *dst = o->out;
	BYTE bytes[4];
	int n = 1;

	if (!escape) {
		if (dst)
			dst[o->n] = (XCHAR)c;
		o->n++;
		return;
	}
	bytes[0] = (BYTE)c;
	if (utf8 && c >= 0x80)
		n = utf8_bytes(c, bytes);
	for (int i = 0; i < n; i++, o->n += 3)
		if (dst) {
			dst[o->n] = '%';
			dst[o->n + 1] = hex_upper[bytes[i] >> 4];
			dst[o->n + 2] = hex_upper[bytes[i] & 15];
		}
}

static BOOL FN(host_is_localhost)(const XCHAR *p)
{
	static const char name[] = "localhost";

	for (int i = 0; i < 9; i++)
		if ((p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]) != name[i])
			return FALSE;
	return is_slash(p[9]);
}

/* "file:" and its slashes as Windows writes them: one or three mean the
 * local machine ("file:///"), two a host (localhost dropped), four or
 * more a UNC host ("file://"). Returns the characters of url used. */
static size_t FN(file_slashes)(const XCHAR *url, size_t at, struct esc_out *o)
{
	size_t k = 0;
	const char *lead;

	while (is_slash(url[at + k]))
		k++;
	lead = k == 1 || k == 3 ? "///" : k ? "//" : "";
	if (k == 2 && FN(host_is_localhost)(url + at + 2)) {
		lead = "///";
		k += 10;
	}
	for (; *lead; lead++)
		FN(emit)(o, *lead, FALSE, FALSE);
	return at + k;
}

static size_t FN(escape)(const XCHAR *url, XCHAR *out, DWORD flags)
{
	struct esc_out o = { out, 0 };
	size_t i = 0, s = 0;
	UINT scheme = URL_SCHEME_UNKNOWN;
	struct esc_rules r;

	while (scheme_char(url[s]))
		s++;
	if (s < 2 || url[s] != ':' || (flags & URL_ESCAPE_SEGMENT_ONLY))
		s = 0;
	if (s) {
		scheme = FN(scheme_number)(url, s);
		for (; i <= s; i++)
			FN(emit)(&o, url[i], FALSE, FALSE);
		if (scheme == URL_SCHEME_FILE)
			i = FN(file_slashes)(url, i, &o);
	}
	rules_for(&r, scheme, s != 0, url[i] == '/' || (url[i] == '\\' && slash_scheme(scheme)), flags);
	for (; url[i]; i++) {
		unsigned c = (unsigned)(sizeof(XCHAR) == 1 ? (BYTE)url[i] : url[i]);

		if (r.stopped) {
			FN(emit)(&o, c, FALSE, FALSE);
			continue;
		}
		if (c == '\\' && r.backslash_is_slash)
			c = '/';
		if (r.utf8 && c >= 0xd800 && c < 0xdc00 && url[i + 1] >= 0xdc00 && url[i + 1] < 0xe000)
			c = 0x10000 + ((c - 0xd800) << 10) + (url[++i] - 0xdc00); /* a pair */
		if ((c == '?' || c == '#') && !must_escape(&r, c)) {
			r.stopped = TRUE; /* the query or fragment goes as it is */
			FN(emit)(&o, c, FALSE, FALSE);
			continue;
		}
		FN(emit)(&o, c, must_escape(&r, c) || (c >= 0x80 && c <= 0xff && !r.spaces_only),
			 r.utf8);
	}
	if (out)
		out[o.n] = 0;
	return o.n;
}

HRESULT WINAPI FN(UrlEscape)(const XCHAR *url, XCHAR *out, DWORD *len, DWORD flags)
{
	XCHAR *tmp;
	size_t n;

	if (!url || !out || !len || !*len)
		return E_INVALIDARG;
	if (sizeof(XCHAR) == 1 && (flags & URL_ESCAPE_AS_UTF8))
		return E_NOTIMPL;
	n = FN(escape)(url, NULL, flags);
	if (n + 1 > *len) {
		*len = n + 1;
		return E_POINTER;
	}
	if (!(tmp = HeapAlloc(GetProcessHeap(), 0, (n + 1) * sizeof(XCHAR))))
		return E_OUTOFMEMORY;
	FN(escape)(url, tmp, flags); /* out may be url itself */
	memcpy(out, tmp, (n + 1) * sizeof(XCHAR));
	HeapFree(GetProcessHeap(), 0, tmp);
	*len = n;
	return S_OK;
}
