/* fseek/ftell and friends.  In text mode the buffer holds cooked bytes
 * ("\r\n" became "\n"), so the logical position of a reading stream is
 * found by replaying the raw bytes from the start of the buffer. */
#include "crt_internal.h"

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

long long _lseeki64_quiet(int fd)
{
    struct fdinfo *fi = crt_fd(fd);
    int64_t pos;

    if (!fi || !SetFilePointerEx(fi->h, 0, &pos, FILE_CURRENT))
        return -1;
    return pos;
}

/* Raw length of the first `cooked` bytes produced from offset `start`.
 * A '\r' ending a chunk peeks at the next byte, as _read does. */
static long long replay_text(struct fdinfo *fi, long long start, int cooked)
{
    char buf[512], next;
    long long raw = 0;
    DWORD got, one;

    if (!SetFilePointerEx(fi->h, start, NULL, FILE_BEGIN))
        return -1;
    while (cooked > 0) {
        if (!ReadFile(fi->h, buf, sizeof(buf), &got, NULL) || !got)
            break;
        for (DWORD i = 0; i < got && cooked > 0; i++, cooked--, raw++) {
            if (buf[i] != '\r')
                continue;
            if (i + 1 < got) {
                if (buf[i + 1] == '\n')
                    i++, raw++;
            } else if (ReadFile(fi->h, &next, 1, &one, NULL) && one) {
                if (next == '\n')
                    raw++;
                else
                    SetFilePointerEx(fi->h, -1, NULL, FILE_CURRENT);
            }
        }
    }
    return raw;
}

long long ftell_locked_pos(FILE *f)
{
    struct fdinfo *fi = crt_fd(f->_file);
    long long raw = _lseeki64_quiet(f->_file), pos;

    if (!fi || raw < 0)
        return -1;
    if (f->_flag & _IOWRITING) {
        pos = raw + (f->_ptr - f->_base);
        if (fi->flags & FD_TEXT)
            for (char *p = f->_base; p < f->_ptr; p++)
                pos += *p == '\n';
        return pos;
    }
    if (!(f->_flag & _IOREADING) || f->_cnt <= 0)
        return raw - (fi->pending >= 0);
    if (!(fi->flags & FD_TEXT))
        return raw - f->_cnt - (fi->pending >= 0);
    pos = *crt_stream_bufpos(f);
    pos += replay_text(fi, pos, (int)(f->_ptr - f->_base));
    SetFilePointerEx(fi->h, raw, NULL, FILE_BEGIN);
    return pos;
}

CRTAPI long long _ftelli64(FILE *f)
{
    long long pos;

    crt_lock_file(f);
    pos = ftell_locked_pos(f);
    if (pos < 0 && !crt_thread_data()->err)
        crt_set_errno(EINVAL);
    crt_unlock_file(f);
    return pos;
}

CRTAPI long ftell(FILE *f)
{
    long long pos = _ftelli64(f);

    return pos > LONG_MAX ? -1 : (long)pos;
}

CRTAPI int _fseeki64(FILE *f, long long off, int whence)
{
    long long r;

    if (whence < SEEK_SET || whence > SEEK_END) {
        crt_set_errno(EINVAL);
        return -1;
    }
    crt_lock_file(f);
    if (whence == SEEK_CUR) {
        long long cur = ftell_locked_pos(f);
        off += cur;
        whence = SEEK_SET;
    }
    crt_flush_locked(f);
    f->_flag &= ~(_IOEOF | _IOREADING);
    if (f->_flag & _IORW)
        f->_flag &= ~(_IOREAD | _IOWRT);
    if (f->_base) {
        f->_ptr = f->_base;
        f->_cnt = 0;
    }
    r = _lseeki64(f->_file, off, whence);
    crt_unlock_file(f);
    return r < 0 ? -1 : 0;
}

CRTAPI int fseek(FILE *f, long off, int whence)
{
    return _fseeki64(f, off, whence);
}

CRTAPI void rewind(FILE *f)
{
    _fseeki64(f, 0, SEEK_SET);
    crt_lock_file(f);
    f->_flag &= ~_IOERR;
    crt_unlock_file(f);
}

CRTAPI int fgetpos(FILE *f, long long *pos)
{
    *pos = _ftelli64(f);
    return *pos < 0 ? -1 : 0;
}

CRTAPI int fsetpos(FILE *f, const long long *pos)
{
    return _fseeki64(f, *pos, SEEK_SET);
}
