/* The _mbs and _mbc functions that walk characters of the multibyte code
 * page (_setmbcp): a lead byte and the byte after it are one character.
 * With a single-byte page no byte is a lead byte and a character is a
 * byte.  A lead byte followed by the terminator is no character: the
 * string ends there. */
#include "crt.h"

#define MBC_SINGLE 0
#define MBC_LEAD 1
#define MBC_TRAIL 2
#define MBC_ILLEGAL (-1)

/* The length in bytes of the character at p, 0 at the end. */
static size_t char_len(const unsigned char *p)
{
    if (!*p)
        return 0;
    if (crt_mb_lead(*p))
        return p[1] ? 2 : 0;
    return 1;
}

CRTAPI unsigned char *_mbsinc(const unsigned char *p)
{
    return (unsigned char *)p + (crt_mb_lead(*p) && p[1] ? 2 : 1);
}

/* The character before p, walking from start (only a walk from the
 * beginning tells lead from trail bytes). */
CRTAPI unsigned char *_mbsdec(const unsigned char *start, const unsigned char *p)
{
    const unsigned char *q = start, *next;

    if (!start || !p || p <= start)
        return NULL;
    for (; (next = _mbsinc(q)) < p; q = next)
        ;
    return (unsigned char *)q;
}

CRTAPI unsigned char *_mbsninc(const unsigned char *p, size_t n)
{
    size_t len;

    if (!p)
        return NULL;
    for (; n && (len = char_len(p)); n--)
        p += len;
    return (unsigned char *)p;
}

CRTAPI unsigned _mbsnextc(const unsigned char *p)
{
    return crt_mb_lead(*p) ? (unsigned)p[0] << 8 | p[1] : *p;
}

CRTAPI size_t _mbclen(const unsigned char *p)
{
    return crt_mb_lead(*p) && p[1] ? 2 : 1;
}

/* Characters before the terminator (a lead byte before it is none). */
CRTAPI size_t _mbslen(const unsigned char *s)
{
    size_t n = 0, len;

    for (; (len = char_len(s)); n++)
        s += len;
    return n;
}

/* _mbslen, or max when the terminator is not within max bytes. */
CRTAPI size_t _mbsnlen(const unsigned char *s, size_t max)
{
    return strnlen((const char *)s, max) == max ? max : _mbslen(s);
}

/* How many bytes the first n characters take. */
CRTAPI size_t _mbsnbcnt(const unsigned char *s, size_t n)
{
    return (size_t)(_mbsninc(s, n) - s);
}

/* How many characters the first n bytes hold. */
CRTAPI size_t _mbsnccnt(const unsigned char *s, size_t n)
{
    size_t chars = 0, len;

    for (; (len = char_len(s)) && len <= n; chars++)
        s += len, n -= len;
    return chars;
}

CRTAPI void _mbccpy(unsigned char *d, const unsigned char *s)
{
    d[0] = s[0];
    if (crt_mb_lead(s[0]))
        d[1] = s[1];
}

/* *copied gets the bytes written; a lead byte with no trail byte is
 * EILSEQ (a terminator written in its place). */
CRTAPI int _mbccpy_s(unsigned char *d, size_t n, int *copied, const unsigned char *s)
{
    int e = 0;

    if (copied)
        *copied = 0;
    if (!d || !n || !s) {
        e = EINVAL;
    } else if (!crt_mb_lead(*s)) {
        *d = *s;
        if (copied)
            *copied = 1;
        return 0;
    } else if (!s[1]) {
        *d = 0;
        if (copied)
            *copied = 1;
        crt_set_errno(EILSEQ);
        return EILSEQ;
    } else if (n < 2) {
        *d = 0;
        e = ERANGE;
    } else {
        d[0] = s[0], d[1] = s[1];
        if (copied)
            *copied = 2;
        return 0;
    }
    crt_invalid_parameter();
    crt_set_errno(e);
    return e;
}

/* Copies n characters; past the end of src, one terminator for each
 * character left (a lead byte before the terminator leaves two). */
CRTAPI unsigned char *_mbsncpy(unsigned char *d, const unsigned char *s, size_t n)
{
    unsigned char *out = d;
    size_t len;

    for (; n && (len = char_len(s)); n--) {
        memcpy(out, s, len);
        out += len, s += len;
    }
    if (n && *s)
        *out++ = 0;
    for (; n; n--)
        *out++ = 0;
    return d;
}

/* Copies n bytes, never half a character: a lead byte that does not
 * fit, or has no trail byte, becomes a terminator; the rest is padded. */
CRTAPI unsigned char *_mbsnbcpy(unsigned char *d, const unsigned char *s, size_t n)
{
    unsigned char *out = d;
    size_t len;

    while (n && (len = char_len(s)) && len <= n) {
        memcpy(out, s, len);
        out += len, s += len, n -= len;
    }
    for (; n; n--)
        *out++ = 0;
    return d;
}

/* Whether c (a character, one or two bytes) is one of set's characters. */
static int in_set(unsigned c, const unsigned char *set)
{
    size_t len;

    for (; (len = char_len(set)); set += len)
        if (_mbsnextc(set) == c)
            return 1;
    return 0;
}

