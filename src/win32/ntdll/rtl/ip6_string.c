/* RtlIpv6StringToAddress(Ex) and RtlIpv6AddressToString(Ex), A and W.
 *
 * Parsing follows what Windows does, including what a caller can see
 * when it fails: groups followed by a separator are stored as they are
 * read (the address is only completed on success), the terminator is not
 * set for a bad group in the middle, and the group after "::" or in the
 * last place is read as a number that may carry a 0x prefix. */
#include "ip_string.h"

#define IP6_WORDS 8

struct ip6_parse {
	const struct ip_text *t;
	BYTE *addr;                /* the caller's, written as groups are read */
	USHORT words[IP6_WORDS];
	int n;                     /* groups read */
	int ellipsis;              /* where "::" stands among them, or -1 */
	SIZE_T end;                /* the terminator, when end_set */
	BOOL end_set;
};

static void ip6_store_word(struct ip6_parse *p, USHORT w, BOOL visible)
{
	if (visible) {
		p->addr[2 * p->n] = (BYTE)(w >> 8);
		p->addr[2 * p->n + 1] = (BYTE)w;
	}
	p->words[p->n++] = w;
}

/* A group's value as a C library hex conversion reads it: an optional 0x,
 * saturating at the largest LONG, cut to 16 bits. */
static USHORT ip6_group_value(const struct ip_text *t, SIZE_T i)
{
	ULONGLONG v = 0;
	int d;

	if (ip_ch(t, i) == '0' && (ip_ch(t, i + 1) | 0x20) == 'x' && ip_digit(ip_ch(t, i + 2), 16) >= 0)
		i += 2;
	for (; (d = ip_digit(ip_ch(t, i), 16)) >= 0; i++) {
		v = v * 16 + (ULONG)d;
		if (v > 0x7fffffff)
			v = 0x7fffffff;
	}
	return (USHORT)v;
}

static BOOL ip6_fail(struct ip6_parse *p, SIZE_T end, BOOL end_set)
{
	p->end = end;
	p->end_set = end_set;
	return FALSE;
}

/* A dotted IPv4 tail at *i: four decimal parts of up to three digits. */
static BOOL ip6_ipv4_tail(struct ip6_parse *p, SIZE_T *pos)
{
	BYTE *dst = p->addr + 2 * p->n, v4[4];
	SIZE_T i = *pos, q;
	int k;

	for (k = 0; k < 4; k++, i = q + 1) {
		ULONG v = 0;
		BOOL last;

		for (q = i; ip_digit(ip_ch(p->t, q), 10) >= 0 && q - i <= 3; q++)
			v = v * 10 + (ip_ch(p->t, q) - '0');
		while (ip_digit(ip_ch(p->t, q), 10) >= 0)
			q++;
		if (q == i)
			return ip6_fail(p, i, TRUE);
		last = k == 3 || ip_ch(p->t, q) != '.';
		if (q - i > 3 || v > 255)
			return ip6_fail(p, q, last);
		if (last && k < 3)
			return ip6_fail(p, q, TRUE);
		v4[k] = (BYTE)v;
		if (!last)
			dst[k] = (BYTE)v;
	}
	*pos = q;
	ip6_store_word(p, (USHORT)(v4[0] << 8 | v4[1]), FALSE);
	ip6_store_word(p, (USHORT)(v4[2] << 8 | v4[3]), FALSE);
	return TRUE;
}

/* What may come after a group: nothing, a group (after ':'), or a group
 * or the end (after "::"). */
enum ip6_next { IP6_DONE, IP6_GROUP, IP6_GROUP_OR_END };

/* One group at *pos; FALSE on a syntax error. */
static BOOL ip6_group(struct ip6_parse *p, SIZE_T *pos, enum ip6_next *next)
{
	int room = IP6_WORDS - (p->ellipsis >= 0);
	SIZE_T i = *pos, j = i;
	BOOL decimal = TRUE, go_on;
	unsigned c;

	for (; ip_digit(ip_ch(p->t, j), 16) >= 0; j++)
		decimal &= ip_digit(ip_ch(p->t, j), 10) >= 0;
	if (j == i) {
		if (*next != IP6_GROUP_OR_END)
			return ip6_fail(p, i, TRUE);
		*next = IP6_DONE;
		return TRUE;
	}
	*next = IP6_DONE;
	c = ip_ch(p->t, j);
	if (c == '.' && decimal && p->n + 2 <= room)
		return ip6_ipv4_tail(p, pos);
	go_on = c == ':' && p->n + 1 < room;
	if (j - i > 4)
		return ip6_fail(p, j, !go_on || p->ellipsis >= 0);
	ip6_store_word(p, ip6_group_value(p->t, i), go_on);
	*pos = j;
	if (!go_on)
		return TRUE;
	if (ip_ch(p->t, j + 1) != ':') {
		*pos = j + 1;
		*next = IP6_GROUP;
	} else if (p->ellipsis < 0) {
		p->ellipsis = p->n;
		*pos = j + 2;
		*next = IP6_GROUP_OR_END;
	} /* else a second "::" ends the address */
	return TRUE;
}

