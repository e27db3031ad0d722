/* Sources for the scanf engine: strings (narrow or wide) and streams. */
#include "crt_internal.h"

static int str_get(struct scan_in *in)
{
    if (!in->left)
        return EOF;
    in->left--;
    if (in->wide) {
        if (!*in->ws)
            return EOF;
        return *in->ws++;
    }
    if (!*in->s)
        return EOF;
    return *in->s++;
}

/* Only ever ungets the character just read. */
static void str_unget(struct scan_in *in, int c)
{
    in->left++;
    if (in->wide)
        in->ws--;
    else
        in->s--;
}

static int file_get(struct scan_in *in)
{
    return crt_fgetc_locked(in->ctx);
}

static void file_unget(struct scan_in *in, int c)
{
    ungetc(c, in->ctx);
}

int crt_scan_string(const void *s, size_t n, int wide, unsigned opts,
                    const void *fmt, va_list ap)
{
    struct scan_in in = { str_get, str_unget, NULL, s, s, wide, 0, n, opts };

    if (!s || !fmt) {
        crt_set_errno(EINVAL);
        return EOF;
    }
    return scan_core(&in, fmt, wide, ap);
}

int crt_scan_file(FILE *f, const void *fmt, int wide, unsigned opts, va_list ap)
{
    struct scan_in in = { file_get, file_unget, f, NULL, NULL, 0, 0, 0, opts };
    int r;

    if (!f || !fmt) {
        crt_set_errno(EINVAL);
        return EOF;
    }
    crt_lock_file(f);
    r = scan_core(&in, fmt, wide, ap);
    crt_unlock_file(f);
    return r;
}
