/* The 80-bit long double conversions (__STRINGTOLD, _atoldbl), the
 * status results of _atodbl/_atoflt, and wcstol's non-ASCII decimal
 * digits.  Every value is printed as its bytes, so the last bit counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <windows.h>

typedef struct { unsigned char ld[10]; } ldbl80;

static int (*p_stringtold)(ldbl80 *, char **, const char *, int);
static int (*p_atoldbl)(ldbl80 *, const char *);
static int (*p_atodbl)(double *, const char *);
static int (*p_atoflt_l)(float *, const char *, void *);

static void print_ld(const ldbl80 *v)
{
    for (int i = 9; i >= 0; i--)
        printf("%02x", v->ld[i]);
}

static void stringtold(const char *s)
{
    ldbl80 v;
    char *end = NULL;
    int r;

    errno = 12345;
    memset(&v, 0xcc, sizeof(v));
    r = p_stringtold(&v, &end, s, 0);
    printf("__STRINGTOLD(\"%s\") = %d end+%d errno %s ", s, r, (int)(end - s),
           errno == 12345 ? "kept" : "changed");
    print_ld(&v);
    memset(&v, 0xcc, sizeof(v));
    r = p_atoldbl(&v, s);
    printf(" | _atoldbl %d ", r);
    print_ld(&v);
    printf("\n");
}

static void atodbl(const char *s)
{
    double d;
    float f;
    int r = p_atodbl(&d, s);
    int rf = p_atoflt_l(&f, s, NULL);
    union { double d; unsigned long long u; } bd = { d };
    union { float f; unsigned u; } bf = { f };

    printf("_atodbl(\"%s\") = %d %016llx | _atoflt_l %d %08x\n", s, r, bd.u, rf, bf.u);
}

static void wide_int(const wchar_t *s, int base, const char *what)
{
    wchar_t *end;
    long v = wcstol(s, &end, base);

    printf("wcstol(%s, %d) = %ld end+%d\n", what, base, v, (int)(end - s));
}

int main(void)
{
    HMODULE crt = GetModuleHandleA("msvcrt.dll");
    static const char *lds[] = {
        "0", "-0.0", "1e0", "0.1", "  +2.5xyz", "1.7976931348623158e+308",
        "1.18973149535723176502e+4932", "1.19e+4932", "1e+99999",
        "3.6451995318824746025e-4951", "3.65e-4951", "1e-99999", "nan", "inf", "",
        "18446744073709551615", "18446744073709551616.5",
        "9223372036854775808.5", "9223372036854775809.5", "123456789012345678901234567890e-5",
    };
    static const char *dbls[] = {
        "", "t", "123", "1e-309", "2.2250738585072014e-308", "1e309", "3.4e38", "3.5e38", "1e-40",
    };
    static const wchar_t thai_0x[] = { '-', 0x0E50, 'x', 0xFF19, '1', 0 };
    static const wchar_t thai_oct[] = { '+', 0x0E50, 0xFF17, '1', 0 };
    static const wchar_t devanagari[] = { 0x0966 + 4, 0x0966, 0x0966 + 5, 0 };
    static const wchar_t tamil[] = { 0x0BEF, 0 };
    static const wchar_t fullwidth_hex[] = { 0xFF19, 'f', 0x0E59, 0xFF46, 0 };

    p_stringtold = (void *)GetProcAddress(crt, "__STRINGTOLD");
    p_atoldbl = (void *)GetProcAddress(crt, "_atoldbl");
    p_atodbl = (void *)GetProcAddress(crt, "_atodbl");
    p_atoflt_l = (void *)GetProcAddress(crt, "_atoflt_l");
    for (size_t i = 0; i < sizeof(lds) / sizeof(lds[0]); i++)
        stringtold(lds[i]);
    for (size_t i = 0; i < sizeof(dbls) / sizeof(dbls[0]); i++)
        atodbl(dbls[i]);
    wide_int(thai_0x, 0, "-<thai 0>x<fullwidth 9>1");
    wide_int(thai_oct, 0, "+<thai 0><fullwidth 7>1");
    wide_int(devanagari, 10, "<devanagari 405>");
    wide_int(tamil, 10, "<tamil 9>");
    wide_int(fullwidth_hex, 16, "<fullwidth 9>f<thai 9><fullwidth f>");
    return 0;
}
