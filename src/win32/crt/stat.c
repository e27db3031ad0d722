/*
 * _stat/_wstat/_fstat in every layout the public <sys/stat.h> names.
 * On x64 msvcrt.dll's time_t is 64-bit: its _stat/_wstat/_fstat fill a
 * struct _stat64i32 and _stati64/_wstati64/_fstati64 a struct _stat64;
 * mingw's headers map _stat to an inline _stat64i32 over _stat64.  Every
 * layout is filled from one 64-bit result.
 *
 * The mode is msvcrt's: _S_IFDIR or _S_IFREG, always readable, writable
 * unless read-only, executable for directories and .exe/.com/.bat/.cmd,
 * the owner bits copied to group and other.  st_dev/st_rdev are the drive
 * number (0 = A:); st_ctime is the creation time.
 */
#include "crt_internal.h"

#define S_IFMT 0xF000
#define S_IFDIR 0x4000
#define S_IFCHR 0x2000
#define S_IFIFO 0x1000
#define S_IFREG 0x8000
#define S_IREAD 0x0100
#define S_IWRITE 0x0080
#define S_IEXEC 0x0040
#define EPOCH_1601_TO_1970 116444736000000000ull
#define MAX_PATH_CRT 1024

struct st64 {      /* struct _stat64 */
    unsigned int st_dev;
    unsigned short st_ino, st_mode;
    short st_nlink, st_uid, st_gid;
    unsigned int st_rdev;
    int64_t st_size;
    int64_t st_atime, st_mtime, st_ctime;
};

struct st32 {      /* struct _stat32 */
    unsigned int st_dev;
    unsigned short st_ino, st_mode;
    short st_nlink, st_uid, st_gid;
    unsigned int st_rdev;
    long st_size;
    int32_t st_atime, st_mtime, st_ctime;
};

struct st32i64 {   /* struct _stat32i64 */
    unsigned int st_dev;
    unsigned short st_ino, st_mode;
    short st_nlink, st_uid, st_gid;
    unsigned int st_rdev;
    int64_t st_size;
    int32_t st_atime, st_mtime, st_ctime;
};

struct st64i32 {   /* struct _stat64i32 (msvcrt's x64 struct _stat) */
    unsigned int st_dev;
    unsigned short st_ino, st_mode;
    short st_nlink, st_uid, st_gid;
    unsigned int st_rdev;
    long st_size;
    int64_t st_atime, st_mtime, st_ctime;
};

/* FILETIME (100 ns since 1601, UTC) -> time_t (seconds since 1970). */
static int64_t ft_to_time(const FILETIME *ft)
{
    uint64_t t = ((uint64_t)ft->dwHighDateTime << 32) | ft->dwLowDateTime;

    if (t < EPOCH_1601_TO_1970)
        return 0;
    return (int64_t)((t - EPOCH_1601_TO_1970) / 10000000ull);
}

/* The owner's rwx bits copied to group and other. */
static unsigned short spread(unsigned short m)
{
    return (unsigned short)(m | ((m & 0700) >> 3) | ((m & 0700) >> 6));
}

static int is_exec_ext(const wchar *name, size_t n)
{
    static const char *ext[] = { ".exe", ".com", ".bat", ".cmd" };

    if (n < 4)
        return 0;
    for (int i = 0; i < 4; i++) {
        int j = 0;

        while (j < 4 && towlower(name[n - 4 + j]) == (wint)ext[i][j])
            j++;
        if (j == 4)
            return 1;
    }
    return 0;
}

static int drive_of(const wchar *name)
{
    WCHAR cwd[MAX_PATH_CRT];
    wint c;

    if (name[0] && name[1] == ':')
        c = towupper(name[0]);
    else if (GetCurrentDirectoryW(MAX_PATH_CRT, cwd) && cwd[1] == ':')
        c = towupper(cwd[0]);
    else
        return 0;
    return (c >= 'A' && c <= 'Z') ? (int)(c - 'A') : 0;
}

/* Names stat refuses though the file system would take them (ENOENT):
 * a bare drive ("c:"), and in msvcrt, which looks names up as FindFirstFile
 * patterns, one ending in a separator (trailing spaces aside) unless it
 * names a root (X:\ or \ or \\server\share\).  The UCRT takes "dir\" and
 * leaves "file\" to the file system (Wine's conformance tests on Windows). */
static int refused_name(const wchar *name)
{
    size_t n = wcslen(name), seps = 0;

    while (n && name[n - 1] == ' ')
        n--;
    if (n == 2 && name[1] == ':')
        return 1;
#ifdef CRT_UCRT
    (void)seps;
    return 0;
#else
#define is_slash(c) ((c) == '\\' || (c) == '/')
    if (!n || !is_slash(name[n - 1]))
        return 0;
    if (n == 1 || (n == 3 && name[1] == ':'))
        return 0;
    if (n > 2 && is_slash(name[0]) && is_slash(name[1])) {
        for (size_t i = 2; i < n; i++)
            seps += is_slash(name[i]);
        return seps > 2;
    }
    return 1;
#undef is_slash
#endif
}

