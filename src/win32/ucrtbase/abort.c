/* The UCRT's abort and assert.  abort() raises SIGABRT when the program
 * has a handler for it; then, with _CALL_REPORTFAULT (the default of the
 * release runtime), it ends the process as __fastfail(FAST_FAIL_FATAL_APP_EXIT)
 * does (status STATUS_STACK_BUFFER_OVERRUN), else with _exit(3).
 * _WRITE_ABORT_MSG only matters to the debug runtime.  Nothing is
 * flushed. */
#include "crt/crt_internal.h"

#define SIGABRT 22
#define WRITE_ABORT_MSG 1
#define CALL_REPORTFAULT 2
#define FAST_FAIL_FATAL_APP_EXIT 7

static unsigned abort_behavior = CALL_REPORTFAULT;

CRTAPI int raise(int sig);

CRTAPI unsigned _set_abort_behavior(unsigned flags, unsigned mask)
{
    unsigned old = abort_behavior;

    abort_behavior = (old & ~mask) | (flags & mask);
    return old;
}

CRTAPI __attribute__((noreturn)) void ucrt_abort(void)
{
    if (crt_signal_has_handler(SIGABRT))
        raise(SIGABRT);
    if (abort_behavior & CALL_REPORTFAULT)
        crt_fastfail(FAST_FAIL_FATAL_APP_EXIT);
    _exit(3);
}

CRTAPI __attribute__((noreturn)) void ucrt_assert(const char *expr,
                                                  const char *file, unsigned line)
{
    crt_assert_message(expr, file, line);
    ucrt_abort();
}

CRTAPI __attribute__((noreturn)) void ucrt_wassert(const wchar *expr,
                                                   const wchar *file, unsigned line)
{
    crt_wassert_message(expr, file, line);
    ucrt_abort();
}

/* terminate(): the thread's terminate handler (set_terminate), then
 * abort() if there is none or it returns. */
typedef void (*terminate_fn)(void);

CRTAPI terminate_fn set_terminate(terminate_fn fn)
{
    struct crt_thread *t = crt_thread_data();
    terminate_fn old = (terminate_fn)t->terminate_handler;

    t->terminate_handler = (void *)fn;
    return old;
}

CRTAPI terminate_fn _get_terminate(void)
{
    return (terminate_fn)crt_thread_data()->terminate_handler;
}

CRTAPI __attribute__((noreturn)) void ucrt_terminate(void)
{
    terminate_fn fn = _get_terminate();

    if (fn)
        fn();
    ucrt_abort();
}
