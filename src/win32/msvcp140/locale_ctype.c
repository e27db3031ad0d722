/*
 * The facets ctype<char> and ctype<wchar_t>: classification by the C
 * runtime's table (ctype<char>'s is() reads it inline in the program),
 * case, widen and narrow.  Their vtables are MSVC's: the facet's three
 * slots, then the class's virtual functions with each group of overloads
 * in reverse order of declaration (the range form before the single
 * character), as the Visual C++ compiler lays them out.
 */
#include "msvcp140/iostream.h"
#include "msvcp140/locale.h"

const struct locale *__cdecl locale_classic(void);

struct ctype_char {         /* ctype<char> */
	struct facet facet;
	struct ctypevec ctype;
};
_Static_assert(sizeof(struct ctype_char) == 0x30, "ctype<char> is 0x30 bytes");

struct ctype_wchar {        /* ctype<wchar_t> */
	struct facet facet;
	struct ctypevec ctype;
	struct cvtvec cvt;
};
_Static_assert(sizeof(struct ctype_wchar) == 0x60, "ctype<wchar_t> is 0x60 bytes");

struct locale_id ctype_char_id, ctype_wchar_id;

static void tidy_ctype(struct ctypevec *v)
{
	if (v->delfl)
		msvcp_free((void *)v->table);
	msvcp_free(v->locale_name);
	v->table = NULL;
	v->locale_name = NULL;
}

/* ctype<char> */

char __cdecl ctype_char_do_tolower(const struct ctype_char *ct, char c)
{
	return (char)_Tolower((unsigned char)c, &ct->ctype);
}

const char *__cdecl ctype_char_do_tolower_range(const struct ctype_char *ct, char *first, const char *last)
{
	for (; first < last; first++)
		*first = ctype_char_do_tolower(ct, *first);
	return last;
}

char __cdecl ctype_char_do_toupper(const struct ctype_char *ct, char c)
{
	return (char)_Toupper((unsigned char)c, &ct->ctype);
}

const char *__cdecl ctype_char_do_toupper_range(const struct ctype_char *ct, char *first, const char *last)
{
	for (; first < last; first++)
		*first = ctype_char_do_toupper(ct, *first);
	return last;
}

char __cdecl ctype_char_do_widen(const struct ctype_char *ct, char c) { return c; }
char __cdecl ctype_char_do_narrow(const struct ctype_char *ct, char c, char dflt) { return c; }

const char *__cdecl ctype_char_do_widen_range(const struct ctype_char *ct, const char *first,
					      const char *last, char *dest)
{
	memcpy(dest, first, last - first);
	return last;
}

const char *__cdecl ctype_char_do_narrow_range(const struct ctype_char *ct, const char *first,
					       const char *last, char dflt, char *dest)
{
	memcpy(dest, first, last - first);
	return last;
}

void __cdecl ctype_char_dtor(struct ctype_char *ct) { tidy_ctype(&ct->ctype); }
FACET_VECTOR_DTOR(ctype_char_vector_dtor, ctype_char_dtor)

const void *const ctype_char_vftable[] = {
	ctype_char_vector_dtor, facet_incref, facet_decref,
	ctype_char_do_tolower_range, ctype_char_do_tolower,
	ctype_char_do_toupper_range, ctype_char_do_toupper,
	ctype_char_do_widen_range, ctype_char_do_widen,
	ctype_char_do_narrow_range, ctype_char_do_narrow,
};

void __cdecl ctype_char_init(struct ctype_char *ct, const struct locinfo *info) { ct->ctype = _Getctype(); }

struct ctype_char *__cdecl ctype_char_ctor_locinfo(struct ctype_char *ct, const struct locinfo *info, size_t refs)
{
	facet_init(&ct->facet, ctype_char_vftable, refs);
	ctype_char_init(ct, info);
	return ct;
}

/* ctype(const mask *table, bool del, size_t refs): the program's table
 * (freed with the facet when del says so: delete[], which is free here),
 * or the "C" locale's. */
