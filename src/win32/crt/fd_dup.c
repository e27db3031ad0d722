/* _dup and _dup2 duplicate the Win32 handle (DuplicateHandle). */
#include "crt_internal.h"

#define CURRENT_PROCESS ((HANDLE)(intptr_t)-1)

static HANDLE dup_handle(HANDLE h)
{
    HANDLE n = NULL;

    if (!DuplicateHandle(CURRENT_PROCESS, h, CURRENT_PROCESS, &n, 0, 1,
                         DUPLICATE_SAME_ACCESS)) {
        crt_dosmaperr(GetLastError());
        return NULL;
    }
    return n;
}

CRTAPI int _dup(int fd)
{
    struct fdinfo *f = crt_fd(fd);
    HANDLE h;
    int n;

    if (!f || !(h = dup_handle(f->h)))
        return -1;
    n = crt_fd_alloc(h, f->flags & (FD_TEXT | FD_APPEND));
    if (n < 0)
        CloseHandle(h);
    return n;
}

void crt_fd_set_std(int fd, HANDLE h);     /* fd.c */

/* Onto 0, 1 or 2 it sets the process's standard handle too. */
CRTAPI int _dup2(int fd, int to)
{
    struct fdinfo *f = crt_fd(fd), *t;
    HANDLE h;

    if (!f)
        return -1;
    if (to < 0 || to >= FD_MAX) {
        crt_set_errno(EBADF);
        return -1;
    }
    if (fd == to)
        return 0;
    if (!(h = dup_handle(f->h)))
        return -1;
    if (crt_fd(to))
        _close(to);
    _lock(LOCK_FD);
    t = crt_fd_slot(to);
    t->h = h;
    t->pending = -1;
    t->enc = f->enc;
    t->flags = f->flags & ~FD_EOF;
    _unlock(LOCK_FD);
    crt_fd_set_std(to, h);
    return 0;
}
