/* More descriptor functions: _chsize, _pipe, _commit, _umask, _getpid. */
#include "crt_internal.h"

K32 BOOL SetEndOfFile(HANDLE);
K32 BOOL FlushFileBuffers(HANDLE);
K32 BOOL CreatePipe(HANDLE *, HANDLE *, void *, DWORD);
K32 DWORD GetCurrentProcessId(void);

static int umask_value;

/* Extends (with zeros, as the file system does) or truncates, keeping
 * the file position. */
CRTAPI int _chsize_s(int fd, long long size)
{
    struct fdinfo *f = crt_fd(fd);
    int64_t pos;

    if (!f)
        return EBADF;
    if (size < 0) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    if (!SetFilePointerEx(f->h, 0, &pos, FILE_CURRENT) ||
        !SetFilePointerEx(f->h, size, NULL, FILE_BEGIN) || !SetEndOfFile(f->h)) {
        crt_dosmaperr(GetLastError());
        SetFilePointerEx(f->h, pos, NULL, FILE_BEGIN);
        return crt_thread_data()->err;
    }
    SetFilePointerEx(f->h, pos, NULL, FILE_BEGIN);
    return 0;
}

CRTAPI int _chsize(int fd, long size) { return _chsize_s(fd, size) ? -1 : 0; }

CRTAPI int _commit(int fd)
{
    struct fdinfo *f = crt_fd(fd);

    if (!f)
        return -1;
    if (!FlushFileBuffers(f->h)) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    return 0;
}

/* fds[0] reads, fds[1] writes; size is the pipe's buffer; textmode
 * _O_BINARY or _O_TEXT (0: the default _fmode). */
CRTAPI int _pipe(int *fds, unsigned size, int textmode)
{
    HANDLE r, w;
    int text = textmode & _O_BINARY ? 0 : (textmode & _O_TEXT || !(_fmode & _O_BINARY));

    if (!fds) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return -1;
    }
    if (!CreatePipe(&r, &w, NULL, size)) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    fds[0] = crt_fd_alloc(r, text ? FD_TEXT : 0);
    fds[1] = fds[0] < 0 ? -1 : crt_fd_alloc(w, text ? FD_TEXT : 0);
    if (fds[1] < 0) {
        if (fds[0] >= 0)
            _close(fds[0]);
        else
            CloseHandle(r);
        CloseHandle(w);
        fds[0] = fds[1] = -1;
        return -1;
    }
    return 0;
}

/* The permission bits new files lose (only _S_IWRITE matters on Windows). */
CRTAPI int _umask(int mask)
{
    int old = umask_value;

    umask_value = mask & 0x180;
    return old;
}

CRTAPI int _umask_s(int mask, int *old)
{
    if (!old) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    *old = _umask(mask);
    return 0;
}

int crt_umask(void) { return umask_value; }

CRTAPI int _getpid(void) { return (int)GetCurrentProcessId(); }
