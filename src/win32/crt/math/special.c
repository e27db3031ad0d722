/* The error and gamma functions: erf erfc tgamma lgamma, evaluated in
 * extended precision (a series or a continued fraction for erf, the
 * recurrence and Stirling's series for the gamma function, reflection
 * below zero). */
#include "libm.h"

#define PI_L 0x1.921fb54442d18469p+1L
#define TWO_OVER_SQRT_PI_L 0x1.20dd750429b6d11ap+0L
#define ONE_OVER_SQRT_PI_L 0x1.20dd750429b6d11ap-1L
#define HALF_LN_2PI_L 0x1.d67f1c864beb4a6ap-1L

CRTAPI double round(double);

static ldouble ln_l(ldouble x) { return crt_x87_log2(x) * LN2_L; }
static ldouble exp_l(ldouble x) { return crt_x87_exp2(x * LOG2E_L); }

/* erf by its Maclaurin series, |x| < 2.5. */
static ldouble erf_series(ldouble x)
{
    ldouble x2 = x * x, term = x, sum = x;

    for (int n = 1; n < 200; n++) {
        term *= -x2 / n;
        ldouble add = term / (2 * n + 1);
        sum += add;
        if (add == 0 || (add < 0 ? -add : add) < sum * 0x1p-66L)
            break;
    }
    return sum * TWO_OVER_SQRT_PI_L;
}

/* erfc by its continued fraction, x >= 1 (300 terms reach 2^-64). */
static ldouble erfc_fraction(ldouble x)
{
    ldouble t = x;

    for (int n = 300; n >= 1; n--)
        t = x + (n / 2.0L) / t;
    return exp_l(-x * x) * ONE_OVER_SQRT_PI_L / t;
}

CRTAPI double erf(double x)
{
    X87_EXTENDED;
    ldouble a = x < 0 ? -x : x, r;

    if (is_nan(x) || x == 0)
        return is_nan(x) ? quiet(x) : x;
    if (a >= 6)
        r = 1;
    else if (a < 2.5L)
        r = erf_series(a);
    else
        r = 1 - erfc_fraction(a);
    return (double)(x < 0 ? -r : r);
}

CRTAPI double erfc(double x)
{
    X87_EXTENDED;
    ldouble a = x < 0 ? -x : x, r;

    if (is_nan(x))
        return quiet(x);
    if (x > 27.3)
        return crt_range_error(0.0);
    r = a < 1 ? 1 - erf_series(a) : erfc_fraction(a);
    return (double)(x < 0 ? 2 - r : r);
}

/* ln Gamma(x) for x >= 15 by Stirling's series. */
static ldouble lgamma_stirling(ldouble x)
{
    static const ldouble c[] = {
        1.0L / 12, -1.0L / 360, 1.0L / 1260, -1.0L / 1680, 1.0L / 1188,
        -691.0L / 360360, 1.0L / 156, -3617.0L / 122400,
    };
    ldouble z = 1 / x, z2 = z * z, sum = 0, p = z;

    for (unsigned i = 0; i < sizeof(c) / sizeof(c[0]); i++, p *= z2)
        sum += c[i] * p;
    return (x - 0.5L) * ln_l(x) - x + HALF_LN_2PI_L + sum;
}

/* ln Gamma(1 + t), |t| <= 1/2, by its Taylor series at 1:
 * -gamma t + sum (-1)^k zeta(k) t^k / k, written with zeta(k) - 1 (the
 * ones sum to t - ln(1 + t)) so the terms fall as 2^-k. */
