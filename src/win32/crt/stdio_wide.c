/* Wide-character stream I/O, and the line readers of both widths.  On a
 * text stream a wide character is its multibyte form in the "C" locale
 * (one byte, U+0000..U+00FF; others fail with EILSEQ); on a binary
 * stream its two bytes, as the CRT documents. */
#include "crt_internal.h"

CRTAPI int isleadbyte(int c);     /* mbcs.c */
CRTAPI size_t mbrtowc(wchar *wc, const char *s, size_t n, void *state);

/* A text stream whose characters are bytes; a Unicode text mode's
 * descriptor takes UTF-16 units, which go as two bytes like binary. */
int crt_stream_is_text(FILE *f)
{
    struct fdinfo *fi = crt_fd_slot(f->_file >= 0 && f->_file < FD_MAX ? f->_file : 0);

    return f->_file >= 0 && f->_file < FD_MAX && (fi->flags & FD_TEXT) && !fi->enc;
}

static wint putwc_locked(wint c, FILE *f)
{
    char b[4];
    int k;

    if (crt_stream_is_text(f)) {
        if ((k = crt_wide_to_mb(b, c)) < 0) {
            crt_set_errno(EILSEQ);
            f->_flag |= _IOERR;
            return WEOF;
        }
        for (int i = 0; i < k; i++)
            if (crt_fputc_locked((unsigned char)b[i], f) == EOF)
                return WEOF;
        return c;
    }
    if (crt_fputc_locked(c & 0xFF, f) == EOF || crt_fputc_locked(c >> 8, f) == EOF)
        return WEOF;
    return c;
}

/* A text stream's character is its bytes in the locale's code page: a
 * lead byte takes the next one with it. */
static wint getwc_locked(FILE *f)
{
    int lo, hi;
    char mb[2];
    wchar w;

    lo = crt_fgetc_locked(f);
    if (lo == EOF)
        return WEOF;
    if (crt_stream_is_text(f)) {
        size_t n = 1;

        mb[0] = (char)lo;
        if (isleadbyte(lo) && (hi = crt_fgetc_locked(f)) != EOF)
            mb[n++] = (char)hi;
        return mbrtowc(&w, mb, n, NULL) == n ? w : (wint)lo;
    }
    hi = crt_fgetc_locked(f);
    return hi == EOF ? WEOF : (wint)(lo | hi << 8);
}

CRTAPI wint fputwc(wint c, FILE *f)
{
    wint r;

    if (!f) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return WEOF;
    }
    crt_lock_file(f);
    r = putwc_locked(c, f);
    crt_unlock_file(f);
    return r;
}

CRTAPI wint fgetwc(FILE *f)
{
    wint r;

    if (!f) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return WEOF;
    }
    crt_lock_file(f);
    r = getwc_locked(f);
    crt_unlock_file(f);
    return r;
}

CRTAPI wint _fputwc_nolock(wint c, FILE *f) { return putwc_locked(c, f); }
CRTAPI wint _fgetwc_nolock(FILE *f) { return getwc_locked(f); }
CRTAPI wint putwchar(wint c) { return fputwc(c, crt_iob(1)); }
CRTAPI wint getwchar(void) { return fgetwc(crt_iob(0)); }

/* A binary stream takes the two bytes back, high one first. */
CRTAPI wint ungetwc(wint c, FILE *f)
{
    char b;

    if (c == WEOF || !f)
        return WEOF;
    if (crt_stream_is_text(f))
        return crt_wide_to_narrow(&b, c) < 0 || ungetc((unsigned char)b, f) == EOF ? WEOF : c;
    crt_lock_file(f);
    if (ungetc(c >> 8, f) == EOF || ungetc(c & 0xFF, f) == EOF) {
        crt_unlock_file(f);
        return WEOF;
    }
    crt_unlock_file(f);
    return c;
}

CRTAPI int fputws(const wchar *s, FILE *f)
{
    int r = 0;

    if (!s || !f) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EOF;
    }
    crt_lock_file(f);
    for (; *s && !r; s++)
        if (putwc_locked(*s, f) == WEOF)
            r = EOF;
    crt_unlock_file(f);
    return r;
}

CRTAPI int _putws(const wchar *s)
{
    int r = fputws(s, crt_iob(1));

    return r ? r : (fputwc('\n', crt_iob(1)) == WEOF ? EOF : 0);
}

/* Up to n - 1 characters, through the first '\n': fgets, fgetws. */
static void *get_string(void *s, int n, FILE *f, int wide)
{
    int i = 0, c = 0;

    if (!s || n <= 0 || !f) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return NULL;
    }
    crt_lock_file(f);
    while (i < n - 1 && (c = wide ? (int)getwc_locked(f) : crt_fgetc_locked(f)) !=
                        (wide ? (int)WEOF : EOF)) {
        if (wide)
            ((wchar *)s)[i++] = (wchar)c;
        else
            ((char *)s)[i++] = (char)c;
        if (c == '\n')
            break;
    }
    crt_unlock_file(f);
    if (!i)
        return NULL;
    wide ? (void)(((wchar *)s)[i] = 0) : (void)(((char *)s)[i] = 0);
    return s;
}

CRTAPI char *fgets(char *s, int n, FILE *f) { return get_string(s, n, f, 0); }
CRTAPI wchar *fgetws(wchar *s, int n, FILE *f) { return get_string(s, n, f, 1); }

/* A line of stdin without its '\n'; one that does not fit in n is an
 * invalid parameter (the rest of the line is read and dropped). */
static void *get_line(void *s, size_t n, int wide)
{
    FILE *f = crt_iob(0);
    size_t i = 0;
    int c, too_long = 0;

    if (!s || !n) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return NULL;
    }
    crt_lock_file(f);
    while ((c = wide ? (int)getwc_locked(f) : crt_fgetc_locked(f)) != (wide ? (int)WEOF : EOF)
           && c != '\n') {
        if (i + 1 < n)
            wide ? (void)(((wchar *)s)[i++] = (wchar)c) : (void)(((char *)s)[i++] = (char)c);
        else
            too_long = 1;
    }
    crt_unlock_file(f);
    wide ? (void)(((wchar *)s)[too_long ? 0 : i] = 0) : (void)(((char *)s)[too_long ? 0 : i] = 0);
    if (too_long) {
        crt_invalid_parameter();
        crt_set_errno(ERANGE);
        return NULL;
    }
    return c == (wide ? (int)WEOF : EOF) && !i ? NULL : s;
}

CRTAPI char *gets_s(char *s, size_t n) { return get_line(s, n, 0); }
CRTAPI wchar *_getws_s(wchar *s, size_t n) { return get_line(s, n, 1); }
CRTAPI wchar *_getws(wchar *s) { return get_line(s, (size_t)INT_MAX, 1); }
