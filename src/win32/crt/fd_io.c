/* _read and _write.  Text mode lives here, at the descriptor level, as in
 * msvcrt: writes turn "\n" into "\r\n"; reads turn "\r\n" into "\n" and
 * stop at Ctrl-Z (0x1A) on anything that is not a character device. */
#include "crt_internal.h"

#define ERROR_ACCESS_DENIED 5
#define ERROR_BROKEN_PIPE 109

int crt_write_all(struct fdinfo *f, const char *p, size_t n, size_t *done)
{
    DWORD w;

    *done = 0;
    while (n) {
        DWORD chunk = n > 0x40000000 ? 0x40000000 : (DWORD)n;
        if (!WriteFile(f->h, p, chunk, &w, NULL))
            return -1;
        if (!w)
            return 0;   /* device full */
        p += w, n -= w, *done += w;
    }
    return 1;
}

static void write_error(size_t done_any)
{
    DWORD e = GetLastError();

    if (e == ERROR_ACCESS_DENIED) {
        crt_set_errno(EBADF);
        crt_thread_data()->doserr = e;
    } else {
        crt_dosmaperr(e);
    }
}

/* Text mode: expand '\n' through a small buffer.  Returns source bytes
 * consumed, or -1. */
static int write_text(struct fdinfo *f, const char *p, unsigned n)
{
    char tmp[1024];
    unsigned i = 0;

    while (i < n) {
        size_t k = 0, done;
        unsigned start = i;
        int r;
        while (i < n && k < sizeof(tmp) - 1) {
            if (p[i] == '\n')
                tmp[k++] = '\r';
            tmp[k++] = p[i++];
        }
        r = crt_write_all(f, tmp, k, &done);
        if (r <= 0) {
            if (r < 0 && start == 0)
                return -1;
            if (r == 0 && start == 0 && done == 0) {
                crt_set_errno(ENOSPC);
                return -1;
            }
            return start;
        }
    }
    return n;
}

CRTAPI int _write(int fd, const void *buf, unsigned int n)
{
    struct fdinfo *f = crt_fd(fd);
    size_t done;
    int r;

    if (!f)
        return -1;
    if (!n)
        return 0;
    if (f->flags & FD_APPEND)
        SetFilePointerEx(f->h, 0, NULL, FILE_END);
    if ((f->flags & FD_TEXT) && f->enc)
        return crt_unicode_write(f, buf, n);
    if (f->flags & FD_TEXT) {
        r = write_text(f, buf, n);
        if (r < 0)
            write_error(0);
        return r;
    }
    r = crt_write_all(f, buf, n, &done);
    if (r < 0 && !done) {
        write_error(0);
        return -1;
    }
    if (r == 0 && !done) {
        crt_set_errno(ENOSPC);
        return -1;
    }
    return (int)done;
}

/* Raw read; 0 at end of file or of a pipe, -1 on error (a handle not
 * open for reading is EBADF, _doserrno keeping ERROR_ACCESS_DENIED). */
int crt_read_raw(struct fdinfo *f, char *p, unsigned n)
{
    DWORD got, err;

    if (ReadFile(f->h, p, n, &got, NULL))
        return (int)got;
    err = GetLastError();
    if (err == ERROR_BROKEN_PIPE)
        return 0;
    crt_dosmaperr(err);
    if (err == ERROR_ACCESS_DENIED)
        crt_set_errno(EBADF);
    return -1;
}

/* A '\r' ending the bytes read: the byte after it decides.  Before a
 * '\n', a file (not a pipe or device) drops the CR and is moved back to
 * the '\n', unless the CR is all this read has (then it gives the '\n'),
 * as Windows does (Wine's conformance test: "e\r\n" read two bytes at a
 * time gives "e" at the '\n', then "\n"). */
static void final_cr(struct fdinfo *f, char *p, int *o)
{
    int seekable = !(f->flags & (FD_PIPE | FD_DEV));
    char next;

    if (crt_read_raw(f, &next, 1) != 1) {
        p[(*o)++] = '\r';
    } else if (next == '\n' && seekable && *o) {
        SetFilePointerEx(f->h, -1, NULL, FILE_CURRENT);
    } else if (next == '\n') {
        p[(*o)++] = '\n';
    } else {
        p[(*o)++] = '\r';
        if (seekable)
            SetFilePointerEx(f->h, -1, NULL, FILE_CURRENT);
        else
            f->pending = (unsigned char)next;
    }
}

/* Compresses text in place; may read one byte ahead after a final '\r'. */
static int text_compress(struct fdinfo *f, char *p, int len)
{
    int o = 0;

    for (int i = 0; i < len; i++) {
        char c = p[i];
        if (c == 0x1A && !(f->flags & FD_DEV)) {
            f->flags |= FD_EOF;
            break;
        }
        if (c != '\r') {
            p[o++] = c;
        } else if (i + 1 < len) {
            p[o++] = p[i + 1] == '\n' ? p[++i] : '\r';
        } else {
            final_cr(f, p, &o);
        }
    }
    return o;
}

CRTAPI int _read(int fd, void *buf, unsigned int n)
{
    struct fdinfo *f = crt_fd(fd);
    char *p = buf;
    int got = 0, r;

    if (!f)
        return -1;
    if (!n || (f->flags & FD_EOF))
        return 0;
    if ((f->flags & FD_TEXT) && f->enc)
        return crt_unicode_read(f, buf, n);
    if (f->pending >= 0) {
        p[got++] = (char)f->pending;
        f->pending = -1;
    }
    if ((unsigned)got < n) {
        r = crt_read_raw(f, p + got, n - got);
        if (r < 0 && !got)
            return -1;
        if (r > 0)
            got += r;
    }
    if (f->flags & FD_TEXT)
        got = text_compress(f, p, got);
    return got;
}
