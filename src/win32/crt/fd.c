/* Low-level file descriptors over Win32 handles.  fds 0, 1 and 2 are the
 * standard handles; they start in text mode, as in msvcrt. */
#include "crt_internal.h"

/* The table, also seen by programs through msvcrt's __pioinfo: pointers
 * to blocks of FD_BLOCK entries in msvcrt's ioinfo layout, NULL for a
 * block not used yet, as msvcrt allocates them (making all 2048 entries
 * closed at the start wrote 28 pages: as many page faults each start). */
static struct fdinfo fds[FD_MAX];
struct fdinfo *__pioinfo[FD_MAX / FD_BLOCK];

/* fd's entry, its block made ready first (every entry closed) if it was
 * not; under LOCK_FD, or before any other thread can run. */
static struct fdinfo *slot(int fd)
{
    struct fdinfo *block = __pioinfo[fd / FD_BLOCK];

    if (!block) {
        block = &fds[fd / FD_BLOCK * FD_BLOCK];
        for (int i = 0; i < FD_BLOCK; i++) {
            block[i].h = INVALID_HANDLE_VALUE;
            block[i].pending = -1;
        }
        /* readers without the lock see the entries before the block */
        __atomic_store_n(&__pioinfo[fd / FD_BLOCK], block, __ATOMIC_RELEASE);
    }
    return &block[fd % FD_BLOCK];
}

const struct fdinfo *crt_fd_peek(int fd)
{
    struct fdinfo *block = __atomic_load_n(&__pioinfo[fd / FD_BLOCK], __ATOMIC_ACQUIRE);

    return block ? &block[fd % FD_BLOCK] : NULL;
}

static int type_flags(HANDLE h)
{
    switch (GetFileType(h) & 0xFF) {
    case FILE_TYPE_CHAR:
        return FD_DEV;
    case FILE_TYPE_PIPE:
        return FD_PIPE;
    }
    return 0;
}

K32 BOOL SetStdHandle(DWORD, HANDLE);

/* The standard handle of descriptors 0, 1 and 2. */
static const DWORD std[3] = { STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE };

void crt_fd_init(void)
{
    slot(0); /* the standard handles' block */
    crt_fd_adopt(); /* what a C runtime parent passed */
    for (int i = 0; i < 3; i++) {
        HANDLE h = GetStdHandle(std[i]);
        if (fds[i].flags & FD_OPEN)
            continue;
        if (!h || h == INVALID_HANDLE_VALUE)
            continue;
        fds[i].h = h;
        fds[i].flags = FD_OPEN | FD_TEXT | type_flags(h);
    }
}

struct fdinfo *crt_fd(int fd)
{
    const struct fdinfo *f = fd >= 0 && fd < FD_MAX ? crt_fd_peek(fd) : NULL;

    if (!f || !(f->flags & FD_OPEN)) {
        crt_set_errno(EBADF);
        crt_thread_data()->doserr = 0;
        return NULL;
    }
    return &fds[fd];
}

/* Descriptors 0, 1 and 2 are the process's standard handles: opening,
 * duplicating onto or closing one sets it (NULL when closed), as Windows'
 * CRT does in a console program. */
void crt_fd_set_std(int fd, HANDLE h)
{
    if (fd >= 0 && fd <= 2)
        SetStdHandle(std[fd], h);
}

/* flags: FD_* bits to set besides FD_OPEN and the handle's type. */
int crt_fd_alloc(HANDLE h, int flags)
{
    int fd = -1;

    _lock(LOCK_FD);
    for (int i = 0; i < FD_MAX && fd < 0; i++)
        if (!(slot(i)->flags & FD_OPEN))
            fd = i;
    if (fd >= 0) {
        fds[fd].h = h;
        fds[fd].pending = -1;
        fds[fd].enc = FD_ENC_NONE;
        fds[fd].flags = FD_OPEN | flags | type_flags(h);
    } else {
        crt_set_errno(EMFILE);
    }
    _unlock(LOCK_FD);
    crt_fd_set_std(fd, h);
    return fd;
}

CRTAPI intptr_t _get_osfhandle(int fd)
{
    struct fdinfo *f = crt_fd(fd);

    return f ? (intptr_t)f->h : -1;
}

