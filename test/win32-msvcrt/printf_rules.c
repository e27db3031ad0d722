/* msvcrt.dll's own printf rules where the C99 library (the UCRT) differs:
 * length modifiers F and N, "hh", digits after a '*' width, "%#p", a %C
 * the narrow output cannot hold, digits past the 17th significant one,
 * and fwprintf to a binary stream. */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#define T(fmt, ...) do { \
    char b[256]; int r; memset(b, 'x', sizeof(b)); b[255] = 0; \
    r = sprintf(b, fmt, __VA_ARGS__); printf("%-10s [%s] %d\n", fmt, r < 0 ? "" : b, r); \
} while (0)

static void binary_wide(void)
{
    FILE *f = fopen("rules.tmp", "wb");
    long pos;
    unsigned char buf[16];
    size_t n;

    fwprintf(f, L"a%dz", 5);
    pos = ftell(f);
    fclose(f);
    f = fopen("rules.tmp", "rb");
    n = fread(buf, 1, sizeof(buf), f);
    fclose(f);
    remove("rules.tmp");
    printf("fwprintf binary: ftell %ld, bytes", pos);
    for (size_t i = 0; i < n; i++)
        printf(" %02x", buf[i]);
    printf("\n");
}

int main(void)
{
    T("%Fp", (void *)0x39);
    T("%Np", (void *)0x39);
    T("%Fd|%Nd", 123, 456);
    T("[%F]", 1);
    T("%hhx", 0x12345);
    T("%hhd", 300);
    T("%*1d", 1, 3);
    T("%0*0d", 1, 2);
    T("%#020p", (void *)0x39);
    T("%#-20p|", (void *)0x39);
    T("a%Cb", 0x3042);
    T("%C", 0x41);
    T("%.30f", 1.0 / 3.0);
    T("%.20e", 0.1);
    T("%.25f", 2.0 / 3.0);
    binary_wide();
    return 0;
}
