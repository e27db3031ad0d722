/* $I10_OUTPUT: msvcrt's decimal digits of an 80-bit long double, the
 * helper its old printf used.  The value arrives by value (a 10-byte
 * struct, so by reference on x64).  The result is
 *   value = 0.str * 10^pos,  str without trailing zeros, len = strlen(str)
 * with `size` significant digits, or `size` digits after the decimal
 * point when flags bit 0 is set; at most 21 digits.  The digits are
 * produced one past the kept ones (the rounding digit) before the
 * trailing zeros are cut, so the buffer holds up to 22 characters.
 * Infinities and NaNs give "1#INF", "1#QNAN" or "1#SNAN" and return 0. */
#include "crt.h"
#include "fmt_decimal.h"

#define I10_MAX_DIGITS 21
#define LD_BIAS 16383

struct ld80 {
    uint64_t mant;      /* explicit integer bit at bit 63 */
    uint16_t sign_exp;
} __attribute__((packed));

struct i10_out {
    short pos;
    char sign;
    unsigned char len;
    char str[100];
};

static int i10_special(uint64_t mant, struct i10_out *out)
{
    uint64_t frac = mant & ~(1ULL << 63);
    const char *s = !frac ? "1#INF" : frac >> 62 ? "1#QNAN" : "1#SNAN";

    out->pos = 1;
    out->len = (unsigned char)strlen(s);
    memcpy(out->str, s, out->len + 1);
    return 0;
}

static void i10_zero(struct i10_out *out)
{
    out->pos = 0;
    out->len = 1;
    memcpy(out->str, "0", 2);
}

/* Exponents beyond what the exact conversion's big integers hold: the
 * leading digits through long double arithmetic (rare, not exact). */
static void dec_from_ld_scaled(struct ld80 v, struct decimal *d)
{
    union { long double f; struct ld80 b; } u = { 0 };
    long double x;
    int p = 0;

    u.b.mant = v.mant;
    u.b.sign_exp = v.sign_exp & 0x7FFF;
    x = u.f;
    for (; x >= 1e100L; p += 100) x /= 1e100L;
    for (; x < 1e-100L; p -= 100) x *= 1e100L;
    for (; x >= 1; p++) x /= 10;
    for (; x < 0.1L; p--) x *= 10;
    d->exp = p;
    for (d->n = 0; d->n < I10_MAX_DIGITS + 2; d->n++) {
        int digit = (int)(x *= 10);
        d->d[d->n] = (char)('0' + digit);
        x -= digit;
    }
}

static void dec_from_ld(struct ld80 v, struct decimal *d)
{
    int e = v.sign_exp & 0x7FFF;
    int e2 = (e ? e : 1) - LD_BIAS - 63;

    if (e2 > 3000 || e2 < -4000)
        dec_from_ld_scaled(v, d);
    else
        dec_from_binary(v.mant, e2, d);
}

CRTAPI int I10_OUTPUT(struct ld80 v, int size, int flags, struct i10_out *out)
{
    struct decimal d;
    int ndigits;

    out->sign = v.sign_exp & 0x8000 ? '-' : ' ';
    if ((v.sign_exp & 0x7FFF) == 0x7FFF)
        return i10_special(v.mant, out);
    if (!v.mant) {
        i10_zero(out);
        return 1;
    }
    dec_from_ld(v, &d);
    ndigits = (flags & 1) ? d.exp + size : size;
    if (ndigits > I10_MAX_DIGITS)
        ndigits = I10_MAX_DIGITS;
    if (!d.n || ndigits < 0) {
        i10_zero(out);
        return 1;
    }
    for (int i = 0; i <= ndigits; i++)
        out->str[i] = dec_digit(&d, i);
    dec_round(&d, ndigits, 0);
    if (!d.n) {
        i10_zero(out);
        return 1;
    }
    memcpy(out->str, d.d, d.n);
    out->str[d.n] = 0;
    out->len = (unsigned char)d.n;
    out->pos = (short)d.exp;
    return 1;
}