static void ip6_complete(struct ip6_parse *p)
{
	int zeros = IP6_WORDS - p->n, k, src = 0;

	for (k = 0; k < IP6_WORDS; k++) {
		USHORT w = 0;

		if (k < p->ellipsis || k >= p->ellipsis + zeros || p->ellipsis < 0)
			w = p->words[src++];
		p->addr[2 * k] = (BYTE)(w >> 8);
		p->addr[2 * k + 1] = (BYTE)w;
	}
}

static NTSTATUS ip6_parse(const struct ip_text *t, BYTE *addr, SIZE_T *end, BOOL *end_set)
{
	struct ip6_parse p = { .t = t, .addr = addr, .ellipsis = -1 };
	enum ip6_next next = IP6_GROUP;
	SIZE_T i = 0;

	if (ip_ch(t, 0) == ':') {
		if (ip_ch(t, 1) != ':') {
			*end = 0;
			*end_set = TRUE;
			return STATUS_INVALID_PARAMETER;
		}
		ip6_store_word(&p, 0, TRUE);
		p.ellipsis = 1;
		i = 2;
		next = IP6_GROUP_OR_END;
	}
	while (next != IP6_DONE && p.n < IP6_WORDS - (p.ellipsis >= 0)) {
		if (!ip6_group(&p, &i, &next)) {
			*end = p.end;
			*end_set = p.end_set;
			return STATUS_INVALID_PARAMETER;
		}
	}
	*end = i;
	*end_set = TRUE;
	if (p.ellipsis < 0 && p.n < IP6_WORDS)
		return STATUS_INVALID_PARAMETER;
	ip6_complete(&p);
	return STATUS_SUCCESS;
}

static NTSTATUS ip6_to_address(const void *s, BOOL wide, const void **term, BYTE *addr)
{
	struct ip_text t = { s, wide };
	SIZE_T end;
	BOOL end_set;
	NTSTATUS status = ip6_parse(&t, addr, &end, &end_set);

	if (end_set)
		*term = (const char *)s + end * (wide ? sizeof(WCHAR) : 1);
	return status;
}

RTLAPI NTSTATUS NTAPI RtlIpv6StringToAddressA(PCSTR s, PCSTR *term, BYTE *addr)
{
	return ip6_to_address(s, FALSE, (const void **)term, addr);
}

RTLAPI NTSTATUS NTAPI RtlIpv6StringToAddressW(PCWSTR s, PCWSTR *term, BYTE *addr)
{
	return ip6_to_address(s, TRUE, (const void **)term, addr);
}

/* After the address: [%scope] and, inside brackets, ]:port.  A port is
 * decimal (no leading zero) or 0x hexadecimal. */
static BOOL ip6_scope_port(const struct ip_text *t, SIZE_T i, BOOL bracket, ULONG *scope,
			   USHORT *port)
{
	ULONG s = 0, v = 0;

	if (ip_ch(t, i) == '%') {
		i++;
		if (!ip_parse_number(t, &i, 10, 0, 0xffffffffu, &s))
			return FALSE;
	}
	if (bracket) {
		if (ip_ch(t, i++) != ']')
			return FALSE;
		if (ip_ch(t, i) == ':') {
			unsigned base = 10;

			i++;
			if (ip_ch(t, i) == '0' && (ip_ch(t, i + 1) | 0x20) == 'x')
				base = 16, i += 2;
			else if (ip_ch(t, i) == '0')
				return FALSE;
			if (!ip_parse_number(t, &i, base, 1, 0xffff, &v))
				return FALSE;
		}
	}
	if (ip_ch(t, i))
		return FALSE;
	*scope = s;
	*port = (USHORT)((v >> 8) | (v << 8));
	return TRUE;
}

static NTSTATUS ip6_to_address_ex(const void *s, BOOL wide, BYTE *addr, ULONG *scope, USHORT *port)
{
	struct ip_text t = { s, wide };
	BOOL bracket, end_set;
	SIZE_T end;

	if (!s || !addr || !scope || !port)
		return STATUS_INVALID_PARAMETER;
	bracket = ip_ch(&t, 0) == '[';
	if (bracket)
		t.s = (const char *)s + (wide ? sizeof(WCHAR) : 1);
	if (ip6_parse(&t, addr, &end, &end_set))
		return STATUS_INVALID_PARAMETER;
	return ip6_scope_port(&t, end, bracket, scope, port) ? STATUS_SUCCESS
							    : STATUS_INVALID_PARAMETER;
}

