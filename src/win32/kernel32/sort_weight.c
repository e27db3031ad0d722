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
	if (c >= 0x300 && c <= 0x36F)
		return 2 + (c - 0x300); /* 1: the dotless i's own accent */
	if (c == 0x3099 || c == 0x309A)
		return 0x70 + (c - 0x3099);
	return 0x72 + (c & 0x3F);
}

/* The word sort keeps these out of the first level (co-op by coop);
 * control characters weigh on that last level only too. */
static BOOL is_word_special(unsigned c)
{
	return c == '-' || c == '\'' || c == 0x2010 || c == 0x2011 || c == 0xFF07 || c == 0xFF0D;
}

/* Katakana sort with the hiragana they spell. */
static unsigned kana_base(unsigned c, unsigned *flags)
{
	if ((c >= 0x30A1 && c <= 0x30F6) || c == 0x30FD || c == 0x30FE) {
		*flags |= K32_SORT_KATAKANA;
		return c - 0x60;
	}
	return c;
}

static unsigned compute(WCHAR c)
{
	WORD t1 = nls_ctype1(c);
	WCHAR d[18];
	LONG n = 18, i;
	unsigned dia = 0, flags = 0, base, kind;

	if (is_diacritic_mark(c))
		return ENTRY(K32_SORT_MARK, 0, mark_weight(c), 0);
	if (!c || !t1 || (c >= 0xD800 && c <= 0xDFFF))
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
	if ((c >= 0xFF01 && c <= 0xFFEF) || c == 0x3000)
		flags |= K32_SORT_WIDTH;
	base = kana_base(nls_tolower(d[0]), &flags);
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
