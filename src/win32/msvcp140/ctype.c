/*
 * The locale data the STL's facets take from the C runtime (_Getctype,
 * _Getcvt, _Getcoll and their _Locinfo members), and the conversions and
 * comparisons built on them.  The C runtime here is ucrtbase; case,
 * collation and transforms are the "C" locale's (ASCII case, byte order,
 * the identity transform), which is what msvcp140 does when the C
 * runtime has no locale name for the category.
 */
#include <windows.h>
#include "msvcp140/ucrt.h"

struct ctypevec {           /* _Ctypevec */
	ULONG page;
	const short *table;
	int delfl;
	WCHAR *locale_name;
};

struct cvtvec {             /* _Cvtvec */
	UINT page;
	UINT mb_cur_max;
	int is_c_locale;
	BYTE is_lead_byte[32];
};

struct collvec {            /* _Collvec */
	UINT page;
	WCHAR *locale_name;
};

enum { DATE_MDY = 2 };      /* time_base::mdy, the "C" locale's order */
enum { CATEGORY_CTYPE = 2 };


static UINT codepage(void)
{
	UINT (__cdecl *fn)(void) = msvcp_ucrt_proc("___lc_codepage_func");

	return fn ? fn() : 0;
}

/* The classification table (bits for 0..255) is the C runtime's own, not
 * a copy: _Delfl 0, nothing to free. */
struct ctypevec __cdecl _Getctype(void)
{
	const short *(__cdecl *pctype)(void) = msvcp_ucrt_proc("__pctype_func");
	struct ctypevec v = { codepage(), pctype ? pctype() : NULL, 0, NULL };

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
