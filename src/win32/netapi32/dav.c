/*
 * WebDAV path translation, pure string work: a UNC path of the WebDAV
 * redirector (\\server[@SSL][@port]\path) to its URL and back (the
 * URL's path under the redirector's DavWWWRoot share).  Default ports
 * (80 for http, 443 for https) are left out of both forms.
 */
#include "netapi_private.h"

/* The result and its size in characters, NUL included, as the callers'
 * size in/out rule has it: a short buffer gets the size needed. */
static DWORD give(const WCHAR *s, WCHAR *buf, DWORD *size)
{
	DWORD need = lstrlenW(s) + 1;
	if (!buf || *size < need) {
		*size = need;
		return ERROR_INSUFFICIENT_BUFFER;
	}
	memcpy(buf, s, need * sizeof(WCHAR));
	*size = need;
	return ERROR_SUCCESS;
}

/* `prefix` at the start of `s`, case-insensitively. */
static BOOL starts_with(const WCHAR *s, const WCHAR *prefix)
{
	int n = lstrlenW(prefix);
	return lstrlenW(s) >= n && CompareStringOrdinal(s, n, prefix, n, TRUE) == CSTR_EQUAL;
}

static void append(WCHAR *out, const WCHAR *s, size_t n)
{
	out += lstrlenW(out);
	memcpy(out, s, n * sizeof(WCHAR));
	out[n] = 0;
}

static BOOL is_sep(WCHAR c)
{
	return c == '\\' || c == '/';
}

/* Digits only, 1..65535. */
static BOOL parse_port(const WCHAR *s, size_t n, DWORD *port)
{
	DWORD v = 0;
	if (!n || n > 5)
		return FALSE;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return FALSE;
		v = v * 10 + (s[i] - '0');
	}
	*port = v;
	return v && v <= 65535;
}

/* Appends ":port" (or "@port") unless it is the scheme's default. */
static void add_port(WCHAR *out, WCHAR sep, DWORD port, BOOL ssl)
{
	WCHAR digits[8], *d = digits + 7;
	if (!port || port == (ssl ? 443u : 80u))
		return;
	*d = 0;
	for (; port; port /= 10)
		*--d = (WCHAR)('0' + port % 10);
	*--d = sep;
	lstrcatW(out, d);
}

NET_API DWORD WINAPI DavGetHTTPFromUNCPath(const WCHAR *unc, WCHAR *buf, DWORD *size)
{
	WCHAR out[2 * MAX_PATH + 32];
	if (!unc || !size)
		return ERROR_INVALID_PARAMETER;
	if (!is_sep(unc[0]) || !is_sep(unc[1]))
		return ERROR_BAD_NET_NAME;
	/* The server and its decorations: "@SSL" first, then "@port". */
	const WCHAR *server = unc + 2, *end = server;
	while (*end && !is_sep(*end) && *end != '@')
		end++;
	size_t server_len = end - server;
	if (!server_len || (server_len == 1 && server[0] == '.'))
		return ERROR_BAD_NET_NAME;
	BOOL ssl = FALSE;
	DWORD port = 0;
	if (*end == '@' && starts_with(end, L"@SSL") && (!end[4] || is_sep(end[4]) || end[4] == '@')) {
		ssl = TRUE;
		end += 4;
	}
	if (*end == '@') {
		const WCHAR *digits = ++end;
		while (*end && !is_sep(*end))
			end++;
		if (!parse_port(digits, end - digits, &port))
			return ERROR_INVALID_PARAMETER;
	}
	if (server_len > MAX_PATH || lstrlenW(end) > MAX_PATH)
		return ERROR_BAD_NET_NAME;
	lstrcpyW(out, ssl ? L"https://" : L"http://");
	append(out, server, server_len);
	add_port(out, ':', port, ssl);
	/* The path: one trailing separator is allowed, empty components and
	 * drive-like colons are not. */
	size_t len = lstrlenW(end);
	if (len && is_sep(end[len - 1]))
		len--;
	WCHAR *o = out + lstrlenW(out);
	for (size_t i = 0; i < len; i++) {
		if (end[i] == ':')
			return ERROR_BAD_NET_NAME;
		if (is_sep(end[i]) && (i + 1 == len || is_sep(end[i + 1])))
			return ERROR_BAD_NET_NAME;
		*o++ = is_sep(end[i]) ? '/' : end[i];
	}
	*o = 0;
	return give(out, buf, size);
}

NET_API DWORD WINAPI DavGetUNCFromHTTPPath(const WCHAR *url, WCHAR *buf, DWORD *size)
{
	WCHAR out[2 * MAX_PATH + 32];
	if (!url || !size)
		return ERROR_INVALID_PARAMETER;
	BOOL ssl;
	const WCHAR *p;
	if (starts_with(url, L"https:")) {
		ssl = TRUE;
		p = url + 6;
	} else if (starts_with(url, L"http:")) {
		ssl = FALSE;
		p = url + 5;
	} else {
		return ERROR_INVALID_PARAMETER;
	}
	if (p[0] != '/' || p[1] != '/')
		return ERROR_BAD_NET_NAME;
	const WCHAR *host = p + 2, *end = host;
	while (*end && *end != '/' && *end != ':')
		end++;
	size_t host_len = end - host;
	DWORD port = 0;
	if (!host_len || host_len > MAX_PATH)
		return ERROR_BAD_NETPATH;
	if (*end == ':') {
		const WCHAR *digits = ++end;
		while (*end && *end != '/')
			end++;
		if (!parse_port(digits, end - digits, &port))
			return ERROR_BAD_NETPATH;
	}
	if (lstrlenW(end) > MAX_PATH)
		return ERROR_BAD_NETPATH;
	lstrcpyW(out, L"\\\\");
	append(out, host, host_len);
	if (ssl)
		lstrcatW(out, L"@SSL");
	add_port(out, '@', port, ssl);
	lstrcatW(out, L"\\DavWWWRoot");
	/* The URL's path with backslashes, trailing slashes dropped. */
	size_t len = lstrlenW(end);
	while (len && end[len - 1] == '/')
		len--;
	WCHAR *o = out + lstrlenW(out);
	for (size_t i = 0; i < len; i++)
		*o++ = end[i] == '/' ? '\\' : end[i];
	*o = 0;
	return give(out, buf, size);
}
