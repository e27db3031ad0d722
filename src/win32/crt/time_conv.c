/* Calendar arithmetic (proleptic Gregorian) and the broken-down time
 * functions: gmtime, localtime, mktime, _mkgmtime in their 64- and 32-bit
 * forms and the _s variants.  time_t counts seconds since 1970-01-01
 * UTC; the CRT accepts 1970 to 3000 (2038 for the 32-bit forms). */
#include "crt_internal.h"

#define MAX_TIME32 0x7FFFFFFFLL

static int is_leap(long long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int crt_days_in_month(int year, int mon)
{
    static const char days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

    return days[mon] + (mon == 1 && is_leap(year));
}

/* Days from 1970-01-01 to year-mon-01 (mon 0..11): March-based years make
 * the leap day the last day of a year, 400 years are 146097 days. */
static long long days_before(long long year, int mon)
{
    long long y = year - (mon < 2), era, yoe, doy;
    int m = (mon + 10) % 12;        /* March = 0 */

    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * m + 2) / 5;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

int crt_weekday(int year, int mon, int mday)
{
    long long d = days_before(year, mon) + mday - 1;

    return (int)(((d + 4) % 7 + 7) % 7);    /* 1970-01-01 was a Thursday */
}

long long crt_tm_to_seconds(const struct crt_tm *tm)
{
    long long year = 1900LL + tm->tm_year, mon = tm->tm_mon;

    year += mon >= 0 ? mon / 12 : (mon - 11) / 12;
    mon = ((mon % 12) + 12) % 12;
    return (days_before(year, (int)mon) + tm->tm_mday - 1) * 86400LL +
           tm->tm_hour * 3600LL + tm->tm_min * 60LL + tm->tm_sec;
}

void crt_seconds_to_tm(long long secs, struct crt_tm *tm)
{
    long long days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    long long rem = secs - days * 86400, year = 1970 + days / 366;
    int mon = 0;

    while (days_before(year + 1, 0) <= days)
        year++;
    while (days_before(year, 0) > days)
        year--;
    tm->tm_yday = (int)(days - days_before(year, 0));
    while (mon < 11 && days_before(year, mon + 1) <= days)
        mon++;
    tm->tm_year = (int)(year - 1900);
    tm->tm_mon = mon;
    tm->tm_mday = (int)(days - days_before(year, mon)) + 1;
    tm->tm_hour = (int)(rem / 3600);
    tm->tm_min = (int)(rem / 60 % 60);
    tm->tm_sec = (int)(rem % 60);
    tm->tm_wday = (int)(((days + 4) % 7 + 7) % 7);
    tm->tm_isdst = 0;
}

/* Standard local time, then summer time if the zone's rule says so. */
int crt_localtime(long long t, struct crt_tm *tm)
{
    long long local;

    if (t < 0 || t > CRT_MAX_TIME64)
        return EINVAL;
    crt_tz_ensure();
    local = t - _timezone;
    crt_seconds_to_tm(local, tm);
    if (crt_is_dst(local, tm->tm_year + 1900)) {
        crt_seconds_to_tm(local - _dstbias, tm);
        tm->tm_isdst = 1;
    }
    return 0;
}

static int tm_fail(struct crt_tm *tm)
{
    if (tm)
        memset(tm, 0xFF, sizeof(*tm));
    crt_invalid_parameter();
    crt_set_errno(EINVAL);
    return EINVAL;
}

static int gmtime_s_common(struct crt_tm *tm, const long long *t, long long max)
{
    if (!tm || !t)
        return tm_fail(tm);
    if (*t < 0 || *t > max)
        return tm_fail(tm);
    crt_seconds_to_tm(*t, tm);
    return 0;
}

static int localtime_s_common(struct crt_tm *tm, const long long *t, long long max)
{
    if (!tm || !t || *t < 0 || *t > max)
        return tm_fail(tm);
    return crt_localtime(*t, tm) ? tm_fail(tm) : 0;
}

CRTAPI int _gmtime64_s(struct crt_tm *tm, const long long *t)
{
    return gmtime_s_common(tm, t, CRT_MAX_TIME64);
}

CRTAPI int _gmtime32_s(struct crt_tm *tm, const int *t)
{
    long long v = t ? *t : 0;

    return gmtime_s_common(tm, t ? &v : NULL, MAX_TIME32);
}

CRTAPI int _localtime64_s(struct crt_tm *tm, const long long *t)
{
    return localtime_s_common(tm, t, CRT_MAX_TIME64);
}

CRTAPI int _localtime32_s(struct crt_tm *tm, const int *t)
{
    long long v = t ? *t : 0;

    return localtime_s_common(tm, t ? &v : NULL, MAX_TIME32);
}

/* The non-_s forms return the thread's buffer, or NULL. */
static struct crt_tm *thread_tm(void)
{
    return (struct crt_tm *)crt_thread_data()->tm_buf;
}

CRTAPI struct crt_tm *_gmtime64(const long long *t)
{
    return _gmtime64_s(thread_tm(), t) ? NULL : thread_tm();
}

CRTAPI struct crt_tm *_gmtime32(const int *t)
{
    return _gmtime32_s(thread_tm(), t) ? NULL : thread_tm();
}

CRTAPI struct crt_tm *_localtime64(const long long *t)
{
    return _localtime64_s(thread_tm(), t) ? NULL : thread_tm();
}

CRTAPI struct crt_tm *_localtime32(const int *t)
{
    return _localtime32_s(thread_tm(), t) ? NULL : thread_tm();
}

/* mktime: the fields may be out of range (the result normalises them);
 * tm_isdst < 0 asks the time zone's rule. */
static long long make_time(struct crt_tm *tm, int local, long long max)
{
    long long secs;
    struct crt_tm norm;

    if (!tm) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return -1;
    }
    secs = crt_tm_to_seconds(tm);
    if (local) {
        crt_tz_ensure();
        crt_seconds_to_tm(secs, &norm);
        if (tm->tm_isdst > 0 || (tm->tm_isdst < 0 && _daylight &&
                                 crt_is_dst(secs, norm.tm_year + 1900)))
            secs += _dstbias;
        secs += _timezone;
    }
    if (secs < 0 || secs > max) {
        crt_set_errno(EINVAL);
        return -1;
    }
    if (local)
        crt_localtime(secs, tm);
    else
        crt_seconds_to_tm(secs, tm);
    return secs;
}

CRTAPI long long _mktime64(struct crt_tm *tm) { return make_time(tm, 1, CRT_MAX_TIME64); }
CRTAPI int _mktime32(struct crt_tm *tm) { return (int)make_time(tm, 1, MAX_TIME32); }
CRTAPI long long _mkgmtime64(struct crt_tm *tm) { return make_time(tm, 0, CRT_MAX_TIME64); }
CRTAPI int _mkgmtime32(struct crt_tm *tm) { return (int)make_time(tm, 0, MAX_TIME32); }
