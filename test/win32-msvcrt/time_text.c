/* asctime's checks and its year field; msvcrt's strftime (no C99
 * conversions, "%#x" keeps the day's zero, no tm needed without
 * conversions). */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <time.h>

static void show(const char *what, struct tm *tm)
{
    char *s;

    errno = 0;
    s = asctime(tm);
    printf("%-22s %s", what, s ? s : "NULL\n");
    if (!s)
        printf("%-22s errno=%d\n", "", errno);
}

int main(void)
{
    time_t t = 312433121;
    struct tm tm = *gmtime(&t), keep = tm;
    char buf[26];

    show("1979", &tm);
    tm.tm_wday = 3;
    show("wday 3", &tm);
    tm.tm_wday = 7;
    show("wday 7", &tm);
    tm.tm_wday = 3;
    tm.tm_yday = 1300;
    show("yday ignored", &tm);
    tm.tm_mday = 28;
    tm.tm_year = 8100;
    show("year 10000", &tm);
    tm.tm_year = 264100;
    show("year 266000", &tm);
    tm.tm_year = -1;
    show("year 1899", &tm);
    tm.tm_mon = 1;
    tm.tm_mday = 29;
    tm.tm_year = 79;
    show("29 Feb 1979", &tm);
    tm.tm_year = 80;
    show("29 Feb 1980", &tm);
    tm = keep;
    tm.tm_sec = 60;
    show("60 seconds", &tm);
    tm = keep;
    tm.tm_year = 8099;
    printf("asctime_s year 9999: %d %s", asctime_s(buf, sizeof(buf), &tm), buf);
    {
        static const char *const f[] = { "%D", "%e", "%F", "%T", "%u", "a%Vb", "%#x", "%#c", "%x %X" };
        char out[64];
        size_t n;

        tm = keep;
        tm.tm_mday = 5;
        for (unsigned i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
            errno = 0;
            n = strftime(out, sizeof(out), f[i], &tm);
            printf("strftime(\"%s\") = %d \"%s\" errno=%d\n", f[i], (int)n, out, errno);
        }
        n = strftime(out, sizeof(out), "copy", NULL);
        printf("strftime(\"copy\", NULL) = %d \"%s\"\n", (int)n, out);
    }
    return 0;
}
