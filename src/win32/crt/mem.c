/* mem* functions.  Loops here must not be turned back into calls to
 * memcpy/memset by the optimiser, hence the attribute. */
#include "crt.h"

#define NO_LIBCALL __attribute__((optimize("no-tree-loop-distribute-patterns")))

/* rep movsb/stosb are fast on every CPU with ERMS and need no tail code. */
CRTAPI void *memcpy(void *d, const void *s, size_t n)
{
    void *ret = d;

    __asm__ volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
    return ret;
}

CRTAPI void *memset(void *d, int c, size_t n)
{
    void *ret = d;

    __asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
    return ret;
}

NO_LIBCALL CRTAPI void *memmove(void *d, const void *s, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;

    if (dp <= sp || dp >= sp + n)
        return memcpy(d, s, n);
    while (n--)
        dp[n] = sp[n];
    return d;
}

CRTAPI int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;

    for (; n; n--, p++, q++)
        if (*p != *q)
            return *p < *q ? -1 : 1;
    return 0;
}

CRTAPI void *memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;

    for (; n; n--, p++)
        if (*p == (unsigned char)c)
            return (void *)p;
    return NULL;
}

/* A NULL buffer with a count is an invalid parameter: _NLSCMPERROR. */
CRTAPI int _memicmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;

    if (n && (!a || !b)) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return INT_MAX;
    }
    for (; n; n--, p++, q++) {
        int x = tolower(*p), y = tolower(*q);
        if (x != y)
            return x - y;
    }
    return 0;
}

NO_LIBCALL CRTAPI void *_memccpy(void *d, const void *s, int c, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;

    for (; n; n--) {
        if ((*dp++ = *sp++) == (unsigned char)c)
            return dp;
    }
    return NULL;
}

NO_LIBCALL CRTAPI void _swab(char *s, char *d, int n)
{
    for (; n > 1; n -= 2, s += 2, d += 2) {
        char t = s[0];
        d[0] = s[1];
        d[1] = t;
    }
}

/* ---- bounds-checked copies ---- */

/* memcpy_s: count bytes into dst[0..size); a NULL source or a too small
 * destination zeroes the destination (EINVAL, ERANGE). */
CRTAPI int memcpy_s(void *dst, size_t size, const void *src, size_t count)
{
    if (!count)
        return 0;
    if (!dst)
        goto invalid;
    if (!src || size < count) {
        memset(dst, 0, size);
        crt_invalid_parameter();
        crt_set_errno(src ? ERANGE : EINVAL);
        return src ? ERANGE : EINVAL;
    }
    memmove(dst, src, count);   /* Windows' memcpy moves overlapping bytes too */
    return 0;
invalid:
    crt_invalid_parameter();
    crt_set_errno(EINVAL);
    return EINVAL;
}

CRTAPI int memmove_s(void *dst, size_t size, const void *src, size_t count)
{
    if (!count)
        return 0;
    if (!dst || !src || size < count) {
        int e = dst && src ? ERANGE : EINVAL;
        crt_invalid_parameter();
        crt_set_errno(e);
        return e;
    }
    memmove(dst, src, count);
    return 0;
}

CRTAPI int wmemcpy_s(wchar *dst, size_t size, const wchar *src, size_t count)
{
    if (size > (size_t)-1 / 2)
        size = (size_t)-1 / 2;
    return memcpy_s(dst, size * 2, src, count > (size_t)-1 / 2 ? (size_t)-1 : count * 2);
}

CRTAPI int wmemmove_s(wchar *dst, size_t size, const wchar *src, size_t count)
{
    if (size > (size_t)-1 / 2)
        size = (size_t)-1 / 2;
    return memmove_s(dst, size * 2, src, count > (size_t)-1 / 2 ? (size_t)-1 : count * 2);
}
