/* ucrtbase.dll conformance: a mingw-w64 UCRT program (it imports
 * api-ms-win-crt-*) that prints the results of the UCRT's functions, in
 * sections.  The expected output (ucrt_conform.expected) is what the
 * UCRT documents; where Wine 8.0 differs, README.md says so.  Math and a
 * few others are called through GetProcAddress on ucrtbase.dll: mingw-w64
 * links its own versions of those into the program otherwise.
 *
 * Arguments: ucrt_conform.exe DIR, a writable directory. */
#define _CRT_RAND_S     /* rand_s in <stdlib.h> */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <uchar.h>
#include <errno.h>
#include <math.h>
#include <time.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <io.h>
#include <fcntl.h>
#include <share.h>
#include <sys/locking.h>
#include <windows.h>

#define OPT_LEGACY_NUL 0x01ULL          /* _CRT_INTERNAL_PRINTF_* */
#define OPT_STD_SNPRINTF 0x02ULL
#define OPT_LEGACY_WIDE 0x04ULL
#define OPT_MSVCRT 0x08ULL
#define OPT_THREE_DIGITS 0x10ULL
#define OPT_STD_ROUNDING 0x20ULL
#define SCAN_SECURE 0x01ULL             /* _CRT_INTERNAL_SCANF_* */

static HMODULE ucrt;

#define UCRT(type, name) ((type)(void *)GetProcAddress(ucrt, name))

/* One line: the options, the buffer and the result. */
static void fmt(unsigned long long o, size_t n, const char *f, ...)
{
    char buf[128];
    va_list ap;
    int r;

    memset(buf, '#', sizeof(buf));
    va_start(ap, f);
    r = __stdio_common_vsprintf(o, buf, n, f, NULL, ap);
    va_end(ap);
    buf[sizeof(buf) - 1] = 0;
    if (n < sizeof(buf))
        buf[n + 1] = 0;     /* show one byte past the bound */
    printf("%02llx %-10s -> [%s] %d\n", o, f, buf, r);
}

static void printf_options(void)
{
    double inf = HUGE_VAL, ind = -(inf - inf);
    unsigned long long snan_bits = 0x7FF0000000000001ULL;
    double snan;

    memcpy(&snan, &snan_bits, 8);
    printf("== printf options\n");
    fmt(0, 64, "%e", 12345.678);
    fmt(OPT_THREE_DIGITS, 64, "%e", 12345.678);
    fmt(0, 64, "%g", 1e-5);
    fmt(0, 64, "%.0f", 0.5);
    fmt(OPT_STD_ROUNDING, 64, "%.0f", 0.5);
    fmt(0, 64, "%.0f", 2.5);
    fmt(OPT_STD_ROUNDING, 64, "%.0f", 2.5);
    fmt(OPT_STD_ROUNDING, 64, "%.1f", 0.25);
    fmt(OPT_STD_ROUNDING, 64, "%.1f", 0.35);
    fmt(0, 64, "%f", inf);
    fmt(0, 64, "%F", -inf);
    fmt(0, 64, "%e", ind);
    fmt(0, 64, "%g", snan);
    fmt(0, 64, "%5.1f", -ind);
    fmt(OPT_MSVCRT, 64, "%f", inf);
    fmt(OPT_MSVCRT, 64, "%f", ind);
    fmt(0, 64, "%a", 1.0);
    fmt(0, 64, "%.2a", 1.5);
    fmt(0, 64, "%024a", 0.1);
    fmt(0, 64, "%.1a", 1.03125);
    fmt(OPT_STD_ROUNDING, 64, "%.1a", 1.03125);
    fmt(OPT_STD_ROUNDING, 64, "%.1a", 1.09375);
    fmt(0, 64, "%p", (void *)0x1234);
    fmt(0, 64, "%zu", (size_t)42);
    fmt(0, 64, "%lld", -9000000000LL);
    fmt(0, 64, "%#x", 255);
    fmt(0, 64, "%+.3d", 7);
    fmt(0, 64, "%-5s|", "ab");
}

