/* <uchar.h>: char16_t and char32_t to and from UTF-8, which is what the
 * UCRT's mbrtoc16/c16rtomb/mbrtoc32/c32rtomb use whatever the locale.
 * The mbstate_t (an unsigned int here) keeps the bytes of a character
 * not yet complete, or the second half of a surrogate pair. */
#include "crt.h"

#define PARTIAL ((size_t)-2)
#define INVALID ((size_t)-1)
#define LOW_PENDING ((size_t)-3)

/* state: 0xSSNN......: bits 24-27 bytes still needed, 0-20 the code
 * point so far; or 0x8000 0000 | low surrogate waiting to be returned. */
static unsigned zero_state;

static size_t utf8_decode(uint32_t *cp, const unsigned char *s, size_t n, unsigned *st)
{
    uint32_t v = *st & 0x1FFFFF;
    unsigned need = *st >> 24 & 0xF;
    size_t i = 0;

    if (!need) {
        unsigned c = s[i++];
        if (c < 0x80) { *cp = c; return c ? 1 : 0; }
        if (c < 0xC2 || c > 0xF4) return INVALID;
        need = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        v = c & (0x3F >> need);
    }
    for (; need && i < n; need--, i++) {
        if ((s[i] & 0xC0) != 0x80)
            return INVALID;
        v = v << 6 | (s[i] & 0x3F);
    }
    if (need) {
        *st = need << 24 | v;
        return PARTIAL;
    }
    *st = 0;
    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || v < 0x80)
        return INVALID;
    *cp = v;
    return i;
}

CRTAPI size_t mbrtoc32(uint32_t *out, const char *s, size_t n, unsigned *st)
{
    uint32_t cp = 0;
    size_t r;

    if (!st)
        st = &zero_state;
    if (!s)
        return mbrtoc32(NULL, "", 1, st);
    if (!n)
        return PARTIAL;
    r = utf8_decode(&cp, (const unsigned char *)s, n, st);
    if (r == INVALID)
        crt_set_errno(EILSEQ);
    else if (r != PARTIAL && out)
        *out = cp;
    return r;
}

CRTAPI size_t mbrtoc16(uint16_t *out, const char *s, size_t n, unsigned *st)
{
    uint32_t cp;
    size_t r;

    if (!st)
        st = &zero_state;
    if (*st & 0x80000000u) {        /* the low half of a pair */
        if (out)
            *out = (uint16_t)(*st & 0xFFFF);
        *st = 0;
        return LOW_PENDING;
    }
    r = mbrtoc32(&cp, s, n, st);
    if (r == INVALID || r == PARTIAL)
        return r;
    if (cp >= 0x10000) {
        cp -= 0x10000;
        *st = 0x80000000u | (0xDC00 + (cp & 0x3FF));
        cp = 0xD800 + (cp >> 10);
    }
    if (out)
        *out = (uint16_t)cp;
    return r;
}

static size_t utf8_encode(char *s, uint32_t cp)
{
    if (cp < 0x80) {
        s[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        s[0] = (char)(0xC0 | cp >> 6);
        s[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        s[0] = (char)(0xE0 | cp >> 12);
        s[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        s[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    s[0] = (char)(0xF0 | cp >> 18);
    s[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    s[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    s[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

CRTAPI size_t c32rtomb(char *s, uint32_t c, unsigned *st)
{
    char tmp[4];

    if (!s)
        s = tmp, c = 0;
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        crt_set_errno(EILSEQ);
        return INVALID;
    }
    return utf8_encode(s, c);
}

/* A high surrogate waits in the state for its low half. */
CRTAPI size_t c16rtomb(char *s, uint16_t c, unsigned *st)
{
    char tmp[4];

    if (!st)
        st = &zero_state;
    if (!s)
        s = tmp, c = 0;
    if (*st) {
        uint32_t hi = *st & 0x3FF;
        *st = 0;
        if (c < 0xDC00 || c > 0xDFFF) {
            crt_set_errno(EILSEQ);
            return INVALID;
        }
        return utf8_encode(s, 0x10000 + (hi << 10) + (c - 0xDC00));
    }
    if (c >= 0xD800 && c <= 0xDBFF) {
        *st = 0x40000000u | (c - 0xD800);
        return 0;
    }
    return c32rtomb(s, c, NULL);
}
