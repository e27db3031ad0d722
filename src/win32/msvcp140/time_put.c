/*
 * The facet time_put<char> (over ostreambuf_iterator): what put_time's
 * inline code reaches through use_facet (_Getcat) and put.  do_put turns
 * one conversion (and its E, O or # modifier) into text with the UCRT's
 * _Strftime, "!%c" so that an empty result is told from a failure, in a
 * buffer doubled until it fits; put over a pattern writes its other
 * characters itself (a '%' at the end as it is, a modifier at the end
 * with its '%') and calls do_put through the vtable for each conversion.
 * The width is not used.  The facet keeps the C runtime's time names and
 * pictures (_Gettnames: with them %c is the "C" locale's date and time
 * pictures, "02/29/24 07:05:09", not strftime's C99 form), freed with
 * the facet.  Vtable: the facet's three slots, do_put.
 */
#include "msvcp140/iostream.h"
#include "msvcp140/locale.h"
#include "msvcp140/ucrt.h"

struct ostreambuf_iter {
	BOOLEAN failed;
	struct streambuf *sb;
};

struct time_put {           /* time_put<char> */
	struct facet facet;
	void *timeptr;      /* _Locinfo::_Timevec */
};
_Static_assert(sizeof(struct time_put) == 0x18, "time_put<char> is 0x18 bytes");

struct locale_id time_put_char_id;

enum { SLOT_DO_PUT = 3, STRFTIME_MAX = 1 << 16 };

static void iter_putc(struct ostreambuf_iter *it, char c)
{
	if (!it->failed && (!it->sb || streambuf_sputc(it->sb, c) == CHAR_EOF))
		it->failed = TRUE;
}

typedef size_t (__cdecl *strftime_fn)(char *, size_t, const char *, const void *, void *);

struct ostreambuf_iter *__cdecl time_put_char_do_put(const struct time_put *f, struct ostreambuf_iter *ret,
						     const struct ostreambuf_iter *dest, struct ios_base *b, char fill,
						     const void *tm, char spec, char mod)
{
	strftime_fn strftime_ = msvcp_ucrt_proc("_Strftime");
	char fmt[5] = { '!', '%', mod ? mod : spec, mod ? spec : 0, 0 };
	char small[64], *buf = small;
	size_t size = sizeof(small), n = 0;

	*ret = *dest;
	while (strftime_ && !(n = strftime_(buf, size, fmt, tm, f->timeptr)) && size < STRFTIME_MAX) {
		if (buf != small)
			msvcp_free(buf);
		size *= 2;
		if (!(buf = msvcp_alloc(size)))
			msvcp_xbad_alloc();
	}
	for (size_t i = 1; i < n; i++)
		iter_putc(ret, buf[i]);
	if (buf != small)
		msvcp_free(buf);
	return ret;
}

typedef struct ostreambuf_iter *(__cdecl *do_put_fn)(const struct time_put *, struct ostreambuf_iter *,
	const struct ostreambuf_iter *, struct ios_base *, char, const void *, char, char);

struct ostreambuf_iter *__cdecl time_put_char_put(const struct time_put *f, struct ostreambuf_iter *ret,
						  const struct ostreambuf_iter *dest, struct ios_base *b, char fill,
						  const void *tm, char spec, char mod)
{
	return ((do_put_fn)f->facet.vtbl[SLOT_DO_PUT])(f, ret, dest, b, fill, tm, spec, mod);
}

static BOOL is_modifier(char c)
{
	return c == 'E' || c == 'O' || c == '#';
}

struct ostreambuf_iter *__cdecl time_put_char_put_pattern(const struct time_put *f, struct ostreambuf_iter *ret,
							  const struct ostreambuf_iter *dest, struct ios_base *b,
							  char fill, const void *tm, const char *first,
							  const char *last)
{
	struct ostreambuf_iter it = *dest, next;

	for (; first < last; first++) {
		char spec, mod = 0;

		if (*first != '%') {
			iter_putc(&it, *first);
			continue;
		}
		if (++first == last) {
			iter_putc(&it, '%');
			break;
		}
		spec = *first;
		if (is_modifier(spec)) {
			if (++first == last) {
				iter_putc(&it, '%');
				iter_putc(&it, spec);
				break;
			}
			mod = spec;
			spec = *first;
		}
		it = *time_put_char_put(f, &next, &it, b, fill, tm, spec, mod);
	}
	*ret = it;
	return ret;
}

void __cdecl time_put_char_dtor(struct time_put *f)
{
	msvcp_free(f->timeptr);
	f->timeptr = NULL;
}
FACET_VECTOR_DTOR(time_put_char_vector_dtor, time_put_char_dtor)

const void *const time_put_char_vftable[] = {
	time_put_char_vector_dtor, facet_incref, facet_decref, time_put_char_do_put,
};

void __cdecl time_put_char_init(struct time_put *f, const struct locinfo *info)
{
	locinfo_gettnames(info, &f->timeptr);
}

struct time_put *__cdecl time_put_char_ctor_locinfo(struct time_put *f, const struct locinfo *info, size_t refs)
{
	facet_init(&f->facet, time_put_char_vftable, refs);
	time_put_char_init(f, info);
	return f;
}

struct time_put *__cdecl time_put_char_ctor(struct time_put *f, size_t refs)
{
	return time_put_char_ctor_locinfo(f, NULL, refs);
}

void __cdecl time_put_char_ctor_default(struct time_put *f) { time_put_char_ctor(f, 0); }

size_t __cdecl time_put_char_getcat(const struct facet **pf, const struct locale *loc)
{
	locinfo_getcat(pf, loc, sizeof(struct time_put), (locinfo_facet_ctor)time_put_char_ctor_locinfo);
	return CAT_TIME;
}

EXPORT_AS(time_put_char_id, "?id@?$time_put@DV?$ostreambuf_iterator@DU?$char_traits@D@std@@@std@@@std@@2V0locale@2@A");
EXPORT_AS(time_put_char_vftable, "??_7?$time_put@DV?$ostreambuf_iterator@DU?$char_traits@D@std@@@std@@@std@@6B@");
