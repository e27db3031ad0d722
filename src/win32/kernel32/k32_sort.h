/* The collation CompareString, LCMapString(LCMAP_SORTKEY) and
 * FindNLSString share (sort_weight.c, sort_key.c). */
#ifndef LSW_K32_SORT_H
#define LSW_K32_SORT_H

#include <windows.h>

enum k32_sort_kind {
	K32_SORT_IGNORE,  /* weighs nothing: controls, unassigned */
	K32_SORT_MARK,    /* an accent on the character before it */
	K32_SORT_SPECIAL, /* hyphen, apostrophe: last level in the word sort */
	K32_SORT_SYMBOL,
	K32_SORT_DIGIT,
	K32_SORT_LETTER,
	K32_SORT_EXPAND, /* sorts as its decomposition ("ﬁ" as "fi", "æ" as "ae") */
};
#define K32_SORT_UPPER 1
#define K32_SORT_WIDTH 2    /* a wide form: Ａ, and the kana and jamo that have half-width forms */
#define K32_SORT_HIRAGANA 4 /* kana: hiragana sort after katakana */
#define K32_SORT_SMALL 8    /* kana: ぁ sorts before あ */
#define K32_SORT_KANA 16    /* kana weigh small, kana type and width on a level of their own */

struct k32_sort_weight {
	unsigned kind, flags, diacritic;
	unsigned base; /* the character it sorts as (lower case, narrow, full-size hiragana) */
};

/* FALSE only when out of memory. */
BOOL k32_sort_weight(WCHAR c, struct k32_sort_weight *w);

/* The compare flags CompareString and the sort key take. */
#define K32_SORT_FLAGS (NORM_IGNORECASE | NORM_IGNORENONSPACE | NORM_IGNORESYMBOLS | \
			LINGUISTIC_IGNORECASE | LINGUISTIC_IGNOREDIACRITIC | NORM_IGNOREKANATYPE | \
			NORM_IGNOREWIDTH | NORM_LINGUISTIC_CASING | SORT_STRINGSORT | \
			SORT_DIGITSASNUMBERS)

/* A locale's tailoring of the sort, as flags k32_sort_key and
 * k32_sort_compare take besides the compare flags (added once those are
 * checked): French weighs the accents from the end of the string. */
#define K32_SORT_REVERSE_ACCENTS 0x80000000u
struct k32_locale;
DWORD k32_sort_tailoring(const struct k32_locale *loc);

/* The sort key of s[0..n): its length in bytes (NUL included); with size
 * 0 only the length.  0 with the error set: out of memory, or size too
 * small (ERROR_INSUFFICIENT_BUFFER). */
int k32_sort_key(const WCHAR *s, int n, DWORD flags, BYTE *key, int size);

/* CSTR_LESS_THAN, CSTR_EQUAL, CSTR_GREATER_THAN; 0 with the error set. */
int k32_sort_compare(const WCHAR *a, int na, const WCHAR *b, int nb, DWORD flags);

#endif
