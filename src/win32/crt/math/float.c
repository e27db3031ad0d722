/* The float functions: the double function, rounded to float.  A result
 * that overflows or underflows only as a float is a range error too. */
#include "libm.h"

static float narrow(double d)
{
    float f = (float)d;

    if ((is_finite(d) && (fbits(f) & 0x7FFFFFFF) == 0x7F800000) || (d != 0 && f == 0))
        crt_set_errno(ERANGE);
    return f;
}

#define F1(name) \
    CRTAPI float name##f(float x) { return narrow(name(x)); }
#define F2(name) \
    CRTAPI float name##f(float x, float y) { return narrow(name(x, y)); }

F1(sin) F1(cos) F1(tan) F1(asin) F1(acos) F1(atan) F2(atan2)
F1(sinh) F1(cosh) F1(tanh) F1(asinh) F1(acosh) F1(atanh)
F1(exp) F1(exp2) F1(expm1) F1(log) F1(log2) F1(log10) F1(log1p) F2(pow)
F1(sqrt) F1(cbrt) F2(_hypot) F2(fmod) F2(remainder) F2(fdim) F2(fmax) F2(fmin)
F1(ceil) F1(floor) F1(trunc) F1(round) F1(rint) F1(nearbyint) F1(logb)
F2(copysign) F1(_chgsign)

CRTAPI float fmaf(float x, float y, float z) { return narrow(fma(x, y, z)); }
CRTAPI float remquof(float x, float y, int *q) { return narrow(remquo(x, y, q)); }
CRTAPI long lroundf(float x) { return lround(x); }
CRTAPI long lrintf(float x) { return lrint(x); }
CRTAPI long long llroundf(float x) { return llround(x); }
CRTAPI long long llrintf(float x) { return llrint(x); }
CRTAPI int ilogbf(float x) { return ilogb(x); }
CRTAPI int _finitef(float x) { return _finite(x); }
CRTAPI int _isnanf(float x) { return _isnan(x); }
CRTAPI int _fpclassf(float x) { return _fpclass(x); }
CRTAPI float frexpf(float x, int *e) { return (float)frexp(x, e); }
CRTAPI float ldexpf(float x, int n) { return narrow(scalbn(x, n)); }
CRTAPI float scalbnf(float x, int n) { return narrow(scalbn(x, n)); }
CRTAPI float scalblnf(float x, long n) { return narrow(scalbln(x, n)); }
CRTAPI float _logbf(float x) { return logbf(x); }
/* The next float (not the next double, rounded); MSVC's long double is
 * a double, so nexttowardf takes one. */
CRTAPI float nexttowardf(float x, double y)
{
    uint32_t u = fbits(x);

    if (is_nan(x) || is_nan(y))
        return (float)(x + y);
    if (x == y)
        return (float)y;
    if (x == 0)
        return from_fbits((dbits(y) >> 32 & 0x80000000) | 1);
    u += ((x < y) == (x > 0)) ? 1 : -1;
    return from_fbits(u);
}

CRTAPI float nextafterf(float x, float y) { return nexttowardf(x, y); }
CRTAPI float _nextafterf(float x, float y) { return nexttowardf(x, y); }

CRTAPI float modff(float x, float *ip)
{
    double i, f = modf(x, &i);

    *ip = (float)i;
    return (float)f;
}

CRTAPI double erf(double), erfc(double), lgamma(double), tgamma(double);
F1(erf) F1(erfc) F1(lgamma) F1(tgamma)
