/* _sopen_dispatch and _wsopen_dispatch, what the UCRT's <io.h> inlines
 * call for _sopen and _sopen_s: the secure form validates (the
 * permission bits too), the other opens as _sopen does; the descriptor
 * in *fd (-1 on failure), errno's value back. */
#include "crt/crt_internal.h"

CRTAPI int _sopen(const char *path, int oflag, int shflag, ...);
CRTAPI int _wsopen(const wchar *path, int oflag, int shflag, ...);
CRTAPI int _sopen_s(int *fd, const char *path, int oflag, int shflag, int pmode);
CRTAPI int _wsopen_s(int *fd, const wchar *path, int oflag, int shflag, int pmode);

/* wide: path is a wchar string. */
static int dispatch(const void *path, int wide, int oflag, int shflag, int pmode, int *fd,
                    int secure)
{
    if (!fd) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    if (secure)
        return wide ? _wsopen_s(fd, path, oflag, shflag, pmode)
                    : _sopen_s(fd, path, oflag, shflag, pmode);
    *fd = wide ? _wsopen(path, oflag, shflag, pmode) : _sopen(path, oflag, shflag, pmode);
    return *fd < 0 ? crt_thread_data()->err : 0;
}

CRTAPI int _sopen_dispatch(const char *path, int oflag, int shflag, int pmode, int *fd,
                           int secure)
{
    return dispatch(path, 0, oflag, shflag, pmode, fd, secure);
}

CRTAPI int _wsopen_dispatch(const wchar *path, int oflag, int shflag, int pmode, int *fd,
                            int secure)
{
    return dispatch(path, 1, oflag, shflag, pmode, fd, secure);
}
