/*
 * The locale data the STL's facets take from the C runtime (_Getctype,
 * _Getcvt, _Getcoll and their _Locinfo members), and the conversions and
 * comparisons built on them.  The C runtime here is ucrtbase; case,
 * collation and transforms are the "C" locale's (ASCII case, byte order,
 * the identity transform), which is what msvcp140 does when the C
 * runtime has no locale name for the category.
 */
#include <windows.h>
#include "msvcp140/locale.h"
#include "msvcp140/ucrt.h"

enum { DATE_MDY = 2 };      /* time_base::mdy, the "C" locale's order */
enum { CATEGORY_CTYPE = 2 };


static UINT codepage(void)
{
	UINT (__cdecl *fn)(void) = msvcp_ucrt_proc("___lc_codepage_func");

	return fn ? fn() : 0;
}

/* A copy of the C runtime's classification table (bits for 0..255), for
 * the facet to own and free (_Delfl 1): the C runtime's own table goes
 * when its locale changes. */
struct ctypevec __cdecl _Getctype(void)
{
	const short *(__cdecl *pctype)(void) = msvcp_ucrt_proc("__pctype_func");
	struct ctypevec v = { codepage(), NULL, 1, NULL };
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

struct collvec __cdecl _Getcoll(void)
{
	struct collvec v = { codepage(), NULL };

	return v;
}

int __cdecl _Getdateorder(void)
{
	return DATE_MDY;
}

/* The _Locinfo members: `this`, then the result's address. */
struct ctypevec *__cdecl locinfo_getctype(const void *this, struct ctypevec *r) { *r = _Getctype(); return r; }
struct cvtvec *__cdecl locinfo_getcvt(const void *this, struct cvtvec *r) { *r = _Getcvt(); return r; }
struct collvec *__cdecl locinfo_getcoll(const void *this, struct collvec *r) { *r = _Getcoll(); return r; }
int __cdecl locinfo_getdateorder(const void *this) { return DATE_MDY; }

int __cdecl _Tolower(int c, const struct ctypevec *v)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

int __cdecl _Toupper(int c, const struct ctypevec *v)
{
	return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
}

/* [b1, e1) against [b2, e2), byte by byte, unsigned. */
int __cdecl _Strcoll(const char *b1, const char *e1, const char *b2, const char *e2,
		     const struct collvec *v)
{
	for (; b1 < e1 && b2 < e2; b1++, b2++)
		if (*b1 != *b2)
			return (unsigned char)*b1 < (unsigned char)*b2 ? -1 : 1;
	return b1 < e1 ? 1 : b2 < e2 ? -1 : 0;
}

/* The "C" locale's transform is the identity: copied when it fits; the
 * length it needs either way. */
size_t __cdecl _Strxfrm(char *b1, char *e1, const char *b2, const char *e2,
			const struct collvec *v)
{
	size_t n = (size_t)(e2 - b2);

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
