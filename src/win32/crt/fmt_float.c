/* printf's floating-point conversions (e E f F g G a A).  msvcrt.dll's
 * style: exponents have at least three digits ("1.000000e+000"), and
 * infinities and NaNs print as "1.#INF", "1.#QNAN", "1.#SNAN" and "-1.#IND"
 * (the x86 default NaN), shaped by the precision like digits.  The UCRT's
 * (FMTO_* options): two-digit exponents, "inf", "nan", "nan(snan)",
 * "-nan(ind)", and exact ties rounded to even. */
#include "crt.h"
#include "fmt_decimal.h"

/* The decimal point: LC_NUMERIC's first character (msvcrt's and ucrtbase's
 * setlocale sets it, as their printf writes it; ntdll's stays '.'). */
char crt_decimal_point = '.';

struct out {
    char *p;
    size_t cap, n;
};

static void put(struct out *o, char c)
{
    if (o->n + 1 < o->cap)
        o->p[o->n++] = c;
}

static void put_exp(struct out *o, int e, char ech, unsigned opts)
{
    char tmp[8];
    int n = 0, min = (opts & FMTO_EXP2) ? 2 : 3;

    put(o, ech);
    put(o, e < 0 ? '-' : '+');
    if (e < 0)
        e = -e;
    do
        tmp[n++] = '0' + e % 10;
    while ((e /= 10));
    while (n < min)
        tmp[n++] = '0';
    while (n)
        put(o, tmp[--n]);
}

/* %f body: integer part, point, `prec` fraction digits. */
static void put_fixed(struct out *o, const struct decimal *d, int prec, int alt)
{
    if (d->exp <= 0 || d->n == 0)
        put(o, '0');
    for (int i = 0; i < d->exp && d->n; i++)
        put(o, dec_digit(d, i));
    if (prec > 0 || alt)
        put(o, crt_decimal_point);
    for (int i = 0; i < prec; i++)
        put(o, dec_digit(d, d->exp + i));
}

/* %e body with `prec` fraction digits. */
static void put_sci(struct out *o, const struct decimal *d, int prec, int alt,
                    char ech, unsigned opts)
{
    put(o, dec_digit(d, 0));
    if (prec > 0 || alt)
        put(o, crt_decimal_point);
    for (int i = 1; i <= prec; i++)
        put(o, dec_digit(d, i));
    put_exp(o, d->n ? d->exp - 1 : 0, ech, opts);
}

/* Removes trailing fraction zeros (and a bare point) from o->p[from..],
 * keeping any exponent suffix. */
static void strip_zeros(struct out *o, size_t from)
{
    size_t end = o->n, e = from, dot = 0;

    while (e < end && o->p[e] != 'e' && o->p[e] != 'E')
        e++;
    for (size_t i = from; i < e; i++)
        if (o->p[i] == crt_decimal_point)
            dot = i + 1;
    if (!dot)
        return;
    size_t cut = e;
    while (cut > dot && o->p[cut - 1] == '0')
        cut--;
    if (cut == dot)
        cut--;
    memmove(o->p + cut, o->p + e, end - e);
    o->n = cut + (end - e);
}

static void put_general(struct out *o, struct decimal *d,
                        const struct fmt_spec *s, char ech)
{
    int p = s->prec < 0 ? 6 : s->prec ? s->prec : 1;
    size_t from = o->n;
    int x;

    dec_round(d, p, s->opts & FMTO_ROUND_EVEN);
    x = d->n ? d->exp - 1 : 0;
    if (x < p && x >= -4)
        put_fixed(o, d, p - 1 - x, s->flags & FMT_ALT);
    else
        put_sci(o, d, p - 1, s->flags & FMT_ALT, ech, s->opts);
    if (!(s->flags & FMT_ALT))
        strip_zeros(o, from);
}

static void put_decimal(struct out *o, double v, const struct fmt_spec *s)
{
    struct decimal dz, *d = &dz;
    int prec = s->prec < 0 ? 6 : s->prec;
    char c = s->conv;

    if (prec > DEC_MAX_DIGITS - 100)
        prec = DEC_MAX_DIGITS - 100;
    dec_from_double(v, d);
    if (!(s->opts & FMTO_UCRT))
        dec_round(d, 17, 0);    /* msvcrt: zeros past 17 significant digits */
    if (c == 'f' || c == 'F') {
        dec_round(d, d->exp + prec, s->opts & FMTO_ROUND_EVEN);
        put_fixed(o, d, prec, s->flags & FMT_ALT);
    } else if (c == 'e' || c == 'E') {
        dec_round(d, prec + 1, s->opts & FMTO_ROUND_EVEN);
        put_sci(o, d, prec, s->flags & FMT_ALT, c, s->opts);
    } else {
        put_general(o, d, s, c == 'G' ? 'E' : 'e');
    }
}

/* msvcrt prints non-finite values as if "1.#INF" were a number: the
 * characters after "1." act as digits for precision and rounding, so
 * "%.2f" of infinity is "1.#J". */
