/* Classification and the bit-level functions: fabs, copysign, the
 * _fpclass/_dclass families, frexp/ldexp/scalbn/logb/ilogb/modf,
 * nextafter and nan.  Exact: no rounding happens here but where a
 * result underflows (scalbn). */
#include "libm.h"

/* <float.h>'s _fpclass results. */
#define FPCLASS_SNAN 0x0001
#define FPCLASS_QNAN 0x0002
#define FPCLASS_NINF 0x0004
#define FPCLASS_NN 0x0008
#define FPCLASS_ND 0x0010
#define FPCLASS_NZ 0x0020
#define FPCLASS_PZ 0x0040
#define FPCLASS_PD 0x0080
#define FPCLASS_PN 0x0100
#define FPCLASS_PINF 0x0200
/* <math.h>'s fpclassify values, which _dclass returns. */
#define FP_NAN 2
#define FP_INFINITE 1
#define FP_ZERO 0
#define FP_SUBNORMAL (-2)
#define FP_NORMAL (-1)

CRTAPI double fabs(double x) { return from_bits(dbits(x) & ~(1ULL << 63)); }

CRTAPI double copysign(double x, double y)
{
    return from_bits((dbits(x) & ~(1ULL << 63)) | (dbits(y) & 1ULL << 63));
}

CRTAPI double _chgsign(double x) { return from_bits(dbits(x) ^ 1ULL << 63); }
CRTAPI int _finite(double x) { return is_finite(x); }
CRTAPI int _isnan(double x) { return is_nan(x); }

CRTAPI int _fpclass(double x)
{
    int neg = SIGN_BIT(x), e = EXP_BITS(x);
    uint64_t m = dbits(x) & ((1ULL << 52) - 1);

    if (e == 0x7FF)
        return !m ? (neg ? FPCLASS_NINF : FPCLASS_PINF)
                  : (m >> 51 ? FPCLASS_QNAN : FPCLASS_SNAN);
    if (!e)
        return !m ? (neg ? FPCLASS_NZ : FPCLASS_PZ) : (neg ? FPCLASS_ND : FPCLASS_PD);
    return neg ? FPCLASS_NN : FPCLASS_PN;
}

CRTAPI short _dclass(double x)
{
    int e = EXP_BITS(x);
    uint64_t m = dbits(x) & ((1ULL << 52) - 1);

    if (e == 0x7FF)
        return m ? FP_NAN : FP_INFINITE;
    if (!e)
        return m ? FP_SUBNORMAL : FP_ZERO;
    return FP_NORMAL;
}

CRTAPI short _fdclass(float x) { return _dclass(x); }
CRTAPI int _dsign(double x) { return SIGN_BIT(x) ? 0x8000 : 0; }
CRTAPI int _fdsign(float x) { return fbits(x) >> 31 ? 0x8000 : 0; }

/* _dtest classifies *x as _dclass does. */
CRTAPI short _dtest(const double *x) { return _dclass(*x); }
CRTAPI short _fdtest(const float *x) { return _dclass(*x); }

/* x = m * 2^e with 0.5 <= |m| < 1. */
CRTAPI double frexp(double x, int *e)
{
    int be = EXP_BITS(x);

    *e = 0;
    if (be == 0x7FF || x == 0)
        return x;
    if (!be) {
        x *= 0x1p64;
        be = EXP_BITS(x);
        *e = -64;
    }
    *e += be - 1022;
    return from_bits((dbits(x) & ~(0x7FFULL << 52)) | 1022ULL << 52);
}

/* x * 2^n in at most three exact steps, rounding once at the end; a
 * range error is one of the function name(x, n) (crt_math_error). */
static double scale(double x, long n, const char *name)
{
    double r = x, a2 = (double)n;

    if (n > 3000)
        n = 3000;
    if (n < -3000)
        n = -3000;
    while (n > 1023) {
        r *= 0x1p1023;
        n -= 1023;
    }
    while (n < -1022) {
        r *= 0x1p-1022 * 0x1p53;
        n += 1022 - 53;
    }
    r *= from_bits((uint64_t)(n + 1023) << 52);
    if (is_finite(x) && x != 0 && is_inf(r))
        return crt_math_error(MATH_OVERFLOW, name, x, a2, r);
    if (is_finite(x) && x != 0 && r == 0)
        return crt_math_error(MATH_UNDERFLOW, name, x, a2, r);
    return r;
}

CRTAPI double scalbn(double x, int n) { return scale(x, n, NULL); }
CRTAPI double scalbln(double x, long n) { return scale(x, n, NULL); }
CRTAPI double ldexp(double x, int n) { return scale(x, n, "ldexp"); }
CRTAPI double _scalb(double x, long n) { return scale(x, n, "_scalb"); }

#define FP_ILOGB0 (-0x7FFFFFFF - 1)
#define FP_ILOGBNAN 0x7FFFFFFF

CRTAPI int ilogb(double x)
{
    int e;

    if (x == 0) {
        crt_set_errno(EDOM);
        return FP_ILOGB0;
    }
    if (!is_finite(x)) {
        crt_set_errno(EDOM);
        return is_nan(x) ? FP_ILOGBNAN : 0x7FFFFFFF;
    }
    frexp(x, &e);
    return e - 1;
}

CRTAPI double logb(double x)
{
    if (is_nan(x))
        return quiet(x);
    if (is_inf(x))
        return fabs(x);
    if (x == 0)
        return crt_range_error(-HUGE_VALD);
    return ilogb(x);
}

CRTAPI double _logb(double x)
{
    if (x == 0)
        return crt_math_error(MATH_SING, "_logb", x, 0, -HUGE_VALD);
    return logb(x);
}

/* Integer and fraction parts, both with x's sign. */
CRTAPI double modf(double x, double *ip)
{
    int e = EXP_BITS(x) - 1023;
    uint64_t mask;

    if (e >= 52) {
        *ip = x;
        return is_nan(x) ? x : copysign(0.0, x);
    }
    if (e < 0) {
        *ip = copysign(0.0, x);
        return x;
    }
    mask = (1ULL << (52 - e)) - 1;
    *ip = from_bits(dbits(x) & ~mask);
    return copysign(x - *ip, x);
}

CRTAPI double nextafter(double x, double y)
{
    uint64_t u = dbits(x);
    double r;

    if (is_nan(x) || is_nan(y))
        return x + y;
    if (x == y)
        return y;
    if (x == 0)
        return from_bits((dbits(y) & 1ULL << 63) | 1);
    u += ((x < y) == (x > 0)) ? 1 : -1;
    r = from_bits(u);
    if (is_inf(r) || EXP_BITS(r) == 0)
        crt_set_errno(ERANGE);
    return r;
}

CRTAPI double nan(const char *tag) { return from_bits(0x7FF8000000000000ULL); }
CRTAPI float nanf(const char *tag) { return from_fbits(0x7FC00000); }

/* The comparisons behind <math.h>'s isgreater & co.: _FP_LT 1, _FP_EQ 2,
 * _FP_GT 4, 0 when unordered (a NaN). */
CRTAPI int _dpcomp(double x, double y)
{
    if (is_nan(x) || is_nan(y))
        return 0;
    return x < y ? 1 : x == y ? 2 : 4;
}

CRTAPI int _fdpcomp(float x, float y) { return _dpcomp(x, y); }
