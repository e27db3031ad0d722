/* The environment: _environ/_wenviron arrays built at startup from the
 * process environment block, getenv and _putenv. */
#include "crt_internal.h"

CRTDATA char **_environ;
CRTDATA wchar **_wenviron;
CRTDATA char **__initenv;
CRTDATA wchar **__winitenv;

/* Builds a malloc'ed NULL-terminated array of copies of the block's
 * strings, skipping the "=C:=C:\dir" entries as the CRT does. */
static void **env_array(const void *block, int w)
{
    size_t n = 0, i = 0, unit = w ? 2 : 1;
    const char *p = block;
    void **arr;

    for (const char *q = p; w ? *(const wchar *)q : *q;
         q += ((w ? wcslen((const wchar *)q) : strlen(q)) + 1) * unit)
        n++;
    arr = malloc((n + 1) * sizeof(void *));
    if (!arr)
        return NULL;
    for (; w ? *(const wchar *)p : *p;) {
        size_t len = ((w ? wcslen((const wchar *)p) : strlen(p)) + 1) * unit;
        int skip = w ? *(const wchar *)p == '=' : *p == '=';
        if (!skip && (arr[i] = malloc(len)))
            memcpy(arr[i++], p, len);
        p += len;
    }
    arr[i] = NULL;
    return arr;
}

static void *block_array(int w)
{
    void *block = w ? (void *)GetEnvironmentStringsW() : (void *)GetEnvironmentStringsA();
    void **arr = block ? env_array(block, w) : NULL;

    if (block)
        w ? FreeEnvironmentStringsW(block) : FreeEnvironmentStringsA(block);
    return arr ? arr : calloc(1, sizeof(void *));
}

/* _environ always; _wenviron only once something wide asked for it
 * (__wgetmainargs or a wide environment function), as msvcrt does. */
void crt_env_init(void)
{
    _environ = block_array(0);
    if (_wenviron)
        _wenviron = block_array(1);
    if (!__initenv)
        __initenv = _environ;
}

void crt_wenv_init(void)
{
    _lock(LOCK_ENV);
    if (!_wenviron)
        _wenviron = block_array(1);
    if (!__winitenv)
        __winitenv = _wenviron;
    _unlock(LOCK_ENV);
}

CRTAPI char ***__p__environ(void) { return &_environ; }
CRTAPI wchar ***__p__wenviron(void) { return &_wenviron; }
CRTAPI char ***__p___initenv(void) { return &__initenv; }
CRTAPI wchar ***__p___winitenv(void) { return &__winitenv; }

/* Names compare case-insensitively, as on Windows.  One body serves the
 * narrow and the wide table. */
static void *getenv_any(const void *name, int w)
{
    size_t n = w ? wcslen(name) : strlen(name);
    void **e;
    void *r = NULL;

    if (w)
        crt_wenv_init();
    e = w ? (void **)_wenviron : (void **)_environ;

    _lock(LOCK_ENV);
    for (; e && *e && !r; e++) {
        if (w ? !_wcsnicmp(*e, name, n) && ((wchar *)*e)[n] == '='
              : !_strnicmp(*e, name, n) && ((char *)*e)[n] == '=')
            r = (char *)*e + (n + 1) * (w ? 2 : 1);
    }
    _unlock(LOCK_ENV);
    return r;
}

CRTAPI char *getenv(const char *name) { return getenv_any(name, 0); }
CRTAPI wchar *_wgetenv(const wchar *name) { return getenv_any(name, 1); }

static BOOL set_variable(const void *name, const void *value, int w)
{
    return w ? SetEnvironmentVariableW(name, value) : SetEnvironmentVariableA(name, value);
}

/* _putenv("NAME=value") sets, "NAME=" removes.  The process environment
 * is updated and both arrays rebuilt from it.  The old arrays are left
 * alone on purpose: getenv results handed out earlier stay valid. */
