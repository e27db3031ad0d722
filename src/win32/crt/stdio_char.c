/* Character and line I/O on streams. */
#include "crt_internal.h"

int crt_fgetc_locked(FILE *f)
{
    if ((f->_flag & _IOREADING) && f->_cnt > 0) {
        f->_cnt--;
        return (unsigned char)*f->_ptr++;
    }
    return crt_fill_locked(f);
}

/* Line-buffered streams flush on '\n'; a full buffer flushes too. */
int crt_fputc_locked(int c, FILE *f)
{
    unsigned char ch = (unsigned char)c;

    if (crt_start_write(f))
        return EOF;
    if (f->_flag & _IONBF) {
        if (_write(f->_file, &ch, 1) != 1) {
            f->_flag |= _IOERR;
            return EOF;
        }
        return ch;
    }
    *f->_ptr++ = (char)ch;
    if (--f->_cnt <= 0 || (ch == '\n' && (f->_flag & _IOLINE))) {
        if (crt_flush_locked(f))
            return EOF;
    }
    return ch;
}

CRTAPI int fgetc(FILE *f)
{
    int c;

    crt_lock_file(f);
    c = crt_fgetc_locked(f);
    crt_unlock_file(f);
    return c;
}

CRTAPI int getc(FILE *f) { return fgetc(f); }
CRTAPI int _getc_nolock(FILE *f) { return crt_fgetc_locked(f); }
CRTAPI int getchar(void) { return fgetc(crt_iob(0)); }
CRTAPI int _fgetchar(void) { return fgetc(crt_iob(0)); }

CRTAPI int fputc(int c, FILE *f)
{
    int r;

    crt_lock_file(f);
    r = crt_fputc_locked(c, f);
    crt_unlock_file(f);
    return r;
}

CRTAPI int putc(int c, FILE *f) { return fputc(c, f); }
CRTAPI int _putc_nolock(int c, FILE *f) { return crt_fputc_locked(c, f); }
CRTAPI int putchar(int c) { return fputc(c, crt_iob(1)); }
CRTAPI int _fputchar(int c) { return fputc(c, crt_iob(1)); }

/* The helpers behind the old getc/putc macros. */
CRTAPI int _filbuf(FILE *f) { return crt_fill_locked(f); }

CRTAPI int _flsbuf(int c, FILE *f)
{
    return crt_fputc_locked(c, f);
}

CRTAPI int ungetc(int c, FILE *f)
{
    if (c == EOF || !f)
        return EOF;
    crt_lock_file(f);
    if (crt_start_read(f)) {
        crt_unlock_file(f);
        return EOF;
    }
    if (f->_cnt <= 0)
        f->_ptr = f->_base + f->_bufsiz;
    if (f->_ptr == f->_base) {
        crt_unlock_file(f);
        return EOF;
    }
    *--f->_ptr = (char)c;
    f->_cnt++;
    f->_flag &= ~_IOEOF;
    crt_unlock_file(f);
    return (unsigned char)c;
}

/* gets drops the newline; unsafe by design, kept for old programs. */
CRTAPI char *gets(char *s)
{
    FILE *f = crt_iob(0);
    int c, i = 0;

    crt_lock_file(f);
    while ((c = crt_fgetc_locked(f)) != EOF && c != '\n')
        s[i++] = (char)c;
    crt_unlock_file(f);
    if (c == EOF && !i)
        return NULL;
    s[i] = 0;
    return s;
}

CRTAPI int fputs(const char *s, FILE *f)
{
    size_t n, w;

    if (!s || !f) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EOF;
    }
    n = strlen(s);
    crt_lock_file(f);
    w = crt_fwrite_locked(s, n, f);
    crt_unlock_file(f);
    return w == n ? 0 : EOF;
}

CRTAPI int puts(const char *s)
{
    FILE *f = crt_iob(1);
    size_t n = strlen(s);
    int r = 0;

    crt_lock_file(f);
    if (crt_fwrite_locked(s, n, f) != n || crt_fputc_locked('\n', f) == EOF)
        r = EOF;
    crt_unlock_file(f);
    return r;
}

CRTAPI int _getw(FILE *f)
{
    int v;
    unsigned char *p = (unsigned char *)&v;

    crt_lock_file(f);
    for (int i = 0; i < 4; i++) {
        int c = crt_fgetc_locked(f);
        if (c == EOF) {
            crt_unlock_file(f);
            return EOF;
        }
        p[i] = (unsigned char)c;
    }
    crt_unlock_file(f);
    return v;
}

CRTAPI int _putw(int v, FILE *f)
{
    size_t n;

    crt_lock_file(f);
    n = crt_fwrite_locked(&v, 4, f);
    crt_unlock_file(f);
    return n == 4 ? v : EOF;
}

CRTAPI int feof(FILE *f) { return f->_flag & _IOEOF; }
CRTAPI int ferror(FILE *f) { return f->_flag & _IOERR; }
CRTAPI int _fileno(FILE *f) { return f->_file; }

CRTAPI void clearerr(FILE *f)
{
    crt_lock_file(f);
    f->_flag &= ~(_IOERR | _IOEOF);
    crt_unlock_file(f);
}

CRTAPI int clearerr_s(FILE *f)
{
    if (!f) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    clearerr(f);
    return 0;
}
