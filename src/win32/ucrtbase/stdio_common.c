/* The UCRT's printf and scanf entry points.  Its headers define printf,
 * sprintf, snprintf... inline over these __stdio_common_* functions and
 * pass their rules as option bits (<corecrt_stdio_config.h>); the locale
 * argument is unused (only the "C" locale exists here). */
#include "crt/crt_internal.h"
#include "crt/printf_sink.h"

#define PRINTF_LEGACY_VSPRINTF_NULL_TERMINATION 0x01ULL
#define PRINTF_STANDARD_SNPRINTF_BEHAVIOR 0x02ULL
#define PRINTF_LEGACY_WIDE_SPECIFIERS 0x04ULL
#define PRINTF_LEGACY_MSVCRT_COMPATIBILITY 0x08ULL
#define PRINTF_LEGACY_THREE_DIGIT_EXPONENTS 0x10ULL
#define PRINTF_STANDARD_ROUNDING 0x20ULL
#define SCANF_SECURECRT 0x01ULL
#define SCANF_LEGACY_WIDE_SPECIFIERS 0x02ULL

typedef uint64_t u64;

static int count_output;    /* _set_printf_count_output */

CRTAPI int _set_printf_count_output(int on)
{
    int old = count_output;

    count_output = on != 0;
    return old;
}

CRTAPI int _get_printf_count_output(void) { return count_output; }

/* secure: the _s forms, which never accept %n. */
static unsigned printf_opts(u64 o, int secure)
{
    unsigned r = (count_output && !secure ? FMTO_COUNT_N : FMTO_NO_N) | FMTO_UCRT;

    if (!(o & PRINTF_LEGACY_MSVCRT_COMPATIBILITY))
        r |= FMTO_C99_SPECIAL;
    if (!(o & PRINTF_LEGACY_THREE_DIGIT_EXPONENTS))
        r |= FMTO_EXP2;
    if (o & PRINTF_STANDARD_ROUNDING)
        r |= FMTO_ROUND_EVEN;
    if (!(o & PRINTF_LEGACY_WIDE_SPECIFIERS))
        r |= FMTO_WIDE_STD;
    return r;
}

static int bad_parameter(void)
{
    crt_invalid_parameter();
    crt_set_errno(EINVAL);
    return -1;
}

static int stream_print(u64 o, FILE *f, const void *fmt, int wide, int secure,
                        va_list ap)
{
    if (!f || !fmt)
        return bad_parameter();
    return file_sink_run(f, fmt, wide, printf_opts(o, secure), ap);
}

CRTAPI int __stdio_common_vfprintf(u64 o, FILE *f, const char *fmt, void *loc,
                                   va_list ap)
{
    return stream_print(o, f, fmt, 0, 0, ap);
}

CRTAPI int __stdio_common_vfprintf_s(u64 o, FILE *f, const char *fmt, void *loc,
                                     va_list ap)
{
    return stream_print(o, f, fmt, 0, 1, ap);
}

CRTAPI int __stdio_common_vfwprintf(u64 o, FILE *f, const wchar *fmt, void *loc,
                                    va_list ap)
{
    return stream_print(o, f, fmt, 1, 0, ap);
}

CRTAPI int __stdio_common_vfwprintf_s(u64 o, FILE *f, const wchar *fmt,
                                      void *loc, va_list ap)
{
    return stream_print(o, f, fmt, 1, 1, ap);
}

/* The rule of sprintf, _snprintf and snprintf by their options: no
 * buffer asks for the length; text that fits is terminated; text that
 * fills the buffer exactly is left unterminated under
 * LEGACY_VSPRINTF_NULL_TERMINATION (_snprintf's old rule); longer text is
 * cut, terminated and its full length returned under
 * STANDARD_SNPRINTF_BEHAVIOR (C's snprintf), cut and left unterminated
 * with -1 under LEGACY_VSPRINTF_NULL_TERMINATION, else cut, terminated
 * and -2 (-1 for an empty buffer). */
static int mem_print(u64 o, void *buf, size_t n, const void *fmt, int wide,
                     va_list ap)
{
    int total, r;

    if (!fmt || (!buf && n))
        return bad_parameter();
    r = crt_mem_format(buf, buf ? n : 0, wide, printf_opts(o, 0), fmt, ap, &total);
    if (r < 0) {
        if (buf && n)
            crt_terminate_at(buf, 0, wide);
        return -1;
    }
    if (!buf)
        return total;
    if ((size_t)total < n) {
        crt_terminate_at(buf, total, wide);
        return total;
    }
    if ((size_t)total == n && (o & PRINTF_LEGACY_VSPRINTF_NULL_TERMINATION))
        return total;
    if (o & PRINTF_STANDARD_SNPRINTF_BEHAVIOR) {
        if (n)
            crt_terminate_at(buf, n - 1, wide);
        return total;
    }
    if ((o & PRINTF_LEGACY_VSPRINTF_NULL_TERMINATION) || !n)
        return -1;
    crt_terminate_at(buf, n - 1, wide);
    return -2;
}

CRTAPI int __stdio_common_vsprintf(u64 o, char *buf, size_t n, const char *fmt,
                                   void *loc, va_list ap)
{
    return mem_print(o, buf, n, fmt, 0, ap);
}

CRTAPI int __stdio_common_vswprintf(u64 o, wchar *buf, size_t n,
                                    const wchar *fmt, void *loc, va_list ap)
{
    return mem_print(o, buf, n, fmt, 1, ap);
}

