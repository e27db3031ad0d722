/* The UCRT's termination protocol.  MSVC's and mingw-w64's start code
 * registers an EXE's atexit functions with _crt_atexit (the process
 * table exit() runs) and a DLL's with _register_onexit_function on a
 * table of its own, which it runs with _execute_onexit_table when it
 * unloads.  quick_exit runs the _crt_at_quick_exit table only. */
#include "crt/crt_internal.h"

CRTAPI int atexit(void (*fn)(void));

typedef void (*tls_callback)(void *module, DWORD reason, void *reserved);

static struct onexit_table quick_table;
static tls_callback thread_local_dtors;

CRTAPI int _initialize_onexit_table(struct onexit_table *t)
{
    if (!t)
        return -1;
    if (t->first == t->end)     /* a table already in use stays as it is */
        t->first = t->last = t->end = NULL;
    return 0;
}

CRTAPI int _register_onexit_function(struct onexit_table *t, onexit_t fn)
{
    if (!t)
        return -1;
    return crt_onexit_register(t, fn) ? 0 : -1;
}

CRTAPI int _execute_onexit_table(struct onexit_table *t)
{
    if (!t)
        return -1;
    crt_onexit_execute(t);
    return 0;
}

CRTAPI int _crt_atexit(void (*fn)(void))
{
    return atexit(fn);
}

CRTAPI int _crt_at_quick_exit(void (*fn)(void))
{
    return fn && crt_onexit_register(&quick_table, (onexit_t)fn) ? 0 : -1;
}

CRTAPI __attribute__((noreturn)) void quick_exit(int code)
{
    crt_onexit_execute(&quick_table);
    _exit(code);
}

/* thread_local destructors of the EXE's main thread run first in exit(),
 * called as a TLS callback with DLL_PROCESS_DETACH. */
static void run_thread_local_dtors(void)
{
    if (thread_local_dtors)
        thread_local_dtors(NULL, DLL_PROCESS_DETACH, NULL);
}

CRTAPI void _register_thread_local_exe_atexit_callback(tls_callback cb)
{
    /* documented to be set once; a second call is a fatal error */
    if (thread_local_dtors)
        crt_fastfail(7 /* FAST_FAIL_FATAL_APP_EXIT */);
    thread_local_dtors = cb;
    crt_exit_hook = run_thread_local_dtors;
}
