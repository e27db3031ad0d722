/* _setmbcp and _getmbcp: the multibyte code page the _mbs and _mbc
 * functions follow.  It starts as the ANSI code page.  Double-byte pages
 * are known by their definition (mbctype.c); another page is accepted if
 * the system has it, and its letters above ASCII get their case (and the
 * byte of the other case) from the characters they stand for. */
#include "crt_internal.h"

#define MB_CP_SBCS 0
#define MB_CP_OEM (-2)
#define MB_CP_ANSI (-3)
#define MB_CP_LOCALE (-4)

extern unsigned int __lc_codepage;     /* locale.c */

CRTAPI int _getmbcp(void) { return crt_mbcp; }

/* The locale's code page; the "C" locale has none of its own and
 * follows the ANSI one. */
static int locale_cp(void)
{
    return __lc_codepage ? (int)__lc_codepage : (int)GetACP();
}

/* The byte of cp standing for w, or 0 if none does exactly. */
static unsigned char byte_of(int cp, WCHAR w)
{
    char b;
    BOOL lost = 0;

    if (WideCharToMultiByte((UINT)cp, 0, &w, 1, &b, 1, NULL, &lost) != 1 || lost)
        return 0;
    return (unsigned char)b;
}

static void sbcs_case(int cp)
{
    for (unsigned b = 0x80; b <= 0xFF; b++) {
        char c = (char)b;
        WCHAR w, other;
        unsigned short type;
        int upper;

        if (MultiByteToWideChar((UINT)cp, MB_ERR_INVALID_CHARS, &c, 1, &w, 1) != 1 ||
            !GetStringTypeW(CT_CTYPE1, &w, 1, &type) || !(type & (C1_UPPER | C1_LOWER)))
            continue;
        upper = (type & C1_UPPER) != 0;
        _mbctype[b + 1] |= upper ? MBT_UPPER : MBT_LOWER;
        if (LCMapStringW(LOCALE_INVARIANT, upper ? LCMAP_LOWERCASE : LCMAP_UPPERCASE, &w, 1,
                         &other, 1) == 1 && other != w)
            _mbcasemap[b] = byte_of(cp, other);
    }
}

CRTAPI int _setmbcp(int cp)
{
    if (cp == MB_CP_ANSI)
        cp = (int)GetACP();
    else if (cp == MB_CP_OEM)
        cp = (int)GetOEMCP();
    else if (cp == MB_CP_LOCALE)
        cp = locale_cp();
    if (cp < 0 || (cp != MB_CP_SBCS && !crt_mbcp_is_dbcs(cp) && !IsValidCodePage((UINT)cp))) {
        crt_set_errno(EINVAL);
        return -1;
    }
    crt_mbcp_fill(cp);
    if (cp != MB_CP_SBCS && !crt_mbcp_is_dbcs(cp))
        sbcs_case(cp);
    crt_mbcp = cp;
    return 0;
}

void crt_mbcp_init(void)
{
    _setmbcp(MB_CP_ANSI);
}