static int wstat_common(const wchar *name, struct st64 *st)
{
    WIN32_FILE_ATTRIBUTE_DATA d;
    unsigned short mode;
    size_t n;
    int drive;

    if (!name || !st) {
        crt_set_errno(EINVAL);
        return -1;
    }
    /* msvcrt refuses wildcards, which GetFileAttributesEx would not */
    if (wcschr(name, '*') || wcschr(name, '?') || refused_name(name)) {
        crt_dosmaperr(2);
        return -1;
    }
    if (!GetFileAttributesExW(name, 0, &d)) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    n = wcslen(name);
    if (d.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
        mode = S_IFDIR | S_IEXEC;
    else
        mode = S_IFREG | (is_exec_ext(name, n) ? S_IEXEC : 0);
    mode |= S_IREAD;
    if (!(d.dwFileAttributes & FILE_ATTRIBUTE_READONLY))
        mode |= S_IWRITE;
    drive = drive_of(name);
    memset(st, 0, sizeof(*st));
    st->st_mode = spread(mode);
    st->st_nlink = 1;
    st->st_dev = st->st_rdev = (unsigned int)drive;
    st->st_size = (int64_t)(((uint64_t)d.nFileSizeHigh << 32) | d.nFileSizeLow);
    st->st_atime = ft_to_time(&d.ftLastAccessTime);
    st->st_mtime = ft_to_time(&d.ftLastWriteTime);
    st->st_ctime = ft_to_time(&d.ftCreationTime);
    return 0;
}

static int stat_common(const char *name, struct st64 *st)
{
    wchar w[MAX_PATH_CRT];
    int n;

    if (!name || !st) {
        crt_set_errno(EINVAL);
        return -1;
    }
    n = MultiByteToWideChar(0 /* CP_ACP */, 0, name, -1, w, MAX_PATH_CRT);
    if (!n) {
        crt_set_errno(ENOENT);
        return -1;
    }
    return wstat_common(w, st);
}

static int fstat_common(int fd, struct st64 *st)
{
    struct fdinfo *f = crt_fd(fd);
    BY_HANDLE_FILE_INFORMATION bh;
    DWORD type;

    if (!f)
        return -1;
    if (!st) {
        crt_set_errno(EINVAL);
        return -1;
    }
    memset(st, 0, sizeof(*st));
    type = GetFileType(f->h) & 0xFF;
    if (type == FILE_TYPE_CHAR || type == FILE_TYPE_PIPE) {
        st->st_mode = type == FILE_TYPE_CHAR ? S_IFCHR : S_IFIFO;
        st->st_dev = st->st_rdev = (unsigned int)fd;
        st->st_nlink = 1;
        return 0;
    }
    if (!GetFileInformationByHandle(f->h, &bh)) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    st->st_mode = (bh.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
        ? S_IFDIR | S_IEXEC : S_IFREG;
    st->st_mode |= S_IREAD;
    if (!(bh.dwFileAttributes & FILE_ATTRIBUTE_READONLY))
        st->st_mode |= S_IWRITE;
    st->st_mode = spread(st->st_mode);
    st->st_nlink = (short)bh.nNumberOfLinks;
    st->st_size = (int64_t)(((uint64_t)bh.nFileSizeHigh << 32) | bh.nFileSizeLow);
    st->st_atime = ft_to_time(&bh.ftLastAccessTime);
    st->st_mtime = ft_to_time(&bh.ftLastWriteTime);
    st->st_ctime = ft_to_time(&bh.ftCreationTime);
    return 0;
}

#define NARROW(o, s) do { \
        (o)->st_dev = (s)->st_dev; (o)->st_ino = (s)->st_ino; \
        (o)->st_mode = (s)->st_mode; (o)->st_nlink = (s)->st_nlink; \
        (o)->st_uid = (s)->st_uid; (o)->st_gid = (s)->st_gid; \
        (o)->st_rdev = (s)->st_rdev; (o)->st_size = (s)->st_size; \
        (o)->st_atime = (s)->st_atime; (o)->st_mtime = (s)->st_mtime; \
        (o)->st_ctime = (s)->st_ctime; \
    } while (0)

#define STAT_FN(fn, argtype, common, type) \
    CRTAPI int fn(argtype a, type *o) \
    { \
        struct st64 s; \
        if (!o) { \
            crt_set_errno(EINVAL); \
            return -1; \
        } \
        if (common(a, &s) < 0) \
            return -1; \
        NARROW(o, &s); \
        return 0; \
    }

STAT_FN(_stat64, const char *, stat_common, struct st64)
STAT_FN(_stati64, const char *, stat_common, struct st64)
STAT_FN(_stat32, const char *, stat_common, struct st32)
STAT_FN(_stat32i64, const char *, stat_common, struct st32i64)
STAT_FN(_stat64i32, const char *, stat_common, struct st64i32)
STAT_FN(_stat, const char *, stat_common, struct st64i32)
STAT_FN(_wstat64, const wchar *, wstat_common, struct st64)
STAT_FN(_wstati64, const wchar *, wstat_common, struct st64)
STAT_FN(_wstat32, const wchar *, wstat_common, struct st32)
STAT_FN(_wstat32i64, const wchar *, wstat_common, struct st32i64)
STAT_FN(_wstat64i32, const wchar *, wstat_common, struct st64i32)
STAT_FN(_wstat, const wchar *, wstat_common, struct st64i32)
STAT_FN(_fstat64, int, fstat_common, struct st64)
STAT_FN(_fstati64, int, fstat_common, struct st64)
STAT_FN(_fstat32, int, fstat_common, struct st32)
STAT_FN(_fstat32i64, int, fstat_common, struct st32i64)
STAT_FN(_fstat64i32, int, fstat_common, struct st64i32)
STAT_FN(_fstat, int, fstat_common, struct st64i32)
