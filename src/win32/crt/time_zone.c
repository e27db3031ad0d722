/* The time zone: _tzset reads TZ ("PST8PDT", "CET-1CEST", "EST5"...), or,
 * without it, the system's zone (GetTimeZoneInformation; UTC when that
 * says nothing).  _timezone is seconds west of UTC, _dstbias the extra
 * seconds during summer time, _tzname the two zone names.  Summer time
 * follows the system zone's rule, or, for a TZ naming a summer zone, the
 * United States rule (second Sunday of March to first Sunday of
 * November, 2 a.m.), as the CRT documents. */
#include "crt_internal.h"

CRTDATA int _daylight;
CRTDATA long _timezone;
CRTDATA long _dstbias = -3600;
static char std_name[64] = "UTC", dst_name[64] = "UTC";
CRTDATA char *_tzname[2] = { std_name, dst_name };

/* A summer time rule: month (1-12), the n-th weekday (n = 5: the last),
 * weekday (0 Sunday), hour; start and end in local standard time. */
struct dst_rule { int month, week, wday, hour; };
static struct dst_rule dst_start, dst_end;
static int initialised;

typedef struct {
    unsigned short wYear, wMonth, wDayOfWeek, wDay, wHour, wMinute,
                   wSecond, wMilliseconds;
} SYSTEMTIME;

typedef struct {
    long Bias;
    WCHAR StandardName[32];
    SYSTEMTIME StandardDate;
    long StandardBias;
    WCHAR DaylightName[32];
    SYSTEMTIME DaylightDate;
    long DaylightBias;
} TIME_ZONE_INFORMATION;

K32 DWORD GetTimeZoneInformation(TIME_ZONE_INFORMATION *);

/* "hh[:mm[:ss]]" with an optional sign; returns the characters used. */
static int parse_offset(const char *s, long *secs)
{
    int i = 0, neg = 0;
    long parts[3] = { 0, 0, 0 };

    if (s[i] == '+' || s[i] == '-')
        neg = s[i++] == '-';
    for (int p = 0; p < 3; p++) {
        if (p && s[i] != ':')
            break;
        if (p)
            i++;
        while (s[i] >= '0' && s[i] <= '9')
            parts[p] = parts[p] * 10 + (s[i++] - '0');
    }
    *secs = parts[0] * 3600 + parts[1] * 60 + parts[2];
    if (neg)
        *secs = -*secs;
    return i;
}

static void from_tz_variable(const char *tz)
{
    int i = 0, n = 0;

    while (tz[i] && tz[i] != '+' && tz[i] != '-' && (tz[i] < '0' || tz[i] > '9') &&
           n < (int)sizeof(std_name) - 1)
        std_name[n++] = tz[i++];
    std_name[n] = 0;
    i += parse_offset(tz + i, &_timezone);
    for (n = 0; tz[i] && n < (int)sizeof(dst_name) - 1; )
        dst_name[n++] = tz[i++];
    dst_name[n] = 0;
    _daylight = n > 0;
    _dstbias = -3600;
    dst_start = (struct dst_rule){ 3, 2, 0, 2 };
    dst_end = (struct dst_rule){ 11, 1, 0, 2 };
}

static void narrow_name(char *dst, const WCHAR *src)
{
    int i = 0;

    for (; src[i] && i < 63; i++)
        dst[i] = src[i] < 0x80 ? (char)src[i] : '?';
    dst[i] = 0;
}

static void from_system(void)
{
    TIME_ZONE_INFORMATION tzi;

    memset(&tzi, 0, sizeof(tzi));
    if (GetTimeZoneInformation(&tzi) == 0xFFFFFFFF)
        memset(&tzi, 0, sizeof(tzi));
    _timezone = (tzi.Bias + tzi.StandardBias) * 60;
    _dstbias = (tzi.DaylightBias - tzi.StandardBias) * 60;
    _daylight = tzi.DaylightDate.wMonth != 0 && tzi.DaylightBias != tzi.StandardBias;
    if (tzi.StandardName[0]) {
        narrow_name(std_name, tzi.StandardName);
        narrow_name(dst_name, tzi.DaylightName[0] ? tzi.DaylightName : tzi.StandardName);
    }
    dst_start = (struct dst_rule){ tzi.DaylightDate.wMonth, tzi.DaylightDate.wDay,
                                   tzi.DaylightDate.wDayOfWeek, tzi.DaylightDate.wHour };
    dst_end = (struct dst_rule){ tzi.StandardDate.wMonth, tzi.StandardDate.wDay,
                                 tzi.StandardDate.wDayOfWeek, tzi.StandardDate.wHour };
}

CRTAPI void _tzset(void)
{
    const char *tz = getenv("TZ");

    _lock(LOCK_ENV);
    if (tz && *tz)
        from_tz_variable(tz);
    else
        from_system();
    initialised = 1;
    _unlock(LOCK_ENV);
}

void crt_tz_ensure(void)
{
    if (!initialised)
        _tzset();
}

/* Seconds since 1970 of the rule's moment in `year`, local standard time. */
static long long rule_time(int year, const struct dst_rule *r)
{
    struct crt_tm tm = { 0 };
    int first, day;

    tm.tm_year = year - 1900;
    tm.tm_mon = r->month - 1;
    tm.tm_mday = 1;
    first = crt_weekday(year, r->month - 1, 1);
    day = 1 + (r->wday - first + 7) % 7 + 7 * (r->week - 1);
    while (day > crt_days_in_month(year, r->month - 1))
        day -= 7;
    tm.tm_mday = day;
    tm.tm_hour = r->hour;
    return crt_tm_to_seconds(&tm);
}

/* Whether `local` (seconds since 1970 in local standard time) falls in
 * summer time. */
int crt_is_dst(long long local, int year)
{
    long long start, end;

    crt_tz_ensure();
    if (!_daylight || !dst_start.month)
        return 0;
    start = rule_time(year, &dst_start);
    end = rule_time(year, &dst_end) + _dstbias;   /* the end is in summer time */
    return start < end ? local >= start && local < end
                       : local >= start || local < end;
}

CRTAPI int *__daylight(void) { return &_daylight; }
CRTAPI long *__timezone(void) { return &_timezone; }
CRTAPI long *__dstbias(void) { return &_dstbias; }
CRTAPI char **__tzname(void) { return _tzname; }

CRTAPI int _get_daylight(int *v)
{
    if (!v) {
        crt_invalid_parameter();
        return EINVAL;
    }
    crt_tz_ensure();
    *v = _daylight;
    return 0;
}

CRTAPI int _get_timezone(long *v)
{
    if (!v) {
        crt_invalid_parameter();
        return EINVAL;
    }
    crt_tz_ensure();
    *v = _timezone;
    return 0;
}

CRTAPI int _get_dstbias(long *v)
{
    if (!v) {
        crt_invalid_parameter();
        return EINVAL;
    }
    crt_tz_ensure();
    *v = _dstbias;
    return 0;
}

/* The name's length with its terminator in *len; copied if it fits. */
CRTAPI int _get_tzname(size_t *len, char *buf, size_t size, int index)
{
    const char *name;
    size_t n;

    if (!len || (index != 0 && index != 1) || (!buf && size)) {
        crt_invalid_parameter();
        return EINVAL;
    }
    crt_tz_ensure();
    name = _tzname[index];
    n = strlen(name) + 1;
    *len = n;
    if (!buf)
        return 0;
    if (n > size)
        return ERANGE;
    memcpy(buf, name, n);
    return 0;
}
