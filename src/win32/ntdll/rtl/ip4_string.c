/* RtlIpv4StringToAddress(Ex) and RtlIpv4AddressToString(Ex), A and W.
 * Non-strict parsing takes what inet_addr takes: 1 to 4 parts, each
 * decimal, octal (leading 0) or hexadecimal (0x), the last part filling
 * the remaining bytes; strict parsing takes exactly four decimal parts. */
#include "ip_string.h"

/* One part at *pos.  On failure *pos is where Windows reports it: the
 * decimal or octal digit that overflows 32 bits, just after a prefix
 * strict mode refuses, or the first character of an empty part (just
 * past it if a dot).  A hexadecimal part keeps its low 32 bits unless a
 * digit makes them smaller, as Windows does ("0x123456789" is
 * 35.69.103.137, "0x100000000" fails at its last digit: ntdll's rtl
 * tests). */
static BOOL ip4_part(const struct ip_text *t, BOOLEAN strict, SIZE_T *pos, ULONG *value)
{
	SIZE_T i = *pos, first;
	unsigned base = 10;
	ULONG v = 0;
	int d;

	if (ip_ch(t, i) == '0' && (ip_ch(t, i + 1) == 'x' || ip_ch(t, i + 1) == 'X')) {
		base = 16;
		i += 2;
	} else if (ip_ch(t, i) == '0' && ip_digit(ip_ch(t, i + 1), 10) >= 0) {
		base = 8;
		i += 1;
	}
	if (strict && base != 10) {
		*pos = i;
		return FALSE;
	}
	for (first = i; (d = ip_digit(ip_ch(t, i), base)) >= 0; i++) {
		if (base != 16 ? v > (0xffffffffu - (ULONG)d) / base : v * 16u + (ULONG)d < v) {
			*pos = i;
			return FALSE;
		}
		v = v * base + (ULONG)d;
	}
	if (i == first) {
		*pos = ip_ch(t, i) == '.' ? i + 1 : i;
		return FALSE;
	}
	*pos = i;
	*value = v;
	return TRUE;
}

/* The last of n parts fills the bytes the others leave. */
static BOOL ip4_assemble(const ULONG *v, int n, BYTE out[4])
{
	static const ULONG last_max[4] = { 0xffffffffu, 0xffffff, 0xffff, 0xff };
	ULONG last = v[n - 1];
	int i;

	for (i = 0; i < n - 1; i++) {
		if (v[i] > 0xff)
			return FALSE;
		out[i] = (BYTE)v[i];
	}
	if (last > last_max[n - 1])
		return FALSE;
	for (i = 3; i >= n - 1; i--, last >>= 8)
		out[i] = (BYTE)last;
	return TRUE;
}