CRTAPI int _open_osfhandle(intptr_t h, int oflag)
{
    int flags = 0;

    SetLastError(0);
    if ((HANDLE)h == INVALID_HANDLE_VALUE ||
        (GetFileType((HANDLE)h) == FILE_TYPE_UNKNOWN && GetLastError())) {
        crt_set_errno(EBADF);
        return -1;
    }
    if (oflag & _O_APPEND)
        flags |= FD_APPEND;
    if (oflag & _O_TEXT)
        flags |= FD_TEXT;
    return crt_fd_alloc((HANDLE)h, flags);
}

/* Descriptors 1 and 2 open on one handle (a console's, usually): closing
 * one leaves the handle to the other. */
static int shared_with_other_std(int fd, HANDLE h)
{
    return (fd == 1 || fd == 2) && (fds[3 - fd].flags & FD_OPEN) && fds[3 - fd].h == h;
}

/* The std handles belong to the process; msvcrt does close them. */
CRTAPI int _close(int fd)
{
    struct fdinfo *f = crt_fd(fd);
    int r = 0;

    if (!f)
        return -1;
    if (!shared_with_other_std(fd, f->h) && !CloseHandle(f->h)) {
        crt_dosmaperr(GetLastError());
        r = -1;
    }
    crt_fd_set_std(fd, NULL);
    _lock(LOCK_FD);
    f->flags = 0;
    f->h = INVALID_HANDLE_VALUE;
    _unlock(LOCK_FD);
    return r;
}

CRTAPI int _isatty(int fd)
{
    struct fdinfo *f = crt_fd(fd);

    return f && (f->flags & FD_DEV) ? 1 : 0;
}

/* Returns the previous mode (_O_TEXT or _O_BINARY); the mode is checked
 * before the descriptor (_setmode(-2, 0) is EINVAL). */
CRTAPI int _setmode(int fd, int mode)
{
    struct fdinfo *f;
    int old;

    if (mode != _O_TEXT && mode != _O_BINARY && mode != _O_WTEXT &&
        mode != _O_U16TEXT && mode != _O_U8TEXT) {
        crt_set_errno(EINVAL);
        return -1;
    }
    f = crt_fd(fd);
    if (!f)
        return -1;
    /* Every Unicode mode reads back as _O_WTEXT. */
    old = !(f->flags & FD_TEXT) ? _O_BINARY : f->enc != FD_ENC_NONE ? _O_WTEXT : _O_TEXT;
    if (mode == _O_BINARY)
        f->flags &= ~FD_TEXT;
    else
        f->flags |= FD_TEXT;
    f->enc = mode == _O_U8TEXT ? FD_ENC_U8
           : mode == _O_U16TEXT || mode == _O_WTEXT ? FD_ENC_U16 : FD_ENC_NONE;
    return old;
}

CRTAPI long long _lseeki64(int fd, long long off, int whence)
{
    struct fdinfo *f = crt_fd(fd);
    int64_t pos;

    if (!f)
        return -1;
    if (whence < 0 || whence > 2) {
        crt_set_errno(EINVAL);
        return -1;
    }
    if (!SetFilePointerEx(f->h, off, &pos, whence)) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    f->flags &= ~FD_EOF;
    f->pending = -1;
    return pos;
}

CRTAPI long _lseek(int fd, long off, int whence)
{
    long long r = _lseeki64(fd, off, whence);

    if (r > LONG_MAX) {
        crt_set_errno(EINVAL);
        return -1;
    }
    return (long)r;
}

CRTAPI long _tell(int fd) { return _lseek(fd, 0, 1); }
CRTAPI long long _telli64(int fd) { return _lseeki64(fd, 0, 1); }

CRTAPI long long _filelengthi64(int fd)
{
    long long cur = _lseeki64(fd, 0, 1), end;

    if (cur < 0)
        return -1;
    end = _lseeki64(fd, 0, 2);
    _lseeki64(fd, cur, 0);
    return end;
}

CRTAPI long _filelength(int fd) { return (long)_filelengthi64(fd); }

CRTAPI int _eof(int fd)
{
    long long cur = _lseeki64(fd, 0, 1), end;

    if (cur < 0)
        return -1;
    end = _lseeki64(fd, 0, 2);
    _lseeki64(fd, cur, 0);
    return cur >= end;
}

/* The slot itself, open or not (its block made ready); under LOCK_FD,
 * or on a descriptor open already. */
struct fdinfo *crt_fd_slot(int fd) { return slot(fd); }
