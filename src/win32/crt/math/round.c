/* Rounding to integers: floor ceil trunc round rint nearbyint and the
 * lround/lrint families.  Done on the bits, so exact and independent of
 * the rounding mode, except rint/nearbyint/lrint, which use it (to
 * nearest by default) as the standard says. */
#include "libm.h"

/* Drops the fraction of x toward zero. */
CRTAPI double trunc(double x)
{
    int e = EXP_BITS(x) - 1023;

    if (e >= 52)
        return x;
    if (e < 0)
        return from_bits(dbits(x) & 1ULL << 63);
    return from_bits(dbits(x) & ~((1ULL << (52 - e)) - 1));
}

CRTAPI double floor(double x)
{
    double t = trunc(x);

    return t != x && x < 0 ? t - 1 : t;
}

CRTAPI double ceil(double x)
{
    double t = trunc(x);

    return t != x && x > 0 ? t + 1 : t;
}

/* Halfway cases away from zero. */
CRTAPI double round(double x)
{
    double t = trunc(x), f = x - t;

    if (f >= 0.5)
        return t + 1;
    if (f <= -0.5)
        return t - 1;
    return t;
}

/* In the current rounding mode: adding and removing 2^52 rounds a double
 * of smaller magnitude to an integer. */
CRTAPI double rint(double x)
{
    volatile double big = 0x1p52;
    double a = fabs(x), r;

    if (!(a < 0x1p52))
        return x;
    r = (a + big) - big;
    return copysign(r, x);
}

CRTAPI double nearbyint(double x) { return rint(x); }

/* An integer result out of range is a domain error (the UCRT's choice)
 * and gives the type's most negative value, as the x86 conversion does. */
static long long to_ll(double r, double lo, double hi)
{
    if (is_nan(r) || r < lo || r >= hi) {
        crt_set_errno(EDOM);
        return (long long)0x8000000000000000ULL;
    }
    return (long long)r;
}

CRTAPI long lround(double x)
{
    long long v = to_ll(round(x), -0x1p31, 0x1p31);

    return v == (long long)0x8000000000000000ULL ? (long)0x80000000 : (long)v;
}

CRTAPI long long llround(double x) { return to_ll(round(x), -0x1p63, 0x1p63); }

CRTAPI long lrint(double x)
{
    long long v = to_ll(rint(x), -0x1p31, 0x1p31);

    return v == (long long)0x8000000000000000ULL ? (long)0x80000000 : (long)v;
}

CRTAPI long long llrint(double x) { return to_ll(rint(x), -0x1p63, 0x1p63); }
