/*
 * The wide forms of _spawn*, _exec* and system: their strings become the
 * ANSI code page's (as the program's narrow arguments are) and the narrow
 * forms do the work, so both take the same paths (extensions, PATH
 * search, the inherited descriptors).
 */
#include "crt_internal.h"

CRTAPI intptr_t _spawnve(int, const char *, const char *const *, const char *const *);
CRTAPI intptr_t _spawnvpe(int, const char *, const char *const *, const char *const *);
CRTAPI int system(const char *);

#define P_OVERLAY 2
#define MAX_LIST_ARGS 1024

char *crt_wide_to_acp(const wchar *w)
{
    int n;
    char *s;

    if (!w)
        return NULL;
    n = WideCharToMultiByte(0 /* CP_ACP */, 0, w, -1, NULL, 0, NULL, NULL);
    if (n <= 0 || !(s = malloc((size_t)n)))
        return NULL;
    WideCharToMultiByte(0, 0, w, -1, s, n, NULL, NULL);
    return s;
}

static void free_vector(char **v)
{
    for (char **p = v; p && *p; p++)
        free(*p);
    free(v);
}

/* A NULL-terminated copy of v; NULL for no v or no memory (*bad). */
static char **vector_to_acp(const wchar *const *v, int *bad)
{
    size_t n = 0;
    char **out;

    if (!v)
        return NULL;
    while (v[n])
        n++;
    if (!(out = calloc(n + 1, sizeof(*out)))) {
        *bad = 1;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        if (!(out[i] = crt_wide_to_acp(v[i]))) {
            *bad = 1;
            free_vector(out);
            return NULL;
        }
    return out;
}

static intptr_t wide(int mode, const wchar *name, const wchar *const *argv,
                     const wchar *const *envp, int search)
{
    int bad = 0;
    char *n = crt_wide_to_acp(name), **a = vector_to_acp(argv, &bad);
    char **e = vector_to_acp(envp, &bad);
    intptr_t r = -1;

    if (bad || (name && !n)) {
        crt_set_errno(ENOMEM);
    } else if (search) {
        r = _spawnvpe(mode, n, (const char *const *)a, (const char *const *)e);
    } else {
        r = _spawnve(mode, n, (const char *const *)a, (const char *const *)e);
    }
    free(n);
    free_vector(a);
    free_vector(e);
    return r;
}

CRTAPI intptr_t _wspawnv(int m, const wchar *n, const wchar *const *a) { return wide(m, n, a, NULL, 0); }
CRTAPI intptr_t _wspawnve(int m, const wchar *n, const wchar *const *a, const wchar *const *e) { return wide(m, n, a, e, 0); }
CRTAPI intptr_t _wspawnvp(int m, const wchar *n, const wchar *const *a) { return wide(m, n, a, NULL, 1); }
CRTAPI intptr_t _wspawnvpe(int m, const wchar *n, const wchar *const *a, const wchar *const *e) { return wide(m, n, a, e, 1); }
CRTAPI intptr_t _wexecv(const wchar *n, const wchar *const *a) { return wide(P_OVERLAY, n, a, NULL, 0); }
CRTAPI intptr_t _wexecve(const wchar *n, const wchar *const *a, const wchar *const *e) { return wide(P_OVERLAY, n, a, e, 0); }
CRTAPI intptr_t _wexecvp(const wchar *n, const wchar *const *a) { return wide(P_OVERLAY, n, a, NULL, 1); }
CRTAPI intptr_t _wexecvpe(const wchar *n, const wchar *const *a, const wchar *const *e) { return wide(P_OVERLAY, n, a, e, 1); }

/* The l forms: the arguments up to the NULL, then (e forms) envp. */
static intptr_t wide_list(int mode, const wchar *name, const wchar *arg0, va_list ap, int e,
                          int search)
{
    const wchar *argv[MAX_LIST_ARGS + 1];
    const wchar *const *envp = NULL;
    int n = 0;

    for (const wchar *a = arg0; a; a = va_arg(ap, const wchar *)) {
        if (n == MAX_LIST_ARGS) {
            crt_set_errno(E2BIG);
            return -1;
        }
        argv[n++] = a;
    }
    argv[n] = NULL;
    if (e)
        envp = va_arg(ap, const wchar *const *);
    return wide(mode, name, argv, envp, search);
}

#define WSPAWN_LIST(fn, e, search)                                                   \
    CRTAPI intptr_t fn(int mode, const wchar *name, const wchar *arg0, ...)          \
    {                                                                                \
        va_list ap;                                                                  \
        intptr_t r;                                                                  \
        va_start(ap, arg0);                                                          \
        r = wide_list(mode, name, arg0, ap, e, search);                              \
        va_end(ap);                                                                  \
        return r;                                                                    \
    }
WSPAWN_LIST(_wspawnl, 0, 0)
WSPAWN_LIST(_wspawnle, 1, 0)
WSPAWN_LIST(_wspawnlp, 0, 1)
WSPAWN_LIST(_wspawnlpe, 1, 1)

#define WEXEC_LIST(fn, e, search)                                                    \
    CRTAPI intptr_t fn(const wchar *name, const wchar *arg0, ...)                    \
    {                                                                                \
        va_list ap;                                                                  \
        intptr_t r;                                                                  \
        va_start(ap, arg0);                                                          \
        r = wide_list(P_OVERLAY, name, arg0, ap, e, search);                         \
        va_end(ap);                                                                  \
        return r;                                                                    \
    }
WEXEC_LIST(_wexecl, 0, 0)
WEXEC_LIST(_wexecle, 1, 0)
WEXEC_LIST(_wexeclp, 0, 1)
WEXEC_LIST(_wexeclpe, 1, 1)

CRTAPI int _wsystem(const wchar *command)
{
    char *c = crt_wide_to_acp(command);
    int r;

    if (command && !c) {
        crt_set_errno(ENOMEM);
        return -1;
    }
    r = system(c);
    free(c);
    return r;
}