static void put_special(struct out *o, const char *tag,
                        const struct fmt_spec *s)
{
    struct decimal d;
    int prec = s->prec < 0 ? 6 : s->prec;
    char c = s->conv;

    d.n = 0;
    d.exp = 1;
    d.d[d.n++] = '1';
    while (*tag)
        d.d[d.n++] = *tag++;
    if (c == 'f' || c == 'F') {
        dec_round(&d, 1 + prec, 0);
        put_fixed(o, &d, prec, s->flags & FMT_ALT);
    } else if (c == 'e' || c == 'E') {
        dec_round(&d, prec + 1, 0);
        put_sci(o, &d, prec, s->flags & FMT_ALT, c, s->opts);
    } else {
        put_general(o, &d, s, c == 'G' ? 'E' : 'e');
    }
}

/* The UCRT's legacy mode shapes %a's as if "1.#INF" were the mantissa:
 * "0x1.#INF000000000p+0" (msvcrt.dll's own %a prints "1.#INF"). */
static void put_msvcrt_special(struct out *o, const char *tag, const struct fmt_spec *s)
{
    struct fmt_spec hex = *s;
    int upper = s->conv == 'A';

    if ((s->conv != 'a' && s->conv != 'A') || !(s->opts & FMTO_UCRT)) {
        put_special(o, tag, s);
        return;
    }
    hex.conv = 'f';
    hex.prec = s->prec < 0 ? 13 : s->prec;
    put(o, '0');
    put(o, upper ? 'X' : 'x');
    put_special(o, tag, &hex);
    put(o, upper ? 'P' : 'p');
    put(o, '+');
    put(o, '0');
}

/* The C99 names, upper case for the upper-case conversions; the
 * precision does not apply. */
static void put_c99_special(struct out *o, const char *tag, char conv)
{
    int upper = conv == 'E' || conv == 'F' || conv == 'G' || conv == 'A';

    for (; *tag; tag++)
        put(o, upper && *tag >= 'a' && *tag <= 'z' ? *tag - 32 : *tag);
}

/* %a: "0x1.hhhhhhhhhhhhhp+d"; 13 hex digits unless a precision is given.
 * Rounding of dropped bits is half-up on the binary mantissa. */
static void put_hex(struct out *o, uint64_t u, const struct fmt_spec *s)
{
    int upper = s->conv == 'A', e2 = (int)(u >> 52 & 0x7FF);
    uint64_t m = u & ((1ULL << 52) - 1);
    int prec = s->prec < 0 ? 13 : s->prec > 13 ? 13 : s->prec;
    int lead = e2 != 0;
    const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    int e = e2 ? e2 - 1023 : (m ? -1022 : 0);

    if (prec < 13) {   /* half up, or to even (the UCRT's standard rounding) */
        int drop = (13 - prec) * 4;
        uint64_t full = (uint64_t)lead << 52 | m, half = 1ULL << (drop - 1);
        uint64_t q = full >> drop, rem = full & ((1ULL << drop) - 1);

        if (rem > half || (rem == half && (!(s->opts & FMTO_ROUND_EVEN) || (q & 1))))
            q++;
        full = q << drop;
        lead = (int)(full >> 52);
        m = full & ((1ULL << 52) - 1);
    }
    put(o, '0');
    put(o, upper ? 'X' : 'x');
    put(o, (char)('0' + lead));
    if (prec > 0 || (s->flags & FMT_ALT))
        put(o, crt_decimal_point);
    for (int i = 0; i < prec; i++)
        put(o, hex[m >> (48 - 4 * i) & 15]);
    for (int i = 13; i < (s->prec > 13 ? s->prec : 0); i++)
        put(o, '0');
    put(o, upper ? 'P' : 'p');
    put(o, e < 0 ? '-' : '+');
    char tmp[6];
    int n = 0;
    e = e < 0 ? -e : e;
    do
        tmp[n++] = '0' + e % 10;
    while ((e /= 10));
    while (n)
        put(o, tmp[--n]);
}

/* Formats v into buf (NUL-terminated), sign included; returns length. */
int fmt_float(char *buf, size_t cap, double v, const struct fmt_spec *s)
{
    union { double f; uint64_t u; } bits = { v };
    struct out o = { buf, cap, 0 };
    int neg = (int)(bits.u >> 63);
    uint64_t mant = bits.u & ((1ULL << 52) - 1);
    int special = (bits.u >> 52 & 0x7FF) == 0x7FF;

    if (neg)
        put(&o, '-');
    else if (s->flags & FMT_PLUS)
        put(&o, '+');
    else if (s->flags & FMT_SPACE)
        put(&o, ' ');
    bits.u &= ~(1ULL << 63);
    if (special && (s->opts & FMTO_C99_SPECIAL))
        put_c99_special(&o, !mant ? "inf" : neg && mant == 1ULL << 51 ? "nan(ind)"
                        : mant >> 51 ? "nan" : "nan(snan)", s->conv);
    else if (special)
        put_msvcrt_special(&o, !mant ? "#INF" : neg && mant == 1ULL << 51 ? "#IND"
                           : mant >> 51 ? "#QNAN" : "#SNAN", s);
    else if (s->conv == 'a' || s->conv == 'A')
        put_hex(&o, bits.u, s);
    else
        put_decimal(&o, bits.f, s);
    buf[o.n] = 0;
    return (int)o.n;
}
