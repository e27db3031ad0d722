/* The printf engine shared by every printf-family function.  The format
 * may be narrow or wide; the output goes to a sink (struct fmt_out) that
 * accepts narrow or wide text and converts as it needs.
 *
 * Length modifiers: hh h l ll L(=64-bit for integers) I I32 I64 z j t w,
 * and the UCRT's T (%Ts: a string of the function's own width).
 * In a narrow format %c/%s are narrow and %C/%S/%lc/%ls/%wc/%ws wide; in a
 * wide format it is the other way round (msvcrt's rule) unless
 * FMTO_WIDE_STD asks for C's (as in a narrow format); 'h' always means
 * narrow.  %n is ignored by msvcrt (its argument is consumed, nothing
 * stored); the UCRT refuses it as an invalid parameter unless
 * _set_printf_count_output turned it on (FMTO_NO_N, FMTO_COUNT_N).
 *
 * msvcrt's rules where the UCRT (FMTO_UCRT) follows C99: "hh" is "h";
 * F and N (far and near pointers) are length modifiers that change
 * nothing, so "%F" is no conversion (also in the UCRT's legacy mode,
 * without FMTO_C99_SPECIAL); digits after a '*' width go on with it
 * ("%*1d" of 1 is width 11; the UCRT starts a new width); "%#p" has a
 * "0X"; a %C the narrow output cannot take is left out; decimal digits
 * past the 17th significant one are zeros (fmt_float.c). */
#include "crt.h"

#define LEN_NONE 0
#define LEN_HH 1
#define LEN_H 2
#define LEN_L 3
#define LEN_64 4
#define LEN_32 5
#define LEN_W 6
#define LEN_T 7         /* the UCRT's T: the function's own width */

struct conv {
    struct fmt_spec s;
    int len;
};

static unsigned fch(const void *fmt, size_t i, int wide)
{
    return wide ? ((const wchar *)fmt)[i] : ((const unsigned char *)fmt)[i];
}

/* The _p forms' positional arguments: every argument of a variadic
 * Windows x64 call takes one 8-byte slot, so argument n is the n-th
 * va_arg of any 8-byte type.  A format either numbers every argument or
 * none (mixing is an invalid parameter). */
struct args {
    va_list seq;        /* the next argument in order */
    va_list base;       /* the first argument */
    int positional;     /* FMTO_POSITIONAL given */
    int mode;           /* 0 not known yet, 1 numbered, 2 in order */
    int bad;
};

#define POS_MAX_ARG 100

/* Reads "N$" at *i if it is there; returns N, or 0 (*i unchanged). */
static int parse_position(const void *fmt, int wide, size_t *i)
{
    size_t j = *i;
    int n = 0;
    unsigned ch;

    while ((ch = fch(fmt, j, wide)) >= '0' && ch <= '9' && n <= POS_MAX_ARG)
        n = n * 10 + (int)(ch - '0'), j++;
    if (j == *i || fch(fmt, j, wide) != '$')
        return 0;
    *i = j + 1;
    return n;
}

/* The va_list to take the next argument from: argument `pos` (1-based)
 * when numbered, else the next one. */
static va_list *arg_source(struct args *a, int pos, va_list *tmp)
{
    int mode = pos ? 1 : 2;

    if (!a->positional)
        return &a->seq;
    if ((a->mode && a->mode != mode) || (pos && pos > POS_MAX_ARG)) {
        a->bad = 1;
        return &a->seq;
    }
    a->mode = mode;
    if (!pos)
        return &a->seq;
    va_copy(*tmp, a->base);
    for (int k = 1; k < pos; k++)
        (void)va_arg(*tmp, uint64_t);
    return tmp;
}

static void out_n(struct fmt_out *o, const char *s, size_t n)
{
    if (n && !o->error && o->put(o, s, n) < 0)
        o->error = 1;
    o->total += n;
}

static void out_wn(struct fmt_out *o, const wchar *s, size_t n)
{
    if (n && !o->error && o->putw(o, s, n) < 0)
        o->error = 1;
    o->total += n;
}

static void out_fill(struct fmt_out *o, char c, int n)
{
    char buf[32];

    memset(buf, c, sizeof(buf));
    for (; n > 0; n -= 32)
        out_n(o, buf, n < 32 ? n : 32);
}

/* [spaces][prefix][zeros][body][spaces] for a field of the given width. */
static void out_field(struct fmt_out *o, const struct fmt_spec *s,
                      const char *pre, int npre, int zeros,
                      const char *body, int nbody)
{
    int pad = s->width - npre - zeros - nbody;

    if ((s->flags & FMT_ZERO) && !(s->flags & FMT_LEFT)) {
        zeros += pad > 0 ? pad : 0;
        pad = 0;
    }
    if (!(s->flags & FMT_LEFT))
        out_fill(o, ' ', pad);
    out_n(o, pre, npre);
    out_fill(o, '0', zeros);
    out_n(o, body, nbody);
    if (s->flags & FMT_LEFT)
        out_fill(o, ' ', pad);
}

