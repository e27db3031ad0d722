/* String to integer: strtol/strtoul/_strtoi64/_strtoui64, their wide
 * forms, and atoi & co.  One parser serves both widths. */
#include "crt.h"

struct int_parse {
    uint64_t mag;       /* magnitude, saturated at UINT64_MAX */
    int neg;
    int overflow;
    size_t end;         /* index just past the number, 0 if none */
};

static unsigned at(const void *s, int w, size_t i)
{
    return w ? ((const wchar *)s)[i] : ((const unsigned char *)s)[i];
}

/* A digit's value (letters from 10), 99 for none; wide strings also
 * have the decimal digits of other scripts. */
static int digit_value(unsigned c)
{
    int d = c > 0xFF ? crt_wdigit_value((wint)c) : -1;

    if (c > 0xFF)
        return d < 0 ? 99 : d;
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* w: 0 narrow, 1 wide, NTDLL_WIDE wide with ntdll's spaces (Latin-1's
 * only: U+00A0 is one, U+2002 and U+3000 are not). */
#define NTDLL_WIDE 2

static int is_space(unsigned c, int w)
{
    if (w == NTDLL_WIDE)
        return c < 0x100 && iswspace((wint)c);
    return w ? iswspace((wint)c) : isspace((int)c);
}

/* msvcrt takes "0x" as the prefix even with no hex digit after it: then
 * nothing converts ("-0x" ends at its start); the UCRT, as C says, reads
 * the "0" alone. */
#ifdef CRT_UCRT
#define HEX_PREFIX_ALONE 0
#else
#define HEX_PREFIX_ALONE 1
#endif

static void parse_int(const void *s, int w, int base, struct int_parse *p)
{
    size_t i = 0, first;

    memset(p, 0, sizeof(*p));
    while (is_space(at(s, w, i), w))
        i++;
    if (at(s, w, i) == '-' || at(s, w, i) == '+')
        p->neg = at(s, w, i++) == '-';
    if ((base == 0 || base == 16) && digit_value(at(s, w, i)) == 0 &&
        (at(s, w, i + 1) | 0x20) == 'x' && (HEX_PREFIX_ALONE || digit_value(at(s, w, i + 2)) < 16)) {
        i += 2;
        base = 16;
    } else if (base == 0) {
        base = digit_value(at(s, w, i)) == 0 ? 8 : 10;
    }
    first = i;
    for (int d; (d = digit_value(at(s, w, i))) < base; i++) {
        if (p->mag > (UINT64_MAX - d) / base) {
            p->overflow = 1;
            p->mag = UINT64_MAX;
        } else if (!p->overflow) {
            p->mag = p->mag * base + d;
        }
    }
    p->end = i > first ? i : 0;
}

static int bad_base(int base)
{
    if (base == 1 || base < 0 || base > 36) {
        crt_set_errno(EINVAL);
        return 1;
    }
    return 0;
}

static void set_end(const void *s, int w, size_t end, void **endp)
{
    if (endp)
        *endp = (char *)s + end * (w ? 2 : 1);
}

/* Signed result clamped to [min, max]. */
static int64_t to_signed(const void *s, int w, void **endp, int base,
                         int64_t min, int64_t max)
{
    struct int_parse p;

    if (bad_base(base)) {
        set_end(s, w, 0, endp);
        return 0;
    }
    parse_int(s, w, base, &p);
    set_end(s, w, p.end, endp);
    if (!p.neg && (p.overflow || p.mag > (uint64_t)max)) {
        crt_set_errno(ERANGE);
        return max;
    }
    if (p.neg && (p.overflow || p.mag > (uint64_t)max + 1)) {
        crt_set_errno(ERANGE);
        return min;
    }
    return p.neg ? (int64_t)(0 - p.mag) : (int64_t)p.mag;
}

/* Unsigned: a minus sign negates modulo 2^bits, as the standard says;
 * out of range is the documented maximum, which msvcrt (and ntdll)
 * negates after a minus sign too ("-4294967296" gives 1 there) and the
 * UCRT, as C says, does not. */
#ifdef CRT_UCRT
#define NEGATES_MAXIMUM 0
#else
#define NEGATES_MAXIMUM 1
#endif

static uint64_t to_unsigned(const void *s, int w, void **endp, int base,
                            uint64_t max)
{
    struct int_parse p;

    if (bad_base(base)) {
        set_end(s, w, 0, endp);
        return 0;
    }
    parse_int(s, w, base, &p);
    set_end(s, w, p.end, endp);
    if (p.overflow || p.mag > max) {
        crt_set_errno(ERANGE);
        return NEGATES_MAXIMUM && p.neg ? (0 - max) & max : max;
    }
    return p.neg ? (0 - p.mag) & max : p.mag;
}

