/*
 * DNS names: validation by format (RFC 1035 labels, with Windows' extra
 * formats for wildcards and SRV owners) and comparison.  Every _A, _UTF8
 * and _W form converts to UTF-16 and shares one implementation.
 */
#include "dns_private.h"

void dns_to_wide(const void *s, int charset, WCHAR *out, int outlen)
{
	out[0] = 0;
	if (!s)
		return;
	if (charset == DnsCharSetUnicode || charset == DnsCharSetUnknown) {
		lstrcpynW(out, s, outlen);
		return;
	}
	UINT cp = charset == DnsCharSetAnsi ? CP_ACP : CP_UTF8;
	if (!MultiByteToWideChar(cp, 0, s, -1, out, outlen))
		out[outlen - 1] = 0;
}

static WCHAR *wide_dup(const void *s, UINT cp, WCHAR *buf, int len)
{
	if (!s)
		return NULL;
	if (!MultiByteToWideChar(cp, 0, s, -1, buf, len))
		buf[len - 1] = 0;
	return buf;
}

/* Characters a DNS name may hold: RFC 1035's letters, digits and hyphen;
 * '_' (and anything past ASCII) is allowed but not RFC; the rest is not
 * a name character at all. */
static DNS_STATUS check_char(WCHAR c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    c == '-')
		return ERROR_SUCCESS;
	if (c == '_' || c >= 0x80)
		return DNS_ERROR_NON_RFC_NAME;
	return DNS_ERROR_INVALID_NAME_CHAR;
}

/* The structure first (empty labels, lengths), then the characters: an
 * invalid character outranks a non-RFC one. */
static DNS_STATUS validate_domain(const WCHAR *name, BOOL single_label)
{
	size_t len = wcslen(name);
	/* 253 characters without the root's dot: 255 octets on the wire. */
	if (!len || len - (name[len - 1] == '.') > 253)
		return ERROR_INVALID_NAME;
	if (!wcscmp(name, L"."))
		return single_label ? ERROR_INVALID_NAME : ERROR_SUCCESS;
	size_t label = 0;
	for (size_t i = 0; i < len; i++) {
		if (name[i] != '.') {
			if (++label > 63)
				return ERROR_INVALID_NAME;
			continue;
		}
		/* Only the final dot (the root) may end a label of nothing. */
		if (!label || single_label)
			return ERROR_INVALID_NAME;
		label = 0;
	}
	DNS_STATUS worst = ERROR_SUCCESS;
	for (size_t i = 0; i < len; i++) {
		if (name[i] == '.')
			continue;
		DNS_STATUS st = check_char(name[i]);
		if (st == DNS_ERROR_INVALID_NAME_CHAR)
			return st;
		if (st)
			worst = st;
	}
	return worst;
}

static DNS_STATUS validate(const WCHAR *name, DNS_NAME_FORMAT format)
{
	if (!name)
		return ERROR_INVALID_NAME;
	switch (format) {
	case DnsNameDomain:
	case DnsNameHostnameFull:
	case DnsNameValidateTld:
		return validate_domain(name, FALSE);
	case DnsNameDomainLabel:
	case DnsNameHostnameLabel:
		return validate_domain(name, TRUE);
	case DnsNameWildcard:
		/* "*" or "*.domain": a '*' anywhere else is a bad character. */
		if (name[0] != '*')
			return ERROR_INVALID_NAME;
		if (!name[1])
			return ERROR_SUCCESS;
		if (name[1] != '.')
			return DNS_ERROR_INVALID_NAME_CHAR;
		return validate_domain(name + 2, FALSE);
	case DnsNameSrvRecord:
		/* "_service[.domain]": the leading underscore is the format's. */
		if (name[0] != '_')
			return ERROR_INVALID_NAME;
		if (!name[1] || name[1] == '.')
			return DNS_ERROR_NON_RFC_NAME;
		/* "_service._protocol.domain": underscores are the format's. */
		DNS_STATUS st = validate_domain(name + 1, FALSE);
		return st == DNS_ERROR_NON_RFC_NAME ? ERROR_SUCCESS : st;
	}
	return ERROR_INVALID_PARAMETER;
}

DNS_API DNS_STATUS WINAPI DnsValidateName_W(const WCHAR *name, DNS_NAME_FORMAT format)
{
	return validate(name, format);
}

DNS_API DNS_STATUS WINAPI DnsValidateName_UTF8(const char *name, DNS_NAME_FORMAT format)
{
	WCHAR buf[DNS_NAME_MAX * 2];
	return validate(wide_dup(name, CP_UTF8, buf, ARRAYSIZE(buf)), format);
}

DNS_API DNS_STATUS WINAPI DnsValidateName_A(const char *name, DNS_NAME_FORMAT format)
{
	WCHAR buf[DNS_NAME_MAX * 2];
	return validate(wide_dup(name, CP_ACP, buf, ARRAYSIZE(buf)), format);
}

BOOL dns_names_equal_w(const WCHAR *a, const WCHAR *b)
{
	if (!a || !b)
		return a == b;
	size_t la = wcslen(a), lb = wcslen(b);
	while (la && a[la - 1] == '.')
		la--;
	while (lb && b[lb - 1] == '.')
		lb--;
	return la == lb && CompareStringOrdinal(a, (int)la, b, (int)lb, TRUE) == CSTR_EQUAL;
}

DNS_API BOOL WINAPI DnsNameCompare_W(LPWSTR a, LPWSTR b)
{
	return dns_names_equal_w(a, b);
}

static BOOL compare_narrow(const char *a, const char *b, UINT cp)
{
	WCHAR wa[DNS_NAME_MAX * 2], wb[DNS_NAME_MAX * 2];
	return dns_names_equal_w(wide_dup(a, cp, wa, ARRAYSIZE(wa)),
				 wide_dup(b, cp, wb, ARRAYSIZE(wb)));
}

DNS_API BOOL WINAPI DnsNameCompare_A(LPSTR a, LPSTR b)
{
	return compare_narrow(a, b, CP_ACP);
}

DNS_API BOOL WINAPI DnsNameCompare_UTF8(const char *a, const char *b)
{
	return compare_narrow(a, b, CP_UTF8);
}

/* The sandbox keeps no resolver cache: every name is already flushed.
 * A NULL name fails without touching the last error, as Windows. */
DNS_API BOOL WINAPI DnsFlushResolverCacheEntry_W(const WCHAR *name)
{
	return name != NULL;
}

DNS_API BOOL WINAPI DnsFlushResolverCacheEntry_A(const char *name)
{
	return name != NULL;
}

DNS_API BOOL WINAPI DnsFlushResolverCacheEntry_UTF8(const char *name)
{
	return name != NULL;
}

DNS_API BOOL WINAPI DnsFlushResolverCache(void)
{
	return TRUE;
}
