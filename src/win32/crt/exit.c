/* Process termination: atexit/_onexit tables, exit, _exit, _cexit,
 * abort, _amsg_exit.  exit() runs the handlers in reverse order of
 * registration, flushes every stream, then calls ExitProcess. */
#include "crt_internal.h"

void (*crt_exit_hook)(void);

/* The process's atexit table (msvcrt's atexit/_onexit, the UCRT's
 * _crt_atexit); the UCRT's module tables use the same code. */
static struct onexit_table process_table;
static int exiting;

int crt_onexit_register(struct onexit_table *t, onexit_t fn)
{
    int ok = 1;

    _lock(LOCK_EXIT);
    if (t->last == t->end) {
        size_t n = t->last - t->first, cap = n ? n * 2 : 32;
        onexit_t *p = realloc(t->first, cap * sizeof(*p));
        if (p) {
            t->first = p;
            t->last = p + n;
            t->end = p + cap;
        }
    }
    if (t->last != t->end)
        *t->last++ = fn;
    else
        ok = 0;
    _unlock(LOCK_EXIT);
    return ok;
}

/* Runs the table's functions, last registered first; a function may
 * register more, which run next; a NULL entry (_register_onexit_function
 * takes one) is passed over.  The table is empty afterwards. */
void crt_onexit_execute(struct onexit_table *t)
{
    for (;;) {
        onexit_t fn = NULL;
        int more;

        _lock(LOCK_EXIT);
        more = t->last != t->first;
        if (more)
            fn = *--t->last;
        _unlock(LOCK_EXIT);
        if (!more)
            break;
        if (fn)
            fn();
    }
    _lock(LOCK_EXIT);
    free(t->first);
    t->first = t->last = t->end = NULL;
    _unlock(LOCK_EXIT);
}

CRTAPI onexit_t _onexit(onexit_t fn)
{
    return fn && crt_onexit_register(&process_table, fn) ? fn : NULL;
}

CRTAPI int atexit(void (*fn)(void))
{
    return fn && crt_onexit_register(&process_table, (onexit_t)fn) ? 0 : -1;
}

/* For DLLs with their own table (MSVC's DLL startup code): the table is
 * a malloc'ed array described by begin and end. */
CRTAPI onexit_t __dllonexit(onexit_t fn, onexit_t **begin, onexit_t **end)
{
    size_t n = *end - *begin;
    onexit_t *t = realloc(*begin, (n + 1) * sizeof(*t));

    if (!t)
        return NULL;
    t[n] = fn;
    *begin = t;
    *end = t + n + 1;
    return fn;
}

/* Once: exit() called from an atexit function does not start over. */
void crt_run_exit_handlers(void)
{
    _lock(LOCK_EXIT);
    if (exiting) {
        _unlock(LOCK_EXIT);
        return;
    }
    exiting = 1;
    _unlock(LOCK_EXIT);
    if (crt_exit_hook)
        crt_exit_hook();
    crt_onexit_execute(&process_table);
}

CRTAPI void _cexit(void)
{
    crt_run_exit_handlers();
    crt_stdio_flush_all();
}

CRTAPI void _c_exit(void) { }

CRTAPI __attribute__((noreturn)) void exit(int code)
{
    _cexit();
    ExitProcess(code);
}

CRTAPI __attribute__((noreturn)) void _exit(int code)
{
    ExitProcess(code);
}

CRTAPI __attribute__((noreturn)) void _Exit(int code)
{
    ExitProcess(code);
}

static void write_stderr(const char *s)
{
    _write(2, s, strlen(s));
}

CRTAPI int raise(int sig);

/* abort: SIGABRT first (a handler may longjmp away), then the message
 * msvcrt prints, then exit code 3 without flushing. */
CRTAPI __attribute__((noreturn)) void abort(void)
{
    raise(22 /* SIGABRT */);
    write_stderr("\nabnormal program termination\n");
    _exit(3);
}

/* The runtime error numbers msvcrt reports as "runtime error R60nn". */
CRTAPI __attribute__((noreturn)) void _amsg_exit(int num)
{
    char msg[] = "\nruntime error R6000\n";

    msg[18] = '0' + num / 10 % 10;
    msg[19] = '0' + num % 10;
    write_stderr(msg);
    _exit(255);
}

/* "Assertion failed: expr, file f, line n" on stderr, as both runtimes
 * print it before they abort. */
void crt_assert_message(const char *expr, const char *file, unsigned line)
{
    char num[12];
    int i = sizeof(num) - 1;

    num[i] = 0;
    do
        num[--i] = '0' + line % 10;
    while ((line /= 10) && i > 0);
    crt_stdio_flush_all();
    write_stderr("Assertion failed: ");
    write_stderr(expr);
    write_stderr(", file ");
    write_stderr(file);
    write_stderr(", line ");
    write_stderr(num + i);
    write_stderr("\n");
}

void crt_wassert_message(const wchar *expr, const wchar *file, unsigned line)
{
    char e[256], f[260];
    size_t i;

    for (i = 0; expr[i] && i < sizeof(e) - 1; i++)
        e[i] = expr[i] < 0x80 ? (char)expr[i] : '?';
    e[i] = 0;
    for (i = 0; file[i] && i < sizeof(f) - 1; i++)
        f[i] = file[i] < 0x80 ? (char)file[i] : '?';
    f[i] = 0;
    crt_assert_message(e, f, line);
}

CRTAPI __attribute__((noreturn)) void _assert(const char *expr,
                                              const char *file, unsigned line)
{
    crt_assert_message(expr, file, line);
    abort();
}

CRTAPI void _wassert(const wchar *expr, const wchar *file, unsigned line)
{
    crt_wassert_message(expr, file, line);
    abort();
}

/* __fastfail(code): Windows ends the process on the spot with
 * STATUS_STACK_BUFFER_OVERRUN (code in the exception record); no
 * exception handler runs and nothing is flushed. */
__attribute__((noreturn)) void crt_fastfail(unsigned code)
{
    (void)code;
    TerminateProcess((HANDLE)(intptr_t)-1, 0xC0000409);
    for (;;)
        ExitProcess(0xC0000409);
}
