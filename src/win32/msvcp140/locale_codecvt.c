/*
 * The facets codecvt<char, char, mbstate_t> (no conversion: what
 * basic_filebuf<char> asks, always_noconv) and codecvt<wchar_t, char,
 * mbstate_t> (wide characters to and from the bytes of the C runtime's
 * locale, one _Mbrtowc/_Wcrtomb at a time: what wfilebuf converts with),
 * over codecvt_base.  Results are codecvt_base's ok, partial, error,
 * noconv.  Vtables: the facet's three slots, codecvt_base's
 * do_always_noconv, do_max_length, do_encoding, then do_in, do_out,
 * do_unshift, do_length.
 */
#include "msvcp140/iostream.h"
#include "msvcp140/locale.h"

enum { CVT_OK, CVT_PARTIAL, CVT_ERROR, CVT_NOCONV };
enum { MB_LEN_MAX_ = 5 };

struct codecvt_wchar {      /* codecvt<wchar_t, char, mbstate_t> */
	struct facet facet;
	struct cvtvec cvt;
};
_Static_assert(sizeof(struct codecvt_wchar) == 0x40, "codecvt<wchar_t> is 0x40 bytes");

struct locale_id codecvt_char_id, codecvt_wchar_id;

/* codecvt_base */

BOOLEAN __cdecl codecvt_base_do_always_noconv(const struct facet *f) { return FALSE; }
int __cdecl codecvt_base_do_max_length(const struct facet *f) { return 1; }
int __cdecl codecvt_base_do_encoding(const struct facet *f) { return 1; }

void __cdecl codecvt_base_dtor(struct facet *f) { }
FACET_VECTOR_DTOR(codecvt_base_vector_dtor, codecvt_base_dtor)

const void *const codecvt_base_vftable[] = {
	codecvt_base_vector_dtor, facet_incref, facet_decref,
	codecvt_base_do_always_noconv, codecvt_base_do_max_length, codecvt_base_do_encoding,
};

struct facet *__cdecl codecvt_base_ctor(struct facet *f, size_t refs)
{
	facet_init(f, codecvt_base_vftable, refs);
	return f;
}

void __cdecl codecvt_base_ctor_default(struct facet *f) { codecvt_base_ctor(f, 0); }

/* The non-virtual members ask the virtual ones, a derived facet's too. */
#define VCALL(f, slot, type) ((type)(f)->vtbl[slot])

BOOLEAN __cdecl codecvt_base_always_noconv(const struct facet *f)
{
	return VCALL(f, 3, BOOLEAN (__cdecl *)(const struct facet *))(f);
}

int __cdecl codecvt_base_max_length(const struct facet *f)
{
	return VCALL(f, 4, int (__cdecl *)(const struct facet *))(f);
}

int __cdecl codecvt_base_encoding(const struct facet *f)
{
	return VCALL(f, 5, int (__cdecl *)(const struct facet *))(f);
}

typedef int (__cdecl *cvt_fn)(const struct facet *, void *, const void *, const void *, const void **,
			      void *, void *, void **);
typedef int (__cdecl *unshift_fn)(const struct facet *, void *, char *, char *, char **);
typedef int (__cdecl *length_fn)(const struct facet *, void *, const char *, const char *, size_t);

int __cdecl codecvt_in(const struct facet *f, void *st, const void *first1, const void *last1,
		       const void **mid1, void *first2, void *last2, void **mid2)
{
	return VCALL(f, 6, cvt_fn)(f, st, first1, last1, mid1, first2, last2, mid2);
}

int __cdecl codecvt_out(const struct facet *f, void *st, const void *first1, const void *last1,
			const void **mid1, void *first2, void *last2, void **mid2)
{
	return VCALL(f, 7, cvt_fn)(f, st, first1, last1, mid1, first2, last2, mid2);
}

int __cdecl codecvt_unshift(const struct facet *f, void *st, char *first2, char *last2, char **mid2)
{
	return VCALL(f, 8, unshift_fn)(f, st, first2, last2, mid2);
}

int __cdecl codecvt_length(const struct facet *f, void *st, const char *first1, const char *last1, size_t n)
{
	return VCALL(f, 9, length_fn)(f, st, first1, last1, n);
}