static void printf_bounds(void)
{
    char buf[8];
    int r;

    printf("== printf bounds\n");
    fmt(OPT_STD_SNPRINTF, 4, "%s", "abcdef");
    fmt(OPT_STD_SNPRINTF, 0, "%s", "abcdef");
    fmt(OPT_LEGACY_NUL, 4, "%s", "abcd");
    fmt(OPT_LEGACY_NUL, 4, "%s", "abcdef");
    fmt(0, 4, "%s", "abc");
    fmt(0, 4, "%s", "abcd");
    printf("count only: %d\n", snprintf(NULL, 0, "%d", 12345));
    r = _snprintf_s(buf, sizeof(buf), _TRUNCATE, "%s", "0123456789");
    printf("_snprintf_s _TRUNCATE: %d [%s]\n", r, buf);
    r = _snprintf_s(buf, sizeof(buf), 3, "%s", "0123456789");
    printf("_snprintf_s count 3: %d [%s]\n", r, buf);
    r = sprintf_s(buf, sizeof(buf), "%d", 1234567);
    printf("sprintf_s fits: %d [%s]\n", r, buf);
}

static void wide_printf(void)
{
    wchar_t w[32];
    int r;

    printf("== wide printf\n");
    r = __stdio_common_vswprintf(0, w, 32, L"%s|%ls", NULL,
                                 (va_list)(void *[]){ (void *)"narrow", (void *)L"wide" });
    printf("standard: %d [%ls]\n", r, w);
    r = __stdio_common_vswprintf(OPT_LEGACY_WIDE, w, 32, L"%s|%S", NULL,
                                 (va_list)(void *[]){ (void *)L"wide", (void *)"narrow" });
    printf("legacy: %d [%ls]\n", r, w);
    r = swprintf(w, 32, L"%d %c%c", 42, L'x', L'y');
    printf("swprintf: %d [%ls]\n", r, w);
}

static int scan(unsigned long long o, const char *s, const char *f, ...)
{
    va_list ap;
    int r;

    va_start(ap, f);
    r = __stdio_common_vsscanf(o, s, (size_t)-1, f, NULL, ap);
    va_end(ap);
    return r;
}

static void scanning(void)
{
    int a = 0, b = 0, r;
    char w[8] = "", big[4] = "zz";
    double d = 0, d2 = 0;
    unsigned long long u = 0;

    printf("== scanf\n");
    r = sscanf("12 34", "%d %d", &a, &b);
    printf("%d: %d %d\n", r, a, b);
    r = sscanf("word 2.5e3", "%7s %lf", w, &d);
    printf("%d: %s %g\n", r, w, d);
    r = sscanf("-Infinity 0x1.8p1", "%lf %lf", &d, &d2);
    printf("%d: %g %g\n", r, d, d2);
    r = sscanf("ffffffffff", "%llx", &u);
    printf("%d: %llx\n", r, u);
    printf("input failure: %d\n", sscanf("   ", "%d", &a));
    printf("matching failure: %d\n", sscanf("x", "%d", &a));
    r = scan(SCAN_SECURE, "abc", "%s", w, 8u);
    printf("scanf_s fits: %d [%s]\n", r, w);
    r = scan(SCAN_SECURE, "abcdef", "%s", big, 4u);
    printf("scanf_s too small: %d [%s]\n", r, big);
    r = __stdio_common_vsscanf(0, "12345", 3, "%d", NULL, (va_list)(void *[]){ &a });
    printf("bounded source: %d %d\n", r, a);
}

static void strings(void)
{
    char buf[16], *ctx = NULL, tok[] = "a,b,,c";
    char drive[4], dir[32], name[16], ext[8];
    wchar_t wbuf[8];
    int e;

    printf("== strings\n");
    e = strcpy_s(buf, sizeof(buf), "hello");
    printf("strcpy_s: %d [%s]\n", e, buf);
    e = strcat_s(buf, sizeof(buf), ", world");
    printf("strcat_s: %d [%s]\n", e, buf);
    e = strncpy_s(buf, 6, "truncate me", _TRUNCATE);
    printf("strncpy_s _TRUNCATE: %d [%s]\n", e, buf);
    printf("strtok_s:");
    for (char *t = strtok_s(tok, ",", &ctx); t; t = strtok_s(NULL, ",", &ctx))
        printf(" [%s]", t);
    printf("\n_stricmp %d _strnicmp %d strcmp %d\n", _stricmp("ABC", "abd") < 0,
           _strnicmp("HELLO", "help", 3), strcmp("b", "a"));
    printf("_wcsicmp %d wcsnlen %zu strnlen %zu\n", _wcsicmp(L"\u00c9t\u00e9", L"\u00e9T\u00c9"),
           wcsnlen(L"abcdef", 4), strnlen("ab", 10));
    e = _splitpath_s("C:\\dir\\sub\\file.tar.gz", drive, 4, dir, 32, name, 16, ext, 8);
    printf("_splitpath_s: %d [%s] [%s] [%s] [%s]\n", e, drive, dir, name, ext);
    e = _makepath_s(buf, sizeof(buf), "D", "x/y", "f", "txt");
    printf("_makepath_s: %d [%s]\n", e, buf);
    e = _itoa_s(-255, buf, sizeof(buf), 16);
    printf("_itoa_s: %d [%s] ", e, buf);
    e = _itow_s(-255, wbuf, 8, 10);
    printf("_itow_s: %d [%ls]\n", e, wbuf);
    printf("strtol %ld", strtol("  -0x1f", NULL, 0));
    printf(" strtoull %llu", strtoull("18446744073709551615x", &ctx, 10));
    printf(" end [%s]\n", ctx);
}

