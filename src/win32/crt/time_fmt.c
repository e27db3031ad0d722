/* Time as text: asctime/ctime ("Wed Jan 02 02:03:55 1980\n", msvcrt's
 * two-digit day; the UCRT's is C's "Jan  2"), strftime/wcsftime (a named
 * LC_TIME's names and pictures: locale_time.c), _strdate and _strtime.  One formatter serves both widths, of
 * format and of output. */
#include "crt_locale.h"

CRTAPI int isleadbyte(int c);       /* mbcs.c */

const char *const crt_c_day_names[7] = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};
const char *const crt_c_month_names[12] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
};

struct tbuf {
    void *p;
    int wide;
    size_t cap, n;
    int legacy;     /* msvcrt.dll's strftime: no C99 conversions */
    const void *lc; /* _Strftime's locale time data, or NULL: the "C" locale */
    int lc_wide;    /* its pictures and names: the wide ones (the UCRT's) */
};

/* The conversions C99 added, which msvcrt.dll's strftime refuses. */
#define C99_ONLY "CDeFgGhnrRtTuV"

static void put(struct tbuf *b, unsigned c)
{
    if (b->n < b->cap && b->wide)
        ((wchar *)b->p)[b->n] = (wchar)c;
    else if (b->n < b->cap)
        ((char *)b->p)[b->n] = (char)c;
    b->n++;
}

/* Terminates at n (or, when that is past the end, at the last place). */
static void terminate(struct tbuf *b)
{
    size_t at = b->n < b->cap ? b->n : b->cap - 1;

    if (b->wide)
        ((wchar *)b->p)[at] = 0;
    else
        ((char *)b->p)[at] = 0;
}

static unsigned fch(const void *f, size_t i, int wf)
{
    return wf ? ((const wchar *)f)[i] : ((const unsigned char *)f)[i];
}

static void puts_n(struct tbuf *b, const char *s, size_t max)
{
    for (size_t i = 0; s[i] && i < max; i++)
        put(b, (unsigned char)s[i]);
}

/* v in `width` digits, zero padded (space padded with pad ' '); `trim`
 * drops the leading zeros (the '#' flag). */
static void put_num(struct tbuf *b, long long v, int width, char pad, int trim)
{
    char tmp[24];
    int n = 0;

    if (v < 0) {
        put(b, '-');
        v = -v;
    }
    do
        tmp[n++] = (char)('0' + v % 10);
    while ((v /= 10));
    while (!trim && n < width)
        tmp[n++] = pad;
    while (n)
        put(b, (unsigned char)tmp[--n]);
}

/* msvcrt checks the whole tm before it starts. */
static int valid_tm(const struct crt_tm *tm)
{
    return tm->tm_mon >= 0 && tm->tm_mon <= 11 && tm->tm_wday >= 0 &&
           tm->tm_wday <= 6 && tm->tm_mday >= 1 && tm->tm_mday <= 31 &&
           tm->tm_hour >= 0 && tm->tm_hour <= 23 && tm->tm_min >= 0 &&
           tm->tm_min <= 59 && tm->tm_sec >= 0 && tm->tm_sec <= 60 &&
           tm->tm_yday >= 0 && tm->tm_yday <= 365 && tm->tm_year >= -1900;
}

/* The UCRT checks, conversion by conversion, the fields it reads ("%y"
 * of a tm whose tm_mday is 0 is fine), and wants a year of at most four
 * digits (9999).  Composites are checked again through their parts. */
static int fields_ok(unsigned c, const struct crt_tm *tm)
{
    int year = tm->tm_year >= -1900 && tm->tm_year <= 8099;
    int mon = tm->tm_mon >= 0 && tm->tm_mon <= 11;
    int mday = tm->tm_mday >= 1 && tm->tm_mday <= 31;
    int wday = tm->tm_wday >= 0 && tm->tm_wday <= 6;
    int yday = tm->tm_yday >= 0 && tm->tm_yday <= 365;
    int clock = tm->tm_hour >= 0 && tm->tm_hour <= 23 && tm->tm_min >= 0 &&
                tm->tm_min <= 59 && tm->tm_sec >= 0 && tm->tm_sec <= 60;

    switch (c) {
    case 'a': case 'A': case 'u': case 'w': return wday;
    case 'b': case 'B': case 'h': case 'm': return mon;
    case 'C': case 'y': case 'Y': return year;
    case 'd': case 'e': return mday;
    case 'D': case 'F': return year && mon && mday;
    case 'x': return year && mon && mday && wday;
    case 'c': return year && mon && mday && wday && clock;
    case 'g': case 'G': case 'V': return year && wday && yday;
    case 'U': case 'W': return wday && yday;
    case 'j': return yday;
    case 'H': case 'I': case 'p': return tm->tm_hour >= 0 && tm->tm_hour <= 23;
    case 'M': return tm->tm_min >= 0 && tm->tm_min <= 59;
    case 'S': return tm->tm_sec >= 0 && tm->tm_sec <= 60;
    case 'r': case 'R': case 'T': case 'X': return clock;
    default: return 1;
    }
}

