/* errno, _doserrno and the error message table. */
#include "crt_internal.h"

CRTDATA const char *_sys_errlist[] = {
    "No error", "Operation not permitted", "No such file or directory",
    "No such process", "Interrupted function call", "Input/output error",
    "No such device or address", "Arg list too long", "Exec format error",
    "Bad file descriptor", "No child processes",
    "Resource temporarily unavailable", "Not enough space",
    "Permission denied", "Bad address", "Unknown error", "Resource device",
    "File exists", "Improper link", "No such device", "Not a directory",
    "Is a directory", "Invalid argument", "Too many open files in system",
    "Too many open files", "Inappropriate I/O control operation",
    "Unknown error", "File too large", "No space left on device",
    "Invalid seek", "Read-only file system", "Too many links",
    "Broken pipe", "Domain error", "Result too large", "Unknown error",
    "Resource deadlock avoided", "Unknown error", "Filename too long",
    "No locks available", "Function not implemented",
    "Directory not empty", "Illegal byte sequence", "Unknown error",
};
CRTDATA int _sys_nerr = 43;

CRTAPI int *_errno(void) { return &crt_thread_data()->err; }
CRTAPI unsigned long *__doserrno(void) { return &crt_thread_data()->doserr; }
void crt_set_errno(int e) { crt_thread_data()->err = e; }

CRTAPI int _get_errno(int *v)
{
    if (!v)
        return EINVAL;
    *v = crt_thread_data()->err;
    return 0;
}

CRTAPI int _set_errno(int v)
{
    crt_thread_data()->err = v;
    return 0;
}

CRTAPI int _get_doserrno(unsigned long *v)
{
    if (!v)
        return EINVAL;
    *v = crt_thread_data()->doserr;
    return 0;
}

CRTAPI int _set_doserrno(unsigned long v)
{
    crt_thread_data()->doserr = v;
    return 0;
}

CRTAPI char **__sys_errlist(void) { return (char **)_sys_errlist; }
CRTAPI int *__sys_nerr(void) { return &_sys_nerr; }

static const char *errmsg(int e)
{
    if (e < 0 || e > _sys_nerr)
        e = _sys_nerr;
    return _sys_errlist[e];
}

CRTAPI char *strerror(int e)
{
    char *buf = crt_thread_data()->strerror_buf;
    const char *m = errmsg(e);
    size_t n = strlen(m);

    if (n >= sizeof(crt_thread_data()->strerror_buf))
        n = sizeof(crt_thread_data()->strerror_buf) - 1;
    memcpy(buf, m, n);
    buf[n] = 0;
    return buf;
}

static void prefixed(char *out, size_t cap, const char *prefix, int e);

/* _strerror(s): "s: message\n", or just "message\n" when s is NULL. */
CRTAPI char *_strerror(const char *s)
{
    char *buf = crt_thread_data()->strerror_buf;

    prefixed(buf, sizeof(crt_thread_data()->strerror_buf), s, crt_thread_data()->err);
    return buf;
}

CRTAPI void perror(const char *s)
{
    const char *m = errmsg(crt_thread_data()->err);

    fflush(crt_iob(2));
    if (s && *s) {
        _write(2, s, strlen(s));
        _write(2, ": ", 2);
    }
    _write(2, m, strlen(m));
    _write(2, "\n", 1);
}

/* Win32 error -> errno, after the table the CRT documents for _doserrno. */
static const struct { unsigned short win; unsigned char e; } dosmap[] = {
    {1, EINVAL}, {2, ENOENT}, {3, ENOENT}, {4, EMFILE}, {5, EACCES},
    {6, EBADF}, {7, ENOMEM}, {8, ENOMEM}, {9, ENOMEM}, {10, E2BIG},
    {11, ENOEXEC}, {12, EINVAL}, {13, EINVAL}, {15, ENOENT}, {16, EACCES},
    {17, EXDEV}, {18, ENOENT}, {19, EACCES}, {32, EACCES}, {33, EACCES},
    {53, ENOENT}, {65, EACCES}, {67, ENOENT}, {80, EEXIST}, {82, EACCES},
    {83, EACCES}, {87, EINVAL}, {89, EAGAIN}, {108, EACCES}, {109, EPIPE},
    {112, ENOSPC}, {114, EBADF}, {123, ENOENT}, {128, ECHILD},
    {129, ECHILD}, {130, EBADF}, {131, EINVAL}, {132, EACCES},
    {145, ENOTEMPTY}, {158, EACCES}, {161, ENOENT}, {164, EAGAIN},
    {167, EACCES}, {183, EEXIST}, {206, ENOENT}, {215, EAGAIN},
    {1816, ENOMEM},
};

