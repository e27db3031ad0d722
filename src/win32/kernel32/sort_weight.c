/*
 * Collation weights of single characters, derived from the Unicode data
 * the NLS tables hold (character types, case, compatibility decomposition)
 * in the shape of the Windows default sort: symbols sort before digits and
 * digits before letters; a letter weighs as its lower-case base letter,
 * its accents and its case or width come as later levels; controls and
 * unassigned code points weigh nothing.  Computed on first use per block
 * of 256 code units and kept for the process.
 */
#include "k32_nls.h"
#include "k32_sort.h"

/* A cache entry: kind (3 bits), flags (5 bits), diacritic (8), base (16). */
#define ENTRY(kind, flags, dia, base) \
	((unsigned)(kind) | (unsigned)(flags) << 3 | (unsigned)(dia) << 8 | (unsigned)(base) << 16)

static unsigned *blocks[256];

/* Marks that only add an accent to the letter before them. */
static BOOL is_diacritic_mark(unsigned c)
{
	return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
	       (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
	       (c >= 0xFE20 && c <= 0xFE2F) || c == 0x3099 || c == 0x309A;
}

/* The diacritic weight one mark adds (0 for none). */
static unsigned mark_weight(unsigned c)
{
	if (c == 0x300 || c == 0x301) /* Windows weighs the acute before the grave */
		return c == 0x301 ? 2 : 3;
	if (c >= 0x300 && c <= 0x36F)
		return 2 + (c - 0x300); /* 1: the dotless i's own accent */
	if (c == 0x3099 || c == 0x309A)
		return 0x70 + (c - 0x3099);
	return 0x72 + (c & 0x3F);
}

/* Invisible format characters weigh nothing, as the replacement character
 * does: soft hyphen, the zero-width and direction marks, word joiner and
 * invisible operators, the byte order mark, the annotation marks. */
static BOOL is_invisible(unsigned c)
{
	return c == 0xAD || c == 0x180E || (c >= 0x200B && c <= 0x200F) ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
	       (c >= 0x2066 && c <= 0x206F) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB) ||
	       c == 0xFFFD;
}

/* The word sort keeps these out of the first level (co-op by coop);
 * control characters weigh on that last level only too. */
static BOOL is_word_special(unsigned c)
{
	return c == '-' || c == '\'' || c == 0x2010 || c == 0x2011 || c == 0xFF07 || c == 0xFF0D;
}

/* The full-size kana of the small ones: ぁ ぃ ぅ ぇ ぉ っ ゃ ゅ ょ ゎ ゕ ゖ
 * (and their katakana, 0x60 above), and the small katakana of the Ainu
 * extension (U+31F0..31FF). */
static unsigned full_size_kana(unsigned c)
{
	static const WCHAR ainu[16] = { 0x30AF, 0x30B7, 0x30B9, 0x30C8, 0x30CC, 0x30CF,
					0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30E0, 0x30E9,
					0x30EA, 0x30EB, 0x30EC, 0x30ED };
	unsigned h = c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c, off = c - h;

	if (c >= 0x31F0 && c <= 0x31FF)
		return ainu[c - 0x31F0];
	if ((h >= 0x3041 && h <= 0x3049 && (h & 1)) || h == 0x3083 || h == 0x3085 ||
	    h == 0x3087 || h == 0x308E)
		return c + 1;
	if (h == 0x3063)
		return c + 1;
	if (h == 0x3095)
		return 0x304B + off;
	if (h == 0x3096)
		return 0x3051 + off;
	return c;
}

/* Kana sort as the full-size hiragana they spell; small size, katakana
 * and half width come as flags.  c is the character, k its compatibility
 * decomposition's first character. */
static unsigned kana_base(WCHAR c, unsigned k, unsigned *flags)
{
	unsigned full = full_size_kana(k);
	BOOL hira = (k >= 0x3041 && k <= 0x3096) || k == 0x309D || k == 0x309E;

	if (!hira && !((k >= 0x30A1 && k <= 0x30FA) || k == 0x30FD || k == 0x30FE ||
		       (k >= 0x31F0 && k <= 0x31FF)))
		return k;
	*flags = (*flags & ~(unsigned)K32_SORT_WIDTH) | K32_SORT_KANA;
	if (full != k)
		*flags |= K32_SORT_SMALL;
	if (hira)
		*flags |= K32_SORT_HIRAGANA;
	if (!(c >= 0xFF61 && c <= 0xFF9F))
		*flags |= K32_SORT_WIDTH;
	if ((full >= 0x30A1 && full <= 0x30F6) || full == 0x30FD || full == 0x30FE)
		return full - 0x60;
	return full;
}

