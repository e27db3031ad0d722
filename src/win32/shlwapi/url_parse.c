/*
 * ParseURL (the scheme and what follows it, and the scheme's number),
 * UrlGetPart (scheme, user, password, host, port, query),
 * UrlCreateFromPath (file: URLs of paths), UrlApplyScheme and
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

#define XCHAR WCHAR
#define FN(name) name##W
#include "url_parse_t.h"
#undef XCHAR
#undef FN

#define XCHAR char
#define FN(name) name##A
#include "url_parse_t.h"
