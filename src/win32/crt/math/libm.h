/* The math library's private helpers.  Results are computed in the x87's
 * 80-bit format (64-bit mantissa: long double in this compiler) with the
 * x87's transcendental instructions, then rounded once to double, which
 * keeps the error of every function within about one unit in the last
 * place; the special values and errno follow C99 Annex F and the UCRT's
 * documentation (EDOM for a domain error, ERANGE for a pole, an overflow
 * or an underflow to zero). */
#ifndef LSW_CRT_LIBM_H
#define LSW_CRT_LIBM_H

#include "../crt.h"

typedef long double ldouble;

/* The x87's precision is the thread's own: Windows starts threads at 53
 * bits (control word 0x27F), where ldouble arithmetic would lose the
 * extended precision these functions are built on.  X87_EXTENDED at the
 * top of a function computing in ldouble sets 64 bits for its body and
 * gives the caller's control word back when it returns. */
static inline unsigned short crt_x87_extended_begin(void)
{
    unsigned short old, x;

    __asm__ volatile("fnstcw %0" : "=m"(old) : : "memory");
    x = old | 0x300;
    if (x != old)
        __asm__ volatile("fldcw %0" : : "m"(x) : "memory");
    return old;
}

static inline void crt_x87_extended_end(unsigned short *old)
{
    __asm__ volatile("fldcw %0" : : "m"(*old) : "memory");
}

#define X87_EXTENDED                                                          \
    unsigned short x87_caller_cw_ __attribute__((cleanup(crt_x87_extended_end))) = \
        crt_x87_extended_begin()

#define HUGE_VALD __builtin_inf()

static inline uint64_t dbits(double x)
{
    union { double d; uint64_t u; } v = { x };
    return v.u;
}

static inline double from_bits(uint64_t u)
{
    union { uint64_t u; double d; } v = { u };
    return v.d;
}

static inline uint32_t fbits(float x)
{
    union { float f; uint32_t u; } v = { x };
    return v.u;
}

static inline float from_fbits(uint32_t u)
{
    union { uint32_t u; float f; } v = { u };
    return v.f;
}

#define EXP_BITS(x) ((int)(dbits(x) >> 52 & 0x7FF))
#define SIGN_BIT(x) ((int)(dbits(x) >> 63))

static inline int is_nan(double x)
{
    return (dbits(x) & 0x7FFFFFFFFFFFFFFFULL) > 0x7FF0000000000000ULL;
}

static inline int is_inf(double x)
{
    return (dbits(x) & 0x7FFFFFFFFFFFFFFFULL) == 0x7FF0000000000000ULL;
}

static inline int is_finite(double x)
{
    return EXP_BITS(x) != 0x7FF;
}

/* Whether x is an integer, and an odd one (finite x only). */
int crt_is_integer(double x);
int crt_is_odd_integer(double x);

/* The results of errors: the x86 default NaN ("-nan(ind)") with EDOM,
 * and +-inf or 0 with ERANGE. */
double crt_domain_error(void);
double crt_range_error(double v);
/* An error of the legacy function name (NULL: a C99 one), told to the
 * program's matherr handler (matherr.c); returns the result to give. */
enum { MATH_DOMAIN = 1, MATH_SING, MATH_OVERFLOW, MATH_UNDERFLOW };
double crt_math_error(int type, const char *name, double a1, double a2, double ret);
#define DEFAULT_NAN from_bits(0xFFF8000000000000ULL)
/* NaN arguments give NaN, quieted. */
static inline double quiet(double x)
{
    return from_bits(dbits(x) | 0x0008000000000000ULL);
}
/* msvcrt.dll's atan, tanh and exp also call a NaN argument a domain
 * error (EDOM); ucrtbase's do not. */
static inline double quiet_edom_in_msvcrt(double x)
{
#ifndef CRT_UCRT
    crt_set_errno(EDOM);
#endif
    return quiet(x);
}

/* x87 primitives (libm_x87.c). */
ldouble crt_x87_log2(ldouble x);          /* log2 x, x > 0 */
ldouble crt_x87_log2p1(ldouble x);        /* log2(1 + x), |x| < 0.29 */
ldouble crt_x87_exp2(ldouble t);          /* 2^t, any finite t */
ldouble crt_x87_exp2m1(ldouble t);        /* 2^t - 1, |t| <= 1 */
ldouble crt_x87_atan2(ldouble y, ldouble x);
ldouble crt_x87_sqrt(ldouble x);
ldouble crt_x87_sin(ldouble r);           /* |r| <= pi/4 or so */
ldouble crt_x87_cos(ldouble r);
/* x = n * pi/2 + r, |r| <= pi/4; returns n mod 4. */
int crt_reduce_pi2(double x, ldouble *r);
int crt_reduce_large(double x, ldouble *r);     /* |x| >= 2^28 */

/* The library's double functions, as the float wrappers and the other
 * files call them. */
CRTAPI double sin(double), cos(double), tan(double), asin(double), acos(double);
CRTAPI double atan(double), atan2(double, double), sinh(double), cosh(double);
CRTAPI double tanh(double), asinh(double), acosh(double), atanh(double);
CRTAPI double exp(double), exp2(double), expm1(double), log(double);
CRTAPI double log2(double), log10(double), log1p(double), pow(double, double);
CRTAPI double sqrt(double), cbrt(double), _hypot(double, double);
CRTAPI double fmod(double, double), remainder(double, double);
CRTAPI double remquo(double, double, int *), fdim(double, double);
CRTAPI double fmax(double, double), fmin(double, double);
CRTAPI double fma(double, double, double), ceil(double), floor(double);
CRTAPI double trunc(double), round(double), rint(double), nearbyint(double);
CRTAPI long lround(double), lrint(double);
CRTAPI long long llround(double), llrint(double);
CRTAPI double frexp(double, int *), scalbn(double, int), scalbln(double, long);
CRTAPI double logb(double), modf(double, double *);
CRTAPI double copysign(double, double), _chgsign(double), fabs(double);
CRTAPI int ilogb(double), _finite(double), _isnan(double), _fpclass(double);

#define LN2_L 0x1.62e42fefa39ef358p-1L
#define LOG2E_L 0x1.71547652b82fe178p+0L

#endif
