/* msvcrt's scanf-family entry points over strings and streams. */
#include "crt/crt_internal.h"

#define VA_WRAP(call) \
    va_list ap;       \
    int r;            \
    va_start(ap, fmt);\
    r = call;         \
    va_end(ap);       \
    return r

CRTAPI int vsscanf(const char *s, const char *fmt, va_list ap)
{
    return crt_scan_string(s, (size_t)-1, 0, 0, fmt, ap);
}

CRTAPI int sscanf(const char *s, const char *fmt, ...)
{
    VA_WRAP(crt_scan_string(s, (size_t)-1, 0, 0, fmt, ap));
}

/* _snscanf reads at most n characters. */
CRTAPI int _snscanf(const char *s, size_t n, const char *fmt, ...)
{
    VA_WRAP(crt_scan_string(s, n, 0, 0, fmt, ap));
}

CRTAPI int vfscanf(FILE *f, const char *fmt, va_list ap)
{
    return crt_scan_file(f, fmt, 0, 0, ap);
}

CRTAPI int fscanf(FILE *f, const char *fmt, ...)
{
    VA_WRAP(crt_scan_file(f, fmt, 0, 0, ap));
}

CRTAPI int vscanf(const char *fmt, va_list ap)
{
    return crt_scan_file(&_iob[0], fmt, 0, 0, ap);
}

CRTAPI int scanf(const char *fmt, ...)
{
    VA_WRAP(crt_scan_file(&_iob[0], fmt, 0, 0, ap));
}

CRTAPI int vswscanf(const wchar *s, const wchar *fmt, va_list ap)
{
    return crt_scan_string(s, (size_t)-1, 1, 0, fmt, ap);
}

CRTAPI int swscanf(const wchar *s, const wchar *fmt, ...)
{
    VA_WRAP(crt_scan_string(s, (size_t)-1, 1, 0, fmt, ap));
}

/* Wide formats over narrow streams: the stream's bytes are the characters
 * (C locale). */
CRTAPI int fwscanf(FILE *f, const wchar *fmt, ...)
{
    VA_WRAP(crt_scan_file(f, fmt, 1, 0, ap));
}

CRTAPI int wscanf(const wchar *fmt, ...)
{
    VA_WRAP(crt_scan_file(&_iob[0], fmt, 1, 0, ap));
}