static void conversions(void)
{
    int dec, sign;
    char *p = _ecvt(3.14159, 4, &dec, &sign);

    printf("_ecvt: [%s] %d %d\n", p, dec, sign);
    p = _fcvt(-1.55, 1, &dec, &sign);
    printf("_fcvt: [%s] %d %d\n", p, dec, sign);
}

static void utf(void)
{
    const char *smile = "\xF0\x9F\x98\x80";
    char16_t c[2] = { 0, 0 };
    char out[8];
    mbstate_t st = { 0 };
    size_t r1, r2, w1, w2;
    unsigned rnd = 0;
    int e;

    r1 = mbrtoc16(&c[0], smile, 4, &st);
    r2 = mbrtoc16(&c[1], smile + 4, 1, &st);
    printf("mbrtoc16: %d %d %04x %04x\n", (int)r1, (int)r2, c[0], c[1]);
    memset(&st, 0, sizeof(st));
    w1 = c16rtomb(out, c[0], &st);
    w2 = c16rtomb(out, c[1], &st);
    printf("c16rtomb: %d %d same %d\n", (int)w1, (int)w2, !memcmp(out, smile, 4));
    e = rand_s(&rnd);
    printf("rand_s: %d\n", e);
}

typedef double (*fn1)(double);
typedef double (*fn2)(double, double);

static void math(void)
{
    static const struct { const char *name; double x; } one[] = {
        {"sqrt", 2}, {"exp", 1}, {"log", 10}, {"log10", 1000}, {"log2", 0.125},
        {"sin", 1}, {"cos", 1}, {"tan", 1}, {"asin", 0.5}, {"atan", 1},
        {"sinh", 1}, {"tanh", 0.5}, {"cbrt", 27}, {"expm1", 1e-10},
        {"log1p", 1e-10}, {"erf", 1}, {"tgamma", 5}, {"lgamma", 0.5},
        {"round", 2.5}, {"rint", 2.5}, {"trunc", -2.7}, {"floor", -2.5},
        {"ceil", -2.5}, {"sin", 1e22},
    };
    static const struct { const char *name; double x, y; } two[] = {
        {"pow", 2, 0.5}, {"pow", 10, 15}, {"pow", -8, 3}, {"atan2", 1, -1},
        {"fmod", 7, -3}, {"remainder", 7, 2}, {"_hypot", 3, 4},
        {"nextafter", 1, 2}, {"_copysign", 3, -0.0}, {"fmax", NAN, 1},
    };
    double (*fma)(double, double, double) = UCRT(double (*)(double, double, double), "fma");
    double (*frexp)(double, int *) = UCRT(double (*)(double, int *), "frexp");
    short (*dclass)(double) = UCRT(short (*)(double), "_dclass");
    int e;

    printf("== math\n");
    for (unsigned i = 0; i < sizeof(one) / sizeof(one[0]); i++)
        printf("%s(%g) = %.17g\n", one[i].name, one[i].x, UCRT(fn1, one[i].name)(one[i].x));
    for (unsigned i = 0; i < sizeof(two) / sizeof(two[0]); i++)
        printf("%s(%g, %g) = %.17g\n", two[i].name, two[i].x, two[i].y,
               UCRT(fn2, two[i].name)(two[i].x, two[i].y));
    printf("fma(0.1, 10, -1) = %a\n", fma(0.1, 10, -1));
    printf("frexp(12.5) = %g", frexp(12.5, &e));
    printf(" * 2^%d\n", e);
    printf("_dclass: %d %d %d %d\n", dclass(1.0), dclass(0.0), dclass(HUGE_VAL), dclass(NAN));
    errno = 0;
    printf("sqrt(-1) = %f", UCRT(fn1, "sqrt")(-1));
    printf(" errno %d\n", errno);
    errno = 0;
    printf("log(0) = %f", UCRT(fn1, "log")(0));
    printf(" errno %d\n", errno);
    errno = 0;
    printf("exp(1000) = %f", UCRT(fn1, "exp")(1000));
    printf(" errno %d\n", errno);
    printf("strtod: %g %g %g\n", strtod("0x1.8p3", NULL), strtod("-INFINITY", NULL),
           strtod("1e-400", NULL));
    conversions();
    utf();
}

