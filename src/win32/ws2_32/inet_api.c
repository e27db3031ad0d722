/* inet_addr, inet_ntoa, inet_pton / InetPtonW, inet_ntop / InetNtopW and
 * the byte order functions.  None needs WSAStartup (inet_pton and
 * inet_ntop are documented to work without it). */
#include "ws_private.h"

/* One part of a BSD address: decimal, 0 octal or 0x hex. */
static BOOL bsd_part(const char **s, ULONG *out)
{
	const char *p = *s;
	ULONG v = 0, base = 10;
	int digits = 0;

	if (p[0] == '0' && (p[1] | 0x20) == 'x') {
		base = 16;
		p += 2;
	} else if (p[0] == '0') {
		base = 8;
	}
	for (;; p++, digits++) {
		int d = *p >= '0' && *p <= '9' ? *p - '0' : ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'f')
				 ? (*p | 0x20) - 'a' + 10 : 99;

		if (d >= (int)base)
			break;
		if (v > (0xFFFFFFFFul - (ULONG)d) / base)
			return FALSE;
		v = v * base + (ULONG)d;
	}
	if (!digits && base != 8)
		return FALSE;
	*s = p;
	*out = v;
	return TRUE;
}

/* "a.b.c.d", "a.b.c" (c 16 bits), "a.b" (b 24 bits) and "a" (32 bits),
 * each part decimal, octal or hex, as inet_addr documents. */
WS_API ULONG WSAAPI inet_addr(const char *cp)
{
	ULONG part[4], v;
	int n = 0;

	if (!cp || !*cp)
		return INADDR_NONE;
	for (;;) {
		if (n == 4 || !bsd_part(&cp, &part[n++]))
			return INADDR_NONE;
		if (*cp != '.')
			break;
		cp++;
	}
	if (*cp && *cp != ' ')
		return INADDR_NONE;
	v = part[n - 1];
	for (int i = 0; i < n - 1; i++) {
		if (part[i] > 255)
			return INADDR_NONE;
		v |= part[i] << (24 - 8 * i);
	}
	if (n > 1 && part[n - 1] >= (1ul << (32 - 8 * (n - 1))))
		return INADDR_NONE;
	return htonl(v);
}

WS_API char *WSAAPI inet_ntoa(struct in_addr in)
{
	struct ws_thread *t = ws_thread_data();

	if (!t)
		return NULL;
	ws_format_ipv4(&in, t->ntoa);
	return t->ntoa;
}

/* IPv4: ntdll's strict parser (four decimal parts), which stores the
 * address once the four parts parse, even when text follows (Wine's
 * inet_pton tests: "3.4.5.6 " fails with the address written). */
WS_API INT WSAAPI inet_pton(INT family, PCSTR text, PVOID out)
{
	ULONG scope;
	PSTR end;

	if (!text || !out)
		return ws_fail(WSAEFAULT);
	if (family == AF_INET)
		return !RtlIpv4StringToAddressA(text, TRUE, &end, out) && !*end ? 1 : 0;
	if (family == AF_INET6) /* no scope in inet_pton's text */
		return ws_parse_ipv6(text, out, &scope) && !strchr(text, '%') ? 1 : 0;
	return ws_fail(WSAEAFNOSUPPORT);
}

WS_API INT WSAAPI InetPtonW(INT family, PCWSTR text, PVOID out)
{
	char *a;
	INT r;

	if (!text)
		return ws_fail(WSAEFAULT);
	if (!(a = ws_narrow(text)))
		return ws_fail(WSA_NOT_ENOUGH_MEMORY);
	r = inet_pton(family, a, out);
	ws_free(a);
	if (r == 0) /* InetPtonW says why, inet_pton does not (Wine's tests) */
		WSASetLastError(WSAEINVAL);
	return r;
}

/* The text of an address (46 bytes room), or a WSA error. */
static int address_text(INT family, const void *addr, char *text)
{
	if (!addr)
		return WSAEFAULT;
	if (family == AF_INET)
		ws_format_ipv4(addr, text);
	else if (family == AF_INET6)
		ws_format_ipv6(addr, text);
	else
		return WSAEAFNOSUPPORT;
	return 0;
}

/* Both forms: NULL with the error when the text does not fit. */
static void *ntop(INT family, const void *addr, void *out, size_t size, BOOL wide)
{
	char text[INET6_ADDRSTRLEN];
	int err = address_text(family, addr, text);

	if (!err && (!out || strlen(text) + 1 > size))
		err = ERROR_INVALID_PARAMETER;
	if (err) {
		ws_fail(err);
		return NULL;
	}
	if (wide)
		ws_widen(text, out);
	else
		strcpy(out, text);
	return out;
}

WS_API PCSTR WSAAPI inet_ntop(INT family, const VOID *addr, PSTR out, size_t size)
{
	return ntop(family, addr, out, size, FALSE);
}

WS_API PCWSTR WSAAPI InetNtopW(INT family, const VOID *addr, PWSTR out, size_t size)
{
	return ntop(family, addr, out, size, TRUE);
}

WS_API u_long WSAAPI htonl(u_long v)
{
	return __builtin_bswap32(v);
}

WS_API u_short WSAAPI htons(u_short v)
{
	return __builtin_bswap16(v);
}

WS_API u_long WSAAPI ntohl(u_long v)
{
	return __builtin_bswap32(v);
}

WS_API u_short WSAAPI ntohs(u_short v)
{
	return __builtin_bswap16(v);
}