CRTAPI long strtol(const char *s, char **e, int b)
{
    return (long)to_signed(s, 0, (void **)e, b, LONG_MIN, LONG_MAX);
}

CRTAPI unsigned long strtoul(const char *s, char **e, int b)
{
    return (unsigned long)to_unsigned(s, 0, (void **)e, b, ULONG_MAX);
}

CRTAPI long long _strtoi64(const char *s, char **e, int b)
{
    return to_signed(s, 0, (void **)e, b, INT64_MIN, INT64_MAX);
}

CRTAPI unsigned long long _strtoui64(const char *s, char **e, int b)
{
    return to_unsigned(s, 0, (void **)e, b, UINT64_MAX);
}

CRTAPI long long strtoll(const char *s, char **e, int b)
{
    return _strtoi64(s, e, b);
}

CRTAPI unsigned long long strtoull(const char *s, char **e, int b)
{
    return _strtoui64(s, e, b);
}

CRTAPI long wcstol(const wchar *s, wchar **e, int b)
{
    return (long)to_signed(s, 1, (void **)e, b, LONG_MIN, LONG_MAX);
}

CRTAPI unsigned long wcstoul(const wchar *s, wchar **e, int b)
{
    return (unsigned long)to_unsigned(s, 1, (void **)e, b, ULONG_MAX);
}

CRTAPI long long _wcstoi64(const wchar *s, wchar **e, int b)
{
    return to_signed(s, 1, (void **)e, b, INT64_MIN, INT64_MAX);
}

CRTAPI unsigned long long _wcstoui64(const wchar *s, wchar **e, int b)
{
    return to_unsigned(s, 1, (void **)e, b, UINT64_MAX);
}

/* atoi and friends: no error reporting.  The UCRT's atoi and atol
 * saturate as strtol does (documented); msvcrt's wrap an out-of-range
 * value modulo 2^32 as ntdll's do ("4294967296" gives 0). */
static int32_t wrapped(const void *s, int w);

#ifdef CRT_UCRT
CRTAPI int atoi(const char *s) { return (int)strtol(s, NULL, 10); }
CRTAPI long atol(const char *s) { return strtol(s, NULL, 10); }
#else
CRTAPI int atoi(const char *s) { return wrapped(s, 0); }
CRTAPI long atol(const char *s) { return wrapped(s, 0); }
#endif
CRTAPI long long _atoi64(const char *s) { return _strtoi64(s, NULL, 10); }
CRTAPI long long atoll(const char *s) { return _strtoi64(s, NULL, 10); }
CRTAPI int _wtoi(const wchar *s) { return (int)wcstol(s, NULL, 10); }
CRTAPI long _wtol(const wchar *s) { return wcstol(s, NULL, 10); }
CRTAPI long long _wtoi64(const wchar *s) { return _wcstoi64(s, NULL, 10); }

/* ntdll's forms: its spaces, and atoi & co wrap an out-of-range value
 * modulo 2^32 ("-9999999999" gives -1410065407) instead of saturating
 * (msvcrt's narrow atoi and atol too). */
static int32_t wrapped(const void *s, int w)
{
    struct int_parse p;

    parse_int(s, w, 10, &p);
    return (int32_t)(uint32_t)(p.neg ? 0 - p.mag : p.mag);
}

CRTAPI int ntdll_atoi(const char *s) { return wrapped(s, 0); }
CRTAPI long ntdll_atol(const char *s) { return wrapped(s, 0); }
CRTAPI int ntdll_wtoi(const wchar *s) { return wrapped(s, NTDLL_WIDE); }
CRTAPI long ntdll_wtol(const wchar *s) { return wrapped(s, NTDLL_WIDE); }

CRTAPI long long ntdll_wtoi64(const wchar *s)
{
    return to_signed(s, NTDLL_WIDE, NULL, 10, INT64_MIN, INT64_MAX);
}

CRTAPI long ntdll_wcstol(const wchar *s, wchar **e, int b)
{
    return (long)to_signed(s, NTDLL_WIDE, (void **)e, b, LONG_MIN, LONG_MAX);
}

/* Out of range is the maximum, negated after a minus sign too
 * ("-4294967296" gives 1). */
CRTAPI unsigned long ntdll_wcstoul(const wchar *s, wchar **e, int b)
{
    struct int_parse p;
    uint64_t v;

    if (bad_base(b)) {
        set_end(s, 1, 0, (void **)e);
        return 0;
    }
    parse_int(s, NTDLL_WIDE, b, &p);
    set_end(s, 1, p.end, (void **)e);
    v = p.overflow || p.mag > ULONG_MAX ? ULONG_MAX : p.mag;
    return (unsigned long)(p.neg ? (0 - v) & ULONG_MAX : v);
}
