/*
 * The facets num_put<char> and num_put<wchar_t> (over ostreambuf_iterator):
 * what use_facet gives a program for them, _Getcat making one, and do_put
 * writing a number's text (num_format.c) through the iterator, padded to
 * the ios_base's width with the fill given, the width then 0; put calls
 * do_put through the vtable, a derived facet's too.  The facet has no
 * data of its own.  Vtable: the facet's three slots, then do_put for
 * const void *, long double, double, unsigned long long, long long,
 * unsigned long, long, bool (the overloads in reverse order of
 * declaration, as msvcp140's vtable has them).
 */
#include "msvcp140/locale.h"
#include "msvcp140/num_format.h"

struct ostreambuf_iter {    /* ostreambuf_iterator: returned through a pointer, passed by one */
	BOOLEAN failed;
	struct streambuf *sb;
};

struct locale_id num_put_char_id, num_put_wchar_id;

/* The iterator's assignments: once a put fails, nothing more is written. */
static void iter_put(struct ostreambuf_iter *it, BOOL wide, const WCHAR *s, LONGLONG n)
{
	for (LONGLONG i = 0; i < n && !it->failed; i++)
		if (!it->sb || (wide ? wstreambuf_sputc(it->sb, s[i]) == WCHAR_EOF
				     : streambuf_sputc(it->sb, (char)s[i]) == CHAR_EOF))
			it->failed = TRUE;
}

static struct ostreambuf_iter *put_numtext(struct ostreambuf_iter *ret, const struct ostreambuf_iter *dest,
					   struct ios_base *b, BOOL wide, WCHAR fill, const struct numtext *t)
{
	int before;
	LONGLONG pad = numtext_padding(t, b, &before);

	*ret = *dest;
	iter_put(ret, wide, t->text, before);
	for (; pad > 0; pad--)
		iter_put(ret, wide, &fill, 1);
	iter_put(ret, wide, t->text + before, t->len - before);
	b->wide = 0;
	return ret;
}

static void pointer_text(struct numtext *t, const struct ios_base *b, BOOL wide, const void *p)
{
	numtext_pointer(t, p);
}

enum { SLOT_PTR = 3, SLOT_LDOUBLE, SLOT_DOUBLE, SLOT_ULL, SLOT_LL, SLOT_ULONG, SLOT_LONG, SLOT_BOOL };

/* do_put and put of one value type for one character type (c: the name's
 * letter, E: the character, W: whether wide). */
#define NUM_PUT(c, E, W, kind, type, slot, format, ...) \
	struct ostreambuf_iter *__cdecl num_put_##c##_do_put_##kind(const struct facet *f, \
		struct ostreambuf_iter *ret, const struct ostreambuf_iter *dest, struct ios_base *b, E fill, type v) \
	{ \
		struct numtext t; \
		format(&t, b, W, v __VA_ARGS__); \
		return put_numtext(ret, dest, b, W, W ? (WCHAR)fill : (unsigned char)fill, &t); \
	} \
	struct ostreambuf_iter *__cdecl num_put_##c##_put_##kind(const struct facet *f, \
		struct ostreambuf_iter *ret, const struct ostreambuf_iter *dest, struct ios_base *b, E fill, type v) \
	{ \
		typedef struct ostreambuf_iter *(__cdecl *fn)(const struct facet *, struct ostreambuf_iter *, \
			const struct ostreambuf_iter *, struct ios_base *, E, type); \
		return ((fn)f->vtbl[slot])(f, ret, dest, b, fill, v); \
	}

#define NUM_PUT_ALL(c, E, W) \
	NUM_PUT(c, E, W, ptr, const void *, SLOT_PTR, pointer_text) \
	NUM_PUT(c, E, W, ldouble, double, SLOT_LDOUBLE, numtext_double) \
	NUM_PUT(c, E, W, double, double, SLOT_DOUBLE, numtext_double) \
	NUM_PUT(c, E, W, ull, ULONGLONG, SLOT_ULL, numtext_unsigned, , FALSE) \
	NUM_PUT(c, E, W, ll, LONGLONG, SLOT_LL, numtext_signed, , ~0ULL) \
	NUM_PUT(c, E, W, ulong, ULONG, SLOT_ULONG, numtext_unsigned, , FALSE) \
	NUM_PUT(c, E, W, long, LONG, SLOT_LONG, numtext_signed, , 0xFFFFFFFF) \
	NUM_PUT(c, E, W, bool, BOOLEAN, SLOT_BOOL, numtext_bool) \
	void __cdecl num_put_##c##_dtor(struct facet *f) { } \
	FACET_VECTOR_DTOR(num_put_##c##_vector_dtor, num_put_##c##_dtor) \
	const void *const num_put_##c##_vftable[] = { \
		num_put_##c##_vector_dtor, facet_incref, facet_decref, num_put_##c##_do_put_ptr, \
		num_put_##c##_do_put_ldouble, num_put_##c##_do_put_double, num_put_##c##_do_put_ull, \
		num_put_##c##_do_put_ll, num_put_##c##_do_put_ulong, num_put_##c##_do_put_long, \
		num_put_##c##_do_put_bool, \
	}; \
	struct facet *__cdecl num_put_##c##_ctor_locinfo(struct facet *f, const struct locinfo *info, size_t refs) \
	{ \
		facet_init(f, num_put_##c##_vftable, refs); \
		return f; \
	} \
	struct facet *__cdecl num_put_##c##_ctor(struct facet *f, size_t refs) \
	{ \
		return num_put_##c##_ctor_locinfo(f, NULL, refs); \
	} \
	void __cdecl num_put_##c##_ctor_default(struct facet *f) { num_put_##c##_ctor(f, 0); } \
	void __cdecl num_put_##c##_init(struct facet *f, const struct locinfo *info) { } \
	size_t __cdecl num_put_##c##_getcat(const struct facet **pf, const struct locale *loc) \
	{ \
		locinfo_getcat(pf, loc, sizeof(struct facet), (locinfo_facet_ctor)num_put_##c##_ctor_locinfo); \
		return CAT_NUMERIC; \
	}

NUM_PUT_ALL(char, char, FALSE)
NUM_PUT_ALL(wchar, WCHAR, TRUE)

EXPORT_AS(num_put_char_id, "?id@?$num_put@DV?$ostreambuf_iterator@DU?$char_traits@D@std@@@std@@@std@@2V0locale@2@A");
EXPORT_AS(num_put_wchar_id, "?id@?$num_put@_WV?$ostreambuf_iterator@_WU?$char_traits@_W@std@@@std@@@std@@2V0locale@2@A");
EXPORT_AS(num_put_char_vftable, "??_7?$num_put@DV?$ostreambuf_iterator@DU?$char_traits@D@std@@@std@@@std@@6B@");
EXPORT_AS(num_put_wchar_vftable, "??_7?$num_put@_WV?$ostreambuf_iterator@_WU?$char_traits@_W@std@@@std@@@std@@6B@");
