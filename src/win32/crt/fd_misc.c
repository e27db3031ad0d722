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
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, !(textmode & _O_NOINHERIT) };
    int flags = (text ? FD_TEXT : 0) | (textmode & _O_NOINHERIT ? FD_NOINHERIT : 0);

    if (!CreatePipe(&r, &w, &sa, size)) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    fds[0] = crt_fd_alloc(r, flags);
    fds[1] = fds[0] < 0 ? -1 : crt_fd_alloc(w, flags);
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

/* _locking: nbytes from the current position.  _LK_LOCK and _LK_RLCK try
 * ten times a second apart (then EDEADLOCK), the _NB modes once (EACCES);
 * there are no shared locks on Windows, so the R modes are the others. */
#define LK_UNLCK 0
#define LK_LOCK 1
#define LK_NBLCK 2
#define LK_RLCK 3
#define LK_NBRLCK 4
#define EDEADLOCK 36

K32 BOOL LockFile(HANDLE, DWORD, DWORD, DWORD, DWORD);
K32 BOOL UnlockFile(HANDLE, DWORD, DWORD, DWORD, DWORD);

CRTAPI int _locking(int fd, int mode, long nbytes)
{
    struct fdinfo *f = crt_fd(fd);
    int64_t pos;
    int tries = mode == LK_LOCK || mode == LK_RLCK ? 10 : 1;

    if (!f)
        return -1;
    if (mode < LK_UNLCK || mode > LK_NBRLCK || nbytes < 0) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return -1;
    }
    if (!SetFilePointerEx(f->h, 0, &pos, FILE_CURRENT)) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    if (mode == LK_UNLCK) {
        if (UnlockFile(f->h, (DWORD)pos, (DWORD)(pos >> 32), (DWORD)nbytes, 0))
            return 0;
        crt_set_errno(EACCES);
        return -1;
    }
    while (tries--) {
        if (LockFile(f->h, (DWORD)pos, (DWORD)(pos >> 32), (DWORD)nbytes, 0))
            return 0;
        if (tries)
            Sleep(1000);
    }
    crt_set_errno(mode == LK_LOCK || mode == LK_RLCK ? EDEADLOCK : EACCES);
    return -1;
}
