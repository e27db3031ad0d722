/* The status-returning conversions: _atodbl, _atoflt, _atoldbl and
 * __STRINGTOLD, which fill a caller's structure and report range errors
 * in their result instead of errno.  _LDOUBLE is the x87 80-bit format:
 * 64-bit significand with explicit integer bit, then 15-bit biased
 * exponent and the sign, little-endian. */
#include "crt.h"

/* <math.h>'s codes, which _atodbl and its siblings return. */
#define ATO_OVERFLOW 3
#define ATO_UNDERFLOW 4

/* __STRINGTOLD's result flags. */
#define SLD_UNDERFLOW 1
#define SLD_OVERFLOW 2
#define SLD_NODIGITS 4

#define LD_BIAS 16383

/* 0, or _OVERFLOW for an infinity, _UNDERFLOW for a non-zero number
 * that became zero or denormal. */
static int ato_status(const struct fp_result *r, const struct fp_fmt *f)
{
    if (r->range == FP_OVERFLOW)
        return ATO_OVERFLOW;
    if (r->range == FP_UNDERFLOW || (r->m && 63 - __builtin_clzll(r->m) < f->mant - 1))
        return ATO_UNDERFLOW;
    return 0;
}

CRTAPI int _atodbl(double *out, const char *s)
{
    struct fp_result r;

    crt_parse_fp(s, &crt_fp_double, &r);
    *out = crt_fp_to_double(&r);
    return ato_status(&r, &crt_fp_double);
}

CRTAPI int _atoflt(float *out, const char *s)
{
    struct fp_result r;

    crt_parse_fp(s, &crt_fp_float, &r);
    *out = (float)crt_fp_to_double(&r);
    return ato_status(&r, &crt_fp_float);
}

static void ld_store(unsigned char out[10], const struct fp_result *r)
{
    uint64_t m = r->m;
    unsigned top = 0;

    if (r->range == FP_OVERFLOW)
        m = 1ULL << 63, top = 0x7FFF;
    else if (m >> 63)
        top = (unsigned)(r->e2 + 63 + LD_BIAS);
    top |= (unsigned)r->neg << 15;
    for (int i = 0; i < 8; i++)
        out[i] = (unsigned char)(m >> (8 * i));
    out[8] = (unsigned char)top;
    out[9] = (unsigned char)(top >> 8);
}

/* The status follows __STRINGTOLD's flags: a denormal result is no
 * underflow here, only one that became zero. */
CRTAPI int _atoldbl(unsigned char *out, const char *s)
{
    struct fp_result r;

    crt_parse_fp(s, &crt_fp_ldouble, &r);
    ld_store(out, &r);
    return r.range == FP_OVERFLOW ? ATO_OVERFLOW : r.range == FP_UNDERFLOW ? ATO_UNDERFLOW : 0;
}

/* Stores the value at *out and the end of the number at *end; flags
 * select nothing we know of.  Never touches errno. */
CRTAPI int __STRINGTOLD(unsigned char *out, const char **end, const char *s, int flags)
{
    struct fp_result r;
    size_t n = crt_parse_fp(s, &crt_fp_ldouble, &r);

    (void)flags;
    ld_store(out, &r);
    if (end)
        *end = s + n;
    if (!n)
        return SLD_NODIGITS;
    return r.range == FP_OVERFLOW ? SLD_OVERFLOW : r.range == FP_UNDERFLOW ? SLD_UNDERFLOW : 0;
}
