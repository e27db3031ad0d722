/* printf-family entry points: streams, counting, and memory buffers with
 * their different truncation rules:
 *   sprintf/vsprintf        no bound
 *   _snprintf/_vsnprintf    bound n; if the text needs more than n
 *                           characters: -1 and no terminator; exactly n:
 *                           n and no terminator
 *   sprintf_s/vsprintf_s    bound n including the terminator; too long:
 *                           empty string, -1, errno ERANGE
 * The wide versions follow the same rules in wchar_t units. */
#include "crt/printf_sink.h"

#define VA_WRAP(call) \
    va_list ap;       \
    int r;            \
    va_start(ap, fmt);\
    r = call;         \
    va_end(ap);       \
    return r

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

CRTAPI int vfprintf(FILE *f, const char *fmt, va_list ap)
{
    return file_sink_run(f, fmt, 0, 0, ap);
}

CRTAPI int fprintf(FILE *f, const char *fmt, ...)
{
    VA_WRAP(vfprintf(f, fmt, ap));
}

CRTAPI int vprintf(const char *fmt, va_list ap)
{
    return file_sink_run(&_iob[1], fmt, 0, 0, ap);
}

CRTAPI int printf(const char *fmt, ...)
{
    VA_WRAP(vprintf(fmt, ap));
}

CRTAPI int vfprintf_s(FILE *f, const char *fmt, va_list ap)
{
    return file_sink_run(f, fmt, 0, 0, ap);
}

CRTAPI int fprintf_s(FILE *f, const char *fmt, ...)
{
    VA_WRAP(vfprintf(f, fmt, ap));
}

CRTAPI int vprintf_s(const char *fmt, va_list ap)
{
    return file_sink_run(&_iob[1], fmt, 0, 0, ap);
}

CRTAPI int printf_s(const char *fmt, ...)
{
    VA_WRAP(vprintf(fmt, ap));
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

CRTAPI int vfwprintf(FILE *f, const wchar *fmt, va_list ap)
{
    return file_sink_run(f, fmt, 1, 0, ap);
}

CRTAPI int fwprintf(FILE *f, const wchar *fmt, ...)
{
    VA_WRAP(vfwprintf(f, fmt, ap));
}

CRTAPI int vwprintf(const wchar *fmt, va_list ap)
{
    return file_sink_run(&_iob[1], fmt, 1, 0, ap);
}

CRTAPI int wprintf(const wchar *fmt, ...)
{
    VA_WRAP(vwprintf(fmt, ap));
}
