/*
 * LCMapStringW/A/Ex: case (with the Turkish and Azeri dotted and dotless
 * i under LCMAP_LINGUISTIC_CASING), title case, hiragana and katakana,
 * half and full width (from the compatibility decompositions), byte
 * reversal, NORM_IGNORENONSPACE/NORM_IGNORESYMBOLS, and sort keys
 * (sort_key.c).  Kana conversion comes before width, as on Windows.
 * The Chinese simplified/traditional mappings have no table here: they
 * fail with ERROR_INVALID_FLAGS.
 */
#include "k32_nls.h"
#include "k32_sort.h"

#define CASE_FLAGS (LCMAP_LOWERCASE | LCMAP_UPPERCASE)
#define MAP_FLAGS (CASE_FLAGS | LCMAP_LINGUISTIC_CASING | LCMAP_HIRAGANA | LCMAP_KATAKANA | \
		   LCMAP_HALFWIDTH | LCMAP_FULLWIDTH | LCMAP_BYTEREV | NORM_IGNORENONSPACE | \
		   NORM_IGNORESYMBOLS)

/* Full-width forms of Latin-1 signs outside the ASCII run. */
static const WCHAR wide_signs[][2] = {
	{ 0x00A2, 0xFFE0 }, { 0x00A3, 0xFFE1 }, { 0x00AC, 0xFFE2 }, { 0x00AF, 0xFFE3 },
	{ 0x00A6, 0xFFE4 }, { 0x00A5, 0xFFE5 }, { 0x20A9, 0xFFE6 },
};

struct mapper {
	DWORD flags;
	BOOL linguistic; /* LCMAP_LINGUISTIC_CASING */
	BOOL turkic;     /* ... in tr/az */
	WCHAR *out;
	int n;
};

static WCHAR map_case(const struct mapper *m, WCHAR c, BOOL upper)
{
	if (m->turkic) {
		if (upper && c == 'i')
			return 0x130;
		if (!upper && c == 'I')
			return 0x131;
	}
	if (m->linguistic) { /* the dotted capital and the dotless small i */
		if (upper && c == 0x131)
			return 'I';
		if (!upper && c == 0x130)
			return 'i';
	}
	return (WCHAR)(upper ? nls_toupper(c) : nls_tolower(c));
}

