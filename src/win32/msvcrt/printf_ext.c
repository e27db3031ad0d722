/* msvcrt's printf variants around the plain families:
 *   _l    take a locale after the format; only the "C" locale exists
 *         here, so it is accepted and not used
 *   _p    arguments may be numbered (%2$d, %*1$d): FMTO_POSITIONAL; into
 *         memory they follow sprintf_s's rules (Microsoft documents
 *         _sprintf_p as sprintf_s with positional arguments)
 *   _c    bounded like _snprintf_s(..., _TRUNCATE): the text is cut and
 *         terminated, -1 when it did not fit (crt_vsn_c_common)
 * Each variadic form is its v-form over its own arguments. */
#include "crt/crt_internal.h"
#include "crt/printf_sink.h"

#define POS FMTO_POSITIONAL

static int count_only(const void *fmt, int wide, unsigned opts, va_list ap)
{
    int total;

    if (!fmt) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return -1;
    }
    return crt_mem_format(NULL, 0, wide, opts, fmt, ap, &total) < 0 ? -1 : total;
}

static int stream_print(FILE *f, const void *fmt, int wide, unsigned opts,
                        va_list ap)
{
    if (!f || !fmt) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return -1;
    }
    return file_sink_run(f, fmt, wide, opts, ap);
}

/* ---- narrow, into memory ---- */

CRTAPI int _vsprintf_l(char *b, const char *f, void *l, va_list ap) { return vsprintf(b, f, ap); }
CRTAPI int _sprintf_l(char *b, const char *f, void *l, ...) { VA_WRAP_FROM(l, vsprintf(b, f, ap)); }
CRTAPI int _vsnprintf_l(char *b, size_t n, const char *f, void *l, va_list ap) { return _vsnprintf(b, n, f, ap); }
CRTAPI int _snprintf_l(char *b, size_t n, const char *f, void *l, ...) { VA_WRAP_FROM(l, _vsnprintf(b, n, f, ap)); }
CRTAPI int _vsprintf_s_l(char *b, size_t n, const char *f, void *l, va_list ap) { return vsprintf_s(b, n, f, ap); }
CRTAPI int _sprintf_s_l(char *b, size_t n, const char *f, void *l, ...) { VA_WRAP_FROM(l, vsprintf_s(b, n, f, ap)); }
CRTAPI int _vsnprintf_s_l(char *b, size_t n, size_t c, const char *f, void *l, va_list ap) { return _vsnprintf_s(b, n, c, f, ap); }
CRTAPI int _snprintf_s_l(char *b, size_t n, size_t c, const char *f, void *l, ...) { VA_WRAP_FROM(l, _vsnprintf_s(b, n, c, f, ap)); }
CRTAPI int _vscprintf_l(const char *f, void *l, va_list ap) { return count_only(f, 0, 0, ap); }
CRTAPI int _scprintf_l(const char *f, void *l, ...) { VA_WRAP_FROM(l, count_only(f, 0, 0, ap)); }
CRTAPI int _vscprintf_p_l(const char *f, void *l, va_list ap) { return count_only(f, 0, POS, ap); }
CRTAPI int _scprintf_p_l(const char *f, void *l, ...) { VA_WRAP_FROM(l, count_only(f, 0, POS, ap)); }
CRTAPI int _vsprintf_p(char *b, size_t n, const char *f, va_list ap) { return crt_vs_s_common(b, n, 0, POS, f, ap); }
CRTAPI int _vsprintf_p_l(char *b, size_t n, const char *f, void *l, va_list ap) { return crt_vs_s_common(b, n, 0, POS, f, ap); }
CRTAPI int _sprintf_p_l(char *b, size_t n, const char *f, void *l, ...) { VA_WRAP_FROM(l, crt_vs_s_common(b, n, 0, POS, f, ap)); }
CRTAPI int _vsnprintf_c(char *b, size_t n, const char *f, va_list ap) { return crt_vsn_c_common(b, n, 0, 0, f, ap); }
CRTAPI int _snprintf_c(char *b, size_t n, const char *f, ...) { VA_WRAP_FROM(f, crt_vsn_c_common(b, n, 0, 0, f, ap)); }
CRTAPI int _vsnprintf_c_l(char *b, size_t n, const char *f, void *l, va_list ap) { return crt_vsn_c_common(b, n, 0, 0, f, ap); }
CRTAPI int _snprintf_c_l(char *b, size_t n, const char *f, void *l, ...) { VA_WRAP_FROM(l, crt_vsn_c_common(b, n, 0, 0, f, ap)); }

/* ---- wide, into memory ---- */

