/* ucrtbase.dll's asctime (a one-digit day space-padded, as C says),
 * _Strftime and _Wcsftime (strftime with a locale's time
 * data: its names, and %c %x %X from its date and time pictures in the
 * picture language of GetDateFormat/GetTimeFormat), _Getdays and
 * _Getmonths.  The time data is the UCRT's layout: 43 narrow strings, two
 * ints, the same 43 strings wide. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <windows.h>

struct lc_time {
    const char *narrow[43];
    int unk, refcount;
    const wchar_t *wide[43];
    const wchar_t *locale;
};

static int checks, failed;

static void check_str(const char *what, const char *got, const char *want)
{
    checks++;
    if (got && !strcmp(got, want)) {
        printf("ok: %s [%s]\n", what, got);
    } else {
        printf("FAILED: %s [%s], expected [%s]\n", what, got ? got : "(null)", want);
        failed++;
    }
}

int main(void)
{
    HMODULE m = GetModuleHandleA("ucrtbase.dll");
    size_t (*p_Strftime)(char *, size_t, const char *, const struct tm *, void *) =
        (void *)GetProcAddress(m, "_Strftime");
    size_t (*p_Wcsftime)(wchar_t *, size_t, const wchar_t *, const struct tm *, void *) =
        (void *)GetProcAddress(m, "_Wcsftime");
    char *(*p_Getdays)(void) = (void *)GetProcAddress(m, "_Getdays");
    char *(*p_Getmonths)(void) = (void *)GetProcAddress(m, "_Getmonths");
    wchar_t *(*p_W_Getdays)(void) = (void *)GetProcAddress(m, "_W_Getdays");
    static const wchar_t *names[] = {
        L"su", L"mo", L"tu", L"we", L"th", L"fr", L"sa",
        L"sunday", L"monday", L"tuesday", L"wednesday", L"thursday", L"friday", L"saturday",
        L"jan", L"feb", L"mar", L"apr", L"may", L"jun", L"jul", L"aug", L"sep", L"oct",
        L"nov", L"dec",
        L"january", L"february", L"march", L"april", L"may", L"june", L"july", L"august",
        L"september", L"october", L"november", L"december",
    };
    struct lc_time lc = { .refcount = 1 };
    struct tm tm = { .tm_sec = 5, .tm_min = 7, .tm_hour = 15, .tm_mday = 9, .tm_mon = 2,
                     .tm_year = 124, .tm_wday = 6, .tm_yday = 68 };
    char buf[128], *s;
    wchar_t wbuf[64];
    size_t n;

    for (int i = 0; i < 38; i++)
        lc.wide[i] = names[i];
    lc.wide[38] = L"am";
    lc.wide[39] = L"pm";
    lc.wide[40] = L"d/M/yy";
    lc.wide[41] = L"dddd d MMMM yyyy 'week' ggg";
    lc.wide[42] = L"h:mm:ss tt HH";
    n = p_Strftime(buf, sizeof(buf), "%x|%#x|%X|%a %A %b %B %p", &tm, &lc);
    check_str("_Strftime", buf, "9/3/24|saturday 9 march 2024 week ggg|3:07:05 pm 15|"
              "sa saturday mar march pm");
    checks++, failed += n != strlen(buf);
    n = p_Strftime(buf, sizeof(buf), "%c", &tm, &lc);
    check_str("_Strftime %c", buf, "9/3/24 3:07:05 pm 15");
    lc.wide[40] = L"ddddd MMM yyy y";
    p_Strftime(buf, sizeof(buf), "%x", &tm, &lc);
    check_str("_Strftime long runs", buf, "dsaturday mar y24 y");
    n = p_Wcsftime(wbuf, 64, L"%X %d", &tm, &lc);
    WideCharToMultiByte(CP_ACP, 0, wbuf, -1, buf, sizeof(buf), NULL, NULL);
    check_str("_Wcsftime", buf, "3:07:05 pm 15 09");
    p_Strftime(buf, sizeof(buf), "%x %X", &tm, NULL);
    check_str("_Strftime C locale", buf, "03/09/24 15:07:05");
    check_str("asctime (the day as C writes it)", asctime(&tm), "Sat Mar  9 15:07:05 2024\n");
    s = p_Getdays();
    check_str("_Getdays", s, ":Sun:Sunday:Mon:Monday:Tue:Tuesday:Wed:Wednesday:Thu:Thursday:"
              "Fri:Friday:Sat:Saturday");
    free(s);
    s = p_Getmonths();
    check_str("_Getmonths", s, ":Jan:January:Feb:February:Mar:March:Apr:April:May:May:Jun:June:"
              "Jul:July:Aug:August:Sep:September:Oct:October:Nov:November:Dec:December");
    free(s);
    wchar_t *w = p_W_Getdays();
    WideCharToMultiByte(CP_ACP, 0, w, -1, buf, sizeof(buf), NULL, NULL);
    check_str("_W_Getdays", buf, ":Sun:Sunday:Mon:Monday:Tue:Tuesday:Wed:Wednesday:Thu:Thursday:"
              "Fri:Friday:Sat:Saturday");
    free(w);
    printf("timenames: %d checks, %d failed\n", checks, failed);
    return failed != 0;
}
