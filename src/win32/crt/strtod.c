/* String to double, correctly rounded (round-half-even on the exact
 * value).  The decimal significand D and exponent e are turned into the
 * exact ratio num/den = D * 10^e, scaled by 2^s so that the integer
 * quotient q has exactly 64 bits; q, the remainder (sticky) and s give
 * the double.  msvcrt.dll's strtod reads decimal only: no hex, INF or
 * NAN (those came with the UCRT). */
#include "crt.h"

#define MAX_SIG 800

struct dec_in {
    char d[MAX_SIG + 1];
    int n;
    long e;             /* value = 0.d[0]d[1]... * 10^e */
    int neg;
};

static void pow10_mul(struct big *b, long e)
{
    for (; e >= 9; e -= 9)
        big_mul_small(b, 1000000000);
    for (; e > 0; e--)
        big_mul_small(b, 10);
}

/* Rounds q (top bit 63 set) * 2^(-s) to a double. */
static double assemble(uint64_t q, int sticky, int s, int neg, int *range)
{
    int e = 63 - s;             /* value in [2^e, 2^(e+1)) */
    int drop = 11;
    union { double f; uint64_t u; } r;
    uint64_t m, half, rest;

    if (e < -1022)
        drop += -1022 - e;
    if (drop > 64) {
        m = 0;
        rest = 1;   /* far below half of the smallest subnormal */
        half = 2;
    } else {
        m = drop == 64 ? 0 : q >> drop;
        rest = drop == 64 ? q : q & ((1ULL << drop) - 1);
        half = 1ULL << (drop - 1);
    }
    if (rest > half || (rest == half && (sticky || (m & 1))))
        m++;
    if (e < -1022) {
        /* subnormal; a carry into bit 52 makes it the smallest normal */
        r.u = m;
        if (!m)
            *range = 1;
    } else {
        if (m >> 53) {
            m >>= 1;
            e++;
        }
        if (e > 1023) {
            *range = 1;
            r.u = 0x7FF0000000000000ULL;
        } else {
            r.u = (uint64_t)(e + 1023) << 52 | (m & ((1ULL << 52) - 1));
        }
    }
    if (neg)
        r.u |= 1ULL << 63;
    return r.f;
}

static double convert(const struct dec_in *in, int *range)
{
    struct big num, den, t;
    long e10 = in->e - in->n;
    uint64_t q = 0;
    int s;

    if (!in->n)
        return in->neg ? -0.0 : 0.0;
    if (in->e > 310) {
        *range = 1;
        return assemble(1ULL << 63, 0, -2000, in->neg, range);
    }
    if (in->e < -330) {
        *range = 1;
        return in->neg ? -0.0 : 0.0;
    }
    big_set(&num, 0);
    for (int i = 0; i < in->n; i++) {
        big_mul_small(&num, 10);
        big_add_small(&num, in->d[i] - '0');
    }
    big_set(&den, 1);
    pow10_mul(e10 >= 0 ? &num : &den, e10 >= 0 ? e10 : -e10);
    s = 63 - (big_bits(&num) - big_bits(&den));
    if (s > 0)
        big_shl(&num, s);
    else
        big_shl(&den, -s);
    t = den;
    big_shl(&t, 63);
    while (big_cmp(&num, &t) < 0) {
        big_shl(&num, 1);
        s++;
    }
    for (int bit = 63; bit >= 0; bit--) {
        t = den;
        big_shl(&t, bit);
        if (big_cmp(&num, &t) >= 0) {
            big_sub(&num, &t);
            q |= 1ULL << bit;
        }
    }
    return assemble(q, !big_is_zero(&num), s, in->neg, range);
}

static unsigned at(const void *s, int w, size_t i)
{
    return w ? ((const wchar *)s)[i] : ((const unsigned char *)s)[i];
}

static int is_digit(unsigned c) { return c >= '0' && c <= '9'; }

/* Collects the significant digits; digits past MAX_SIG only matter as a
 * non-zero "sticky" digit, which keeps halfway cases exact. */
static void add_digit(struct dec_in *in, unsigned c, int before_point)
{
    if (!in->n && c == '0') {
        if (!before_point)
            in->e--;
        return;
    }
    if (in->n < MAX_SIG)
        in->d[in->n++] = (char)c;
    else if (c != '0')
        in->d[MAX_SIG] = '1';
    if (before_point)
        in->e++;
}

/* Parses [ws][sign]digits[.digits][(e|E|d|D)[sign]digits].  Returns the
 * index past the number, or 0 if there is none. */
static size_t parse_dec(const void *s, int w, struct dec_in *in)
{
    size_t i = 0, mark;
    int any = 0;

    in->n = 0, in->e = 0, in->neg = 0, in->d[MAX_SIG] = 0;
    while (w ? iswspace((wint)at(s, w, i)) : isspace((int)at(s, w, i)))
        i++;
    if (at(s, w, i) == '-' || at(s, w, i) == '+')
        in->neg = at(s, w, i++) == '-';
    for (; is_digit(at(s, w, i)); i++, any = 1)
        add_digit(in, at(s, w, i), 1);
    if (at(s, w, i) == '.') {
        for (i++; is_digit(at(s, w, i)); i++, any = 1)
            add_digit(in, at(s, w, i), 0);
    }
    if (!any)
        return 0;
    if (in->n == MAX_SIG && in->d[MAX_SIG])
        in->n = MAX_SIG + 1;
    mark = i;
    if ((at(s, w, i) | 0x20) == 'e' || (at(s, w, i) | 0x20) == 'd') {
        long ev = 0;
        int eneg = 0;
        i++;
        if (at(s, w, i) == '-' || at(s, w, i) == '+')
            eneg = at(s, w, i++) == '-';
        if (!is_digit(at(s, w, i)))
            return mark;
        for (; is_digit(at(s, w, i)); i++)
            if (ev < 100000)
                ev = ev * 10 + (at(s, w, i) - '0');
        in->e += eneg ? -ev : ev;
    }
    return i;
}

static double strtod_any(const void *s, int w, void **end)
{
    struct dec_in in;
    size_t n = parse_dec(s, w, &in);
    int range = 0;
    double v;

    if (end)
        *end = (char *)s + n * (w ? 2 : 1);
    if (!n)
        return 0.0;
    v = convert(&in, &range);
    if (range)
        crt_set_errno(ERANGE);
    return v;
}

double crt_strtod(const char *s, char **end, int *range_err)
{
    return strtod_any(s, 0, (void **)end);
}

CRTAPI double strtod(const char *s, char **end)
{
    return strtod_any(s, 0, (void **)end);
}

CRTAPI double wcstod(const wchar *s, wchar **end)
{
    return strtod_any(s, 1, (void **)end);
}

CRTAPI double atof(const char *s) { return strtod_any(s, 0, NULL); }
CRTAPI double _wtof(const wchar *s) { return strtod_any(s, 1, NULL); }

CRTAPI float strtof(const char *s, char **end)
{
    return (float)strtod_any(s, 0, (void **)end);
}

CRTAPI int _atodbl(double *out, char *s)
{
    *out = strtod_any(s, 0, NULL);
    return 0;
}
