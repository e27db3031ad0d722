/* msvcrt's scanf families on streams. */
#include "crt/crt_internal.h"

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

/* ---- the _s forms: %c %s %[ take a buffer size ---- */

CRTAPI int vfscanf_s(FILE *f, const char *fmt, va_list ap)
{
    return crt_scan_file(f, fmt, 0, SCANO_SECURE, ap);
}

CRTAPI int fscanf_s(FILE *f, const char *fmt, ...)
{
    VA_WRAP(crt_scan_file(f, fmt, 0, SCANO_SECURE, ap));
}

CRTAPI int scanf_s(const char *fmt, ...)
{
    VA_WRAP(crt_scan_file(&_iob[0], fmt, 0, SCANO_SECURE, ap));
}

CRTAPI int fwscanf_s(FILE *f, const wchar *fmt, ...)
{
    VA_WRAP(crt_scan_file(f, fmt, 1, SCANO_SECURE, ap));
}

CRTAPI int wscanf_s(const wchar *fmt, ...)
{
    VA_WRAP(crt_scan_file(&_iob[0], fmt, 1, SCANO_SECURE, ap));
}
