/* Exact decimal expansion of a double.  Every finite double is a dyadic
 * rational, so its decimal expansion is finite (at most 767 significant
 * digits); we produce all of it with big-integer arithmetic and round
 * the digit string afterwards, which makes printf correctly rounded. */
#include "crt.h"
#include "fmt_decimal.h"

/* Removes and returns the bits of b at and above bit k (b < 10 * 2^k). */
static unsigned take_above(struct big *b, int k)
{
    int w = k / 32, s = k % 32;
    uint64_t hi;
    unsigned d;

    if (b->n <= w)
        return 0;
    hi = b->w[w] | (b->n > w + 1 ? (uint64_t)b->w[w + 1] << 32 : 0);
    d = (unsigned)(hi >> s);
    b->w[w] &= s ? (1u << s) - 1 : 0;
    if (b->n > w + 1)
        b->w[w + 1] = 0;
    while (b->n > 0 && !b->w[b->n - 1])
        b->n--;
    return d;
}

/* Decimal digits of an integer, most significant first. */
static int int_digits(struct big *b, char *out)
{
    char tmp[DEC_MAX_DIGITS];
    int n = 0;

    while (!big_is_zero(b) && n < DEC_MAX_DIGITS - 9) {
        uint32_t chunk = big_div_small(b, 1000000000);
        for (int i = 0; i < 9; i++, chunk /= 10)
            tmp[n++] = '0' + chunk % 10;
    }
    while (n > 0 && tmp[n - 1] == '0')
        n--;
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    return n;
}

void dec_from_double(double v, struct decimal *d)
{
    union { double f; uint64_t u; } bits = { v };
    int e2 = (int)(bits.u >> 52 & 0x7FF);
    uint64_t m = bits.u & ((1ULL << 52) - 1);

    if (e2)
        m |= 1ULL << 52;
    else
        e2 = 1;
    dec_from_binary(m, e2 - 1075, d);
}

/* value = m * 2^e2 (the 64-bit mantissa of an 80-bit long double fits). */
void dec_from_binary(uint64_t m, int e2, struct decimal *d)
{
    struct big b;

    d->n = 0;
    d->exp = 0;
    if (!m)
        return;
    if (e2 >= 0) {
        big_set(&b, m);
        big_shl(&b, e2);
        d->n = int_digits(&b, d->d);
        d->exp = d->n;
        goto trim;
    }
    /* value = ip + frac / 2^k */
    int k = -e2;
    uint64_t ip = k >= 64 ? 0 : m >> k;
    big_set(&b, ip);
    d->n = int_digits(&b, d->d);
    d->exp = d->n;
    big_set(&b, m);
    if (k < 64)
        big_set(&b, m & ((1ULL << k) - 1));
    while (!big_is_zero(&b) && d->n < DEC_MAX_DIGITS) {
        big_mul_small(&b, 10);
        unsigned digit = take_above(&b, k);
        if (d->n == 0 && digit == 0) {
            d->exp--;       /* leading zero of a value below 1 */
            continue;
        }
        d->d[d->n++] = (char)('0' + digit);
    }
trim:
    while (d->n > 0 && d->d[d->n - 1] == '0')
        d->n--;
}

/* Keeps `keep` significant digits (keep may be <= 0).  Exact ties round
 * away from zero, which is what msvcrt.dll does ("%.0f" of 0.5 is "1"),
 * or to the even digit when `even` (the UCRT's standard rounding: the
 * expansion is exact, so a tie is a 5 with nothing after it). */
void dec_round(struct decimal *d, int keep, int even)
{
    int up;

    if (keep >= d->n)
        return;
    if (keep < 0) {
        d->n = 0;
        return;
    }
    up = d->d[keep] >= '5';
    if (even && d->d[keep] == '5' && keep + 1 == d->n)
        up = keep > 0 && (d->d[keep - 1] - '0') % 2;
    d->n = keep;
    if (!up)
        goto trim;
    for (int i = keep - 1; i >= 0; i--) {
        if (d->d[i] != '9') {
            d->d[i]++;
            goto trim;
        }
        d->n = i;   /* a 9 rounded up becomes a trailing zero */
    }
    d->d[0] = '1';
    d->n = 1;
    d->exp++;
trim:
    while (d->n > 0 && d->d[d->n - 1] == '0')
        d->n--;
}

/* Digit at decimal position i counted from the first significant digit;
 * zeros outside the stored digits. */
char dec_digit(const struct decimal *d, int i)
{
    return i >= 0 && i < d->n ? d->d[i] : '0';
}
