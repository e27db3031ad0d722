/*
 * Sort keys: a string's weights (sort_weight.c) level by level, as the
 * Windows sort key lays them out: first weights, 01, accents, 01, case and
 * width, 01, in a string with kana their small size, kana type and width
 * (01 after each), the word sort's hyphens and apostrophes with their
 * position, 00.  Weight bytes are 2 or more, so comparing two keys byte by
 * byte (memcmp, as programs do) orders the strings; CompareString compares
 * keys too, so the two always agree.
 */
#include "k32_nls.h"
#include "k32_sort.h"

#define GROUP_SYMBOL 1
#define GROUP_DIGIT 2
#define GROUP_LETTER 3
#define NUMBER_MARK 0x100 /* SORT_DIGITSASNUMBERS: + count of digits */
#define NO_WEIGHT 2       /* the level-2 and level-3 byte of a plain letter */

struct elem {
	unsigned group, code;
	unsigned dia, cas;
	unsigned kana; /* K32_SORT_KANA with the kana flags the compare flags keep, or 0 */
};

struct special {
	unsigned pos, weight;
};

struct builder {
	DWORD flags;
	unsigned case_mask;
	BOOL has_kana;
	struct elem *e;
	int ne, ecap;
	struct special *sp;
	int nsp, spcap;
	BOOL oom;
};

static BOOL grow(void **p, int *cap, int need, SIZE_T unit)
{
	void *q;
	int ncap;

	if (need <= *cap)
		return TRUE;
	ncap = *cap * 2 > need ? *cap * 2 : need + 16;
	q = *p ? RtlReAllocateHeap(k32_heap(), 0, *p, (SIZE_T)ncap * unit)
	       : RtlAllocateHeap(k32_heap(), 0, (SIZE_T)ncap * unit);
	if (!q)
		return FALSE;
	*p = q;
	*cap = ncap;
	return TRUE;
}

static void push(struct builder *b, unsigned group, unsigned code, unsigned dia, unsigned cas)
{
	if (!grow((void **)&b->e, &b->ecap, b->ne + 1, sizeof(struct elem))) {
		b->oom = TRUE;
		return;
	}
	b->e[b->ne].group = group;
	b->e[b->ne].code = code;
	b->e[b->ne].dia = (b->flags & (NORM_IGNORENONSPACE | LINGUISTIC_IGNOREDIACRITIC)) ? 0 : dia;
	b->e[b->ne].cas = cas & b->case_mask & (cas & K32_SORT_KANA ? K32_SORT_UPPER : ~0u);
	b->e[b->ne].kana = cas & K32_SORT_KANA ? cas & b->case_mask : 0;
	b->has_kana |= (cas & K32_SORT_KANA) != 0;
	b->ne++;
}

static void push_special(struct builder *b, WCHAR c)
{
	if (!grow((void **)&b->sp, &b->spcap, b->nsp + 1, sizeof(struct special))) {
		b->oom = TRUE;
		return;
	}
	b->sp[b->nsp].pos = (unsigned)b->ne;
	b->sp[b->nsp].weight = c == '\'' || c == 0xFF07	? 3
			       : c == '-' || c >= 0x2010 ? 4
							 : 5 + (c & 0x3F);
	b->nsp++;
}

/* What an EXPAND character sorts as: its ligature letters or its
 * compatibility decomposition. */
static int expansion(WCHAR c, WCHAR out[18])
{
	const WCHAR *lig = k32_ligature(c);
	LONG n = 18;
	int i;

	if (lig) {
		for (i = 0; lig[i]; i++)
			out[i] = lig[i];
		return i;
	}
	if (RtlNormalizeString(NormalizationKD, &c, 1, out, &n))
		return 0;
	return (int)n;
}

/* The first weight of a symbol: its code point, the math symbols after
 * all the others (Windows sorts "}" before "+"). */
static unsigned symbol_code(unsigned c)
{
	BOOL math = c == '+' || c == '<' || c == '=' || c == '>' || c == 0xB1 || c == 0xD7 ||
		    c == 0xF7 || c == 0x2212;

	return math ? 0x10000 + c : c;
}

