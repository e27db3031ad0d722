/* Multibyte <-> wide conversion in the "C" locale, where msvcrt maps each
 * byte to the code unit of the same value (MB_CUR_MAX is 1) and a wide
 * character above U+00FF has no multibyte form (EILSEQ). */
#include "crt.h"

int crt_wide_to_narrow(char *dst, wchar c)
{
    if (c > 0xFF)
        return -1;
    *dst = (char)c;
    return 1;
}

CRTAPI int mblen(const char *s, size_t n)
{
    if (!s || !n)
        return 0;
    return *s ? 1 : 0;
}

CRTAPI int mbtowc(wchar *wc, const char *s, size_t n)
{
    if (!s)
        return 0;
    if (!n)
        return -1;
    if (wc)
        *wc = (unsigned char)*s;
    return *s ? 1 : 0;
}

CRTAPI int wctomb(char *s, wchar wc)
{
    if (!s)
        return 0;
    if (crt_wide_to_narrow(s, wc) < 0) {
        crt_set_errno(EILSEQ);
        return -1;
    }
    return 1;
}

static size_t no_source(void)
{
    crt_invalid_parameter();
    crt_set_errno(EINVAL);
    return (size_t)-1;
}

/* Converts up to n wide characters; without dst, just counts. */
CRTAPI size_t mbstowcs(wchar *dst, const char *src, size_t n)
{
    size_t i = 0;

    if (!src)
        return no_source();
    if (!dst)
        return strlen(src);
    for (; i < n; i++) {
        dst[i] = (unsigned char)src[i];
        if (!src[i])
            break;
    }
    return i;
}

CRTAPI size_t wcstombs(char *dst, const wchar *src, size_t n)
{
    size_t i = 0;
    char c;

    if (!src)
        return no_source();
    for (; !dst || i < n; i++) {
        if (crt_wide_to_narrow(&c, src[i]) < 0) {
            crt_set_errno(EILSEQ);
            return (size_t)-1;
        }
        if (dst)
            dst[i] = c;
        if (!c)
            break;
    }
    return i;
}

CRTAPI wint btowc(int c)
{
    return c == EOF ? WEOF : (wint)(unsigned char)c;
}

CRTAPI int wctob(wint wc)
{
    return wc <= 0xFF ? (int)wc : EOF;
}

CRTAPI size_t mbrtowc(wchar *wc, const char *s, size_t n, void *state)
{
    if (!s)
        return 0;
    if (!n)
        return (size_t)-2;
    if (wc)
        *wc = (unsigned char)*s;
    return *s ? 1 : 0;
}

CRTAPI size_t mbrlen(const char *s, size_t n, void *state)
{
    return mbrtowc(NULL, s, n, state);
}

CRTAPI size_t wcrtomb(char *s, wchar wc, void *state)
{
    char tmp;

    if (!s)
        s = &tmp;
    if (crt_wide_to_narrow(s, wc) < 0) {
        crt_set_errno(EILSEQ);
        return (size_t)-1;
    }
    return 1;
}

CRTAPI size_t mbsrtowcs(wchar *dst, const char **src, size_t n, void *state)
{
    size_t r = mbstowcs(dst, *src, n);

    if (dst && r < n)
        *src = NULL;
    else if (dst)
        *src += r;
    return r;
}

CRTAPI size_t wcsrtombs(char *dst, const wchar **src, size_t n, void *state)
{
    size_t r = wcstombs(dst, *src, n);

    if (state)      /* an mbstate_t (int): nothing pending in the C locale */
        *(int *)state = 0;

    if (dst && r != (size_t)-1) {
        if (r < n)
            *src = NULL;
        else
            *src += r;
    }
    return r;
}

/* ---- the _s forms ---- */

/* mbstowcs_s and wcstombs_s ("C" locale: one byte per character): *ret
 * gets the characters converted with the terminator; count _TRUNCATE
 * ((size_t)-1) converts what fits (STRUNCATE), another count that does
 * not fit is ERANGE. */
