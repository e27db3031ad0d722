/*
 * The locale data the STL's facets take from the C runtime (_Getctype,
 * _Getcvt, _Getcoll and their _Locinfo members), and the conversions and
 * comparisons built on them.  The C runtime here is ucrtbase.  Without a
 * locale name for the category (the "C" locale) case is ASCII's,
 * collation byte order and the transform the identity; a named locale's
 * are CompareStringEx's and LCMapStringEx's (case: in the ctype's code
 * page), and its date order is LOCALE_ILDATE's.
 */
#include <windows.h>
#include "msvcp140/locale.h"
#include "msvcp140/ucrt.h"

enum { DATE_DMY = 1, DATE_MDY = 2, DATE_YMD = 3 };   /* time_base::dateorder */
enum { CATEGORY_COLLATE = 1, CATEGORY_CTYPE = 2, CATEGORY_TIME = 5 };

/* The C runtime's Windows locale name for a category; NULL: "C". */
static const WCHAR *category_locale(int cat)
{
	WCHAR **(__cdecl *names)(void) = msvcp_ucrt_proc("___lc_locale_name_func");

	return names ? names()[cat] : NULL;
}


static UINT codepage(void)
{
	UINT (__cdecl *fn)(void) = msvcp_ucrt_proc("___lc_codepage_func");

	return fn ? fn() : 0;
}

/* A copy of the process heap of a locale name (NULL stays NULL). */
static WCHAR *name_copy(const WCHAR *name)
{
	size_t n = name ? (wcslen(name) + 1) * sizeof(WCHAR) : 0;
	WCHAR *copy = n ? msvcp_alloc(n) : NULL;

	if (copy)
		memcpy(copy, name, n);
	return copy;
}

/* A copy of the C runtime's classification table (bits for 0..255) and
 * of LC_CTYPE's name, for the facet to own and free (_Delfl 1): the C
 * runtime's own go when its locale changes. */
struct ctypevec __cdecl _Getctype(void)
{
	const short *(__cdecl *pctype)(void) = msvcp_ucrt_proc("__pctype_func");
	struct ctypevec v = { codepage(), NULL, 1, name_copy(category_locale(CATEGORY_CTYPE)) };
	const short *table = pctype ? pctype() : NULL;
	short *copy = msvcp_alloc(256 * sizeof(short));

	if (!copy)
		return v;
	for (int c = 0; c < 256; c++)
		copy[c] = table ? table[c] : 0;
	v.table = copy;
	return v;
}

/* In the "C" locale (no locale name for LC_CTYPE) no byte leads. */
struct cvtvec __cdecl _Getcvt(void)
{
	int (__cdecl *mb_cur_max)(void) = msvcp_ucrt_proc("___mb_cur_max_func");
	WCHAR **(__cdecl *names)(void) = msvcp_ucrt_proc("___lc_locale_name_func");
	const unsigned short *(__cdecl *pctype)(void) = msvcp_ucrt_proc("__pctype_func");
	struct cvtvec v = { codepage(), mb_cur_max ? (UINT)mb_cur_max() : 1, 1, { 0 } };
	const unsigned short *table;

	v.is_c_locale = !names || !names()[CATEGORY_CTYPE];
	if (v.is_c_locale || !pctype || !(table = pctype()))
		return v;
	for (int c = 0; c < 256; c++)
		if (table[c] & 0x8000)      /* _LEADBYTE */
			v.is_lead_byte[c >> 3] |= 1 << (c & 7);
	return v;
}

/* The collate facet owns a copy of LC_COLLATE's name (freed with the
 * C runtime's free, the process heap). */
struct collvec __cdecl _Getcoll(void)
{
	struct collvec v = { codepage(), name_copy(category_locale(CATEGORY_COLLATE)) };

	return v;
}

/* LC_TIME's long date order: 0 month first, 1 day first, 2 year first. */
int __cdecl _Getdateorder(void)
{
	const WCHAR *name = category_locale(CATEGORY_TIME);
	DWORD order = 0;

	if (!name || !GetLocaleInfoEx(name, LOCALE_ILDATE | LOCALE_RETURN_NUMBER, (WCHAR *)&order, 2))
		return DATE_MDY;
	return order == 1 ? DATE_DMY : order == 2 ? DATE_YMD : DATE_MDY;
}