static void times(void)
{
    time_t t = 1700000000;
    struct tm tm, in = { 0, 30, 12, 31, 11, 123, 0, 0, -1 };
    char buf[80];
    long tz;
    int daylight;

    printf("== time\n");
    _putenv_s("TZ", "PST8PDT");
    _tzset();
    _get_timezone(&tz);
    _get_daylight(&daylight);
    printf("timezone %ld daylight %d names %s %s\n", tz, daylight, _tzname[0], _tzname[1]);
    _gmtime64_s(&tm, &t);
    strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %a %j %U %V %I%p", &tm);
    printf("gmtime: %s\n", buf);
    _localtime64_s(&tm, &t);
    strftime(buf, sizeof(buf), "%c %Z %z", &tm);
    printf("localtime: %s dst %d\n", buf, tm.tm_isdst);
    t = 1690000000;
    _localtime64_s(&tm, &t);
    strftime(buf, sizeof(buf), "%#x %X %Z", &tm);
    printf("summer: %s dst %d\n", buf, tm.tm_isdst);
    printf("mktime: %lld", (long long)_mktime64(&in));
    printf(" wday %d yday %d dst %d\n", in.tm_wday, in.tm_yday, in.tm_isdst);
    asctime_s(buf, sizeof(buf), &in);
    printf("asctime_s: %s", buf);
    printf("bad time: %d\n", _localtime64_s(&tm, &(time_t){ -5 }));
}

static void environment(void)
{
    char buf[32], *dup = NULL;
    size_t len;

    printf("== environment\n");
    printf("getenv: %s\n", getenv("LSW_TEST_VAR"));
    printf("_putenv_s: %d\n", _putenv_s("LSW_NEW", "value"));
    printf("getenv_s: %d", getenv_s(&len, buf, sizeof(buf), "LSW_NEW"));
    printf(" %zu [%s]\n", len, buf);
    printf("_dupenv_s: %d", _dupenv_s(&dup, &len, "LSW_NEW"));
    printf(" %zu [%s]\n", len, dup);
    free(dup);
    _putenv_s("LSW_NEW", "");
    printf("removed: %d\n", getenv("LSW_NEW") == NULL);
    printf("_wgetenv: %ls\n", _wgetenv(L"LSW_TEST_VAR"));
}

/* Descriptor-level functions and searches on the file files() made. */
static void more_files(const char *path)
{
    struct __finddata64_t fd;
    struct _wfinddata64_t wfd;
    char found[260];
    intptr_t h;
    int fdn, e;

    h = _findfirst64("ucrt*.txt", &fd);
    printf("_findfirst64: %d [%s] %lld\n", h != -1, fd.name, (long long)fd.size);
    e = _findnext64(h, &fd);
    printf("_findnext64: %d errno %d\n", e, errno);
    _findclose(h);
    h = _wfindfirst64(L"*.TXT", &wfd);
    printf("_wfindfirst64: %d [%ls]\n", h != -1, wfd.name);
    _findclose(h);
    e = _searchenv_s("ucrt.txt", "PATH", found, sizeof(found));
    printf("_searchenv_s: %d ends with \\ucrt.txt %d\n", e,
           strlen(found) > 9 && !strcmp(found + strlen(found) - 9, "\\ucrt.txt"));
    e = _sopen_s(&fdn, path, _O_RDWR | _O_BINARY, _SH_DENYNO, 0);
    printf("_sopen_s: %d\n", e);
    printf("_chsize_s: %d", _chsize_s(fdn, 100));
    printf(" length %lld\n", _filelengthi64(fdn));
    printf("_locking: %d", _locking(fdn, _LK_NBLCK, 10));
    printf(" %d\n", _locking(fdn, _LK_UNLCK, 10));
    _close(fdn);
}

