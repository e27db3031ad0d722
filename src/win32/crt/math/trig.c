/* Trigonometric functions and their inverses.  sin, cos and tan reduce
 * their argument to [-pi/4, pi/4] with a three-part pi/2 (libm_x87.c)
 * before the x87 evaluates them, so results near a multiple of pi keep
 * their precision. */
#include "libm.h"

#define PI_L 0x1.921fb54442d18469p+1L

static int trig_special(const char *name, double x, double *r)
{
    if (is_nan(x))
        *r = quiet(x);
    else if (is_inf(x))
        *r = crt_math_error(MATH_DOMAIN, name, x, 0, DEFAULT_NAN);
    else
        return 0;
    return 1;
}

CRTAPI double sin(double x)
{
    X87_EXTENDED;
    ldouble r;
    double s;
    int q;

    if (trig_special("sin", x, &s))
        return s;
    if (x == 0)
        return x;
    q = crt_reduce_pi2(x, &r);
    switch (q) {
    case 0: return (double)crt_x87_sin(r);
    case 1: return (double)crt_x87_cos(r);
    case 2: return (double)-crt_x87_sin(r);
    default: return (double)-crt_x87_cos(r);
    }
}

CRTAPI double cos(double x)
{
    X87_EXTENDED;
    ldouble r;
    double s;
    int q;

    if (trig_special("cos", x, &s))
        return s;
    q = crt_reduce_pi2(x, &r);
    switch (q) {
    case 0: return (double)crt_x87_cos(r);
    case 1: return (double)-crt_x87_sin(r);
    case 2: return (double)-crt_x87_cos(r);
    default: return (double)crt_x87_sin(r);
    }
}

CRTAPI double tan(double x)
{
    X87_EXTENDED;
    ldouble r, s, c;
    double e;
    int q;

    if (trig_special("tan", x, &e))
        return e;
    if (x == 0)
        return x;
    q = crt_reduce_pi2(x, &r);
    s = crt_x87_sin(r);
    c = crt_x87_cos(r);
    return (double)(q & 1 ? -c / s : s / c);
}

CRTAPI double atan(double x)
{
    X87_EXTENDED;
    if (is_nan(x))
        return quiet_edom_in_msvcrt(x);
    if (x == 0)
        return x;
    return (double)crt_x87_atan2(x, 1.0L);
}

/* fpatan gives atan2's quadrants and signed zeros and handles the
 * infinities as C99 F.9.1.4 lists them. */
CRTAPI double atan2(double y, double x)
{
    X87_EXTENDED;
    if (is_nan(x) || is_nan(y))
        return quiet(is_nan(y) ? y : x);
    return (double)crt_x87_atan2(y, x);
}

/* sqrt(1 - x^2) computed as sqrt((1 - x)(1 + x)), exact factors. */
static ldouble cofactor(double x)
{
    return crt_x87_sqrt((1.0L - x) * (1.0L + x));
}

CRTAPI double asin(double x)
{
    X87_EXTENDED;
    if (is_nan(x))
        return quiet(x);
    if (x > 1 || x < -1)
        return crt_math_error(MATH_DOMAIN, "asin", x, 0, DEFAULT_NAN);
    if (x == 0)
        return x;
    return (double)crt_x87_atan2(x, cofactor(x));
}

CRTAPI double acos(double x)
{
    X87_EXTENDED;
    if (is_nan(x))
        return quiet(x);
    if (x > 1 || x < -1)
        return crt_math_error(MATH_DOMAIN, "acos", x, 0, DEFAULT_NAN);
    return (double)crt_x87_atan2(cofactor(x), x);
}

/* ---- hyperbolic ---- */

ldouble crt_expm1_l(ldouble x);

CRTAPI double sinh(double x)
{
    X87_EXTENDED;
    ldouble a = x < 0 ? -x : x, e;
    double r;

    if (is_nan(x) || x == 0 || is_inf(x))
        return is_nan(x) ? quiet(x) : x;
    if (a > 710.5)
        return crt_range_error(x < 0 ? -HUGE_VALD : HUGE_VALD);
    e = crt_expm1_l(a);
    r = (double)((e + e / (e + 1)) / 2);
    if (is_inf(r))
        crt_set_errno(ERANGE);
    return x < 0 ? -r : r;
}

CRTAPI double cosh(double x)
{
    X87_EXTENDED;
    ldouble a = x < 0 ? -x : x, e;
    double r;

    if (is_nan(x))
        return quiet(x);
    if (is_inf(x))
        return HUGE_VALD;
    if (a > 710.5)
        return crt_range_error(HUGE_VALD);
    e = crt_expm1_l(a) + 1;
    r = (double)((e + 1 / e) / 2);
    if (is_inf(r))
        crt_set_errno(ERANGE);
    return r;
}

CRTAPI double tanh(double x)
{
    X87_EXTENDED;
    ldouble a = x < 0 ? -x : x, e;
    double r;

    if (is_nan(x) || x == 0)
        return is_nan(x) ? quiet_edom_in_msvcrt(x) : x;
    if (a > 23)
        r = 1.0;
    else {
        e = crt_expm1_l(2 * a);
        r = (double)(e / (e + 2));
    }
    return x < 0 ? -r : r;
}

CRTAPI double asinh(double x)
{
    X87_EXTENDED;
    ldouble a = x < 0 ? -x : x, r;

    if (is_nan(x) || is_inf(x) || x == 0)
        return is_nan(x) ? quiet(x) : x;
    if (a > 0x1p32)
        r = crt_x87_log2(a) * LN2_L + LN2_L;
    else if (a < 0.25L)
        r = crt_x87_log2p1(a + a * a / (1 + crt_x87_sqrt(1 + a * a))) * LN2_L;
    else
        r = crt_x87_log2(a + crt_x87_sqrt(a * a + 1)) * LN2_L;
    return (double)(x < 0 ? -r : r);
}

CRTAPI double acosh(double x)
{
    X87_EXTENDED;
    ldouble a = x;

    if (is_nan(x))
        return quiet(x);
    if (x < 1)
        return crt_domain_error();
    if (is_inf(x))
        return x;
    if (a > 0x1p32)
        return (double)(crt_x87_log2(a) * LN2_L + LN2_L);
    a = (a - 1) + crt_x87_sqrt((a - 1) * (a + 1));     /* acosh = ln(1 + a) */
    return (double)((a < 0.29L ? crt_x87_log2p1(a) : crt_x87_log2(1 + a)) * LN2_L);
}

CRTAPI double atanh(double x)
{
    X87_EXTENDED;
    ldouble a = x < 0 ? -x : x, t, r;

    if (is_nan(x) || x == 0)
        return is_nan(x) ? quiet(x) : x;
    if (a > 1)
        return crt_domain_error();
    if (a == 1)
        return crt_range_error(x < 0 ? -HUGE_VALD : HUGE_VALD);
    t = 2 * a / (1 - a);
    r = (t < 0.29L ? crt_x87_log2p1(t) : crt_x87_log2(1 + t)) * LN2_L / 2;
    return (double)(x < 0 ? -r : r);
}
