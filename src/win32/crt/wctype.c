/* Wide character classification.  Code units up to U+00FF use the
 * table; above that, letters-range code units count as alphabetic.
 * ntdll's exports (ntdll_isw*) know the table alone: 0 above U+00FF.
 * The masks are <ctype.h>'s (_ALPHA is 0x100|_UPPER|_LOWER), and the
 * result is the masked type bits, as Windows returns them.  Case
 * mapping: wcase_c.c (the CRT), ntdll/rtl/casemap.c (ntdll). */
#include "crt.h"

extern unsigned short *_pwctype;

static int above_latin1_alpha(wint c)
{
    return (c >= 0x100 && c < 0x2000) || (c >= 0x3040 && c < 0xD800) ||
           (c >= 0xF900 && c < 0xFE00);
}

/* The zeros of the decimal digit runs above Latin-1 that count as
 * digits (iswdigit, wcstol): Arabic-Indic, Extended Arabic-Indic,
 * Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Telugu, Kannada,
 * Malayalam, Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian and fullwidth
 * (Windows' list has no Tamil). */
static const unsigned short digit_zeros[] = {
    0x0660, 0x06F0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0C66, 0x0CE6,
    0x0D66, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10,
};

int crt_wdigit_value(wint c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    for (size_t i = 0; c >= 0x0660 && i < sizeof(digit_zeros) / sizeof(digit_zeros[0]); i++)
        if (c >= digit_zeros[i] && c <= digit_zeros[i] + 9u)
            return (int)(c - digit_zeros[i]);
    return -1;
}

/* The UCRT's blanks besides the table: the ideographic space and the
 * zero-width no-break space; not the no-break space (its table's). */
#ifdef CRT_UCRT
#define UCRT_BLANK(c) ((c) == 0x20 || (c) == 0x3000 || (c) == 0xFEFF)
#endif

CRTAPI int iswctype(wint c, unsigned short mask)
{
    if (c == WEOF)
        return 0;
#ifdef CRT_UCRT
    if (mask == 0x40) /* _BLANK alone */
        return UCRT_BLANK(c) ? 0x40 : 0;
#endif
    if (c < 256)
        return _pwctype[c] & mask;
    if (crt_wdigit_value(c) >= 0)
        return mask & 0x04;
    if ((c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x3000)
        return mask & 0x08;     /* the Unicode spaces: en, em, thin, ... */
    return above_latin1_alpha(c) ? mask & 0x100 : 0;
}

CRTAPI int ntdll_iswctype(wint c, unsigned short mask)
{
    return c < 256 ? _pwctype[c] & mask : 0;
}

CRTAPI int is_wctype(wint c, unsigned short mask) { return iswctype(c, mask); }

#define WCTYPE_CLASSES(X) \
    X(alpha, 0x103) X(upper, 0x01) X(lower, 0x02) X(digit, 0x04) \
    X(xdigit, 0x80) X(space, 0x08) X(punct, 0x10) X(alnum, 0x107) \
    X(print, 0x157) X(graph, 0x117) X(cntrl, 0x20)
#define WCTYPE_FN(name, mask) \
    CRTAPI int isw##name(wint c) { return iswctype(c, mask); } \
    CRTAPI int ntdll_isw##name(wint c) { return ntdll_iswctype(c, mask); }
WCTYPE_CLASSES(WCTYPE_FN)
#ifdef CRT_UCRT
CRTAPI int iswblank(wint c) { return c == 0x09 || UCRT_BLANK(c); }
#else
CRTAPI int iswblank(wint c) { return c == 0x20 || c == 0x09 || c == 0xA0 || c == 0x3000; }
#endif
CRTAPI int iswascii(wint c) { return c < 0x80; }

CRTAPI int __iswcsym(wint c) { return iswalnum(c) || c == '_'; }
CRTAPI int __iswcsymf(wint c) { return iswalpha(c) || c == '_'; }

/* wctrans("toupper") and ("tolower"), and towctrans on them. */
CRTAPI unsigned short wctrans(const char *name)
{
    if (name && !strcmp(name, "toupper"))
        return 1;
    if (name && !strcmp(name, "tolower"))
        return 2;
    return 0;
}

CRTAPI wint towctrans(wint c, unsigned short t)
{
    return t == 1 ? towupper(c) : t == 2 ? towlower(c) : c;
}
