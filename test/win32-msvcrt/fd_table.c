/* msvcrt's descriptor table as programs see it through __pioinfo (blocks
 * of 32 ioinfo entries of 56 bytes: the handle, then the flag byte), and
 * _open_osfhandle's checks; conversions refusing a NULL source. */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <io.h>
#include <fcntl.h>
#include <windows.h>

typedef struct {
    HANDLE handle;
    unsigned char wxflag;
    char lookahead[3];
    int exflag;
    CRITICAL_SECTION crit;
} ioinfo;

static ioinfo **__pioinfo;

static void quiet(const wchar_t *e, const wchar_t *f, const wchar_t *file,
                  unsigned line, uintptr_t r)
{
}

static void show(const char *what, int fd)
{
    ioinfo *info = &__pioinfo[fd / 32][fd % 32];

    printf("%-14s fd=%d handle %s, flags %02x\n", what, fd,
           info->handle == INVALID_HANDLE_VALUE ? "invalid" : "set", info->wxflag);
}

int main(void)
{
    HANDLE h, r, w;
    wchar_t wbuf[4];
    int fd, n;

    __pioinfo = (ioinfo **)GetProcAddress(GetModuleHandleA("msvcrt.dll"), "__pioinfo");
    _set_invalid_parameter_handler(quiet);
    errno = 0;
    fd = _open_osfhandle((intptr_t)INVALID_HANDLE_VALUE, 0);
    printf("invalid handle: %d errno=%d\n", fd, errno);

    h = CreateFileA("fd_table.tmp", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    fd = _open_osfhandle((intptr_t)h, 0);
    printf("same handle: %s\n", __pioinfo[fd / 32][fd % 32].handle == h ? "yes" : "no");
    show("disk file", fd);
    _close(fd);
    show("closed", fd);
    DeleteFileA("fd_table.tmp");
    errno = 0;
    fd = _open_osfhandle((intptr_t)h, 0);
    printf("closed handle: %d errno=%d\n", fd, errno);

    CreatePipe(&r, &w, NULL, 0);
    fd = _open_osfhandle((intptr_t)r, _O_TEXT);
    show("pipe, text", fd);
    _close(fd);
    CloseHandle(w);

    errno = 0;
    n = (int)mbstowcs(wbuf, NULL, 4);
    printf("mbstowcs(NULL source) = %d errno=%d\n", n, errno);
    fflush(stdout);
    /* Documented (invalid parameter, -1, EINVAL); Wine 8 crashes here. */
    errno = 0;
    n = (int)wcstombs((char *)wbuf, NULL, 4);
    printf("wcstombs(NULL source) = %d errno=%d\n", n, errno);
    return 0;
}
