/* ParseNetworkString: an IPv4 or IPv6 address, service (address and
 * port) or network (address and prefix length) in its strict textual
 * form: dotted decimal IPv4, RFC 4291 IPv6 (with "::" and an optional
 * "%scope"), "[v6]:port".  Named addresses and services (DNS names) are
 * not taken here. */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windns.h>
#include "iphlp_private.h"

/* A decimal number of at most max (five digits at most). */
static const WCHAR *decimal(const WCHAR *s, ULONG max, ULONG *v)
{
	const WCHAR *start = s;

	*v = 0;
	while (*s >= '0' && *s <= '9' && s - start < 6) {
		*v = *v * 10 + (ULONG)(*s - '0');
		s++;
	}
	return s > start && *v <= max ? s : NULL;
}

static const WCHAR *ipv4(const WCHAR *s, IN_ADDR *a)
{
	ULONG part;

	for (int i = 0; i < 4; i++) {
		if (i && *s++ != '.')
			return NULL;
		if (!(s = decimal(s, 255, &part)))
			return NULL;
		((UCHAR *)a)[i] = (UCHAR)part;
	}
	return s;
}

static int hex_digit(WCHAR c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Up to eight groups of hex digits, "::" once for the zero run. */
static const WCHAR *ipv6(const WCHAR *s, IN6_ADDR *a)
{
	USHORT groups[8];
	int n = 0, gap = -1;

	if (s[0] == ':' && s[1] == ':') {
		gap = 0;
		s += 2;
	}
	while (n < 8 && hex_digit(*s) >= 0) {
		int len = 0, v = 0;

		while (len < 4 && hex_digit(*s) >= 0)
			v = v * 16 + hex_digit(*s++), len++;
		if (hex_digit(*s) >= 0)
			return NULL;
		groups[n++] = (USHORT)v;
		if (s[0] == ':' && s[1] == ':' && gap < 0) {
			gap = n;
			s += 2;
		} else if (s[0] == ':' && hex_digit(s[1]) >= 0) {
			s++;
		} else {
			break;
		}
	}
	if ((gap < 0 && n != 8) || (gap >= 0 && n > 7))
		return NULL;
	memset(a, 0, sizeof(*a));
	for (int i = 0; i < n; i++) {
		int at = gap >= 0 && i >= gap ? 8 - (n - i) : i;

		a->u.Byte[2 * at] = (UCHAR)(groups[i] >> 8);
		a->u.Byte[2 * at + 1] = (UCHAR)groups[i];
	}
	return s;
}

struct parsed {
	NET_ADDRESS_FORMAT format;
	IN_ADDR v4;
	IN6_ADDR v6;
	ULONG scope, port, prefix;
};

/* The form of the types given that the whole string has, into p. */
static BOOL parse_v4(const WCHAR *s, DWORD types, struct parsed *p)
{
	const WCHAR *e = ipv4(s, &p->v4);

	if (!e)
		return FALSE;
	p->format = NET_ADDRESS_IPV4;
	if (!*e)
		return (types & NET_STRING_IPV4_ADDRESS) != 0;
	if (*e == ':' && (types & NET_STRING_IPV4_SERVICE))
		return (e = decimal(e + 1, 65535, &p->port)) && !*e && p->port;
	if (*e == '/' && (types & NET_STRING_IPV4_NETWORK))
		return (e = decimal(e + 1, 32, &p->prefix)) && !*e;
	return FALSE;
}

static BOOL parse_v6(const WCHAR *s, DWORD types, struct parsed *p)
{
	BOOL bracket = *s == '[';
	const WCHAR *e = ipv6(s + bracket, &p->v6);

	p->format = NET_ADDRESS_IPV6;
	if (e && *e == '%' && (types & (NET_STRING_IPV6_ADDRESS | NET_STRING_IPV6_SERVICE)))
		e = decimal(e + 1, 0xFFFFFFFF, &p->scope);
	if (!e)
		return FALSE;
	if (bracket)
		return *e == ']' && e[1] == ':' &&
		       (types & (p->scope ? NET_STRING_IPV6_SERVICE : NET_STRING_IPV6_SERVICE |
							       NET_STRING_IPV6_SERVICE_NO_SCOPE)) &&
		       (e = decimal(e + 2, 65535, &p->port)) && !*e && p->port;
	if (!*e)
		return (types & (p->scope ? NET_STRING_IPV6_ADDRESS : NET_STRING_IPV6_ADDRESS |
							     NET_STRING_IPV6_ADDRESS_NO_SCOPE)) != 0;
	if (*e == '/' && !p->scope && (types & NET_STRING_IPV6_NETWORK))
		return (e = decimal(e + 1, 128, &p->prefix)) && !*e;
	return FALSE;
}

static void fill_info(const struct parsed *p, NET_ADDRESS_INFO *info)
{
	memset(info, 0, sizeof(*info));
	info->Format = p->format;
	if (p->format == NET_ADDRESS_IPV4) {
		info->Ipv4Address.sin_family = AF_INET;
		info->Ipv4Address.sin_addr = p->v4;
		info->Ipv4Address.sin_port = (USHORT)(p->port >> 8 | (p->port & 0xff) << 8);
	} else {
		info->Ipv6Address.sin6_family = AF_INET6;
		info->Ipv6Address.sin6_addr = p->v6;
		info->Ipv6Address.sin6_scope_id = p->scope;
		info->Ipv6Address.sin6_port = (USHORT)(p->port >> 8 | (p->port & 0xff) << 8);
	}
}

/* The outputs are written only on success; no prefix is 255. */
IPH_API DWORD WINAPI ParseNetworkString(const WCHAR *s, DWORD types, NET_ADDRESS_INFO *info,
					USHORT *port, BYTE *prefix_len)
{
	struct parsed p = { .prefix = 255 };

	if (!s)
		return ERROR_INVALID_PARAMETER;
	if (!parse_v4(s, types, &p)) {
		p = (struct parsed){ .prefix = 255 };
		if (!parse_v6(s, types, &p))
			return ERROR_INVALID_PARAMETER;
	}
	if (info)
		fill_info(&p, info);
	if (port)
		*port = (USHORT)p.port;
	if (prefix_len)
		*prefix_len = (BYTE)p.prefix;
	return ERROR_SUCCESS;
}
