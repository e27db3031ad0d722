/* String to double (and to the 80-bit long double of __STRINGTOLD),
 * correctly rounded (round-half-even on the exact value).  The decimal
 * significand D and exponent e are turned into the exact ratio
 * num/den = D * 10^e, scaled by 2^s so that the integer quotient q has
 * exactly 64 bits; q, where the remainder lies (tail) and s give the
 * result.  msvcrt.dll's strtod reads decimal only: no hex, INF or
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

const struct fp_fmt crt_fp_double = { 53, -1022, 1023, 310, -330 };
const struct fp_fmt crt_fp_float = { 24, -126, 127, 310, -330 };
const struct fp_fmt crt_fp_ldouble = { 64, -16382, 16383, 4933, -4951 };

/* Whether q's dropped low bits (and the tail below q) round m up, half
 * to even.  tail: 0 nothing below q, 1 less than half a unit of q's last
 * bit, 2 exactly half, 3 more. */
static int round_up(uint64_t q, int tail, int drop, uint64_t m)
{
    uint64_t rest, half;

    if (drop == 0)
        return tail == 3 || (tail == 2 && (m & 1));
    if (drop > 64)
        return 0;
    rest = drop == 64 ? q : q & ((1ULL << drop) - 1);
    half = 1ULL << (drop - 1);
    return rest > half || (rest == half && (tail || (m & 1)));
}

/* Rounds q (top bit 63 set) * 2^(-s) to the format: r->m * 2^r->e2,
 * denormal below emin, zero or infinity out of range (r->range). */
static void fp_round(uint64_t q, int tail, int s, const struct fp_fmt *f,
                     struct fp_result *r)
{
    int e = 63 - s, drop = 64 - f->mant;
    uint64_t m, top = f->mant == 64 ? ~0ULL : (1ULL << f->mant) - 1;

    if (e < f->emin)
        drop += f->emin - e;
    m = drop >= 64 ? 0 : q >> drop;
    if (round_up(q, tail, drop, m)) {
        if (m == top)
            m = 1ULL << (f->mant - 1), drop++;
        else
            m++;
    }
    r->m = m;
    r->e2 = drop - s;
    r->range = 0;
    if (!m)
        r->range = FP_UNDERFLOW;
    else if (63 - __builtin_clzll(m) + r->e2 > f->emax)
        r->range = FP_OVERFLOW, r->m = 0;
}

double crt_fp_to_double(const struct fp_result *r)
{
    double v = r->range == FP_OVERFLOW ? __builtin_inf() : scalbn((double)r->m, r->e2);

    return r->neg ? -v : v;
}

static void pow_scale(struct big *num, struct big *den, long e10)
{
    big_set(den, 1);
    pow10_mul(e10 >= 0 ? num : den, e10 >= 0 ? e10 : -e10);
}

/* The exact quotient num/den as q (64 bits, top set) * 2^-s and the tail
 * below it (see round_up). */
static int exact_quotient(struct big *num, struct big *den, uint64_t *q_out, int *tail)
{
    struct big t;
    uint64_t q = 0;
    int s = 63 - (big_bits(num) - big_bits(den));

    if (s > 0)
        big_shl(num, s);
    else
        big_shl(den, -s);
    big_copy(&t, den);
    big_shl(&t, 63);
    while (big_cmp(num, &t) < 0) {
        big_shl(num, 1);
        s++;
    }
    for (int bit = 63; bit >= 0; bit--) {
        big_copy(&t, den);
        big_shl(&t, bit);
        if (big_cmp(num, &t) >= 0) {
            big_sub(num, &t);
            q |= 1ULL << bit;
        }
    }
    big_shl(num, 1);
    *tail = big_is_zero(num) ? 0 : 2 + big_cmp(num, den);
    *q_out = q;
    return s;
}

/* The decimal in->d * 10^e rounded to the format. */
static void convert(const struct dec_in *in, const struct fp_fmt *f, struct fp_result *r)
{
    struct big num, den;
    uint64_t q;
    int tail, s;

    r->neg = in->neg;
    r->m = 0, r->e2 = 0, r->range = 0;
    if (!in->n)
        return;
    if (in->e > f->dec_max) {
        r->range = FP_OVERFLOW;
        return;
    }
    if (in->e < f->dec_min) {
        r->range = FP_UNDERFLOW;
        return;
    }
    big_set(&num, 0);
    for (int i = 0; i < in->n; i++) {
        big_mul_small(&num, 10);
        big_add_small(&num, in->d[i] - '0');
    }
    pow_scale(&num, &den, in->e - in->n);
    s = exact_quotient(&num, &den, &q, &tail);
    fp_round(q, tail, s, f, r);
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
    if (at(s, w, i) == (unsigned char)crt_decimal_point) {
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
    struct fp_result r;

    for (;; i++) {
        if (at(s, w, i) == (unsigned char)crt_decimal_point && !point) {
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
    fp_round(q << d, sticky, (int)(d - e2 > 100000 ? 100000 : d - e2 < -100000 ? -100000 : d - e2),
             f, &r);
    r.neg = neg;
    *out = crt_fp_to_double(&r);
    *range = r.range != 0;
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
    const struct fp_fmt *f = mode & MODE_FLOAT ? &crt_fp_float : &crt_fp_double;
    struct dec_in in;
    struct fp_result r;
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
        if (n) {
            convert(&in, f, &r);
            v = crt_fp_to_double(&r);
            range = r.range != 0;
        }
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

/* msvcrt's decimal syntax rounded to format f; the count of characters
 * read, 0 (and r zero) if there is no number. */
size_t crt_parse_fp(const char *s, const struct fp_fmt *f, struct fp_result *r)
{
    struct dec_in in;
    size_t n = parse_dec(s, 0, &in, 0);

    if (n)
        convert(&in, f, r);
    else
        r->m = 0, r->e2 = 0, r->neg = 0, r->range = 0;
    return n;
}