/* A wide form: the full-width ASCII and signs, and the compatibility
 * jamo, whose half-width forms (U+FFA0..FFDC) sort before them. */
static BOOL is_wide(WCHAR c)
{
	return (c >= 0xFF01 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || c == 0x3000 ||
	       (c >= 0x3131 && c <= 0x318E);
}

static unsigned compute(WCHAR c)
{
	WORD t1 = nls_ctype1(c);
	WCHAR d[18];
	LONG n = 18, i;
	unsigned dia = 0, flags = 0, base, kind;

	if (is_diacritic_mark(c))
		return ENTRY(K32_SORT_MARK, 0, mark_weight(c), 0);
	if (!c || !t1 || (c >= 0xD800 && c <= 0xDFFF) || is_invisible(c))
		return ENTRY(K32_SORT_IGNORE, 0, 0, 0);
	if (c == 0x131) /* the dotless i: an i apart from i and the dotted I */
		return ENTRY(K32_SORT_LETTER, 0, 1, 'i');
	if (is_word_special(c) || ((t1 & C1_CNTRL) && !(t1 & C1_SPACE)))
		return ENTRY(K32_SORT_SPECIAL, 0, 0, c);
	if (k32_ligature(c) && c != 0xDE && c != 0xFE) /* the thorn is a letter of its own */
		return ENTRY(K32_SORT_EXPAND, 0, 0, 0);
	if ((c >= 0xAC00 && c <= 0xD7A3) || RtlNormalizeString(NormalizationKD, &c, 1, d, &n) ||
	    n < 1)
		d[0] = c, n = 1;
	for (i = 1; i < n && is_diacritic_mark(d[i]); i++)
		dia += mark_weight(d[i]);
	if (i < n)
		return ENTRY(K32_SORT_EXPAND, 0, 0, 0);
	if (c != d[0] && nls_tolower(c) == c && nls_tolower(d[0]) != d[0])
		flags |= K32_SORT_UPPER; /* a compatibility capital (Ⓐ) */
	if (nls_tolower(c) != c || (t1 & C1_UPPER))
		flags |= K32_SORT_UPPER;
	if (is_wide(c))
		flags |= K32_SORT_WIDTH;
	base = kana_base(c, nls_tolower(d[0]), &flags);
	kind = nls_digit_value(base) >= 0 ? K32_SORT_DIGIT
	       : (nls_ctype1((WCHAR)base) & C1_ALPHA) || (t1 & C1_ALPHA) ? K32_SORT_LETTER
								    : K32_SORT_SYMBOL;
	if (kind == K32_SORT_DIGIT)
		base = '0' + nls_digit_value(base);
	return ENTRY(kind, flags, dia > 0xFD ? 0xFD : dia, base);
}

static unsigned *build_block(unsigned hi)
{
	unsigned *b = RtlAllocateHeap(k32_heap(), 0, 256 * sizeof(unsigned)), *old;
	unsigned i;

	if (!b)
		return NULL;
	for (i = 0; i < 256; i++)
		b[i] = compute((WCHAR)(hi << 8 | i));
	old = InterlockedCompareExchangePointer((void **)&blocks[hi], b, NULL);
	if (old) {
		k32_free(b);
		return old;
	}
	return b;
}

BOOL k32_sort_weight(WCHAR c, struct k32_sort_weight *w)
{
	unsigned *b = blocks[c >> 8], e;

	if (!b && !(b = build_block(c >> 8)))
		return FALSE;
	e = b[c & 0xFF];
	w->kind = e & 7;
	w->flags = (e >> 3) & 0x1F;
	w->diacritic = (e >> 8) & 0xFF;
	w->base = e >> 16;
	return TRUE;
}
