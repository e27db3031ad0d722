/*
 * URLs: whether a string is one (a scheme of two or more letters, digits,
 * '+', '-' or '.', then ':'), file: URLs to paths, the "#location",
 * comparing two.  File
 * associations (AssocQueryString) do not exist in a console session.
 */
#include "shlwapi_private.h"

/* The scheme's length ("http" -> 4), 0 when s has none. */
static int scheme_length(LPCWSTR s)
{
	int n = 0;

	if (!s)
		return 0;
	while ((s[n] | 0x20) >= 'a' && (s[n] | 0x20) <= 'z' ? TRUE :
	       n && ((s[n] >= '0' && s[n] <= '9') || s[n] == '+' || s[n] == '-' || s[n] == '.'))
		n++;
	return n >= 2 && s[n] == ':' ? n : 0;
}

static BOOL scheme_is(LPCWSTR s, LPCWSTR scheme)
{
	int n = scheme_length(s);

	return n == lstrlenW(scheme) && CompareStringOrdinal(s, n, scheme, n, TRUE) == CSTR_EQUAL;
}

BOOL WINAPI PathIsURLW(LPCWSTR s)
{
	return scheme_length(s) != 0;
}

/* Opaque schemes have no hierarchy after the colon (mailto:, news:...). */
static BOOL is_opaque(LPCWSTR s)
{
	static const WCHAR *const opaque[] = { L"mailto", L"javascript", L"vbscript", L"about",
					       L"shell" };

	for (unsigned i = 0; i < sizeof(opaque) / sizeof(opaque[0]); i++)
		if (scheme_is(s, opaque[i]))
			return TRUE;
	return FALSE;
}

BOOL WINAPI UrlIsW(LPCWSTR s, URLIS what)
{
	int n = scheme_length(s);

	switch (what) {
	case URLIS_URL: return n != 0;
	case URLIS_FILEURL: return scheme_is(s, L"file");
	case URLIS_OPAQUE: return n && is_opaque(s);
	case URLIS_NOHISTORY: return n && (is_opaque(s) || scheme_is(s, L"file"));
	case URLIS_HASQUERY: return n && wcschr(s, '?') != NULL;
	case URLIS_DIRECTORY: return n && s[lstrlenW(s) - 1] == '/';
	case URLIS_APPLIABLE: return n != 0;
	}
	return FALSE;
}

BOOL WINAPI UrlIsOpaqueW(LPCWSTR s)
{
	return UrlIsW(s, URLIS_OPAQUE);
}

BOOL WINAPI UrlIsNoHistoryW(LPCWSTR s)
{
	return UrlIsW(s, URLIS_NOHISTORY);
}

