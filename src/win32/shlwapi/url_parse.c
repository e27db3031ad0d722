/*
 * ParseURL (the scheme and what follows it, and the scheme's number),
 * UrlGetPart (scheme, user, password, host, port, query),
 * UrlCreateFromPath (file: URLs of paths), UrlApplyScheme, UrlEscape
 * (url_escape_t.h: unsafe characters as %XX, per scheme), UrlCanonicalize
 * and UrlCombine (url_canon_t.h) and
 * UrlUnescape (%XX sequences decoded; with URL_DONT_UNESCAPE_EXTRA_INFO
 * not past the first '?' or '#'), A and W written once in url_parse_t.h.
 */
#include "shlwapi_private.h"

#define URL_E_INVALID_SYNTAX ((HRESULT)0x80041001)

static const char *const scheme_names[] = {
	[URL_SCHEME_FTP] = "ftp", [URL_SCHEME_HTTP] = "http", [URL_SCHEME_GOPHER] = "gopher",
	[URL_SCHEME_MAILTO] = "mailto", [URL_SCHEME_NEWS] = "news", [URL_SCHEME_NNTP] = "nntp",
	[URL_SCHEME_TELNET] = "telnet", [URL_SCHEME_WAIS] = "wais", [URL_SCHEME_FILE] = "file",
	[URL_SCHEME_MK] = "mk", [URL_SCHEME_HTTPS] = "https", [URL_SCHEME_SHELL] = "shell",
	[URL_SCHEME_SNEWS] = "snews", [URL_SCHEME_LOCAL] = "local",
	[URL_SCHEME_JAVASCRIPT] = "javascript", [URL_SCHEME_VBSCRIPT] = "vbscript",
	[URL_SCHEME_ABOUT] = "about", [URL_SCHEME_RES] = "res",
	[URL_SCHEME_MSSHELLROOTED] = "ms-shell-rooted", [URL_SCHEME_MSSHELLIDLIST] = "ms-shell-idlist",
	[URL_SCHEME_MSHELP] = "hcp", [URL_SCHEME_MSSHELLDEVICE] = "ms-shell-device",
	[URL_SCHEME_WILDCARD] = "*", [URL_SCHEME_SEARCH_MS] = "search-ms",
	[URL_SCHEME_SEARCH] = "search", [URL_SCHEME_KNOWNFOLDER] = "knownfolder",
};

static BOOL scheme_char(unsigned c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '+' || c == '-' || c == '.';
}

static int hex_digit(unsigned c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? (int)(c - 'a' + 10) : -1;
}

static BOOL is_slash(unsigned c)
{
	return c == '/' || c == '\\';
}

/* Schemes whose URLs name a host ("scheme://host..."). */
static BOOL host_scheme(UINT scheme)
{
	switch (scheme) {
	case URL_SCHEME_FILE: case URL_SCHEME_FTP: case URL_SCHEME_GOPHER: case URL_SCHEME_HTTP:
	case URL_SCHEME_HTTPS: case URL_SCHEME_NEWS: case URL_SCHEME_NNTP: case URL_SCHEME_SNEWS:
	case URL_SCHEME_TELNET:
		return TRUE;
	default:
		return FALSE;
	}
}

/* --- UrlEscape's rules (url_escape_t.h) --- */

static const char hex_upper[] = "0123456789ABCDEF";

struct esc_out {
	void *out; /* XCHAR *, NULL to count */
	size_t n;
};

struct esc_rules {
	BOOL segment;            /* '/', '?' and '#' are data too */
	BOOL backslash_is_slash; /* http, https, ftp and file paths */
	BOOL escape_hash;        /* file: a '#' is part of the path */
	BOOL spaces_only, percent, utf8, stopped;
};

/* Schemes whose paths take '\' for '/'. */
static BOOL slash_scheme(UINT scheme)
{
	return scheme == URL_SCHEME_HTTP || scheme == URL_SCHEME_HTTPS ||
	       scheme == URL_SCHEME_FTP || scheme == URL_SCHEME_FILE;
}

/* Opaque schemes (mailto:, news:...), a path that does not start with a
 * slash, and URL_ESCAPE_SEGMENT_ONLY escape '/' as data. */
static void rules_for(struct esc_rules *r, UINT scheme, BOOL has_scheme, BOOL slash, DWORD flags)
{
	BOOL opaque = scheme == URL_SCHEME_MAILTO || scheme == URL_SCHEME_NEWS ||
		      scheme == URL_SCHEME_SNEWS || scheme == URL_SCHEME_JAVASCRIPT ||
		      scheme == URL_SCHEME_VBSCRIPT || scheme == URL_SCHEME_ABOUT;

	memset(r, 0, sizeof(*r));
	r->segment = (flags & URL_ESCAPE_SEGMENT_ONLY) || opaque;
	r->backslash_is_slash = !r->segment && slash_scheme(scheme);
	r->escape_hash = scheme == URL_SCHEME_FILE;
	r->spaces_only = flags & URL_ESCAPE_SPACES_ONLY;
	r->percent = flags & URL_ESCAPE_PERCENT;
	r->utf8 = flags & URL_ESCAPE_AS_UTF8;
	if (has_scheme && !slash && scheme != URL_SCHEME_FILE && !r->segment)
		r->segment = 2; /* "http:x/y": '/' escaped, '?' still ends the path */
}

static BOOL must_escape(const struct esc_rules *r, unsigned c)
{
	if (r->spaces_only)
		return c == ' ';
	if (c == '?' || c == '#')
		return r->segment == TRUE || (c == '#' && r->escape_hash);
	if (c == '/')
		return r->segment != FALSE;
	if (c == '%')
		return r->percent;
	if (c < 0x20 || c == 0x7f || (c >= 0x80 && r->utf8))
		return TRUE;
	return c == '\\' || (c < 0x80 && strchr(" \"<>^`{|}[]&", (int)c));
}

/* c's UTF-8 bytes; a lone surrogate is U+FFFD.  Pairs are joined by
 * the caller's next unit: a high surrogate followed by a low one. */
static int utf8_bytes(unsigned c, BYTE *b)
{
	if (c >= 0xd800 && c <= 0xdfff && c < 0x10000)
		c = 0xfffd;
	if (c < 0x800) {
		b[0] = 0xc0 | (c >> 6);
		b[1] = 0x80 | (c & 63);
		return 2;
	}
	if (c < 0x10000) {
		b[0] = 0xe0 | (c >> 12);
		b[1] = 0x80 | ((c >> 6) & 63);
		b[2] = 0x80 | (c & 63);
		return 3;
	}
	b[0] = 0xf0 | (c >> 18);
	b[1] = 0x80 | ((c >> 12) & 63);
	b[2] = 0x80 | ((c >> 6) & 63);
	b[3] = 0x80 | (c & 63);
	return 4;
}

#define XCHAR WCHAR
#define FN(name) name##W
#include "url_parse_t.h"
#include "url_escape_t.h"
#include "url_canon_t.h"
#undef XCHAR
#undef FN

#define XCHAR char
#define FN(name) name##A
#include "url_parse_t.h"
#include "url_escape_t.h"
#include "url_canon_t.h"
