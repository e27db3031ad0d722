/* Temporary files and names: tmpfile, tmpnam, _tempnam, _mktemp and
 * their _s and wide forms, _rmtmp.  The UCRT's tmpnam names files in the
 * temporary directory (GetTempPath); msvcrt's, as documented, in the root
 * of the current drive ("\\s<id>." first, then ".1", ".2"... in base 32). */
#include "crt_internal.h"

#define L_TMPNAM 260
#define TMP_MAX_S 0x7FFFFFFF

K32 DWORD GetTempPathW(DWORD, WCHAR *);
K32 DWORD GetCurrentProcessId(void);
K32 DWORD GetFileAttributesW(const WCHAR *);

static unsigned long counter, tmpnam_counter; /* tmpnam numbers its own names */

/* dir\\prefix<pid>.<n> (wide), the first that does not exist. */
static int make_name(wchar *out, size_t cap, const wchar *dir, const char *prefix,
                     unsigned long *next)
{
    wchar tmp[L_TMPNAM];
    size_t n = 0, i;

    if (!dir) {
        if (!GetTempPathW(L_TMPNAM, tmp))
            return ENOENT;
        dir = tmp;
    }
    for (i = 0; dir[i] && n < cap - 1; i++)
        out[n++] = dir[i];
    if (n && out[n - 1] != '\\' && out[n - 1] != '/' && n < cap - 1)
        out[n++] = '\\';
    for (i = 0; prefix && prefix[i] && n < cap - 1; i++)
        out[n++] = (unsigned char)prefix[i];
    for (int tries = 0; tries < 1000; tries++) {
        unsigned long k = __atomic_fetch_add(next, 1, __ATOMIC_SEQ_CST); /* 0: none */
        char num[32];
        int len = 0;
        size_t at = n;
        unsigned long pid = GetCurrentProcessId();

        do num[len++] = "0123456789abcdefghijklmnopqrstuv"[pid % 32]; while ((pid /= 32));
        num[len++] = '.';
        for (; k; k /= 32)
            num[len++] = "0123456789abcdefghijklmnopqrstuv"[k % 32];
        if (at + (size_t)len >= cap)
            return ERANGE;
        for (int j = 0; j < len; j++)
            out[at++] = (unsigned char)num[j];
        out[at] = 0;
        if (GetFileAttributesW(out) == INVALID_FILE_ATTRIBUTES)
            return 0;
    }
    return EEXIST;
}

static int narrow_copy(char *dst, size_t cap, const wchar *src)
{
    size_t i = 0;

    for (; src[i]; i++) {
        if (i + 1 >= cap)
            return ERANGE;
        dst[i] = src[i] < 0x80 ? (char)src[i] : '_';
    }
    dst[i] = 0;
    return 0;
}

CRTAPI int _wtmpnam_s(wchar *buf, size_t n)
{
    int e;

    if (!buf || !n) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
#ifdef CRT_UCRT
    e = make_name(buf, n, NULL, "s", &tmpnam_counter);
#else
    e = make_name(buf, n, L"\\", "s", &tmpnam_counter);
#endif
    if (e) {
        buf[0] = 0;
        crt_set_errno(e);
    }
    return e;
}

CRTAPI int tmpnam_s(char *buf, size_t n)
{
    wchar w[L_TMPNAM];
    int e;

    if (!buf || !n) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    e = _wtmpnam_s(w, L_TMPNAM);
    if (!e && (e = narrow_copy(buf, n, w)))
        buf[0] = 0, crt_set_errno(e);
    return e;
}

/* Without a buffer: the thread's. */
CRTAPI char *tmpnam(char *buf)
{
    static char shared[L_TMPNAM];

    if (!buf)
        buf = shared;
    return tmpnam_s(buf, L_TMPNAM) ? NULL : buf;
}

CRTAPI wchar *_wtmpnam(wchar *buf)
{
    static wchar shared[L_TMPNAM];

    if (!buf)
        buf = shared;
    return _wtmpnam_s(buf, L_TMPNAM) ? NULL : buf;
}

/* _tempnam: a malloc'd name in TMP's directory, else dir, else the
 * temporary directory, starting with prefix. */