static int putenv_any(const void *s, int w)
{
    size_t unit = w ? 2 : 1, len;
    const char *eq = s ? (w ? (const char *)wcschr(s, '=') : strchr(s, '=')) : NULL;
    wchar name[1024];
    int empty;
    BOOL ok;

    if (w)
        crt_wenv_init();
    if (!eq || eq == (const char *)s || (len = (eq - (const char *)s) / unit) >= 1024) {
        crt_set_errno(EINVAL);
        return -1;
    }
    memcpy(name, s, len * unit);
    if (w)
        name[len] = 0;
    else
        ((char *)name)[len] = 0;
    empty = w ? !((const wchar *)eq)[1] : !eq[1];
    _lock(LOCK_ENV);
    ok = set_variable(name, empty ? NULL : eq + unit, w);
    if (ok || empty)
        crt_env_init();
    _unlock(LOCK_ENV);
    if (!ok && !empty) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    return 0;
}

CRTAPI int _putenv(const char *s) { return putenv_any(s, 0); }
CRTAPI int _wputenv(const wchar *s) { return putenv_any(s, 1); }

/* ---- the _s forms ---- */

/* getenv_s: *len gets the value's size with its terminator (0 when the
 * name is absent); the value is copied when it fits. */
static int getenv_common(size_t *len, void *buf, size_t n, const void *name, int w)
{
    const void *v;
    size_t need;

    if (!len || !name || (!buf && n)) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    v = w ? (const void *)_wgetenv(name) : (const void *)getenv(name);
    if (buf && n)
        w ? (void)(*(wchar *)buf = 0) : (void)(*(char *)buf = 0);
    *len = 0;
    if (!v)
        return 0;
    need = (w ? wcslen(v) : strlen(v)) + 1;
    *len = need;
    if (!buf)
        return 0;
    if (need > n) {
        crt_invalid_parameter();
        crt_set_errno(ERANGE);
        return ERANGE;
    }
    memcpy(buf, v, need * (w ? 2 : 1));
    return 0;
}

CRTAPI int getenv_s(size_t *len, char *buf, size_t n, const char *name)
{
    return getenv_common(len, buf, n, name, 0);
}

CRTAPI int _wgetenv_s(size_t *len, wchar *buf, size_t n, const wchar *name)
{
    return getenv_common(len, buf, n, name, 1);
}

/* _dupenv_s: a malloc'd copy of the value (NULL when absent). */
static int dupenv_common(void **out, size_t *len, const void *name, int w)
{
    const void *v;
    size_t bytes;

    if (!out || !name) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    *out = NULL;
    if (len)
        *len = 0;
    v = w ? (const void *)_wgetenv(name) : (const void *)getenv(name);
    if (!v)
        return 0;
    bytes = ((w ? wcslen(v) : strlen(v)) + 1) * (w ? 2 : 1);
    if (!(*out = malloc(bytes))) {
        crt_set_errno(ENOMEM);
        return ENOMEM;
    }
    memcpy(*out, v, bytes);
    if (len)
        *len = bytes / (w ? 2 : 1);
    return 0;
}

CRTAPI int _dupenv_s(char **out, size_t *len, const char *name)
{
    return dupenv_common((void **)out, len, name, 0);
}

CRTAPI int _wdupenv_s(wchar **out, size_t *len, const wchar *name)
{
    return dupenv_common((void **)out, len, name, 1);
}

/* _putenv_s(name, value): an empty value removes the variable. */
static int putenv_s_common(const void *name, const void *value, int w)
{
    BOOL ok;

    if (w)
        crt_wenv_init();
    if (!name || !value || !(w ? *(const wchar *)name : *(const char *)name) ||
        (w ? wcschr(name, '=') != NULL : strchr(name, '=') != NULL)) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    _lock(LOCK_ENV);
    ok = set_variable(name, (w ? *(const wchar *)value : *(const char *)value) ? value : NULL, w);
    crt_env_init();
    _unlock(LOCK_ENV);
    if (!ok && (w ? *(const wchar *)value : *(const char *)value)) {
        crt_dosmaperr(GetLastError());
        return crt_thread_data()->err;
    }
    return 0;
}

CRTAPI int _putenv_s(const char *name, const char *value)
{
    return putenv_s_common(name, value, 0);
}

CRTAPI int _wputenv_s(const wchar *name, const wchar *value)
{
    return putenv_s_common(name, value, 1);
}