/* The bytes of the leading characters that are (want 1) or are not
 * (want 0) in set. */
static size_t span(const unsigned char *s, const unsigned char *set, int want)
{
    const unsigned char *p = s;
    size_t len;

    for (; (len = char_len(p)) && in_set(_mbsnextc(p), set) == want; p += len)
        ;
    return (size_t)(p - s);
}

CRTAPI size_t _mbsspn(const unsigned char *s, const unsigned char *set) { return span(s, set, 1); }
CRTAPI size_t _mbscspn(const unsigned char *s, const unsigned char *set) { return span(s, set, 0); }

/* The first character not in set, or NULL at the end of the string. */
CRTAPI unsigned char *_mbsspnp(const unsigned char *s, const unsigned char *set)
{
    s += span(s, set, 1);
    return *s ? (unsigned char *)s : NULL;
}

CRTAPI unsigned char *_mbspbrk(const unsigned char *s, const unsigned char *set)
{
    s += span(s, set, 0);
    return char_len(s) ? (unsigned char *)s : NULL;
}

/* Where p falls in s's characters: MBC_SINGLE, MBC_LEAD or MBC_TRAIL,
 * or MBC_ILLEGAL past the string's end. */
static int classify(const unsigned char *s, const unsigned char *p)
{
    for (;;) {
        if (s == p)
            return crt_mb_lead(*s) ? MBC_LEAD : *s ? MBC_SINGLE : MBC_ILLEGAL;
        if (!*s)
            return MBC_ILLEGAL;
        if (crt_mb_lead(*s)) {
            if (s + 1 == p)
                return MBC_TRAIL;
            if (!s[1])
                return MBC_ILLEGAL;
            s += 2;
        } else {
            s++;
        }
    }
}

CRTAPI int _ismbslead(const unsigned char *s, const unsigned char *p)
{
    return classify(s, p) == MBC_LEAD ? -1 : 0;
}

CRTAPI int _ismbstrail(const unsigned char *s, const unsigned char *p)
{
    return classify(s, p) == MBC_TRAIL ? -1 : 0;
}

CRTAPI int isprint(int);

/* type 1 says the byte before c was a lead byte.  Otherwise a byte is a
 * lead byte, a single-byte character (printable, or code page 932's
 * kana) or illegal. */
CRTAPI int _mbbtype(unsigned char c, int type)
{
    if (type == 1)
        return crt_mb_trail(c) ? MBC_TRAIL : MBC_ILLEGAL;
    if (crt_mb_lead(c))
        return MBC_LEAD;
    return isprint(c) || (_mbctype[c + 1] & (MBT_MS | MBT_MP)) ? MBC_SINGLE : MBC_ILLEGAL;
}

/* The type of the byte at count: a trail byte out of the trail range, or
 * anything at or past the terminator, is illegal. */
CRTAPI int _mbsbtype(const unsigned char *s, size_t count)
{
    int t;

    if (!s) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return MBC_ILLEGAL;
    }
    t = classify(s, s + count);
    if (t == MBC_TRAIL && !crt_mb_trail(s[count]))
        return MBC_ILLEGAL;
    return t;
}

/* The comparisons: strcmp's and _stricmp's order (-1, 0, 1 for bytes),
 * but a NULL string is an invalid parameter that returns _NLSCMPERROR
 * (INT_MAX) with errno EINVAL, as documented for _mbscmp and friends. */
#define NLSCMPERROR INT_MAX

static int mbs_null(void)
{
    crt_invalid_parameter();
    crt_set_errno(EINVAL);
    return NLSCMPERROR;
}

CRTAPI int strcmp(const char *, const char *);
CRTAPI int _stricmp(const char *, const char *);

CRTAPI int _mbscmp(const unsigned char *a, const unsigned char *b)
{
    return a && b ? strcmp((const char *)a, (const char *)b) : mbs_null();
}

CRTAPI int _mbsicmp(const unsigned char *a, const unsigned char *b)
{
    return a && b ? _stricmp((const char *)a, (const char *)b) : mbs_null();
}

CRTAPI int _mbsncmp(const unsigned char *a, const unsigned char *b, size_t n)
{
    if (!n)
        return 0;
    return a && b ? strncmp((const char *)a, (const char *)b, n) : mbs_null();
}

CRTAPI int strcat_s(char *, size_t, const char *);

/* Drops a lead byte left alone at the end of s; whether there was one. */
static int drop_lone_lead(unsigned char *s)
{
    size_t n = strlen((const char *)s);

    if (!n || classify(s, s + n - 1) != MBC_LEAD)
        return 0;
    s[n - 1] = 0;
    return 1;
}

/* strcat_s for characters: a lead byte without its trail byte at the end
 * of either string is dropped, and the result is then EILSEQ. */
CRTAPI int _mbscat_s(unsigned char *d, size_t n, const unsigned char *s)
{
    int bad = d && n && strnlen((const char *)d, n) < n && drop_lone_lead(d);
    int e = strcat_s((char *)d, n, (const char *)s);

    if (e)
        return e;
    if (drop_lone_lead(d) || bad) {
        crt_set_errno(EILSEQ);
        return EILSEQ;
    }
    return 0;
}
