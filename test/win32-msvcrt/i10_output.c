/* $I10_OUTPUT: the decimal digits of an 80-bit long double. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

struct ld80 { unsigned lo, hi, exp; };
struct out { short pos; char sign; unsigned char len; char str[100]; };
typedef int (__cdecl *i10_fn)(struct ld80, int, int, struct out *);

static void show(i10_fn f, unsigned lo, unsigned hi, unsigned e, int size, int flags)
{
    struct ld80 v = { lo, hi, e };
    struct out o;
    int r, last = 99;

    memset(&o, '#', sizeof(o));
    r = f(v, size, flags, &o);
    while (last > 0 && o.str[last] == '#')
        last--;
    printf("%08x%08x:%04x size=%d flags=%d -> ret=%d pos=%d sign='%c' len=%d str=%s written=%d\n",
           hi, lo, e, size, flags, r, o.pos, o.sign, o.len, o.str, last + 1);
}

int main(void)
{
    i10_fn f = (i10_fn)GetProcAddress(GetModuleHandleA("msvcrt.dll"), "$I10_OUTPUT");

    if (!f) {
        printf("no $I10_OUTPUT\n");
        return 1;
    }
    show(f, 0, 0, 0, 10, 0);                        /* 0 */
    show(f, 0, 0x80000000, 0x3fff, 10, 0);          /* 1 */
    show(f, 0, 0x80000000, 0xbfff, 10, 0);          /* -1 */
    show(f, 0x0a3d7000, 0x9d70a3d7, 0x3fff, 10, 0); /* 1.23 */
    show(f, 0x04675000, 0xc9f2c9cd, 0x4062, 30, 0); /* 1e30: 21 digits at most */
    show(f, 0, 0x80000000, 0x3ffd, 10, 0);          /* 0.25 */
    show(f, 0xbf94d800, 0x800000d6, 0x3fff, 10, 0); /* 1.0000001 */
    show(f, 0, 0x80000000, 0x7fff, 10, 0);          /* +inf */
    show(f, 0, 0x80000000, 0xffff, 10, 0);          /* -inf */
    show(f, 1, 0x80000000, 0x7fff, 10, 0);          /* snan */
    show(f, 0, 0xc0000000, 0x7fff, 10, 0);          /* qnan */
    show(f, 0, 0x9184e72a, 0x402a, 10, 1);          /* 1e13, digits after the point */
    show(f, 0x4bb41000, 0xe12e1342, 0x3fd3, 10, 1); /* 1e-13 rounds to 0 */
    show(f, 0, 0xf6000000, 0x4005, 2, 0);           /* 123 with 2 digits */
    show(f, 0, 0xf6000000, 0x4005, 0, 0);           /* 123 with none */
    show(f, 0x0a3d7000, 0xfd70a3d7, 0x3ffe, 1, 0);  /* 0.99 rounds up */
    show(f, 0, 0x9a5db800, 0x4013, 2, 0);           /* 1264567 -> 13e5 */
    show(f, 0, 0x9a5db800, 0x4013, 2, 1);           /* 1264567 */
    show(f, 0, 0x80000000, 0x7ffe, 5, 0);           /* the largest exponent */
    show(f, 0, 0x80000000, 0x0001, 5, 0);           /* the smallest normal */
    return 0;
}
