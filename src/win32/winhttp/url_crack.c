/*
 * WinHttpCrackUrl: an http or https URL split into its components.
 *
 *   scheme "://" [user [":" password] "@"] host [":" port] [path] [extra]
 *
 * The authority ends at the first '/' (a '?' or '@' after it belongs to
 * the path or the extra information), the extra information starts at
 * the first '?' or '#' of the rest.  Each component is returned one of
 * three ways, chosen by the caller's pointer and length: pointer NULL and
 * length non-zero, a pointer into the URL; a buffer and its length in
 * characters, a copy (too short: the length needed with the NUL, and
 * ERROR_INSUFFICIENT_BUFFER once every component is done); length 0 and
 * no buffer, not wanted.  ICU_DECODE (%XX to characters) needs buffers
 * for every wanted component; ICU_ESCAPE escapes the path and extra
 * information (after decoding).  Extra information nobody asks for stays
 * in the path.
 */
#include <string.h>
#include <windows.h>
#include <winhttp.h>
#include "url_private.h"

struct span {
	const WCHAR *at;
	DWORD len;
	BOOL present;
};

struct cracked {
	INTERNET_SCHEME scheme;
	INTERNET_PORT port;
	struct span parts[6]; /* scheme, user, password, host, path, extra */
};
enum { SCHEME, USER, PASSWORD, HOST, PATH, EXTRA };

static const WCHAR *find(const WCHAR *p, const WCHAR *end, const WCHAR *set)
{
	for (; p < end; p++)
		for (const WCHAR *s = set; *s; s++)
			if (*p == *s)
				return p;
	return end;
}

static void set_span(struct span *s, const WCHAR *from, const WCHAR *to)
{
	s->at = from;
	s->len = (DWORD)(to - from);
	s->present = TRUE;
}

/* The port digits between from and to: -1 unless 0..65535. */
static int parse_port(const WCHAR *from, const WCHAR *to)
{
	int port = 0;

	for (const WCHAR *p = from; p < to; p++) {
		if (*p < '0' || *p > '9' || (port = port * 10 + (*p - '0')) > 65535)
			return -1;
	}
	return port;
}

static DWORD parse_authority(struct cracked *c, const WCHAR *from, const WCHAR *to)
{
	const WCHAR *at = find(from, to, L"@"), *host = from, *colon;

	if (at < to) {
		colon = find(from, at, L":");
		set_span(&c->parts[USER], from, colon);
		if (colon < at)
			set_span(&c->parts[PASSWORD], colon + 1, at);
		host = at + 1;
	}
	colon = find(host, to, L":");
	if (colon == host)
		return ERROR_WINHTTP_INVALID_URL;
	set_span(&c->parts[HOST], host, colon);
	if (colon + 1 < to) { /* "host:" alone keeps the scheme's port */
		int port = parse_port(colon + 1, to);

		if (port < 0)
			return ERROR_WINHTTP_INVALID_URL;
		c->port = (INTERNET_PORT)port;
	}
	return ERROR_SUCCESS;
}

static DWORD parse_url(struct cracked *c, const WCHAR *url, DWORD len)
{
	const WCHAR *end = url + len, *colon = find(url, end, L":"), *rest, *slash, *extra;
	DWORD n = (DWORD)(colon - url);

	memset(c, 0, sizeof(*c));
	if (colon == end)
		return ERROR_WINHTTP_UNRECOGNIZED_SCHEME;
	if (n == 4 && !_wcsnicmp(url, L"http", 4))
		c->scheme = INTERNET_SCHEME_HTTP, c->port = INTERNET_DEFAULT_HTTP_PORT;
	else if (n == 5 && !_wcsnicmp(url, L"https", 5))
		c->scheme = INTERNET_SCHEME_HTTPS, c->port = INTERNET_DEFAULT_HTTPS_PORT;
	else
		return ERROR_WINHTTP_UNRECOGNIZED_SCHEME;
	set_span(&c->parts[SCHEME], url, colon);
	rest = colon + 1;
	if (end - rest < 2 || rest[0] != '/' || rest[1] != '/' || end - rest == 2)
		return ERROR_WINHTTP_INVALID_URL;
	rest += 2;
	slash = find(rest, end, L"/");
	if (parse_authority(c, rest, slash))
		return ERROR_WINHTTP_INVALID_URL;
	extra = find(slash, end, L"?#");
	set_span(&c->parts[PATH], slash, extra);
	set_span(&c->parts[EXTRA], extra, end);
	return ERROR_SUCCESS;
}

static int hex_value(WCHAR ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'f')
		return (ch | 0x20) - 'a' + 10;
	return -1;
}

