/* _utime/_futime: a file's access and modification times, or the
 * current time for a NULL buffer (SetFileTime on a handle opened for
 * FILE_WRITE_ATTRIBUTES). */
#include "crt_internal.h"

#define FILE_WRITE_ATTRIBUTES 0x100
#define FILE_FLAG_BACKUP_SEMANTICS 0x02000000
#define EPOCH_DIFF 116444736000000000LL

struct utimbuf64 { long long actime, modtime; };
struct utimbuf32 { int actime, modtime; };

static FILETIME to_filetime(long long t)
{
    long long v = t * 10000000 + EPOCH_DIFF;

    return (FILETIME){ (DWORD)(v & 0xFFFFFFFF), (DWORD)(v >> 32) };
}

static int set_times(HANDLE h, const struct utimbuf64 *b)
{
    long long now = crt_now_100ns() / 10000000;
    FILETIME a = to_filetime(b ? b->actime : now);
    FILETIME m = to_filetime(b ? b->modtime : now);

    if (b && (b->actime < 0 || b->modtime < 0 || b->actime > CRT_MAX_TIME64 ||
              b->modtime > CRT_MAX_TIME64)) {
        crt_set_errno(EINVAL);
        return -1;
    }
    if (!SetFileTime(h, NULL, &a, &m)) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    return 0;
}

CRTAPI int _futime64(int fd, struct utimbuf64 *b)
{
    struct fdinfo *f = crt_fd(fd);

    return f ? set_times(f->h, b) : -1;
}

CRTAPI int _wutime64(const wchar *path, struct utimbuf64 *b)
{
    HANDLE h;
    int r;

    if (!path) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return -1;
    }
    h = CreateFileW(path, FILE_WRITE_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE,
                    NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    r = set_times(h, b);
    CloseHandle(h);
    return r;
}

CRTAPI int _utime64(const char *path, struct utimbuf64 *b)
{
    wchar w[1024];

    if (!path) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return -1;
    }
    if (!MultiByteToWideChar(0 /* CP_ACP */, 0, path, -1, w, 1024)) {
        crt_set_errno(ENOENT);
        return -1;
    }
    return _wutime64(w, b);
}

static struct utimbuf64 *widen(const struct utimbuf32 *b, struct utimbuf64 *out)
{
    if (!b)
        return NULL;
    out->actime = b->actime;
    out->modtime = b->modtime;
    return out;
}

CRTAPI int _futime32(int fd, struct utimbuf32 *b)
{
    struct utimbuf64 w;

    return _futime64(fd, widen(b, &w));
}

CRTAPI int _utime32(const char *path, struct utimbuf32 *b)
{
    struct utimbuf64 w;

    return _utime64(path, widen(b, &w));
}

CRTAPI int _wutime32(const wchar *path, struct utimbuf32 *b)
{
    struct utimbuf64 w;

    return _wutime64(path, widen(b, &w));
}
