/* String to double, correctly rounded (round-half-even on the exact
 * value).  The decimal significand D and exponent e are turned into the
 * exact ratio num/den = D * 10^e, scaled by 2^s so that the integer
 * quotient q has exactly 64 bits; q, the remainder (sticky) and s give
 * the double.  msvcrt.dll's strtod reads decimal only: no hex, INF or
 * NAN (those came with the UCRT). */
#include "crt.h"

CRTAPI double scalbn(double, int);

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

/* The target format: significand bits and the normal exponent range. */
struct fp_fmt {
    int mant, emin, emax;
};
static const struct fp_fmt target_double = { 53, -1022, 1023 };
static const struct fp_fmt target_float = { 24, -126, 127 };

/* Rounds q (top bit 63 set) * 2^(-s) to the format, half to even (the
 * sticky bit says something non-zero lies below q); the result is a
 * double holding exactly that value, or +-0 / +-inf with *range set. */
static double assemble(uint64_t q, int sticky, int s, int neg, int *range,
                       const struct fp_fmt *f)
{
    int e = 63 - s, drop = 64 - f->mant;
    uint64_t m, half, rest;
    double r;

    if (e < f->emin)
        drop += f->emin - e;
    if (drop >= 64) {
        m = 0;
        rest = drop == 64 ? q : (q != 0);
        half = drop == 64 ? 1ULL << 63 : 2;
    } else {
        m = q >> drop;
        rest = q & ((1ULL << drop) - 1);
        half = 1ULL << (drop - 1);
    }
    if (rest > half || (rest == half && (sticky || (m & 1))))
        m++;
    if (!m) {
        *range = 1;
        return neg ? -0.0 : 0.0;
    }
    if (m >> f->mant)
        m >>= 1, drop++;
    if (63 - __builtin_clzll(m) + drop - s > f->emax) {
        *range = 1;
        return neg ? -__builtin_inf() : __builtin_inf();
    }
    r = scalbn((double)m, drop - s);
    return neg ? -r : r;
}

