#ifndef LSW_MSVCRT_PRINTF_SINK_H
#define LSW_MSVCRT_PRINTF_SINK_H

#include "crt_internal.h"

struct mem_sink {
    struct fmt_out out;     /* first: the engine sees only this */
    void *buf;
    size_t cap;             /* characters that fit, terminator included */
    size_t pos;
    int wide;
};

struct file_sink {
    struct fmt_out out;
    FILE *f;
    size_t len;
    char tmp[512];
};

void mem_sink_init(struct mem_sink *m, void *buf, size_t cap, int wide);
int file_sink_run(FILE *f, const void *fmt, int wide_fmt, unsigned opts,
                  va_list ap);
int crt_mem_format(void *buf, size_t cap, int wide, unsigned opts,
                   const void *fmt, va_list ap, int *total);
void crt_terminate_at(void *buf, size_t at, int wide);
int crt_vsn_common(void *buf, size_t n, int wide, const void *fmt, va_list ap);
int crt_vs_s_common(void *buf, size_t n, int wide, unsigned opts,
                    const void *fmt, va_list ap);
int crt_vsnprintf_s_common(void *buf, size_t n, size_t count, int wide,
                           unsigned opts, const void *fmt, va_list ap);

#endif