static int hex_value(WCHAR c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static BOOL is_sep(WCHAR c)
{
	return c == '/' || c == '\\';
}

/* "c:" or "c|", the old form of a drive. */
static BOOL is_drive(const WCHAR *p)
{
	return ((p[0] | 0x20) >= 'a' && (p[0] | 0x20) <= 'z') && (p[1] == ':' || p[1] == '|');
}

/* "localhost" (any case) and a separator. */
static BOOL is_localhost(const WCHAR *p)
{
	for (int i = 0; i < 9; i++)
		if ((p[i] | 0x20) != L"localhost"[i])
			return FALSE;
	return is_sep(p[9]);
}

/* The path a file: URL names, before '/' becomes '\' and %XX is decoded:
 * with one or three slashes a drive path or "\path", with two a drive,
 * "localhost" or a UNC host (whose separator goes before a drive), four
 * or more a UNC path.  *decode: whether %XX are decoded (not for a
 * drive after two slashes, nor after four). */
static int file_url_path(const WCHAR *p, WCHAR *buf, BOOL *decode)
{
	int k = 0, n = 0, h = 0;

	while (is_sep(p[k]))
		k++;
	p += k;
	*decode = !(k == 4 || (k == 2 && is_drive(p)));
	if (k == 2 && is_localhost(p))
		p += 10, k = 1;
	if ((k == 1 || k == 3) && !is_drive(p))
		buf[n++] = '\\';
	if ((k == 4 && !is_drive(p)) || k >= 5 || (k == 2 && !is_drive(p))) {
		buf[n++] = '\\';
		buf[n++] = '\\';
	}
	if (k == 2 && !is_drive(p)) { /* the host; its separator goes before a drive */
		while (p[h] && !is_sep(p[h]))
			buf[n++] = p[h++];
		p += h + (is_sep(p[h]) && is_drive(p + h + 1));
	}
	for (; *p && n < MAX_PATH * 4 - 1; p++)
		buf[n++] = *p;
	buf[n] = 0;
	return n;
}

/* "file:///C:/a%20b" -> "C:\a b", "file://host/share/x" -> "\\host\share\x"
 * (the slashes as Windows reads them: file_url_path).  *len: the
 * characters (in, the buffer's size; out, what was written, or the size
 * needed with E_POINTER). */
HRESULT WINAPI PathCreateFromUrlW(LPCWSTR url, LPWSTR path, LPDWORD len, DWORD reserved)
{
	WCHAR buf[MAX_PATH * 4];
	DWORD n = 0, i;
	BOOL decode;
	int total;

	if (!url || !path || !len || !*len)
		return E_INVALIDARG;
	if (!scheme_is(url, L"file"))
		return E_INVALIDARG;
	total = file_url_path(url + 5, buf, &decode);
	for (i = 0; i < (DWORD)total; i++) { /* '/' first: an escaped "%2f" stays '/' */
		WCHAR c = buf[i] == '/' ? '\\' : buf[i];

		if (decode && c == '%' && hex_value(buf[i + 1]) >= 0 && hex_value(buf[i + 2]) >= 0) {
			c = (WCHAR)(hex_value(buf[i + 1]) << 4 | hex_value(buf[i + 2]));
			i += 2;
		}
		buf[n++] = c;
	}
	if (n >= 2 && is_drive(buf))
		buf[1] = ':';
	buf[n] = 0;
	if (n + 1 > *len) {
		*len = n + 1;
		return E_POINTER;
	}
	lstrcpyW(path, buf);
	*len = n;
	return S_OK;
}

static BOOL url_to_w(LPCSTR a, WCHAR *w, int size)
{
	return a && MultiByteToWideChar(CP_ACP, 0, a, -1, w, size);
}

BOOL WINAPI PathIsURLA(LPCSTR s)
{
	WCHAR w[MAX_PATH * 4];

	return url_to_w(s, w, MAX_PATH * 4) && PathIsURLW(w);
}

BOOL WINAPI UrlIsA(LPCSTR s, URLIS what)
{
	WCHAR w[MAX_PATH * 4];

	return url_to_w(s, w, MAX_PATH * 4) && UrlIsW(w, what);
}

HRESULT WINAPI PathCreateFromUrlA(LPCSTR url, LPSTR path, LPDWORD len, DWORD reserved)
{
	WCHAR w[MAX_PATH * 4], out[MAX_PATH * 4];
	DWORD n = MAX_PATH * 4;
	HRESULT hr;
	int a;

	if (!path || !len || !url_to_w(url, w, MAX_PATH * 4))
		return E_INVALIDARG;
	hr = PathCreateFromUrlW(w, out, &n, reserved);
	if (FAILED(hr))
		return hr;
	a = WideCharToMultiByte(CP_ACP, 0, out, -1, NULL, 0, NULL, NULL);
	if ((DWORD)a > *len) {
		*len = a;
		return E_POINTER;
	}
	WideCharToMultiByte(CP_ACP, 0, out, -1, path, *len, NULL, NULL);
	*len = a - 1;
	return S_OK;
}

/* No file type has an association here (documented failure). */
HRESULT WINAPI AssocQueryStringW(ASSOCF flags, ASSOCSTR str, LPCWSTR assoc, LPCWSTR extra, LPWSTR out,
				 DWORD *len)
{
	return HRESULT_FROM_WIN32(ERROR_NO_ASSOCIATION);
}

HRESULT WINAPI AssocQueryStringA(ASSOCF flags, ASSOCSTR str, LPCSTR assoc, LPCSTR extra, LPSTR out,
				 DWORD *len)
{
	return HRESULT_FROM_WIN32(ERROR_NO_ASSOCIATION);
}

BOOL WINAPI UrlIsOpaqueA(LPCSTR s)
{
	return UrlIsA(s, URLIS_OPAQUE);
}

BOOL WINAPI UrlIsNoHistoryA(LPCSTR s)
{
	return UrlIsA(s, URLIS_NOHISTORY);
}

/* PathCreateFromUrl into a LocalAlloc'ed string. */
HRESULT WINAPI PathCreateFromUrlAlloc(LPCWSTR url, LPWSTR *path, DWORD reserved)
{
	WCHAR buf[MAX_PATH * 4];
	DWORD n = MAX_PATH * 4;
	HRESULT hr;

	if (!path)
		return E_INVALIDARG;
	*path = NULL;
	if ((hr = PathCreateFromUrlW(url, buf, &n, reserved)) != S_OK)
		return hr;
	if (!(*path = LocalAlloc(LMEM_FIXED, (n + 1) * sizeof(WCHAR))))
		return E_OUTOFMEMORY;
	memcpy(*path, buf, (n + 1) * sizeof(WCHAR));
	return S_OK;
}

/* The "#location" of a URL with a scheme, NULL when it has none. */
LPCWSTR WINAPI UrlGetLocationW(LPCWSTR url)
{
	return scheme_length(url) ? wcschr(url, '#') : NULL;
}

/* The ANSI code page is single-byte: offsets are the same. */
LPCSTR WINAPI UrlGetLocationA(LPCSTR url)
{
	WCHAR w[MAX_PATH * 4];
	LPCWSTR at;

	if (!url_to_w(url, w, MAX_PATH * 4) || !(at = UrlGetLocationW(w)))
		return NULL;
	return url + (at - w);
}

/* Case-sensitive; with ignore_slash a final '/' does not count. */
INT WINAPI UrlCompareW(LPCWSTR a, LPCWSTR b, BOOL ignore_slash)
{
	size_t na = lstrlenW(a), nb = lstrlenW(b);

	if (ignore_slash && na && a[na - 1] == '/')
		na--;
	if (ignore_slash && nb && b[nb - 1] == '/')
		nb--;
	for (size_t i = 0; i < na && i < nb; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return na == nb ? 0 : na < nb ? -1 : 1;
}

INT WINAPI UrlCompareA(LPCSTR a, LPCSTR b, BOOL ignore_slash)
{
	WCHAR wa[MAX_PATH * 4], wb[MAX_PATH * 4];

	if (!url_to_w(a, wa, MAX_PATH * 4) || !url_to_w(b, wb, MAX_PATH * 4))
		return a ? 1 : -1;
	return UrlCompareW(wa, wb, ignore_slash);
}