static void add_char(struct builder *b, WCHAR c, BOOL expanding)
{
	struct k32_sort_weight w;
	WCHAR exp[18];
	int i, n;

	if (!k32_sort_weight(c, &w)) {
		b->oom = TRUE;
		return;
	}
	if (w.kind == K32_SORT_SPECIAL && (b->flags & SORT_STRINGSORT))
		w.kind = K32_SORT_SYMBOL;
	if ((w.kind == K32_SORT_SYMBOL || w.kind == K32_SORT_SPECIAL) &&
	    (b->flags & NORM_IGNORESYMBOLS))
		return;
	switch (w.kind) {
	case K32_SORT_MARK:
		if (b->ne && !(b->flags & (NORM_IGNORENONSPACE | LINGUISTIC_IGNOREDIACRITIC)))
			b->e[b->ne - 1].dia += w.diacritic;
		break;
	case K32_SORT_SPECIAL:
		push_special(b, c);
		break;
	case K32_SORT_SYMBOL:
		push(b, GROUP_SYMBOL, symbol_code(w.base), w.diacritic, w.flags);
		break;
	case K32_SORT_DIGIT:
		push(b, GROUP_DIGIT, w.base, w.diacritic, w.flags);
		break;
	case K32_SORT_LETTER:
		push(b, GROUP_LETTER, w.base, w.diacritic, w.flags);
		break;
	case K32_SORT_EXPAND:
		n = expanding ? 0 : expansion(c, exp);
		for (i = 0; i < n; i++)
			add_char(b, exp[i], TRUE);
		break;
	}
}

/* SORT_DIGITSASNUMBERS: each run of digits becomes a mark holding its
 * count of significant digits (so 9 < 10), then those digits; the leading
 * zeros count on the accent level (1 < 01). */
static void numbers(struct builder *b)
{
	int i = 0, j, zeros, k;

	while (i < b->ne && !b->oom) {
		if (b->e[i].group != GROUP_DIGIT) {
			i++;
			continue;
		}
		for (j = i; j < b->ne && b->e[j].group == GROUP_DIGIT; j++)
			;
		for (zeros = 0; i + zeros < j - 1 && b->e[i + zeros].code == '0'; zeros++)
			;
		/* the mark replaces one leading zero, or is inserted */
		if (!zeros) {
			push(b, 0, 0, 0, 0);
			if (b->oom)
				return;
			memmove(&b->e[i + 1], &b->e[i], (SIZE_T)(b->ne - 1 - i) * sizeof(struct elem));
			j++;
		} else {
			memmove(&b->e[i + 1], &b->e[i + zeros], (SIZE_T)(b->ne - i - zeros) *
				sizeof(struct elem));
			b->ne -= zeros - 1;
			j -= zeros - 1;
		}
		b->e[i].group = GROUP_DIGIT;
		b->e[i].code = NUMBER_MARK + (unsigned)(j - i - 1);
		b->e[i].dia = (unsigned)zeros;
		b->e[i].cas = 0;
		b->e[i].kana = 0;
		for (k = 0; k < b->nsp; k++)
			if (b->sp[k].pos > (unsigned)i)
				b->sp[k].pos = b->sp[k].pos + 1 - (unsigned)zeros;
		i = j;
	}
}

struct out {
	BYTE *key;
	int size, len;
};

static void put(struct out *o, unsigned byte)
{
	if (o->size && o->len < o->size)
		o->key[o->len] = (BYTE)byte;
	o->len++;
}

/* A value as `digits` bytes of base 254 from 2 up: order kept, no 0 or 1. */
static void put_number(struct out *o, unsigned v, int digits)
{
	unsigned scale = 1;
	int i;

	for (i = 1; i < digits; i++)
		scale *= 254;
	for (; scale; scale /= 254)
		put(o, 2 + (v / scale) % 254);
}

