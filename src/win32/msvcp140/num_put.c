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
	NUM_PUT_CALL(c, E, kind, type, slot)

/* put: do_put of the slot through the vtable. */
#define NUM_PUT_CALL(c, E, kind, type, slot) \
	struct ostreambuf_iter *__cdecl num_put_##c##_put_##kind(const struct facet *f, \
		struct ostreambuf_iter *ret, const struct ostreambuf_iter *dest, struct ios_base *b, E fill, type v) \
	{ \
		typedef struct ostreambuf_iter *(__cdecl *fn)(const struct facet *, struct ostreambuf_iter *, \
			const struct ostreambuf_iter *, struct ios_base *, E, type); \
		return ((fn)f->vtbl[slot])(f, ret, dest, b, fill, v); \
	}

/* bool as a number is do_put(long) through the vtable (a derived facet's
 * too); with boolalpha the locale's names. */
#define NUM_PUT_BOOL(c, E, W) \
	struct ostreambuf_iter *__cdecl num_put_##c##_do_put_bool(const struct facet *f, \
		struct ostreambuf_iter *ret, const struct ostreambuf_iter *dest, struct ios_base *b, E fill, BOOLEAN v) \
	{ \
		typedef struct ostreambuf_iter *(__cdecl *fn)(const struct facet *, struct ostreambuf_iter *, \
			const struct ostreambuf_iter *, struct ios_base *, E, LONG); \
		struct numtext t; \
		if (!(b->fmtfl & FMT_BOOLALPHA)) \
			return ((fn)f->vtbl[NUM_PUT_SLOT_LONG])(f, ret, dest, b, fill, v != 0); \
		numtext_bool(&t, b, W, v); \
		return put_numtext(ret, dest, b, W, W ? (WCHAR)fill : (unsigned char)fill, &t); \
	} \
	NUM_PUT_CALL(c, E, bool, BOOLEAN, NUM_PUT_SLOT_BOOL)

#define NUM_PUT_ALL(c, E, W) \
	NUM_PUT(c, E, W, ptr, const void *, NUM_PUT_SLOT_PTR, numtext_pointer) \
	NUM_PUT(c, E, W, ldouble, double, NUM_PUT_SLOT_LDOUBLE, numtext_double) \
	NUM_PUT(c, E, W, double, double, NUM_PUT_SLOT_DOUBLE, numtext_double) \
	NUM_PUT(c, E, W, ull, ULONGLONG, NUM_PUT_SLOT_ULL, numtext_unsigned, , FALSE) \
	NUM_PUT(c, E, W, ll, LONGLONG, NUM_PUT_SLOT_LL, numtext_signed, , ~0ULL) \
	NUM_PUT(c, E, W, ulong, ULONG, NUM_PUT_SLOT_ULONG, numtext_unsigned, , FALSE) \
	NUM_PUT(c, E, W, long, LONG, NUM_PUT_SLOT_LONG, numtext_signed, , 0xFFFFFFFF) \
	NUM_PUT_BOOL(c, E, W) \
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

/* The inserters' way to a num_put of the program's own (a class derived
 * from num_put, put in the stream's locale): its do_put by slot, as
 * msvcp140's inserters call use_facet<num_put>(getloc()).put(...).  NULL
 * when the locale has none or msvcp140's own, which the inserters'
 * formatting equals. */
const struct facet *num_put_of_program(const struct locale *loc, BOOL wide)
{
	size_t id = (wide ? &num_put_wchar_id : &num_put_char_id)->id;
	const struct locimp *imp = loc ? loc->impl : NULL;
	const struct facet *f = NULL;

	if (!imp || !id)
		return NULL;
	if (id < imp->facetcount)
		f = imp->facetvec[id];
	if (!f && imp->xparent && (imp = locale_init(FALSE)) && id < imp->facetcount)
		f = imp->facetvec[id];
	if (!f || f->vtbl == (wide ? num_put_wchar_vftable : num_put_char_vftable))
		return NULL;
	return f;
}

/* do_put of the slot for the value (its type the slot's); whether the
 * iterator failed. */
BOOL num_put_call(const struct facet *f, int slot, BOOL wide, struct streambuf *sb, struct ios_base *b,
		  WCHAR fill, const union num_value *v)
{
	struct ostreambuf_iter it = { FALSE, sb }, ret;
	typedef struct ostreambuf_iter *(__cdecl *call_ll)(const struct facet *, struct ostreambuf_iter *,
		const struct ostreambuf_iter *, struct ios_base *, WCHAR, LONGLONG);
	typedef struct ostreambuf_iter *(__cdecl *call_dbl)(const struct facet *, struct ostreambuf_iter *,
		const struct ostreambuf_iter *, struct ios_base *, WCHAR, double);

	/* The narrow fill is passed in a register as a char: its low byte. */
	if (slot == NUM_PUT_SLOT_DOUBLE || slot == NUM_PUT_SLOT_LDOUBLE)
		((call_dbl)f->vtbl[slot])(f, &ret, &it, b, wide ? fill : (char)fill, v->d);
	else
		((call_ll)f->vtbl[slot])(f, &ret, &it, b, wide ? fill : (char)fill, v->ll);
	return ret.failed;
}
