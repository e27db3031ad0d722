/* sqrt cbrt hypot fmod remainder remquo fdim fmax fmin. */
#include "libm.h"

CRTAPI double sqrt(double x)
{
    X87_EXTENDED;
    double r;

    if (x < 0)
        return crt_math_error(MATH_DOMAIN, "sqrt", x, 0, DEFAULT_NAN);
    __asm__("sqrtsd %1, %0" : "=x"(r) : "x"(x));
    return r;
}

/* 2^(log2|x| / 3), then a Newton step in extended precision, which makes
 * exact cubes exact. */
CRTAPI double cbrt(double x)
{
    X87_EXTENDED;
    ldouble a = x < 0 ? -x : x, y;

    if (!is_finite(x) || x == 0)
        return is_nan(x) ? quiet(x) : x;
    y = crt_x87_exp2(crt_x87_log2(a) / 3);
    y -= (y * y * y - a) / (3 * y * y);
    return (double)(x < 0 ? -y : y);
}

/* In extended precision x^2 + y^2 can neither overflow nor underflow. */
CRTAPI double _hypot(double x, double y)
{
    X87_EXTENDED;
    ldouble a = x, b = y;
    double r;

    if (is_inf(x) || is_inf(y))
        return HUGE_VALD;
    if (is_nan(x) || is_nan(y))
        return quiet(is_nan(x) ? x : y);
    r = (double)crt_x87_sqrt(a * a + b * b);
    if (is_inf(r))
        crt_set_errno(ERANGE);
    return r;
}

CRTAPI double hypot(double x, double y) { return _hypot(x, y); }

/* The x87's partial remainders are exact; fprem truncates the quotient
 * (fmod), fprem1 rounds it to nearest (remainder).  The low three
 * quotient bits come back in C0, C3 and C1. */
static ldouble x87_rem(ldouble x, ldouble y, int nearest, int *q)
{
    ldouble r;
    unsigned short sw;

    if (nearest)
        __asm__("1: fprem1\n\tfnstsw %%ax\n\ttestw $0x400, %%ax\n\tjnz 1b"
                : "=t"(r), "=a"(sw) : "0"(x), "u"(y) : "cc");
    else
        __asm__("1: fprem\n\tfnstsw %%ax\n\ttestw $0x400, %%ax\n\tjnz 1b"
                : "=t"(r), "=a"(sw) : "0"(x), "u"(y) : "cc");
    *q = (sw >> 8 & 1) << 2 | (sw >> 14 & 1) << 1 | (sw >> 9 & 1);
    return r;
}

static int rem_special(double x, double y, double *r)
{
    if (is_nan(x) || is_nan(y))
        *r = quiet(is_nan(x) ? x : y);
    else if (is_inf(x) || y == 0)
        *r = crt_domain_error();
    else if (is_inf(y) || x == 0)
        *r = x;
    else
        return 0;
    return 1;
}

CRTAPI double fmod(double x, double y)
{
    X87_EXTENDED;
    double r;
    int q;

    if (rem_special(x, y, &r))
        return r;
    r = (double)x87_rem(x, y, 0, &q);
    return r == 0 ? copysign(0.0, x) : r;
}

CRTAPI double remquo(double x, double y, int *quo)
{
    X87_EXTENDED;
    double r;
    int q;

    *quo = 0;
    if (rem_special(x, y, &r))
        return r;
    r = (double)x87_rem(x, y, 1, &q);
    *quo = (SIGN_BIT(x) != SIGN_BIT(y)) ? -q : q;
    return r == 0 ? copysign(0.0, x) : r;
}

CRTAPI double remainder(double x, double y)
{
    X87_EXTENDED;
    int q;

    return remquo(x, y, &q);
}

CRTAPI double fdim(double x, double y)
{
    if (is_nan(x) || is_nan(y))
        return quiet(is_nan(x) ? x : y);
    return x > y ? x - y : 0.0;
}

/* A NaN argument loses to a number. */
CRTAPI double fmax(double x, double y)
{
    if (is_nan(x))
        return y;
    if (is_nan(y))
        return x;
    if (x == y)
        return SIGN_BIT(x) ? y : x;
    return x > y ? x : y;
}

CRTAPI double fmin(double x, double y)
{
    if (is_nan(x))
        return y;
    if (is_nan(y))
        return x;
    if (x == y)
        return SIGN_BIT(x) ? x : y;
    return x < y ? x : y;
}
