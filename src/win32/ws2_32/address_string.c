/* WSAStringToAddressA/W and WSAAddressToStringA/W: socket addresses as
 * "1.2.3.4:80", "[fe80::1%4]:80", "::1" (a port only when not zero). */
#include "ws_private.h"

/* An IPv4 text as inet_addr takes it (1 to 4 parts, octal and hex), with
 * ":port" in the same bases: ntdll's non-strict parser.  It stores the
 * address once that parses, even when what follows is wrong; Windows
 * gives that address back with the error and no family (Wine's
 * WSAStringToAddress tests). */
static int parse_ipv4(const char *s, struct sockaddr_in *out)
{
	memset(out, 0, sizeof(*out));
	if (RtlIpv4StringToAddressExA(s, FALSE, &out->sin_addr, &out->sin_port))
		return WSAEINVAL;
	out->sin_family = AF_INET;
	return 0;
}

/* "v6", "[v6]" or "[v6]:port" into a sockaddr. */
static int parse_address(const char *s, int family, struct sockaddr_in6 *out, int *len)
{
	char host[64];
	const char *port_text = NULL, *end;
	ULONG port = 0, scope;

	memset(out, 0, sizeof(*out));
	if (family == AF_INET6 && s[0] == '[') {
		if (!(end = strchr(s, ']')) || end - s - 1 >= (int)sizeof(host))
			return WSAEINVAL;
		memcpy(host, s + 1, (size_t)(end - s - 1));
		host[end - s - 1] = 0;
		if (end[1] == ':')
			port_text = end + 2;
		else if (end[1])
			return WSAEINVAL;
	} else {
		if (strlen(s) >= sizeof(host))
			return WSAEINVAL;
		strcpy(host, s);
	}
	if (port_text) {
		if (!*port_text)
			return WSAEINVAL;
		for (; *port_text; port_text++)
			if (*port_text < '0' || *port_text > '9' || (port = port * 10 + (ULONG)(*port_text - '0')) > 65535)
				return WSAEINVAL;
		if (!port) /* a port given must not be 0 (Wine's ws2_32 tests of Windows) */
			return WSAEINVAL;
	}
	if (family != AF_INET6)
		return WSAEINVAL;
	if (!ws_parse_ipv6(host, &out->sin6_addr, &scope))
		return WSAEINVAL;
	out->sin6_family = AF_INET6;
	out->sin6_port = htons((USHORT)port);
	out->sin6_scope_id = scope;
	*len = sizeof(*out);
	return 0;
}

WS_API INT WSAAPI WSAStringToAddressA(LPSTR text, INT family, LPWSAPROTOCOL_INFOA info,
				      LPSOCKADDR addr, LPINT addr_len)
{
	struct sockaddr_in6 sa;
	int need = sizeof(struct sockaddr_in), err;

	if ((err = ws_not_started()))
		return ws_fail(err);
	if (!text || !addr || !addr_len)
		return ws_fail(WSAEFAULT);
	if (family == AF_INET && (err = parse_ipv4(text, (struct sockaddr_in *)&sa))) {
		if (*addr_len >= need) /* the address that parsed, no family */
			memcpy(addr, &sa, (size_t)need);
		return ws_fail(err);
	}
	if (family != AF_INET && (err = parse_address(text, family, &sa, &need))) {
		/* Windows clears the address it could not fill (Wine's tests) */
		need = sizeof(struct sockaddr_in6);
		if (*addr_len >= need && family == AF_INET6)
			memset(addr, 0, (size_t)need);
		return ws_fail(err);
	}
	if (*addr_len < need) {
		*addr_len = need;
		return ws_fail(WSAEFAULT);
	}
	memcpy(addr, &sa, (size_t)need);
	*addr_len = need;
	return 0;
}

WS_API INT WSAAPI WSAStringToAddressW(LPWSTR text, INT family, LPWSAPROTOCOL_INFOW info,
				      LPSOCKADDR addr, LPINT addr_len)
{
	char *a = ws_narrow(text);
	int r;

	if (text && !a)
		return ws_fail(WSA_NOT_ENOUGH_MEMORY);
	r = WSAStringToAddressA(a, family, NULL, addr, addr_len);
	ws_free(a);
	return r;
}

/* The text of a socket address (64 bytes room), or a WSA error. */
static int address_text(const SOCKADDR *sa, DWORD len, char *out)
{
	USHORT port;

	if (!sa)
		return WSAEFAULT;
	if (sa->sa_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
		const struct sockaddr_in *s4 = (const struct sockaddr_in *)sa;

		ws_format_ipv4(&s4->sin_addr, out);
		port = s4->sin_port;
	} else if (sa->sa_family == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
		const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)sa;
		char *p = out;

		port = s6->sin6_port;
		if (port)
			*p++ = '[';
		ws_format_ipv6(&s6->sin6_addr, p);
		p += strlen(p);
		if (s6->sin6_scope_id) {
			*p++ = '%';
			_ultoa(s6->sin6_scope_id, p, 10);
			p += strlen(p);
		}
		if (port)
			strcpy(p, "]");
	} else {
		return WSAEINVAL;
	}
	if (port) {
		strcat(out, ":");
		_ultoa(ntohs(port), out + strlen(out), 10);
	}
	return 0;
}

/* Both forms: the length asked and given counts characters with the NUL. */
static int address_to_string(const SOCKADDR *sa, DWORD len, char *out_a, WCHAR *out_w,
			     DWORD *out_len)
{
	char text[64];
	DWORD need;
	int err;

	if ((err = ws_not_started()))
		return ws_fail(err);
	if (!out_len)
		return ws_fail(WSAEFAULT);
	if ((err = address_text(sa, len, text)))
		return ws_fail(err);
	need = (DWORD)strlen(text) + 1;
	if (*out_len < need || (!out_a && !out_w)) {
		*out_len = need;
		return ws_fail(WSAEFAULT);
	}
	if (out_a)
		strcpy(out_a, text);
	else
		ws_widen(text, out_w);
	*out_len = need;
	return 0;
}

WS_API INT WSAAPI WSAAddressToStringA(LPSOCKADDR sa, DWORD len, LPWSAPROTOCOL_INFOA info,
				      LPSTR out, LPDWORD out_len)
{
	return address_to_string(sa, len, out, NULL, out_len);
}

WS_API INT WSAAPI WSAAddressToStringW(LPSOCKADDR sa, DWORD len, LPWSAPROTOCOL_INFOW info,
				      LPWSTR out, LPDWORD out_len)
{
	return address_to_string(sa, len, NULL, out, out_len);
}
