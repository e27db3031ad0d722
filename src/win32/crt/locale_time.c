/* LC_TIME's names and pictures as the CRT's time data (_Gettnames'
 * block, which strftime, _Strftime and msvcp140's time facets read): the
 * "C" locale's English ones, or a named locale's from GetLocaleInfoEx. */
#include "crt_locale.h"

#define LOCALE_SSHORTDATE 0x1F
#define LOCALE_SLONGDATE 0x20
#define LOCALE_S1159 0x28
#define LOCALE_S2359 0x29
#define LOCALE_SDAYNAME1 0x2A       /* Monday; SABBREVDAYNAME1 0x31 */
#define LOCALE_SABBREVDAYNAME1 0x31
#define LOCALE_SMONTHNAME1 0x38
#define LOCALE_SABBREVMONTHNAME1 0x44
#define LOCALE_STIMEFORMAT 0x1003
#define NAME_MAX_UNITS 80

/* 7 short and 7 long day names (Sunday first), 12 and 12 month names,
 * AM, PM, the short date, long date and time pictures: narrow, two ints,
 * the same wide, the locale's name. */
struct crt_time_names {
    const char *narrow[CRT_TIME_NAMES];
    int caltype, refcount;
    const wchar *wide[CRT_TIME_NAMES];
    const wchar *locale;
};
/* msvcrt.dll's layout: the LCID and two ints, then the wide ones. */
struct msvcrt_time_names {
    const char *narrow[CRT_TIME_NAMES];
    unsigned long lcid;
    int unknown[2];
    const wchar *wide[CRT_TIME_NAMES];
};
_Static_assert(__builtin_offsetof(struct msvcrt_time_names, wide) == 0x168, "msvcrt's layout");

/* Name i of cat into w. */
static void time_name(const struct crt_lc_cat *cat, int i, wchar *w)
{
    static const char *const rest[5] = { "AM", "PM", "MM/dd/yy", "dddd, MMMM dd, yyyy", "HH:mm:ss" };
    static const DWORD rest_types[5] = { LOCALE_S1159, LOCALE_S2359, LOCALE_SSHORTDATE,
                                         LOCALE_SLONGDATE, LOCALE_STIMEFORMAT };
    const char *c;
    DWORD type;
    size_t n;

    if (i < 14) {       /* the locale's days start on Monday */
        c = crt_c_day_names[i % 7];
        type = (i < 7 ? LOCALE_SABBREVDAYNAME1 : LOCALE_SDAYNAME1) + (i % 7 + 6) % 7;
    } else if (i < 38) {
        c = crt_c_month_names[(i - 14) % 12];
        type = (i < 26 ? LOCALE_SABBREVMONTHNAME1 : LOCALE_SMONTHNAME1) + (i - 14) % 12;
    } else {
        c = rest[i - 38];
        type = rest_types[i - 38];
    }
    if (cat->lcid && GetLocaleInfoEx(cat->wname, type, w, NAME_MAX_UNITS) > 0)
        return;
    n = i < 7 || (i >= 14 && i < 26) ? 3 : strlen(c);
    for (size_t k = 0; k < n; k++)
        w[k] = (unsigned char)c[k];
    w[n] = 0;
}

/* One block from malloc holding the table and then its strings: the
 * narrow ones (in the locale's code page) right after the table, as
 * msvcrt's are, a gap, the wide ones, the locale's name.  The UCRT's
 * layout or msvcrt's; the caller frees it with free. */
