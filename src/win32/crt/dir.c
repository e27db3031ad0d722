/* Directories and names: _mkdir, _rmdir, _chdir, _getcwd, _getdcwd,
 * _getdrive, _access, _chmod and their wide forms, over kernel32.  Errors
 * go through the CRT's Win32 -> errno table (EEXIST, ENOTEMPTY, ENOENT,
 * EACCES...). */
#include "crt_internal.h"

#define S_IWRITE 0x0080
#define ERROR_ACCESS_DENIED 5
#define ERROR_INVALID_DRIVE 15
#define CWD_MAX 32768
#define MAX_PATH_CRT 1024

static int win_ok(BOOL ok)
{
    if (ok)
        return 0;
    crt_dosmaperr(GetLastError());
    return -1;
}

CRTAPI int _mkdir(const char *p) { return win_ok(CreateDirectoryA(p, NULL)); }
CRTAPI int _wmkdir(const wchar *p) { return win_ok(CreateDirectoryW(p, NULL)); }
CRTAPI int _rmdir(const char *p) { return win_ok(RemoveDirectoryA(p)); }
CRTAPI int _wrmdir(const wchar *p) { return win_ok(RemoveDirectoryW(p)); }
CRTAPI int _chdir(const char *p)
{
    if (!p) {
        crt_set_errno(EINVAL);
        return -1;
    }
    return win_ok(SetCurrentDirectoryA(p));
}
CRTAPI int _wchdir(const wchar *p)
{
    if (!p) {
        crt_set_errno(EINVAL);
        return -1;
    }
    return win_ok(SetCurrentDirectoryW(p));
}

/* kernel32's A or W function, as the caller's width says: one body serves
 * each narrow/wide pair below. */
static DWORD current_dir(DWORD n, void *buf, int w)
{
    return w ? GetCurrentDirectoryW(n, buf) : GetCurrentDirectoryA(n, buf);
}

static DWORD full_path_name(const void *name, DWORD n, void *buf, int w)
{
    return w ? GetFullPathNameW(name, n, buf, NULL) : GetFullPathNameA(name, n, buf, NULL);
}

static DWORD attributes_of(const void *p, int w)
{
    return w ? GetFileAttributesW(p) : GetFileAttributesA(p);
}

/* The current directory into buf (size chars), or into a malloc'd block
 * of at least size chars when buf is NULL; ERANGE when it does not fit. */
static void *getcwd_any(void *buf, int size, int w)
{
    DWORD need = current_dir(0, NULL, w), n;

    if (!need) {
        crt_dosmaperr(GetLastError());
        return NULL;
    }
    if (!buf) {
        if ((DWORD)size < need)
            size = (int)need;
        if (!(buf = malloc((size_t)size * (w ? 2 : 1)))) {
            crt_set_errno(ENOMEM);
            return NULL;
        }
        current_dir((DWORD)size, buf, w);
        return buf;
    }
    if (size <= 0) {
        crt_set_errno(EINVAL);
        return NULL;
    }
    n = current_dir((DWORD)size, buf, w);
    if (n >= (DWORD)size) {
        crt_set_errno(ERANGE);
        return NULL;
    }
    return buf;
}

CRTAPI char *_getcwd(char *buf, int size) { return getcwd_any(buf, size, 0); }
CRTAPI wchar *_wgetcwd(wchar *buf, int size) { return getcwd_any(buf, size, 1); }

/* 1 for A: ... 26 for Z:, 0 if the current directory has no drive. */
CRTAPI int _getdrive(void)
{
    wchar cwd[MAX_PATH_CRT];
    DWORD n = GetCurrentDirectoryW(MAX_PATH_CRT, cwd);
    wint c;

    if (!n || n >= MAX_PATH_CRT || cwd[1] != ':')
        return 0;
    c = towupper(cwd[0]);
    return (c >= 'A' && c <= 'Z') ? (int)(c - 'A' + 1) : 0;
}

/* drive 0 is the current drive; a drive that does not exist is EACCES
 * with _doserrno ERROR_INVALID_DRIVE, as msvcrt reports it. */
static int check_drive(int drive)
{
    if (drive < 1 || drive > 26 || !(GetLogicalDrives() & (1ul << (drive - 1)))) {
        crt_set_errno(EACCES);
        crt_thread_data()->doserr = ERROR_INVALID_DRIVE;
        return -1;
    }
    return 0;
}

