/* Opening files by name: _open/_wopen/_sopen and friends over
 * CreateFileA/W, plus remove and rename. */
#include "crt_internal.h"

#define _SH_DENYRW 0x10
#define _SH_DENYWR 0x20
#define _SH_DENYRD 0x30
#define _SH_DENYNO 0x40
#define _SH_SECURE 0x80
#define FILE_FLAG_DELETE_ON_CLOSE 0x04000000UL
#define FILE_FLAG_SEQUENTIAL_SCAN 0x08000000UL
#define FILE_FLAG_RANDOM_ACCESS 0x10000000UL

struct open_args {
    DWORD access, share, disposition, attrs;
};

static int decode(int oflag, int shflag, int pmode, struct open_args *a)
{
    switch (oflag & 3) {
    case _O_RDONLY: a->access = GENERIC_READ; break;
    case _O_WRONLY: a->access = GENERIC_WRITE; break;
    case _O_RDWR: a->access = GENERIC_READ | GENERIC_WRITE; break;
    default: return -1;
    }
    switch (shflag) {
    case _SH_DENYRW: a->share = 0; break;
    case _SH_DENYWR: a->share = FILE_SHARE_READ; break;
    case _SH_DENYRD: a->share = FILE_SHARE_WRITE; break;
    /* fopen_s: others may read a file opened only for reading */
    case _SH_SECURE: a->share = (oflag & 3) == _O_RDONLY ? FILE_SHARE_READ : 0; break;
    default: a->share = FILE_SHARE_READ | FILE_SHARE_WRITE; break;
    }
    if ((oflag & (_O_CREAT | _O_EXCL)) == (_O_CREAT | _O_EXCL))
        a->disposition = CREATE_NEW;
    else if ((oflag & (_O_CREAT | _O_TRUNC)) == (_O_CREAT | _O_TRUNC))
        a->disposition = CREATE_ALWAYS;
    else if (oflag & _O_CREAT)
        a->disposition = OPEN_ALWAYS;
    else if (oflag & _O_TRUNC)
        a->disposition = TRUNCATE_EXISTING;
    else
        a->disposition = OPEN_EXISTING;
    a->attrs = FILE_ATTRIBUTE_NORMAL;
    if ((oflag & _O_CREAT) && !(pmode & ~crt_umask() & _S_IWRITE))
        a->attrs = FILE_ATTRIBUTE_READONLY;
    if (oflag & _O_TEMPORARY) {
        a->attrs |= FILE_FLAG_DELETE_ON_CLOSE;
        a->share |= FILE_SHARE_DELETE;
    }
    /* caching hints: sequential wins when both are given */
    if (oflag & _O_SEQUENTIAL)
        a->attrs |= FILE_FLAG_SEQUENTIAL_SCAN;
    else if (oflag & _O_RANDOM)
        a->attrs |= FILE_FLAG_RANDOM_ACCESS;
    if (oflag & _O_SHORT_LIVED)
        a->attrs |= FILE_ATTRIBUTE_TEMPORARY;
    return 0;
}

/* Text unless _O_BINARY, or _fmode says binary and _O_TEXT is absent. */
static int fd_flags(int oflag)
{
    int flags = 0;

    if (oflag & _O_APPEND)
        flags |= FD_APPEND;
    if (oflag & _O_NOINHERIT)
        flags |= FD_NOINHERIT;
    if (!(oflag & _O_BINARY) &&
        ((oflag & (_O_TEXT | _O_WTEXT | _O_U16TEXT | _O_U8TEXT)) ||
         _fmode != _O_BINARY))
        flags |= FD_TEXT;
    return flags;
}