CRTAPI int __stdio_common_vsprintf_s(u64 o, char *buf, size_t n,
                                     const char *fmt, void *loc, va_list ap)
{
    return crt_vs_s_common(buf, n, 0, printf_opts(o, 1), fmt, ap);
}

CRTAPI int __stdio_common_vswprintf_s(u64 o, wchar *buf, size_t n,
                                      const wchar *fmt, void *loc, va_list ap)
{
    return crt_vs_s_common(buf, n, 1, printf_opts(o, 1), fmt, ap);
}

CRTAPI int __stdio_common_vsnprintf_s(u64 o, char *buf, size_t n, size_t count,
                                      const char *fmt, void *loc, va_list ap)
{
    return crt_vsnprintf_s_common(buf, n, count, 0, printf_opts(o, 1), fmt, ap);
}

CRTAPI int __stdio_common_vsnwprintf_s(u64 o, wchar *buf, size_t n,
                                       size_t count, const wchar *fmt,
                                       void *loc, va_list ap)
{
    return crt_vsnprintf_s_common(buf, n, count, 1, printf_opts(o, 1), fmt, ap);
}

/* The _p forms: numbered arguments, else as the _s forms. */
CRTAPI int __stdio_common_vfprintf_p(u64 o, FILE *f, const char *fmt, void *loc,
                                     va_list ap)
{
    if (!f || !fmt)
        return bad_parameter();
    return file_sink_run(f, fmt, 0, printf_opts(o, 1) | FMTO_POSITIONAL, ap);
}

CRTAPI int __stdio_common_vfwprintf_p(u64 o, FILE *f, const wchar *fmt,
                                      void *loc, va_list ap)
{
    if (!f || !fmt)
        return bad_parameter();
    return file_sink_run(f, fmt, 1, printf_opts(o, 1) | FMTO_POSITIONAL, ap);
}

CRTAPI int __stdio_common_vsprintf_p(u64 o, char *buf, size_t n,
                                     const char *fmt, void *loc, va_list ap)
{
    return crt_vs_s_common(buf, n, 0, printf_opts(o, 1) | FMTO_POSITIONAL, fmt, ap);
}

CRTAPI int __stdio_common_vswprintf_p(u64 o, wchar *buf, size_t n,
                                      const wchar *fmt, void *loc, va_list ap)
{
    return crt_vs_s_common(buf, n, 1, printf_opts(o, 1) | FMTO_POSITIONAL, fmt, ap);
}

CRTAPI int __conio_common_vcprintf_p(u64 o, const char *fmt, void *loc, va_list ap)
{
    return crt_console_printf(fmt, 0, printf_opts(o, 1) | FMTO_POSITIONAL, ap);
}

CRTAPI int __conio_common_vcwprintf_p(u64 o, const wchar *fmt, void *loc, va_list ap)
{
    return crt_console_printf(fmt, 1, printf_opts(o, 1) | FMTO_POSITIONAL, ap);
}

CRTAPI int __conio_common_vcprintf(u64 o, const char *fmt, void *loc, va_list ap)
{
    return crt_console_printf(fmt, 0, printf_opts(o, 0), ap);
}

CRTAPI int __conio_common_vcprintf_s(u64 o, const char *fmt, void *loc, va_list ap)
{
    return crt_console_printf(fmt, 0, printf_opts(o, 1), ap);
}

CRTAPI int __conio_common_vcwprintf(u64 o, const wchar *fmt, void *loc, va_list ap)
{
    return crt_console_printf(fmt, 1, printf_opts(o, 0), ap);
}

CRTAPI int __conio_common_vcwprintf_s(u64 o, const wchar *fmt, void *loc, va_list ap)
{
    return crt_console_printf(fmt, 1, printf_opts(o, 1), ap);
}

/* ---- scanf ---- */

static unsigned scanf_opts(u64 o)
{
    unsigned r = SCANO_C99;

    if (o & SCANF_SECURECRT)
        r |= SCANO_SECURE;
    if (!(o & SCANF_LEGACY_WIDE_SPECIFIERS))
        r |= SCANO_WIDE_STD;
    return r;
}

CRTAPI int __stdio_common_vfscanf(u64 o, FILE *f, const char *fmt, void *loc,
                                  va_list ap)
{
    if (!f || !fmt)
        return bad_parameter(), EOF;
    return crt_scan_file(f, fmt, 0, scanf_opts(o), ap);
}

CRTAPI int __stdio_common_vfwscanf(u64 o, FILE *f, const wchar *fmt, void *loc,
                                   va_list ap)
{
    if (!f || !fmt)
        return bad_parameter(), EOF;
    return crt_scan_file(f, fmt, 1, scanf_opts(o), ap);
}

/* n: the characters to read, (size_t)-1 up to the terminator. */
CRTAPI int __stdio_common_vsscanf(u64 o, const char *s, size_t n,
                                  const char *fmt, void *loc, va_list ap)
{
    if (!s || !fmt)
        return bad_parameter(), EOF;
    return crt_scan_string(s, n, 0, scanf_opts(o), fmt, ap);
}

CRTAPI int __stdio_common_vswscanf(u64 o, const wchar *s, size_t n,
                                   const wchar *fmt, void *loc, va_list ap)
{
    if (!s || !fmt)
        return bad_parameter(), EOF;
    return crt_scan_string(s, n, 1, scanf_opts(o), fmt, ap);
}
