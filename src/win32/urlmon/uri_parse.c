/* CreateUri's parser: RFC 3986's scheme ":" ["//" authority] path
 * ["?" query] ["#" fragment], written out again in Windows' canonical
 * form: the scheme and a DNS host lower-cased, the scheme's default port
 * dropped, and for the schemes Windows knows to be hierarchical '\' taken
 * as '/', dot segments removed, an empty path made "/", %XX of an
 * unreserved character decoded and characters a URI may not hold
 * %-encoded (unless Uri_CREATE_NO_CANONICALIZE or
 * Uri_CREATE_NO_ENCODE_FORBIDDEN_CHARACTERS say otherwise). */
#include "uri_private.h"

struct scheme_info {
	const WCHAR *name;
	URL_SCHEME type;
	DWORD default_port;      /* 0: none */
	BOOL hierarchical;       /* the path is canonicalised */
};

static const struct scheme_info schemes[] = {
	{L"ftp", URL_SCHEME_FTP, 21, TRUE},
	{L"http", URL_SCHEME_HTTP, 80, TRUE},
	{L"gopher", URL_SCHEME_GOPHER, 70, TRUE},
	{L"mailto", URL_SCHEME_MAILTO, 0, FALSE},
	{L"news", URL_SCHEME_NEWS, 0, FALSE},
	{L"nntp", URL_SCHEME_NNTP, 119, TRUE},
	{L"telnet", URL_SCHEME_TELNET, 23, TRUE},
	{L"wais", URL_SCHEME_WAIS, 0, FALSE},
	{L"file", URL_SCHEME_FILE, 0, TRUE},
	{L"mk", URL_SCHEME_MK, 0, FALSE},
	{L"https", URL_SCHEME_HTTPS, 443, TRUE},
	{L"shell", URL_SCHEME_SHELL, 0, FALSE},
	{L"snews", URL_SCHEME_SNEWS, 0, FALSE},
	{L"local", URL_SCHEME_LOCAL, 0, FALSE},
	{L"javascript", URL_SCHEME_JAVASCRIPT, 0, FALSE},
	{L"vbscript", URL_SCHEME_VBSCRIPT, 0, FALSE},
	{L"about", URL_SCHEME_ABOUT, 0, FALSE},
	{L"res", URL_SCHEME_RES, 0, FALSE},
	{L"ms-shell-rooted", URL_SCHEME_MSSHELLROOTED, 0, FALSE},
	{L"ms-shell-idlist", URL_SCHEME_MSSHELLIDLIST, 0, FALSE},
	{L"hcp", URL_SCHEME_MSHELP, 0, FALSE},
	{L"*", URL_SCHEME_WILDCARD, 0, FALSE},
};

/* A growing wide string on the process heap. */
struct wbuf {
	WCHAR *p;
	DWORD len, cap;
	BOOL failed;
	BOOL invalid;            /* the URI broke a rule: E_INVALIDARG */
};