NTSTATUS ip4_parse(const struct ip_text *t, BOOLEAN strict, SIZE_T *end, BYTE out[4])
{
	ULONG v[4];
	SIZE_T i = 0;
	int n = 0;

	for (;;) {
		if (!ip4_part(t, strict, &i, &v[n])) {
			*end = i;
			return STATUS_INVALID_PARAMETER;
		}
		n++;
		if (ip_ch(t, i) != '.')
			break;
		if (n == 4) {
			*end = i;
			return STATUS_INVALID_PARAMETER;
		}
		i++;
	}
	*end = i;
	if (strict && n != 4)
		return STATUS_INVALID_PARAMETER;
	return ip4_assemble(v, n, out) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

static NTSTATUS ip4_to_address(const void *s, BOOL wide, BOOLEAN strict, const void **term,
			       BYTE *addr)
{
	struct ip_text t = { s, wide };
	BYTE out[4];
	SIZE_T end;
	NTSTATUS status = ip4_parse(&t, strict, &end, out);

	*term = (const char *)s + end * (wide ? sizeof(WCHAR) : 1);
	if (!status)
		memcpy(addr, out, 4);
	return status;
}

RTLAPI NTSTATUS NTAPI RtlIpv4StringToAddressA(PCSTR s, BOOLEAN strict, PCSTR *term, BYTE *addr)
{
	return ip4_to_address(s, FALSE, strict, (const void **)term, addr);
}

RTLAPI NTSTATUS NTAPI RtlIpv4StringToAddressW(PCWSTR s, BOOLEAN strict, PCWSTR *term, BYTE *addr)
{
	return ip4_to_address(s, TRUE, strict, (const void **)term, addr);
}

/* The port after ':' takes the same prefixes as a non-strict part. */
static BOOL ip4_port(const struct ip_text *t, SIZE_T i, USHORT *port)
{
	unsigned base = 10;
	ULONG v;

	if (ip_ch(t, i) == '0' && (ip_ch(t, i + 1) == 'x' || ip_ch(t, i + 1) == 'X')) {
		base = 16;
		i += 2;
	} else if (ip_ch(t, i) == '0' && ip_ch(t, i + 1)) {
		base = 8;
		i += 1;
	}
	if (!ip_parse_number(t, &i, base, 1, 0xffff, &v) || ip_ch(t, i))
		return FALSE;
	*port = (USHORT)((v >> 8) | (v << 8)); /* network order */
	return TRUE;
}

/* The address is stored once it parses, even if what follows is wrong. */
static NTSTATUS ip4_to_address_ex(const void *s, BOOL wide, BOOLEAN strict, BYTE *addr,
				  USHORT *port)
{
	struct ip_text t = { s, wide };
	BYTE out[4];
	SIZE_T end;
	USHORT p = 0;

	if (!s || !addr || !port || ip4_parse(&t, strict, &end, out))
		return STATUS_INVALID_PARAMETER;
	memcpy(addr, out, 4);
	if (ip_ch(&t, end) == ':') {
		if (!ip4_port(&t, end + 1, &p))
			return STATUS_INVALID_PARAMETER;
	} else if (ip_ch(&t, end)) {
		return STATUS_INVALID_PARAMETER;
	}
	*port = p;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlIpv4StringToAddressExA(PCSTR s, BOOLEAN strict, BYTE *addr, USHORT *port)
{
	return ip4_to_address_ex(s, FALSE, strict, addr, port);
}

RTLAPI NTSTATUS NTAPI RtlIpv4StringToAddressExW(PCWSTR s, BOOLEAN strict, BYTE *addr, USHORT *port)
{
	return ip4_to_address_ex(s, TRUE, strict, addr, port);
}

static char *put_decimal(char *p, ULONG v)
{
	char tmp[10];
	int n = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		*p++ = tmp[--n];
	return p;
}

char *ip4_format(char *p, const BYTE *addr)
{
	int i;

	for (i = 0; i < 4; i++) {
		if (i)
			*p++ = '.';
		p = put_decimal(p, addr[i]);
	}
	*p = 0;
	return p;
}

char *ip_format_decimal(char *p, ULONG v)
{
	p = put_decimal(p, v);
	*p = 0;
	return p;
}

/* Windows returns buffer + length; with no buffer, the -1 of a failed
 * formatted print added to NULL. */
static void *ip4_to_string(const BYTE *addr, void *buf, BOOL wide)
{
	char text[16];
	SIZE_T n;

	if (!buf)
		return (void *)~(ULONG_PTR)0;
	n = (SIZE_T)(ip4_format(text, addr) - text);
	ip_store(text, buf, wide);
	return (char *)buf + n * (wide ? sizeof(WCHAR) : 1);
}

RTLAPI PSTR NTAPI RtlIpv4AddressToStringA(const BYTE *addr, PSTR buf)
{
	return ip4_to_string(addr, buf, FALSE);
}

RTLAPI PWSTR NTAPI RtlIpv4AddressToStringW(const BYTE *addr, PWSTR buf)
{
	return ip4_to_string(addr, buf, TRUE);
}

static NTSTATUS ip4_to_string_ex(const BYTE *addr, USHORT port, void *buf, ULONG *len, BOOL wide)
{
	char text[24], *p;

	if (!addr || !buf || !len)
		return STATUS_INVALID_PARAMETER;
	p = ip4_format(text, addr);
	if (port) {
		*p++ = ':';
		ip_format_decimal(p, (USHORT)((port >> 8) | (port << 8)));
	}
	return ip_store_counted(text, buf, len, wide);
}

RTLAPI NTSTATUS NTAPI RtlIpv4AddressToStringExA(const BYTE *addr, USHORT port, PSTR buf, ULONG *len)
{
	return ip4_to_string_ex(addr, port, buf, len, FALSE);
}

RTLAPI NTSTATUS NTAPI RtlIpv4AddressToStringExW(const BYTE *addr, USHORT port, PWSTR buf, ULONG *len)
{
	return ip4_to_string_ex(addr, port, buf, len, TRUE);
}
