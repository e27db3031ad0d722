/* msvcrt's printf families on streams. */
#include "crt/crt_internal.h"
#include "crt/printf_sink.h"

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

CRTAPI int vfwprintf_s(FILE *f, const wchar *fmt, va_list ap)
{
    return file_sink_run(f, fmt, 1, 0, ap);
}

CRTAPI int fwprintf_s(FILE *f, const wchar *fmt, ...)
{
    VA_WRAP(vfwprintf_s(f, fmt, ap));
}

CRTAPI int vwprintf_s(const wchar *fmt, va_list ap)
{
    return file_sink_run(&_iob[1], fmt, 1, 0, ap);
}

CRTAPI int wprintf_s(const wchar *fmt, ...)
{
    VA_WRAP(vwprintf_s(fmt, ap));
}
