/* Multibyte <-> wide conversion.  In the "C" locale msvcrt maps each byte
 * to the code unit of the same value (MB_CUR_MAX is 1) and a wide
 * character above U+00FF has no multibyte form (EILSEQ); a named locale's
 * code page converts through crt_mb_decode and crt_mb_encode. */
#include "crt.h"

int crt_wide_to_narrow(char *dst, wchar c)
{
    if (c > 0xFF)
        return -1;
    *dst = (char)c;
    return 1;
}

int (*crt_mb_decode)(const char *s, size_t n, wchar *wc, int lenient);
int (*crt_mb_encode)(char *dst, wchar wc);
int (*crt_mb_is_c)(void);

/* Do this thread's conversions run in the "C" locale? */
static int c_ctype(void)
{
    return !crt_mb_encode || (crt_mb_is_c && crt_mb_is_c());
}

/* One character: its bytes to *wc (at most n of them), as crt_mb_decode. */
static int decode_as(const char *s, size_t n, wchar *wc, int lenient)
{
    if (crt_mb_decode)
        return crt_mb_decode(s, n, wc, lenient);
    *wc = (unsigned char)*s;
    return *s ? 1 : 0;
}

static int decode1(const char *s, size_t n, wchar *wc) { return decode_as(s, n, wc, 0); }

int crt_wide_to_mb(char *dst, wchar wc)
{
    return crt_mb_encode ? crt_mb_encode(dst, wc) : crt_wide_to_narrow(dst, wc);
}

#define encode1 crt_wide_to_mb

CRTAPI int mblen(const char *s, size_t n)
{
    wchar w;
    int r;

    if (!s || !n)
        return 0;
    r = decode1(s, n, &w);
    return r < 0 ? -1 : r;
}

CRTAPI int mbtowc(wchar *wc, const char *s, size_t n)
{
    wchar w;
    int r;

    if (!s)
        return 0;
    if (!n)
        return -1;
    if ((r = decode1(s, n, &w)) < 0) {
        crt_set_errno(EILSEQ);
        return -1;
    }
    if (wc)
        *wc = w;
    return r;
}

CRTAPI int wctomb(char *s, wchar wc)
{
    int r;

    if (!s)
        return 0;
    if ((r = encode1(s, wc)) < 0) {
        crt_set_errno(EILSEQ);
        return -1;
    }
    return r;
}

static size_t no_source(void)
{
    crt_invalid_parameter();
    crt_set_errno(EINVAL);
    return (size_t)-1;
}

/* Up to n wide characters of src into dst (counted only without dst);
 * *used gets the bytes read, the terminator's too when it was reached. */
static size_t to_wide(wchar *dst, const char *src, size_t n, size_t *used)
{
    size_t i = 0, at = 0;

    for (; !dst || i < n; i++) {
        wchar w;
        int r = decode1(src + at, 4, &w);

        if (r < 0) {
            crt_set_errno(EILSEQ);
            return (size_t)-1;
        }
        if (dst)
            dst[i] = w;
        if (!r) {
            at++;
            break;
        }
        at += (size_t)r;
    }
    *used = at;
    return i;
}

/* Characters of src into at most n bytes of dst (counted only without
 * dst; a character that does not fit whole ends it); *used gets the wide
 * characters read, the terminator's too when it was reached. */
static size_t to_narrow(char *dst, const wchar *src, size_t n, size_t *used)
{
    size_t i = 0, at = 0;

    for (;; i++) {
        char mb[4];
        int r = encode1(mb, src[i]);

        if (r < 0) {
            crt_set_errno(EILSEQ);
            return (size_t)-1;
        }
        if (dst && at + (size_t)r > n)
            break;
        if (dst)
            memcpy(dst + at, mb, (size_t)r);
        if (!src[i]) {
            i++;
            break;
        }
        at += (size_t)r;
    }
    *used = i;
    return at;
}

CRTAPI size_t mbstowcs(wchar *dst, const char *src, size_t n)
{
    size_t used;

    return src ? to_wide(dst, src, n, &used) : no_source();
}

CRTAPI size_t wcstombs(char *dst, const wchar *src, size_t n)
{
    size_t used;

    return src ? to_narrow(dst, src, n, &used) : no_source();
}

CRTAPI wint btowc(int c)
{
    char b = (char)c;
    wchar w;

    return c == EOF || decode1(&b, 1, &w) < 0 ? WEOF : w;
}

/* The byte as a (signed) char. */
CRTAPI int wctob(wint wc)
{
    char mb[4];

    return encode1(mb, (wchar)wc) == 1 ? (signed char)mb[0] : EOF;
}

/* A double-byte character split over two calls keeps its lead byte in
 * the mbstate_t (an int): the call that completes it answers 2.  Cut
 * short, *wc is 0. */
CRTAPI size_t mbrtowc(wchar *wc, const char *s, size_t n, void *state)
{
    int none = 0, *pending = state ? state : &none;
    char pair[2];
    wchar w = 0;
    int r;

    if (!s)
        return 0;
    if (!n)
        return (size_t)-2;
    if (*pending) {
        pair[0] = (char)*pending;
        pair[1] = *s;
        *pending = 0;
        r = decode_as(pair, 2, &w, 1);
    } else if ((r = decode_as(s, n, &w, 1)) == -2 && n == 1) {
        *pending = (unsigned char)*s;
        if (wc)
            *wc = 0;
        return (size_t)-2;
    }
    if (r < 0) {
        crt_set_errno(EILSEQ);
        return (size_t)r;
    }
    if (wc)
        *wc = w;
    return (size_t)r;
}