/* codecvt<char, char, mbstate_t>: every conversion is noconv. */

BOOLEAN __cdecl codecvt_char_do_always_noconv(const struct facet *f) { return TRUE; }

int __cdecl codecvt_char_do_convert(const struct facet *f, void *st, const char *first1, const char *last1,
				    const char **mid1, char *first2, char *last2, char **mid2)
{
	*mid1 = first1;
	*mid2 = first2;
	return CVT_NOCONV;
}

int __cdecl codecvt_char_do_unshift(const struct facet *f, void *st, char *first2, char *last2, char **mid2)
{
	*mid2 = first2;
	return CVT_NOCONV;
}

/* One byte a character: as many as there are, up to n (and INT_MAX). */
int __cdecl codecvt_char_do_length(const struct facet *f, void *st, const char *first1, const char *last1,
				   size_t n)
{
	size_t have = last1 > first1 ? (size_t)(last1 - first1) : 0;

	if (have > 0x7fffffff)
		have = 0x7fffffff;
	return (int)(n < have ? n : have);
}

FACET_VECTOR_DTOR(codecvt_char_vector_dtor, codecvt_base_dtor)

const void *const codecvt_char_vftable[] = {
	codecvt_char_vector_dtor, facet_incref, facet_decref,
	codecvt_char_do_always_noconv, codecvt_base_do_max_length, codecvt_base_do_encoding,
	codecvt_char_do_convert, codecvt_char_do_convert, codecvt_char_do_unshift, codecvt_char_do_length,
};

void __cdecl codecvt_char_init(struct facet *f, const struct locinfo *info) { }

struct facet *__cdecl codecvt_char_ctor_locinfo(struct facet *f, const struct locinfo *info, size_t refs)
{
	facet_init(f, codecvt_char_vftable, refs);
	return f;
}

struct facet *__cdecl codecvt_char_ctor(struct facet *f, size_t refs)
{
	return codecvt_char_ctor_locinfo(f, NULL, refs);
}

void __cdecl codecvt_char_ctor_default(struct facet *f) { codecvt_char_ctor(f, 0); }

/* codecvt<wchar_t, char, mbstate_t> */

/* Bytes to wide characters, stopping at the end of either side (partial
 * when the output is full or the input ends inside a character). */
int __cdecl codecvt_wchar_do_in(const struct codecvt_wchar *cv, void *st, const char *first1,
				const char *last1, const char **mid1, WCHAR *first2, WCHAR *last2,
				WCHAR **mid2)
{
	int state[2] = { 0 };

	*mid1 = first1;
	*mid2 = first2;
	for (;;) {
		int bytes;

		if (*mid1 >= last1)
			return CVT_OK;
		if (*mid2 >= last2)
			return CVT_PARTIAL;
		bytes = _Mbrtowc(*mid2, *mid1, last1 - *mid1, state, &cv->cvt);
		if (bytes == -2)
			return CVT_PARTIAL;
		if (bytes < 0)
			return CVT_ERROR;
		*mid1 += bytes ? bytes : 1;
		++*mid2;
	}
}

/* Wide characters to bytes; a character whose bytes do not fit what is
 * left stops the conversion before it (partial). */
int __cdecl codecvt_wchar_do_out(const struct codecvt_wchar *cv, void *st, const WCHAR *first1,
				 const WCHAR *last1, const WCHAR **mid1, char *first2, char *last2,
				 char **mid2)
{
	*mid1 = first1;
	*mid2 = first2;
	while (*mid1 < last1 && *mid2 < last2) {
		char buf[MB_LEN_MAX_];
		int bytes = _Wcrtomb(buf, **mid1, st, &cv->cvt);

		if (bytes < 0)
			return CVT_ERROR;
		if (last2 - *mid2 < bytes)
			break;
		memcpy(*mid2, buf, bytes);
		++*mid1;
		*mid2 += bytes;
	}
	return *mid1 == last1 ? CVT_OK : CVT_PARTIAL;
}

/* No shift states: nothing to write. */
int __cdecl codecvt_wchar_do_unshift(const struct codecvt_wchar *cv, void *st, char *first2, char *last2,
				     char **mid2)
{
	*mid2 = first2;
	return CVT_OK;
}