CRTAPI int _vswprintf_l(wchar *b, const wchar *f, void *l, va_list ap) { return vswprintf(b, f, ap); }
CRTAPI int _vsnwprintf_l(wchar *b, size_t n, const wchar *f, void *l, va_list ap) { return _vsnwprintf(b, n, f, ap); }
CRTAPI int _snwprintf_l(wchar *b, size_t n, const wchar *f, void *l, ...) { VA_WRAP_FROM(l, _vsnwprintf(b, n, f, ap)); }
CRTAPI int _vswprintf_s_l(wchar *b, size_t n, const wchar *f, void *l, va_list ap) { return vswprintf_s(b, n, f, ap); }
CRTAPI int _swprintf_s_l(wchar *b, size_t n, const wchar *f, void *l, ...) { VA_WRAP_FROM(l, vswprintf_s(b, n, f, ap)); }
CRTAPI int _vsnwprintf_s_l(wchar *b, size_t n, size_t c, const wchar *f, void *l, va_list ap) { return _vsnwprintf_s(b, n, c, f, ap); }
CRTAPI int _snwprintf_s_l(wchar *b, size_t n, size_t c, const wchar *f, void *l, ...) { VA_WRAP_FROM(l, _vsnwprintf_s(b, n, c, f, ap)); }
CRTAPI int _vscwprintf_l(const wchar *f, void *l, va_list ap) { return count_only(f, 1, 0, ap); }
CRTAPI int _scwprintf_l(const wchar *f, void *l, ...) { VA_WRAP_FROM(l, count_only(f, 1, 0, ap)); }
CRTAPI int _vscwprintf_p_l(const wchar *f, void *l, va_list ap) { return count_only(f, 1, POS, ap); }
CRTAPI int _scwprintf_p_l(const wchar *f, void *l, ...) { VA_WRAP_FROM(l, count_only(f, 1, POS, ap)); }
CRTAPI int _vswprintf_p_l(wchar *b, size_t n, const wchar *f, void *l, va_list ap) { return crt_vs_s_common(b, n, 1, POS, f, ap); }
CRTAPI int _swprintf_p_l(wchar *b, size_t n, const wchar *f, void *l, ...) { VA_WRAP_FROM(l, crt_vs_s_common(b, n, 1, POS, f, ap)); }
CRTAPI int _vswprintf_c(wchar *b, size_t n, const wchar *f, va_list ap) { return crt_vsn_c_common(b, n, 1, 0, f, ap); }
CRTAPI int _swprintf_c(wchar *b, size_t n, const wchar *f, ...) { VA_WRAP_FROM(f, crt_vsn_c_common(b, n, 1, 0, f, ap)); }
CRTAPI int _vswprintf_c_l(wchar *b, size_t n, const wchar *f, void *l, va_list ap) { return crt_vsn_c_common(b, n, 1, 0, f, ap); }
CRTAPI int _swprintf_c_l(wchar *b, size_t n, const wchar *f, void *l, ...) { VA_WRAP_FROM(l, crt_vsn_c_common(b, n, 1, 0, f, ap)); }

/* ---- streams ---- */

CRTAPI int _vfprintf_l(FILE *s, const char *f, void *l, va_list ap) { return stream_print(s, f, 0, 0, ap); }
CRTAPI int _fprintf_l(FILE *s, const char *f, void *l, ...) { VA_WRAP_FROM(l, stream_print(s, f, 0, 0, ap)); }
CRTAPI int _vfprintf_s_l(FILE *s, const char *f, void *l, va_list ap) { return stream_print(s, f, 0, 0, ap); }
CRTAPI int _fprintf_s_l(FILE *s, const char *f, void *l, ...) { VA_WRAP_FROM(l, stream_print(s, f, 0, 0, ap)); }
CRTAPI int _vfprintf_p(FILE *s, const char *f, va_list ap) { return stream_print(s, f, 0, POS, ap); }
CRTAPI int _fprintf_p(FILE *s, const char *f, ...) { VA_WRAP_FROM(f, stream_print(s, f, 0, POS, ap)); }
CRTAPI int _vfprintf_p_l(FILE *s, const char *f, void *l, va_list ap) { return stream_print(s, f, 0, POS, ap); }
CRTAPI int _fprintf_p_l(FILE *s, const char *f, void *l, ...) { VA_WRAP_FROM(l, stream_print(s, f, 0, POS, ap)); }
CRTAPI int _vprintf_l(const char *f, void *l, va_list ap) { return stream_print(&_iob[1], f, 0, 0, ap); }
CRTAPI int _printf_l(const char *f, void *l, ...) { VA_WRAP_FROM(l, stream_print(&_iob[1], f, 0, 0, ap)); }
CRTAPI int _vprintf_s_l(const char *f, void *l, va_list ap) { return stream_print(&_iob[1], f, 0, 0, ap); }
CRTAPI int _printf_s_l(const char *f, void *l, ...) { VA_WRAP_FROM(l, stream_print(&_iob[1], f, 0, 0, ap)); }
CRTAPI int _vprintf_p(const char *f, va_list ap) { return stream_print(&_iob[1], f, 0, POS, ap); }
CRTAPI int _printf_p(const char *f, ...) { VA_WRAP_FROM(f, stream_print(&_iob[1], f, 0, POS, ap)); }
CRTAPI int _vprintf_p_l(const char *f, void *l, va_list ap) { return stream_print(&_iob[1], f, 0, POS, ap); }
CRTAPI int _printf_p_l(const char *f, void *l, ...) { VA_WRAP_FROM(l, stream_print(&_iob[1], f, 0, POS, ap)); }

