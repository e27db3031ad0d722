/* The UCRT's invalid parameter handler.  A function that documents it
 * calls the thread's handler, else the process's, else _invoke_watson,
 * which ends the process as __fastfail(FAST_FAIL_INVALID_ARG) does
 * (exit status STATUS_STACK_BUFFER_OVERRUN).  A handler that returns
 * lets the function fail with its documented errno. */
#include "crt/crt_internal.h"

#define FAST_FAIL_INVALID_ARG 5

typedef void (*invalid_handler)(const wchar *expr, const wchar *func,
                                const wchar *file, unsigned line,
                                uintptr_t reserved);

static invalid_handler process_handler;

CRTAPI invalid_handler _set_invalid_parameter_handler(invalid_handler h)
{
    return __atomic_exchange_n(&process_handler, h, __ATOMIC_SEQ_CST);
}

CRTAPI invalid_handler _get_invalid_parameter_handler(void)
{
    return __atomic_load_n(&process_handler, __ATOMIC_SEQ_CST);
}

CRTAPI invalid_handler _set_thread_local_invalid_parameter_handler(invalid_handler h)
{
    struct crt_thread *t = crt_thread_data();
    invalid_handler old = (invalid_handler)t->invalid_handler;

    t->invalid_handler = (void *)h;
    return old;
}

CRTAPI invalid_handler _get_thread_local_invalid_parameter_handler(void)
{
    return (invalid_handler)crt_thread_data()->invalid_handler;
}

CRTAPI __attribute__((noreturn)) void _invoke_watson(const wchar *expr,
        const wchar *func, const wchar *file, unsigned line, uintptr_t reserved)
{
    crt_fastfail(FAST_FAIL_INVALID_ARG);
}

static void invalid_parameter(const wchar *expr, const wchar *func,
                               const wchar *file, unsigned line,
                               uintptr_t reserved)
{
    invalid_handler h = (invalid_handler)crt_thread_data()->invalid_handler;

    if (!h)
        h = _get_invalid_parameter_handler();
    if (!h)
        _invoke_watson(expr, func, file, line, reserved);
    h(expr, func, file, line, reserved);
}

CRTAPI void _invalid_parameter_noinfo(void)
{
    invalid_parameter(NULL, NULL, NULL, 0, 0);
}

CRTAPI __attribute__((noreturn)) void _invalid_parameter_noinfo_noreturn(void)
{
    invalid_parameter(NULL, NULL, NULL, 0, 0);
    _invoke_watson(NULL, NULL, NULL, 0, 0);
}

void crt_invalid_parameter(void)
{
    _invalid_parameter_noinfo();
}
