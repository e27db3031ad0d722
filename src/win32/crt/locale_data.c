/* What the locale categories take from their Windows locales: localeconv's
 * values (LC_NUMERIC, LC_MONETARY), LC_CTYPE's character classes, lead
 * bytes, case and multibyte conversion in its code page, LC_COLLATE's
 * comparison. */
#include "crt_locale.h"

#define CT_CTYPE1 1
#define LEADBYTE 0x8000     /* _LEADBYTE */
#define CHAR_MAX_C 127

/* The LOCALE_* values localeconv is made of. */
#define LOCALE_SDECIMAL 0x0E
#define LOCALE_STHOUSAND 0x0F
#define LOCALE_SGROUPING 0x10
#define LOCALE_SCURRENCY 0x14
#define LOCALE_SINTLSYMBOL 0x15
#define LOCALE_SMONDECIMALSEP 0x16
#define LOCALE_SMONTHOUSANDSEP 0x17
#define LOCALE_SMONGROUPING 0x18
#define LOCALE_ICURRDIGITS 0x19
#define LOCALE_IINTLCURRDIGITS 0x1A
#define LOCALE_SPOSITIVESIGN 0x50
#define LOCALE_SNEGATIVESIGN 0x51
#define LOCALE_IPOSSIGNPOSN 0x52
#define LOCALE_INEGSIGNPOSN 0x53
#define LOCALE_IPOSSYMPRECEDES 0x54
#define LOCALE_IPOSSEPBYSPACE 0x55
#define LOCALE_INEGSYMPRECEDES 0x56
#define LOCALE_INEGSEPBYSPACE 0x57

extern unsigned short _ctype[257];      /* ctype.c: the "C" locale's table */

/* ---- localeconv ---- */

struct conv_fill {
    struct crt_locinfo *li;
    size_t at, wat;
};

/* Appends a string (narrow in cp) to the locale's text; returns where. */
static void add(struct conv_fill *f, const struct crt_lc_cat *cat, const wchar *w,
                char **narrow, wchar **wide)
{
    size_t len = wcslen(w), room = CRT_LCONV_TEXT - f->at;
    int n = 0;

    if (len >= CRT_LCONV_TEXT - f->wat)
        len = 0;
    *wide = f->li->conv_wtext + f->wat;
    memcpy(*wide, w, len * sizeof(wchar));
    (*wide)[len] = 0;
    f->wat += len + 1;
    *narrow = f->li->conv_text + f->at;
    if (len && room > 1)
        n = WideCharToMultiByte(cat->cp == CRT_CP_UTF8 ? CRT_CP_UTF8 : cat->cp, 0, w, (int)len,
                                *narrow, (int)room - 1, NULL, NULL);
    (*narrow)[n > 0 ? n : 0] = 0;
    f->at += (n > 0 ? (size_t)n : 0) + 1;
}

static void add_info(struct conv_fill *f, const struct crt_lc_cat *cat, DWORD type,
                     char **narrow, wchar **wide)
{
    wchar buf[32];

    if (!cat->lcid) {
        buf[0] = type == LOCALE_SDECIMAL ? '.' : 0;
        buf[1] = 0;
    } else if (GetLocaleInfoEx(cat->wname, type, buf, 32) <= 0) {
        buf[0] = 0;
    }
    add(f, cat, buf, narrow, wide);
}

/* "3;0" (threes, repeated) is "\3"; "3;2;0" is "\3\2"; "3" (one group of
 * three, no more) is "\3\177". */
static void add_grouping(struct conv_fill *f, const struct crt_lc_cat *cat, DWORD type,
                         char **out)
{
    wchar buf[32];
    char *g = f->li->conv_text + f->at;
    size_t n = 0;
    int last = -1;

    *out = g;
    if (cat->lcid && GetLocaleInfoEx(cat->wname, type, buf, 32) > 0) {
        for (const wchar *p = buf; *p && n < 8; p++) {
            if (*p >= '1' && *p <= '9')
                g[n++] = (char)(last = *p - '0');
            else if (*p == '0')
                last = 0;
        }
        if (n && last)
            g[n++] = CHAR_MAX_C;
    }
    g[n] = 0;
    f->at += n + 1;
}

static char info_digit(const struct crt_lc_cat *cat, DWORD type)
{
    DWORD n = 0;

    if (!cat->lcid ||
        !GetLocaleInfoEx(cat->wname, type | LOCALE_RETURN_NUMBER, (wchar *)&n, 2))
        return CHAR_MAX_C;
    return (char)n;
}

