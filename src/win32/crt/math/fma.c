/* fma(x, y, z) = x * y + z rounded once (to nearest, ties to even): the
 * 106-bit product and z are added exactly in 128-bit integers, what is
 * shifted out below them kept as a sticky bit. */
#include "libm.h"

typedef unsigned __int128 u128;

struct wide {
    u128 m;     /* value = m * 2^e */
    int e;
    int neg;
};

static int top_bit(u128 v)
{
    uint64_t hi = (uint64_t)(v >> 64);

    return hi ? 127 - __builtin_clzll(hi) : 63 - __builtin_clzll((uint64_t)v);
}

/* A finite nonzero double as m * 2^e, m below 2^53. */
static void split(double x, uint64_t *m, int *e)
{
    int be = EXP_BITS(x);

    *m = dbits(x) & ((1ULL << 52) - 1);
    if (be)
        *m |= 1ULL << 52;
    else
        be = 1;
    *e = be - 1075;
}

/* Puts the top bit at position 125, leaving room to add. */
static void normalize(struct wide *w)
{
    int s = 125 - top_bit(w->m);

    w->m <<= s;
    w->e -= s;
}

static u128 shift_right_sticky(u128 v, int n)
{
    if (n <= 0)
        return v;
    if (n >= 128)
        return v != 0;
    return (v >> n) | ((v & (((u128)1 << n) - 1)) != 0);
}

/* Rounds m * 2^e (m nonzero) to the nearest double.  Overflow and
 * underflow leave errno alone, as the UCRT's fma (the FMA3 instruction)
 * does. */
static double round_to_double(u128 m, int e, int neg)
{
    int top = top_bit(m), exp = top + e, drop = top - 52;
    uint64_t q;
    u128 rest, half;

    if (exp > 1023)
        return neg ? -HUGE_VALD : HUGE_VALD;
    if (exp < -1022)
        drop += -1022 - exp;        /* subnormal: fewer mantissa bits */
    if (drop > 127)
        return neg ? -0.0 : 0.0;
    if (drop <= 0) {
        q = (uint64_t)(m << -drop);
    } else {
        rest = m & (((u128)1 << drop) - 1);
        half = (u128)1 << (drop - 1);
        q = (uint64_t)(m >> drop);
        if (rest > half || (rest == half && (q & 1)))
            q++;
    }
    /* q * 2^(e + drop), exact: q fits 53 bits (2^53 after a carry) */
    return scalbn(neg ? -(double)q : (double)q, e + drop);
}

CRTAPI double fma(double x, double y, double z)
{
    struct wide p, s;
    uint64_t mx, my, mz;
    int ex, ey, ez, d;

    if (!is_finite(x) || !is_finite(y))
        return x * y + z;
    if (!is_finite(z))
        return z;
    if (x == 0 || y == 0)
        return x * y + z;
    if (z == 0)
        return x * y;
    split(x, &mx, &ex);
    split(y, &my, &ey);
    split(z, &mz, &ez);
    p = (struct wide){ (u128)mx * my, ex + ey, SIGN_BIT(x) ^ SIGN_BIT(y) };
    s = (struct wide){ mz, ez, SIGN_BIT(z) };
    normalize(&p);
    normalize(&s);
    if (p.e < s.e) {
        struct wide t = p;
        p = s;
        s = t;
    }
    d = p.e - s.e;
    s.m = shift_right_sticky(s.m, d);
    if (p.neg == s.neg) {
        p.m += s.m;
    } else if (p.m >= s.m) {
        p.m -= s.m;
    } else {
        p.m = s.m - p.m;
        p.neg = s.neg;
    }
    if (!p.m)
        return 0.0;     /* exact cancellation: +0 when rounding to nearest */
    return round_to_double(p.m, p.e, p.neg);
}