struct ctype_char *__cdecl ctype_char_ctor_table(struct ctype_char *ct, const short *table,
						 BOOLEAN del, size_t refs)
{
	struct locinfo info;

	facet_init(&ct->facet, ctype_char_vftable, refs);
	locinfo_ctor_name(&info, "C");
	ct->ctype = _Getctype();
	locinfo_dtor_all(&info);
	if (table) {
		tidy_ctype(&ct->ctype);
		ct->ctype.table = table;
		ct->ctype.delfl = del ? -1 : 0;
	}
	return ct;
}

void __cdecl ctype_char_tidy(struct ctype_char *ct) { tidy_ctype(&ct->ctype); }

/* The inline members, exported as well. */
BOOLEAN __cdecl ctype_char_is(const struct ctype_char *ct, short mask, char c)
{
	return (ct->ctype.table[(unsigned char)c] & mask) != 0;
}

const char *__cdecl ctype_char_is_range(const struct ctype_char *ct, const char *first,
					const char *last, short *dest)
{
	for (; first < last; first++)
		*dest++ = ct->ctype.table[(unsigned char)*first];
	return first;
}

const char *__cdecl ctype_char_scan(const struct ctype_char *ct, short mask, const char *first,
				    const char *last, BOOLEAN want)
{
	while (first < last && ctype_char_is(ct, mask, *first) != want)
		first++;
	return first;
}

const char *__cdecl ctype_char_scan_is(const struct ctype_char *ct, short mask, const char *first,
				       const char *last)
{
	return ctype_char_scan(ct, mask, first, last, TRUE);
}

const char *__cdecl ctype_char_scan_not(const struct ctype_char *ct, short mask, const char *first,
					const char *last)
{
	return ctype_char_scan(ct, mask, first, last, FALSE);
}

const short *__cdecl ctype_char_table(const struct ctype_char *ct) { return ct->ctype.table; }

void __cdecl ctype_char_ctor_default_table(struct ctype_char *ct) { ctype_char_ctor_table(ct, NULL, FALSE, 0); }

/* The non-virtual members call the virtual ones through the vtable, so a
 * program's own facet derived from these is asked. */
#define VCALL(ct, slot, type) ((type)(ct)->facet.vtbl[slot])
typedef char (__cdecl *char_fn)(const struct ctype_char *, char);
typedef const char *(__cdecl *range_fn)(const struct ctype_char *, char *, const char *);
typedef const char *(__cdecl *widen_range_fn)(const struct ctype_char *, const char *, const char *, char *);

const char *__cdecl ctype_char_tolower_range(const struct ctype_char *ct, char *first, const char *last)
{
	return VCALL(ct, 3, range_fn)(ct, first, last);
}

char __cdecl ctype_char_tolower(const struct ctype_char *ct, char c) { return VCALL(ct, 4, char_fn)(ct, c); }

const char *__cdecl ctype_char_toupper_range(const struct ctype_char *ct, char *first, const char *last)
{
	return VCALL(ct, 5, range_fn)(ct, first, last);
}

char __cdecl ctype_char_toupper(const struct ctype_char *ct, char c) { return VCALL(ct, 6, char_fn)(ct, c); }

const char *__cdecl ctype_char_widen_range(const struct ctype_char *ct, const char *first, const char *last,
					   char *dest)
{
	return VCALL(ct, 7, widen_range_fn)(ct, first, last, dest);
}

char __cdecl ctype_char_widen(const struct ctype_char *ct, char c) { return VCALL(ct, 8, char_fn)(ct, c); }

const char *__cdecl ctype_char_narrow_range(const struct ctype_char *ct, const char *first, const char *last,
					    char dflt, char *dest)
{
	return VCALL(ct, 9, const char *(__cdecl *)(const struct ctype_char *, const char *, const char *, char,
						    char *))(ct, first, last, dflt, dest);
}

char __cdecl ctype_char_narrow(const struct ctype_char *ct, char c, char dflt)
{
	return VCALL(ct, 10, char (__cdecl *)(const struct ctype_char *, char, char))(ct, c, dflt);
}

/* ctype<wchar_t> */

BOOLEAN __cdecl ctype_wchar_do_is(const struct ctype_wchar *ct, short mask, WCHAR c)
{
	return (_Getwctype(c, &ct->ctype) & mask) != 0;
}