static unsigned level_weight(const struct elem *e, BOOL diacritic)
{
	unsigned v = diacritic ? e->dia : e->cas;

	return v > 0xFD ? 0xFD : v;
}

/* One byte a element on a level, trailing plain ones left out; the
 * accents from the last element to the first when the locale says so. */
static void put_level(struct out *o, const struct builder *b, BOOL diacritic)
{
	int i, first = 0, last = b->ne;

	if (diacritic && (b->flags & K32_SORT_REVERSE_ACCENTS)) {
		while (first < b->ne && !b->e[first].dia)
			first++;
		for (i = b->ne - 1; i >= first; i--)
			put(o, NO_WEIGHT + level_weight(&b->e[i], TRUE));
		put(o, 1);
		return;
	}
	while (last > 0 && !level_weight(&b->e[last - 1], diacritic))
		last--;
	for (i = 0; i < last; i++)
		put(o, NO_WEIGHT + level_weight(&b->e[i], diacritic));
	put(o, 1);
}

/* The kana levels: small before full size, katakana before hiragana,
 * half width before full width, one byte an element each. */
static void put_kana_levels(struct out *o, const struct builder *b)
{
	static const unsigned order[3] = { K32_SORT_SMALL, K32_SORT_HIRAGANA, K32_SORT_WIDTH };
	int i, l;

	for (l = 0; l < 3; l++) {
		for (i = 0; i < b->ne; i++) {
			unsigned set = (b->e[i].kana & order[l]) != 0;
			put(o, NO_WEIGHT + (order[l] == K32_SORT_SMALL ? !set : set));
		}
		put(o, 1);
	}
}

static void emit(const struct builder *b, struct out *o)
{
	int i;

	for (i = 0; i < b->ne; i++)
		put_number(o, b->e[i].group * 0x110000u + b->e[i].code, 3);
	put(o, 1);
	put_level(o, b, TRUE);
	put_level(o, b, FALSE);
	if (b->has_kana)
		put_kana_levels(o, b);
	for (i = 0; i < b->nsp; i++) {
		put_number(o, b->sp[i].pos, 2);
		put(o, b->sp[i].weight);
	}
	put(o, 0);
}

DWORD k32_sort_tailoring(const struct k32_locale *loc)
{
	return wcscmp(k32_locale_field(loc, LF_ISO639), L"fr") ? 0 : K32_SORT_REVERSE_ACCENTS;
}

static void builder_init(struct builder *b, DWORD flags)
{
	memset(b, 0, sizeof(*b));
	b->flags = flags;
	b->case_mask = ~0u;
	if (flags & (NORM_IGNORECASE | LINGUISTIC_IGNORECASE))
		b->case_mask &= ~(unsigned)K32_SORT_UPPER;
	if (flags & NORM_IGNOREWIDTH)
		b->case_mask &= ~(unsigned)K32_SORT_WIDTH;
	if (flags & NORM_IGNOREKANATYPE)
		b->case_mask &= ~(unsigned)K32_SORT_HIRAGANA;
	if (flags & (NORM_IGNORENONSPACE | LINGUISTIC_IGNOREDIACRITIC))
		b->case_mask &= ~(unsigned)K32_SORT_SMALL;
}

/* Adds the character at s[*i] (a surrogate pair as one) and moves on. */
static void add_next(struct builder *b, const WCHAR *s, int n, int *i)
{
	WCHAR c = s[(*i)++];

	if (IS_HIGH_SURROGATE(c) && *i < n && IS_LOW_SURROGATE(s[*i])) {
		push(b, GROUP_LETTER, 0x10000 + ((c - 0xD800u) << 10) + (s[*i] - 0xDC00u), 0, 0);
		(*i)++;
	} else {
		add_char(b, c, FALSE);
	}
}

static void build(struct builder *b, const WCHAR *s, int n, DWORD flags)
{
	int i = 0;

	builder_init(b, flags);
	while (i < n && !b->oom)
		add_next(b, s, n, &i);
	if (flags & SORT_DIGITSASNUMBERS)
		numbers(b);
}

