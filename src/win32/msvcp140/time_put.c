/*
 * The facets time_put<char> and time_put<wchar_t> (over
 * ostreambuf_iterator, one body with a width flag): what put_time's inline
 * code reaches through use_facet (_Getcat) and put.  do_put turns one
 * conversion (and its E, O or # modifier) into text with the UCRT's
 * _Strftime or _Wcsftime, "!%c" so that an empty result is told from a
 * failure, in a buffer doubled until it fits; put over a pattern writes
 * its other characters itself (a '%' at the end as it is, a modifier at
 * the end with its '%') and calls do_put through the vtable for each
 * conversion.  The width is not used.  The facet keeps the C runtime's
 * time names and pictures (_Gettnames: with them %c is the "C" locale's
 * date and time pictures, "02/29/24 07:05:09", not strftime's C99 form),
 * freed with the facet.  Vtable: the facet's three slots, do_put.
 */
#include "msvcp140/iostream.h"
#include "msvcp140/locale.h"
#include "msvcp140/ucrt.h"

struct ostreambuf_iter {
	BOOLEAN failed;
	struct streambuf *sb;
};

struct time_put {           /* time_put<char> and time_put<wchar_t> */
	struct facet facet;
	void *timeptr;      /* _Locinfo::_Timevec */
};
_Static_assert(sizeof(struct time_put) == 0x18, "time_put is 0x18 bytes");

struct locale_id time_put_char_id, time_put_wchar_id;

enum { SLOT_DO_PUT = 3, STRFTIME_MAX = 1 << 16 };

static void iter_putc(struct ostreambuf_iter *it, BOOL wide, WCHAR c)
{
	if (!it->failed && (!it->sb || (wide ? wstreambuf_sputc(it->sb, c) == WCHAR_EOF
					      : streambuf_sputc(it->sb, (char)c) == CHAR_EOF)))
		it->failed = TRUE;
}

typedef size_t (__cdecl *strftime_fn)(void *, size_t, const void *, const void *, void *);

/* The conversion's text ("!" first: no text is not a failure) in a
 * buffer doubled until it fits; its length with the "!", 0 on failure. */
static size_t format_time(const struct time_put *f, BOOL wide, const void *tm, char spec, char mod, void **text,
			  void *small, size_t small_size)
{
	strftime_fn strftime_ = msvcp_ucrt_proc(wide ? "_Wcsftime" : "_Strftime");
	WCHAR fmt[5] = { '!', '%', (BYTE)(mod ? mod : spec), (BYTE)(mod ? spec : 0), 0 };
	char nfmt[5];
	size_t size = small_size, n = 0, unit = wide ? sizeof(WCHAR) : 1;

	for (int i = 0; i < 5; i++)
		nfmt[i] = (char)fmt[i];
	*text = small;
	while (strftime_ && !(n = strftime_(*text, size, wide ? (void *)fmt : nfmt, tm, f->timeptr)) &&
	       size < STRFTIME_MAX) {
		if (*text != small)
			msvcp_free(*text);
		size *= 2;
		if (!(*text = msvcp_alloc(size * unit)))
			msvcp_xbad_alloc();
	}
	return n;
}

static struct ostreambuf_iter *do_put(const struct time_put *f, struct ostreambuf_iter *ret,
				      const struct ostreambuf_iter *dest, BOOL wide, const void *tm, char spec, char mod)
{
	WCHAR small[64];
	void *text;
	size_t n = format_time(f, wide, tm, spec, mod, &text, small, 64);

	*ret = *dest;
	for (size_t i = 1; i < n; i++)
		iter_putc(ret, wide, wide ? ((WCHAR *)text)[i] : (unsigned char)((char *)text)[i]);
	if (text != small)
		msvcp_free(text);
	return ret;
}

typedef struct ostreambuf_iter *(__cdecl *do_put_fn)(const struct time_put *, struct ostreambuf_iter *,
	const struct ostreambuf_iter *, struct ios_base *, WCHAR, const void *, char, char);

static BOOL is_modifier(char c)
{
	return c == 'E' || c == 'O' || c == '#';
}

/* A pattern character as the "C" locale's ctype narrows it ('\0' when
 * it has no char). */
static char pattern_char(const void *p, BOOL wide)
{
	WCHAR c = wide ? *(const WCHAR *)p : (unsigned char)*(const char *)p;

	return c <= 0xff ? (char)c : 0;
}