/* The ISO 8601 week-based year and week of tm. */
static int iso_week(const struct crt_tm *tm, int *year)
{
    int wday = (tm->tm_wday + 6) % 7, y = tm->tm_year + 1900;
    int week = (tm->tm_yday - wday + 10) / 7;

    if (week < 1) {
        int py = y - 1, pdays = 365 + ((py % 4 == 0 && py % 100) || py % 400 == 0);
        week = (tm->tm_yday + pdays - wday + 10) / 7;
        y = py;
    } else if (week == 53) {
        int days = 365 + ((y % 4 == 0 && y % 100) || y % 400 == 0);
        if (tm->tm_yday - wday + 3 >= days) {
            week = 1;
            y++;
        }
    }
    *year = y;
    return week;
}

static int format(struct tbuf *b, const void *f, int wf, const struct crt_tm *tm);

/* The locale data's characters: wide ones into narrow output take their
 * bytes in LC_TIME's code page (the ANSI one for the "C" locale). */
static void put_cb(void *ctx, unsigned c)
{
    struct tbuf *b = ctx;
    char mb[4];
    wchar w = (wchar)c;
    int n;

    if (b->wide || !b->lc_wide || c < 0x80) {
        put(b, c);
        return;
    }
    n = WideCharToMultiByte(crt_current_locale()->cat[5].cp, 0, &w, 1, mb, sizeof(mb), NULL, NULL);
    for (int i = 0; i < n; i++)
        put(b, (unsigned char)mb[i]);
}

