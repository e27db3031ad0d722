/* msvcrt's printf families that format into memory, with their
 * truncation rules:
 *   sprintf/vsprintf        no bound
 *   _snprintf/_vsnprintf    bound n; if the text needs more than n
 *                           characters: -1 and no terminator; exactly n:
 *                           n and no terminator
 *   sprintf_s/vsprintf_s    bound n including the terminator; too long:
 *                           empty string, -1, errno ERANGE
 * The wide versions follow the same rules in wchar_t units; swprintf is
 * the old form without a size.  ntdll exports the same functions. */
#include "printf_sink.h"

CRTAPI int _vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
    return crt_vsn_common(buf, n, 0, fmt, ap);
}

CRTAPI int _snprintf(char *buf, size_t n, const char *fmt, ...)
{
    VA_WRAP(_vsnprintf(buf, n, fmt, ap));
}

CRTAPI int vsprintf(char *buf, const char *fmt, va_list ap)
{
    return crt_vsn_common(buf, (size_t)INT_MAX, 0, fmt, ap);
}

CRTAPI int sprintf(char *buf, const char *fmt, ...)
{
    VA_WRAP(vsprintf(buf, fmt, ap));
}

CRTAPI int vsprintf_s(char *buf, size_t n, const char *fmt, va_list ap)
{
    return crt_vs_s_common(buf, n, 0, 0, fmt, ap);
}

CRTAPI int sprintf_s(char *buf, size_t n, const char *fmt, ...)
{
    VA_WRAP(vsprintf_s(buf, n, fmt, ap));
}

CRTAPI int _vsnprintf_s(char *buf, size_t n, size_t count, const char *fmt,
                        va_list ap)
{
    return crt_vsnprintf_s_common(buf, n, count, 0, 0, fmt, ap);
}

CRTAPI int _snprintf_s(char *buf, size_t n, size_t count, const char *fmt, ...)
{
    VA_WRAP(_vsnprintf_s(buf, n, count, fmt, ap));
}

CRTAPI int _vscprintf(const char *fmt, va_list ap)
{
    int total;

    if (!fmt) {
        crt_set_errno(EINVAL);
        return -1;
    }
    return crt_mem_format(NULL, 0, 0, 0, fmt, ap, &total) < 0 ? -1 : total;
}

CRTAPI int _scprintf(const char *fmt, ...)
{
    VA_WRAP(_vscprintf(fmt, ap));
}

/* ---- wide ---- */

CRTAPI int _vsnwprintf(wchar *buf, size_t n, const wchar *fmt, va_list ap)
{
    return crt_vsn_common(buf, n, 1, fmt, ap);
}

CRTAPI int _snwprintf(wchar *buf, size_t n, const wchar *fmt, ...)
{
    VA_WRAP(_vsnwprintf(buf, n, fmt, ap));
}

/* msvcrt's swprintf/vswprintf take no size (the pre-C99 form). */
CRTAPI int vswprintf(wchar *buf, const wchar *fmt, va_list ap)
{
    return crt_vsn_common(buf, (size_t)INT_MAX, 1, fmt, ap);
}

CRTAPI int swprintf(wchar *buf, const wchar *fmt, ...)
{
    VA_WRAP(vswprintf(buf, fmt, ap));
}

CRTAPI int _vswprintf(wchar *buf, const wchar *fmt, va_list ap)
{
    return vswprintf(buf, fmt, ap);
}

CRTAPI int _swprintf(wchar *buf, const wchar *fmt, ...)
{
    VA_WRAP(vswprintf(buf, fmt, ap));
}

CRTAPI int vswprintf_s(wchar *buf, size_t n, const wchar *fmt, va_list ap)
{
    return crt_vs_s_common(buf, n, 1, 0, fmt, ap);
}

CRTAPI int swprintf_s(wchar *buf, size_t n, const wchar *fmt, ...)
{
    VA_WRAP(vswprintf_s(buf, n, fmt, ap));
}

CRTAPI int _vscwprintf(const wchar *fmt, va_list ap)
{
    int total;

    return crt_mem_format(NULL, 0, 1, 0, fmt, ap, &total) < 0 ? -1 : total;
}

CRTAPI int _scwprintf(const wchar *fmt, ...)
{
    VA_WRAP(_vscwprintf(fmt, ap));
}

CRTAPI int _vsnwprintf_s(wchar *buf, size_t n, size_t count, const wchar *fmt,
                         va_list ap)
{
    return crt_vsnprintf_s_common(buf, n, count, 1, 0, fmt, ap);
}

CRTAPI int _snwprintf_s(wchar *buf, size_t n, size_t count, const wchar *fmt, ...)
{
    VA_WRAP(_vsnwprintf_s(buf, n, count, fmt, ap));
}

/* ntdll's forms: no buffer and no room asks the length (Windows' ntdll;
 * msvcrt answers -1). */
CRTAPI int ntdll_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
    return !buf && !n ? _vscprintf(fmt, ap) : _vsnprintf(buf, n, fmt, ap);
}

CRTAPI int ntdll_snprintf(char *buf, size_t n, const char *fmt, ...)
{
    VA_WRAP(ntdll_vsnprintf(buf, n, fmt, ap));
}

CRTAPI int ntdll_vsnwprintf(wchar *buf, size_t n, const wchar *fmt, va_list ap)
{
    return !buf && !n ? _vscwprintf(fmt, ap) : _vsnwprintf(buf, n, fmt, ap);
}

CRTAPI int ntdll_snwprintf(wchar *buf, size_t n, const wchar *fmt, ...)
{
    VA_WRAP(ntdll_vsnwprintf(buf, n, fmt, ap));
}
