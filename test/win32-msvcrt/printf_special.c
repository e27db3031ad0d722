/* Infinities and NaNs the way msvcrt.dll prints them. */
#include <stdio.h>
#include <string.h>

#define T(fmt, v) do { \
    char b[256]; int r = sprintf(b, fmt, v); printf("%-8s [%s] %d\n", fmt, b, r); \
} while (0)

int main(void)
{
    union { unsigned long long u; double d; } inf = { 0x7ff0000000000000ULL },
        ninf = { 0xfff0000000000000ULL }, qnan = { 0x7ff8000000000000ULL },
        ind = { 0xfff8000000000000ULL }, snan = { 0x7ff0000000000001ULL },
        nqnan = { 0xfff8000000000001ULL };
    double v[] = { inf.d, ninf.d, qnan.d, ind.d, snan.d, nqnan.d };
    const char *f[] = { "%f", "%e", "%g", "%.0f", "%.1f", "%.2f", "%.3f",
                        "%10.2f", "%-10f|", "%E", "%G", "%.1e", "%#g", "%a" };
    for (int i = 0; i < 6; i++)
        for (int j = 0; j < 14; j++)
            T(f[j], v[i]);
    return 0;
}
