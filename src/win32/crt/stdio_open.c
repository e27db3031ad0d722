/* Opening and closing streams. */
#include "crt_internal.h"

#define _SH_DENYNO 0x40
#define _SH_SECURE 0x80
CRTAPI int _sopen(const char *, int, int, ...);
CRTAPI int _wsopen(const wchar *, int, int, ...);

/* ", ccs=ENCODING" after the mode letters: the Unicode text mode. */
static int parse_ccs(const char *s, int *oflag)
{
    static const struct { const char *name; int mode; } ccs[] = {
        { "UNICODE", _O_WTEXT }, { "UTF-8", _O_U8TEXT }, { "UTF-16LE", _O_U16TEXT },
    };

    while (*s == ' ')
        s++;
    if (_strnicmp(s, "ccs=", 4))
        return -1;
    s += 4;
    for (size_t i = 0; i < sizeof(ccs) / sizeof(ccs[0]); i++) {
        size_t n = strlen(ccs[i].name);
        if (!_strnicmp(s, ccs[i].name, n) && !s[n]) {
            *oflag |= ccs[i].mode;
            return 0;
        }
    }
    return -1;
}

/* Parses an fopen mode: r w a, optional +, then b t c n and others, then
 * optionally ",ccs=ENCODING".  Returns 0, or -1 for an invalid mode. */
int crt_parse_mode(const char *mode, int *oflag, int *sflag)
{
    switch (*mode++) {
    case 'r': *oflag = _O_RDONLY; *sflag = _IOREAD; break;
    case 'w': *oflag = _O_WRONLY | _O_CREAT | _O_TRUNC; *sflag = _IOWRT; break;
    case 'a': *oflag = _O_WRONLY | _O_CREAT | _O_APPEND; *sflag = _IOWRT; break;
    default: return -1;
    }
    for (; *mode && *mode != ','; mode++) {
        switch (*mode) {
        case '+':
            *oflag = (*oflag & ~3) | _O_RDWR;
            *sflag = _IORW;
            break;
        case 'b': *oflag |= _O_BINARY; break;
        case 't': *oflag |= _O_TEXT; break;
        case 'D': *oflag |= _O_TEMPORARY; break;
#ifdef CRT_UCRT
        case 'x':       /* C11's exclusive create, after 'w' only */
            if ((*oflag & (_O_CREAT | _O_APPEND)) != _O_CREAT)
                return -1;
            *oflag = (*oflag & ~_O_TRUNC) | _O_EXCL;
            break;
#endif
        /* caching hints: the first of S and R counts */
        case 'S':
            if (!(*oflag & (_O_SEQUENTIAL | _O_RANDOM)))
                *oflag |= _O_SEQUENTIAL;
            break;
        case 'R':
            if (!(*oflag & (_O_SEQUENTIAL | _O_RANDOM)))
                *oflag |= _O_RANDOM;
            break;
        case 'T': *oflag |= _O_SHORT_LIVED; break;
        case ' ': case 'c': case 'n': case 'N':
            break;
        default:
            return -1;
        }
    }
    return *mode == ',' ? parse_ccs(mode + 1, oflag) : 0;
}

static FILE *stream_on_fd(int fd, int sflag)
{
    FILE *f = crt_stream_alloc();

    if (!f) {
        crt_set_errno(EMFILE);
        return NULL;
    }
    f->_file = fd;
    f->_flag |= sflag;
    return f;
}

/* Modes are ASCII; a wide one is narrowed so one parser serves both. */
static int narrow_mode(const void *mode, int wide, char *m)
{
    size_t i;

    for (i = 0; i < 31; i++) {
        m[i] = wide ? (char)((const wchar *)mode)[i] : ((const char *)mode)[i];
        if (!m[i])
            return 0;
    }
    return -1;
}

static FILE *open_stream(const void *path, const void *mode, int wide,
                         int share)
{
    int oflag, sflag, fd;
    char m[32];
    FILE *f;

    if (!path || !mode || narrow_mode(mode, wide, m) ||
        crt_parse_mode(m, &oflag, &sflag) < 0) {
        crt_set_errno(EINVAL);
#ifdef CRT_UCRT
        crt_invalid_parameter();
#endif
        return NULL;
    }
    fd = wide ? _wsopen(path, oflag, share, 0666)
              : _sopen(path, oflag, share, 0666);
    if (fd < 0)
        return NULL;
    f = stream_on_fd(fd, sflag);
    if (!f)
        _close(fd);
    return f;
}

CRTAPI FILE *fopen(const char *path, const char *mode)
{
    return open_stream(path, mode, 0, _SH_DENYNO);
}

CRTAPI FILE *_wfopen(const wchar *path, const wchar *mode)
{
    return open_stream(path, mode, 1, _SH_DENYNO);
}

CRTAPI FILE *_fsopen(const char *path, const char *mode, int share)
{
    return open_stream(path, mode, 0, share);
}