const WCHAR *__cdecl ctype_wchar_do_is_range(const struct ctype_wchar *ct, const WCHAR *first,
					     const WCHAR *last, short *dest)
{
	for (; first < last; first++)
		*dest++ = _Getwctype(*first, &ct->ctype);
	return first;
}

static const WCHAR *wscan(const struct ctype_wchar *ct, short mask, const WCHAR *first,
			  const WCHAR *last, BOOLEAN want)
{
	BOOLEAN (__cdecl *is)(const struct ctype_wchar *, short, WCHAR) = (void *)ct->facet.vtbl[4];

	while (first < last && is(ct, mask, *first) != want)
		first++;
	return first;
}

const WCHAR *__cdecl ctype_wchar_do_scan_is(const struct ctype_wchar *ct, short mask,
					    const WCHAR *first, const WCHAR *last)
{
	return wscan(ct, mask, first, last, TRUE);
}

const WCHAR *__cdecl ctype_wchar_do_scan_not(const struct ctype_wchar *ct, short mask,
					     const WCHAR *first, const WCHAR *last)
{
	return wscan(ct, mask, first, last, FALSE);
}

WCHAR __cdecl ctype_wchar_do_tolower(const struct ctype_wchar *ct, WCHAR c) { return _Towlower(c, &ct->ctype); }
WCHAR __cdecl ctype_wchar_do_toupper(const struct ctype_wchar *ct, WCHAR c) { return _Towupper(c, &ct->ctype); }

const WCHAR *__cdecl ctype_wchar_do_tolower_range(const struct ctype_wchar *ct, WCHAR *first,
						  const WCHAR *last)
{
	for (; first < last; first++)
		*first = _Towlower(*first, &ct->ctype);
	return last;
}

const WCHAR *__cdecl ctype_wchar_do_toupper_range(const struct ctype_wchar *ct, WCHAR *first,
						  const WCHAR *last)
{
	for (; first < last; first++)
		*first = _Towupper(*first, &ct->ctype);
	return last;
}

/* A byte the locale has no character for widens to WEOF. */
WCHAR __cdecl ctype_wchar_dowiden(const struct ctype_wchar *ct, char c)
{
	WCHAR wc;
	int state[2] = { 0 };

	return _Mbrtowc(&wc, &c, 1, state, &ct->cvt) < 0 ? WCHAR_EOF : wc;
}

const char *__cdecl ctype_wchar_do_widen_range(const struct ctype_wchar *ct, const char *first,
					       const char *last, WCHAR *dest)
{
	for (; first < last; first++)
		*dest++ = ctype_wchar_dowiden(ct, *first);
	return first;
}

/* A character the locale cannot write as one byte narrows to dflt. */
char __cdecl ctype_wchar_donarrow(const struct ctype_wchar *ct, WCHAR c, char dflt)
{
	char buf[8];
	int state[2] = { 0 };

	return _Wcrtomb(buf, c, state, &ct->cvt) != 1 ? dflt : buf[0];
}

const WCHAR *__cdecl ctype_wchar_do_narrow_range(const struct ctype_wchar *ct, const WCHAR *first,
						 const WCHAR *last, char dflt, char *dest)
{
	for (; first < last; first++)
		*dest++ = ctype_wchar_donarrow(ct, *first, dflt);
	return first;
}

void __cdecl ctype_wchar_dtor(struct ctype_wchar *ct) { tidy_ctype(&ct->ctype); }
FACET_VECTOR_DTOR(ctype_wchar_vector_dtor, ctype_wchar_dtor)

const void *const ctype_wchar_vftable[] = {
	ctype_wchar_vector_dtor, facet_incref, facet_decref,
	ctype_wchar_do_is_range, ctype_wchar_do_is,
	ctype_wchar_do_scan_is, ctype_wchar_do_scan_not,
	ctype_wchar_do_tolower_range, ctype_wchar_do_tolower,
	ctype_wchar_do_toupper_range, ctype_wchar_do_toupper,
	ctype_wchar_do_widen_range, ctype_wchar_dowiden,
	ctype_wchar_do_narrow_range, ctype_wchar_donarrow,
};

