/* strtol/strtoul/strtod/atoi/_itoa and friends. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <windows.h>

/* mingw's headers route strtod to their own implementation; ask
 * msvcrt.dll for its export directly. */
static double (*ms_strtod)(const char *, char **);

static void tl(const char *s, int base)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, base);
    int e = errno;
    errno = 0;
    unsigned long u = strtoul(s, NULL, base);
    printf("strtol(\"%s\",%d) = %ld end+%d errno %d | strtoul %lu errno %d\n",
           s, base, v, (int)(end - s), e, u, errno);
}

static void td(const char *s)
{
    char *end;
    errno = 0;
    double v = ms_strtod(s, &end);
    union { double d; unsigned long long u; } b = { v };
    printf("strtod(\"%.40s\") = %.17g [%016llx] end+%d errno %d\n", s, v, b.u,
           (int)(end - s), errno);
}

int main(void)
{
    ms_strtod = (void *)GetProcAddress(GetModuleHandleA("msvcrt.dll"), "strtod");
    const char *ints[] = { "0", "123", "  -42xyz", "+7", "0x1f", "0X1F", "017",
                           "2147483647", "2147483648", "-2147483648", "-2147483649",
                           "4294967295", "4294967296", "-1", "zz", "", "0x", "  +",
                           "99999999999999999999", "0xg" };
    int bases[] = { 10, 0, 16, 8, 36 };
    for (size_t i = 0; i < sizeof(ints) / sizeof(*ints); i++)
        for (size_t j = 0; j < 5; j++)
            tl(ints[i], bases[j]);
    errno = 0;
    printf("_strtoi64 %lld %lld errno %d\n", _strtoi64("-9223372036854775808", NULL, 10),
           _strtoi64("9223372036854775808", NULL, 10), errno);
    printf("_strtoui64 %llu\n", _strtoui64("18446744073709551615", NULL, 10));
    printf("atoi %d %d %d atol %ld _atoi64 %lld\n", atoi(" 12ab"), atoi("-0"), atoi("x"),
           atol("-77"), _atoi64("123456789012"));

    const char *dbl[] = { "0", "1", "-1.5", "0.1", "1e10", "1.7976931348623157e308",
        "1.7976931348623159e308", "1e309", "2.2250738585072014e-308",
        "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
        "1e-400", "  .5", "5.", ".", "-.e5", "1e", "1e+", "1e-2x", "0x1p3", "inf", "nan",
        "123456789012345678901234567890", "9007199254740993",
        "9007199254740992.9999999999999999999999999999", "1d3", "1D-2",
        "0.000000000000000000000000000000000000001", "3.14159265358979323846264338327950288",
        "2.2250738585072011e-308", "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126" };
    for (size_t i = 0; i < sizeof(dbl) / sizeof(*dbl); i++)
        td(dbl[i]);
    printf("atof %g %g\n", atof("3.25abc"), atof("-1e-3"));
    /* a NULL string is an invalid parameter: 0, EINVAL, end set to NULL */
    char *end = (char *)1;
    errno = 0;
    double z = ms_strtod(NULL, &end);
    printf("strtod(NULL) = %g end %s errno %d\n", z, end ? "set" : "NULL", errno);

    char b[80];
    printf("_itoa %s ", _itoa(-255, b, 10));
    printf("%s ", _itoa(-255, b, 16));
    printf("%s ", _itoa(255, b, 2));
    printf("%s ", _ltoa(-1, b, 16));
    printf("%s ", _ultoa(4000000000u, b, 36));
    printf("%s ", _i64toa(-1, b, 16));
    printf("%s\n", _ui64toa(18446744073709551615ull, b, 10));
    return 0;
}