static int is_int_conv(unsigned ch)
{
    return ch && strchr("diouxX", (int)ch) != NULL;
}

/* Length modifiers, as many as there are ("%whlls" is a wide string: w
 * stays).  I, z, t and j not
 * followed by an integer conversion are no modifier: msvcrt prints them
 * as text ("%Iq" gives "Iq", "%z" gives "z"), so they are left as the
 * conversion character. */
static void parse_length(const void *fmt, int wide, size_t *i, struct conv *c,
                         unsigned opts)
{
    int far_near = !(opts & FMTO_UCRT) || !(opts & FMTO_C99_SPECIAL);

    for (;;) {
        unsigned ch = fch(fmt, *i, wide), n1 = fch(fmt, *i + 1, wide);
        unsigned n2 = n1 ? fch(fmt, *i + 2, wide) : 0;
        int len = c->len, step = 1;

        if (ch == 'h' || ch == 'l') {
            step = n1 == ch ? 2 : 1;
            len = ch == 'h' ? (step == 2 && (opts & FMTO_UCRT) ? LEN_HH : LEN_H)
                            : (step == 2 ? LEN_64 : LEN_L);
        } else if (ch == 'I' && ((n1 == '6' && n2 == '4') || (n1 == '3' && n2 == '2'))) {
            step = 3;
            len = n1 == '6' ? LEN_64 : LEN_32;
        } else if (ch == 'L' || ((ch == 'I' || ch == 'z' || ch == 't' || ch == 'j') && is_int_conv(n1))) {
            len = LEN_64;       /* L: long double, which is double */
        } else if (ch == 'w') {
            len = LEN_W;
        } else if ((ch == 'F' || ch == 'N') && far_near) {
            len = c->len;
        } else if (ch == 'T' && (opts & FMTO_UCRT)) {
            len = LEN_T;
        } else {
            return;
        }
        if (c->len != LEN_W || ch == 'w')
            c->len = len;
        *i += step;
    }
}

/* A '*' width or precision: the int argument it names. */
static int star_value(const void *fmt, int wide, size_t *i, struct args *a)
{
    va_list tmp, *src;
    int pos, v;

    (*i)++;
    pos = a->positional ? parse_position(fmt, wide, i) : 0;
    src = arg_source(a, pos, &tmp);
    v = va_arg(*src, int);
    if (src == &tmp)
        va_end(tmp);
    return v;
}

/* Parses flags, width, precision and length starting at *i. */
static void parse_spec(const void *fmt, int wide, size_t *i, struct args *a,
                       struct conv *c, unsigned opts)
{
    unsigned ch;

    memset(c, 0, sizeof(*c));
    c->s.prec = -1;
    for (;; (*i)++) {
        ch = fch(fmt, *i, wide);
        if (ch == '-') c->s.flags |= FMT_LEFT;
        else if (ch == '+') c->s.flags |= FMT_PLUS;
        else if (ch == ' ') c->s.flags |= FMT_SPACE;
        else if (ch == '#') c->s.flags |= FMT_ALT;
        else if (ch == '0') c->s.flags |= FMT_ZERO;
        else break;
    }
    if (fch(fmt, *i, wide) == '*') {
        c->s.width = star_value(fmt, wide, i, a);
        if (c->s.width < 0) {
            c->s.flags |= FMT_LEFT;
            c->s.width = -c->s.width;
        }
        if ((opts & FMTO_UCRT) && (ch = fch(fmt, *i, wide)) >= '0' && ch <= '9')
            c->s.width = 0;
    }
    while ((ch = fch(fmt, *i, wide)) >= '0' && ch <= '9' && c->s.width < 100000000)
        c->s.width = c->s.width * 10 + (ch - '0'), (*i)++;
    if (fch(fmt, *i, wide) == '.') {
        (*i)++;
        c->s.prec = 0;
        if (fch(fmt, *i, wide) == '*') {
            c->s.prec = star_value(fmt, wide, i, a);
            if (c->s.prec < 0)
                c->s.prec = -1;
        } else {
            while ((ch = fch(fmt, *i, wide)) >= '0' && ch <= '9' && c->s.prec < 100000000)
                c->s.prec = c->s.prec * 10 + (ch - '0'), (*i)++;
        }
    }
    parse_length(fmt, wide, i, c, opts);
}

