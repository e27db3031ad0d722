/*
 * Decoding a BER element made by ber_init: ber_peek_tag, ber_skip_tag,
 * ber_first_element/ber_next_element over a constructed element's
 * contents, and ber_scanf:
 *   a char ** (allocated)   O struct berval ** (allocated)   o struct berval *
 *   b e i ber_int_t *       n null   t ber_tag_t * (the next tag, not consumed)
 *   l ber_len_t * (the next length, not consumed)   x skip an element
 *   v char *** (allocated)  V struct berval *** (allocated)   B char **, ber_len_t * bits
 *   { } [ ] into and out of a SEQUENCE or SET
 * Every length is checked against the element that holds it: the bytes
 * come from the network, the decoder trusts none of them.
 */
#include "ber_private.h"
#include <stdarg.h>
#include <string.h>

/* The element's end: the innermost open one, or the data's. */
static ULONG limit(BerElement *ber)
{
	return ber->depth ? ber->open[ber->depth - 1] : ber->len;
}

/* Reads the tag and length at *pos; LBER_DEFAULT at the end or on a
 * malformed or overlong header. */
static ULONG read_header(BerElement *ber, ULONG *pos, ULONG *len)
{
	ULONG end = limit(ber), p = *pos, tag, n;

	if (p >= end)
		return LBER_DEFAULT;
	tag = ber->buf[p++];
	if ((tag & 0x1F) == 0x1F) {
		do {
			if (p >= end || tag > 0xFFFFFF)
				return LBER_DEFAULT;
			tag = (tag << 8) | ber->buf[p];
		} while (ber->buf[p++] & 0x80);
	}
	if (p >= end)
		return LBER_DEFAULT;
	n = ber->buf[p++];
	if (n & 0x80) {
		ULONG bytes = n & 0x7F;

		if (!bytes || bytes > 4 || end - p < bytes)
			return LBER_DEFAULT;
		for (n = 0; bytes--; )
			n = (n << 8) | ber->buf[p++];
	}
	if (n > end - p)
		return LBER_DEFAULT;
	*pos = p;
	*len = n;
	return tag;
}

ULONG CDECL ber_peek_tag(BerElement *ber, ULONG *len)
{
	ULONG pos, n = 0, tag;

	if (!ber || !len)
		return LBER_DEFAULT;
	pos = ber->pos;
	tag = read_header(ber, &pos, &n);
	*len = n;
	return tag;
}

ULONG CDECL ber_skip_tag(BerElement *ber, ULONG *len)
{
	ULONG n = 0, tag;

	if (!ber || !len)
		return LBER_DEFAULT;
	tag = read_header(ber, &ber->pos, &n);
	*len = n;
	return tag;
}

/* The first element inside the constructed one at the current position;
 * *cookie remembers where that one ends, for ber_next_element. */
ULONG CDECL ber_first_element(BerElement *ber, ULONG *len, CHAR **cookie)
{
	if (!ber || !len || !cookie || ber_skip_tag(ber, len) == LBER_DEFAULT)
		return LBER_DEFAULT;
	*cookie = (CHAR *)(ber->buf + ber->pos + *len);
	return ber_peek_tag(ber, len);
}

ULONG CDECL ber_next_element(BerElement *ber, ULONG *len, CHAR *cookie)
{
	if (!ber || !len || (BYTE *)cookie <= ber->buf + ber->pos)
		return LBER_DEFAULT;
	return ber_peek_tag(ber, len);
}

/* The contents of the next element, which must be primitive. */
static const BYTE *take(BerElement *ber, ULONG *len, ULONG *tag)
{
	ULONG t = read_header(ber, &ber->pos, len);
	const BYTE *data;

	if (t == LBER_DEFAULT)
		return NULL;
	if (tag)
		*tag = t;
	data = ber->buf + ber->pos;
	ber->pos += *len;
	return data;
}

static BOOL take_int(BerElement *ber, int *out)
{
	ULONG len;
	const BYTE *p = take(ber, &len, NULL);
	LONG v;

	if (!p || !len || len > 4)
		return FALSE;
	v = (signed char)p[0];
	for (ULONG i = 1; i < len; i++)
		v = (LONG)(((ULONG)v << 8) | p[i]);
	*out = v;
	return TRUE;
}

