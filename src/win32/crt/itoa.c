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