static int fail_conv(void *dst, size_t size, int wide_dst, int e, int handler)
{
    if (dst && size)
        wide_dst ? (void)(*(wchar *)dst = 0) : (void)(*(char *)dst = 0);
    if (handler)
        crt_invalid_parameter();
    crt_set_errno(e);
    return e;
}

static int convert_s(size_t *ret, void *dst, size_t size, const void *src,
                     size_t count, int to_wide)
{
    size_t n = 0;
    int trunc = 0;
    char c;

    if (ret)
        *ret = 0;
    if ((!dst && size) || (dst && !size) || (!src && count))
        return fail_conv(dst, size, to_wide, EINVAL, 1);
    for (; src && n < count; n++) {
        unsigned ch = to_wide ? ((const unsigned char *)src)[n] : ((const wchar *)src)[n];
        if (!ch)
            break;
        if (!to_wide && crt_wide_to_narrow(&c, (wchar)ch) < 0)
            return fail_conv(dst, size, to_wide, EILSEQ, 0);
        if (dst && n + 1 >= size) {
            if (count != (size_t)-1)
                return fail_conv(dst, size, to_wide, ERANGE, 1);
            trunc = 1;
            break;
        }
        if (dst && to_wide)
            ((wchar *)dst)[n] = (wchar)ch;
        else if (dst)
            ((char *)dst)[n] = c;
    }
    if (dst)
        to_wide ? (void)(((wchar *)dst)[n] = 0) : (void)(((char *)dst)[n] = 0);
    if (ret)
        *ret = n + 1;
    return trunc ? 80 /* STRUNCATE */ : 0;
}

CRTAPI int mbstowcs_s(size_t *ret, wchar *dst, size_t size, const char *src,
                      size_t count)
{
    return convert_s(ret, dst, size, src, count, 1);
}

CRTAPI int wcstombs_s(size_t *ret, char *dst, size_t size, const wchar *src,
                      size_t count)
{
    return convert_s(ret, dst, size, src, count, 0);
}

/* wctomb_s: *ret gets the bytes written (1, or 0 for no destination). */
CRTAPI int wctomb_s(int *ret, char *dst, size_t size, wchar wc)
{
    char c;

    if (ret)
        *ret = -1;
    if ((!dst && size) || (dst && !size)) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    if (!dst) {
        if (ret)
            *ret = 0;
        return 0;
    }
    if (crt_wide_to_narrow(&c, wc) < 0) {
        crt_set_errno(EILSEQ);
        return EILSEQ;
    }
    *dst = c;
    if (ret)
        *ret = 1;
    return 0;
}

CRTAPI int wcrtomb_s(size_t *ret, char *dst, size_t size, wchar wc, void *state)
{
    int n, e = wctomb_s(&n, dst, size, wc);

    if (ret)
        *ret = e ? (size_t)-1 : (size_t)(dst ? n : 1);
    return e;
}

/* The restartable forms advance *src: to NULL after the terminator. */
CRTAPI int mbsrtowcs_s(size_t *ret, wchar *dst, size_t size, const char **src,
                       size_t count, void *state)
{
    int e;
    size_t n;

    if (!src) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    e = mbstowcs_s(&n, dst, size, *src, count);
    if (ret)
        *ret = n;
    if (!e && dst)
        *src = n && !(*src)[n - 1] ? NULL : *src + (n ? n - 1 : 0);
    return e;
}

CRTAPI int wcsrtombs_s(size_t *ret, char *dst, size_t size, const wchar **src,
                       size_t count, void *state)
{
    int e;
    size_t n;

    if (!src) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    e = wcstombs_s(&n, dst, size, *src, count);
    if (ret)
        *ret = n;
    if (!e && dst)
        *src = n && !(*src)[n - 1] ? NULL : *src + (n ? n - 1 : 0);
    return e;
}

/* No byte is a lead byte in a single-byte code page. */
CRTAPI int isleadbyte(int c) { return 0; }
