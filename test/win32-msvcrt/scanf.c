/* sscanf/swscanf conversions, return values and %n. */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

int main(void)
{
    int a = -1, b = -1, c = -1, n = -1, r;
    unsigned u = 0;
    long long ll = 0;
    short h = 0;
    char s1[32] = "-", s2[32] = "-";
    double d = 0;
    float f = 0;

    r = sscanf("12 34", "%d %d", &a, &b); printf("1: %d %d %d\n", r, a, b);
    r = sscanf("  -7abc", "%d%s", &a, s1); printf("2: %d %d %s\n", r, a, s1);
    r = sscanf("0x1F 017 99", "%i %i %i", &a, &b, &c); printf("3: %d %d %d %d\n", r, a, b, c);
    r = sscanf("ff 777", "%x %o", &a, &b); printf("4: %d %d %d\n", r, a, b);
    r = sscanf("12345", "%2d%3d", &a, &b); printf("5: %d %d %d\n", r, a, b);
    r = sscanf("abc", "%d", &a); printf("6: %d\n", r);
    r = sscanf("", "%d", &a); printf("7: %d\n", r);
    r = sscanf("   ", "%d", &a); printf("8: %d\n", r);
    r = sscanf("3.25 -1e3 .5", "%lf %f %lf", &d, &f, &d); printf("9: %d %g %g\n", r, d, f);
    r = sscanf("hello world", "%5c", s1); s1[5] = 0; printf("10: %d [%s]\n", r, s1);
    r = sscanf("key=value;rest", "%[^=]=%[^;]", s1, s2); printf("11: %d [%s] [%s]\n", r, s1, s2);
    r = sscanf("abc123", "%[a-z]%d", s1, &a); printf("12: %d [%s] %d\n", r, s1, a);
    r = sscanf("10 20 30", "%*d %d %n", &a, &n); printf("13: %d %d n=%d\n", r, a, n);
    r = sscanf("18446744073709551615 70000", "%llu %hd", &ll, &h); printf("14: %d %lld %d\n", r, ll, h);
    r = sscanf("4294967295", "%u", &u); printf("15: %d %u\n", r, u);
    r = sscanf("100%", "%d%%", &a); printf("16: %d %d\n", r, a);
    r = sscanf("a,b", "%[^,],%s", s1, s2); printf("17: %d [%s] [%s]\n", r, s1, s2);
    r = sscanf("x", "x%d", &a); printf("18: %d\n", r);
    r = sscanf("12", "%d%d", &a, &b); printf("19: %d\n", r);
    r = sscanf("-", "%d", &a); printf("20: %d\n", r);
    wchar_t ws[32];
    r = swscanf(L"wide 42", L"%s %d", ws, &a); printf("21: %d [%ls] %d\n", r, ws, a);
    r = sscanf("narrow", "%S", ws); printf("22: %d [%ls]\n", r, ws);
    r = sscanf("1e5x", "%lf", &d); printf("23: %d %g\n", r, d);
    r = sscanf("]x", "%[]x]", s1); printf("24: %d [%s]\n", r, s1);
    a = (int)0xdeadbeef; /* msvcrt has no hh: the second h undoes the first */
    r = sscanf("12345678", "%hhd", &a); printf("25: %d %x\n", r, a);
    return 0;
}