static WCHAR map_kana(DWORD flags, WCHAR c)
{
	if ((flags & LCMAP_HIRAGANA) &&
	    ((c >= 0x30A1 && c <= 0x30F6) || c == 0x30FD || c == 0x30FE))
		return c - 0x60;
	if ((flags & LCMAP_KATAKANA) &&
	    ((c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E))
		return c + 0x60;
	return c;
}

/* The half-width forms (U+FF61-U+FFDC) decompose to their wide letter. */
static WCHAR narrow_of(WCHAR wide)
{
	static WCHAR table[0x100];
	static LONG built;
	WCHAR c, d[4];
	LONG n;
	int i;

	if (!built) {
		for (c = 0xFF61; c <= 0xFFDC; c++) {
			n = 4;
			if (!RtlNormalizeString(NormalizationKD, &c, 1, d, &n) && n == 1 &&
			    d[0] >= 0x3000 && d[0] <= 0x31FF)
				table[d[0] - 0x3000] = c;
		}
		InterlockedExchange(&built, 1);
	}
	for (i = 0; i < (int)ARRAYSIZE(wide_signs); i++)
		if (wide_signs[i][1] == wide)
			return wide_signs[i][0];
	if (wide >= 0xFF01 && wide <= 0xFF5E)
		return wide - 0xFEE0;
	if (wide == 0x3000)
		return ' ';
	if (wide > 0x3000 && wide <= 0x31FF && table[wide - 0x3000])
		return table[wide - 0x3000];
	return wide;
}

static WCHAR wide_of(WCHAR c)
{
	WCHAR d[4];
	LONG n = 4;
	int i;

	for (i = 0; i < (int)ARRAYSIZE(wide_signs); i++)
		if (wide_signs[i][0] == c)
			return wide_signs[i][1];
	if (c >= 0x21 && c <= 0x7E)
		return c + 0xFEE0;
	if (c == ' ')
		return 0x3000;
	if (c >= 0xFF61 && c <= 0xFFDC && !RtlNormalizeString(NormalizationKD, &c, 1, d, &n) &&
	    n == 1)
		return d[0];
	return c;
}

static void put(struct mapper *m, WCHAR c)
{
	m->out[m->n++] = c;
}

/* LCMAP_FULLWIDTH: a half-width kana and its voicing mark become one. */
static void put_wide(struct mapper *m, WCHAR c)
{
	WCHAR pair[2], one;
	LONG n = 1;

	c = wide_of(c);
	if ((c == 0x3099 || c == 0x309B || c == 0x309A || c == 0x309C) && m->n) {
		pair[0] = m->out[m->n - 1];
		pair[1] = (c == 0x3099 || c == 0x309B) ? 0x3099 : 0x309A;
		if (!RtlNormalizeString(NormalizationC, pair, 2, &one, &n) && n == 1) {
			m->out[m->n - 1] = one;
			return;
		}
	}
	put(m, c);
}

/* LCMAP_HALFWIDTH: a voiced kana becomes its letter and the mark. */
static void put_narrow(struct mapper *m, WCHAR c)
{
	WCHAR d[4];
	LONG n = 4;

	if (c >= 0x30A0 && c <= 0x30FF && !RtlNormalizeString(NormalizationD, &c, 1, d, &n) &&
	    n == 2) {
		put(m, narrow_of(d[0]));
		put(m, d[1] == 0x3099 ? 0xFF9E : 0xFF9F);
		return;
	}
	put(m, narrow_of(c));
}

/* NORM_IGNORENONSPACE drops accents (a letter keeps its base), and
 * NORM_IGNORESYMBOLS symbols and punctuation; FALSE: drop c. */
static BOOL keep(const struct mapper *m, WCHAR *c)
{
	struct k32_sort_weight w;
	WCHAR d[4];
	LONG n = 4;

	if (!(m->flags & (NORM_IGNORENONSPACE | NORM_IGNORESYMBOLS)) || !k32_sort_weight(*c, &w))
		return TRUE;
	if ((m->flags & NORM_IGNORESYMBOLS) &&
	    (w.kind == K32_SORT_SYMBOL || w.kind == K32_SORT_SPECIAL))
		return FALSE;
	if (!(m->flags & NORM_IGNORENONSPACE))
		return TRUE;
	if (w.kind == K32_SORT_MARK)
		return FALSE;
	if (w.diacritic && !RtlNormalizeString(NormalizationD, c, 1, d, &n) && n > 1)
		*c = d[0];
	return TRUE;
}

static void map_char(struct mapper *m, WCHAR c, WCHAR prev)
{
	DWORD f = m->flags;

	if (!keep(m, &c))
		return;
	if ((f & CASE_FLAGS) == CASE_FLAGS) /* LCMAP_TITLECASE: capital after a non-letter */
		c = map_case(m, c, !(nls_ctype1(prev) & C1_ALPHA));
	else if (f & CASE_FLAGS)
		c = map_case(m, c, (f & LCMAP_UPPERCASE) != 0);
	c = map_kana(f, c);
	if (f & LCMAP_FULLWIDTH) {
		/* widened, a half-width katakana has its hiragana too */
		put_wide(m, c);
		m->out[m->n - 1] = map_kana(f, m->out[m->n - 1]);
	} else if (f & LCMAP_HALFWIDTH)
		put_narrow(m, c);
	else
		put(m, c);
}

/* LCMAP_FULLWIDTH of a supplementary character with a one-unit
 * compatibility form (mathematical letters, CJK compatibility ideographs):
 * that form, as Windows maps them.  FALSE: not such a pair. */
static BOOL supplementary_wide(struct mapper *m, const WCHAR *pair)
{
	WCHAR d[4];
	LONG n = 4;

	if (!IS_SURROGATE_PAIR(pair[0], pair[1]) ||
	    RtlNormalizeString(NormalizationKD, pair, 2, d, &n) || n != 1)
		return FALSE;
	put(m, d[0]);
	return TRUE;
}

static BOOL check_flags(DWORD f)
{
	if (f & LCMAP_SORTKEY)
		return !(f & ~(LCMAP_SORTKEY | K32_SORT_FLAGS));
	if ((f & (NORM_IGNORENONSPACE | NORM_IGNORESYMBOLS)) &&
	    (f & (CASE_FLAGS | LCMAP_HIRAGANA | LCMAP_KATAKANA | LCMAP_HALFWIDTH | LCMAP_FULLWIDTH)))
		return FALSE; /* these only drop characters, without another mapping */
	return f && !(f & ~MAP_FLAGS) &&
	       (f & (LCMAP_HIRAGANA | LCMAP_KATAKANA)) != (LCMAP_HIRAGANA | LCMAP_KATAKANA) &&
	       (f & (LCMAP_HALFWIDTH | LCMAP_FULLWIDTH)) != (LCMAP_HALFWIDTH | LCMAP_FULLWIDTH) &&
	       (!(f & LCMAP_LINGUISTIC_CASING) || (f & CASE_FLAGS));
}

static BOOL is_turkic(const struct k32_locale *loc)
{
	const WCHAR *lang = k32_locale_field(loc, LF_ISO639);

	return !wcscmp(lang, L"tr") || !wcscmp(lang, L"az");
}

static int map_string(const struct k32_locale *loc, DWORD flags, const WCHAR *src, int n,
		      WCHAR *dst, int size)
{
	BOOL linguistic = (flags & LCMAP_LINGUISTIC_CASING) != 0;
	struct mapper m = { flags, linguistic, linguistic && is_turkic(loc), NULL, 0 };
	int i;

	if (!(m.out = RtlAllocateHeap(k32_heap(), 0, (SIZE_T)n * 2 * sizeof(WCHAR) + 2)))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	for (i = 0; i < n; i++) {
		if ((flags & LCMAP_FULLWIDTH) && i + 1 < n && supplementary_wide(&m, src + i)) {
			i++;
			continue;
		}
		map_char(&m, src[i], i ? src[i - 1] : ' ');
	}
	if (flags & LCMAP_BYTEREV)
		for (i = 0; i < m.n; i++)
			m.out[i] = (WCHAR)(m.out[i] << 8 | m.out[i] >> 8);
	if (size && size < m.n) {
		k32_free(m.out);
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	}
	if (size)
		memmove(dst, m.out, (SIZE_T)m.n * sizeof(WCHAR));
	k32_free(m.out);
	return m.n;
}

static int lcmap(const struct k32_locale *loc, DWORD flags, const WCHAR *src, int n, WCHAR *dst,
		 int size)
{
	if (!src || !n || size < 0 || (size && !dst))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!check_flags(flags))
		return k32_error(ERROR_INVALID_FLAGS);
	if (flags & LCMAP_SORTKEY) /* bytes; a NUL-terminated source's NUL is left out */
		return k32_sort_key(src, n < 0 ? k32_wcslen(src) : n,
				    (flags & K32_SORT_FLAGS) | k32_sort_tailoring(loc), (BYTE *)dst,
				    size);
	return map_string(loc, flags, src, n < 0 ? k32_wcslen(src) + 1 : n, dst, size);
}

