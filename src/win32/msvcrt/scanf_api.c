/* scanf-family entry points over strings and streams. */
#include "crt_internal.h"

static int str_get(struct scan_in *in)
{
    if (in->wide) {
        if (!*in->ws)
            return EOF;
        return *in->ws++;
    }
    if (!*in->s)
        return EOF;
    return *in->s++;
}

/* Only ever ungets the character just read. */
static void str_unget(struct scan_in *in, int c)
{
    if (in->wide)
        in->ws--;
    else
        in->s--;
}

static int file_get(struct scan_in *in)
{
    return crt_fgetc_locked(in->ctx);
}

static void file_unget(struct scan_in *in, int c)
{
    ungetc(c, in->ctx);
}

static int scan_string(const void *s, int wide, const void *fmt, va_list ap)
{
    struct scan_in in = { str_get, str_unget, NULL, s, s, wide, 0 };

    if (!s || !fmt) {
        crt_set_errno(EINVAL);
        return EOF;
    }
    return scan_core(&in, fmt, wide, ap);
}

static int scan_file(FILE *f, const void *fmt, int wide, va_list ap)
{
    struct scan_in in = { file_get, file_unget, f, NULL, NULL, 0, 0 };
    int r;

    if (!f || !fmt) {
        crt_set_errno(EINVAL);
        return EOF;
    }
    crt_lock_file(f);
    r = scan_core(&in, fmt, wide, ap);
    crt_unlock_file(f);
    return r;
}

#define VA_WRAP(call) \
    va_list ap;       \
    int r;            \
    va_start(ap, fmt);\
    r = call;         \
    va_end(ap);       \
    return r

CRTAPI int vsscanf(const char *s, const char *fmt, va_list ap)
{
    return scan_string(s, 0, fmt, ap);
}

CRTAPI int sscanf(const char *s, const char *fmt, ...)
{
    VA_WRAP(scan_string(s, 0, fmt, ap));
}

/* _snscanf reads at most n characters: copy them to a bounded buffer. */
CRTAPI int _snscanf(const char *s, size_t n, const char *fmt, ...)
{
    char buf[1024];
    size_t len = 0;

    while (len < n && len < sizeof(buf) - 1 && s[len])
        len++;
    memcpy(buf, s, len);
    buf[len] = 0;
    VA_WRAP(scan_string(buf, 0, fmt, ap));
}

CRTAPI int vfscanf(FILE *f, const char *fmt, va_list ap)
{
    return scan_file(f, fmt, 0, ap);
}

CRTAPI int fscanf(FILE *f, const char *fmt, ...)
{
    VA_WRAP(scan_file(f, fmt, 0, ap));
}

CRTAPI int vscanf(const char *fmt, va_list ap)
{
    return scan_file(&_iob[0], fmt, 0, ap);
}

CRTAPI int scanf(const char *fmt, ...)
{
    VA_WRAP(scan_file(&_iob[0], fmt, 0, ap));
}

CRTAPI int vswscanf(const wchar *s, const wchar *fmt, va_list ap)
{
    return scan_string(s, 1, fmt, ap);
}

CRTAPI int swscanf(const wchar *s, const wchar *fmt, ...)
{
    VA_WRAP(scan_string(s, 1, fmt, ap));
}

/* Wide formats over narrow streams: the stream's bytes are the characters
 * (C locale). */
CRTAPI int fwscanf(FILE *f, const wchar *fmt, ...)
{
    VA_WRAP(scan_file(f, fmt, 1, ap));
}

CRTAPI int wscanf(const wchar *fmt, ...)
{
    VA_WRAP(scan_file(&_iob[0], fmt, 1, ap));
}
