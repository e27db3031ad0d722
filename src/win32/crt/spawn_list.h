/* The l forms of _spawn* and _exec*, narrow and wide alike: their
 * arguments up to the NULL, then (e forms) envp after it, handed to the v
 * form's worker RUN(mode, name, argv, envp, search). */
#ifndef LSW_CRT_SPAWN_LIST_H
#define LSW_CRT_SPAWN_LIST_H

#include <stdarg.h>

#define MAX_LIST_ARGS 1024
#define P_OVERLAY 2

#define SPAWN_LIST_COLLECTOR(collect, CH, RUN)                                       \
    static intptr_t collect(int mode, const CH *name, const CH *arg0, va_list ap,    \
                            int e, int search)                                       \
    {                                                                                \
        const CH *argv[MAX_LIST_ARGS + 1];                                           \
        const CH *const *envp = NULL;                                                \
        int n = 0;                                                                   \
        for (const CH *a = arg0; a; a = va_arg(ap, const CH *)) {                    \
            if (n == MAX_LIST_ARGS) {                                                \
                crt_set_errno(E2BIG);                                                \
                return -1;                                                           \
            }                                                                        \
            argv[n++] = a;                                                           \
        }                                                                            \
        argv[n] = NULL;                                                              \
        if (e)                                                                       \
            envp = va_arg(ap, const CH *const *);                                    \
        return RUN(mode, name, argv, envp, search);                                  \
    }

/* _spawnl-style exports (a mode first) and _execl-style ones (P_OVERLAY). */
#define SPAWN_LIST_EXPORT(fn, CH, collect, e, search)                                \
    CRTAPI intptr_t fn(int mode, const CH *name, const CH *arg0, ...)                \
    {                                                                                \
        va_list ap;                                                                  \
        intptr_t r;                                                                  \
        va_start(ap, arg0);                                                          \
        r = collect(mode, name, arg0, ap, e, search);                                \
        va_end(ap);                                                                  \
        return r;                                                                    \
    }
#define EXEC_LIST_EXPORT(fn, CH, collect, e, search)                                 \
    CRTAPI intptr_t fn(const CH *name, const CH *arg0, ...)                          \
    {                                                                                \
        va_list ap;                                                                  \
        intptr_t r;                                                                  \
        va_start(ap, arg0);                                                          \
        r = collect(P_OVERLAY, name, arg0, ap, e, search);                           \
        va_end(ap);                                                                  \
        return r;                                                                    \
    }

#endif
