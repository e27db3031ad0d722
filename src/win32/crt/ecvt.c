/* _ecvt and _fcvt: a double as a string of decimal digits, with the
 * decimal point's place and the sign returned apart.  _ecvt keeps
 * `count` significant digits, _fcvt `count` digits after the point; both
 * round the exact value half away from zero, as the CRT does. */
#include "crt_internal.h"
#include "fmt_decimal.h"

#define CVTBUFSIZE 349      /* _CVTBUFSIZE */

/* digits 0..keep-1 of d, or of text when there is one (zeros past its
 * end), into out, terminated. */
static int put_digits(char *out, size_t size, const struct decimal *d, const char *text,
                      int keep)
{
    size_t len = text ? strlen(text) : 0;

    if (keep < 0)
        keep = 0;
    if ((size_t)keep >= size) {
        out[0] = 0;
        return ERANGE;
    }
    for (int i = 0; i < keep; i++)
        out[i] = !text ? dec_digit(d, i) : (size_t)i < len ? text[i] : '0';
    out[keep] = 0;
    return 0;
}

/* Infinities and NaNs: the text "1#INF", "1#IND", "1#QNAN" or "1#SNAN"
 * taken as digits with the point after the first, cut to `keep`
 * characters (zeros past its end) and rounded on the next character as
 * if it were a digit: "1#QNAN" to two gives "1$". */
static int special_digits(char *out, size_t size, uint64_t bits, int keep)
{
    uint64_t mant = bits & ((1ULL << 52) - 1);
    const char *text = !mant ? "1#INF" : bits >> 63 && mant == 1ULL << 51 ? "1#IND"
                       : mant >> 51 ? "1#QNAN" : "1#SNAN";
    size_t len = strlen(text);

    if (put_digits(out, size, NULL, text, keep))
        return ERANGE;
    if (keep > 0 && (size_t)keep < len && text[keep] >= '5')
        out[keep - 1]++;
    return 0;
}

static int cvt(char *out, size_t size, double v, int count, int *dec, int *sign,
               int fixed)
{
    union { double f; uint64_t u; } bits = { v };
    struct decimal d;
    int keep;

    if (!out || !size || !dec || !sign) {
        if (out && size)
            out[0] = 0;
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    *sign = (int)(bits.u >> 63);
    if ((bits.u >> 52 & 0x7FF) == 0x7FF) {
        *dec = 1;
        return special_digits(out, size, bits.u, fixed ? 1 + count : count);
    }
    bits.u &= ~(1ULL << 63);
    dec_from_double(bits.f, &d);
    if (!d.n)
        d.exp = 0;      /* zero: all digits 0, the point before them */
    keep = fixed ? d.exp + count : count;
    dec_round(&d, keep, 0);
    if (fixed)
        keep = d.exp + count;   /* a carry may have made one more digit */
    *dec = d.exp;
    return put_digits(out, size, &d, NULL, keep);
}

CRTAPI int _ecvt_s(char *out, size_t size, double v, int count, int *dec, int *sign)
{
    return cvt(out, size, v, count, dec, sign, 0);
}

CRTAPI int _fcvt_s(char *out, size_t size, double v, int count, int *dec, int *sign)
{
    return cvt(out, size, v, count, dec, sign, 1);
}

CRTAPI char *_ecvt(double v, int count, int *dec, int *sign)
{
    char *b = crt_thread_data()->cvt_buf;

    return _ecvt_s(b, CVTBUFSIZE, v, count > CVTBUFSIZE - 1 ? CVTBUFSIZE - 1 : count,
                   dec, sign) ? NULL : b;
}

CRTAPI char *_fcvt(double v, int count, int *dec, int *sign)
{
    char *b = crt_thread_data()->cvt_buf;

    return _fcvt_s(b, CVTBUFSIZE, v, count, dec, sign) ? NULL : b;
}

static int gcvt_fail(char *out, size_t size, int e)
{
    if (out && size)
        out[0] = 0;
    crt_invalid_parameter();
    crt_set_errno(e);
    return e;
}

/* `digits` significant digits as %g prints them (three-digit exponent),
 * always with a decimal point: 1 gives "1.", 1e10 with one digit
 * "1.e+010".  digits must be below the buffer's size. */
CRTAPI int _gcvt_s(char *out, size_t size, double v, int digits)
{
    struct fmt_spec s = { 0, 0, digits > CVTBUFSIZE ? CVTBUFSIZE : digits, 'g', 0 };
    char tmp[FMT_FLOAT_BUF + 2], *at;
    size_t n;

    if (!out || !size || digits < 0)
        return gcvt_fail(out, size, EINVAL);
    if ((size_t)digits >= size)
        return gcvt_fail(out, size, ERANGE);
    n = (size_t)fmt_float(tmp, sizeof(tmp) - 1, v, &s);
    if (!strchr(tmp, '.') && !strchr(tmp, '#')) {
        at = strchr(tmp, 'e');
        at = at ? at : tmp + n;
        memmove(at + 1, at, (size_t)(tmp + n - at) + 1);
        *at = '.';
        n++;
    }
    if (n >= size)
        return gcvt_fail(out, size, ERANGE);
    memcpy(out, tmp, n + 1);
    return 0;
}

/* The buffer is the caller's promise: digits plus sign, point and
 * exponent. */
CRTAPI char *_gcvt(double v, int digits, char *buf)
{
    if (!buf) {
        gcvt_fail(NULL, 0, EINVAL);
        return NULL;
    }
    if (digits < 0) {
        gcvt_fail(NULL, 0, ERANGE);
        return NULL;
    }
    return _gcvt_s(buf, (size_t)digits + 8, v, digits) ? NULL : buf;
}