static char *take_string(BerElement *ber)
{
	ULONG len;
	const BYTE *p = take(ber, &len, NULL);
	char *s;

	if (!p || !(s = ber_mem_alloc((SIZE_T)len + 1)))
		return NULL;
	memcpy(s, p, len);
	return s;
}

static struct berval *take_berval(BerElement *ber)
{
	ULONG len;
	const BYTE *p = take(ber, &len, NULL);

	return p ? ber_new_berval(p, len) : NULL;
}

/* The elements up to the end of the enclosing one, as a NULL-ended array. */
static void **take_all(BerElement *ber, BOOL as_bervals)
{
	ULONG count = 0, pos = ber->pos, len;
	void **array;

	while (read_header(ber, &pos, &len) != LBER_DEFAULT) {
		pos += len;
		count++;
	}
	if (!(array = ber_mem_alloc(((SIZE_T)count + 1) * sizeof(void *))))
		return NULL;
	for (ULONG i = 0; i < count; i++) {
		array[i] = as_bervals ? (void *)take_berval(ber) : (void *)take_string(ber);
		if (!array[i]) {
			while (i--)
				ber_mem_free(array[i]);
			ber_mem_free(array);
			return NULL;
		}
	}
	return array;
}

static BOOL enter(BerElement *ber)
{
	ULONG len;

	if (ber->depth >= BER_MAX_DEPTH || read_header(ber, &ber->pos, &len) == LBER_DEFAULT)
		return FALSE;
	ber->open[ber->depth++] = ber->pos + len;
	return TRUE;
}

/* Leaves the element, skipping what was not read of it. */
static BOOL leave(BerElement *ber)
{
	if (!ber->depth)
		return FALSE;
	ber->pos = ber->open[--ber->depth];
	return TRUE;
}

static BOOL take_bits(BerElement *ber, char **bits, ULONG *nbits)
{
	ULONG len;
	const BYTE *p = take(ber, &len, NULL);

	if (!p || !len || p[0] > 7 || !(*bits = ber_mem_alloc(len)))
		return FALSE;
	memcpy(*bits, p + 1, len - 1);
	*nbits = (len - 1) * 8 - p[0];
	return TRUE;
}

/* "o": the bytes in memory the caller frees with ldap_memfree. */
static BOOL take_into(BerElement *ber, struct berval *bv)
{
	ULONG len;
	const BYTE *p = take(ber, &len, NULL);

	if (!p || !(bv->bv_val = ber_mem_alloc((SIZE_T)len + 1)))
		return FALSE;
	memcpy(bv->bv_val, p, len);
	bv->bv_len = len;
	return TRUE;
}

static BOOL scan_one(BerElement *ber, char c, va_list *ap)
{
	ULONG len;

	switch (c) {
	case 'a': return (*va_arg(*ap, char **) = take_string(ber)) != NULL;
	case 'O': return (*va_arg(*ap, struct berval **) = take_berval(ber)) != NULL;
	case 'o': return take_into(ber, va_arg(*ap, struct berval *));
	case 'b': case 'e': case 'i': return take_int(ber, va_arg(*ap, int *));
	case 'n': return take(ber, &len, NULL) && !len;
	case 't': return (*va_arg(*ap, ULONG *) = ber_peek_tag(ber, &len)) != LBER_DEFAULT;
	case 'l': return ber_peek_tag(ber, va_arg(*ap, ULONG *)) != LBER_DEFAULT;
	case 'x': return take(ber, &len, NULL) != NULL;
	case 'v': return (*va_arg(*ap, char ***) = (char **)take_all(ber, FALSE)) != NULL;
	case 'V': return (*va_arg(*ap, struct berval ***) = (struct berval **)take_all(ber, TRUE)) != NULL;
	case 'B': {
		char **bits = va_arg(*ap, char **);

		return take_bits(ber, bits, va_arg(*ap, ULONG *));
	}
	case '{': case '[': return enter(ber);
	case '}': case ']': return leave(ber);
	default: return FALSE;
	}
}

/* 0, or LBER_ERROR (-1) at the first value that is not there. */
ULONG CDECL ber_scanf(BerElement *ber, PSTR fmt, ...)
{
	va_list ap;
	BOOL ok;

	va_start(ap, fmt);
	ok = ber_walk_format(ber, fmt, &ap, scan_one);
	va_end(ap);
	return ok ? 0 : LBER_ERROR;
}
