/* Character classification, "C" locale.  _ctype[0] is the entry for EOF;
 * _pctype points at _ctype + 1 so _pctype[c] works for c in -1..255. */
#include "crt_internal.h"

#define U 0x0001    /* _UPPER */
#define L 0x0002    /* _LOWER */
#define D 0x0004    /* _DIGIT */
#define S 0x0008    /* _SPACE */
#define P 0x0010    /* _PUNCT */
#define C 0x0020    /* _CONTROL */
#define B 0x0040    /* _BLANK */
#define X 0x0080    /* _HEX */
#define A 0x0100    /* _ALPHA */

CRTDATA unsigned short _ctype[257];
CRTDATA unsigned short *_pctype = _ctype + 1;
static unsigned short wtab[256];
CRTDATA unsigned short *_pwctype = wtab;
CRTDATA int __mb_cur_max = 1;

static unsigned short classify(int c)
{
    if (c >= 'A' && c <= 'Z')
        return A | U | (c <= 'F' ? X : 0);
    if (c >= 'a' && c <= 'z')
        return A | L | (c <= 'f' ? X : 0);
    if (c >= '0' && c <= '9')
        return D | X;
    if (c == ' ')
        return S | B;
    if (c >= '\t' && c <= '\r')
        return S | C;
    if (c < 0x20 || c == 0x7F)
        return C;
    if (c < 0x7F)
        return P;
    return 0;
}

/* Latin-1 for the wide table: what Unicode says about U+0080..U+00FF. */
static unsigned short classify_wide(int c)
{
    if (c < 0x80)
        return classify(c);
    if (c < 0xA0)
        return C;
    if (c == 0xA0)
        return S | B;
    if (c == 0xAA || c == 0xB5 || c == 0xBA)
        return A | L;
    if (c == 0xD7 || c == 0xF7 || c < 0xC0)
        return P;
    return A | (c < 0xDF ? U : L);
}

void crt_ctype_init(void)
{
    for (int c = 0; c < 256; c++) {
        _ctype[c + 1] = classify(c);
        wtab[c] = classify_wide(c);
    }
}

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

/* _BLANK marks only ' ' in msvcrt's table; isblank also accepts '\t'. */
CRTAPI int isblank(int c) { return c == ' ' || c == '\t'; }

CRTAPI int __isascii(int c) { return (unsigned)c < 0x80; }
CRTAPI int isascii(int c) { return (unsigned)c < 0x80; }
CRTAPI int __toascii(int c) { return c & 0x7F; }
CRTAPI int toascii(int c) { return c & 0x7F; }
CRTAPI int __iscsym(int c) { return isalnum(c) || c == '_'; }
CRTAPI int __iscsymf(int c) { return isalpha(c) || c == '_'; }

CRTAPI int toupper(int c) { return (c >= 'a' && c <= 'z') ? c - 32 : c; }
CRTAPI int tolower(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
CRTAPI int _toupper(int c) { return c - 'a' + 'A'; }
CRTAPI int _tolower(int c) { return c - 'A' + 'a'; }