static void release(struct builder *b)
{
	k32_free(b->e);
	k32_free(b->sp);
}

/* The key into key[0..size) (as much as fits); its full length, or 0
 * when out of memory. */
static int make_key(const WCHAR *s, int n, DWORD flags, BYTE *key, int size)
{
	struct builder b;
	struct out o = { key, size, 0 };

	build(&b, s, n, flags);
	if (!b.oom)
		emit(&b, &o);
	release(&b);
	return b.oom ? 0 : o.len;
}

/* A key in the caller's small buffer, or on the heap when longer. */
static BYTE *key_of(const WCHAR *s, int n, DWORD flags, BYTE *small, int *len)
{
	BYTE *k;

	*len = make_key(s, n, flags, small, 256);
	if (*len <= 256)
		return *len ? small : NULL;
	if (!(k = RtlAllocateHeap(k32_heap(), 0, (SIZE_T)*len)))
		return NULL;
	make_key(s, n, flags, k, *len);
	return k;
}

/* The key into key[0..size), or when it is longer, the levels that fit
 * whole, each with its 0x01 separator (Windows writes no partial level
 * and leaves the rest of the buffer as it was). */
int k32_sort_key(const WCHAR *s, int n, DWORD flags, BYTE *key, int size)
{
	BYTE small[256], *full;
	int len, cut;

	if (!(full = key_of(s, n, flags, small, &len)))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	cut = size && len > size ? size : len;
	while (cut < len && cut > 0 && full[cut - 1] != 1)
		cut--;
	if (size)
		memcpy(key, full, (SIZE_T)cut);
	if (full != small)
		k32_free(full);
	if (size && len > size)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	return len;
}

static unsigned primary(const struct builder *b, int e)
{
	return b->e[e].group * 0x110000u + b->e[e].code;
}

/* The first level, read only as far as the first difference (as Windows
 * reads it): -1 or 1, or 0 when equal to the end (or out of memory). */
static int compare_first_level(DWORD flags, const WCHAR *a, int na, const WCHAR *b, int nb)
{
	struct builder ba, bb;
	int ia = 0, ib = 0, e = 0, r;

	builder_init(&ba, flags);
	builder_init(&bb, flags);
	for (;;) {
		while (ba.ne <= e && ia < na && !ba.oom)
			add_next(&ba, a, na, &ia);
		while (bb.ne <= e && ib < nb && !bb.oom)
			add_next(&bb, b, nb, &ib);
		if (ba.oom || bb.oom) {
			r = 0;
			break;
		}
		if (e >= ba.ne || e >= bb.ne) {
			r = (e < ba.ne) - (e < bb.ne);
			break;
		}
		if (primary(&ba, e) != primary(&bb, e)) {
			r = primary(&ba, e) < primary(&bb, e) ? -1 : 1;
			break;
		}
		e++;
	}
	release(&ba);
	release(&bb);
	return r;
}

int k32_sort_compare(const WCHAR *a, int na, const WCHAR *b, int nb, DWORD flags)
{
	BYTE small_a[256], small_b[256], *ka, *kb;
	int la, lb, r = 0;

	if (!(flags & SORT_DIGITSASNUMBERS) && (r = compare_first_level(flags, a, na, b, nb)))
		return r < 0 ? CSTR_LESS_THAN : CSTR_GREATER_THAN;
	ka = key_of(a, na, flags, small_a, &la);
	kb = ka ? key_of(b, nb, flags, small_b, &lb) : NULL;
	if (!ka || !kb) {
		k32_error(ERROR_NOT_ENOUGH_MEMORY);
	} else {
		r = memcmp(ka, kb, (SIZE_T)(la < lb ? la : lb));
		if (!r)
			r = la - lb;
		r = r < 0 ? CSTR_LESS_THAN : r > 0 ? CSTR_GREATER_THAN : CSTR_EQUAL;
	}
	if (ka && ka != small_a)
		k32_free(ka);
	if (kb && kb != small_b)
		k32_free(kb);
	return r;
}