RTLAPI NTSTATUS NTAPI RtlIpv6StringToAddressExA(PCSTR s, BYTE *addr, ULONG *scope, USHORT *port)
{
	return ip6_to_address_ex(s, FALSE, addr, scope, port);
}

RTLAPI NTSTATUS NTAPI RtlIpv6StringToAddressExW(PCWSTR s, BYTE *addr, ULONG *scope, USHORT *port)
{
	return ip6_to_address_ex(s, TRUE, addr, scope, port);
}

static char *put_hex(char *p, unsigned v)
{
	static const char digits[] = "0123456789abcdef";
	int shift = 12;

	while (shift > 0 && !(v >> shift))
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		*p++ = digits[(v >> shift) & 15];
	return p;
}

/* Addresses that carry an IPv4 address in their last 32 bits print it
 * dotted: IPv4-mapped and -compatible and SIIT (when the IPv4 address is
 * not below 0.1.0.0), and ISATAP. */
static BOOL ip6_has_ipv4_tail(const USHORT *w)
{
	BOOL zero4 = !(w[0] | w[1] | w[2] | w[3]);

	if (w[5] == 0x5efe && (w[4] == 0 || w[4] == 0x0200))
		return TRUE;
	if (!zero4 || !w[6])
		return FALSE;
	return (!w[4] && (!w[5] || w[5] == 0xffff)) || (w[4] == 0xffff && !w[5]);
}

/* Groups as hex, the first longest run of two or more zero groups as "::". */
static char *ip6_format(char *p, const BYTE *a)
{
	USHORT w[IP6_WORDS];
	int k, groups, run = -1, run_len = 1;

	for (k = 0; k < IP6_WORDS; k++)
		w[k] = (USHORT)(a[2 * k] << 8 | a[2 * k + 1]);
	groups = ip6_has_ipv4_tail(w) ? 6 : IP6_WORDS;
	for (k = 0; k < groups; k++) {
		int len = 0;

		while (k + len < groups && !w[k + len])
			len++;
		if (len > run_len)
			run = k, run_len = len;
	}
	for (k = 0; k < groups;) {
		if (k == run) {
			*p++ = ':', *p++ = ':';
			k += run_len;
			continue;
		}
		if (k && k != run + run_len)
			*p++ = ':';
		p = put_hex(p, w[k++]);
	}
	if (groups == 6) {
		if (run + run_len != 6)
			*p++ = ':';
		return ip4_format(p, a + 12);
	}
	*p = 0;
	return p;
}

/* As Windows, the character at INET6_ADDRSTRLEN - 1 is always set to 0. */
static void *ip6_to_string(const BYTE *addr, void *buf, BOOL wide)
{
	char text[64];
	SIZE_T n;

	if (!buf)
		return (void *)~(ULONG_PTR)0;
	n = (SIZE_T)(ip6_format(text, addr) - text);
	ip_store(text, buf, wide);
	if (wide)
		((WCHAR *)buf)[45] = 0;
	else
		((char *)buf)[45] = 0;
	return (char *)buf + n * (wide ? sizeof(WCHAR) : 1);
}

RTLAPI PSTR NTAPI RtlIpv6AddressToStringA(const BYTE *addr, PSTR buf)
{
	return ip6_to_string(addr, buf, FALSE);
}

RTLAPI PWSTR NTAPI RtlIpv6AddressToStringW(const BYTE *addr, PWSTR buf)
{
	return ip6_to_string(addr, buf, TRUE);
}

static NTSTATUS ip6_to_string_ex(const BYTE *addr, ULONG scope, USHORT port, void *buf,
				 ULONG *len, BOOL wide)
{
	char text[80], *p = text;

	if (!addr || !buf || !len)
		return STATUS_INVALID_PARAMETER;
	if (port)
		*p++ = '[';
	p = ip6_format(p, addr);
	if (scope) {
		*p++ = '%';
		p = ip_format_decimal(p, scope);
	}
	if (port) {
		*p++ = ']', *p++ = ':';
		ip_format_decimal(p, (USHORT)((port >> 8) | (port << 8)));
	}
	return ip_store_counted(text, buf, len, wide);
}

RTLAPI NTSTATUS NTAPI RtlIpv6AddressToStringExA(const BYTE *addr, ULONG scope, USHORT port,
						PSTR buf, ULONG *len)
{
	return ip6_to_string_ex(addr, scope, port, buf, len, FALSE);
}

RTLAPI NTSTATUS NTAPI RtlIpv6AddressToStringExW(const BYTE *addr, ULONG scope, USHORT port,
						PWSTR buf, ULONG *len)
{
	return ip6_to_string_ex(addr, scope, port, buf, len, TRUE);
}
