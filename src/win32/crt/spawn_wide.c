/*
 * The wide forms of _spawn*, _exec* and system: their strings become the
 * ANSI code page's (as the program's narrow arguments are) and the narrow
 * forms do the work, so both take the same paths (extensions, PATH
 * search, the inherited descriptors).
 */
#include "crt_internal.h"
#include "spawn_list.h"

CRTAPI intptr_t _spawnve(int, const char *, const char *const *, const char *const *);
CRTAPI intptr_t _spawnvpe(int, const char *, const char *const *, const char *const *);
CRTAPI int system(const char *);

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

SPAWN_LIST_COLLECTOR(wide_list, wchar, wide)
SPAWN_LIST_EXPORT(_wspawnl, wchar, wide_list, 0, 0)
SPAWN_LIST_EXPORT(_wspawnle, wchar, wide_list, 1, 0)
SPAWN_LIST_EXPORT(_wspawnlp, wchar, wide_list, 0, 1)
SPAWN_LIST_EXPORT(_wspawnlpe, wchar, wide_list, 1, 1)
EXEC_LIST_EXPORT(_wexecl, wchar, wide_list, 0, 0)
EXEC_LIST_EXPORT(_wexecle, wchar, wide_list, 1, 0)
EXEC_LIST_EXPORT(_wexeclp, wchar, wide_list, 0, 1)
EXEC_LIST_EXPORT(_wexeclpe, wchar, wide_list, 1, 1)

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
