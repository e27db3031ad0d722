/* time, clock and the FILETIME <-> Unix time conversion. */
#include "crt_internal.h"

/* 100 ns intervals between 1601-01-01 and 1970-01-01. */
#define EPOCH_DIFF 116444736000000000LL

static int64_t start_counter, counter_freq;

void crt_time_init(void)
{
    QueryPerformanceFrequency(&counter_freq);
    QueryPerformanceCounter(&start_counter);
}

long long crt_now_100ns(void)
{
    FILETIME ft;

    GetSystemTimeAsFileTime(&ft);
    return ((long long)ft.dwHighDateTime << 32 | ft.dwLowDateTime) - EPOCH_DIFF;
}

CRTAPI long long _time64(long long *t)
{
    long long v = crt_now_100ns() / 10000000;

    if (t)
        *t = v;
    return v;
}

CRTAPI long _time32(long *t)
{
    long v = (long)_time64(NULL);

    if (t)
        *t = v;
    return v;
}

/* On x64 time_t is 64-bit; msvcrt.dll's time() is _time64. */
CRTAPI long long time(long long *t) { return _time64(t); }

/* clock(): CLOCKS_PER_SEC (1000) ticks of wall time since start-up, as the
 * CRT documents (it is not CPU time on Windows). */
CRTAPI long clock(void)
{
    int64_t now;

    if (!counter_freq)
        return -1;
    QueryPerformanceCounter(&now);
    return (long)((now - start_counter) * 1000 / counter_freq);
}

CRTAPI double _difftime64(long long a, long long b) { return (double)(a - b); }
CRTAPI double _difftime32(long a, long b) { return (double)(a - b); }
CRTAPI double difftime(long long a, long long b) { return (double)(a - b); }

struct timeb64 {
    long long time;
    unsigned short millitm;
    short timezone, dstflag;
};

CRTAPI void _ftime64(struct timeb64 *tb)
{
    long long t = crt_now_100ns();

    tb->time = t / 10000000;
    tb->millitm = (unsigned short)(t / 10000 % 1000);
    crt_tz_ensure();
    tb->timezone = (short)(_timezone / 60);
    tb->dstflag = 0;
}

CRTAPI void _ftime(struct timeb64 *tb) { _ftime64(tb); }

/* _ftime's timezone is minutes west of UTC, dstflag the summer time of
 * now. */
CRTAPI int _ftime64_s(struct timeb64 *tb)
{
    struct crt_tm tm;

    if (!tb) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    _ftime64(tb);
    crt_localtime(tb->time, &tm);
    tb->timezone = (short)(_timezone / 60);
    tb->dstflag = (short)(tm.tm_isdst > 0);
    return 0;
}

struct timeb32 {
    int time;
    unsigned short millitm;
    short timezone, dstflag;
};

CRTAPI int _ftime32_s(struct timeb32 *tb)
{
    struct timeb64 t;
    int e;

    if (!tb) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    e = _ftime64_s(&t);
    tb->time = (int)t.time;
    tb->millitm = t.millitm;
    tb->timezone = t.timezone;
    tb->dstflag = t.dstflag;
    return e;
}

CRTAPI void _ftime32(struct timeb32 *tb) { _ftime32_s(tb); }

/* timespec_get(ts, TIME_UTC = 1): seconds and nanoseconds since 1970. */
struct timespec64 { long long tv_sec; long tv_nsec; };
struct timespec32 { int tv_sec; long tv_nsec; };

CRTAPI int _timespec64_get(struct timespec64 *ts, int base)
{
    long long t;

    if (!ts || base != 1) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return 0;
    }
    t = crt_now_100ns();
    ts->tv_sec = t / 10000000;
    ts->tv_nsec = (long)(t % 10000000 * 100);
    return base;
}

CRTAPI int _timespec32_get(struct timespec32 *ts, int base)
{
    struct timespec64 t = { 0, 0 };
    int r;

    if (!ts) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return 0;
    }
    r = _timespec64_get(&t, base);
    ts->tv_sec = (int)t.tv_sec;
    ts->tv_nsec = t.tv_nsec;
    return r;
}