#define KANA_WIDTH_MAPS (LCMAP_HIRAGANA | LCMAP_KATAKANA | LCMAP_HALFWIDTH | LCMAP_FULLWIDTH)

K32API int WINAPI LCMapStringEx(LPCWSTR name, DWORD flags, LPCWSTR src, int n, LPWSTR dst,
				int size, LPNLSVERSIONINFO version, LPVOID reserved, LPARAM handle)
{
	struct k32_locale loc;

	/* reserved and handle "must be" 0, but Windows does not check them.
	 * The kana and width maps need no locale: Windows does them for a
	 * name it does not know as well. */
	if (!k32_locale_from_name(name, TRUE, &loc) &&
	    ((flags & ~KANA_WIDTH_MAPS) || !k32_locale_from_lcid(LOCALE_INVARIANT, &loc)))
		return k32_error(ERROR_INVALID_PARAMETER);
	return lcmap(&loc, flags, src, n, dst, size);
}

K32API int WINAPI LCMapStringW(LCID lcid, DWORD flags, LPCWSTR src, int n, LPWSTR dst, int size)
{
	struct k32_locale loc;

	if (!k32_locale_from_lcid(lcid, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	return lcmap(&loc, flags, src, n, dst, size);
}

/* Text in the locale's ANSI code page; a sort key is bytes either way. */
K32API int WINAPI LCMapStringA(LCID lcid, DWORD flags, LPCSTR src, int n, LPSTR dst, int size)
{
	struct k32_locale loc;
	WCHAR *w, *out;
	UINT cp;
	int wn, len, ret = 0;

	if (!src || !n || size < 0 || (size && !dst))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_locale_from_lcid(lcid, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	if ((flags & CASE_FLAGS) == CASE_FLAGS)
		return k32_error(ERROR_INVALID_FLAGS); /* title case is for the W forms only */
	cp = (flags & LOCALE_USE_CP_ACP) ? CP_ACP : k32_locale_ansi_cp(&loc);
	flags &= ~LOCALE_USE_CP_ACP;
	if (!(w = k32_a_arg(cp, src, n, &wn)))
		return 0;
	wn = n < 0 ? -1 : wn; /* w is NUL-terminated as src was */
	if (flags & LCMAP_SORTKEY)
		ret = lcmap(&loc, flags, w, wn, (WCHAR *)dst, size);
	else if ((len = lcmap(&loc, flags, w, wn, NULL, 0)) &&
		 (out = RtlAllocateHeap(k32_heap(), 0, (SIZE_T)len * sizeof(WCHAR)))) {
		lcmap(&loc, flags, w, wn, out, len);
		ret = k32_w_result_to_a(cp, out, len, dst, size);
		k32_free(out);
	}
	k32_free(w);
	return ret;
}
