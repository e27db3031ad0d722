/* The x87 instructions the math library builds on, and the helpers every
 * function shares (errors, integer tests, argument reduction).  The x87
 * computes with a 64-bit mantissa; its transcendental instructions are
 * accurate to about one unit of that, far below a double's. */
#include "libm.h"

ldouble crt_x87_log2(ldouble x)
{
    ldouble r;

    __asm__("fyl2x" : "=t"(r) : "0"(x), "u"(1.0L) : "st(1)");
    return r;
}

ldouble crt_x87_log2p1(ldouble x)
{
    ldouble r;

    __asm__("fyl2xp1" : "=t"(r) : "0"(x), "u"(1.0L) : "st(1)");
    return r;
}

ldouble crt_x87_exp2m1(ldouble t)
{
    ldouble r;

    __asm__("f2xm1" : "=t"(r) : "0"(t));
    return r;
}

/* 2^t = 2^n * 2^f with n the integer nearest t and |f| <= 1/2. */
ldouble crt_x87_exp2(ldouble t)
{
    ldouble n, r;

    __asm__("frndint" : "=t"(n) : "0"(t));
    r = crt_x87_exp2m1(t - n) + 1.0L;
    __asm__("fscale" : "=t"(r) : "0"(r), "u"(n));
    return r;
}

ldouble crt_x87_atan2(ldouble y, ldouble x)
{
    ldouble r;

    __asm__("fpatan" : "=t"(r) : "0"(x), "u"(y) : "st(1)");
    return r;
}

ldouble crt_x87_sqrt(ldouble x)
{
    ldouble r;

    __asm__("fsqrt" : "=t"(r) : "0"(x));
    return r;
}

/* fsin and fcos take |x| < 2^63; beyond, reduce by 2 pi first (fprem1
 * is exact, the x87's 2 pi is not: huge arguments get its 66-bit pi). */
static ldouble rem_2pi(ldouble x)
{
    ldouble r;

    __asm__("1: fprem1\n\tfnstsw %%ax\n\ttestw $0x400, %%ax\n\tjnz 1b"
            : "=t"(r) : "0"(x), "u"(0x1.921fb54442d18469p+2L) : "ax", "cc");
    return r;
}

ldouble crt_x87_sin(ldouble x)
{
    ldouble r;

    if (x > 0x1p62L || x < -0x1p62L)
        x = rem_2pi(x);
    __asm__("fsin" : "=t"(r) : "0"(x));
    return r;
}

ldouble crt_x87_cos(ldouble x)
{
    ldouble r;

    if (x > 0x1p62L || x < -0x1p62L)
        x = rem_2pi(x);
    __asm__("fcos" : "=t"(r) : "0"(x));
    return r;
}

/* Cody and Waite: pi/2 in three pieces, the first two short enough that
 * n times them is exact for n < 2^28. */
#define PIO2_1 0x1.921fb544p0L
#define PIO2_2 0x42d18469p-64L
#define PIO2_3 0x898cc51701b839a2p-128L

int crt_reduce_pi2(double x, ldouble *r)
{
    ldouble n;

    if (x > -0x1.921fb54442d18p-1 && x < 0x1.921fb54442d18p-1) {
        *r = x;
        return 0;
    }
    if (x >= 0x1p28 || x <= -0x1p28)
        return crt_reduce_large(x, r);
    n = x * 0x1.45f306dc9c882a54p-1L;   /* 2/pi */
    __asm__("frndint" : "=t"(n) : "0"(n));
    *r = ((x - n * PIO2_1) - n * PIO2_2) - n * PIO2_3;
    return (int)((long long)n & 3);
}

int crt_is_integer(double x)
{
    int e = EXP_BITS(x) - 1023;

    if (e >= 52)
        return 1;
    if (e < 0)
        return x == 0;
    return !(dbits(x) & ((1ULL << (52 - e)) - 1));
}

int crt_is_odd_integer(double x)
{
    int e = EXP_BITS(x) - 1023;

    if (e < 0 || e > 52 || !crt_is_integer(x))
        return 0;
    return (int)((dbits(x) | 1ULL << 52) >> (52 - e) & 1);
}

double crt_domain_error(void)
{
    crt_set_errno(EDOM);
    return from_bits(0xFFF8000000000000ULL);
}

double crt_range_error(double v)
{
    crt_set_errno(ERANGE);
    return v;
}
