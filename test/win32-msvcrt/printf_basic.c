/* printf family: integers, strings, characters, flags, widths, and the
 * buffer functions' truncation rules.  Built with
 * -D__USE_MINGW_ANSI_STDIO=0 so the calls reach msvcrt.dll. */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static void show(const char *what, const char *buf, int r)
{
    printf("%-28s [%s] %d\n", what, buf, r);
}

#define T(fmt, ...) do { \
    char b[256]; int r = sprintf(b, fmt, __VA_ARGS__); show(fmt, b, r); \
} while (0)

static void integers(void)
{
    T("%d", 0); T("%d", -12345); T("%i", 2147483647); T("%u", 4294967295u);
    T("%5d|%-5d|%05d", 42, 42, 42); T("%+d % d %+d", 5, 5, -5);
    T("%x %X %o", 255, 255, 8); T("%#x %#X %#o %#x", 255, 255, 8, 0);
    T("%.3d %.0d %5.3d", 7, 0, 7); T("%-+8.3d|", 7);
    T("%hd %hu %hhd %hhu", 70000, 70000, 300, 300);
    T("%ld %lu", -1L, 4000000000UL); T("%lld %llu", -9000000000LL, 18000000000000000000ULL);
    T("%I64d %I64x %I32d", -5LL, 0x123456789abLL, -7); T("%Id %Ix", (size_t)-1, (size_t)255);
    T("%zu %zd %jd %td", (size_t)12, (size_t)-3, (long long)-4, (ptrdiff_t)-5);
    T("%*d|%-*d|%.*d", 6, 1, 6, 2, 4, 3); T("%*d", -6, 9);
    T("%08.3d|%-08d|", 5, 5);
}

static void strings(void)
{
    T("%s|%10s|%-10s|%.2s", "abc", "abc", "abc", "abc");
    T("%c%c%c|%3c|%-3c|", 'x', 'y', 'z', 'q', 'r');
    T("%S|%ls|%ws", L"wide", L"wide2", L"wide3");
    T("%C|%lc|%hc", L'W', L'V', 'h');
    T("%s", (char *)NULL); T("%S", (wchar_t *)NULL);
    T("%p", (void *)0x1234abcd); T("%20p|", (void *)0x1);
    T("100%% %y %k", 1); T("%5%|", 0);
}

static void buffers(void)
{
    char b[8];
    int r;

    memset(b, '#', 8); r = _snprintf(b, 4, "%s", "abcdef");
    printf("_snprintf trunc: %d [%.8s]\n", r, b);
    memset(b, '#', 8); r = _snprintf(b, 3, "%s", "abc");
    printf("_snprintf exact: %d [%.8s]\n", r, b);
    memset(b, '#', 8); r = _snprintf(b, 8, "%s", "ab");
    printf("_snprintf fits: %d [%s]\n", r, b);
    printf("_scprintf: %d\n", _scprintf("%d-%s", 12345, "xyz"));
    wchar_t w[16];
    r = _snwprintf(w, 16, L"%s %d %S", L"wide", 42, "narrow");
    printf("_snwprintf: %d [%ls]\n", r, w);
    r = swprintf(w, 16, L"%c%c", L'a', L'b');
    printf("swprintf: %d [%ls]\n", r, w);
    memset(b, '#', 8); r = sprintf_s(b, 8, "%d", 1234567);
    printf("sprintf_s fits: %d [%s]\n", r, b);
}

int main(void)
{
    integers();
    strings();
    buffers();
    fprintf(stderr, "to stderr %d\n", 1);
    return 0;
}
