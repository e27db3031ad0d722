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

#endif
