/* Stream buffering.  A stream's buffer is either read-ahead (_IOREADING:
 * _ptr is the next byte, _cnt how many remain) or pending output
 * (_IOWRITING: _ptr is the next free byte, _cnt the space left), never
 * both.  Buffers are allocated on first use, as msvcrt does. */
#include "crt_internal.h"

int crt_ensure_buf(FILE *f)
{
    if (f->_base)
        return 0;
    if (!(f->_flag & _IONBF)) {
        f->_base = malloc(STREAM_BUFSIZ);
        if (f->_base) {
            f->_bufsiz = STREAM_BUFSIZ;
            f->_flag |= _IOMYBUF;
        }
    }
    if (!f->_base) {
        /* Unbuffered streams read through the one-byte _charbuf. */
        f->_flag |= _IONBF;
        f->_base = (char *)&f->_charbuf;
        f->_bufsiz = 1;
    }
    f->_ptr = f->_base;
    f->_cnt = 0;
    return 0;
}

/* Writes out pending output.  Returns 0 or EOF. */
int crt_flush_locked(FILE *f)
{
    int r = 0;

    if ((f->_flag & _IOWRITING) && f->_base) {
        int n = (int)(f->_ptr - f->_base);
        if (n > 0 && _write(f->_file, f->_base, n) != n) {
            f->_flag |= _IOERR;
            r = EOF;
        }
        f->_ptr = f->_base;
        f->_cnt = 0;
        f->_flag &= ~_IOWRITING;
        if (f->_flag & _IORW)
            f->_flag &= ~_IOWRT;
    }
    return r;
}

/* Drops read-ahead, moving the file position back to the logical one. */
static void drop_readahead(FILE *f)
{
    if (!(f->_flag & _IOREADING))
        return;
    if (f->_cnt > 0) {
        long long pos = ftell_locked_pos(f);
        if (pos >= 0)
            _lseeki64(f->_file, pos, 0);
    }
    f->_ptr = f->_base;
    f->_cnt = 0;
    f->_flag &= ~_IOREADING;
}

int crt_start_write(FILE *f)
{
    if (!_IOCANWRITE(f)) {
        f->_flag |= _IOERR;
        crt_set_errno(EBADF);
        return EOF;
    }
    if (f->_flag & _IOWRITING)
        return 0;
    drop_readahead(f);
    f->_flag &= ~_IOEOF;
    crt_ensure_buf(f);
    f->_flag |= _IOWRITING;
    if (f->_flag & _IORW)
        f->_flag |= _IOWRT;
    f->_ptr = f->_base;
    f->_cnt = (f->_flag & _IONBF) ? 0 : f->_bufsiz;
    return 0;
}

int crt_start_read(FILE *f)
{
    if (!_IOCANREAD(f)) {
        f->_flag |= _IOERR;
        crt_set_errno(EBADF);
        return EOF;
    }
    if (f->_flag & _IOWRITING) {
        if (crt_flush_locked(f))
            return EOF;
    }
    crt_ensure_buf(f);
    f->_flag |= _IOREADING;
    return 0;
}

/* Refills the read buffer; returns the next byte (consumed) or EOF. */
int crt_fill_locked(FILE *f)
{
    int n;

    if (crt_start_read(f))
        return EOF;
    /* Interactive convention: a prompt on a console stdout shows before
     * we block reading stdin. */
    if (f == crt_iob(0) && (crt_iob(1)->_flag & _IOLINE))
        crt_flush_locked(crt_iob(1));
    {
        /* A byte _read holds back after '\r' sits before the file pointer. */
        struct fdinfo *fi = crt_fd(f->_file);
        *crt_stream_bufpos(f) = _lseeki64_quiet(f->_file) -
                                (fi && fi->pending >= 0);
    }
    n = _read(f->_file, f->_base, f->_bufsiz);
    if (n <= 0) {
        f->_flag |= n < 0 ? _IOERR : _IOEOF;
        f->_cnt = 0;
        f->_ptr = f->_base;
        return EOF;
    }
    f->_ptr = f->_base + 1;
    f->_cnt = n - 1;
    return (unsigned char)f->_base[0];
}

CRTAPI int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
    if (!f || (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) ||
        (mode != _IONBF && (size < 2 || size > INT_MAX))) {
        crt_set_errno(EINVAL);
        return -1;
    }
    crt_lock_file(f);
    crt_flush_locked(f);
    drop_readahead(f);
    if (f->_flag & _IOMYBUF)
        free(f->_base);
    f->_flag &= ~(_IOMYBUF | _IOYOURBUF | _IONBF | _IOLINE);
    f->_base = NULL;
    f->_bufsiz = 0;
    if (mode == _IONBF) {
        f->_flag |= _IONBF;
    } else {
        size &= ~(size_t)1;   /* msvcrt rounds the size down to even */
        f->_base = buf ? buf : malloc(size);
        if (!f->_base) {
            crt_unlock_file(f);
            return -1;
        }
        f->_flag |= buf ? _IOYOURBUF : _IOMYBUF;
        f->_flag |= mode == _IOLBF ? _IOLINE : 0;
        f->_bufsiz = (int)size;
    }
    crt_ensure_buf(f);
    crt_unlock_file(f);
    return 0;
}

CRTAPI void setbuf(FILE *f, char *buf)
{
    setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}