static ldouble lgamma_1p(ldouble t)
{
    static const ldouble zeta_m1[] = {     /* zeta(k) - 1, k = 2.. */
        0xa51a6625307d3231p-64L, 0xcee8013c01884e0ep-66L, 0xa8991563ec241b60p-67L,
        0x97418eca7ccdb7a2p-68L, 0x8e13098124891efbp-69L, 0x88cb68533ce236a7p-70L,
        0x859b57c31cb745f3p-71L, 0x839f3d816b570300p-72L, 0x825c674b772fc302p-73L,
        0x818c6f922ccaa238p-74L, 0x81052d9669820cddp-75L, 0x80ac9d08bbdeb063p-76L,
        0x80725795a70ab0f1p-77L, 0x804bde5f88df6855p-78L, 0x803266f5917879d0p-79L,
        0x8021839b4334069cp-80L, 0x80164ca9ba265c95p-81L, 0x800ed847cdd24f22p-82L,
        0x8009e2ca23374c44p-83L, 0x800695d59409093bp-84L, 0x80046336763be5d5p-85L,
        0x8002ec789c2c62d3p-86L, 0x8001f2cffef08fb5p-87L, 0x80014c752ab19918p-88L,
        0x8000dd98b666cc81p-89L, 0x800093b5c8422540p-90L, 0x8000627682d715cbp-91L,
        0x800041a300d43560p-92L, 0x80002bc15575f0abp-93L, 0x80001d2b38cdcb37p-94L,
        0x80001371fb227a6bp-95L, 0x80000cf692100970p-96L, 0x800008a456b29487p-97L,
        0x800005c2df209c0fp-98L,
    };
    ldouble sum = 0, p = -t;
    ldouble ln1p = t > -0.29L && t < 0.29L ? crt_x87_log2p1(t) * LN2_L : ln_l(1 + t);

    for (unsigned k = 0; k < sizeof(zeta_m1) / sizeof(zeta_m1[0]); k++) {
        p *= -t;
        sum += zeta_m1[k] * p / (k + 2);
    }
    return -0x93c467e37db0c7a5p-64L * t + (t - ln1p) + sum;
}

/* ln Gamma(x) for x > 0: near 1 and 2 by the series (where the result
 * goes through 0), up to 15 by the recurrence, then Stirling's series. */
static ldouble lgamma_pos(ldouble x)
{
    ldouble prod = 1;

    if (x < 0.5L)
        return lgamma_1p(x) - ln_l(x);
    if (x < 15) {
        while (x >= 2.5L) {
            x -= 1;
            prod *= x;
        }
        if (x < 1.5L)
            return lgamma_1p(x - 1) + ln_l(prod);
        return lgamma_1p(x - 2) + ln_l(prod * (x - 1));
    }
    return lgamma_stirling(x);
}

/* sin(pi x), exact reduction for the reflection formulas. */
static ldouble sin_pi(double x)
{
    double n = round(x);
    ldouble r = crt_x87_sin(PI_L * (x - n));

    return ((long long)n & 1) ? -r : r;
}

CRTAPI double lgamma(double x)
{
    X87_EXTENDED;
    if (is_nan(x))
        return quiet(x);
    if (is_inf(x))
        return HUGE_VALD;
    if (x <= 0 && crt_is_integer(x))
        return crt_range_error(HUGE_VALD);
    if (x == 1 || x == 2)
        return 0.0;
    if (x > 0)
        return (double)lgamma_pos(x);
    {
        ldouble s = sin_pi(x);
        return (double)(ln_l(PI_L / (s < 0 ? -s : s)) - lgamma_pos(1.0L - x));
    }
}

CRTAPI double tgamma(double x)
{
    X87_EXTENDED;
    ldouble r = 1;

    if (is_nan(x))
        return quiet(x);
    if (x == 0)
        return crt_range_error(SIGN_BIT(x) ? -HUGE_VALD : HUGE_VALD);
    if ((x < 0 && crt_is_integer(x)) || (is_inf(x) && x < 0))
        return crt_domain_error();
    if (x > 171.7)
        return crt_range_error(HUGE_VALD);
    if (x > 0 && crt_is_integer(x) && x <= 26) {
        for (int i = 2; i < (int)x; i++)
            r *= i;
        return (double)r;
    }
    if (x > 0)
        return (double)exp_l(lgamma_pos(x));
    if (x < -190)
        return crt_range_error(0.0 * sin_pi(x));
    r = PI_L / (sin_pi(x) * exp_l(lgamma_pos(1.0L - x)));
    return (double)r;
}