/* The text of a component as ICU_DECODE/ICU_ESCAPE make it, written to
 * out (NULL: counted only); its length. */
static DWORD transform(const struct span *s, DWORD flags, BOOL escapable, WCHAR *out)
{
	DWORD n = 0;

	for (DWORD i = 0; i < s->len; i++) {
		WCHAR ch = s->at[i];
		BOOL decoded = FALSE;

		if ((flags & ICU_DECODE) && ch == '%' && i + 2 < s->len &&
		    hex_value(s->at[i + 1]) >= 0 && hex_value(s->at[i + 2]) >= 0) {
			ch = (WCHAR)(hex_value(s->at[i + 1]) << 4 | hex_value(s->at[i + 2]));
			i += 2;
			decoded = TRUE;
		}
		/* a '%' of the URL already starts an escape */
		if ((flags & ICU_ESCAPE) && escapable && url_needs_escape(ch) && (ch != '%' || decoded)) {
			if (out)
				url_write_escape(out + n, ch);
			n += 3;
			continue;
		}
		if (out)
			out[n] = ch;
		n++;
	}
	return n;
}

/* Gives one component to the caller in the way its fields ask for;
 * FALSE if its buffer is too short (the length then says what is
 * needed, with the NUL). */
static BOOL give(const struct span *s, DWORD flags, BOOL escapable, WCHAR **ptr, DWORD *len)
{
	DWORD need;

	if (!*ptr) {
		if (!*len)
			return TRUE; /* not wanted */
		*ptr = s->present ? (WCHAR *)s->at : NULL;
		*len = s->present ? s->len : 0;
		return TRUE;
	}
	need = transform(s, flags, escapable, NULL);
	if (need + 1 > *len) {
		*len = need + 1;
		return FALSE;
	}
	transform(s, flags, escapable, *ptr);
	(*ptr)[need] = 0;
	*len = need;
	return TRUE;
}

static BOOL buffer_without_length(const URL_COMPONENTS *uc)
{
	return (uc->lpszScheme && !uc->dwSchemeLength) || (uc->lpszUserName && !uc->dwUserNameLength) ||
	       (uc->lpszPassword && !uc->dwPasswordLength) || (uc->lpszHostName && !uc->dwHostNameLength) ||
	       (uc->lpszUrlPath && !uc->dwUrlPathLength) || (uc->lpszExtraInfo && !uc->dwExtraInfoLength);
}

static BOOL pointer_wanted(const URL_COMPONENTS *uc)
{
	return (!uc->lpszScheme && uc->dwSchemeLength) || (!uc->lpszUserName && uc->dwUserNameLength) ||
	       (!uc->lpszPassword && uc->dwPasswordLength) || (!uc->lpszHostName && uc->dwHostNameLength) ||
	       (!uc->lpszUrlPath && uc->dwUrlPathLength) || (!uc->lpszExtraInfo && uc->dwExtraInfoLength);
}

BOOL WINAPI WinHttpCrackUrl(LPCWSTR url, DWORD url_len, DWORD flags, URL_COMPONENTS *uc)
{
	struct cracked c;
	DWORD err;
	BOOL ok = TRUE;

	if (!url || !uc || uc->dwStructSize != sizeof(*uc) || buffer_without_length(uc) ||
	    ((flags & ICU_DECODE) && pointer_wanted(uc))) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if ((err = parse_url(&c, url, url_len ? url_len : lstrlenW(url)))) {
		SetLastError(err);
		return FALSE;
	}
	if (!uc->lpszExtraInfo && !uc->dwExtraInfoLength)
		c.parts[PATH].len += c.parts[EXTRA].len;
	ok &= give(&c.parts[SCHEME], 0, FALSE, &uc->lpszScheme, &uc->dwSchemeLength);
	ok &= give(&c.parts[USER], flags & ICU_DECODE, FALSE, &uc->lpszUserName, &uc->dwUserNameLength);
	ok &= give(&c.parts[PASSWORD], flags & ICU_DECODE, FALSE, &uc->lpszPassword, &uc->dwPasswordLength);
	ok &= give(&c.parts[HOST], 0, FALSE, &uc->lpszHostName, &uc->dwHostNameLength);
	ok &= give(&c.parts[PATH], flags, TRUE, &uc->lpszUrlPath, &uc->dwUrlPathLength);
	ok &= give(&c.parts[EXTRA], flags, TRUE, &uc->lpszExtraInfo, &uc->dwExtraInfoLength);
	uc->nScheme = c.scheme;
	uc->nPort = c.port;
	SetLastError(ok ? ERROR_SUCCESS : ERROR_INSUFFICIENT_BUFFER);
	return ok;
}