static double convert(const struct dec_in *in, int *range, const struct fp_fmt *f)
{
    struct big num, den, t;
    long e10 = in->e - in->n;
    uint64_t q = 0;
    int s;

    if (!in->n)
        return in->neg ? -0.0 : 0.0;
    if (in->e > 310) {
        *range = 1;
        return in->neg ? -__builtin_inf() : __builtin_inf();
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
    return assemble(q, !big_is_zero(&num), s, in->neg, range, f);
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

/* Parses [ws][sign]digits[.digits][(e|E|d|D)[sign]digits] (no d or D in
 * C99 mode).  Returns the index past the number, or 0 if there is none. */
static size_t parse_dec(const void *s, int w, struct dec_in *in, int c99)
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
    if ((at(s, w, i) | 0x20) == 'e' || (!c99 && (at(s, w, i) | 0x20) == 'd')) {
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

/* ---- the UCRT's C99 forms: hexadecimal, INF/INFINITY, NAN(...) ---- */

static int lower_at(const void *s, int w, size_t i)
{
    unsigned c = at(s, w, i);

    return c >= 'A' && c <= 'Z' ? (int)c + 32 : (int)c;
}

/* Whether the letters of word start at i, ignoring case. */
static int word_at(const void *s, int w, size_t i, const char *word)
{
    for (; *word; word++, i++)
        if (lower_at(s, w, i) != *word)
            return 0;
    return 1;
}

static int hex_value(unsigned c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? (int)(c - 'a' + 10) : -1;
}

/* 0x hexdigits [. hexdigits] [p [sign] digits], from just after "0x";
 * the value exactly as q * 2^-s with a sticky bit. */
static size_t parse_hex(const void *s, int w, size_t i, double *out, int neg,
                        int *range, const struct fp_fmt *f)
{
    uint64_t q = 0;
    long e2 = 0, pe = 0;
    int sticky = 0, any = 0, point = 0, d, pneg = 0;
    size_t mark;

    for (;; i++) {
        if (at(s, w, i) == '.' && !point) {
            point = 1;
            continue;
        }
        if ((d = hex_value(at(s, w, i))) < 0)
            break;
        any = 1;
        if (q >> 60)
            sticky |= d != 0, e2 += point ? 0 : 4;
        else
            q = q << 4 | (uint64_t)d, e2 -= point ? 4 : 0;
    }
    if (!any)
        return 0;
    mark = i;
    if (lower_at(s, w, i) == 'p') {
        i++;
        if (at(s, w, i) == '-' || at(s, w, i) == '+')
            pneg = at(s, w, i++) == '-';
        if (hex_value(at(s, w, i)) < 0 || at(s, w, i) > '9')
            i = mark;
        else
            for (; at(s, w, i) >= '0' && at(s, w, i) <= '9'; i++)
                if (pe < 100000)
                    pe = pe * 10 + (at(s, w, i) - '0');
    }
    e2 += pneg ? -pe : pe;
    if (!q) {
        *out = neg ? -0.0 : 0.0;
        return i;
    }
    d = __builtin_clzll(q);
    *out = assemble(q << d, sticky, (int)(d - e2 > 100000 ? 100000 : d - e2 < -100000 ? -100000 : d - e2),
                    neg, range, f);
    return i;
}

/* After the sign: a hexadecimal number, an infinity or a NaN; returns
 * the index past it, or 0 if it is none of those. */
static size_t parse_c99(const void *s, int w, size_t i, int neg, double *out,
                        int *range, const struct fp_fmt *f)
{
    union { uint64_t u; double d; } nan = { 0x7FF8000000000000ULL };

    if (at(s, w, i) == '0' && lower_at(s, w, i + 1) == 'x')
        return parse_hex(s, w, i + 2, out, neg, range, f);
    if (word_at(s, w, i, "inf")) {
        *out = neg ? -__builtin_inf() : __builtin_inf();
        return i + (word_at(s, w, i, "infinity") ? 8 : 3);
    }
    if (!word_at(s, w, i, "nan"))
        return 0;
    i += 3;
    if (at(s, w, i) == '(') {
        size_t k = i + 1;
        while (lower_at(s, w, k) == '_' || (lower_at(s, w, k) >= 'a' && lower_at(s, w, k) <= 'z') ||
               (at(s, w, k) >= '0' && at(s, w, k) <= '9'))
            k++;
        if (at(s, w, k) == ')')
            i = k + 1;
    }
    nan.u |= (uint64_t)neg << 63;
    *out = nan.d;
    return i;
}

#define MODE_C99 1
#define MODE_FLOAT 2

static double strtod_mode(const void *s, int w, void **end, int mode)
{
    const struct fp_fmt *f = mode & MODE_FLOAT ? &target_float : &target_double;
    struct dec_in in;
    size_t i = 0, n = 0;
    int range = 0, neg = 0;
    double v = 0.0;

    if (!s) {   /* both runtimes validate the string: EINVAL, end NULL */
        if (end)
            *end = NULL;
        crt_set_errno(EINVAL);
        crt_invalid_parameter();
        return 0.0;
    }
    if (mode & MODE_C99) {
        while (w ? iswspace((wint)at(s, w, i)) : isspace((int)at(s, w, i)))
            i++;
        if (at(s, w, i) == '-' || at(s, w, i) == '+')
            neg = at(s, w, i++) == '-';
        n = parse_c99(s, w, i, neg, &v, &range, f);
        if (!n && at(s, w, i) == '0' && lower_at(s, w, i + 1) == 'x')
            n = i + 1;      /* "0x" without digits: the "0" */
    }
    if (!n) {
        n = parse_dec(s, w, &in, mode & MODE_C99);
        if (n)
            v = convert(&in, &range, f);
    }
    if (end)
        *end = (char *)s + n * (w ? 2 : 1);
    if (range)
        crt_set_errno(ERANGE);
    return v;
}

static double strtod_any(const void *s, int w, void **end)
{
    return strtod_mode(s, w, end, 0);
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
    return (float)strtod_mode(s, 0, (void **)end, MODE_FLOAT);
}

CRTAPI int _atodbl(double *out, char *s)
{
    *out = strtod_any(s, 0, NULL);
    return 0;
}

/* The UCRT's: C99 syntax (hexadecimal, INF, NAN), no 'd' exponent. */
CRTAPI double ucrt_strtod(const char *s, char **end)
{
    return strtod_mode(s, 0, (void **)end, MODE_C99);
}

CRTAPI double ucrt_wcstod(const wchar *s, wchar **end)
{
    return strtod_mode(s, 1, (void **)end, MODE_C99);
}

CRTAPI float ucrt_strtof(const char *s, char **end)
{
    return (float)strtod_mode(s, 0, (void **)end, MODE_C99 | MODE_FLOAT);
}

CRTAPI float ucrt_wcstof(const wchar *s, wchar **end)
{
    return (float)strtod_mode(s, 1, (void **)end, MODE_C99 | MODE_FLOAT);
}

CRTAPI double ucrt_atof(const char *s) { return strtod_mode(s, 0, NULL, MODE_C99); }
CRTAPI double ucrt_wtof(const wchar *s) { return strtod_mode(s, 1, NULL, MODE_C99); }

/* _atoflt: a float into *out; 0, or _OVERFLOW (3) / _UNDERFLOW (4). */
CRTAPI int _atoflt(float *out, const char *s)
{
    union { float f; uint32_t u; } v;

    v.f = (float)strtod_mode(s, 0, NULL, MODE_FLOAT);
    *out = v.f;
    if ((v.u & 0x7FFFFFFF) == 0x7F800000)
        return 3;
    return v.f == 0 && strtod_mode(s, 0, NULL, 0) != 0 ? 4 : 0;
}
