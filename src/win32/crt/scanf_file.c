/* The scanf engine's stream source. */
#include "crt_internal.h"

static int file_get(struct scan_in *in)
{
    return crt_fgetc_locked(in->ctx);
}

static void file_unget(struct scan_in *in, int c)
{
    ungetc(c, in->ctx);
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
