/*
 * WinHttpCreateUrl: a URL from its components,
 *
 *   scheme "://" [user [":" password] "@"] host [":" port] path extra
 *
 * A component's length is taken as given when non-zero (Windows copies
 * that many characters, NULs included), else the string's.  The scheme is
 * lpszScheme's, else nScheme's ("http" for 0); the port is written unless
 * it is the scheme's default (80 for http, 443 for https).  A password
 * needs a user name.  ICU_ESCAPE escapes the path and extra information,
 * where a character above 0x7f is then ERROR_INVALID_PARAMETER.  The
 * length: on success the characters written, without the NUL; when the
 * buffer is too short (or NULL), the characters needed with it.
 */
#include <string.h>
#include <windows.h>
#include <winhttp.h>
#include "url_private.h"

/* Appends text (len characters) to out at *n; counts when out is NULL.
 * FALSE if escaping meets a character it cannot escape. */
static BOOL append(WCHAR *out, DWORD *n, const WCHAR *text, DWORD len, BOOL escape)
{
	for (DWORD i = 0; i < len; i++) {
		if (escape && text[i] >= 0x80)
			return FALSE;
		if (escape && url_needs_escape(text[i])) {
			if (out)
				url_write_escape(out + *n, text[i]);
			*n += 3;
		} else {
			if (out)
				out[*n] = text[i];
			(*n)++;
		}
	}
	return TRUE;
}

static DWORD part_length(const WCHAR *text, DWORD len)
{
	return len ? len : text ? lstrlenW(text) : 0;
}

static const WCHAR *scheme_text(const URL_COMPONENTS *uc, DWORD *len)
{
	if (uc->lpszScheme) {
		*len = part_length(uc->lpszScheme, uc->dwSchemeLength);
		return uc->lpszScheme;
	}
	*len = uc->nScheme == INTERNET_SCHEME_HTTPS ? 5 : 4;
	return uc->nScheme == INTERNET_SCHEME_HTTPS ? L"https" : L"http";
}

static BOOL is_default_port(const WCHAR *scheme, DWORD len, INTERNET_PORT port)
{
	if (len == 4 && !_wcsnicmp(scheme, L"http", 4))
		return port == INTERNET_DEFAULT_HTTP_PORT;
	if (len == 5 && !_wcsnicmp(scheme, L"https", 5))
		return port == INTERNET_DEFAULT_HTTPS_PORT;
	return FALSE;
}

/* Writes the URL to out (NULL: counts); FALSE on a character ICU_ESCAPE
 * cannot escape. */
static BOOL build(const URL_COMPONENTS *uc, DWORD flags, WCHAR *out, DWORD *n)
{
	BOOL escape = (flags & ICU_ESCAPE) != 0;
	DWORD len;
	const WCHAR *scheme = scheme_text(uc, &len);
	WCHAR port[8];

	*n = 0;
	append(out, n, scheme, len, FALSE);
	append(out, n, L"://", 3, FALSE);
	if (uc->lpszUserName) {
		append(out, n, uc->lpszUserName, part_length(uc->lpszUserName, uc->dwUserNameLength), FALSE);
		if (uc->lpszPassword) {
			append(out, n, L":", 1, FALSE);
			append(out, n, uc->lpszPassword, part_length(uc->lpszPassword, uc->dwPasswordLength),
			       FALSE);
		}
		append(out, n, L"@", 1, FALSE);
	}
	append(out, n, uc->lpszHostName, part_length(uc->lpszHostName, uc->dwHostNameLength), FALSE);
	if (uc->lpszHostName && !is_default_port(scheme, len, uc->nPort)) {
		int at = ARRAYSIZE(port);
		unsigned value = uc->nPort;

		do
			port[--at] = (WCHAR)('0' + value % 10);
		while (value /= 10);
		port[--at] = ':';
		append(out, n, port + at, ARRAYSIZE(port) - at, FALSE);
	}
	return append(out, n, uc->lpszUrlPath, part_length(uc->lpszUrlPath, uc->dwUrlPathLength), escape) &&
	       append(out, n, uc->lpszExtraInfo, part_length(uc->lpszExtraInfo, uc->dwExtraInfoLength),
		      escape);
}

BOOL WINAPI WinHttpCreateUrl(URL_COMPONENTS *uc, DWORD flags, LPWSTR url, LPDWORD url_len)
{
	DWORD need;

	if (!uc || !url_len || uc->dwStructSize != sizeof(*uc) || (uc->lpszPassword && !uc->lpszUserName) ||
	    !build(uc, flags, NULL, &need)) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (*url_len < need + 1) {
		*url_len = need + 1;
		SetLastError(ERROR_INSUFFICIENT_BUFFER);
		return FALSE;
	}
	if (!url) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	build(uc, flags, url, &need);
	url[need] = 0;
	*url_len = need;
	SetLastError(ERROR_SUCCESS);
	return TRUE;
}
