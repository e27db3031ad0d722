/* The printf engine's memory sink (narrow or wide, bounded or counting)
 * and the truncation rules of the families that format into memory.
 * Wide text into narrow output is converted per character in the
 * locale's code page (the "C" locale: a wide character above U+00FF cannot
 * be narrowed and makes the call fail with EILSEQ, as msvcrt does). */
#include "printf_sink.h"

static int mem_put(struct fmt_out *o, const char *s, size_t n)
{
    struct mem_sink *m = (struct mem_sink *)o;

    for (size_t i = 0; i < n; i++, m->pos++)
        if (m->pos < m->cap) {
            if (m->wide)
                ((wchar *)m->buf)[m->pos] = (unsigned char)s[i];
            else
                ((char *)m->buf)[m->pos] = s[i];
        }
    return 0;
}

static int mem_putw(struct fmt_out *o, const wchar *s, size_t n)
{
    struct mem_sink *m = (struct mem_sink *)o;

    for (size_t i = 0; i < n; i++) {
        char c[4];
        int k = 1;

        if (!m->wide && (k = crt_wide_to_mb(c, s[i])) < 0) {
            crt_set_errno(EILSEQ);
            return -1;
        }
        for (int j = 0; j < k; j++, m->pos++) {
            if (m->pos >= m->cap)
                continue;
            if (m->wide)
                ((wchar *)m->buf)[m->pos] = s[i];
            else
                ((char *)m->buf)[m->pos] = c[j];
        }
    }
    return 0;
}

void mem_sink_init(struct mem_sink *m, void *buf, size_t cap, int wide)
{
    memset(m, 0, sizeof(*m));
    m->out.put = mem_put;
    m->out.putw = mem_putw;
    m->buf = buf;
    m->cap = buf ? cap : 0;
    m->wide = wide;
}

/* ---- memory targets: the truncation rules the printf families share ---- */

/* Formats into buf (cap characters, no terminator written); *total gets
 * the characters produced.  Returns the engine's result. */
int crt_mem_format(void *buf, size_t cap, int wide, unsigned opts,
                   const void *fmt, va_list ap, int *total)
{
    struct mem_sink m;
    int r;

    mem_sink_init(&m, buf, cap, wide);
    m.out.opts = opts;
    r = fmt_core(&m.out, fmt, wide, ap);
    *total = (int)m.pos;
    return r;
}

void crt_terminate_at(void *buf, size_t at, int wide)
{
    if (wide)
        ((wchar *)buf)[at] = 0;
    else
        ((char *)buf)[at] = 0;
}

/* _vsnprintf rule, shared by the narrow and wide forms. */
int crt_vsn_common(void *buf, size_t n, int wide, const void *fmt, va_list ap)
{
    int total, r;

    if (!fmt || (!buf && n)) {
        crt_set_errno(EINVAL);
        return -1;
    }
    r = crt_mem_format(buf, n, wide, 0, fmt, ap, &total);
    if (r < 0)
        return -1;
    if ((size_t)total < n)
        crt_terminate_at(buf, total, wide);
    return (size_t)total > n ? -1 : total;
}

/* _vsnprintf_c / _vswprintf_c / the _p forms' rule: at most n - 1
 * characters and a terminator; -1 when the text was cut. */
int crt_vsn_c_common(void *buf, size_t n, int wide, unsigned opts,
                     const void *fmt, va_list ap)
{
    int total, r;

    if (!fmt || (!buf && n)) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return -1;
    }
    r = crt_mem_format(buf, n ? n - 1 : 0, wide, opts, fmt, ap, &total);
    if (!n)
        return r < 0 ? -1 : total;
    if (r < 0) {
        crt_terminate_at(buf, 0, wide);
        return -1;
    }
    crt_terminate_at(buf, (size_t)total < n ? (size_t)total : n - 1, wide);
    return (size_t)total < n ? total : -1;
}

/* sprintf_s rule: too long is an error that leaves an empty string. */
int crt_vs_s_common(void *buf, size_t n, int wide, unsigned opts,
                    const void *fmt, va_list ap)
{
    int total, r;

    if (!fmt || !buf || !n) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return -1;
    }
    r = crt_mem_format(buf, n, wide, opts, fmt, ap, &total);
    if (r < 0 || (size_t)total >= n) {
        crt_terminate_at(buf, 0, wide);
        if (r >= 0) {
            crt_invalid_parameter();
            crt_set_errno(ERANGE);
        }
        return -1;
    }
    crt_terminate_at(buf, total, wide);
    return total;
}

/* _vsnprintf_s rule (documented table): count characters at most,
 * always terminated; _TRUNCATE ((size_t)-1) or a count below the buffer
 * truncates quietly with -1; text that does not fit the buffer otherwise
 * is an invalid parameter (ERANGE, empty string). */
int crt_vsnprintf_s_common(void *buf, size_t n, size_t count, int wide,
                           unsigned opts, const void *fmt, va_list ap)
{
    size_t room;
    int total, r;

    if (!buf && !n && !count)
        return 0;
    if (!buf || !n || !fmt) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return -1;
    }
    if (count != (size_t)-1 && count >= n)
        return crt_vs_s_common(buf, n, wide, opts, fmt, ap);
    room = count == (size_t)-1 ? n - 1 : count;
    r = crt_mem_format(buf, room, wide, opts, fmt, ap, &total);
    if (r < 0) {
        crt_terminate_at(buf, 0, wide);
        return -1;
    }
    crt_terminate_at(buf, (size_t)total < room ? (size_t)total : room, wide);
    return (size_t)total > room ? -1 : total;
}
