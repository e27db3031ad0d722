/* A locale's date and time pictures ("dddd, MMMM dd, yyyy", "hh:mm:ss tt"),
 * the way strftime's %c %x %X expand them from the names and pictures of a
 * locale's time data (_Strftime's last argument).  A run of one letter is
 * one field: d/dd the day, ddd/dddd its names; M/MM the month, MMM/MMMM its
 * names; yy/yyyy the year; h/hh H/HH m/mm s/ss the clock; t the first
 * character of AM/PM, tt (and a or A runs) all of it.  Letters past the
 * longest field come out as text first ("ddddd" is "d" and a name), as
 * does a lone y; anything else, and text between single quotes, is text. */
#include "crt_internal.h"

/* Pointer slots of the time data: 43 narrow strings, two ints, the same
 * 43 as wide strings (the UCRT's; msvcrt's has the narrow ones only). */
enum { LC_SWDAY = 0, LC_WDAY = 7, LC_SMON = 14, LC_MON = 26, LC_AM = 38, LC_PM = 39,
       LC_SDATE = 40, LC_DATE = 41, LC_TIME = 42, LC_WIDE = 44 };

struct picture {
    void (*put)(void *ctx, unsigned c);
    void *ctx;
    const void *const *lc;
    int wide;                   /* read the wide strings */
};

static const void *lc_str(const struct picture *p, int slot)
{
    return p->lc[p->wide ? LC_WIDE + slot : slot];
}

static void put_str(const struct picture *p, const void *s, size_t max)
{
    for (size_t i = 0; s && i < max; i++) {
        unsigned c = p->wide ? ((const wchar *)s)[i] : ((const unsigned char *)s)[i];

        if (!c)
            break;
        p->put(p->ctx, c);
    }
}

static void put_number(const struct picture *p, int v, int two)
{
    if (two || v >= 10)
        p->put(p->ctx, '0' + v / 10 % 10);
    p->put(p->ctx, '0' + v % 10);
}

/* The run of n letters c; letters past the longest field are text. */
static void field(const struct picture *p, unsigned c, int n, const struct crt_tm *tm)
{
    int longest = c == 'd' || c == 'M' || c == 'y' ? 4 : 2, h12 = tm->tm_hour % 12;

    if (c == 't' || c == 'a' || c == 'A') {
        put_str(p, lc_str(p, tm->tm_hour < 12 ? LC_AM : LC_PM), c == 't' && n == 1 ? 1 : ~0u);
        return;
    }
    for (; n > longest || (c == 'y' && (n == 1 || n == 3)); n--)
        p->put(p->ctx, c);
    if (!n)
        return;
    if (c == 'd' && n > 2)
        put_str(p, lc_str(p, (n == 3 ? LC_SWDAY : LC_WDAY) + tm->tm_wday), ~0u);
    else if (c == 'M' && n > 2)
        put_str(p, lc_str(p, (n == 3 ? LC_SMON : LC_MON) + tm->tm_mon), ~0u);
    else if (c == 'y' && n == 4)
        put_number(p, (tm->tm_year + 1900) / 100, 1), put_number(p, (tm->tm_year + 1900) % 100, 1);
    else if (c == 'y' && n == 2)
        put_number(p, (tm->tm_year + 1900) % 100, 1);
    else
        put_number(p, c == 'd' ? tm->tm_mday : c == 'M' ? tm->tm_mon + 1 : c == 'h' ? (h12 ? h12 : 12)
                   : c == 'H' ? tm->tm_hour : c == 'm' ? tm->tm_min : tm->tm_sec, n == 2);
}

static void expand(const struct picture *p, const void *pic, const struct crt_tm *tm)
{
    int quoted = 0;

    for (size_t i = 0; pic; ) {
        unsigned c = p->wide ? ((const wchar *)pic)[i] : ((const unsigned char *)pic)[i];
        int n = 1;

        if (!c)
            break;
        while ((p->wide ? ((const wchar *)pic)[i + n] : ((const unsigned char *)pic)[i + n]) == c)
            n++;
        if (c == '\'')
            quoted ^= n & 1;
        else if (!quoted && c < 0x80 && strchr("dMyhHmstaA", (int)c))
            field(p, c, n, tm);
        else
            for (int k = 0; k < n; k++)
                p->put(p->ctx, c);
        i += (size_t)n;
    }
}

/* what: 'c' (short date and time; alt: long date), 'x' (alt: long date),
 * 'X' or 'r' (time), 'a' 'A' 'b' 'B' 'p' (names). */
void crt_time_picture(void (*put)(void *, unsigned), void *ctx, const void *lc, int wide,
                      unsigned what, int alt, const struct crt_tm *tm)
{
    struct picture p = { put, ctx, lc, wide };
    int date = alt ? LC_DATE : LC_SDATE;

    switch (what) {
    case 'c':
        expand(&p, lc_str(&p, date), tm);
        put(ctx, ' ');
        expand(&p, lc_str(&p, LC_TIME), tm);
        break;
    case 'x': expand(&p, lc_str(&p, date), tm); break;
    case 'X': case 'r': expand(&p, lc_str(&p, LC_TIME), tm); break;
    case 'a': put_str(&p, lc_str(&p, LC_SWDAY + tm->tm_wday), ~0u); break;
    case 'A': put_str(&p, lc_str(&p, LC_WDAY + tm->tm_wday), ~0u); break;
    case 'b': case 'h': put_str(&p, lc_str(&p, LC_SMON + tm->tm_mon), ~0u); break;
    case 'B': put_str(&p, lc_str(&p, LC_MON + tm->tm_mon), ~0u); break;
    case 'p': put_str(&p, lc_str(&p, tm->tm_hour < 12 ? LC_AM : LC_PM), ~0u); break;
    }
}
