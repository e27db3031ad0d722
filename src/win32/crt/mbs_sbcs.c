/* The _mbs and _mbc functions when the multibyte code page is single-byte
 * (_getmbcp() == 0, the only one here): a character is a byte, no byte is
 * a lead byte, and the Japanese-only conversions change nothing.  Most
 * _mbs functions are then the str ones (the specs map them); these are
 * the rest. */
#include "crt.h"

#define MBC_SINGLE 0
#define MBC_ILLEGAL (-1)
#define MB_CP_SBCS 0
#define MB_CP_OEM (-2)
#define MB_CP_ANSI (-3)
#define MB_CP_LOCALE (-4)

/* No lead bytes: zero tables. */
CRTDATA unsigned char _mbctype[257];
CRTDATA unsigned char _mbcasemap[256];

CRTAPI unsigned char *__p__mbctype(void) { return _mbctype; }
CRTAPI unsigned char *__p__mbcasemap(void) { return _mbcasemap; }

CRTAPI unsigned char *_mbsinc(const unsigned char *p) { return (unsigned char *)p + 1; }

CRTAPI unsigned char *_mbsdec(const unsigned char *start, const unsigned char *p)
{
    return p > start ? (unsigned char *)p - 1 : NULL;
}

CRTAPI unsigned char *_mbsninc(const unsigned char *p, size_t n)
{
    return p ? (unsigned char *)p + strnlen((const char *)p, n) : NULL;
}

CRTAPI unsigned _mbsnextc(const unsigned char *p) { return *p; }
CRTAPI size_t _mbclen(const unsigned char *p) { return 1; }

CRTAPI void _mbccpy(unsigned char *d, const unsigned char *s) { *d = *s; }

CRTAPI int _mbccpy_s(unsigned char *d, size_t n, int *copied, const unsigned char *s)
{
    if (copied)
        *copied = 0;
    if (!d || !n || !s) {
        if (d && n)
            *d = 0;
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    *d = *s;
    if (copied)
        *copied = 1;
    return 0;
}

/* The first character not in set, or NULL at the end of the string. */
CRTAPI unsigned char *_mbsspnp(const unsigned char *s, const unsigned char *set)
{
    s += strspn((const char *)s, (const char *)set);
    return *s ? (unsigned char *)s : NULL;
}

CRTAPI int _ismbblead(unsigned c) { return 0; }
CRTAPI int _ismbbtrail(unsigned c) { return 0; }
CRTAPI int _ismbslead(const unsigned char *s, const unsigned char *p) { return 0; }
CRTAPI int _ismbstrail(const unsigned char *s, const unsigned char *p) { return 0; }
/* Katakana, hiragana, JIS levels, legal double-byte characters and the
 * symbol class exist in code page 932 only. */
CRTAPI int _ismbcnone(unsigned c) { return 0; }
CRTAPI unsigned _mbcsame(unsigned c) { return c; }
CRTAPI unsigned _mbcnone(unsigned c) { return 0; }

CRTAPI int _mbbtype(unsigned char c, int type) { return MBC_SINGLE; }

/* The type of the byte at count: past the terminator it is illegal. */
CRTAPI int _mbsbtype(const unsigned char *s, size_t count)
{
    if (!s) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return MBC_ILLEGAL;
    }
    return strnlen((const char *)s, count + 1) > count ? MBC_SINGLE : MBC_ILLEGAL;
}

/* The system's code pages (ANSI 1252, OEM 437) are single-byte; a
 * double-byte one is refused. */
CRTAPI int _setmbcp(int cp)
{
    if (cp == MB_CP_SBCS || cp == MB_CP_OEM || cp == MB_CP_ANSI || cp == MB_CP_LOCALE ||
        cp == 1252 || cp == 437)
        return 0;
    crt_set_errno(EINVAL);
    return -1;
}

/* The comparisons: strcmp's and _stricmp's order (-1, 0, 1 for bytes),
 * but a NULL string is an invalid parameter that returns _NLSCMPERROR
 * (INT_MAX) with errno EINVAL, as documented for _mbscmp and friends. */
#define NLSCMPERROR INT_MAX

static int mbs_null(void)
{
    crt_invalid_parameter();
    crt_set_errno(EINVAL);
    return NLSCMPERROR;
}

CRTAPI int strcmp(const char *, const char *);
CRTAPI int _stricmp(const char *, const char *);

CRTAPI int _mbscmp(const unsigned char *a, const unsigned char *b)
{
    return a && b ? strcmp((const char *)a, (const char *)b) : mbs_null();
}

CRTAPI int _mbsicmp(const unsigned char *a, const unsigned char *b)
{
    return a && b ? _stricmp((const char *)a, (const char *)b) : mbs_null();
}

CRTAPI int _mbsncmp(const unsigned char *a, const unsigned char *b, size_t n)
{
    if (!n)
        return 0;
    return a && b ? strncmp((const char *)a, (const char *)b, n) : mbs_null();
}