void crt_dosmaperr(unsigned long winerr)
{
    struct crt_thread *t = crt_thread_data();

    t->doserr = winerr;
    for (size_t i = 0; i < sizeof(dosmap) / sizeof(dosmap[0]); i++)
        if (dosmap[i].win == winerr) {
            t->err = dosmap[i].e;
            return;
        }
    /* Write-protect and sharing errors share EACCES; the rest EINVAL. */
    t->err = (winerr >= 19 && winerr <= 36) ? EACCES : EINVAL;
}

CRTAPI void _dosmaperr(unsigned long winerr) { crt_dosmaperr(winerr); }

/* ---- bounded and wide forms ---- */

/* Copies as much of s as fits, terminated; 0, or EINVAL with no buffer. */
static int copy_msg(void *buf, size_t n, const char *s, int wide)
{
    size_t i = 0;

    if (!buf || !n) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    for (; s[i] && i < n - 1; i++)
        if (wide)
            ((wchar *)buf)[i] = (unsigned char)s[i];
        else
            ((char *)buf)[i] = s[i];
    if (wide)
        ((wchar *)buf)[i] = 0;
    else
        ((char *)buf)[i] = 0;
    return 0;
}

/* "prefix: message\n", or "message\n" without a prefix (_strerror's). */
static void prefixed(char *out, size_t cap, const char *prefix, int e)
{
    size_t n = 0;
    const char *m = errmsg(e);

    if (prefix && *prefix) {
        for (; *prefix && n < cap - 40; prefix++)
            out[n++] = *prefix;
        out[n++] = ':';
        out[n++] = ' ';
    }
    for (; *m && n < cap - 2; m++)
        out[n++] = *m;
    out[n++] = '\n';
    out[n] = 0;
}

CRTAPI int strerror_s(char *buf, size_t n, int e) { return copy_msg(buf, n, errmsg(e), 0); }
CRTAPI int _wcserror_s(wchar *buf, size_t n, int e) { return copy_msg(buf, n, errmsg(e), 1); }

CRTAPI int _strerror_s(char *buf, size_t n, const char *prefix)
{
    char tmp[400];

    prefixed(tmp, sizeof(tmp), prefix, crt_thread_data()->err);
    return copy_msg(buf, n, tmp, 0);
}

CRTAPI int __wcserror_s(wchar *buf, size_t n, const wchar *prefix)
{
    char tmp[400], p[300];
    size_t i = 0;

    for (; prefix && prefix[i] && i < sizeof(p) - 1; i++)
        p[i] = prefix[i] < 0x80 ? (char)prefix[i] : '?';
    p[i] = 0;
    prefixed(tmp, sizeof(tmp), prefix ? p : NULL, crt_thread_data()->err);
    return copy_msg(buf, n, tmp, 1);
}

CRTAPI wchar *_wcserror(int e)
{
    wchar *b = (wchar *)crt_thread_data()->wstrerror_buf;

    _wcserror_s(b, 96, e);
    return b;
}

CRTAPI wchar *__wcserror(const wchar *prefix)
{
    wchar *b = (wchar *)crt_thread_data()->wstrerror_buf;

    __wcserror_s(b, 96, prefix);
    return b;
}

CRTAPI void _wperror(const wchar *prefix)
{
    char p[300];
    size_t i = 0;

    for (; prefix && prefix[i] && i < sizeof(p) - 1; i++)
        p[i] = prefix[i] < 0x80 ? (char)prefix[i] : '?';
    p[i] = 0;
    perror(prefix ? p : NULL);
}

/* Where runtime error messages go: _OUT_TO_DEFAULT (0), _OUT_TO_STDERR
 * (1) or _OUT_TO_MSGBOX (2); _REPORT_ERRMODE (3) only asks. */
static int error_mode;

CRTAPI int _set_error_mode(int mode)
{
    int old = error_mode;

    if (mode == 3)
        return old;
    if (mode < 0 || mode > 2) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return -1;
    }
    error_mode = mode;
    return old;
}
