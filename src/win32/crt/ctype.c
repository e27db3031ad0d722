/* Character classification, "C" locale.  _ctype[0] is the entry for EOF;
 * _pctype points at _ctype + 1 so _pctype[c] works for c in -1..255. */
#include "crt.h"

#define U 0x0001    /* _UPPER */
#define L 0x0002    /* _LOWER */
#define D 0x0004    /* _DIGIT */
#define S 0x0008    /* _SPACE */
#define P 0x0010    /* _PUNCT */
#define C 0x0020    /* _CONTROL */
#define B 0x0040    /* _BLANK */
#define X 0x0080    /* _HEX */
#define A 0x0100    /* _ALPHA */

/* The class of byte c in the "C" locale, as a constant expression so
 * the tables below need no start-up code (ntdll has none to run). */
#define CLASS(c) \
    ((c) >= 'A' && (c) <= 'Z' ? A | U | ((c) <= 'F' ? X : 0) : \
     (c) >= 'a' && (c) <= 'z' ? A | L | ((c) <= 'f' ? X : 0) : \
     (c) >= '0' && (c) <= '9' ? D | X : \
     (c) == ' ' ? S | B : \
     (c) >= '\t' && (c) <= '\r' ? S | C : \
     (c) < 0x20 || (c) == 0x7F ? C : \
     (c) < 0x7F ? P : 0)

/* The wide table, as Windows' character types (GetStringTypeW's
 * CT_CTYPE1) have U+0000..U+00FF: the tab is also a blank, the
 * superscript digits are punctuation and digits, and the ordinal
 * indicators and the micro sign are punctuation. */
#define WCLASS(c) \
    ((c) == '\t' ? S | C | B : \
     (c) < 0x80 ? CLASS(c) : \
     (c) < 0xA0 ? C : \
     (c) == 0xA0 ? S | B : \
     (c) == 0xB2 || (c) == 0xB3 || (c) == 0xB9 ? P | D : \
     (c) == 0xD7 || (c) == 0xF7 || (c) < 0xC0 ? P : \
     A | ((c) < 0xDF ? U : L))

#define ROW(F, b) F(b), F(b + 1), F(b + 2), F(b + 3), F(b + 4), F(b + 5), \
    F(b + 6), F(b + 7), F(b + 8), F(b + 9), F(b + 10), F(b + 11), F(b + 12), \
    F(b + 13), F(b + 14), F(b + 15)
#define TABLE(F) ROW(F, 0x00), ROW(F, 0x10), ROW(F, 0x20), ROW(F, 0x30), \
    ROW(F, 0x40), ROW(F, 0x50), ROW(F, 0x60), ROW(F, 0x70), ROW(F, 0x80), \
    ROW(F, 0x90), ROW(F, 0xA0), ROW(F, 0xB0), ROW(F, 0xC0), ROW(F, 0xD0), \
    ROW(F, 0xE0), ROW(F, 0xF0)

CRTDATA unsigned short _ctype[257] = { 0, TABLE(CLASS) };
CRTDATA unsigned short *_pctype = _ctype + 1;
static unsigned short wtab[256] = { TABLE(WCLASS) };
CRTDATA unsigned short *_pwctype = wtab;
CRTDATA int __mb_cur_max = 1;

CRTAPI unsigned short *__pctype_func(void) { return _pctype; }
CRTAPI unsigned short *__pwctype_func(void) { return _pwctype; }
CRTAPI unsigned short **__p__pctype(void) { return &_pctype; }
CRTAPI unsigned short **__p__pwctype(void) { return &_pwctype; }
CRTAPI int ___mb_cur_max_func(void) { return __mb_cur_max; }
CRTAPI int *__p___mb_cur_max(void) { return &__mb_cur_max; }

CRTAPI int _isctype(int c, int mask)
{
    if (c < -1 || c > 255)
        return 0;
    return _pctype[c] & mask;
}

#define CTYPE_FN(name, mask) \
    CRTAPI int name(int c) { return _isctype(c, mask); }
CTYPE_FN(isalpha, A)
CTYPE_FN(isupper, U)
CTYPE_FN(islower, L)
CTYPE_FN(isdigit, D)
CTYPE_FN(isxdigit, X)
CTYPE_FN(isspace, S)
CTYPE_FN(ispunct, P)
CTYPE_FN(isalnum, A | D)
CTYPE_FN(isprint, A | D | P | B)
CTYPE_FN(isgraph, A | D | P)
CTYPE_FN(iscntrl, C)

/* ntdll's forms answer with the class bits Windows' ntdll has (its table
 * has no _ALPHA): isalpha('A') is _UPPER there, _ALPHA in msvcrt. */
CTYPE_FN(ntdll_isalpha, U | L)
CTYPE_FN(ntdll_isalnum, U | L | D)
CTYPE_FN(ntdll_isgraph, U | L | D | P)
CTYPE_FN(ntdll_isprint, U | L | D | P | B)

/* _BLANK marks only ' ' in msvcrt's table; isblank also accepts '\t'.
 * The UCRT's _isblank_l answers with the class bit (tab: 0). */
CRTAPI int isblank(int c) { return c == ' ' || c == '\t'; }
CRTAPI int ucrt_isblank_l(int c, void *locale) { (void)locale; return _isctype(c, B); }

CRTAPI int __isascii(int c) { return (unsigned)c < 0x80; }
CRTAPI int isascii(int c) { return (unsigned)c < 0x80; }
CRTAPI int __toascii(int c) { return c & 0x7F; }
CRTAPI int toascii(int c) { return c & 0x7F; }
CRTAPI int __iscsym(int c) { return isalnum(c) || c == '_'; }
CRTAPI int __iscsymf(int c) { return isalpha(c) || c == '_'; }

const unsigned char *crt_upper_map, *crt_lower_map;

CRTAPI int toupper(int c)
{
    if (crt_upper_map && c >= -128 && c <= 255 && c != EOF)     /* a signed char too */
        return crt_upper_map[c & 0xFF];
    return (c >= 'a' && c <= 'z') ? c - 32 : c;
}

CRTAPI int tolower(int c)
{
    if (crt_lower_map && c >= -128 && c <= 255 && c != EOF)
        return crt_lower_map[c & 0xFF];
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}
CRTAPI int _toupper(int c) { return c - 'a' + 'A'; }
CRTAPI int _tolower(int c) { return c - 'A' + 'a'; }
