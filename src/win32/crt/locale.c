/* Locale: only the "C" locale exists.  setlocale accepts "C" and ""
 * (the user default, which we also treat as "C") and reports "C". */
#include "crt_internal.h"

/* The UCRT's lconv ends with the wide strings, which MSVC's C++ library
 * (msvcp140's numpunct<wchar_t>, moneypunct<wchar_t>) reads. */
struct lconv {
    char *decimal_point, *thousands_sep, *grouping, *int_curr_symbol;
    char *currency_symbol, *mon_decimal_point, *mon_thousands_sep;
    char *mon_grouping, *positive_sign, *negative_sign;
    char int_frac_digits, frac_digits, p_cs_precedes, p_sep_by_space;
    char n_cs_precedes, n_sep_by_space, p_sign_posn, n_sign_posn;
    wchar *_W_decimal_point, *_W_thousands_sep, *_W_int_curr_symbol, *_W_currency_symbol;
    wchar *_W_mon_decimal_point, *_W_mon_thousands_sep, *_W_positive_sign, *_W_negative_sign;
};

static char empty[] = "", point[] = ".", c_name[] = "C";
static wchar wempty[] = { 0 }, wpoint[] = { '.', 0 };
static struct lconv c_lconv = {
    point, empty, empty, empty, empty, empty, empty, empty, empty, empty,
    127, 127, 127, 127, 127, 127, 127, 127,
    wpoint, wempty, wempty, wempty, wempty, wempty, wempty, wempty,
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

/* ---- locale objects (_locale_t) ---- */

/* The public head of the CRT's locale data, which its headers' inline
 * functions read: the class table, MB_CUR_MAX and the code page. */
struct locale_data_public {
    const unsigned short *pctype;
    int mb_cur_max;
    unsigned int lc_codepage;
};
struct locale_object {
    struct locale_data_public *locinfo;
    void *mbcinfo;
};

extern unsigned short _ctype[257];
static struct locale_data_public c_public = { _ctype + 1, 1, 0 };
static unsigned char c_mbcinfo[0x200];
static struct locale_object c_locale = { &c_public, c_mbcinfo };

/* Only the "C" locale exists: names that ask for it get it, others fail. */
CRTAPI struct locale_object *_create_locale(int category, const char *name)
{
    if (category < 0 || category > 5 || !name) {
        crt_set_errno(EINVAL);
        return NULL;
    }
    return setlocale(category, NULL) && (!*name || !strcmp(name, "C") ||
                                         !strcmp(name, "POSIX")) ? &c_locale : NULL;
}

CRTAPI struct locale_object *_wcreate_locale(int category, const wchar *name)
{
    char n[8];
    size_t i;

    if (!name)
        return _create_locale(category, NULL);
    for (i = 0; i < sizeof(n) - 1 && name[i] && name[i] < 0x80; i++)
        n[i] = (char)name[i];
    if (name[i])
        return NULL;
    n[i] = 0;
    return _create_locale(category, n);
}

CRTAPI struct locale_object *_get_current_locale(void) { return &c_locale; }
CRTAPI void _free_locale(struct locale_object *l) { }

/* Per-thread locales (_ENABLE_PER_THREAD_LOCALE 1, _DISABLE 2): with one
 * locale the choice is only remembered. */
CRTAPI int _configthreadlocale(int type)
{
    struct crt_thread *t = crt_thread_data();
    int old = t->per_thread_locale ? 1 : 2;

    if (type == 1 || type == 2)
        t->per_thread_locale = type == 1;
    else if (type == -1)
        t->per_thread_locale = 0;
    else if (type != 0) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return -1;
    }
    return old;
}

CRTAPI wchar **___lc_locale_name_func(void)
{
    static wchar *names[6];

    return names;       /* NULL names: the "C" locale */
}

CRTAPI int ___mb_cur_max_l_func(struct locale_object *l) { return 1; }
CRTAPI void _lock_locales(void) { _lock(LOCK_LOCALE); }
CRTAPI void _unlock_locales(void) { _unlock(LOCK_LOCALE); }

/* wctype("alpha") and friends: the class masks iswctype takes. */
CRTAPI unsigned short wctype(const char *name)
{
    static const struct { const char *n; unsigned short m; } classes[] = {
        {"alnum", 0x107}, {"alpha", 0x103}, {"blank", 0x40}, {"cntrl", 0x20},
        {"digit", 0x04}, {"graph", 0x117}, {"lower", 0x02}, {"print", 0x157},
        {"punct", 0x10}, {"space", 0x08}, {"upper", 0x01}, {"xdigit", 0x80},
    };

    for (size_t i = 0; name && i < sizeof(classes) / sizeof(classes[0]); i++)
        if (!strcmp(name, classes[i].n))
            return classes[i].m;
    return 0;
}
