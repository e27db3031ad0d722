/* msvcrt's scanf families over strings (ntdll exports them too). */
#include "crt.h"

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

CRTAPI int vswscanf(const wchar *s, const wchar *fmt, va_list ap)
{
    return crt_scan_string(s, (size_t)-1, 1, 0, fmt, ap);
}

CRTAPI int swscanf(const wchar *s, const wchar *fmt, ...)
{
    VA_WRAP(crt_scan_string(s, (size_t)-1, 1, 0, fmt, ap));
}

/* ---- the _s forms: %c %s %[ take a buffer size ---- */

CRTAPI int vsscanf_s(const char *s, const char *fmt, va_list ap)
{
    return crt_scan_string(s, (size_t)-1, 0, SCANO_SECURE, fmt, ap);
}

CRTAPI int sscanf_s(const char *s, const char *fmt, ...)
{
    VA_WRAP(crt_scan_string(s, (size_t)-1, 0, SCANO_SECURE, fmt, ap));
}

CRTAPI int _snscanf_s(const char *s, size_t n, const char *fmt, ...)
{
    VA_WRAP(crt_scan_string(s, n, 0, SCANO_SECURE, fmt, ap));
}

CRTAPI int vswscanf_s(const wchar *s, const wchar *fmt, va_list ap)
{
    return crt_scan_string(s, (size_t)-1, 1, SCANO_SECURE, fmt, ap);
}

CRTAPI int swscanf_s(const wchar *s, const wchar *fmt, ...)
{
    VA_WRAP(crt_scan_string(s, (size_t)-1, 1, SCANO_SECURE, fmt, ap));
}

CRTAPI int _snwscanf_s(const wchar *s, size_t n, const wchar *fmt, ...)
{
    VA_WRAP(crt_scan_string(s, n, 1, SCANO_SECURE, fmt, ap));
}

CRTAPI int _snwscanf(const wchar *s, size_t n, const wchar *fmt, ...)
{
    VA_WRAP(crt_scan_string(s, n, 1, 0, fmt, ap));
}

/* ntdll's forms read no floating-point numbers (Windows' ntdll since
 * Vista: "%f" matches nothing). */
CRTAPI int ntdll_sscanf(const char *s, const char *fmt, ...)
{
    VA_WRAP(crt_scan_string(s, (size_t)-1, 0, SCANO_NO_FLOAT, fmt, ap));
}

CRTAPI int ntdll_sscanf_s(const char *s, const char *fmt, ...)
{
    VA_WRAP(crt_scan_string(s, (size_t)-1, 0, SCANO_SECURE | SCANO_NO_FLOAT, fmt, ap));
}

CRTAPI int ntdll_swscanf_s(const wchar *s, const wchar *fmt, ...)
{
    VA_WRAP(crt_scan_string(s, (size_t)-1, 1, SCANO_SECURE | SCANO_NO_FLOAT, fmt, ap));
}
