/* Integer to string: _itoa, _ltoa, _ultoa, _i64toa, _ui64toa and wide
 * forms.  A negative value gets a '-' only in base 10 (documented). */
#include "crt.h"

static void u64_to(uint64_t v, int neg, void *buf, int radix, int w)
{
    char tmp[72];
    int n = 0, o = 0;

    if (radix < 2 || radix > 36) {
        crt_set_errno(EINVAL);
        if (w)
            *(wchar *)buf = 0;
        else
            *(char *)buf = 0;
        return;
    }
    do
        tmp[n++] = "0123456789abcdefghijklmnopqrstuvwxyz"[v % radix];
    while ((v /= radix));
    if (neg)
        tmp[n++] = '-';
    while (n--) {
        if (w)
            ((wchar *)buf)[o++] = (unsigned char)tmp[n];
        else
            ((char *)buf)[o++] = tmp[n];
    }
    if (w)
        ((wchar *)buf)[o] = 0;
    else
        ((char *)buf)[o] = 0;
}

static void s64_to(int64_t v, void *buf, int radix, int w, unsigned bits)
{
    uint64_t mask = bits == 64 ? UINT64_MAX : (1ULL << bits) - 1;

    if (radix == 10 && v < 0)
        u64_to(0 - (uint64_t)v, 1, buf, radix, w);
    else
        u64_to((uint64_t)v & mask, 0, buf, radix, w);
}

CRTAPI char *_itoa(int v, char *b, int r) { s64_to(v, b, r, 0, 32); return b; }
CRTAPI char *_ltoa(long v, char *b, int r) { s64_to(v, b, r, 0, 32); return b; }
CRTAPI char *_ultoa(unsigned long v, char *b, int r) { u64_to(v, 0, b, r, 0); return b; }
CRTAPI char *_i64toa(long long v, char *b, int r) { s64_to(v, b, r, 0, 64); return b; }
CRTAPI char *_ui64toa(unsigned long long v, char *b, int r) { u64_to(v, 0, b, r, 0); return b; }
CRTAPI wchar *_itow(int v, wchar *b, int r) { s64_to(v, b, r, 1, 32); return b; }
CRTAPI wchar *_ltow(long v, wchar *b, int r) { s64_to(v, b, r, 1, 32); return b; }
CRTAPI wchar *_ultow(unsigned long v, wchar *b, int r) { u64_to(v, 0, b, r, 1); return b; }
CRTAPI wchar *_i64tow(long long v, wchar *b, int r) { s64_to(v, b, r, 1, 64); return b; }
CRTAPI wchar *_ui64tow(unsigned long long v, wchar *b, int r) { u64_to(v, 0, b, r, 1); return b; }

/* ---- the _s forms: EINVAL for no buffer or a bad radix, ERANGE when the
 * digits (sign and terminator included) do not fit; "" on error ---- */

/* What Windows leaves in a buffer too small: the sign, then the digits
 * from the last one backwards until the buffer is full, then the first
 * character cleared ("\0765" for 12345678 in 4 characters). */
static void overflow_fill(uint64_t v, int neg, void *buf, size_t size, int radix, int w)
{
    size_t i = 0;

    if (neg)
        i++;
    for (; i < size; i++, v /= radix) {
        unsigned d = (unsigned)(v % radix);
        unsigned c = d < 10 ? '0' + d : 'a' + d - 10;
        w ? (void)(((wchar *)buf)[i] = (wchar)c) : (void)(((char *)buf)[i] = (char)c);
    }
    w ? (void)(*(wchar *)buf = 0) : (void)(*(char *)buf = 0);
}

static int to_s(uint64_t v, int neg, void *buf, size_t size, int radix, int w)
{
    char tmp[72];
    size_t need = 1 + (neg != 0);
    uint64_t t = v;

    if (!buf || !size || radix < 2 || radix > 36) {
        if (buf && size)
            w ? (void)(*(wchar *)buf = 0) : (void)(*(char *)buf = 0);
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    do
        need++;
    while ((t /= radix));
    if (need > size) {
        overflow_fill(v, neg, buf, size, radix, w);
        crt_invalid_parameter();
        crt_set_errno(ERANGE);
        return ERANGE;
    }
    u64_to(v, neg, w ? (void *)buf : (void *)tmp, radix, w);
    if (!w)
        memcpy(buf, tmp, need);
    return 0;
}

static int s64_to_s(int64_t v, void *buf, size_t size, int radix, int w, unsigned bits)
{
    uint64_t mask = bits == 64 ? UINT64_MAX : (1ULL << bits) - 1;

    if (radix == 10 && v < 0)
        return to_s(0 - (uint64_t)v, 1, buf, size, radix, w);
    return to_s((uint64_t)v & mask, 0, buf, size, radix, w);
}

CRTAPI int _itoa_s(int v, char *b, size_t n, int r) { return s64_to_s(v, b, n, r, 0, 32); }
CRTAPI int _ltoa_s(long v, char *b, size_t n, int r) { return s64_to_s(v, b, n, r, 0, 32); }
CRTAPI int _ultoa_s(unsigned long v, char *b, size_t n, int r) { return to_s(v, 0, b, n, r, 0); }
CRTAPI int _i64toa_s(long long v, char *b, size_t n, int r) { return s64_to_s(v, b, n, r, 0, 64); }
CRTAPI int _ui64toa_s(unsigned long long v, char *b, size_t n, int r) { return to_s(v, 0, b, n, r, 0); }
CRTAPI int _itow_s(int v, wchar *b, size_t n, int r) { return s64_to_s(v, b, n, r, 1, 32); }
CRTAPI int _ltow_s(long v, wchar *b, size_t n, int r) { return s64_to_s(v, b, n, r, 1, 32); }
CRTAPI int _ultow_s(unsigned long v, wchar *b, size_t n, int r) { return to_s(v, 0, b, n, r, 1); }
CRTAPI int _i64tow_s(long long v, wchar *b, size_t n, int r) { return s64_to_s(v, b, n, r, 1, 64); }
CRTAPI int _ui64tow_s(unsigned long long v, wchar *b, size_t n, int r) { return to_s(v, 0, b, n, r, 1); }
