/* Reduction of a large trigonometric argument: x = n pi/2 + r with
 * |r| <= pi/4, for |x| >= 2^28, by multiplying x exactly with the bits
 * of 2/pi it needs (Payne and Hanek's method): only a window of 192 bits
 * around x's exponent matters, as the bits before it give multiples of 4
 * and those after it give less than x's last bit. */
#include "libm.h"

typedef unsigned __int128 u128;

/* 2/pi = 0.a2f9836e... in hexadecimal: bits 1..1280 after the point. */
static const uint64_t two_over_pi[20] = {
    0xa2f9836e4e441529ULL, 0xfc2757d1f534ddc0ULL, 0xdb6295993c439041ULL,
    0xfe5163abdebbc561ULL, 0xb7246e3a424dd2e0ULL, 0x06492eea09d1921cULL,
    0xfe1deb1cb129a73eULL, 0xe88235f52ebb4484ULL, 0xe99c7026b45f7e41ULL,
    0x3991d639835339f4ULL, 0x9c845f8bbdf9283bULL, 0x1ff897ffde05980fULL,
    0xef2f118b5a0a6d1fULL, 0x6d367ecf27cb09b7ULL, 0x4f463f669e5fea2dULL,
    0x7527bac7ebe5f17bULL, 0x3d0739f78a5292eaULL, 0x6bfb5fb11f8d5d08ULL,
    0x56033046fc7b6babULL, 0xf0cfbc209af4361dULL,
};

/* The 64 bits of 2/pi from bit k (k >= 1) on. */
static uint64_t bits_from(int k)
{
    int i = (k - 1) / 64, o = (k - 1) % 64;

    return two_over_pi[i] << o | (o ? two_over_pi[i + 1] >> (64 - o) : 0);
}

/* 2^n as an extended-precision number, -16382 <= n <= 16383. */
static ldouble pow2_l(int n)
{
    union { ldouble l; struct { uint64_t m; uint16_t e; } p; } u = { 0 };

    u.p.m = 1ULL << 63;
    u.p.e = (uint16_t)(n + 16383);
    return u.l;
}

/* The 64 bits of p[0..3] (little-endian limbs) starting at bit `at`. */
static uint64_t limbs_at(const uint64_t *p, int at)
{
    int i = at / 64, o = at % 64;
    uint64_t lo = p[i] >> o;

    return o && i < 3 ? lo | p[i + 1] << (64 - o) : lo;
}

int crt_reduce_large(double x, ldouble *r)
{
    uint64_t m = (dbits(x) & ((1ULL << 52) - 1)) | 1ULL << 52, w[3], p[4] = { 0 };
    int e = EXP_BITS(x) - 1075, k0 = e - 2 > 1 ? e - 2 : 1, fb, q, lz, neg = 0;
    u128 frac, acc = 0;
    ldouble v;

    w[2] = bits_from(k0);
    w[1] = bits_from(k0 + 64);
    w[0] = bits_from(k0 + 128);
    for (int i = 0; i < 3; i++) {     /* p = m * w, 256 bits */
        acc += (u128)m * w[i];
        p[i] = (uint64_t)acc;
        acc >>= 64;
    }
    p[3] = (uint64_t)acc;
    fb = k0 + 191 - e;                /* bits after the binary point */
    q = (int)(limbs_at(p, fb) & 3);
    frac = (u128)limbs_at(p, fb - 64) << 64 | limbs_at(p, fb - 128);
    if (frac >> 127) {                /* past 1/2: r < 0, next quadrant */
        frac = -frac;
        neg = 1;
        q++;
    }
    lz = frac >> 64 ? __builtin_clzll((uint64_t)(frac >> 64))
                    : 64 + __builtin_clzll((uint64_t)frac | 1);
    v = (ldouble)(uint64_t)((frac << lz) >> 64) * pow2_l(-64 - lz);
    v *= 0x1.921fb54442d18469898cc51701b8p0L;       /* pi/2 */
    if (neg != SIGN_BIT(x))           /* x < 0: -(q pi/2 + r) */
        v = -v;
    if (SIGN_BIT(x))
        q = -q;
    *r = v;
    return q & 3;
}