CRTAPI int _vfwprintf_l(FILE *s, const wchar *f, void *l, va_list ap) { return stream_print(s, f, 1, 0, ap); }
CRTAPI int _fwprintf_l(FILE *s, const wchar *f, void *l, ...) { VA_WRAP_FROM(l, stream_print(s, f, 1, 0, ap)); }
CRTAPI int _vfwprintf_s_l(FILE *s, const wchar *f, void *l, va_list ap) { return stream_print(s, f, 1, 0, ap); }
CRTAPI int _fwprintf_s_l(FILE *s, const wchar *f, void *l, ...) { VA_WRAP_FROM(l, stream_print(s, f, 1, 0, ap)); }
CRTAPI int _vfwprintf_p(FILE *s, const wchar *f, va_list ap) { return stream_print(s, f, 1, POS, ap); }
CRTAPI int _fwprintf_p(FILE *s, const wchar *f, ...) { VA_WRAP_FROM(f, stream_print(s, f, 1, POS, ap)); }
CRTAPI int _vfwprintf_p_l(FILE *s, const wchar *f, void *l, va_list ap) { return stream_print(s, f, 1, POS, ap); }
CRTAPI int _fwprintf_p_l(FILE *s, const wchar *f, void *l, ...) { VA_WRAP_FROM(l, stream_print(s, f, 1, POS, ap)); }
CRTAPI int _vwprintf_l(const wchar *f, void *l, va_list ap) { return stream_print(&_iob[1], f, 1, 0, ap); }
CRTAPI int _wprintf_l(const wchar *f, void *l, ...) { VA_WRAP_FROM(l, stream_print(&_iob[1], f, 1, 0, ap)); }
CRTAPI int _vwprintf_s_l(const wchar *f, void *l, va_list ap) { return stream_print(&_iob[1], f, 1, 0, ap); }
CRTAPI int _wprintf_s_l(const wchar *f, void *l, ...) { VA_WRAP_FROM(l, stream_print(&_iob[1], f, 1, 0, ap)); }
CRTAPI int _vwprintf_p(const wchar *f, va_list ap) { return stream_print(&_iob[1], f, 1, POS, ap); }
CRTAPI int _wprintf_p(const wchar *f, ...) { VA_WRAP_FROM(f, stream_print(&_iob[1], f, 1, POS, ap)); }
CRTAPI int _vwprintf_p_l(const wchar *f, void *l, va_list ap) { return stream_print(&_iob[1], f, 1, POS, ap); }
CRTAPI int _wprintf_p_l(const wchar *f, void *l, ...) { VA_WRAP_FROM(l, stream_print(&_iob[1], f, 1, POS, ap)); }

/* ---- the console ---- */

CRTAPI int _vcprintf_l(const char *f, void *l, va_list ap) { return crt_console_printf(f, 0, 0, ap); }
CRTAPI int _cprintf_l(const char *f, void *l, ...) { VA_WRAP_FROM(l, crt_console_printf(f, 0, 0, ap)); }
CRTAPI int _vcprintf_p(const char *f, va_list ap) { return crt_console_printf(f, 0, POS, ap); }
CRTAPI int _cprintf_p(const char *f, ...) { VA_WRAP_FROM(f, crt_console_printf(f, 0, POS, ap)); }
CRTAPI int _vcprintf_p_l(const char *f, void *l, va_list ap) { return crt_console_printf(f, 0, POS, ap); }
CRTAPI int _cprintf_p_l(const char *f, void *l, ...) { VA_WRAP_FROM(l, crt_console_printf(f, 0, POS, ap)); }
CRTAPI int _vcwprintf_l(const wchar *f, void *l, va_list ap) { return crt_console_printf(f, 1, 0, ap); }
CRTAPI int _cwprintf_l(const wchar *f, void *l, ...) { VA_WRAP_FROM(l, crt_console_printf(f, 1, 0, ap)); }
CRTAPI int _vcwprintf_p(const wchar *f, va_list ap) { return crt_console_printf(f, 1, POS, ap); }
CRTAPI int _cwprintf_p(const wchar *f, ...) { VA_WRAP_FROM(f, crt_console_printf(f, 1, POS, ap)); }
CRTAPI int _vcwprintf_p_l(const wchar *f, void *l, va_list ap) { return crt_console_printf(f, 1, POS, ap); }
CRTAPI int _cwprintf_p_l(const wchar *f, void *l, ...) { VA_WRAP_FROM(l, crt_console_printf(f, 1, POS, ap)); }