static void files(const char *dir)
{
    char path[260], line[64];
    FILE *f;
    struct _stat64 st;
    int e;

    printf("== files\n");
    snprintf(path, sizeof(path), "%s\\ucrt.txt", dir);
    e = fopen_s(&f, path, "w");
    printf("fopen_s w: %d\n", e);
    fprintf(f, "line one\nline %d\n", 2);
    fclose(f);
    e = fopen_s(&f, path, "rb");
    fgets(line, sizeof(line), f);
    printf("binary read: %d [%.8s] crlf %d\n", e, line, strstr(line, "\r\n") != NULL);
    fseek(f, 0, SEEK_END);
    printf("size %ld\n", ftell(f));
    fclose(f);
    e = _stat64(path, &st);
    printf("_stat64: %d size %lld regular %d\n", e, (long long)st.st_size,
           (st.st_mode & _S_IFMT) == _S_IFREG);
    more_files(path);
    e = fopen_s(&f, "no\\such\\file", "r");
    printf("fopen_s missing: %d null %d\n", e, f == NULL);
    printf("remove: %d,", remove(path));
    printf(" again: %d errno %d\n", remove(path), errno);
    f = tmpfile();
    printf("tmpfile: %d", f != NULL);
    printf(" write %zu\n", fwrite("xyz", 1, 3, f));
    fclose(f);
}

typedef int (__cdecl *onexit_fn)(void);
typedef struct { onexit_fn *first, *last, *end; } onexit_table;
static int onexit_calls;
static int __cdecl count_onexit(void) { return ++onexit_calls; }
static void __cdecl ignore_invalid(const wchar_t *e, const wchar_t *f, const wchar_t *file,
                                   unsigned line, uintptr_t r) { }

/* Where Windows' UCRT answers differently from a first guess (Wine's
 * ucrtbase conformance tests, passing on Windows). */
static void edges(const char *dir)
{
    int (*sopen_dispatch)(const char *, int, int, int, int *, int) =
        UCRT(void *, "_sopen_dispatch");
    int (*init_table)(onexit_table *) = UCRT(void *, "_initialize_onexit_table");
    int (*reg)(onexit_table *, onexit_fn) = UCRT(void *, "_register_onexit_function");
    int (*run)(onexit_table *) = UCRT(void *, "_execute_onexit_table");
    wchar_t *(*wcstok3)(wchar_t *, const wchar_t *, wchar_t **) = UCRT(void *, "wcstok");
    onexit_table table = { 0 };
    struct tm day0 = { 0, 0, 0, 0, 0, 70 };
    struct _stat64 st;
    wchar_t text[] = L"two words", *next = NULL, *tok;
    char path[260], out[16];
    int fd = 0, e;

    printf("== edges\n");
    snprintf(path, sizeof(path), "%s\\edges.tmp", dir);
    e = sopen_dispatch(path, _O_CREAT | _O_RDWR, _SH_DENYNO, 0xff, &fd, 0);
    printf("_sopen_dispatch pmode 0xff: %d fd ok %d\n", e, fd > 0);
    _close(fd);
    _set_invalid_parameter_handler(ignore_invalid);
    e = sopen_dispatch(path, _O_CREAT | _O_RDWR, _SH_DENYNO, 0xff, &fd, 1);
    printf("secure: %d fd %d\n", e, fd);
    remove(path);
    printf("_strnicmp count -1: %d errno %d\n", _strnicmp("a", "A", (size_t)-1), errno);
    _set_invalid_parameter_handler(NULL);
    init_table(&table);
    reg(&table, count_onexit);
    reg(&table, NULL);
    reg(&table, count_onexit);
    run(&table);
    printf("onexit with a NULL entry: %d calls\n", onexit_calls);
    out[0] = 'x';
    printf("strftime %%y, tm_mday 0: %zu [%s]\n", strftime(out, sizeof(out), "%y", &day0), out);
    snprintf(path, sizeof(path), "%s\\", dir);
    printf("_stat64 dir\\: %d\n", _stat64(path, &st));
    tok = wcstok3(text, L" ", &next);
    tok = wcstok3(NULL, L" ", &next);
    printf("wcstok at the end: context on the terminator %d\n", next == tok + 5 && !*next);
}

int main(int argc, char **argv)
{
    ucrt = GetModuleHandleA("ucrtbase.dll");
    if (!ucrt || argc < 2) {
        printf("usage: ucrt_conform DIR (ucrtbase.dll loaded: %d)\n", ucrt != NULL);
        return 2;
    }
    printf_options();
    printf_bounds();
    wide_printf();
    scanning();
    strings();
    math();
    times();
    environment();
    files(argv[1]);
    edges(argv[1]);
    fflush(stdout);
    return 4;
}
