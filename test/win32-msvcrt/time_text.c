/* asctime's checks and its year field, ctime's text. */
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
    return 0;
}
