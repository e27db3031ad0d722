/* The printf engine's stream sink.  The wide functions write a binary
 * stream's characters as two bytes each, as fputwc does. */
#include "crt_internal.h"

struct file_sink {
    struct fmt_out out;     /* first: the engine sees only this */
    FILE *f;
    int two_bytes;          /* a wide format to a binary stream */
    size_t len;
    char tmp[512];
};

/* Streams: collect into a small buffer so an unbuffered stderr gets one
 * write per call rather than one per piece (msvcrt's _stbuf idea). */
static int file_drain(struct file_sink *fs)
{
    size_t n = fs->len;

    fs->len = 0;
    if (n && crt_fwrite_locked(fs->tmp, n, fs->f) != n)
        return -1;
    return 0;
}

static int file_byte(struct file_sink *fs, char c)
{
    if (fs->len == sizeof(fs->tmp) && file_drain(fs) < 0)
        return -1;
    fs->tmp[fs->len++] = c;
    return 0;
}

static int file_unit(struct file_sink *fs, wchar c)
{
    return file_byte(fs, (char)(c & 0xFF)) < 0 || file_byte(fs, (char)(c >> 8)) < 0 ? -1 : 0;
}

static int file_put(struct fmt_out *o, const char *s, size_t n)
{
    struct file_sink *fs = (struct file_sink *)o;

    for (size_t i = 0; i < n; i++)
        if ((fs->two_bytes ? file_unit(fs, (unsigned char)s[i]) : file_byte(fs, s[i])) < 0)
            return -1;
    return 0;
}

static int file_putw(struct fmt_out *o, const wchar *s, size_t n)
{
    struct file_sink *fs = (struct file_sink *)o;

    for (size_t i = 0; i < n; i++) {
        char c[4];
        int k;

        if (fs->two_bytes) {
            if (file_unit(fs, s[i]) < 0)
                return -1;
            continue;
        }
        if ((k = crt_wide_to_mb(c, s[i])) < 0) {
            crt_set_errno(EILSEQ);
            return -1;
        }
        if (file_put(o, c, (size_t)k) < 0)
            return -1;
    }
    return 0;
}

int file_sink_run(FILE *f, const void *fmt, int wide_fmt, unsigned opts,
                  va_list ap)
{
    struct file_sink fs;
    int r;

    memset(&fs, 0, sizeof(fs.out));
    fs.out.put = file_put;
    fs.out.putw = file_putw;
    fs.out.opts = opts;
    fs.f = f;
    fs.len = 0;
    if (!f || !fmt) {
        crt_set_errno(EINVAL);
        return -1;
    }
    crt_lock_file(f);
    fs.two_bytes = wide_fmt && !crt_stream_is_text(f);
    r = fmt_core(&fs.out, fmt, wide_fmt, ap);
    if (file_drain(&fs) < 0)
        r = -1;
    crt_unlock_file(f);
    return r;
}
