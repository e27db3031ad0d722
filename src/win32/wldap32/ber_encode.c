/*
 * ber_printf: encodes values into a BER element, appending across calls.
 *   t tag for the next element     b boolean   e enumerated   i integer
 *   n null   o bytes + length      s string    B bit string + bit count
 *   v char ** strings   V struct berval ** values   X bytes + length (bit string)
 *   { } a SEQUENCE      [ ] a SET
 */
#include "ber_private.h"
#include <stdarg.h>
#include <string.h>

static BOOL put(BerElement *ber, const void *data, ULONG n)
{
	if (n > 0x7FFFFFFF - ber->len)
		return FALSE;
	if (ber->len + n > ber->cap) {
		ULONG cap = ber->cap ? ber->cap : 64;
		BYTE *buf;

		while (cap < ber->len + n)
			cap *= 2;
		buf = ber->buf ? HeapReAlloc(GetProcessHeap(), 0, ber->buf, cap) : ber_mem_alloc(cap);
		if (!buf)
			return FALSE;
		ber->buf = buf;
		ber->cap = cap;
	}
	memcpy(ber->buf + ber->len, data, n);
	ber->len += n;
	return TRUE;
}

/* The tag's bytes, most significant first, without leading zero bytes;
 * an override from "t" replaces the default once. */
static BOOL put_tag(BerElement *ber, ULONG def)
{
	ULONG tag = ber->has_tag ? ber->tag : def;
	BYTE bytes[4];
	int n = 0;

	ber->has_tag = FALSE;
	for (int shift = 24; shift >= 0; shift -= 8)
		if ((tag >> shift) & 0xFF || n || !shift)
			bytes[n++] = (BYTE)(tag >> shift);
	return put(ber, bytes, n);
}

static BOOL put_length(BerElement *ber, ULONG len)
{
	BYTE bytes[5] = { 0x84, (BYTE)(len >> 24), (BYTE)(len >> 16), (BYTE)(len >> 8), (BYTE)len };

	if (len < 0x80) {
		BYTE one = (BYTE)len;

		return put(ber, &one, 1);
	}
	return put(ber, bytes, 5);
}

static BOOL put_primitive(BerElement *ber, ULONG tag, const void *data, ULONG len)
{
	return put_tag(ber, tag) && put_length(ber, len) && put(ber, data, len);
}

/* Integers and enumerations: four bytes, as Windows writes them. */
static BOOL put_int(BerElement *ber, ULONG tag, LONG v)
{
	BYTE bytes[4] = { (BYTE)(v >> 24), (BYTE)(v >> 16), (BYTE)(v >> 8), (BYTE)v };

	return put_primitive(ber, tag, bytes, 4);
}

static BOOL put_bits(BerElement *ber, const char *bits, ULONG nbits)
{
	BYTE unused = (BYTE)((8 - nbits % 8) % 8);
	ULONG bytes = (nbits + 7) / 8;

	return put_tag(ber, 0x03) && put_length(ber, bytes + 1) && put(ber, &unused, 1) && put(ber, bits, bytes);
}

static BOOL open_element(BerElement *ber, ULONG tag)
{
	static const BYTE placeholder[5] = { 0x84, 0, 0, 0, 0 };

	if (ber->depth >= BER_MAX_DEPTH || !put_tag(ber, tag))
		return FALSE;
	ber->open[ber->depth++] = ber->len;
	return put(ber, placeholder, sizeof(placeholder));
}

static BOOL close_element(BerElement *ber)
{
	ULONG at, len;

	if (!ber->depth)
		return FALSE;
	at = ber->open[--ber->depth];
	len = ber->len - at - 5;
	ber->buf[at + 1] = (BYTE)(len >> 24);
	ber->buf[at + 2] = (BYTE)(len >> 16);
	ber->buf[at + 3] = (BYTE)(len >> 8);
	ber->buf[at + 4] = (BYTE)len;
	return TRUE;
}

static BOOL put_strings(BerElement *ber, char **strings)
{
	for (; strings && *strings; strings++)
		if (!put_primitive(ber, 0x04, *strings, (ULONG)strlen(*strings)))
			return FALSE;
	return TRUE;
}

static BOOL put_bervals(BerElement *ber, struct berval **values)
{
	for (; values && *values; values++)
		if (!put_primitive(ber, 0x04, (*values)->bv_val, (*values)->bv_len))
			return FALSE;
	return TRUE;
}

static BOOL put_one(BerElement *ber, char c, va_list *ap)
{
	const char *data;

	switch (c) {
	case 't': ber->tag = va_arg(*ap, ULONG); ber->has_tag = TRUE; return TRUE;
	case 'b': { BYTE v = va_arg(*ap, int) ? 0xFF : 0; return put_primitive(ber, 0x01, &v, 1); }
	case 'e': return put_int(ber, 0x0A, va_arg(*ap, int));
	case 'i': return put_int(ber, 0x02, va_arg(*ap, int));
	case 'n': return put_primitive(ber, 0x05, NULL, 0);
	case 'o':
		data = va_arg(*ap, const char *);
		return put_primitive(ber, 0x04, data, va_arg(*ap, ULONG));
	case 's':
		data = va_arg(*ap, const char *);
		return data && put_primitive(ber, 0x04, data, (ULONG)strlen(data));
	case 'B':
	case 'X':
		data = va_arg(*ap, const char *);
		return put_bits(ber, data, c == 'B' ? va_arg(*ap, ULONG) : 8 * va_arg(*ap, ULONG));
	case 'v': return put_strings(ber, va_arg(*ap, char **));
	case 'V': return put_bervals(ber, va_arg(*ap, struct berval **));
	case '{': return open_element(ber, 0x30);
	case '[': return open_element(ber, 0x31);
	case '}':
	case ']': return close_element(ber);
	default: return FALSE;
	}
}

/* 0, or -1 on an unknown format character or when memory ran out. */
INT CDECL ber_printf(BerElement *ber, PSTR fmt, ...)
{
	va_list ap;
	BOOL ok;

	va_start(ap, fmt);
	ok = ber_walk_format(ber, fmt, &ap, put_one);
	va_end(ap);
	return ok ? 0 : -1;
}