static wchar *temp_name(const wchar *dir, const char *prefix)
{
    wchar *out = malloc(L_TMPNAM * sizeof(wchar));
    const wchar *tmp = _wgetenv(L"TMP");

    if (!out) {
        crt_set_errno(ENOMEM);
        return NULL;
    }
    if (make_name(out, L_TMPNAM, tmp && *tmp ? tmp : dir && *dir ? dir : NULL, prefix, &counter)) {
        free(out);
        crt_set_errno(EEXIST);
        return NULL;
    }
    return out;
}

CRTAPI wchar *_wtempnam(const wchar *dir, const wchar *prefix)
{
    char p[64];
    size_t i = 0;

    for (; prefix && prefix[i] && i < sizeof(p) - 1; i++)
        p[i] = prefix[i] < 0x80 ? (char)prefix[i] : '_';
    p[i] = 0;
    return temp_name(dir, p);
}

CRTAPI char *_tempnam(const char *dir, const char *prefix)
{
    wchar wd[L_TMPNAM], *w;
    char *out;
    size_t i = 0;

    for (; dir && dir[i] && i < L_TMPNAM - 1; i++)
        wd[i] = (unsigned char)dir[i];
    wd[i] = 0;
    w = temp_name(dir ? wd : NULL, prefix);
    if (!w)
        return NULL;
    out = malloc(L_TMPNAM);
    if (out && narrow_copy(out, L_TMPNAM, w)) {
        free(out);
        out = NULL;
    }
    free(w);
    return out;
}

/* tmpfile: a new file, opened "w+b", deleted when closed. */
CRTAPI int tmpfile_s(FILE **pf)
{
    wchar name[L_TMPNAM];
    static const wchar mode[] = { 'w', '+', 'b', 'D', 0 };
    int e;

    if (!pf) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    *pf = NULL;
    e = make_name(name, L_TMPNAM, NULL, "t", &counter);
    if (e) {
        crt_set_errno(e);
        return e;
    }
    *pf = _wfopen(name, mode);
    return *pf ? 0 : crt_thread_data()->err;
}

CRTAPI FILE *tmpfile(void)
{
    FILE *f;

    return tmpfile_s(&f) ? NULL : f;
}

/* Closes and removes what tmpfile made: nothing stays open that way
 * here (the files delete themselves on close), so none to count. */
CRTAPI int _rmtmp(void) { return 0; }

/* _mktemp: the trailing "XXXXXX" becomes a letter and the process id,
 * the first letter a..z whose name does not exist. */
static int mktemp_common(void *tmpl, size_t n, int wide)
{
    size_t len = 0;
    unsigned long pid = GetCurrentProcessId();

#define AT(i) (wide ? ((wchar *)tmpl)[i] : (wchar)((unsigned char *)tmpl)[i])
#define SET(i, c) (wide ? (void)(((wchar *)tmpl)[i] = (c)) : (void)(((char *)tmpl)[i] = (char)(c)))
    if (!tmpl)
        return EINVAL;
    while (len < n && AT(len))
        len++;
    if (len < 6 || len >= n)
        return EINVAL;
    for (size_t i = len - 6; i < len; i++)
        if (AT(i) != 'X')
            return EINVAL;
    for (size_t i = len - 1; i > len - 6; i--, pid /= 10)
        SET(i, '0' + pid % 10);
    for (int c = 'a'; c <= 'z'; c++) {
        wchar w[L_TMPNAM];
        size_t k;

        SET(len - 6, c);
        for (k = 0; k < len && k < L_TMPNAM - 1; k++)
            w[k] = AT(k);
        w[k] = 0;
        if (GetFileAttributesW(w) == INVALID_FILE_ATTRIBUTES)
            return 0;
    }
#undef AT
#undef SET
    return EEXIST;
}

CRTAPI int _mktemp_s(char *t, size_t n)
{
    int e = mktemp_common(t, n, 0);

    if (e == EINVAL)
        crt_invalid_parameter();
    if (e)
        crt_set_errno(e);
    return e;
}

CRTAPI int _wmktemp_s(wchar *t, size_t n)
{
    int e = mktemp_common(t, n, 1);

    if (e == EINVAL)
        crt_invalid_parameter();
    if (e)
        crt_set_errno(e);
    return e;
}

CRTAPI char *_mktemp(char *t)
{
    return t && !_mktemp_s(t, strlen(t) + 1) ? t : NULL;
}

CRTAPI wchar *_wmktemp(wchar *t)
{
    return t && !_wmktemp_s(t, wcslen(t) + 1) ? t : NULL;
}