static int one(struct tbuf *b, unsigned c, int alt, const struct crt_tm *tm)
{
    int y, h12;
    long off;

    if (!tm || (b->legacy && c && strchr(C99_ONLY, (int)c)) || (!b->legacy && !fields_ok(c, tm)))
        return -1;
    h12 = tm->tm_hour % 12 ? tm->tm_hour % 12 : 12;
    if (b->lc && c && strchr("aAbhBcpxXr", (int)c)) {
        crt_time_picture(put_cb, b, b->lc, b->lc_wide, c, alt, tm);
        return 0;
    }
    switch (c) {
    case 'a': puts_n(b, crt_c_day_names[tm->tm_wday], 3); return 0;
    case 'A': puts_n(b, crt_c_day_names[tm->tm_wday], 99); return 0;
    case 'b': case 'h': puts_n(b, crt_c_month_names[tm->tm_mon], 3); return 0;
    case 'B': puts_n(b, crt_c_month_names[tm->tm_mon], 99); return 0;
    case 'c': return format(b, alt ? "%A, %B %d, %Y %H:%M:%S" : b->legacy ? "%m/%d/%y %H:%M:%S"
                                                        : "%a %b %e %H:%M:%S %Y", 0, tm);
    case 'C': put_num(b, (tm->tm_year + 1900) / 100, 2, '0', alt); return 0;
    case 'd': put_num(b, tm->tm_mday, 2, '0', alt); return 0;
    case 'D': return format(b, alt ? "%#m/%#d/%#y" : "%m/%d/%y", 0, tm);
    case 'x': return format(b, alt ? "%A, %B %d, %Y" : "%m/%d/%y", 0, tm);
    case 'e': put_num(b, tm->tm_mday, 2, ' ', alt); return 0;
    case 'F': return format(b, alt ? "%#Y-%#m-%#d" : "%Y-%m-%d", 0, tm);
    case 'g': iso_week(tm, &y); put_num(b, y % 100, 2, '0', alt); return 0;
    case 'G': iso_week(tm, &y); put_num(b, y, 4, '0', alt); return 0;
    case 'H': put_num(b, tm->tm_hour, 2, '0', alt); return 0;
    case 'I': put_num(b, h12, 2, '0', alt); return 0;
    case 'j': put_num(b, tm->tm_yday + 1, 3, '0', alt); return 0;
    case 'm': put_num(b, tm->tm_mon + 1, 2, '0', alt); return 0;
    case 'M': put_num(b, tm->tm_min, 2, '0', alt); return 0;
    case 'n': put(b, '\n'); return 0;
    case 'p': puts_n(b, tm->tm_hour < 12 ? "AM" : "PM", 2); return 0;
    case 'r': return format(b, alt ? "%#I:%#M:%#S %p" : "%I:%M:%S %p", 0, tm);
    case 'R': return format(b, alt ? "%#H:%#M" : "%H:%M", 0, tm);
    case 'S': put_num(b, tm->tm_sec, 2, '0', alt); return 0;
    case 't': put(b, '\t'); return 0;
    case 'T': return format(b, alt ? "%#H:%#M:%#S" : "%H:%M:%S", 0, tm);
    case 'X': return format(b, "%H:%M:%S", 0, tm);
    case 'u': put_num(b, tm->tm_wday ? tm->tm_wday : 7, 1, '0', alt); return 0;
    case 'U': put_num(b, (tm->tm_yday + 7 - tm->tm_wday) / 7, 2, '0', alt); return 0;
    case 'V': put_num(b, iso_week(tm, &y), 2, '0', alt); return 0;
    case 'w': put_num(b, tm->tm_wday, 1, '0', alt); return 0;
    case 'W': put_num(b, (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7, 2, '0', alt); return 0;
    case 'y': put_num(b, (tm->tm_year + 1900) % 100, 2, '0', alt); return 0;
    case 'Y': put_num(b, tm->tm_year + 1900, 4, '0', alt); return 0;
    case 'z':
        crt_tz_ensure();
        off = -(_timezone + (tm->tm_isdst > 0 ? _dstbias : 0)) / 60;
        put(b, off < 0 ? '-' : '+');
        off = off < 0 ? -off : off;
        put_num(b, off / 60 * 100 + off % 60, 4, '0', 0);
        return 0;
    case 'Z':
        crt_tz_ensure();
        puts_n(b, _tzname[tm->tm_isdst > 0], 64);
        return 0;
    case '%': put(b, '%'); return 0;
    }
    return -1;
}

/* Returns 0, or -1 for an invalid conversion. */
static int format(struct tbuf *b, const void *f, int wf, const struct crt_tm *tm)
{
    for (size_t i = 0; fch(f, i, wf); i++) {
        int alt = 0;

        if (!wf && isleadbyte((int)fch(f, i, wf)) && fch(f, i + 1, wf)) {
            put(b, fch(f, i, wf));      /* a double-byte character, whatever its second byte */
            put(b, fch(f, ++i, wf));
            continue;
        }
        if (fch(f, i, wf) != '%') {
            put(b, fch(f, i, wf));
            continue;
        }
        i++;
        if (fch(f, i, wf) == '#')
            alt = 1, i++;
        if (fch(f, i, wf) == 'E' || fch(f, i, wf) == 'O')
            i++;
        if (!fch(f, i, wf) || one(b, fch(f, i, wf), alt, tm) < 0)
            return -1;
    }
    return 0;
}

/* The length written, or 0: too small ("", ERANGE) or invalid (the
 * invalid parameter handler, EINVAL). */
/* tm may be NULL for a format without conversions. */
static size_t time_format(void *out, int wide, size_t max, const void *f,
                          const struct crt_tm *tm, int legacy, const void *lc)
{
    struct tbuf b = { out, wide, max, 0, legacy, lc ? lc : crt_current_time_names(), !legacy };

    if (!out || !max || !f || (tm && legacy && !valid_tm(tm)) || format(&b, f, wide, tm) < 0) {
        if (out && max)
            b.n = 0, terminate(&b);
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return 0;
    }
    if (b.n >= max) {
        b.n = 0;
        terminate(&b);
        crt_set_errno(ERANGE);
        return 0;
    }
    terminate(&b);
    return b.n;
}

CRTAPI size_t wcsftime(wchar *out, size_t max, const wchar *f,
                       const struct crt_tm *tm)
{
    return time_format(out, 1, max, f, tm, 0, NULL);
}

CRTAPI size_t strftime(char *out, size_t max, const char *f,
                       const struct crt_tm *tm)
{
    return time_format(out, 0, max, f, tm, 0, NULL);
}

/* msvcrt.dll's forms (msvcrt.spec names them for strftime and wcsftime). */
CRTAPI size_t msvcrt_wcsftime(wchar *out, size_t max, const wchar *f,
                              const struct crt_tm *tm)
{
    return time_format(out, 1, max, f, tm, 1, NULL);
}

CRTAPI size_t msvcrt_strftime(char *out, size_t max, const char *f,
                              const struct crt_tm *tm)
{
    return time_format(out, 0, max, f, tm, 1, NULL);
}

/* _Strftime and _Wcsftime: strftime with a locale's time data (its names
 * and date/time pictures; NULL: the "C" locale).  The UCRT's data has
 * wide pictures; msvcrt's narrow ones. */
CRTAPI size_t _Strftime(char *out, size_t max, const char *f, const struct crt_tm *tm,
                        const void *lc)
{
    return time_format(out, 0, max, f, tm, 0, lc);
}

CRTAPI size_t _Wcsftime(wchar *out, size_t max, const wchar *f, const struct crt_tm *tm,
                        const void *lc)
{
    return time_format(out, 1, max, f, tm, 0, lc);
}

CRTAPI size_t msvcrt__Strftime(char *out, size_t max, const char *f,
                               const struct crt_tm *tm, const void *lc)
{
    return time_format(out, 0, max, f, tm, 1, lc);
}

/* ---- asctime, ctime ---- */

/* asctime's checks: the fields it prints must be in range, the day must
 * exist in its month (tm_yday is not looked at) and the year must be
 * 1900 or later. */
static int asctime_valid(const struct crt_tm *tm)
{
    static const unsigned char mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    long long y = tm->tm_year + 1900LL;
    int leap = (y % 4 == 0 && y % 100) || y % 400 == 0;

    return tm->tm_mon >= 0 && tm->tm_mon <= 11 && tm->tm_wday >= 0 &&
           tm->tm_wday <= 6 && tm->tm_mday >= 1 &&
           tm->tm_mday <= mdays[tm->tm_mon] - (tm->tm_mon == 1 && !leap) &&
           tm->tm_hour >= 0 && tm->tm_hour <= 23 && tm->tm_min >= 0 &&
           tm->tm_min <= 59 && tm->tm_sec >= 0 && tm->tm_sec <= 59 &&
           tm->tm_year >= 0;
}

/* The year's four places: the thousands place takes year / 1000 as a
 * character offset from '0' (10000 shows as ":000"), as msvcrt does. */
static void put_asctime_year(struct tbuf *b, long long y)
{
    put(b, b->wide ? (unsigned)('0' + y / 1000) : (unsigned char)('0' + y / 1000));
    put(b, '0' + y / 100 % 10);
    put(b, '0' + y / 10 % 10);
    put(b, '0' + y % 10);
}

/* max_year: the _s forms refuse years past 9999 (tm_year 8099). */
static int asctime_common(void *buf, size_t n, const struct crt_tm *tm, int wide,
                          int max_year)
{
    struct tbuf b = { buf, wide, 26, 0 };

    if (!buf || !n) {
        crt_invalid_parameter();
        return EINVAL;
    }
    if (wide)
        ((wchar *)buf)[0] = 0;
    else
        ((char *)buf)[0] = 0;
    if (!tm || !asctime_valid(tm) || tm->tm_year > max_year) {
        crt_invalid_parameter();
        return EINVAL;
    }
    if (n < 26) {
        crt_invalid_parameter();
        return ERANGE;
    }
    format(&b, crt_ucrt ? "%a %b %e %H:%M:%S " : "%a %b %d %H:%M:%S ", 0, tm);
    put_asctime_year(&b, tm->tm_year + 1900LL);
    put(&b, '\n');
    terminate(&b);
    return 0;
}

#define S_MAX_YEAR 8099

CRTAPI int asctime_s(char *buf, size_t n, const struct crt_tm *tm)
{
    return asctime_common(buf, n, tm, 0, S_MAX_YEAR);
}

CRTAPI int _wasctime_s(wchar *buf, size_t n, const struct crt_tm *tm)
{
    return asctime_common(buf, n, tm, 1, S_MAX_YEAR);
}

CRTAPI char *asctime(const struct crt_tm *tm)
{
    char *b = crt_thread_data()->time_buf;
    int e = asctime_common(b, 26, tm, 0, INT_MAX);

    return e ? (crt_set_errno(e), NULL) : b;
}

CRTAPI wchar *_wasctime(const struct crt_tm *tm)
{
    wchar *b = crt_thread_data()->wtime_buf;
    int e = asctime_common(b, 26, tm, 1, INT_MAX);

    return e ? (crt_set_errno(e), NULL) : b;
}

static int ctime_common(void *buf, size_t n, long long t, int wide)
{
    struct crt_tm tm;

    if (crt_localtime(t, &tm)) {
        if (buf && n)
            wide ? (void)(((wchar *)buf)[0] = 0) : (void)(((char *)buf)[0] = 0);
        crt_invalid_parameter();
        return EINVAL;
    }
    return asctime_common(buf, n, &tm, wide, S_MAX_YEAR);
}

CRTAPI int _ctime64_s(char *buf, size_t n, const long long *t)
{
    return t ? ctime_common(buf, n, *t, 0) : (crt_invalid_parameter(), EINVAL);
}

CRTAPI int _ctime32_s(char *buf, size_t n, const int *t)
{
    return t ? ctime_common(buf, n, *t, 0) : (crt_invalid_parameter(), EINVAL);
}

CRTAPI int _wctime64_s(wchar *buf, size_t n, const long long *t)
{
    return t ? ctime_common(buf, n, *t, 1) : (crt_invalid_parameter(), EINVAL);
}

CRTAPI int _wctime32_s(wchar *buf, size_t n, const int *t)
{
    return t ? ctime_common(buf, n, *t, 1) : (crt_invalid_parameter(), EINVAL);
}

CRTAPI char *_ctime64(const long long *t)
{
    char *b = crt_thread_data()->time_buf;
    int e = _ctime64_s(b, 26, t);

    return e ? (crt_set_errno(e), NULL) : b;
}

CRTAPI char *_ctime32(const int *t)
{
    long long v = t ? *t : -1;

    return _ctime64(t ? &v : NULL);
}

CRTAPI wchar *_wctime64(const long long *t)
{
    wchar *b = crt_thread_data()->wtime_buf;
    int e = _wctime64_s(b, 26, t);

    return e ? (crt_set_errno(e), NULL) : b;
}

CRTAPI wchar *_wctime32(const int *t)
{
    long long v = t ? *t : -1;

    return _wctime64(t ? &v : NULL);
}

/* ---- _strdate "mm/dd/yy", _strtime "hh:mm:ss" (local time) ---- */

static int date_or_time(void *buf, size_t n, int wide, int date)
{
    struct crt_tm tm;
    struct tbuf b = { buf, wide, 9, 0 };

    if (!buf || !n) {
        crt_invalid_parameter();
        return EINVAL;
    }
    if (n < 9) {
        wide ? (void)(((wchar *)buf)[0] = 0) : (void)(((char *)buf)[0] = 0);
        crt_invalid_parameter();
        return ERANGE;
    }
    crt_localtime(crt_now_100ns() / 10000000, &tm);
    format(&b, date ? "%m/%d/%y" : "%H:%M:%S", 0, &tm);
    terminate(&b);
    return 0;
}

CRTAPI int _strdate_s(char *b, size_t n) { return date_or_time(b, n, 0, 1); }
CRTAPI int _strtime_s(char *b, size_t n) { return date_or_time(b, n, 0, 0); }
CRTAPI int _wstrdate_s(wchar *b, size_t n) { return date_or_time(b, n, 1, 1); }
CRTAPI int _wstrtime_s(wchar *b, size_t n) { return date_or_time(b, n, 1, 0); }
CRTAPI char *_strdate(char *b) { return date_or_time(b, 9, 0, 1) ? NULL : b; }
CRTAPI char *_strtime(char *b) { return date_or_time(b, 9, 0, 0) ? NULL : b; }
CRTAPI wchar *_wstrdate(wchar *b) { return date_or_time(b, 9, 1, 1) ? NULL : b; }
CRTAPI wchar *_wstrtime(wchar *b) { return date_or_time(b, 9, 1, 0) ? NULL : b; }