void crt_locale_fill_conv(struct crt_locinfo *li)
{
    struct conv_fill f = { li, 0, 0 };
    struct crt_lconv *c = &li->conv;
    const struct crt_lc_cat *num = &li->cat[4], *mon = &li->cat[3];

    add_info(&f, num, LOCALE_SDECIMAL, &c->decimal_point, &c->w_decimal_point);
    add_info(&f, num, LOCALE_STHOUSAND, &c->thousands_sep, &c->w_thousands_sep);
    add_grouping(&f, num, LOCALE_SGROUPING, &c->grouping);
    add_info(&f, mon, LOCALE_SINTLSYMBOL, &c->int_curr_symbol, &c->w_int_curr_symbol);
    add_info(&f, mon, LOCALE_SCURRENCY, &c->currency_symbol, &c->w_currency_symbol);
    add_info(&f, mon, LOCALE_SMONDECIMALSEP, &c->mon_decimal_point, &c->w_mon_decimal_point);
    add_info(&f, mon, LOCALE_SMONTHOUSANDSEP, &c->mon_thousands_sep, &c->w_mon_thousands_sep);
    add_grouping(&f, mon, LOCALE_SMONGROUPING, &c->mon_grouping);
    add_info(&f, mon, LOCALE_SPOSITIVESIGN, &c->positive_sign, &c->w_positive_sign);
    add_info(&f, mon, LOCALE_SNEGATIVESIGN, &c->negative_sign, &c->w_negative_sign);
    c->int_frac_digits = info_digit(mon, LOCALE_IINTLCURRDIGITS);
    c->frac_digits = info_digit(mon, LOCALE_ICURRDIGITS);
    c->p_cs_precedes = info_digit(mon, LOCALE_IPOSSYMPRECEDES);
    c->p_sep_by_space = info_digit(mon, LOCALE_IPOSSEPBYSPACE);
    c->n_cs_precedes = info_digit(mon, LOCALE_INEGSYMPRECEDES);
    c->n_sep_by_space = info_digit(mon, LOCALE_INEGSEPBYSPACE);
    c->p_sign_posn = info_digit(mon, LOCALE_IPOSSIGNPOSN);
    c->n_sign_posn = info_digit(mon, LOCALE_INEGSIGNPOSN);
}

/* ---- LC_CTYPE ---- */

/* The classes of the code page's bytes: those of the characters they
 * stand for (GetStringTypeW's CT_CTYPE1 bits are the CRT's); a lead byte
 * is _LEADBYTE alone; UTF-8's bytes above ASCII are no class. */
static void fill_classes(struct crt_locinfo *li)
{
    const struct crt_lc_cat *cat = &li->cat[2];
    CPINFO ci;

    memset(li->lead, 0, sizeof(li->lead));
    memcpy(li->ctype, _ctype, sizeof(li->ctype));
    li->pub.pctype = li->ctype + 1;
    li->pub.lc_codepage = cat->cp;
    li->pub.mb_cur_max = 1;
    if (!cat->cp)
        return;
    if (cat->cp == CRT_CP_UTF8) {
        li->pub.mb_cur_max = 4;
        for (int b = 0x80; b < 0x100; b++)
            li->ctype[b + 1] = 0;
        return;
    }
    if (GetCPInfo(cat->cp, &ci)) {
        li->pub.mb_cur_max = (int)ci.MaxCharSize;
        for (int r = 0; r < 10 && ci.LeadByte[r]; r += 2)
            for (int b = ci.LeadByte[r]; b <= ci.LeadByte[r + 1]; b++)
                li->lead[b] = 1;
    }
    for (int b = 0; b < 256; b++) {
        char c = (char)b;
        wchar w;
        unsigned short type = 0;

        if (li->lead[b])
            type = LEADBYTE;
        else if (MultiByteToWideChar(cat->cp, 0, &c, 1, &w, 1) == 1)
            GetStringTypeW(CT_CTYPE1, &w, 1, &type);
        li->ctype[b + 1] = type & (LEADBYTE | 0x1FF);
    }
}

/* The byte of the other case, the character's own when it has no single
 * byte in the code page. */
static unsigned char byte_case(const struct crt_lc_cat *cat, unsigned char b, DWORD map)
{
    char c = (char)b, out;
    wchar w, other;
    BOOL lost = 0;

    if (MultiByteToWideChar(cat->cp, 0, &c, 1, &w, 1) != 1 ||
        LCMapStringEx(cat->wname, map, &w, 1, &other, 1, NULL, NULL, 0) != 1 ||
        WideCharToMultiByte(cat->cp, 0, &other, 1, &out, 1, NULL, &lost) != 1 || lost)
        return b;
    return (unsigned char)out;
}

static void fill_case(struct crt_locinfo *li)
{
    const struct crt_lc_cat *cat = &li->cat[2];

    for (int b = 0; b < 256; b++) {
        int plain = !cat->cp || li->lead[b] || (cat->cp == CRT_CP_UTF8 && b >= 0x80);

        li->upper[b] = plain ? (unsigned char)(b >= 'a' && b <= 'z' ? b - 32 : b)
                             : byte_case(cat, (unsigned char)b, LCMAP_UPPERCASE);
        li->lower[b] = plain ? (unsigned char)(b >= 'A' && b <= 'Z' ? b + 32 : b)
                             : byte_case(cat, (unsigned char)b, LCMAP_LOWERCASE);
    }
}