/* Another drive's current directory ("X:" made absolute). */
static void *getdcwd_any(int drive, void *buf, int size, int w)
{
    wchar spec[3] = { (wchar)('A' + drive - 1), ':', 0 };
    char nspec[3] = { (char)('A' + drive - 1), ':', 0 };
    size_t unit = w ? 2 : 1;
    void *tmp;
    DWORD n;

    if (!drive || drive == _getdrive())
        return getcwd_any(buf, size, w);
    if (check_drive(drive) < 0)
        return NULL;
    if (!(tmp = malloc(CWD_MAX * unit))) {
        crt_set_errno(ENOMEM);
        return NULL;
    }
    n = full_path_name(w ? (void *)spec : (void *)nspec, CWD_MAX, tmp, w);
    if (!n || n >= CWD_MAX) {
        free(tmp);
        crt_dosmaperr(GetLastError());
        return NULL;
    }
    if (!buf) {
        if ((DWORD)size <= n)
            size = (int)n + 1;
        if (!(buf = malloc((size_t)size * unit))) {
            free(tmp);
            crt_set_errno(ENOMEM);
            return NULL;
        }
    } else if (size <= 0 || n >= (DWORD)size) {
        free(tmp);
        crt_set_errno(ERANGE);
        return NULL;
    }
    memcpy(buf, tmp, (n + 1) * unit);
    free(tmp);
    return buf;
}

CRTAPI char *_getdcwd(int drive, char *buf, int size) { return getdcwd_any(drive, buf, size, 0); }
CRTAPI wchar *_wgetdcwd(int drive, wchar *buf, int size) { return getdcwd_any(drive, buf, size, 1); }

/* mode: 0 exists, 2 writable, 4 readable, 6 both; anything else EINVAL.
 * Only the read-only attribute makes a name unwritable. */
static int access_attrs(DWORD attrs, int mode)
{
    if (mode & ~6) {
        crt_set_errno(EINVAL);
        return -1;
    }
    if (attrs == INVALID_FILE_ATTRIBUTES) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    if ((mode & 2) && (attrs & FILE_ATTRIBUTE_READONLY)) {
        crt_set_errno(EACCES);
        crt_thread_data()->doserr = ERROR_ACCESS_DENIED;
        return -1;
    }
    return 0;
}

static int access_any(const void *p, int mode, int w)
{
    if (!p) {
        crt_set_errno(EINVAL);
        return -1;
    }
    return access_attrs(attributes_of(p, w), mode);
}

CRTAPI int _access(const char *p, int mode) { return access_any(p, mode, 0); }
CRTAPI int _waccess(const wchar *p, int mode) { return access_any(p, mode, 1); }

/* The _s forms return errno's value. */
CRTAPI int _access_s(const char *p, int mode)
{
    return access_any(p, mode, 0) ? crt_thread_data()->err : 0;
}

CRTAPI int _waccess_s(const wchar *p, int mode)
{
    return access_any(p, mode, 1) ? crt_thread_data()->err : 0;
}

/* Only _S_IWRITE counts: without it the name becomes read-only. */
static DWORD chmod_attrs(DWORD attrs, int mode)
{
    attrs &= ~(DWORD)(FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_NORMAL);
    if (mode & S_IWRITE)
        attrs &= ~(DWORD)FILE_ATTRIBUTE_READONLY;
    else
        attrs |= FILE_ATTRIBUTE_READONLY;
    return attrs ? attrs : FILE_ATTRIBUTE_NORMAL;
}

static int chmod_any(const void *p, int mode, int w)
{
    DWORD attrs;

    if (!p) {
        crt_set_errno(EINVAL);
        return -1;
    }
    attrs = attributes_of(p, w);
    if (attrs == INVALID_FILE_ATTRIBUTES) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    attrs = chmod_attrs(attrs, mode);
    return win_ok(w ? SetFileAttributesW(p, attrs) : SetFileAttributesA(p, attrs));
}

CRTAPI int _chmod(const char *p, int mode) { return chmod_any(p, mode, 0); }
CRTAPI int _wchmod(const wchar *p, int mode) { return chmod_any(p, mode, 1); }

/* _fullpath: the absolute form of rel (GetFullPathName) in buf, or in a
 * malloc'd block when buf is NULL; ERANGE when it does not fit.  An empty
 * or NULL rel gives the current directory. */
static void *full_path(void *buf, const void *rel, size_t max, int w)
{
    DWORD need, n;
    int alloc = !buf;

    if (!rel || !(w ? *(const wchar *)rel : *(const char *)rel))
        return getcwd_any(buf, (int)max, w);
    need = full_path_name(rel, 0, NULL, w);
    if (!need) {
        crt_dosmaperr(GetLastError());
        return NULL;
    }
    if (alloc) {
        max = need > max ? need : max;
        if (!(buf = malloc(max * (w ? 2 : 1)))) {
            crt_set_errno(ENOMEM);
            return NULL;
        }
    }
    n = full_path_name(rel, (DWORD)max, buf, w);
    if (!n || n >= max) {
        if (alloc)
            free(buf);
        crt_set_errno(n ? ERANGE : EINVAL);
        return NULL;
    }
    return buf;
}

CRTAPI char *_fullpath(char *buf, const char *rel, size_t max)
{
    return full_path(buf, rel, buf ? max : (max ? max : 260), 0);
}

CRTAPI wchar *_wfullpath(wchar *buf, const wchar *rel, size_t max)
{
    return full_path(buf, rel, buf ? max : (max ? max : 260), 1);
}