static uint64_t get_int(va_list *ap, int len, int is_signed)
{
    if (len == LEN_64)
        return va_arg(*ap, uint64_t);
    unsigned v = va_arg(*ap, unsigned);
    if (len == LEN_HH)
        return is_signed ? (uint64_t)(int64_t)(signed char)v : (unsigned char)v;
    if (len == LEN_H)
        return is_signed ? (uint64_t)(int64_t)(short)v : (unsigned short)v;
    return is_signed ? (uint64_t)(int64_t)(int)v : v;
}

static void fmt_int(struct fmt_out *o, struct conv *c, va_list *ap)
{
    char digits[32], pre[3];
    int nd = 0, npre = 0, base = 10, zeros = 0, sgn = 0;
    char conv = c->s.conv;
    const char *dig = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    uint64_t v;

    if (conv == 'd' || conv == 'i') {
        v = get_int(ap, c->len, 1);
        sgn = 1;
        if ((int64_t)v < 0) {
            pre[npre++] = '-';
            v = -v;
        } else if (c->s.flags & FMT_PLUS) {
            pre[npre++] = '+';
        } else if (c->s.flags & FMT_SPACE) {
            pre[npre++] = ' ';
        }
    } else {
        v = get_int(ap, c->len, 0);
        base = conv == 'o' ? 8 : conv == 'u' ? 10 : 16;
    }
    for (uint64_t t = v; t; t /= base)
        digits[sizeof(digits) - 1 - nd++] = dig[t % base];
    if (c->s.prec >= 0) {
        c->s.flags &= ~FMT_ZERO;
        if (c->s.prec > nd)
            zeros = c->s.prec - nd;
    } else if (!nd) {
        zeros = 1;
    }
    if ((c->s.flags & FMT_ALT) && v && base == 16) {
        pre[npre++] = '0';
        pre[npre++] = conv;
    } else if ((c->s.flags & FMT_ALT) && base == 8 && !zeros) {
        zeros = 1;
    }
    (void)sgn;
    out_field(o, &c->s, pre, npre, zeros, digits + sizeof(digits) - nd, nd);
}

/* %p: all 16 hex digits, uppercase, no "0x" unless '#' (msvcrt). */
static void fmt_ptr(struct fmt_out *o, struct conv *c, va_list *ap)
{
    uint64_t v = (uint64_t)(uintptr_t)va_arg(*ap, void *);
    char digits[16];
    int alt = (c->s.flags & FMT_ALT) && !(o->opts & FMTO_UCRT);

    for (int i = 15; i >= 0; i--, v >>= 4)
        digits[i] = "0123456789ABCDEF"[v & 15];
    c->s.flags &= ~FMT_ZERO;
    out_field(o, &c->s, "0X", alt ? 2 : 0, 0, digits, 16);
}

static void fmt_dbl(struct fmt_out *o, struct conv *c, va_list *ap)
{
    char buf[FMT_FLOAT_BUF];
    double v = va_arg(*ap, double);
    int n;

    c->s.opts = o->opts;
    n = fmt_float(buf, sizeof(buf), v, &c->s);
    int npre = (buf[0] == '-' || buf[0] == '+' || buf[0] == ' ');

    if (buf[npre] == '0' && (buf[npre + 1] == 'x' || buf[npre + 1] == 'X'))
        npre += 2;      /* %a: zeros go after the "0x" */

    out_field(o, &c->s, buf, npre, 0, buf + npre, n - npre);
}

/* Strings and characters, narrow or wide.  wide_arg says what the
 * argument is; precision limits the characters taken from a string. */
static void fmt_text(struct fmt_out *o, struct conv *c, const void *p,
                     size_t n, int wide_arg)
{
    int pad = c->s.width > (int)n ? c->s.width - (int)n : 0;
    char fill = (c->s.flags & FMT_ZERO) ? '0' : ' ';

    if (!(c->s.flags & FMT_LEFT))
        out_fill(o, fill, pad);
    if (wide_arg)
        out_wn(o, p, n);
    else
        out_n(o, p, n);
    if (c->s.flags & FMT_LEFT)
        out_fill(o, ' ', pad);
}

static int arg_is_wide(struct conv *c, int wide_fmt, unsigned opts)
{
    int upper = c->s.conv == 'C' || c->s.conv == 'S';

    if (c->len == LEN_H || c->len == LEN_HH)
        return 0;
    if (c->len == LEN_L || c->len == LEN_W)
        return 1;
    if (c->len == LEN_T)
        return wide_fmt;
    return wide_fmt && !(opts & FMTO_WIDE_STD) ? !upper : upper;
}

