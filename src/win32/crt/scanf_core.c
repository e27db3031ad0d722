/* The scanf engine: one format walker for narrow and wide formats and
 * sources.  Conversions: d i u o x X p n e E f g G a c s [ and %%, with
 * '*' suppression, widths and length modifiers (hh h l ll L I I32 I64 z j
 * t w).  Like printf, %c/%s/%[ are narrow in a narrow format and wide in
 * a wide one; l/w force wide, h forces narrow, C/S swap. */
#include "crt.h"

#define LEN_NONE 0
#define LEN_HH 1
#define LEN_H 2
#define LEN_L 3
#define LEN_64 4
#define LEN_W 5

struct scan_spec {
    int suppress, width, len;
    unsigned conv;
};

static unsigned fch(const void *fmt, size_t i, int w)
{
    return w ? ((const wchar *)fmt)[i] : ((const unsigned char *)fmt)[i];
}

static int next(struct scan_in *in)
{
    int c = in->get(in);

    if (c != EOF)
        in->consumed++;
    return c;
}

static void back(struct scan_in *in, int c)
{
    if (c != EOF) {
        in->unget(in, c);
        in->consumed--;
    }
}

static int is_ws(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Skips whitespace; returns the first other character (unread) or EOF. */
static int skip_ws(struct scan_in *in)
{
    int c;

    while ((c = next(in)) != EOF && is_ws(c))
        ;
    back(in, c);
    return c;
}

/* The length modifier at i: how many characters it takes, 0 if none.
 * msvcrt has no "hh": its second 'h' undoes the first (an int). */
static size_t parse_length(const void *fmt, int w, size_t i, struct scan_spec *sp,
                           unsigned opts)
{
    unsigned c = fch(fmt, i, w), n1 = fch(fmt, i + 1, w), n2 = fch(fmt, i + 2, w);

    switch (c) {
    case 'h':
        sp->len = n1 != 'h' ? LEN_H : opts & SCANO_C99 ? LEN_HH : LEN_NONE;
        return n1 == 'h' ? 2 : 1;
    case 'l':
        sp->len = n1 == 'l' ? LEN_64 : LEN_L;
        return n1 == 'l' ? 2 : 1;
    case 'I':
        if (n1 == '3' && n2 == '2')
            return 3;
        sp->len = LEN_64;
        return n1 == '6' && n2 == '4' ? 3 : 1;
    case 'L': case 'z': case 'j': case 't': case 'q':
        sp->len = LEN_64;
        return 1;
    case 'w':
        sp->len = LEN_W;
        return 1;
    }
    return 0;
}

static size_t parse_scan_spec(const void *fmt, int w, size_t i,
                              struct scan_spec *sp, unsigned opts)
{
    unsigned c;

    memset(sp, 0, sizeof(*sp));
    if (fch(fmt, i, w) == '*')
        sp->suppress = 1, i++;
    /* msvcrt reads width digits and length modifiers in any order until
     * the conversion: "%h02d" is "%02hd", "%2h0d" has width 20. */
    for (size_t n; ; i += n) {
        c = fch(fmt, i, w);
        n = c >= '0' && c <= '9' ? 1 : parse_length(fmt, w, i, sp, opts);
        if (!n)
            break;
        if (c >= '0' && c <= '9')
            sp->width = sp->width * 10 + (int)(c - '0');
    }
    sp->conv = fch(fmt, i, w);
    return i + 1;
}

/* A conversion that is none of the known ones matches its own character,
 * as "%%" does. */
static int literal_conv(unsigned conv)
{
    return conv == '%' || (conv && !strchr("nduioxXpPeEfgGaAcCsS[", (int)conv)) ||
           conv > 0x7F;
}

static void store_int(void *p, int len, uint64_t v)
{
    switch (len) {
    case LEN_HH: *(char *)p = (char)v; break;
    case LEN_H: *(short *)p = (short)v; break;
    case LEN_64: *(int64_t *)p = (int64_t)v; break;
    default: *(int *)p = (int)v; break;
    }
}

static int digit_val(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 99;
}

/* %p and %P: hexadecimal with no "0x" prefix ("0x12" reads as 0). */
#define BASE_PTR (-16)

/* Reads an integer in `base` (0: C rules) within `width` characters.
 * Returns 1 on success.  Overflow wraps, as in msvcrt. */
static int scan_int(struct scan_in *in, int base, int width, uint64_t *out)
{
    int c, neg = 0, n = 0, digits = 0, prefix = base != BASE_PTR;
    uint64_t v = 0;

    if (base == BASE_PTR)
        base = 16;

    if (!width)
        width = INT_MAX;
    c = next(in);
    if ((c == '-' || c == '+') && n < width) {
        neg = c == '-';
        n++;
        c = next(in);
    }
    if (prefix && c == '0' && (base == 0 || base == 16) && n < width) {
        digits = 1, n++;
        c = next(in);
        if ((c == 'x' || c == 'X') && n < width) {
            base = 16, n++;
            c = next(in);
        } else if (base == 0) {
            base = 8;
        }
    }
    if (!base)
        base = 10;
    for (; n < width && c != EOF && digit_val(c) < base; n++, digits++) {
        v = v * base + digit_val(c);
        c = next(in);
    }
    back(in, c);
    *out = neg ? 0 - v : v;
    return digits > 0;
}

/* Appends to buf the letters of word that follow (any case); how many. */
static int take_word(struct scan_in *in, char *buf, int *n, int width, const char *word)
{
    int c, k = 0;

    for (; word[k] && *n < width; k++) {
        c = next(in);
        if (c == EOF || (c | 0x20) != word[k]) {
            back(in, c);
            break;
        }
        buf[(*n)++] = (char)c;
    }
    return k;
}

/* Whether the input has no more characters for this field. */
static int input_ended(struct scan_in *in, int n, int width)
{
    int c;

    if (n >= width)
        return 1;
    c = next(in);
    back(in, c);
    return c == EOF;
}

/* The UCRT's %f also reads INF, INFINITY, NAN, NAN(chars) and hexadecimal
 * (0x digits [. digits] [p exponent]); returns 1 when it took one of
 * those (buf then holds it), 0 to go on with a decimal number. */
static int scan_c99_float(struct scan_in *in, char *buf, int *n, int width, int *ok)
{
    int c = next(in), hex = 0;

    back(in, c);
    if ((c | 0x20) == 'i') {
        int k = take_word(in, buf, n, width, "inf"), more = 0;
        if (k == 3)
            more = take_word(in, buf, n, width, "inity");
        *ok = k == 3;
        if (more > 0 && more < 5)       /* "infin...": input failure at its end */
            *ok = input_ended(in, *n, width) ? -1 : 0;
        return 1;
    }
    if ((c | 0x20) == 'n') {
        *ok = take_word(in, buf, n, width, "nan") == 3;
        if (*ok && (c = next(in)) == '(') {
            buf[(*n)++] = '(';
            while (*n < width - 1 && (c = next(in)) != EOF && c != ')')
                buf[(*n)++] = (char)c;
            if (c == ')')
                buf[(*n)++] = ')';
        } else if (*ok) {
            back(in, c);
        }
        return 1;
    }
    if (c != '0' || *n + 2 > width)
        return 0;
    buf[(*n)++] = (char)next(in);
    if (((c = next(in)) | 0x20) != 'x') {
        back(in, c);
        return 0;
    }
    buf[(*n)++] = (char)c;
    /* state: 0 digits, 1 after the point, 2 after p, 3 after its sign,
     * 4 exponent digits */
    for (int state = 0; *n < width && (c = next(in)) != EOF; buf[(*n)++] = (char)c) {
        int digit = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');

        if (state < 2 && digit)
            hex = 1;
        else if (c == (unsigned char)crt_decimal_point && state == 0)
            state = 1;
        else if ((c | 0x20) == 'p' && state < 2 && hex)
            state = 2;
        else if ((c == '-' || c == '+') && state == 2)
            state = 3;
        else if (c >= '0' && c <= '9' && state >= 2)
            state = 4;
        else
            break;
    }
    back(in, c);
    *ok = hex;
    return 1;
}

/* Collects a floating-point number and converts it. */
static int scan_float(struct scan_in *in, int width, double *out)
{
    char buf[512];
    int n = 0, c, digits = 0, state = 0, ok;

    if (!width || width > (int)sizeof(buf) - 1)
        width = sizeof(buf) - 1;
    c = next(in);
    if (c == '-' || c == '+')
        buf[n++] = (char)c;
    else
        back(in, c);
    if ((in->opts & SCANO_C99) && scan_c99_float(in, buf, &n, width, &ok)) {
        buf[n] = 0;
        if (ok > 0)
            *out = ucrt_strtod(buf, NULL);
        return ok;
    }
    for (int i = 0; i < n; i++)     /* a "0" the hexadecimal check took */
        digits += buf[i] >= '0' && buf[i] <= '9';
    c = next(in);
    /* state: 0 integer digits, 1 fraction, 2 exponent sign, 3 exponent */
    for (; n < width && c != EOF; c = next(in)) {
        if (c >= '0' && c <= '9' && state != 2) {
            digits += state < 2;
        } else if (c >= '0' && c <= '9') {
            state = 3;
        } else if (c == (unsigned char)crt_decimal_point && state == 0) {
            state = 1;
        } else if ((c == 'e' || c == 'E') && state < 2 && digits) {
            state = 2;
        } else if ((c == '-' || c == '+') && state == 2 &&
                   (buf[n - 1] == 'e' || buf[n - 1] == 'E')) {
        } else {
            break;
        }
        buf[n++] = (char)c;
    }
    back(in, c);
    buf[n] = 0;
    if (!digits)
        return 0;
    /* The UCRT: an exponent cut short by the end of the input is an
     * input failure. */
    if ((in->opts & SCANO_C99) && state == 2 && (c == EOF || n >= width))
        return -1;
    *out = crt_strtod(buf, NULL, NULL);
    return 1;
}

static int set_has(const void *fmt, int w, size_t lo, size_t hi, int c)
{
    for (size_t i = lo; i < hi; i++) {
        unsigned a = fch(fmt, i, w);
        if (i + 2 < hi && fch(fmt, i + 1, w) == '-') {
            unsigned b = fch(fmt, i + 2, w);
            if ((unsigned)c >= (a < b ? a : b) && (unsigned)c <= (a < b ? b : a))
                return 1;
            i += 2;
        } else if ((unsigned)c == a) {
            return 1;
        }
    }
    return 0;
}

/* %s, %c and %[: kind 's', 'c' or '['; [lo, hi) is the scanset.  `room`
 * is the destination's size in characters (scanf_s), or (size_t)-1: text
 * that does not fit fails the conversion and leaves an empty string. */
static int scan_text(struct scan_in *in, struct scan_spec *sp, void *dst,
                     int wide_dst, const void *fmt, int w, size_t lo,
                     size_t hi, int negate, size_t room)
{
    int width = sp->width ? sp->width : (sp->conv == 'c' ? 1 : INT_MAX);
    int n = 0, c = EOF;
    size_t need_nul = sp->conv != 'c';

    for (; n < width && (c = next(in)) != EOF; n++) {
        if (sp->conv == 's' && is_ws(c))
            break;
        if (sp->conv == '[' && set_has(fmt, w, lo, hi, c) == negate)
            break;
        if (dst && room != (size_t)-1 && (size_t)n + 1 + need_nul > room) {
            if (room && wide_dst)
                *(wchar *)dst = 0;
            else if (room)
                *(char *)dst = 0;
            return 0;
        }
        if (dst && wide_dst)
            ((wchar *)dst)[n] = (wchar)c;
        else if (dst)
            ((char *)dst)[n] = (char)c;
        c = EOF;
    }
    back(in, c);
    if (!n || (sp->conv == 'c' && n < width))
        return 0;
    if (dst && sp->conv != 'c') {
        if (wide_dst)
            ((wchar *)dst)[n] = 0;
        else
            ((char *)dst)[n] = 0;
    }
    return 1;
}

static int wide_target(struct scan_spec *sp, int wide_fmt, unsigned opts)
{
    int upper = sp->conv == 'C' || sp->conv == 'S';

    if (sp->len == LEN_H || sp->len == LEN_HH)
        return 0;
    if (sp->len == LEN_L || sp->len == LEN_W)
        return 1;
    return wide_fmt && !(opts & SCANO_WIDE_STD) ? !upper : upper;
}

/* scanf_s: the size (unsigned, in characters) after a text pointer. */
static size_t text_room(struct scan_in *in, struct scan_spec *sp, va_list *ap)
{
    if (sp->suppress || !(in->opts & SCANO_SECURE))
        return (size_t)-1;
    return va_arg(*ap, unsigned);
}

/* One conversion.  Returns 1 assigned/matched, 0 matching failure,
 * -1 input failure (end of input before anything was read). */
static int convert_one(struct scan_in *in, struct scan_spec *sp,
                       va_list *ap, const void *fmt, int w, size_t *i)
{
    void *dst = NULL;
    uint64_t v;
    double d;
    int ok, base = 10, c;

    if (sp->conv == 'n') {
        if (!sp->suppress)
            store_int(va_arg(*ap, void *), sp->len, in->consumed);
        return 1;
    }
    if (sp->conv != 'c' && sp->conv != 'C' && sp->conv != '[')
        if (skip_ws(in) == EOF)
            return -1;
    if (literal_conv(sp->conv)) {
        c = next(in);
        if (c == (int)sp->conv)
            return 1;
        back(in, c);
        return c == EOF ? -1 : 0;
    }
    if (!sp->suppress)
        dst = va_arg(*ap, void *);
    switch (sp->conv) {
    case 'd': case 'u': case 'i': case 'o': case 'x': case 'X': case 'p': case 'P':
        base = sp->conv == 'i' ? 0 : sp->conv == 'o' ? 8 :
               (sp->conv == 'd' || sp->conv == 'u') ? 10 : 16;
        /* the UCRT has no %P, and its %p takes a 0x prefix (msvcrt's stops
         * at the x) */
        if (sp->conv == 'P' && (in->opts & SCANO_C99))
            return 0;
        if (sp->conv == 'p' || sp->conv == 'P')
            sp->len = LEN_64, base = in->opts & SCANO_C99 ? 16 : BASE_PTR;
        ok = scan_int(in, base, sp->width, &v);
        if (ok && dst)
            store_int(dst, sp->len, v);
        return ok;
    case 'e': case 'E': case 'f': case 'g': case 'G': case 'a': case 'A':
        if (in->opts & SCANO_NO_FLOAT)
            return 0;
        ok = scan_float(in, sp->width, &d);
        if (ok > 0 && dst) {
            if (sp->len == LEN_L || sp->len == LEN_64)
                *(double *)dst = d;
            else
                *(float *)dst = (float)d;
        }
        return ok;
    case 'c': case 'C': case 's': case 'S': {
        int wide_dst = wide_target(sp, w, in->opts);
        size_t room = text_room(in, sp, ap);
        sp->conv = sp->conv == 'C' ? 'c' : sp->conv == 'S' ? 's' : sp->conv;
        if (sp->conv == 'c' && (c = next(in)) == EOF)
            return -1;
        if (sp->conv == 'c')
            back(in, c);
        return scan_text(in, sp, dst, wide_dst, fmt, w, 0, 0, 0, room);
    }
    case '[': {
        size_t lo = *i, hi;
        int negate = fch(fmt, lo, w) == '^';
        lo += negate;
        hi = lo + (fch(fmt, lo, w) == ']');
        while (fch(fmt, hi, w) && fch(fmt, hi, w) != ']')
            hi++;
        size_t room = text_room(in, sp, ap);
        *i = fch(fmt, hi, w) ? hi + 1 : hi;
        if ((c = next(in)) == EOF)
            return -1;
        back(in, c);
        return scan_text(in, sp, dst, wide_target(sp, w, in->opts), fmt, w,
                         lo, hi, negate, room);
    }
    }
    return 0;
}

int scan_core(struct scan_in *in, const void *fmt, int w, va_list ap)
{
    size_t i = 0;
    int assigned = 0, any = 0, c;
    struct scan_spec sp;
    va_list args;

    va_copy(args, ap);
    while (fch(fmt, i, w)) {
        unsigned f = fch(fmt, i, w);
        if (is_ws((int)f)) {
            skip_ws(in);
            i++;
            continue;
        }
        if (f != '%') {
            c = next(in);
            if (c != (int)f) {
                back(in, c);
                if (c == EOF && !any)
                    assigned = EOF;
                break;
            }
            i++;
            continue;
        }
        i = parse_scan_spec(fmt, w, i + 1, &sp, in->opts);
        int r = convert_one(in, &sp, &args, fmt, w, &i);
        if (r < 0 && !any) {
            assigned = EOF;
            break;
        }
        if (r <= 0)
            break;
        any = 1;
        if (!sp.suppress && sp.conv != 'n' && !literal_conv(sp.conv))
            assigned++;
    }
    va_end(args);
    return assigned;
}