static void put(struct wbuf *b, WCHAR c)
{
	if (b->len + 1 >= b->cap) {
		DWORD cap = b->cap ? b->cap * 2 : 64;
		WCHAR *p = b->p ? HeapReAlloc(GetProcessHeap(), 0, b->p, cap * sizeof(WCHAR))
				: HeapAlloc(GetProcessHeap(), 0, cap * sizeof(WCHAR));
		if (!p) {
			b->failed = TRUE;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	b->p[b->len++] = c;
	b->p[b->len] = 0;
}

static void put_n(struct wbuf *b, const WCHAR *s, DWORD n)
{
	for (DWORD i = 0; i < n; i++)
		put(b, s[i]);
}

static WCHAR lower(WCHAR c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static BOOL is_alpha(WCHAR c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static BOOL is_digit(WCHAR c)
{
	return c >= '0' && c <= '9';
}

static int hex_value(WCHAR c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static BOOL is_unreserved(WCHAR c)
{
	return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

/* ASCII a URI may not hold as it is (RFC 3986 section 2). */
static BOOL is_forbidden(WCHAR c)
{
	return c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '^' ||
	       c == '`' || c == '{' || c == '|' || c == '}';
}

static void put_escaped(struct wbuf *b, WCHAR c)
{
	static const WCHAR hex[] = L"0123456789ABCDEF";

	put(b, '%');
	put(b, hex[(c >> 4) & 0xf]);
	put(b, hex[c & 0xf]);
}

/* Copies s[0..n) with %XX of unreserved characters decoded and forbidden
 * characters escaped; a '%' that starts no escape is written "%25" in a
 * path and makes the URI invalid elsewhere (`strict`).  In a
 * DOS path (file://c:\...) every '%' is a character of the name. */
static void put_canonical_chars(struct wbuf *b, const WCHAR *s, DWORD n, DWORD flags, BOOL slashes,
				BOOL dos_path, BOOL strict)
{
	for (DWORD i = 0; i < n; i++) {
		WCHAR c = s[i];

		if (c == '%' && !dos_path) {
			int h = i + 1 < n ? hex_value(s[i + 1]) : -1;
			int l = i + 2 < n ? hex_value(s[i + 2]) : -1;

			if (h >= 0 && l >= 0) {
				WCHAR d = (WCHAR)(h * 16 + l);

				if (is_unreserved(d))
					put(b, d);
				else
					put_n(b, s + i, 3);
				i += 2;
				continue;
			}
			if (strict)
				b->invalid = TRUE;
			else
				put_n(b, L"%25", 3);
			continue;
		}
		if (slashes && c == '\\')
			c = '/';
		if ((is_forbidden(c) || (dos_path && c == '%')) && !(flags & Uri_CREATE_NO_ENCODE_FORBIDDEN_CHARACTERS))
			put_escaped(b, c);
		else
			put(b, c);
	}
}

/* A component copied as it is, or canonicalised (no '\\' taken as '/'). */
static void put_component(struct wbuf *b, const WCHAR *s, DWORD n, DWORD flags, BOOL canonicalise)
{
	if (canonicalise)
		put_canonical_chars(b, s, n, flags, FALSE, FALSE,
				    !(flags & Uri_CREATE_NO_DECODE_EXTRA_INFO));
	else
		put_n(b, s, n);
}

/* RFC 3986 section 5.2.4 on the path written at b->p[start..], in place. */
static void remove_dot_segments(struct wbuf *b, DWORD start)
{
	WCHAR *path = b->p + start;
	DWORD in = 0, out = 0, n = b->len - start;

	while (in < n) {
		DWORD seg_end = in + 1;

		while (seg_end < n && path[seg_end] != '/')
			seg_end++;
		/* path[in] is '/'; the segment is path[in+1..seg_end) */
		DWORD seg_len = seg_end - in - 1;
		if (seg_len == 1 && path[in + 1] == '.') {
			if (seg_end == n)
				path[out++] = '/';
		} else if (seg_len == 2 && path[in + 1] == '.' && path[in + 2] == '.') {
			while (out > 0 && path[--out] != '/')
				;
			if (seg_end == n)
				path[out++] = '/';
		} else {
			for (DWORD i = in; i < seg_end; i++)
				path[out++] = path[i];
		}
		in = seg_end;
	}
	if (!out)
		path[out++] = '/';
	b->len = start + out;
	b->p[b->len] = 0;
}

static const struct scheme_info *find_scheme(const WCHAR *name, DWORD len)
{
	for (size_t i = 0; i < ARRAYSIZE(schemes); i++) {
		const WCHAR *s = schemes[i].name;
		DWORD j = 0;

		while (j < len && s[j] && s[j] == lower(name[j]))
			j++;
		if (j == len && !s[j])
			return &schemes[i];
	}
	return NULL;
}

/* An IPv4 host in one to four dotted decimal parts, the last filling the
 * bytes left ("127.0" is 127.0.0.0, "123456" is 0.1.226.64): TRUE and the
 * address, or FALSE. */
static BOOL parse_ipv4(const WCHAR *h, DWORD n, DWORD *addr)
{
	ULONGLONG part = 0, value = 0;
	DWORD parts = 0, digits = 0;

	for (DWORD i = 0; i <= n; i++) {
		if (i == n || h[i] == '.') {
			if (!digits || parts == 4)
				return FALSE;
			if (i < n) {
				if (part > 255)
					return FALSE;
				value = value << 8 | part;
			} else {
				DWORD left = 4 - parts;   /* bytes the last part fills */

				if (part >> (8 * left))
					return FALSE;
				value = value << (8 * left) | part;
			}
			parts++;
			digits = 0;
			part = 0;
		} else if (is_digit(h[i]) && digits < 10) {
			part = part * 10 + (h[i] - '0');
			digits++;
		} else {
			return FALSE;
		}
	}
	*addr = (DWORD)value;
	return TRUE;
}

/* Writes the address as four decimal bytes. */
static void put_ipv4(struct wbuf *b, DWORD addr)
{
	for (int shift = 24; shift >= 0; shift -= 8) {
		DWORD byte = (addr >> shift) & 0xff;
		WCHAR digits[3];
		int d = 0;

		do
			digits[d++] = (WCHAR)('0' + byte % 10);
		while ((byte /= 10));
		while (d)
			put(b, digits[--d]);
		if (shift)
			put(b, '.');
	}
}

/* An IPv6 address (RFC 4291 text: hex groups, one "::", an IPv4 tail of
 * four parts) into its eight groups. */
static BOOL parse_ipv6(const WCHAR *h, DWORD n, WORD groups[8])
{
	WORD head[8], tail[8];
	DWORD nhead = 0, ntail = 0, i = 0;
	BOOL gap = FALSE;

	if (n >= 2 && h[0] == ':' && h[1] == ':') {
		gap = TRUE;
		i = 2;
	} else if (n && h[0] == ':') {
		return FALSE;
	}
	while (i < n) {
		DWORD start = i, value = 0;
		WORD *list = gap ? tail : head;
		DWORD *count = gap ? &ntail : &nhead;

		while (i < n && h[i] != ':' && h[i] != '.')
			i++;
		if (i < n && h[i] == '.') {
			DWORD addr, end = start;

			while (end < n && h[end] != ':')
				end++;
			if (end != n || *count > 6 || !parse_ipv4(h + start, n - start, &addr))
				return FALSE;
			{
				DWORD dots = 0;

				for (DWORD j = start; j < n; j++)
					dots += h[j] == '.';
				if (dots != 3)
					return FALSE;
			}
			list[(*count)++] = (WORD)(addr >> 16);
			list[(*count)++] = (WORD)addr;
			break;
		}
		if (i == start || i - start > 4 || *count == 8)
			return FALSE;
		for (DWORD j = start; j < i; j++) {
			int d = hex_value(h[j]);

			if (d < 0)
				return FALSE;
			value = value * 16 + d;
		}
		list[(*count)++] = (WORD)value;
		if (i == n)
			break;
		i++;   /* ':' */
		if (i < n && h[i] == ':') {
			if (gap)
				return FALSE;
			gap = TRUE;
			i++;
		} else if (i == n) {
			return FALSE;
		}
	}
	if (gap ? nhead + ntail > 7 : nhead != 8)
		return FALSE;
	for (DWORD j = 0; j < 8; j++)
		groups[j] = 0;
	for (DWORD j = 0; j < nhead; j++)
		groups[j] = head[j];
	for (DWORD j = 0; j < ntail; j++)
		groups[8 - ntail + j] = tail[j];
	return TRUE;
}

static void put_hex_group(struct wbuf *b, WORD g)
{
	static const WCHAR hex[] = L"0123456789abcdef";
	BOOL started = FALSE;

	for (int shift = 12; shift >= 0; shift -= 4) {
		WORD d = (g >> shift) & 0xf;

		if (d || started || !shift) {
			put(b, hex[d]);
			started = TRUE;
		}
	}
}

/* Whether Windows writes the last 32 bits as IPv4: IPv4-compatible
 * (::a.b.c.d), mapped (::ffff:a.b.c.d), translated (::ffff:0:a.b.c.d) and
 * ISATAP (...:0:5efe:a.b.c.d) addresses. */
static BOOL ipv4_tail(const WORD g[8])
{
	BOOL zero4 = !g[0] && !g[1] && !g[2] && !g[3];

	if (zero4 && !g[4] && ((!g[5] && g[6]) || g[5] == 0xffff))
		return TRUE;
	if (zero4 && g[4] == 0xffff && !g[5])
		return TRUE;
	return (!g[4] || g[4] == 0x200) && g[5] == 0x5efe;
}

/* Windows' form: lower-case groups without leading zeros, the longest run
 * of two or more zero groups as "::", an IPv4 tail where ipv4_tail says. */
static void put_ipv6(struct wbuf *b, const WORD g[8])
{
	BOOL v4 = ipv4_tail(g);
	int groups = v4 ? 6 : 8, best = -1, best_len = 0;

	for (int i = 0; i < groups;) {
		int j = i;

		while (j < groups && !g[j])
			j++;
		if (j - i > best_len && j - i >= 2) {
			best = i;
			best_len = j - i;
		}
		i = j == i ? i + 1 : j;
	}
	for (int i = 0; i < groups; i++) {
		if (i == best) {
			put_n(b, L"::", 2);
			i += best_len - 1;
			continue;
		}
		if (i && i != best + best_len)
			put(b, ':');
		put_hex_group(b, g[i]);
	}
	if (v4) {
		if (best + best_len != groups)
			put(b, ':');
		put_ipv4(b, (DWORD)g[6] << 16 | g[7]);
	}
}

static void span_set(struct uri_span *s, DWORD start, DWORD end)
{
	s->start = start;
	s->len = end - start;
	s->present = TRUE;
}

/* A port: 1 to 5 digits, at most 65535. */
static BOOL port_valid(const WCHAR *s, DWORD n)
{
	DWORD port = 0;

	if (!n || n > 5)
		return FALSE;
	for (DWORD i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return FALSE;
		port = port * 10 + (s[i] - '0');
	}
	return port <= 65535;
}

/* The authority a[0..n): [user[:password]@]host[:port]. */
static HRESULT parse_authority(const WCHAR *a, DWORD n, const struct scheme_info *si,
			       DWORD flags, struct wbuf *b, struct uri_parts *out)
{
	DWORD at = n, host_begin = 0, host_end, port_begin = n;
	BOOL canon = !(flags & Uri_CREATE_NO_CANONICALIZE);

	for (DWORD i = n; i > 0; i--)
		if (a[i - 1] == '@') {
			at = i - 1;
			break;
		}
	DWORD auth_start = b->len;
	if (at < n) {
		DWORD colon = at;

		for (DWORD i = 0; i < at; i++)
			if (a[i] == ':') {
				colon = i;
				break;
			}
		DWORD start = b->len;
		put_component(b, a, colon, flags, canon && si);
		span_set(&out->user, start, b->len);
		if (colon < at) {
			put(b, ':');
			DWORD pstart = b->len;
			put_component(b, a + colon + 1, at - colon - 1, flags, canon && si);
			span_set(&out->password, pstart, b->len);
		}
		span_set(&out->userinfo, start, b->len);
		put(b, '@');
		host_begin = at + 1;
	}
	if (host_begin < n && a[host_begin] == '[') {
		host_end = host_begin;
		while (host_end < n && a[host_end] != ']')
			host_end++;
		if (host_end == n)
			return E_INVALIDARG;
		host_end++;
		if (host_end < n && a[host_end] != ':')
			return E_INVALIDARG;
		port_begin = host_end;
	} else {
		host_end = host_begin;
		while (host_end < n && a[host_end] != ':')
			host_end++;
		port_begin = host_end;
	}
	out->host_start_display = b->len;
	if (host_begin < host_end && a[host_begin] == '[') {
		WORD groups[8];

		BOOL future = a[host_begin + 1] == 'v' || a[host_begin + 1] == 'V';

		/* "[v1.x]" (RFC 3986's IPvFuture) is kept as it is */
		if (!future && !parse_ipv6(a + host_begin + 1, host_end - host_begin - 2, groups))
			return E_INVALIDARG;
		out->host_type = future ? Uri_HOST_UNKNOWN : Uri_HOST_IPV6;
		put(b, '[');
		DWORD hs = b->len;
		if (canon && si && !future)
			put_ipv6(b, groups);
		else
			put_n(b, a + host_begin + 1, host_end - host_begin - 2);
		span_set(&out->host, hs, b->len);
		put(b, ']');
		if (future)
			span_set(&out->host, hs - 1, b->len);
	} else {
		DWORD hs = b->len;
		put_component(b, a + host_begin, host_end - host_begin, flags, canon && si);
		if (canon && si)
			for (DWORD i = hs; i < b->len; i++)
				b->p[i] = lower(b->p[i]);
		span_set(&out->host, hs, b->len);
		DWORD addr;

		if (host_end == host_begin) {
			out->host_type = Uri_HOST_UNKNOWN;
		} else if (parse_ipv4(b->p + hs, b->len - hs, &addr)) {
			out->host_type = Uri_HOST_IPV4;
			if (canon && si) {
				b->len = hs;
				put_ipv4(b, addr);
				span_set(&out->host, hs, b->len);
			}
		} else {
			out->host_type = Uri_HOST_DNS;
		}
	}
	if (si && si->default_port) {
		out->port = si->default_port;
		out->has_port = TRUE;
	}
	if (port_begin < n && !port_valid(a + port_begin + 1, n - port_begin - 1)) {
		/* no port: an error for a scheme Windows knows, part of the
		 * host for another ("zip://google.com:65536") */
		if (si)
			return E_INVALIDARG;
		put_n(b, a + port_begin, n - port_begin);
		span_set(&out->host, out->host_start_display, b->len);
		out->host_type = Uri_HOST_DNS;
		port_begin = n;
	}
	if (port_begin < n) {
		DWORD port = 0;

		for (DWORD i = port_begin + 1; i < n; i++)
			port = port * 10 + (a[i] - '0');
		out->port = port;
		out->has_port = TRUE;
		if (!canon || !si || port != si->default_port) {
			WCHAR digits[8];
			int d = 0;

			put(b, ':');
			do
				digits[d++] = (WCHAR)('0' + port % 10);
			while ((port /= 10));
			while (d)
				put(b, digits[--d]);
		}
	}
	span_set(&out->authority, auth_start, b->len);
	return S_OK;
}

static BOOL is_localhost(const WCHAR *h, DWORD n)
{
	static const WCHAR name[] = L"localhost";

	if (n != ARRAYSIZE(name) - 1)
		return FALSE;
	for (DWORD i = 0; i < n; i++)
		if (lower(h[i]) != name[i])
			return FALSE;
	return TRUE;
}

static BOOL is_space(WCHAR c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* Uri_CREATE_ALLOW_IMPLICIT_FILE_SCHEME: "c:\x" and "\\\\server\x" are
 * file URIs. */
static BOOL is_implicit_file(const WCHAR *s, const WCHAR *end)
{
	if (end - s >= 3 && is_alpha(s[0]) && (s[1] == ':' || s[1] == '|') && (s[2] == '\\' || s[2] == '/'))
		return TRUE;
	return end - s >= 2 && s[0] == '\\' && s[1] == '\\';
}

static HRESULT parse_range(const WCHAR *s, const WCHAR *end, DWORD flags, struct uri_parts *out);

WCHAR *uri_preprocess(const WCHAR *text, DWORD flags)
{
	const WCHAR *s = text, *end = text;
	BOOL html = !(flags & Uri_CREATE_NO_PRE_PROCESS_HTML_URI);
	WCHAR *copy;
	DWORD len = 0;

	while (*end)
		end++;
	if (html) {
		while (s < end && is_space(*s))
			s++;
		while (end > s && is_space(end[-1]))
			end--;
	}
	if (!(copy = HeapAlloc(GetProcessHeap(), 0, (end - s + 1) * sizeof(WCHAR))))
		return NULL;
	for (; s < end; s++)
		if (!html || (*s != '\t' && *s != '\r' && *s != '\n'))
			copy[len++] = *s;
	copy[len] = 0;
	return copy;
}

HRESULT uri_parse(const WCHAR *text, DWORD flags, struct uri_parts *out)
{
	const WCHAR *s = text, *end = text;

	while (*end)
		end++;
	if ((flags & Uri_CREATE_ALLOW_IMPLICIT_FILE_SCHEME) && is_implicit_file(s, end)) {
		DWORD n = (DWORD)(end - s), prefix = s[0] == '\\' ? 5 : 7;
		WCHAR *full = HeapAlloc(GetProcessHeap(), 0, (n + prefix + 1) * sizeof(WCHAR));
		HRESULT hr;

		if (!full)
			return E_OUTOFMEMORY;
		CopyMemory(full, prefix == 5 ? L"file:" : L"file://", prefix * sizeof(WCHAR));
		CopyMemory(full + prefix, s, n * sizeof(WCHAR));
		hr = parse_range(full, full + prefix + n, flags, out);
		HeapFree(GetProcessHeap(), 0, full);
		return hr;
	}
	return parse_range(s, end, flags, out);
}

static HRESULT parse_range(const WCHAR *s, const WCHAR *end, DWORD flags, struct uri_parts *out)
{
	struct wbuf b = {0};
	const struct scheme_info *si;
	BOOL canon = !(flags & Uri_CREATE_NO_CANONICALIZE);
	HRESULT hr;

	ZeroMemory(out, sizeof(*out));

	/* scheme: ( ALPHA / DIGIT ) *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
	 * (Windows takes "1234:" too) */
	const WCHAR *p = s;
	while (p < end && (is_alpha(*p) || is_digit(*p) || *p == '+' || *p == '-' || *p == '.'))
		p++;
	/* "c:" is a drive, not a scheme */
	BOOL relative = p == s || !(is_alpha(*s) || is_digit(*s)) || p == end || *p != ':' || p - s == 1;
	/* "*:host/path", or what Uri_CREATE_ALLOW_IMPLICIT_WILDCARD_SCHEME
	 * makes one of */
	BOOL wildcard = end - s >= 2 && s[0] == '*' && s[1] == ':';
	if (wildcard || (relative && (flags & Uri_CREATE_ALLOW_IMPLICIT_WILDCARD_SCHEME))) {
		p = wildcard ? s + 2 : s;
		/* "*://host" is "*:host"; an implicit one keeps its "//" */
		if (wildcard && end - p >= 2 && p[0] == '/' && p[1] == '/')
			p += 2;
		wildcard = TRUE;
		relative = FALSE;
	}
	if (relative && !(flags & Uri_CREATE_ALLOW_RELATIVE))
		return E_INVALIDARG;
	if (wildcard) {
		si = find_scheme(L"*", 1);
		out->scheme_type = URL_SCHEME_WILDCARD;
		put(&b, '*');
		span_set(&out->scheme, 0, 1);
		put(&b, ':');
		if (!(end - p >= 2 && p[0] == '/' && p[1] == '/')) {
			/* the host comes first, without "//" */
			const WCHAR *a_end = p;

			while (a_end < end && *a_end != '/' && *a_end != '?' && *a_end != '#')
				a_end++;
			if ((hr = parse_authority(p, (DWORD)(a_end - p), NULL, flags, &b, out)) != S_OK)
				goto fail;
			p = a_end;
		} else {
			/* "*://x": no authority, though it is there, empty */
			span_set(&out->authority, b.len, b.len);
			span_set(&out->host, b.len, b.len);
			out->host_type = Uri_HOST_UNKNOWN;
		}
	} else if (relative) {
		/* Uri_CREATE_ALLOW_RELATIVE: [//authority]path?query#fragment, the
		 * path as written */
		si = NULL;
		out->scheme_type = URL_SCHEME_UNKNOWN;
		p = s;
	} else {
		si = find_scheme(s, (DWORD)(p - s));
		out->scheme_type = si ? si->type : URL_SCHEME_UNKNOWN;
		for (const WCHAR *c = s; c < p; c++)
			put(&b, lower(*c));
		span_set(&out->scheme, 0, b.len);
		put(&b, ':');
		p++;
	}

	BOOL hierarchical = si && si->hierarchical;
	BOOL slashes = hierarchical && canon;
	BOOL is_file = out->scheme_type == URL_SCHEME_FILE;
	BOOL dos_path = FALSE;
	/* the schemes Windows knows to have no authority, and unknown ones
	 * when asked not to crack them */
	BOOL opaque = (si && !si->hierarchical) || (!si && (flags & Uri_CREATE_NO_CRACK_UNKNOWN_SCHEMES));
	BOOL script = out->scheme_type == URL_SCHEME_JAVASCRIPT || out->scheme_type == URL_SCHEME_VBSCRIPT;
	if (wildcard) {
		/* the authority, if any, is taken */
	} else if (is_file && end - p >= 4 && (p[0] == '/' || p[0] == '\\') && (p[1] == '/' || p[1] == '\\') &&
	    is_alpha(p[2]) && (p[3] == ':' || p[3] == '|')) {
		/* file://c:\dir: a drive, not a host: written file:///c:/dir */
		put_n(&b, L"//", 2);
		span_set(&out->authority, b.len, b.len);
		span_set(&out->host, b.len, b.len);
		out->host_type = Uri_HOST_UNKNOWN;
		dos_path = TRUE;
		p += 2;
	} else if (opaque) {
		/* mailto://a@b is mailto:a@b; javascript://x keeps its "//" */
		if (out->scheme_type == URL_SCHEME_MAILTO && end - p >= 2 && p[0] == '/' && p[1] == '/')
			p += 2;
		out->host_type = Uri_HOST_UNKNOWN;
		if (out->scheme_type == URL_SCHEME_RES && end - p >= 2 && p[0] == '/' && p[1] == '/') {
			/* res://c:\dir\file.exe/name: the module's path is the host,
			 * as it is, up to the first '/' */
			const WCHAR *h = p + 2, *h_end = h;

			while (h_end < end && *h_end != '/') {
				if (*h_end == '<' || *h_end == '>' || *h_end == '"') {
					hr = E_INVALIDARG;
					goto fail;
				}
				h_end++;
			}
			put_n(&b, L"//", 2);
			span_set(&out->authority, b.len, b.len + (DWORD)(h_end - h));
			span_set(&out->host, b.len, b.len + (DWORD)(h_end - h));
			put_n(&b, h, (DWORD)(h_end - h));
			p = h_end;
		}
	} else if (end - p >= 2 && (p[0] == '/' || (slashes && p[0] == '\\')) &&
	    (p[1] == '/' || (slashes && p[1] == '\\'))) {
		const WCHAR *a = p + 2, *a_end = a;

		while (a_end < end && *a_end != '/' && *a_end != '?' && *a_end != '#' &&
		       !(slashes && *a_end == '\\'))
			a_end++;
		put_n(&b, L"//", 2);
		if ((hr = parse_authority(a, (DWORD)(a_end - a), si, flags, &b, out)) != S_OK)
			goto fail;
		if (is_file && is_localhost(b.p + out->host.start, out->host.len)) {
			/* file://localhost/x is file:///x */
			b.len = out->authority.start;
			b.p[b.len] = 0;
			span_set(&out->authority, b.len, b.len);
			span_set(&out->host, b.len, b.len);
			out->host_type = Uri_HOST_UNKNOWN;
		}
		if (hierarchical && !out->host.len && out->scheme_type != URL_SCHEME_FILE) {
			hr = E_INVALIDARG;
			goto fail;
		}
		p = a_end;
	} else {
		out->host_type = Uri_HOST_UNKNOWN;
		if (si && si->default_port) {
			out->port = si->default_port;
			out->has_port = TRUE;
		}
	}

	/* a file URI's '#' is a character of its path */
	BOOL split_fragment = !(flags & Uri_CREATE_NOFRAG) && !is_file && !script;
	const WCHAR *q = p;
	while (q < end && !(*q == '?' && !script) && !(split_fragment && *q == '#'))
		q++;
	DWORD path_start = b.len;
	if (opaque && !si && canon && q - p >= 2 && p[0] == '/' && p[1] == '/')
		put_n(&b, L"/.", 2);   /* a path that would read as an authority */
	/* file:///c:/x asked for as a DOS path is file://c:\x, its escapes
	 * decoded (a DOS path given as one keeps them) */
	BOOL decode_dos = FALSE;
	if (is_file && !dos_path && (flags & Uri_CREATE_FILE_USE_DOS_PATH) && !out->host.len &&
	    q - p >= 3 && p[0] == '/' && is_alpha(p[1]) && (p[2] == ':' || p[2] == '|')) {
		p++;
		dos_path = decode_dos = TRUE;
		b.len = path_start;
	}
	if (is_file && q - p >= 2 && is_alpha(p[0]) && p[1] == '|' && dos_path) {
		if (!(flags & Uri_CREATE_FILE_USE_DOS_PATH))
			put(&b, '/');
		put(&b, p[0]);          /* c|\x is c:\x */
		put(&b, ':');
		p += 2;
	} else if (is_file && q - p >= 3 && p[0] == '/' && is_alpha(p[1]) && p[2] == '|') {
		put(&b, '/');
		put(&b, p[1]);
		put(&b, ':');
		p += 3;
	}
	if (dos_path && (flags & Uri_CREATE_FILE_USE_DOS_PATH)) {
		/* kept as a DOS path: file://c:\dir\name */
		for (const WCHAR *c = p; c < q; c++) {
			int h = decode_dos && c + 2 < q && *c == '%' ? hex_value(c[1]) : -1;
			int l = h >= 0 ? hex_value(c[2]) : -1;

			if (l >= 0) {
				put(&b, (WCHAR)(h * 16 + l));
				c += 2;
			} else {
				put(&b, *c == '/' ? '\\' : *c);
			}
		}
	} else if ((hierarchical && canon) || dos_path) {
		if (q == p || (*p != '/' && *p != '\\'))
			if (out->authority.present)
				put(&b, '/');
		put_canonical_chars(&b, p, (DWORD)(q - p), flags, TRUE, dos_path, FALSE);
		if (canon && b.len > path_start && b.p[path_start] == '/')
			remove_dot_segments(&b, path_start);
	} else if (relative && out->authority.present && q == p) {
		put(&b, '/');       /* //host is //host/ */
	} else if (wildcard && out->host.len && q == p) {
		put(&b, '/');       /* *:host is *:host/ */
	} else if (canon && out->authority.present && !relative && !wildcard) {
		/* any scheme with an authority: the path is hierarchical too,
		 * though its characters are left as they are */
		if (q == p || *p != '/')
			put(&b, '/');
		put_n(&b, p, (DWORD)(q - p));
		remove_dot_segments(&b, path_start);
	} else if (canon && out->scheme_type == URL_SCHEME_MK) {
		/* mk:@MSITStore:file.chm::/path: the path after "::" is
		 * hierarchical */
		put_canonical_chars(&b, p, (DWORD)(q - p), flags, FALSE, FALSE, FALSE);
		for (DWORD i = path_start; i + 2 < b.len; i++)
			if (b.p[i] == ':' && b.p[i + 1] == ':' && b.p[i + 2] == '/') {
				remove_dot_segments(&b, i + 2);
				break;
			}
	} else if (canon && si && !script) {
		/* news:, mailto:...: escapes and forbidden characters as in a
		 * hierarchical path, a bad escape is an error */
		put_canonical_chars(&b, p, (DWORD)(q - p), flags, FALSE, FALSE, TRUE);
	} else {
		put_n(&b, p, (DWORD)(q - p));
	}
	span_set(&out->path, path_start, b.len);
	if (b.len == path_start && !relative)
		out->path.present = FALSE;

	/* the query and fragment ("extra info") as they are, if asked */
	BOOL decode_extra = !(flags & Uri_CREATE_NO_DECODE_EXTRA_INFO);
	p = q;
	/* a file URI's query does end at '#' */
	while (q < end && !((split_fragment || (is_file && !(flags & Uri_CREATE_NOFRAG))) && *q == '#'))
		q++;
	if (p < q) {
		DWORD qs = b.len;

		put_component(&b, p, (DWORD)(q - p), flags, hierarchical && canon && decode_extra);
		span_set(&out->query, qs, b.len);
	}
	if (q < end) {
		DWORD fs = b.len;

		put_component(&b, q, (DWORD)(end - q), flags, hierarchical && canon && decode_extra);
		span_set(&out->fragment, fs, b.len);
	}
	if (b.invalid) {
		hr = E_INVALIDARG;
		goto fail;
	}
	if (!b.p) {             /* a relative URI may be empty */
		put(&b, 0);
		b.len = 0;
	}
	if (b.failed || !b.p) {
		hr = E_OUTOFMEMORY;
		goto fail;
	}
	out->canon = b.p;
	out->canon_len = b.len;
	return S_OK;
fail:
	HeapFree(GetProcessHeap(), 0, b.p);
	ZeroMemory(out, sizeof(*out));
	return hr;
}

void uri_parts_free(struct uri_parts *parts)
{
	HeapFree(GetProcessHeap(), 0, parts->canon);
	parts->canon = NULL;
}