static int open_common(const void *path, int wide, int oflag, int shflag,
                       int pmode)
{
    struct open_args a;
    /* descriptors are inherited by children unless _O_NOINHERIT */
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, !(oflag & _O_NOINHERIT) };
    HANDLE h;
    int fd;

    if (!path || decode(oflag, shflag, pmode, &a) < 0) {
        crt_set_errno(EINVAL);
        return -1;
    }
    h = wide ? CreateFileW(path, a.access, a.share, &sa, a.disposition,
                           a.attrs, NULL)
             : CreateFileA(path, a.access, a.share, &sa, a.disposition,
                           a.attrs, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    fd = crt_fd_alloc(h, fd_flags(oflag));
    if (fd < 0)
        CloseHandle(h);
    else if ((oflag & (_O_WTEXT | _O_U16TEXT | _O_U8TEXT)) && !(oflag & _O_BINARY))
        crt_unicode_open(crt_fd_slot(fd), oflag);
    return fd;
}

/* The permission argument follows `last` and exists only with _O_CREAT. */
#define OPEN_WITH_PMODE(path, wide, oflag, shflag, last) \
    do { \
        va_list ap; \
        int pmode = 0; \
        va_start(ap, last); \
        if ((oflag) & _O_CREAT) \
            pmode = va_arg(ap, int); \
        va_end(ap); \
        return open_common(path, wide, oflag, shflag, pmode); \
    } while (0)

CRTAPI int _open(const char *path, int oflag, ...)
{
    OPEN_WITH_PMODE(path, 0, oflag, _SH_DENYNO, oflag);
}

CRTAPI int _wopen(const wchar *path, int oflag, ...)
{
    OPEN_WITH_PMODE(path, 1, oflag, _SH_DENYNO, oflag);
}

CRTAPI int _sopen(const char *path, int oflag, int shflag, ...)
{
    OPEN_WITH_PMODE(path, 0, oflag, shflag, shflag);
}

CRTAPI int _wsopen(const wchar *path, int oflag, int shflag, ...)
{
    OPEN_WITH_PMODE(path, 1, oflag, shflag, shflag);
}

/* The _s forms: the descriptor in *fd (-1 on failure), errno's value back;
 * unlike _open they refuse permission bits other than read and write. */
static int sopen_s_any(int *fd, const void *path, int wide, int oflag, int shflag, int pmode)
{
    if (!fd) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    if ((oflag & _O_CREAT) && (pmode & ~(_S_IREAD | _S_IWRITE))) {
        *fd = -1;
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    *fd = open_common(path, wide, oflag, shflag, pmode);
    return *fd < 0 ? crt_thread_data()->err : 0;
}

CRTAPI int _sopen_s(int *fd, const char *path, int oflag, int shflag, int pmode)
{
    return sopen_s_any(fd, path, 0, oflag, shflag, pmode);
}

CRTAPI int _wsopen_s(int *fd, const wchar *path, int oflag, int shflag, int pmode)
{
    return sopen_s_any(fd, path, 1, oflag, shflag, pmode);
}

CRTAPI int _creat(const char *path, int pmode)
{
    return open_common(path, 0, _O_CREAT | _O_TRUNC | _O_RDWR, _SH_DENYNO,
                       pmode);
}

CRTAPI int _wcreat(const wchar *path, int pmode)
{
    return open_common(path, 1, _O_CREAT | _O_TRUNC | _O_RDWR, _SH_DENYNO,
                       pmode);
}

static int win_result(BOOL ok)
{
    if (ok)
        return 0;
    crt_dosmaperr(GetLastError());
    return -1;
}

CRTAPI int _unlink(const char *p) { return win_result(DeleteFileA(p)); }
CRTAPI int remove(const char *p) { return win_result(DeleteFileA(p)); }
CRTAPI int _wunlink(const wchar *p) { return win_result(DeleteFileW(p)); }
CRTAPI int _wremove(const wchar *p) { return win_result(DeleteFileW(p)); }

CRTAPI int rename(const char *from, const char *to)
{
    return win_result(MoveFileExA(from, to, MOVEFILE_COPY_ALLOWED));
}

CRTAPI int _wrename(const wchar *from, const wchar *to)
{
    return win_result(MoveFileExW(from, to, MOVEFILE_COPY_ALLOWED));
}