/* ---- drives ---- */

CRTAPI unsigned long _getdrives(void) { return GetLogicalDrives(); }

/* drive 1 is A:; the drive's own current directory becomes the process's. */
CRTAPI int _chdrive(int drive)
{
    wchar spec[3] = { (wchar)('A' + drive - 1), ':', 0 };

    if (drive < 1 || drive > 26) {
        crt_invalid_parameter();
        crt_set_errno(EACCES);
        crt_thread_data()->doserr = ERROR_INVALID_DRIVE;
        return -1;
    }
    if (!SetCurrentDirectoryW(spec)) {
        crt_set_errno(EACCES);
        crt_thread_data()->doserr = GetLastError();
        return -1;
    }
    return 0;
}

struct diskfree { unsigned total_clusters, avail_clusters, sectors_per_cluster, bytes_per_sector; };
K32 BOOL GetDiskFreeSpaceW(const WCHAR *, DWORD *, DWORD *, DWORD *, DWORD *);

/* Returns 0, or the error's errno value (not -1). */
CRTAPI unsigned _getdiskfree(unsigned drive, struct diskfree *out)
{
    wchar root[4] = { (wchar)('A' + drive - 1), ':', '\\', 0 };
    DWORD spc, bps, free_c, total_c;

    if (!out || drive > 26) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    if (!GetDiskFreeSpaceW(drive ? root : NULL, &spc, &bps, &free_c, &total_c)) {
        crt_dosmaperr(GetLastError());
        return (unsigned)crt_thread_data()->err;
    }
    out->total_clusters = total_c;
    out->avail_clusters = free_c;
    out->sectors_per_cluster = spc;
    out->bytes_per_sector = bps;
    return 0;
}

/* ---- _searchenv: the current directory (the name made full), then each
 * directory of the variable, separated by ';' outside double quotes, the
 * quotes dropped; a name found there comes back as built, not made full
 * (as Windows answers).  "" with ENOENT when none has it ---- */

/* The candidate: the directory starting at list[at], a '\' if it lacks
 * one, and name; the index after the directory's ';' (0 at the end). */
static size_t next_candidate(const void *list, size_t at, const void *name, wchar *cand, int w)
{
#define D(i) (w ? ((const wchar *)list)[i] : ((const unsigned char *)list)[i])
#define PUT(k, c) (w ? (void)(cand[k] = (c)) : (void)(((char *)cand)[k] = (char)(c)))
    size_t k = 0, len = w ? wcslen(name) : strlen(name);
    int quoted = 0;

    for (; D(at) && (quoted || D(at) != ';'); at++) {
        if (D(at) == '"')
            quoted = !quoted;
        else if (k < 1023)
            PUT(k++, D(at));
    }
    if (!k || k + 2 + len >= 1024) {
        PUT(0, 0);
    } else {
        if (!(w ? cand[k - 1] == '\\' || cand[k - 1] == '/'
                : ((char *)cand)[k - 1] == '\\' || ((char *)cand)[k - 1] == '/'))
            PUT(k++, '\\');
        memcpy((char *)cand + k * (w ? 2 : 1), name, (len + 1) * (w ? 2 : 1));
    }
    return D(at) ? at + 1 : 0;
#undef PUT
#undef D
}

static int search_any(const void *name, const void *var, void *buf, size_t size, int w)
{
    const void *dirs;
    wchar cand[1024];
    size_t at = 0, len;

    if (!name || !var || !buf || !size) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    w ? (void)(*(wchar *)buf = 0) : (void)(*(char *)buf = 0);
    if (attributes_of(name, w) != INVALID_FILE_ATTRIBUTES)
        return full_path(buf, name, size, w) ? 0 : crt_thread_data()->err;
    dirs = w ? (const void *)_wgetenv(var) : (const void *)getenv(var);
    while (dirs) {
        at = next_candidate(dirs, at, name, cand, w);
        len = w ? wcslen(cand) : strlen((char *)cand);
        if (len && attributes_of(cand, w) != INVALID_FILE_ATTRIBUTES) {
            if (len >= size) {
                crt_set_errno(ERANGE);
                return ERANGE;
            }
            memcpy(buf, cand, (len + 1) * (w ? 2 : 1));
            return 0;
        }
        if (!at)
            break;
    }
    crt_set_errno(ENOENT);
    return ENOENT;
}

CRTAPI int _searchenv_s(const char *name, const char *var, char *buf, size_t size)
{
    return search_any(name, var, buf, size, 0);
}

CRTAPI int _wsearchenv_s(const wchar *name, const wchar *var, wchar *buf, size_t size)
{
    return search_any(name, var, buf, size, 1);
}

CRTAPI void _searchenv(const char *name, const char *var, char *buf)
{
    search_any(name, var, buf, 260, 0);
}

CRTAPI void _wsearchenv(const wchar *name, const wchar *var, wchar *buf)
{
    search_any(name, var, buf, 260, 1);
}