CRTAPI FILE *_wfsopen(const wchar *path, const wchar *mode, int share)
{
    return open_stream(path, mode, 1, share);
}

CRTAPI FILE *_fdopen(int fd, const char *mode)
{
    int oflag, sflag;
    struct fdinfo *fi = crt_fd(fd);

    if (!fi)
        return NULL;
    if (crt_parse_mode(mode, &oflag, &sflag) < 0) {
        crt_set_errno(EINVAL);
        return NULL;
    }
    if (oflag & _O_BINARY)
        fi->flags &= ~FD_TEXT;
    else if (oflag & _O_TEXT)
        fi->flags |= FD_TEXT;
    return stream_on_fd(fd, sflag);
}

CRTAPI FILE *_wfdopen(int fd, const wchar *mode)
{
    char m[16];

    if (!mode || narrow_mode(mode, 1, m)) {
        crt_set_errno(EINVAL);
        return NULL;
    }
    return _fdopen(fd, m);
}

/* Flushes, frees our buffer, closes the fd; the slot becomes free. */
static int close_locked(FILE *f)
{
    int r = 0;

    if (!(f->_flag & _IOINUSE))
        return EOF; /* closed already: msvcrt leaves errno alone */
    if (!(f->_flag & (_IOREAD | _IOWRT | _IORW))) {
        crt_set_errno(EINVAL);
        return EOF;
    }
    r = crt_flush_locked(f);
    if (f->_flag & _IOMYBUF)
        free(f->_base);
    if (f->_file >= 0 && _close(f->_file) < 0)
        r = EOF;
    free(f->_tmpfname);
    f->_base = f->_ptr = f->_tmpfname = NULL;
    f->_cnt = f->_bufsiz = 0;
    return r;
}

CRTAPI int fclose(FILE *f)
{
    int r;

    if (!f) {
        crt_set_errno(EINVAL);
        return EOF;
    }
    crt_lock_file(f);
    r = close_locked(f);
    crt_unlock_file(f);
    crt_stream_release(f);
    return r;
}

static int close_if_user(FILE *f)
{
    int i = crt_iob_index(f);

    if (i >= 0 && i < 3)
        return 0;
    fclose(f);
    return 1; /* counted: _fcloseall answers how many it closed */
}

/* Closes every stream but stdin/stdout/stderr; returns how many. */
CRTAPI int _fcloseall(void)
{
    return crt_stream_foreach(close_if_user);
}

/* Closes f and opens path on the same FILE (mode narrow or wide). */
static FILE *reopen(const void *path, const void *mode, int wide, FILE *f)
{
    int oflag, sflag, fd;
    char m[16];

    if (!f || !path || !mode || narrow_mode(mode, wide, m) ||
        crt_parse_mode(m, &oflag, &sflag) < 0) {
        crt_set_errno(EINVAL);
        return NULL;
    }
    crt_lock_file(f);
    if (f->_flag & (_IOREAD | _IOWRT | _IORW))
        close_locked(f);
    f->_flag = _IOINUSE | (f->_flag & _IOLINE);
    fd = wide ? _wsopen(path, oflag, _SH_DENYNO, 0666) : _sopen(path, oflag, _SH_DENYNO, 0666);
    if (fd >= 0) {
        f->_file = fd;
        f->_flag |= sflag;
    }
    crt_unlock_file(f);
    if (fd < 0) {
        crt_stream_release(f);
        return NULL;
    }
    return f;
}

CRTAPI FILE *freopen(const char *path, const char *mode, FILE *f)
{
    return reopen(path, mode, 0, f);
}

CRTAPI FILE *_wfreopen(const wchar *path, const wchar *mode, FILE *f)
{
    return reopen(path, mode, 1, f);
}

/* ---- the _s forms: *pf gets the stream, the result is errno's value;
 * fopen_s opens without sharing (readers share a file opened for reading) ---- */

static int result_of(FILE **pf, FILE *f)
{
    *pf = f;
    return f ? 0 : crt_thread_data()->err;
}

static int bad_out(void)
{
    crt_invalid_parameter();
    crt_set_errno(EINVAL);
    return EINVAL;
}

CRTAPI int fopen_s(FILE **pf, const char *path, const char *mode)
{
    return pf ? result_of(pf, open_stream(path, mode, 0, _SH_SECURE)) : bad_out();
}

CRTAPI int _wfopen_s(FILE **pf, const wchar *path, const wchar *mode)
{
    return pf ? result_of(pf, open_stream(path, mode, 1, _SH_SECURE)) : bad_out();
}

CRTAPI int freopen_s(FILE **pf, const char *path, const char *mode, FILE *f)
{
    return pf ? result_of(pf, reopen(path, mode, 0, f)) : bad_out();
}

CRTAPI int _wfreopen_s(FILE **pf, const wchar *path, const wchar *mode, FILE *f)
{
    return pf ? result_of(pf, reopen(path, mode, 1, f)) : bad_out();
}