/* The _Locinfo members: `this`, then the result's address. */
struct ctypevec *__cdecl locinfo_getctype(const void *this, struct ctypevec *r) { *r = _Getctype(); return r; }
struct cvtvec *__cdecl locinfo_getcvt(const void *this, struct cvtvec *r) { *r = _Getcvt(); return r; }
struct collvec *__cdecl locinfo_getcoll(const void *this, struct collvec *r) { *r = _Getcoll(); return r; }
int __cdecl locinfo_getdateorder(const void *this) { return _Getdateorder(); }

/* A byte of the ctype's code page in the other case (LCMapStringEx of
 * the character it stands for, in the ctype's locale), itself when that
 * has no single byte or the ctype is the "C" locale's. */
static int byte_case(int c, const struct ctypevec *v, DWORD map)
{
	char b = (char)c, out;
	WCHAR w, other;
	BOOL lost = FALSE;

	if (!v || !v->locale_name || c < 0 || c > 255 ||
	    MultiByteToWideChar(v->page, MB_ERR_INVALID_CHARS, &b, 1, &w, 1) != 1 ||
	    LCMapStringEx(v->locale_name, map, &w, 1, &other, 1, NULL, NULL, 0) != 1 ||
	    WideCharToMultiByte(v->page, 0, &other, 1, &out, 1, NULL, &lost) != 1 || lost)
		return c;
	return (unsigned char)out;
}

/* A named ctype changes only what its table calls the other case. */
static int case_of(int c, const struct ctypevec *v, int from_bit, DWORD map)
{
	if (!v || !v->locale_name)
		return (c >= 'A' && c <= 'Z' && from_bit == 1) ? c + ('a' - 'A') :
		       (c >= 'a' && c <= 'z' && from_bit == 2) ? c - ('a' - 'A') : c;
	if (c < 0 || c > 255 || (v->table && !(v->table[c] & from_bit)))
		return c;
	return byte_case(c, v, map);
}

int __cdecl _Tolower(int c, const struct ctypevec *v) { return case_of(c, v, 1 /* _UPPER */, LCMAP_LOWERCASE); }
int __cdecl _Toupper(int c, const struct ctypevec *v) { return case_of(c, v, 2 /* _LOWER */, LCMAP_UPPERCASE); }

/* [b, e) of the collvec's code page as UTF-16 from the process heap. */
static WCHAR *widen(const struct collvec *v, const char *b, const char *e, int *len)
{
	WCHAR *w;

	*len = e > b ? MultiByteToWideChar(v->page, 0, b, (int)(e - b), NULL, 0) : 0;
	if (!(w = msvcp_alloc((size_t)(*len + 1) * sizeof(WCHAR))))
		return NULL;
	if (*len)
		MultiByteToWideChar(v->page, 0, b, (int)(e - b), w, *len);
	return w;
}

/* [b1, e1) against [b2, e2): byte by byte, unsigned, in the "C" locale;
 * CompareStringEx's order in a named one. */
int __cdecl _Strcoll(const char *b1, const char *e1, const char *b2, const char *e2,
		     const struct collvec *v)
{
	if (v && v->locale_name) {
		int n1, n2, r = 0;
		WCHAR *w1 = widen(v, b1, e1, &n1), *w2 = widen(v, b2, e2, &n2);

		if (w1 && w2)
			r = CompareStringEx(v->locale_name, 0, w1, n1, w2, n2, NULL, NULL, 0);
		msvcp_free(w1);
		msvcp_free(w2);
		if (r)
			return r - 2;
	}
	for (; b1 < e1 && b2 < e2; b1++, b2++)
		if (*b1 != *b2)
			return (unsigned char)*b1 < (unsigned char)*b2 ? -1 : 1;
	return b1 < e1 ? 1 : b2 < e2 ? -1 : 0;
}

/* The "C" locale's transform is the identity, a named locale's its sort
 * key (LCMAP_SORTKEY, without the key's final 0): copied when it fits;
 * the length it needs either way. */
size_t __cdecl _Strxfrm(char *b1, char *e1, const char *b2, const char *e2,
			const struct collvec *v)
{
	size_t n = (size_t)(e2 - b2);

	if (v && v->locale_name) {
		int len, key = 0;
		WCHAR *w = widen(v, b2, e2, &len);
		BYTE *k = NULL;

		if (w && (key = LCMapStringEx(v->locale_name, LCMAP_SORTKEY, w, len, NULL, 0, NULL,
					      NULL, 0)) > 0 && (k = msvcp_alloc((size_t)key)))
			key = LCMapStringEx(v->locale_name, LCMAP_SORTKEY, w, len, (WCHAR *)k, key, NULL,
					    NULL, 0);
		msvcp_free(w);
		if (k && key > 0) {
			n = (size_t)key - 1;
			if (n <= (size_t)(e1 - b1))
				memcpy(b1, k, n);
			msvcp_free(k);
			return n;
		}
		msvcp_free(k);
	}
	if (n <= (size_t)(e1 - b1))
		memcpy(b1, b2, n);
	return n;
}