void crt_locale_fill_ctype(struct crt_locinfo *li)
{
    fill_classes(li);
    fill_case(li);
}

/* ---- LC_COLLATE ---- */

/* A narrow string (n bytes, -1: with its NUL) as a wide one from malloc. */
static wchar *widen(unsigned cp, const char *s, int n)
{
    int len = n ? MultiByteToWideChar(cp, 0, s, n, NULL, 0) : 0;
    wchar *w = len >= 0 ? malloc((size_t)len * sizeof(wchar) + sizeof(wchar)) : NULL;

    if (w && len)
        MultiByteToWideChar(cp, 0, s, n, w, len);
    return w;
}

int crt_locale_collate(const struct crt_locinfo *li, const void *a, int na, const void *b, int nb,
                       int wide, int icase)
{
    const struct crt_lc_cat *cat = &li->cat[1];
    const wchar *wa = a, *wb = b;
    wchar *na_buf = NULL, *nb_buf = NULL;
    int r = 0;

    if (!wide) {
        wa = na_buf = widen(cat->cp, a, na);
        wb = nb_buf = widen(cat->cp, b, nb);
        na = na <= 0 ? na : MultiByteToWideChar(cat->cp, 0, a, na, NULL, 0);
        nb = nb <= 0 ? nb : MultiByteToWideChar(cat->cp, 0, b, nb, NULL, 0);
    }
    if (wa && wb)
        r = CompareStringEx(cat->wname, icase ? NORM_IGNORECASE : 0, wa, na, wb, nb, NULL, NULL, 0);
    free(na_buf);
    free(nb_buf);
    if (!r) {
        crt_set_errno(EINVAL);
        return INT_MAX;     /* _NLSCMPERROR */
    }
    return r - 2;
}

/* ---- multibyte conversion ---- */

static int utf8_length(unsigned char b)
{
    return b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 :
           b >= 0xF0 && b <= 0xF4 ? 4 : -1;
}

int crt_cp_decode(const struct crt_locinfo *li, const char *s, size_t n, wchar *wc, int lenient)
{
    unsigned cp = li->pub.lc_codepage;
    unsigned char b = (unsigned char)*s;
    wchar tmp[2];
    int len;

    if (!b || !cp) {
        *wc = b;
        return b ? 1 : 0;
    }
    len = cp == CRT_CP_UTF8 ? utf8_length(b) : li->lead[b] ? 2 : 1;
    if (len < 0)
        return -1;
    for (int i = 1; i < len && (size_t)i < n; i++)
        if (!s[i])
            return -1;
    if ((size_t)len > n)
        return -2;
    if (MultiByteToWideChar(cp, lenient ? 0 : 0x08 /* MB_ERR_INVALID_CHARS */, s, len, tmp, 2) != 1)
        return -1;
    *wc = tmp[0];
    return len;
}

int crt_cp_encode(const struct crt_locinfo *li, char *dst, wchar wc)
{
    unsigned cp = li->pub.lc_codepage;
    BOOL lost = 0;
    int n;

    if (!cp)
        return crt_wide_to_narrow(dst, wc);
    n = WideCharToMultiByte(cp, 0, &wc, 1, dst, li->pub.mb_cur_max, NULL,
                            cp == CRT_CP_UTF8 ? NULL : &lost);
    return n > 0 && !lost ? n : -1;
}

/* LCMAP_SORTKEY's bytes (each its own unit in a wide result). */
size_t crt_locale_transform(const struct crt_locinfo *li, void *dst, const void *src, size_t n,
                            int wide)
{
    const struct crt_lc_cat *cat = &li->cat[1];
    wchar *w = wide ? (wchar *)src : widen(cat->cp, src, -1);
    unsigned char *key = NULL;
    int len = 0;

    if (w && (len = LCMapStringEx(cat->wname, LCMAP_SORTKEY, w, -1, NULL, 0, NULL, NULL, 0)) > 0 &&
        (key = malloc((size_t)len)))
        len = LCMapStringEx(cat->wname, LCMAP_SORTKEY, w, -1, (wchar *)key, len, NULL, NULL, 0);
    if (!wide)
        free(w);
    if (!key || len <= 0) {
        free(key);
        crt_set_errno(EILSEQ);
        return INT_MAX;
    }
    if ((size_t)len <= n) {
        for (int i = 0; i < len; i++) {
            if (wide)
                ((wchar *)dst)[i] = key[i];
            else
                ((unsigned char *)dst)[i] = key[i];
        }
    } else if (n) {     /* too small: left empty */
        if (wide)
            *(wchar *)dst = 0;
        else
            *(char *)dst = 0;
    }
    free(key);
    return (size_t)len - 1;
}
