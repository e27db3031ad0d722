/* Case of multibyte characters: single bytes by the code page's tables
 * (_mbctype, _mbcasemap; ASCII when there is no code page), double-byte
 * letters by their code page's runs of upper and lower case forms. */
#include "crt.h"

/* A run of count upper case characters from upper, whose lower case
 * forms run from lower. */
struct case_run {
    int cp;
    unsigned short upper, lower, count;
};

static const struct case_run case_runs[] = {
    { 932, 0x8260, 0x8281, 26 },        /* fullwidth Latin */
    { 932, 0x839F, 0x83BF, 24 },        /* Greek */
    { 936, 0xA3C1, 0xA3E1, 26 },        /* fullwidth Latin */
    { 936, 0xA2F1, 0xA2A1, 10 },        /* Roman numerals */
    { 936, 0xA6A1, 0xA6C1, 24 },        /* Greek */
    { 949, 0xA3C1, 0xA3E1, 26 },        /* fullwidth Latin */
    { 949, 0xA5C1, 0xA5E1, 24 },        /* Greek */
    { 949, 0xA5B0, 0xA5A1, 10 },        /* Roman numerals */
};

static unsigned byte_case(unsigned c, int upper)
{
    if (!crt_mbcp)
        return (unsigned)(upper ? toupper((int)c) : tolower((int)c));
    if ((_mbctype[c + 1] & (upper ? MBT_LOWER : MBT_UPPER)) && _mbcasemap[c])
        return _mbcasemap[c];
    return c;
}

static unsigned mbc_case(unsigned c, int upper)
{
    if (c <= 0xFF)
        return byte_case(c, upper);
    for (size_t i = 0; i < sizeof(case_runs) / sizeof(case_runs[0]); i++) {
        const struct case_run *r = &case_runs[i];
        unsigned from = upper ? r->lower : r->upper, to = upper ? r->upper : r->lower;
        if (r->cp == crt_mbcp && c >= from && c < from + r->count)
            return c - from + to;
    }
    return c;
}

CRTAPI unsigned _mbctoupper(unsigned c) { return mbc_case(c, 1); }
CRTAPI unsigned _mbctolower(unsigned c) { return mbc_case(c, 0); }

static unsigned char *mbs_case(unsigned char *s, int upper)
{
    for (unsigned char *p = s; *p;) {
        if (crt_mb_lead(*p)) {
            unsigned c;
            if (!p[1])
                break;
            c = mbc_case((unsigned)p[0] << 8 | p[1], upper);
            p[0] = (unsigned char)(c >> 8), p[1] = (unsigned char)c;
            p += 2;
        } else {
            *p = (unsigned char)mbc_case(*p, upper);
            p++;
        }
    }
    return s;
}

CRTAPI unsigned char *_mbsupr(unsigned char *s) { return s ? mbs_case(s, 1) : NULL; }
CRTAPI unsigned char *_mbslwr(unsigned char *s) { return s ? mbs_case(s, 0) : NULL; }

/* The string must end within n bytes; (NULL, 0) is an empty success. */
static int mbs_case_s(unsigned char *s, size_t n, int upper)
{
    if (!s && !n)
        return 0;
    if (!s || !n || strnlen((const char *)s, n) == n) {
        if (s && n)
            *s = 0;
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    mbs_case(s, upper);
    return 0;
}

CRTAPI int _mbsupr_s(unsigned char *s, size_t n) { return mbs_case_s(s, n, 1); }
CRTAPI int _mbslwr_s(unsigned char *s, size_t n) { return mbs_case_s(s, n, 0); }