static struct ostreambuf_iter *put_pattern(const struct time_put *f, struct ostreambuf_iter *ret,
					   const struct ostreambuf_iter *dest, struct ios_base *b, BOOL wide,
					   WCHAR fill, const void *tm, const char *first, const char *last)
{
	size_t unit = wide ? sizeof(WCHAR) : 1;
	struct ostreambuf_iter it = *dest, next;
	do_put_fn vput = (do_put_fn)f->facet.vtbl[SLOT_DO_PUT];

	for (; first < last; first += unit) {
		char spec, mod = 0;

		if (pattern_char(first, wide) != '%') {
			iter_putc(&it, wide, wide ? *(const WCHAR *)first : (unsigned char)*first);
			continue;
		}
		if ((first += unit) >= last) {
			iter_putc(&it, wide, '%');
			break;
		}
		spec = pattern_char(first, wide);
		if (is_modifier(spec)) {
			if ((first += unit) >= last) {
				iter_putc(&it, wide, '%');
				iter_putc(&it, wide, spec);
				break;
			}
			mod = spec;
			spec = pattern_char(first, wide);
		}
		it = *vput(f, &next, &it, b, fill, tm, spec, mod);
	}
	*ret = it;
	return ret;
}

/* The members of time_put<E> (c: the name's letter, W: whether wide). */
#define TIME_PUT(c, E, W) \
	struct ostreambuf_iter *__cdecl time_put_##c##_do_put(const struct time_put *f, struct ostreambuf_iter *ret, \
		const struct ostreambuf_iter *dest, struct ios_base *b, E fill, const void *tm, char spec, char mod) \
	{ \
		return do_put(f, ret, dest, W, tm, spec, mod); \
	} \
	struct ostreambuf_iter *__cdecl time_put_##c##_put(const struct time_put *f, struct ostreambuf_iter *ret, \
		const struct ostreambuf_iter *dest, struct ios_base *b, E fill, const void *tm, char spec, char mod) \
	{ \
		typedef struct ostreambuf_iter *(__cdecl *fn)(const struct time_put *, struct ostreambuf_iter *, \
			const struct ostreambuf_iter *, struct ios_base *, E, const void *, char, char); \
		return ((fn)f->facet.vtbl[SLOT_DO_PUT])(f, ret, dest, b, fill, tm, spec, mod); \
	} \
	struct ostreambuf_iter *__cdecl time_put_##c##_put_pattern(const struct time_put *f, \
		struct ostreambuf_iter *ret, const struct ostreambuf_iter *dest, struct ios_base *b, E fill, \
		const void *tm, const E *first, const E *last) \
	{ \
		return put_pattern(f, ret, dest, b, W, W ? (WCHAR)fill : (unsigned char)fill, tm, \
				   (const char *)first, (const char *)last); \
	} \
	void __cdecl time_put_##c##_dtor(struct time_put *f) \
	{ \
		msvcp_free(f->timeptr); \
		f->timeptr = NULL; \
	} \
	FACET_VECTOR_DTOR(time_put_##c##_vector_dtor, time_put_##c##_dtor) \
	const void *const time_put_##c##_vftable[] = { \
		time_put_##c##_vector_dtor, facet_incref, facet_decref, time_put_##c##_do_put, \
	}; \
	void __cdecl time_put_##c##_init(struct time_put *f, const struct locinfo *info) \
	{ \
		locinfo_gettnames(info, &f->timeptr); \
	} \
	struct time_put *__cdecl time_put_##c##_ctor_locinfo(struct time_put *f, const struct locinfo *info, \
							     size_t refs) \
	{ \
		facet_init(&f->facet, time_put_##c##_vftable, refs); \
		time_put_##c##_init(f, info); \
		return f; \
	} \
	struct time_put *__cdecl time_put_##c##_ctor(struct time_put *f, size_t refs) \
	{ \
		return time_put_##c##_ctor_locinfo(f, NULL, refs); \
	} \
	void __cdecl time_put_##c##_ctor_default(struct time_put *f) { time_put_##c##_ctor(f, 0); } \
	size_t __cdecl time_put_##c##_getcat(const struct facet **pf, const struct locale *loc) \
	{ \
		locinfo_getcat(pf, loc, sizeof(struct time_put), (locinfo_facet_ctor)time_put_##c##_ctor_locinfo); \
		return CAT_TIME; \
	}

TIME_PUT(char, char, FALSE)
TIME_PUT(wchar, WCHAR, TRUE)

/* time_put<wchar_t>(const char *, size_t): the names of a locale. */
struct time_put *__cdecl time_put_wchar_ctor_name(struct time_put *f, const char *name, size_t refs)
{
	return locinfo_make_facet(f, name, refs, (locinfo_facet_ctor)time_put_wchar_ctor_locinfo);
}

EXPORT_AS(time_put_char_id, "?id@?$time_put@DV?$ostreambuf_iterator@DU?$char_traits@D@std@@@std@@@std@@2V0locale@2@A");
EXPORT_AS(time_put_char_vftable, "??_7?$time_put@DV?$ostreambuf_iterator@DU?$char_traits@D@std@@@std@@@std@@6B@");
EXPORT_AS(time_put_wchar_id, "?id@?$time_put@_WV?$ostreambuf_iterator@_WU?$char_traits@_W@std@@@std@@@std@@2V0locale@2@A");
EXPORT_AS(time_put_wchar_vftable, "??_7?$time_put@_WV?$ostreambuf_iterator@_WU?$char_traits@_W@std@@@std@@@std@@6B@");
