/* IPv4 and IPv6 addresses as text, both ways: the strict forms of
 * inet_pton (dotted decimal; RFC 4291 section 2.2 for IPv6, "::" and a
 * trailing dotted quad) and RFC 5952's canonical IPv6 text (lower case,
 * the longest run of two or more zero groups as "::", the first if
 * tied), with IPv4-mapped addresses as ::ffff:a.b.c.d. */
#include "ws_private.h"

const struct in6_addr ws_in6_any = { { { 0 } } };
const struct in6_addr ws_in6_loopback = { { { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 } } };

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* a.b.c.d: four decimal numbers 0..255 without leading zeros; *end set to
 * what follows when end is not NULL, else the text must end there. */
static BOOL ipv4_prefix(const char *s, BYTE out[4], const char **end)
{
	for (int part = 0; part < 4; part++) {
		unsigned v = 0, digits = 0;

		if (part && *s++ != '.')
			return FALSE;
		for (; *s >= '0' && *s <= '9'; s++, digits++) {
			if ((digits && v == 0) || (v = v * 10 + (unsigned)(*s - '0')) > 255)
				return FALSE;
		}
		if (!digits)
			return FALSE;
		out[part] = (BYTE)v;
	}
	if (end)
		*end = s;
	return end || !*s;
}

BOOL ws_parse_ipv4(const char *s, struct in_addr *out)
{
	return ipv4_prefix(s, (BYTE *)&out->s_addr, NULL);
}

/* Up to 8 groups around at most one "::", the last two groups possibly a
 * dotted quad; an optional "%scope" (decimal). */
BOOL ws_parse_ipv6(const char *s, struct in6_addr *out, ULONG *scope)
{
	USHORT g[8];
	int n = 0, gap = -1;

	*scope = 0;
	if (s[0] == ':' && s[1] == ':') {
		gap = 0;
		s += 2;
	}
	while (*s && *s != '%') {
		const char *dot;
		unsigned v = 0, digits = 0;

		if (n == 8)
			return FALSE;
		for (dot = s; hexval(*dot) >= 0; dot++)
			;
		if (*dot == '.') { /* the trailing IPv4 part */
			BYTE q[4];

			if (n > 6 || !ipv4_prefix(s, q, &s) || (*s && *s != '%'))
				return FALSE;
			g[n++] = (USHORT)(q[0] << 8 | q[1]);
			g[n++] = (USHORT)(q[2] << 8 | q[3]);
			break;
		}
		for (; hexval(*s) >= 0 && digits < 4; s++, digits++)
			v = v * 16 + (unsigned)hexval(*s);
		if (!digits || hexval(*s) >= 0)
			return FALSE;
		g[n++] = (USHORT)v;
		if (s[0] == ':' && s[1] == ':' && gap < 0) {
			gap = n;
			s += 2;
		} else if (s[0] == ':' && s[1] && s[1] != ':') {
			s++;
		} else if (*s && *s != '%') {
			return FALSE;
		}
	}
	if ((gap < 0 && n != 8) || (gap >= 0 && n > 7))
		return FALSE;
	if (*s == '%') {
		ULONG v = 0;

		if (!s[1])
			return FALSE;
		for (s++; *s; s++) {
			if (*s < '0' || *s > '9' || v > 429496729)
				return FALSE;
			v = v * 10 + (ULONG)(*s - '0');
		}
		*scope = v;
	}
	memset(out, 0, sizeof(*out));
	for (int i = 0, j = 0; i < 8; i++) {
		USHORT v = 0;

		if (gap >= 0 && i >= gap && i < gap + 8 - n)
			v = 0;
		else
			v = g[j++];
		out->s6_addr[2 * i] = (BYTE)(v >> 8);
		out->s6_addr[2 * i + 1] = (BYTE)v;
	}
	return TRUE;
}

static char *put_dec(char *p, unsigned v)
{
	char tmp[4];
	int n = 0;

	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10));
	while (n)
		*p++ = tmp[--n];
	return p;
}

void ws_format_ipv4(const struct in_addr *a, char *out)
{
	const BYTE *b = (const BYTE *)&a->s_addr;

	for (int i = 0; i < 4; i++) {
		if (i)
			*out++ = '.';
		out = put_dec(out, b[i]);
	}
	*out = 0;
}

static char *put_hex(char *p, USHORT v)
{
	static const char digits[] = "0123456789abcdef";
	BOOL started = FALSE;

	for (int shift = 12; shift >= 0; shift -= 4) {
		int d = (v >> shift) & 15;

		if (d || started || !shift) {
			*p++ = digits[d];
			started = TRUE;
		}
	}
	return p;
}

/* The longest run of at least two zero groups (-1: none). */
static int zero_run(const USHORT g[8], int *len)
{
	int best = -1, best_len = 1;

	for (int i = 0; i < 8;) {
		int j = i;

		while (j < 8 && !g[j])
			j++;
		if (j - i > best_len) {
			best = i;
			best_len = j - i;
		}
		i = j > i ? j : i + 1;
	}
	*len = best_len;
	return best;
}

void ws_format_ipv6(const struct in6_addr *a, char *out)
{
	static const BYTE mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	USHORT g[8];
	int run, len;

	if (!memcmp(a->s6_addr, mapped, 12)) {
		strcpy(out, "::ffff:");
		ws_format_ipv4((const struct in_addr *)&a->s6_addr[12], out + 7);
		return;
	}
	for (int i = 0; i < 8; i++)
		g[i] = (USHORT)(a->s6_addr[2 * i] << 8 | a->s6_addr[2 * i + 1]);
	run = zero_run(g, &len);
	for (int i = 0; i < 8; i++) {
		if (i == run) {
			*out++ = ':';
			if (i == 0)
				*out++ = ':';
			i += len - 1;
			continue;
		}
		out = put_hex(out, g[i]);
		if (i < 7)
			*out++ = ':';
	}
	*out = 0;
}
