/* The printf engine's memory sink and the buffer rules built on it. */
#ifndef LSW_CRT_PRINTF_SINK_H
#define LSW_CRT_PRINTF_SINK_H

#include "crt.h"

struct mem_sink {
    struct fmt_out out;     /* first: the engine sees only this */
    void *buf;
    size_t cap;             /* characters that fit, terminator included */
    size_t pos;
    int wide;
};

void mem_sink_init(struct mem_sink *m, void *buf, size_t cap, int wide);
int crt_mem_format(void *buf, size_t cap, int wide, unsigned opts,
                   const void *fmt, va_list ap, int *total);
void crt_terminate_at(void *buf, size_t at, int wide);
int crt_vsn_common(void *buf, size_t n, int wide, const void *fmt, va_list ap);
int crt_vs_s_common(void *buf, size_t n, int wide, unsigned opts,
                    const void *fmt, va_list ap);
int crt_vsnprintf_s_common(void *buf, size_t n, size_t count, int wide,
                           unsigned opts, const void *fmt, va_list ap);
int crt_vsn_c_common(void *buf, size_t n, int wide, unsigned opts,
                     const void *fmt, va_list ap);

/* printf_legacy.c: the memory families the locale (_l) forms wrap. */
CRTAPI int vsprintf(char *buf, const char *fmt, va_list ap);
CRTAPI int _vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
CRTAPI int vsprintf_s(char *buf, size_t n, const char *fmt, va_list ap);
CRTAPI int _vsnprintf_s(char *buf, size_t n, size_t count, const char *fmt,
                        va_list ap);
CRTAPI int vswprintf(wchar *buf, const wchar *fmt, va_list ap);
CRTAPI int _vsnwprintf(wchar *buf, size_t n, const wchar *fmt, va_list ap);
CRTAPI int vswprintf_s(wchar *buf, size_t n, const wchar *fmt, va_list ap);
CRTAPI int _vsnwprintf_s(wchar *buf, size_t n, size_t count, const wchar *fmt,
                         va_list ap);

#endif