/* How many bytes from first1 make at most n wide characters. */
int __cdecl codecvt_wchar_do_length(const struct codecvt_wchar *cv, void *st, const char *first1,
				    const char *last1, size_t n)
{
	const char *p = first1;

	for (; n > 0 && p < last1; n--) {
		WCHAR ch;
		int bytes = _Mbrtowc(&ch, p, last1 - p, st, &cv->cvt);

		if (bytes < 0)
			break;
		p += bytes ? bytes : 1;
	}
	return p - first1 > 0x7fffffff ? 0x7fffffff : (int)(p - first1);
}

int __cdecl codecvt_wchar_do_max_length(const struct codecvt_wchar *cv) { return (int)cv->cvt.mb_cur_max; }
int __cdecl codecvt_wchar_do_encoding(const struct codecvt_wchar *cv) { return cv->cvt.mb_cur_max == 1; }

FACET_VECTOR_DTOR(codecvt_wchar_vector_dtor, codecvt_base_dtor)

const void *const codecvt_wchar_vftable[] = {
	codecvt_wchar_vector_dtor, facet_incref, facet_decref,
	codecvt_base_do_always_noconv, codecvt_wchar_do_max_length, codecvt_wchar_do_encoding,
	codecvt_wchar_do_in, codecvt_wchar_do_out, codecvt_wchar_do_unshift, codecvt_wchar_do_length,
};

void __cdecl codecvt_wchar_init(struct codecvt_wchar *cv, const struct locinfo *info) { cv->cvt = _Getcvt(); }

struct codecvt_wchar *__cdecl codecvt_wchar_ctor_locinfo(struct codecvt_wchar *cv, const struct locinfo *info,
							 size_t refs)
{
	facet_init(&cv->facet, codecvt_wchar_vftable, refs);
	codecvt_wchar_init(cv, info);
	return cv;
}

/* From the current locale, under a "C" _Locinfo as the header's
 * constructor takes it. */
struct codecvt_wchar *__cdecl codecvt_wchar_ctor(struct codecvt_wchar *cv, size_t refs)
{
	return locinfo_make_facet(cv, "C", refs, (locinfo_facet_ctor)codecvt_wchar_ctor_locinfo);
}

void __cdecl codecvt_wchar_ctor_default(struct codecvt_wchar *cv) { codecvt_wchar_ctor(cv, 0); }

size_t __cdecl codecvt_char_getcat(const struct facet **pf, const struct locale *loc)
{
	return locinfo_getcat(pf, loc, sizeof(struct facet), (locinfo_facet_ctor)codecvt_char_ctor_locinfo);
}

size_t __cdecl codecvt_wchar_getcat(const struct facet **pf, const struct locale *loc)
{
	return locinfo_getcat(pf, loc, sizeof(struct codecvt_wchar), (locinfo_facet_ctor)codecvt_wchar_ctor_locinfo);
}

void locale_add_codecvt(const struct locinfo *info, struct locimp *imp, int cat, BOOL wide)
{
	if (!(cat & CATMASK(CAT_CTYPE)))
		return;
	if (wide)
		locimp_add_made(imp, info, sizeof(struct codecvt_wchar),
				(locinfo_facet_ctor)codecvt_wchar_ctor_locinfo, &codecvt_wchar_id);
	else
		locimp_add_made(imp, info, sizeof(struct facet), (locinfo_facet_ctor)codecvt_char_ctor_locinfo,
				&codecvt_char_id);
}

EXPORT_AS(codecvt_char_id, "?id@?$codecvt@DDU_Mbstatet@@@std@@2V0locale@2@A");
EXPORT_AS(codecvt_wchar_id, "?id@?$codecvt@_WDU_Mbstatet@@@std@@2V0locale@2@A");
EXPORT_AS(codecvt_base_vftable, "??_7codecvt_base@std@@6B@");
EXPORT_AS(codecvt_char_vftable, "??_7?$codecvt@DDU_Mbstatet@@@std@@6B@");
EXPORT_AS(codecvt_wchar_vftable, "??_7?$codecvt@_WDU_Mbstatet@@@std@@6B@");