void __cdecl ctype_wchar_init(struct ctype_wchar *ct, const struct locinfo *info)
{
	ct->ctype = _Getctype();
	ct->cvt = _Getcvt();
}

struct ctype_wchar *__cdecl ctype_wchar_ctor_locinfo(struct ctype_wchar *ct, const struct locinfo *info,
						     size_t refs)
{
	facet_init(&ct->facet, ctype_wchar_vftable, refs);
	ctype_wchar_init(ct, info);
	return ct;
}

/* ctype<wchar_t>(size_t): under a "C" _Locinfo, as the header's
 * constructor takes it. */
struct ctype_wchar *__cdecl ctype_wchar_ctor(struct ctype_wchar *ct, size_t refs)
{
	return locinfo_make_facet(ct, "C", refs, (locinfo_facet_ctor)ctype_wchar_ctor_locinfo);
}

void __cdecl ctype_wchar_ctor_default(struct ctype_wchar *ct) { ctype_wchar_ctor(ct, 0); }

BOOLEAN __cdecl ctype_wchar_is(const struct ctype_wchar *ct, short mask, WCHAR c)
{
	return VCALL(ct, 4, BOOLEAN (__cdecl *)(const struct ctype_wchar *, short, WCHAR))(ct, mask, c);
}

WCHAR __cdecl ctype_wchar_tolower(const struct ctype_wchar *ct, WCHAR c)
{
	return VCALL(ct, 8, WCHAR (__cdecl *)(const struct ctype_wchar *, WCHAR))(ct, c);
}

WCHAR __cdecl ctype_wchar_toupper(const struct ctype_wchar *ct, WCHAR c)
{
	return VCALL(ct, 10, WCHAR (__cdecl *)(const struct ctype_wchar *, WCHAR))(ct, c);
}

WCHAR __cdecl ctype_wchar_widen(const struct ctype_wchar *ct, char c)
{
	return VCALL(ct, 12, WCHAR (__cdecl *)(const struct ctype_wchar *, char))(ct, c);
}

char __cdecl ctype_wchar_narrow(const struct ctype_wchar *ct, WCHAR c, char dflt)
{
	return VCALL(ct, 14, char (__cdecl *)(const struct ctype_wchar *, WCHAR, char))(ct, c, dflt);
}

size_t __cdecl ctype_char_getcat(const struct facet **pf, const struct locale *loc)
{
	return locinfo_getcat(pf, loc, sizeof(struct ctype_char), (locinfo_facet_ctor)ctype_char_ctor_locinfo);
}

size_t __cdecl ctype_wchar_getcat(const struct facet **pf, const struct locale *loc)
{
	return locinfo_getcat(pf, loc, sizeof(struct ctype_wchar), (locinfo_facet_ctor)ctype_wchar_ctor_locinfo);
}

/* The classic locale's table: its ctype<char>, made once. */
const short *__cdecl ctype_char_classic_table(void)
{
	static const struct facet *classic;

	if (!classic)
		ctype_char_getcat(&classic, locale_classic());
	return ctype_char_table((const struct ctype_char *)classic);
}

void locale_add_ctype(const struct locinfo *info, struct locimp *imp, int cat, BOOL wide)
{
	if (!(cat & CATMASK(CAT_CTYPE)))
		return;
	if (wide)
		locimp_add_made(imp, info, sizeof(struct ctype_wchar), (locinfo_facet_ctor)ctype_wchar_ctor_locinfo,
				&ctype_wchar_id);
	else
		locimp_add_made(imp, info, sizeof(struct ctype_char), (locinfo_facet_ctor)ctype_char_ctor_locinfo,
				&ctype_char_id);
}

const size_t ctype_table_size = 256;

EXPORT_AS(ctype_char_id, "?id@?$ctype@D@std@@2V0locale@2@A");
EXPORT_AS(ctype_wchar_id, "?id@?$ctype@_W@std@@2V0locale@2@A");
EXPORT_AS(ctype_char_vftable, "??_7?$ctype@D@std@@6B@");
EXPORT_AS(ctype_wchar_vftable, "??_7?$ctype@_W@std@@6B@");
EXPORT_AS(ctype_table_size, "?table_size@?$ctype@D@std@@2_KB");
