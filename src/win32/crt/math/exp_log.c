/* Exponentials and logarithms: exp exp2 expm1 log log2 log10 log1p. */
#include "libm.h"

#define LOG10_2_L 0x1.34413509f79fef32p-2L

/* 2^t rounded to double, with the overflow and underflow errors of the
 * function name(a1, a2) (crt_math_error). */
double crt_exp2_checked(ldouble t, const char *name, double a1, double a2)
{
    double r = t >= 1024 ? from_bits(0x7FF0000000000000ULL)
             : t < -1075 ? 0.0 : (double)crt_x87_exp2(t);

    if (is_inf(r))
        return crt_math_error(MATH_OVERFLOW, name, a1, a2, r);
    if (r == 0)
        return crt_math_error(MATH_UNDERFLOW, name, a1, a2, r);
    return r;
}

CRTAPI double exp(double x)
{
    X87_EXTENDED;
    if (is_nan(x))
        return quiet_edom_in_msvcrt(x);
    if (is_inf(x))
        return SIGN_BIT(x) ? 0.0 : x;
    return crt_exp2_checked(x * LOG2E_L, "exp", x, 0);
}

CRTAPI double exp2(double x)
{
    X87_EXTENDED;
    if (is_nan(x))
        return quiet(x);
    if (is_inf(x))
        return SIGN_BIT(x) ? 0.0 : x;
    return crt_exp2_checked(x, NULL, x, 0);
}

/* e^x - 1 in extended precision (also for sinh, cosh, tanh). */
ldouble crt_expm1_l(ldouble x)
{
    ldouble t = x * LOG2E_L;

    if (t >= -1 && t <= 1)
        return crt_x87_exp2m1(t);
    return crt_x87_exp2(t) - 1;
}

CRTAPI double expm1(double x)
{
    X87_EXTENDED;
    if (is_nan(x))
        return quiet(x);
    if (is_inf(x))
        return SIGN_BIT(x) ? -1.0 : x;
    if (x > 709.8)
        return crt_range_error(from_bits(0x7FF0000000000000ULL));
    if (x < -50)
        return -1.0;
    if (x > -0x1p-60 && x < 0x1p-60)
        return x;
    return (double)crt_expm1_l(x);
}

/* The logarithm in base 2 of x > 0; near 1, through log2(1 + (x - 1))
 * (x - 1 is exact there) so results near 0 keep their precision. */
static ldouble log2_l(ldouble x)
{
    if (x > 0.71L && x < 1.29L)
        return crt_x87_log2p1(x - 1);
    return crt_x87_log2(x);
}

/* NaN, negative, zero and infinity; 0 when x is an ordinary positive. */
static int log_special(const char *name, double x, double *r)
{
    if (is_nan(x))
        *r = quiet(x);
    else if (x == 0)
        *r = crt_math_error(MATH_SING, name, x, 0, from_bits(0xFFF0000000000000ULL));
    else if (SIGN_BIT(x))
        *r = crt_math_error(MATH_DOMAIN, name, x, 0, DEFAULT_NAN);
    else if (is_inf(x))
        *r = x;
    else
        return 0;
    return 1;
}

CRTAPI double log(double x)
{
    X87_EXTENDED;
    double r;

    return log_special("log", x, &r) ? r : (double)(log2_l(x) * LN2_L);
}

CRTAPI double log2(double x)
{
    X87_EXTENDED;
    double r;

    return log_special(NULL, x, &r) ? r : (double)log2_l(x);
}

CRTAPI double log10(double x)
{
    X87_EXTENDED;
    double r;

    return log_special("log10", x, &r) ? r : (double)(log2_l(x) * LOG10_2_L);
}

CRTAPI double log1p(double x)
{
    X87_EXTENDED;
    if (is_nan(x))
        return quiet(x);
    if (x == -1)
        return crt_range_error(from_bits(0xFFF0000000000000ULL));
    if (x < -1)
        return crt_domain_error();
    if (is_inf(x))
        return x;
    if (x > -0x1p-60 && x < 0x1p-60)
        return x;
    if (x > -0.29 && x < 0.29)
        return (double)(crt_x87_log2p1(x) * LN2_L);
    return (double)(crt_x87_log2(1.0L + x) * LN2_L);
}
