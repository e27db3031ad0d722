/* Integer to string: _itoa, _ltoa, _ultoa, _i64toa, _ui64toa and wide
 * forms.  A negative value gets a '-' only in base 10 (documented). */
#include "crt.h"

/* The digits of v (a '-' first when neg) into buf; any radix from 2,
 * the digits past 'z' continuing in ASCII order. */
static void write_digits(uint64_t v, int neg, void *buf, int radix, int w)
{
    char tmp[72];
    int n = 0, o = 0;

    do {
        unsigned d = (unsigned)(v % radix);
        tmp[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
    } while ((v /= radix));
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

/* max_radix: 36 for the C runtime; ntdll's forms take any radix from 2
 * (Windows' ntdll writes base 37 and 99 digits). */
static void radix_to(uint64_t v, int neg, void *buf, int radix, int w, int max_radix)
{
    if (radix < 2 || radix > max_radix) {
        crt_set_errno(EINVAL);
        if (w)
            *(wchar *)buf = 0;
        else
            *(char *)buf = 0;
        return;
    }
    write_digits(v, neg, buf, radix, w);
}

/* The UCRT takes radixes up to 36 (documented); msvcrt.dll any from 2,
 * as ntdll ("itoa(100, buf, 100)" is "10" there, Wine's conformance test
 * on Windows). */
#ifdef CRT_UCRT
#define CRT_MAX_RADIX 36
#else
#define CRT_MAX_RADIX INT_MAX
#endif

static void u64_to(uint64_t v, int neg, void *buf, int radix, int w)
{
    radix_to(v, neg, buf, radix, w, CRT_MAX_RADIX);
}

static void s64_radix_to(int64_t v, void *buf, int radix, int w, unsigned bits, int max_radix)
{
    uint64_t mask = bits == 64 ? UINT64_MAX : (1ULL << bits) - 1;

    if (radix == 10 && v < 0)
        radix_to(0 - (uint64_t)v, 1, buf, radix, w, max_radix);
    else
        radix_to((uint64_t)v & mask, 0, buf, radix, w, max_radix);
}

static void s64_to(int64_t v, void *buf, int radix, int w, unsigned bits)
{
    s64_radix_to(v, buf, radix, w, bits, CRT_MAX_RADIX);
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

#define ANY INT_MAX
CRTAPI char *ntdll_itoa(int v, char *b, int r) { s64_radix_to(v, b, r, 0, 32, ANY); return b; }
CRTAPI char *ntdll_ltoa(long v, char *b, int r) { s64_radix_to(v, b, r, 0, 32, ANY); return b; }
CRTAPI char *ntdll_ultoa(unsigned long v, char *b, int r) { radix_to(v, 0, b, r, 0, ANY); return b; }
CRTAPI char *ntdll_i64toa(long long v, char *b, int r) { s64_radix_to(v, b, r, 0, 64, ANY); return b; }
CRTAPI char *ntdll_ui64toa(unsigned long long v, char *b, int r) { radix_to(v, 0, b, r, 0, ANY); return b; }
CRTAPI wchar *ntdll_itow(int v, wchar *b, int r) { s64_radix_to(v, b, r, 1, 32, ANY); return b; }
CRTAPI wchar *ntdll_ltow(long v, wchar *b, int r) { s64_radix_to(v, b, r, 1, 32, ANY); return b; }
CRTAPI wchar *ntdll_ultow(unsigned long v, wchar *b, int r) { radix_to(v, 0, b, r, 1, ANY); return b; }
CRTAPI wchar *ntdll_i64tow(long long v, wchar *b, int r) { s64_radix_to(v, b, r, 1, 64, ANY); return b; }
CRTAPI wchar *ntdll_ui64tow(unsigned long long v, wchar *b, int r) { radix_to(v, 0, b, r, 1, ANY); return b; }
#undef ANY

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