/* The CT_CTYPE1 bits of a wide character, which are the C runtime's
 * classification bits (_UPPER, _LOWER, ... _ALPHA). */
short __cdecl _Getwctype(WCHAR c, const struct ctypevec *v)
{
	WORD type = 0;

	if (!GetStringTypeW(CT_CTYPE1, &c, 1, &type))
		return 0;
	return (short)(type & 0x1ff);
}

const WCHAR *__cdecl _Getwctypes(const WCHAR *first, const WCHAR *last, short *masks,
				 const struct ctypevec *v)
{
	for (; first < last; first++)
		*masks++ = _Getwctype(*first, v);
	return first;
}

/* Without a locale name (the "C" locale) only ASCII letters change case;
 * a named locale's rules are LCMapStringEx's. */
static WCHAR map_case(WCHAR c, const struct ctypevec *v, DWORD how)
{
	WCHAR out = c;

	if (c == 0xFFFF)
		return c;
	if (!v || !v->locale_name) {
		if (how == LCMAP_LOWERCASE)
			return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
		return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
	}
	return LCMapStringEx(v->locale_name, how, &c, 1, &out, 1, NULL, NULL, 0) == 1 ? out : c;
}

WCHAR __cdecl _Towlower(WCHAR c, const struct ctypevec *v) { return map_case(c, v, LCMAP_LOWERCASE); }
WCHAR __cdecl _Towupper(WCHAR c, const struct ctypevec *v) { return map_case(c, v, LCMAP_UPPERCASE); }

static int set_eilseq(void)
{
	int *(__cdecl *errno_fn)(void) = msvcp_ucrt_proc("_errno");

	if (errno_fn)
		*errno_fn() = 42;       /* EILSEQ */
	return -1;
}

/* How many bytes the character at s takes in the code page: a lead byte
 * two, UTF-8 by its first byte. */
static size_t char_length(const struct cvtvec *v, unsigned char b)
{
	if (v->page == CP_UTF8)
		return b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
	return v->is_lead_byte[b >> 3] & (1 << (b & 7)) ? 2 : 1;
}

/* One character from at most n bytes: the bytes it took (0 for NUL), -2
 * when n ends inside it, -1 (EILSEQ) when they are not a character.  The
 * "C" locale takes each byte as the character of its value.  A
 * character cut by the end of the input is not kept in the state: the
 * caller gives the bytes again with more. */
int __cdecl _Mbrtowc(WCHAR *out, const char *s, size_t n, void *state, const struct cvtvec *v)
{
	WCHAR wc[2];
	size_t len;

	if (!s)
		return 0;
	if (!n)
		return -2;
	if (!v || v->is_c_locale) {
		if (out)
			*out = (unsigned char)*s;
		return *s ? 1 : 0;
	}
	len = char_length(v, (unsigned char)*s);
	if (n < len)
		return -2;
	if (MultiByteToWideChar(v->page, MB_ERR_INVALID_CHARS, s, (int)len, wc, 2) != 1)
		return set_eilseq();
	if (out)
		*out = wc[0];
	return wc[0] ? (int)len : 0;
}

/* One wide character into bytes (at most MB_LEN_MAX, 5): how many, or -1
 * (EILSEQ) when the locale has no bytes for it.  The "C" locale has the
 * characters 0..255, each its byte. */
int __cdecl _Wcrtomb(char *out, WCHAR c, void *state, const struct cvtvec *v)
{
	BOOL lost = FALSE;
	int n;

	if (!v || v->is_c_locale) {
		if (c > 0xFF)
			return set_eilseq();
		*out = (char)c;
		return 1;
	}
	n = WideCharToMultiByte(v->page, 0, &c, 1, out, v->mb_cur_max ? (int)v->mb_cur_max : 1, NULL,
				v->page == CP_UTF8 ? NULL : &lost);
	return n <= 0 || lost ? set_eilseq() : n;
}
