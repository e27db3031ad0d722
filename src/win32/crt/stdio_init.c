/* The standard streams and flushing everything. */
#include "crt_internal.h"

#ifdef CRT_UCRT
struct crt_stream crt_std_streams[IOB_COUNT];
#else
CRTDATA FILE _iob[IOB_COUNT];
#endif

/* The UCRT's name for the standard stream i (msvcrt has it too, privately:
 * newer mingw headers reference it). */
CRTAPI FILE *__acrt_iob_func(unsigned i) { return crt_iob(i); }

/* stdout is line-buffered on a console and fully buffered otherwise;
 * stderr is unbuffered. */
void crt_stdio_init(void)
{
    for (int i = 0; i < 3; i++) {
        FILE *f = crt_iob(i);
        struct fdinfo *fi = crt_fd(i);
        f->_file = i;
        f->_flag = _IOINUSE | (i == 0 ? _IOREAD : _IOWRT);
        if (i == 1 && fi && (fi->flags & FD_DEV))
            f->_flag |= _IOLINE;
        if (i == 2)
            f->_flag |= _IONBF;
    }
    for (int i = 3; i < IOB_COUNT; i++)
        crt_iob(i)->_file = -1;
    crt_set_errno(0);
}

static int flush_one(FILE *f)
{
    int r;

    crt_lock_file(f);
    r = crt_flush_locked(f);
    crt_unlock_file(f);
    return r;
}

void crt_stdio_flush_all(void)
{
    crt_stream_foreach(flush_one);
}

/* Counts the stream it flushes: _flushall answers how many are open. */
static int flush_counted(FILE *f)
{
    flush_one(f);
    return 1;
}

CRTAPI int _flushall(void)
{
    return crt_stream_foreach(flush_counted);
}

/* fflush(NULL) flushes every output stream and returns 0 or EOF. */
static int flush_err;
static int flush_collect(FILE *f)
{
    if (flush_one(f))
        flush_err = EOF;
    return 0;
}

CRTAPI int fflush(FILE *f)
{
    int r;

    if (!f) {
        _lock(LOCK_IOB);
        flush_err = 0;
        crt_stream_foreach(flush_collect);
        r = flush_err;
        _unlock(LOCK_IOB);
        return r;
    }
    crt_lock_file(f);
    r = crt_flush_locked(f);
    /* On an input stream fflush discards the read-ahead (documented). */
    if ((f->_flag & _IOREADING) && f->_base) {
        f->_ptr = f->_base;
        f->_cnt = 0;
        f->_flag &= ~_IOREADING;
    }
    crt_unlock_file(f);
    return r;
}