static void *time_names_block(const struct crt_lc_cat *cat, int msvcrt_layout)
{
    static wchar names[CRT_TIME_NAMES][NAME_MAX_UNITS];
    size_t head = msvcrt_layout ? sizeof(struct msvcrt_time_names) : sizeof(struct crt_time_names);
    size_t units = wcslen(cat->wname) + 1, bytes = 0, len;
    unsigned cp = cat->cp ? cat->cp : 1252;
    const char **narrow;
    const wchar **wide;
    char *block, *n;
    wchar *w;

    _lock(LOCK_LOCALE);
    for (int i = 0; i < CRT_TIME_NAMES; i++) {
        time_name(cat, i, names[i]);
        units += wcslen(names[i]) + 1;
        bytes += (size_t)WideCharToMultiByte(cp, 0, names[i], -1, NULL, 0, NULL, NULL);
    }
    bytes = (bytes + 8) & ~(size_t)7;       /* at least one byte between */
    block = calloc(1, head + bytes + units * sizeof(wchar));
    if (block) {
        size_t left = bytes;

        n = block + head;
        w = (wchar *)(n + bytes);
        narrow = (const char **)block;
        if (msvcrt_layout) {
            ((struct msvcrt_time_names *)block)->lcid = cat->lcid;
            wide = ((struct msvcrt_time_names *)block)->wide;
        } else {
            ((struct crt_time_names *)block)->caltype = 1;  /* CAL_GREGORIAN */
            wide = ((struct crt_time_names *)block)->wide;
        }
        for (int i = 0; i < CRT_TIME_NAMES; i++) {
            len = wcslen(names[i]) + 1;
            wide[i] = memcpy(w, names[i], len * sizeof(wchar));
            w += len;
            narrow[i] = n;
            len = (size_t)WideCharToMultiByte(cp, 0, names[i], -1, n, (int)left, NULL, NULL);
            n += len;
            left -= len;
        }
        if (!msvcrt_layout && cat->wname[0])
            ((struct crt_time_names *)block)->locale =
                memcpy(w, cat->wname, (wcslen(cat->wname) + 1) * sizeof(wchar));
    }
    _unlock(LOCK_LOCALE);
    return block;
}

struct crt_time_names *crt_time_names_of(const struct crt_lc_cat *cat)
{
    return time_names_block(cat, 0);
}

/* ":Sun:Sunday:Mon:Monday..." (or the months) of LC_TIME, from malloc. */
static void *names_list(int first_short, int first_long, int count, int wide)
{
    struct crt_time_names *t = crt_time_names_of(&crt_current_locale()->cat[5]);
    size_t chars = 1, k = 0;
    void *s;

    if (!t)
        return NULL;
    for (int i = 0; i < count; i++)
        chars += 2 + (wide ? wcslen(t->wide[first_short + i]) + wcslen(t->wide[first_long + i])
                           : strlen(t->narrow[first_short + i]) + strlen(t->narrow[first_long + i]));
    if ((s = malloc(chars * (wide ? sizeof(wchar) : 1)))) {
        for (int i = 0; i < 2 * count; i++) {
            int slot = (i & 1 ? first_long : first_short) + i / 2;

            if (wide) {
                ((wchar *)s)[k++] = ':';
                for (const wchar *p = t->wide[slot]; *p; p++)
                    ((wchar *)s)[k++] = *p;
            } else {
                ((char *)s)[k++] = ':';
                for (const char *p = t->narrow[slot]; *p; p++)
                    ((char *)s)[k++] = *p;
            }
        }
        if (wide)
            ((wchar *)s)[k] = 0;
        else
            ((char *)s)[k] = 0;
    }
    free(t);
    return s;
}

CRTAPI char *_Getdays(void) { return names_list(0, 7, 7, 0); }
CRTAPI char *_Getmonths(void) { return names_list(14, 26, 12, 0); }
CRTAPI wchar *_W_Getdays(void) { return names_list(0, 7, 7, 1); }
CRTAPI wchar *_W_Getmonths(void) { return names_list(14, 26, 12, 1); }

/* _Gettnames: each DLL's own layout. */
CRTAPI void *ucrt__Gettnames(void) { return time_names_block(&crt_current_locale()->cat[5], 0); }
CRTAPI void *msvcrt__Gettnames(void) { return time_names_block(&crt_current_locale()->cat[5], 1); }
CRTAPI void *ucrt__W_Gettnames(void) { return ucrt__Gettnames(); }