CRTAPI size_t mbrlen(const char *s, size_t n, void *state)
{
    return mbrtowc(NULL, s, n, state);
}

CRTAPI size_t wcrtomb(char *s, wchar wc, void *state)
{
    char tmp[4];
    int r;

    if (state)      /* nothing stays pending */
        *(int *)state = 0;
    if (!s)
        s = tmp;
    if ((r = encode1(s, wc)) < 0) {
        crt_set_errno(EILSEQ);
        return (size_t)-1;
    }
    return (size_t)r;
}

/* A lead byte pending in the state starts the first character. */
CRTAPI size_t mbsrtowcs(wchar *dst, const char **src, size_t n, void *state)
{
    int *pending = state;
    const char *s;
    size_t used, r, first = 0;
    wchar w;

    if (!src)
        return no_source();
    s = *src;
    if (pending && *pending && (!dst || n)) {
        if (mbrtowc(&w, s, 1, pending) != 2) {
            crt_set_errno(EILSEQ);
            return (size_t)-1;
        }
        if (dst)
            *dst++ = w, n--;
        s++;
        first = 1;
    }
    if ((r = to_wide(dst, s, n, &used)) == (size_t)-1)
        return r;
    if (dst)
        *src = r < n ? NULL : s + used;
    return r + first;
}

CRTAPI size_t wcsrtombs(char *dst, const wchar **src, size_t n, void *state)
{
    size_t used, r;

    if (!src)
        return no_source();
    r = to_narrow(dst, *src, n, &used);

    if (state)      /* an mbstate_t (int): nothing pending */
        *(int *)state = 0;
    if (dst && r != (size_t)-1)
        *src = used && !(*src)[used - 1] ? NULL : *src + used;
    return r;
}

/* ---- the _s forms ---- */

/* mbstowcs_s and wcstombs_s: *ret gets the units (wide characters or
 * bytes) converted with the terminator; count _TRUNCATE
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
    size_t n = 0, at = 0;   /* units written, source units read */
    int trunc = 0;

    if (ret)
        *ret = 0;
    if ((!dst && size) || (dst && !size) || (!src && count))
        return fail_conv(dst, size, to_wide, EINVAL, 1);
    if (!dst)
        count = (size_t)-1;     /* only counting: the whole string */
    if (!dst && !to_wide && c_ctype()) {
        /* msvcrt's "C" locale counts a code unit a byte, unchecked */
        for (n = 0; src && ((const wchar *)src)[n]; n++)
            ;
        if (ret)
            *ret = n + 1;
        return 0;
    }
    while (src) {
        wchar w = 0;
        char mb[4];
        int len = 1, r = 1;

        if (to_wide) {
            if (n >= count || !(r = decode1((const char *)src + at, 4, &w)))
                break;
            if (r < 0)
                return fail_conv(dst, size, to_wide, EILSEQ, 0);
        } else {
            if (!(w = ((const wchar *)src)[at]))
                break;
            if ((len = encode1(mb, w)) < 0)
                return fail_conv(dst, size, to_wide, EILSEQ, 0);
            if (n + (size_t)len > count)
                break;
        }
        if (dst && n + (size_t)len >= size) {
            if (count != (size_t)-1)
                return fail_conv(dst, size, to_wide, ERANGE, 1);
            trunc = 1;
            break;
        }
        if (dst && to_wide)
            ((wchar *)dst)[n] = w;
        else if (dst)
            memcpy((char *)dst + n, mb, (size_t)len);
        n += (size_t)len;
        at += (size_t)r;
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

/* wctomb_s: *ret gets the bytes written (0 for no destination). */
CRTAPI int wctomb_s(int *ret, char *dst, size_t size, wchar wc)
{
    char mb[4];
    int n;

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
    if ((n = encode1(mb, wc)) < 0) {
        crt_set_errno(EILSEQ);
        return EILSEQ;
    }
    if ((size_t)n > size) {
        crt_invalid_parameter();
        crt_set_errno(ERANGE);
        return ERANGE;
    }
    memcpy(dst, mb, (size_t)n);
    if (ret)
        *ret = n;
    return 0;
}

CRTAPI int wcrtomb_s(size_t *ret, char *dst, size_t size, wchar wc, void *state)
{
    int n, e = wctomb_s(&n, dst, size, wc);

    if (state)      /* nothing stays pending */
        *(int *)state = 0;

    if (ret)
        *ret = e ? (size_t)-1 : (size_t)(dst ? n : 1);
    return e;
}

/* The restartable forms advance *src: to NULL after the terminator.
 * mbsrtowcs_s converts up to size (and count) characters; when the
 * terminator does not fit, dst is left empty and *src past what was
 * converted, without an error. */
CRTAPI int mbsrtowcs_s(size_t *ret, wchar *dst, size_t size, const char **src,
                       size_t count, void *state)
{
    size_t n, used, limit = count < size ? count : size;

    if (ret)
        *ret = (size_t)-1;
    if (!src || (!dst && size) || (dst && !size)) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    if ((n = to_wide(dst, *src, limit, &used)) == (size_t)-1) {
        if (dst)
            *dst = 0;
        return EILSEQ;
    }
    if (dst && n < limit)
        *src = NULL;
    else if (dst) {
        dst[n < size ? n : 0] = 0;
        *src += used;
    }
    if (ret)
        *ret = n + 1;
    return 0;
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

/* A lead byte of the locale's double-byte code page (_LEADBYTE in its
 * class table; none in the "C" locale or a single-byte one). */
CRTAPI int isleadbyte(int c)
{
    extern unsigned short *_pctype;

    return c >= 0 && c <= 255 && (_pctype[c] & 0x8000);
}
