/* _ecvt and _fcvt: a double as a string of decimal digits, with the
 * decimal point's place and the sign returned apart.  _ecvt keeps
 * `count` significant digits, _fcvt `count` digits after the point; both
 * round the exact value half away from zero, as the CRT does. */
#include "crt_internal.h"
#include "fmt_decimal.h"

#define CVTBUFSIZE 349      /* _CVTBUFSIZE */

/* digits 0..keep-1 of d (zeros past its end) into out, terminated. */
static int put_digits(char *out, size_t size, const struct decimal *d, int keep)
{
    if (keep < 0)
        keep = 0;
    if ((size_t)keep >= size) {
        out[0] = 0;
        return ERANGE;
    }
    for (int i = 0; i < keep; i++)
        out[i] = dec_digit(d, i);
    out[keep] = 0;
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
    bits.u &= ~(1ULL << 63);
    dec_from_double(bits.f, &d);
    if (!d.n)
        d.exp = 0;      /* zero: all digits 0, the point before them */
    keep = fixed ? d.exp + count : count;
    dec_round(&d, keep, 0);
    if (fixed)
        keep = d.exp + count;   /* a carry may have made one more digit */
    *dec = d.exp;
    return put_digits(out, size, &d, keep);
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
