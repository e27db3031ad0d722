/*
 * Unicode normalization (UAX #15): full decomposition from the generated
 * tables (Hangul by rule), canonical reordering by combining class, then
 * canonical composition for the C forms.  Works on a UTF-32 copy made in
 * two passes (count, then fill), so any input length is handled.
 */
#include "ntdll/rtl/rtl_nt.h"
#include "nls/nls.h"
#include "nls/norm_table.h"

#define HANGUL_S 0xAC00
#define HANGUL_L 0x1100
#define HANGUL_V 0x1161
#define HANGUL_T 0x11A7
#define HANGUL_VCOUNT 21
#define HANGUL_TCOUNT 28
#define HANGUL_NCOUNT (HANGUL_VCOUNT * HANGUL_TCOUNT)
#define HANGUL_SCOUNT 11172

unsigned nls_combining_class(unsigned c)
{
	int i;

	if (c < 0x10000)
		return NLS_TWO_LEVEL(norm_ccc, c);
	for (i = 0; i < (int)ARRAYSIZE(norm_ccc_supp); i++)
		if (c >= norm_ccc_supp[i].first && c <= norm_ccc_supp[i].last)
			return norm_ccc_supp[i].ccc;
	return 0;
}

/* Noncharacters and surrogates cannot be normalized. */
static BOOL is_noncharacter(unsigned c)
{
	return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

/* Next code point of src at *i; -1 with *i at the error position if the
 * text is ill-formed there. */
static int next_code_point(const WCHAR *src, int n, int *i)
{
	unsigned c = src[*i];

	if (c >= 0xDC00 && c <= 0xDFFF)
		return -1;
	if (c >= 0xD800 && c <= 0xDBFF) {
		if (*i + 1 >= n || src[*i + 1] < 0xDC00 || src[*i + 1] > 0xDFFF) {
			(*i)++;
			return -1;
		}
		c = 0x10000 + ((c - 0xD800) << 10) + (src[*i + 1] - 0xDC00);
		(*i)++;
	}
	(*i)++;
	return is_noncharacter(c) ? -1 : (int)c;
}

static const unsigned short *supp_decomposition(const struct nls_supp_decomp *t, int n,
						const unsigned short *pool, unsigned c)
{
	int lo = 0, hi = n - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (t[mid].c == c)
			return pool + t[mid].pool;
		if (t[mid].c < c)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* The decomposition of c: a length-prefixed UTF-16 sequence, or NULL. */
static const unsigned short *decomposition(unsigned c, BOOL compat)
{
	unsigned short off;

	if (c >= 0x10000)
		return compat ? supp_decomposition(norm_compat_supp, ARRAYSIZE(norm_compat_supp),
						   norm_compat_pool, c)
			      : supp_decomposition(norm_canon_supp, ARRAYSIZE(norm_canon_supp),
						   norm_canon_pool, c);
	off = compat ? NLS_TWO_LEVEL(norm_compat, c) : NLS_TWO_LEVEL(norm_canon, c);
	if (!off)
		return NULL;
	return (compat ? norm_compat_pool : norm_canon_pool) + off - 1;
}

/* Appends the full decomposition of c to out (when not NULL) and returns
 * the number of code points it has. */
static int decompose_one(unsigned c, BOOL compat, unsigned *out)
{
	const unsigned short *seq;
	int i, n = 0;

	if (c >= HANGUL_S && c < HANGUL_S + HANGUL_SCOUNT) {
		unsigned s = c - HANGUL_S, t = s % HANGUL_TCOUNT;
		if (out) {
			out[0] = HANGUL_L + s / HANGUL_NCOUNT;
			out[1] = HANGUL_V + (s % HANGUL_NCOUNT) / HANGUL_TCOUNT;
			if (t)
				out[2] = HANGUL_T + t;
		}
		return t ? 3 : 2;
	}
	if (!(seq = decomposition(c, compat))) {
		if (out)
			out[0] = c;
		return 1;
	}
	for (i = 1; i <= seq[0]; i++, n++) {
		unsigned u = seq[i];
		if (u >= 0xD800 && u <= 0xDBFF && i < seq[0])
			u = 0x10000 + ((u - 0xD800) << 10) + (seq[++i] - 0xDC00);
		if (out)
			out[n] = u;
	}
	return n;
}

/* Decomposes src into out (NULL: count only); returns the count, or -1
 * with *bad the error position. */
static int decompose(const WCHAR *src, int n, BOOL compat, unsigned *out, int *bad)
{
	int i = 0, count = 0;

	while (i < n) {
		int c = next_code_point(src, n, &i);
		if (c < 0) {
			*bad = i;
			return -1;
		}
		count += decompose_one((unsigned)c, compat, out ? out + count : NULL);
	}
	return count;
}

/* Canonical ordering: a stable sort of each run of non-starters. */
static void reorder(unsigned *s, int n)
{
	int i, j;

	for (i = 1; i < n; i++) {
		unsigned c = s[i], cc = nls_combining_class(c);
		if (!cc)
			continue;
		for (j = i; j > 0; j--) {
			unsigned pc = nls_combining_class(s[j - 1]);
			if (!pc || pc <= cc)
				break;
			s[j] = s[j - 1];
		}
		s[j] = c;
	}
}

static unsigned compose_pair(unsigned a, unsigned b)
{
	int lo = 0, hi = ARRAYSIZE(norm_compositions) - 1;

	if (a >= HANGUL_L && a < HANGUL_L + 19 && b >= HANGUL_V && b < HANGUL_V + HANGUL_VCOUNT)
		return HANGUL_S + ((a - HANGUL_L) * HANGUL_VCOUNT + b - HANGUL_V) * HANGUL_TCOUNT;
	if (a >= HANGUL_S && a < HANGUL_S + HANGUL_SCOUNT && !((a - HANGUL_S) % HANGUL_TCOUNT) &&
	    b > HANGUL_T && b < HANGUL_T + HANGUL_TCOUNT)
		return a + b - HANGUL_T;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		const struct nls_composition *p = &norm_compositions[mid];
		if (p->first == a && p->second == b)
			return p->composite;
		if (p->first < a || (p->first == a && p->second < b))
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return 0;
}

/* Canonical composition in place; returns the new length. */
static int compose(unsigned *s, int n)
{
	int starter = -1, out = 0, i;
	unsigned last_cc = 0;

	for (i = 0; i < n; i++) {
		unsigned c = s[i], cc = nls_combining_class(c), comp;
		if (starter >= 0 && (out == starter + 1 || (last_cc && last_cc < cc)) &&
		    (comp = compose_pair(s[starter], c))) {
			s[starter] = comp;
			continue;
		}
		if (!cc) {
			starter = out;
			last_cc = 0;
		} else {
			last_cc = cc;
		}
		s[out++] = c;
	}
	return out;
}

/* UTF-32 to UTF-16 into dst (room for dn); returns the units needed. */
static int encode(const unsigned *s, int n, WCHAR *dst, int dn)
{
	int i, len = 0;

	for (i = 0; i < n; i++) {
		unsigned c = s[i];
		if (c >= 0x10000) {
			if (len + 2 <= dn) {
				dst[len] = (WCHAR)(0xD800 + ((c - 0x10000) >> 10));
				dst[len + 1] = (WCHAR)(0xDC00 + (c & 0x3FF));
			}
			len += 2;
		} else {
			if (len < dn)
				dst[len] = (WCHAR)c;
			len++;
		}
	}
	return len;
}

LONG nls_normalize(int form, const WCHAR *src, int n, WCHAR *dst, int *dn)
{
	BOOL compat = form == NLS_NORM_KC || form == NLS_NORM_KD;
	int count, bad = 0, len;
	unsigned *buf;

	if ((count = decompose(src, n, compat, NULL, &bad)) < 0) {
		*dn = bad;
		return STATUS_NO_UNICODE_TRANSLATION;
	}
	buf = RtlAllocateHeap(lsw_process_heap(), 0, (SIZE_T)(count + 1) * sizeof(unsigned));
	if (!buf)
		return STATUS_NO_MEMORY;
	decompose(src, n, compat, buf, &bad);
	reorder(buf, count);
	if (form == NLS_NORM_C || form == NLS_NORM_KC)
		count = compose(buf, count);
	len = encode(buf, count, dst, *dn);
	RtlFreeHeap(lsw_process_heap(), 0, buf);
	if (len > *dn) {
		*dn = len;
		return STATUS_BUFFER_TOO_SMALL;
	}
	*dn = len;
	return STATUS_SUCCESS;
}
