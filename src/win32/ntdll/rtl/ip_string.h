/* Shared by the RtlIpv4* and RtlIpv6* string functions: one parser and
 * one formatter serve the narrow (A) and wide (W) exports, reading either
 * kind of string through ip_ch. */
#ifndef LSW_RTL_IP_STRING_H
#define LSW_RTL_IP_STRING_H

#include "rtl_private.h"

struct ip_text {
	const void *s;
	BOOL wide;
};

static inline unsigned ip_ch(const struct ip_text *t, SIZE_T i)
{
	return t->wide ? ((const WCHAR *)t->s)[i] : ((const unsigned char *)t->s)[i];
}

static inline int ip_digit(unsigned c, unsigned base)
{
	unsigned d;

	if (c >= '0' && c <= '9')
		d = c - '0';
	else if (c >= 'a' && c <= 'f')
		d = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		d = c - 'A' + 10;
	else
		return -1;
	return d < base ? (int)d : -1;
}

/* A port or scope after an address: at least one digit in `base` (the
 * prefix already taken) from *i, value in [min, max]; *i moves past it. */
BOOL ip_parse_number(const struct ip_text *t, SIZE_T *i, unsigned base,
		     ULONG min, ULONG max, ULONG *value);

/* ip4_string.c: the non-strict/strict IPv4 parser of RtlIpv4StringToAddress;
 * returns the status, *end where parsing stopped. */
NTSTATUS ip4_parse(const struct ip_text *t, BOOLEAN strict, SIZE_T *end, BYTE out[4]);

/* ip4_string.c: a.b.c.d and a decimal number, NUL-terminated; both
 * return the end of the text. */
char *ip4_format(char *p, const BYTE *addr);
char *ip_format_decimal(char *p, ULONG v);

/* Copies the NUL-terminated ASCII text to an A or W buffer. */
void ip_store(const char *text, void *out, BOOL wide);

/* The Ex functions' length rule: *len is the buffer size in characters;
 * too small (or NULL pointers) is STATUS_INVALID_PARAMETER with the size
 * needed in *len. */
NTSTATUS ip_store_counted(const char *text, void *out, ULONG *len, BOOL wide);

#endif
