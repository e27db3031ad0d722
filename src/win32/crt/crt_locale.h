/* Named locales of msvcrt and ucrtbase: a locale string resolved to a
 * Windows locale and code page (locale_resolve.c), the data each category
 * takes from it (locale_data.c) and the locale state (locale.c). */
#ifndef LSW_CRT_LOCALE_H
#define LSW_CRT_LOCALE_H

#include "crt_internal.h"

#define CRT_LC_ALL 0
#define CRT_LC_MAX 5            /* LC_COLLATE 1, LC_CTYPE 2, LC_MONETARY 3, LC_NUMERIC 4, LC_TIME 5 */
#define CRT_LC_NAME_MAX 132     /* setlocale's answer for one category */
#define CRT_CP_UTF8 65001

/* One category's locale.  The "C" locale has an empty wname, lcid 0, cp 0. */
struct crt_lc_cat {
    char name[CRT_LC_NAME_MAX];    /* "C", "English_United States.1252", "en-US" */
    wchar wname[LOCALE_NAME_MAX_LENGTH];   /* the Windows locale name: L"en-US" */
    unsigned long lcid;
    unsigned cp;
};

/* locale_resolve.c: a locale string of setlocale's forms ("C", "", ".cp",
 * "language[_country[.cp]]", "locale-name[.cp]") into *out; 0, or -1 when
 * it names no locale (or a code page the runtime cannot use). */
int crt_locale_resolve(const char *spec, struct crt_lc_cat *out);

/* struct lconv, with the UCRT's wide members after the C ones. */
struct crt_lconv {
    char *decimal_point, *thousands_sep, *grouping, *int_curr_symbol;
    char *currency_symbol, *mon_decimal_point, *mon_thousands_sep;
    char *mon_grouping, *positive_sign, *negative_sign;
    char int_frac_digits, frac_digits, p_cs_precedes, p_sep_by_space;
    char n_cs_precedes, n_sep_by_space, p_sign_posn, n_sign_posn;
    wchar *w_decimal_point, *w_thousands_sep, *w_int_curr_symbol, *w_currency_symbol;
    wchar *w_mon_decimal_point, *w_mon_thousands_sep, *w_positive_sign, *w_negative_sign;
};

/* The public head of a locale's data, which the CRT headers' inline
 * functions read: the class table, MB_CUR_MAX and the code page. */
struct locale_data_public {
    const unsigned short *pctype;
    int mb_cur_max;
    unsigned int lc_codepage;
};

#define CRT_LCONV_TEXT 160      /* the lconv's strings, one after the other */

/* A whole locale: what setlocale changes and a _locale_t holds. */
struct crt_locinfo {
    struct locale_data_public pub;
    long refcount;      /* _locale_t objects sharing it; the global one is never freed */
    struct crt_lc_cat cat[CRT_LC_MAX + 1];      /* [0] unused */
    char all[6 * (CRT_LC_NAME_MAX + 12)];       /* setlocale(LC_ALL)'s answer */
    wchar wall[6 * (CRT_LC_NAME_MAX + 12)];
    struct crt_lconv conv;
    char conv_text[CRT_LCONV_TEXT];
    wchar conv_wtext[CRT_LCONV_TEXT];
    unsigned short ctype[257];  /* [0] is EOF's; pub.pctype = ctype + 1 */
    unsigned char lead[256];    /* lead bytes of a double-byte code page */
    unsigned char upper[256], lower[256];      /* toupper, tolower of each byte */
};

/* locale_data.c: what the categories take from their locales. */
void crt_locale_fill_conv(struct crt_locinfo *li);      /* LC_MONETARY, LC_NUMERIC */
void crt_locale_fill_ctype(struct crt_locinfo *li);     /* LC_CTYPE */
/* Multibyte conversion in a code page: bytes of s (at most n) making one
 * character into *wc (1..4, 0 for the NUL), -1 if invalid, -2 if cut short;
 * and a character's bytes (or -1). */
int crt_cp_decode(const struct crt_locinfo *li, const char *s, size_t n, wchar *wc, int lenient);
int crt_cp_encode(const struct crt_locinfo *li, char *dst, wchar wc);
/* LC_COLLATE's comparison and sort keys, as crt_collate and crt_transform (crt.h). */
int crt_locale_collate(const struct crt_locinfo *li, const void *a, int na, const void *b, int nb,
                       int wide, int icase);
size_t crt_locale_transform(const struct crt_locinfo *li, void *dst, const void *src, size_t n,
                            int wide);

/* locale_time.c: LC_TIME's names and pictures, _Gettnames' block (from
 * malloc); time_fmt.c has the "C" locale's names. */
#define CRT_TIME_NAMES 43
struct crt_time_names;
struct crt_time_names *crt_time_names_of(const struct crt_lc_cat *cat);
extern const char *const crt_c_day_names[7];
extern const char *const crt_c_month_names[12];

/* locale.c: the _l conversions (locale_l.c) run in their locale object's
 * LC_CTYPE on this thread between enter (which answers what to restore)
 * and leave; a NULL object keeps the current one. */
struct locale_object;
const struct crt_locinfo *crt_conversion_enter(struct locale_object *l);
void crt_conversion_leave(struct locale_object *l, const struct crt_locinfo *saved);

/* locale.c: the program's locale (setlocale's), and its LC_TIME data for
 * strftime (NULL while LC_TIME is the "C" locale). */
const struct crt_locinfo *crt_current_locale(void);
const struct crt_time_names *crt_current_time_names(void);

#endif
