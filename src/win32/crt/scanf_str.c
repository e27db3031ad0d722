/* The scanf engine's string source (narrow or wide, bounded or up to
 * the terminator). */
#include "crt.h"

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
