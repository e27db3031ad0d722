/* Locale: only the "C" locale exists.  setlocale accepts "C" and ""
 * (the user default, which we also treat as "C") and reports "C". */
#include "crt_internal.h"

struct lconv {
    char *decimal_point, *thousands_sep, *grouping, *int_curr_symbol;
    char *currency_symbol, *mon_decimal_point, *mon_thousands_sep;
    char *mon_grouping, *positive_sign, *negative_sign;
    char int_frac_digits, frac_digits, p_cs_precedes, p_sep_by_space;
    char n_cs_precedes, n_sep_by_space, p_sign_posn, n_sign_posn;
};

static char empty[] = "", point[] = ".", c_name[] = "C";
static struct lconv c_lconv = {
    point, empty, empty, empty, empty, empty, empty, empty, empty, empty,
    127, 127, 127, 127, 127, 127, 127, 127,
};
static wchar c_wname[] = { 'C', 0 };

CRTDATA unsigned int __lc_codepage;
CRTDATA unsigned int __lc_collate_cp;
CRTDATA unsigned long __lc_handle[6];

CRTAPI struct lconv *localeconv(void) { return &c_lconv; }
CRTAPI unsigned int ___lc_codepage_func(void) { return __lc_codepage; }
CRTAPI unsigned int ___lc_collate_cp_func(void) { return __lc_collate_cp; }
CRTAPI unsigned long *___lc_handle_func(void) { return __lc_handle; }
CRTAPI int __lconv_init(void) { return 0; }
CRTAPI int _getmbcp(void) { return 0; }

/* "C", "POSIX" and "" (user default) all give the C locale. */
static int is_c_name(const char *loc)
{
    return !*loc || !strcmp(loc, "C") || !strcmp(loc, "POSIX");
}

CRTAPI char *setlocale(int category, const char *loc)
{
    if (category < 0 || category > 5) {
        crt_set_errno(EINVAL);
        return NULL;
    }
    if (!loc || is_c_name(loc))
        return c_name;
    return NULL;
}

CRTAPI wchar *_wsetlocale(int category, const wchar *loc)
{
    char name[8];
    size_t i;

    if (!loc)
        return setlocale(category, NULL) ? c_wname : NULL;
    for (i = 0; i < sizeof(name) - 1 && loc[i] && loc[i] < 0x80; i++)
        name[i] = (char)loc[i];
    if (loc[i])
        return NULL;
    name[i] = 0;
    return setlocale(category, name) ? c_wname : NULL;
}
