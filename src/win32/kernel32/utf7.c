/*
 * UTF-7 (RFC 2152) as Windows writes and reads it: the directly encoded
 * characters are the RFC's "set D" plus space, tab, CR, LF and NUL; every
 * base64 run ends with '-'; '+' is written "+-".  Reading: a byte that is
 * neither base64 nor '-' ends a run and is kept as a character; below 0x80
 * it also drops the unfinished bits, above it keeps them for the next run.
 * Both return the length, or -1 when dst (dn > 0) is too small, having
 * written what fits (the final base64 digit and its '-' go together).
 */
#include "k32_nls.h"

static const char base64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static BOOL direct(WCHAR c)
{
	static const char set[] = "'(),-./:?";

	if (c >= 0x80)
		return FALSE;
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		return TRUE;
	return !c || c == ' ' || c == '\t' || c == '\r' || c == '\n' || (c && strchr(set, c));
}

struct out7 {
	char *dst;
	int dn, len;
};

static BOOL put(struct out7 *o, char c)
{
	if (o->dn) {
		if (o->len >= o->dn)
			return FALSE;
		o->dst[o->len] = c;
	}
	o->len++;
	return TRUE;
}

/* One base64 run starting at src[*i]; FALSE on overflow. */
static BOOL encode_run(struct out7 *o, const WCHAR *src, int n, int *i)
{
	unsigned bits = 0;
	int nbits = 0;

	if (!put(o, '+'))
		return FALSE;
	while (*i < n && !direct(src[*i]) && src[*i] != '+') {
		bits = (bits << 16) | src[(*i)++];
		nbits += 16;
		while (nbits >= 6) {
			nbits -= 6;
			if (!put(o, base64[(bits >> nbits) & 63]))
				return FALSE;
		}
	}
	if (nbits) {
		if (o->dn && o->len + 2 > o->dn)
			return FALSE;
		put(o, base64[(bits << (6 - nbits)) & 63]);
	}
	return put(o, '-');
}

int k32_utf7_encode(const WCHAR *src, int n, char *dst, int dn)
{
	struct out7 o = { dst, dn, 0 };
	int i = 0;

	while (i < n) {
		if (src[i] == '+') {
			if (!put(&o, '+') || !put(&o, '-'))
				return -1;
			i++;
		} else if (direct(src[i])) {
			if (!put(&o, (char)src[i++]))
				return -1;
		} else if (!encode_run(&o, src, n, &i)) {
			return -1;
		}
	}
	return o.len;
}

static int base64_value(BYTE c)
{
	const char *p = c && c < 0x80 ? strchr(base64, c) : NULL;

	return p ? (int)(p - base64) : -1;
}

struct in7 {
	WCHAR *dst;
	int dn, len;
	unsigned bits;
	int nbits;
};

static BOOL emit(struct in7 *s, WCHAR c)
{
	if (s->dn) {
		if (s->len >= s->dn)
			return FALSE;
		s->dst[s->len] = c;
	}
	s->len++;
	return TRUE;
}

/* The base64 run after a '+' at src[*i]; FALSE on overflow. */
static BOOL decode_run(struct in7 *s, const char *src, int n, int *i)
{
	while (*i < n) {
		BYTE c = (BYTE)src[*i];
		int d = base64_value(c);
		if (d < 0) {
			if (c == '-')
				(*i)++;
			if (c < 0x80)
				s->bits = s->nbits = 0;
			return TRUE;
		}
		s->bits = (s->bits << 6) | (unsigned)d;
		s->nbits += 6;
		(*i)++;
		if (s->nbits >= 16) {
			s->nbits -= 16;
			if (!emit(s, (WCHAR)(s->bits >> s->nbits)))
				return FALSE;
			s->bits &= (1u << s->nbits) - 1;
		}
	}
	return TRUE;
}

int k32_utf7_decode(const char *src, int n, WCHAR *dst, int dn)
{
	struct in7 s = { dst, dn, 0, 0, 0 };
	int i = 0;

	while (i < n) {
		if (src[i] != '+') {
			if (!emit(&s, (BYTE)src[i++]))
				return -1;
			continue;
		}
		i++;
		if (i < n && src[i] == '-') {
			if (!emit(&s, '+'))
				return -1;
			i++;
		} else if (!decode_run(&s, src, n, &i)) {
			return -1;
		}
	}
	return s.len;
}
