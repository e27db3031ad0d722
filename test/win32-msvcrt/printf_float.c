/* printf floating-point conversions: exact rounding, msvcrt's
 * three-digit exponents, %g selection, %a, and infinities/NaNs. */
#include <stdio.h>
#include <string.h>
#include <float.h>

#define T(fmt, v) do { \
    char b[2048]; int r = sprintf(b, fmt, v); printf("%-10s %-24.17g [%s] %d\n", fmt, (double)(v), b, r); \
} while (0)

static const double vals[] = {
    0.0, -0.0, 1.0, -1.5, 0.1, 0.5, 1.5, 2.5, 0.125, 0.375, 1e-5, 123456.789,
    1e15, 1e16, 1e21, 1e22, 1.7976931348623157e308, 2.2250738585072014e-308,
    4.9406564584124654e-324, 3.14159265358979, 999999.5, 9.9999999, 0.00001234,
    100.0, 1e100, 123.456e-300, 0.3, 2.0 / 3.0,
};

int main(void)
{
    const char *fmts[] = { "%f", "%.0f", "%.1f", "%.3f", "%e", "%.0e", "%.2E",
                           "%g", "%.3g", "%.10g", "%G", "%#g", "%#.0f", "%+.2f",
                           "% .2e", "%12.4f", "%-12.2e|", "%012.3f", "%.20f",
                           "%.17g", "%a", "%.3a", "%A" };
    for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++)
        for (size_t j = 0; j < sizeof(fmts) / sizeof(fmts[0]); j++)
            T(fmts[j], vals[i]);
    T("%.0f", 1e300);
    T("%f", 1.7976931348623157e308);
    T("%.60f", 4.9406564584124654e-324);
    return 0;
}