static void fmt_str(struct fmt_out *o, struct conv *c, va_list *ap,
                    int wide_fmt)
{
    int w = arg_is_wide(c, wide_fmt, o->opts);
    const void *p = va_arg(*ap, const void *);
    size_t n = 0, max = c->s.prec >= 0 ? (size_t)c->s.prec : (size_t)-1;
    static const wchar wnull[] = { '(', 'n', 'u', 'l', 'l', ')', 0 };

    if (!p)
        p = w ? (const void *)wnull : "(null)";
    if (w)
        while (n < max && ((const wchar *)p)[n])
            n++;
    else
        while (n < max && ((const char *)p)[n])
            n++;
    fmt_text(o, c, p, n, w);
}

static void fmt_chr(struct fmt_out *o, struct conv *c, va_list *ap,
                    int wide_fmt)
{
    int w = arg_is_wide(c, wide_fmt, o->opts);
    unsigned v = va_arg(*ap, unsigned);
    wchar wc = (wchar)v;
    char nc = (char)v;
    int had_error = o->error;

    fmt_text(o, c, w ? (const void *)&wc : (const void *)&nc, 1, w);
    if (w && !had_error && o->error && !(o->opts & FMTO_UCRT)) {
        o->error = 0;   /* msvcrt leaves the character out */
        o->total--;
    }
}

/* %n: the count so far, stored at the size its length modifier says. */
static void fmt_count(struct fmt_out *o, struct conv *c, va_list *ap)
{
    void *p = va_arg(*ap, void *);

    if (o->opts & FMTO_NO_N) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        o->error = 1;
    } else if ((o->opts & FMTO_COUNT_N) && p) {
        if (c->len == LEN_64)
            *(int64_t *)p = (int64_t)o->total;
        else if (c->len == LEN_H)
            *(short *)p = (short)o->total;
        else if (c->len == LEN_HH)
            *(signed char *)p = (signed char)o->total;
        else
            *(int *)p = (int)o->total;
    }
}

static void fmt_one(struct fmt_out *o, struct conv *c, va_list *ap,
                    int wide_fmt)
{
    switch (c->s.conv) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        fmt_int(o, c, ap);
        break;
    case 'p':
        fmt_ptr(o, c, ap);
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
    case 'a': case 'A':
        fmt_dbl(o, c, ap);
        break;
    case 's': case 'S':
        fmt_str(o, c, ap, wide_fmt);
        break;
    case 'c': case 'C':
        fmt_chr(o, c, ap, wide_fmt);
        break;
    case 'n':
        fmt_count(o, c, ap);
        break;
    default:
        /* Unknown conversions print themselves, as msvcrt does. */
        fmt_text(o, c, &c->s.conv, 1, 0);
        break;
    }
}

/* One conversion after its '%': position, spec, the conversion itself. */
static int fmt_conversion(struct fmt_out *o, const void *fmt, int wide_fmt,
                          size_t *i, struct args *a)
{
    struct conv c;
    va_list tmp, *src;
    int pos = a->positional ? parse_position(fmt, wide_fmt, i) : 0;

    parse_spec(fmt, wide_fmt, i, a, &c, o->opts);
    c.s.conv = (char)fch(fmt, *i, wide_fmt);
    if (!c.s.conv)
        return 0;
    (*i)++;
    src = strchr("diuoxXpeEfFgGaAsScCn", c.s.conv) ? arg_source(a, pos, &tmp)
                                                   : &a->seq;
    if (!a->bad)
        fmt_one(o, &c, src, wide_fmt);
    if (src == &tmp)
        va_end(tmp);
    return 1;
}

/* Returns the number of characters produced (the sink may have kept
 * fewer), or -1 if the sink reported an error. */
int fmt_core(struct fmt_out *o, const void *fmt, int wide_fmt, va_list ap)
{
    size_t i = 0, start;
    struct args a = { .positional = (o->opts & FMTO_POSITIONAL) != 0 };

    va_copy(a.seq, ap);
    va_copy(a.base, ap);
    for (;;) {
        start = i;
        while (fch(fmt, i, wide_fmt) && fch(fmt, i, wide_fmt) != '%')
            i++;
        if (i > start) {
            if (wide_fmt)
                out_wn(o, (const wchar *)fmt + start, i - start);
            else
                out_n(o, (const char *)fmt + start, i - start);
        }
        if (!fch(fmt, i, wide_fmt))
            break;
        i++;
        if (!fmt_conversion(o, fmt, wide_fmt, &i, &a))
            break;
        if (a.bad) {
            crt_invalid_parameter();
            crt_set_errno(EINVAL);
            o->error = 1;
        }
        if (o->error)
            break;
    }
    va_end(a.seq);
    va_end(a.base);
    return o->error ? -1 : (int)o->total;
}
