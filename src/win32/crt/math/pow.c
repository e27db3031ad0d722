/* pow, with the special cases of C99 F.9.4.4.  An integer exponent of
 * moderate size is computed by repeated squaring in extended precision
 * (exact while the result fits 64 bits: pow(3, 20) is 3486784401); any
 * other as 2^(y log2 |x|). */
#include "libm.h"

double crt_exp2_checked(ldouble t, const char *name, double a1, double a2);

#define INF from_bits(0x7FF0000000000000ULL)

static double pow_zero(double x, double y)
{
    int odd = crt_is_odd_integer(y);

    if (y < 0)
        return crt_math_error(MATH_SING, "pow", x, y, odd && SIGN_BIT(x) ? -INF : INF);
    return odd ? x : 0.0;
}

static double pow_inf_exponent(double x, double y)
{
    double ax = x < 0 ? -x : x;

    if (ax == 1)
        return 1.0;
    return (ax < 1) == (y < 0) ? INF : 0.0;
}

static double pow_inf_base(double x, double y)
{
    int odd = crt_is_odd_integer(y), neg = SIGN_BIT(x);
    double mag = y < 0 ? 0.0 : INF;

    return neg && odd ? -mag : mag;
}

static ldouble ipow(ldouble x, unsigned long long n)
{
    ldouble r = 1;

    for (; n; n >>= 1, x *= x)
        if (n & 1)
            r *= x;
    return r;
}

static double checked(ldouble r, double x, double y)
{
    double d = (double)r;

    if (is_inf(d))
        return crt_math_error(MATH_OVERFLOW, "pow", x, y, d);
    if (d == 0 && r != 0)
        return crt_math_error(MATH_UNDERFLOW, "pow", x, y, d);
    return d;
}

CRTAPI double pow(double x, double y)
{
    X87_EXTENDED;
    int neg = 0;
    double ax;

    if (y == 0 || x == 1)
        return 1.0;
    if (is_nan(x) || is_nan(y))
        return quiet(is_nan(x) ? x : y);
    if (x == 0)
        return pow_zero(x, y);
    if (is_inf(y))
        return pow_inf_exponent(x, y);
    if (is_inf(x))
        return pow_inf_base(x, y);
    if (x < 0) {
        if (!crt_is_integer(y))
            return crt_math_error(MATH_DOMAIN, "pow", x, y, DEFAULT_NAN);
        neg = crt_is_odd_integer(y);
    }
    ax = x < 0 ? -x : x;
    if (crt_is_integer(y) && y >= -1024 && y <= 1024) {
        ldouble r = ipow(ax, (unsigned long long)(y < 0 ? -y : y));
        if (y < 0)
            r = 1 / r;
        return checked(neg ? -r : r, x, y);
    }
    ax = crt_exp2_checked(y * crt_x87_log2(ax), "pow", x, y);
    return neg ? -ax : ax;
}
