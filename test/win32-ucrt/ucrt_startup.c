/* The UCRT's start-up and termination protocol, driven by hand the way
 * MSVC's start code (vcruntime) drives it: this program has its own
 * entry point (-nostartfiles) and calls ucrtbase through the
 * api-ms-win-crt-* sets only.  It prints one line per step; the expected
 * output is what Microsoft documents for each call.
 *
 *   ucrt_startup [ARGS]          the whole protocol, ends with exit(7)
 *   ucrt_startup quick           quick_exit(5): only at_quick_exit runs
 *   ucrt_startup abort           abort(): fast fail, 0xC0000409
 *   ucrt_startup abort3          abort() without _CALL_REPORTFAULT: 3
 *   ucrt_startup badparam        strcpy_s overflow, no handler: 0xC0000409
 *   ucrt_startup initfail        _initterm_e stops at a failing initialiser
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <process.h>
#include <corecrt_startup.h>
#include <windows.h>

/* What the UCRT exports and mingw-w64's headers leave out. */
#define CONSOLE_APP 1          /* _crt_console_app */
#define ARGV_UNEXPANDED 1      /* _crt_argv_unexpanded_arguments */
_CRTIMP void __cdecl _initterm(_PVFV *first, _PVFV *last);
_CRTIMP int __cdecl _initterm_e(_PIFV *first, _PIFV *last);
_CRTIMP int __cdecl _configure_narrow_argv(int mode);
_CRTIMP int __cdecl _initialize_narrow_environment(void);
_CRTIMP char **__cdecl _get_initial_narrow_environment(void);
_CRTIMP char *__cdecl _get_narrow_winmain_command_line(void);
_CRTIMP void __cdecl _set_app_type(int type);
_CRTIMP int __cdecl _seh_filter_exe(unsigned long code, EXCEPTION_POINTERS *p);
_CRTIMP void __cdecl _register_thread_local_exe_atexit_callback(PIMAGE_TLS_CALLBACK cb);
_CRTIMP int *__cdecl __p___argc(void);
_CRTIMP char ***__p___argv(void);
_CRTIMP unsigned int __cdecl _set_abort_behavior(unsigned int flags, unsigned int mask);

static int order;

static void __cdecl init_a(void) { printf("initterm: a (%d)\n", ++order); }
static void __cdecl init_b(void) { printf("initterm: b (%d)\n", ++order); }
static int __cdecl init_ok(void) { printf("initterm_e: ok\n"); return 0; }
static int __cdecl init_fail(void) { printf("initterm_e: fails with 42\n"); return 42; }
static int __cdecl init_never(void) { printf("initterm_e: never runs\n"); return 0; }

static void __cdecl at_first(void) { printf("atexit: registered first, runs last\n"); }
static void __cdecl at_second(void)
{
    printf("atexit: registered second, runs first\n");
    fflush(stdout);
}
static void __cdecl at_quick(void) { printf("at_quick_exit: runs\n"); fflush(stdout); }
static int __cdecl module_1(void) { printf("onexit table: 1\n"); return 0; }
static int __cdecl module_2(void) { printf("onexit table: 2\n"); return 0; }

static void NTAPI tls_dtors(PVOID module, DWORD reason, PVOID reserved)
{
    printf("thread_local callback: reason %lu, before atexit\n", reason);
}

static void segv_handler(int sig) { printf("signal handler: %d\n", sig); }

static void protocol_steps(void)
{
    static _PVFV inits[] = { init_a, NULL, init_b };
    static _PIFV inits_e[] = { init_ok, NULL, init_ok };
    _onexit_table_t table = { 0 };
    EXCEPTION_RECORD rec = { .ExceptionCode = EXCEPTION_ACCESS_VIOLATION };
    EXCEPTION_POINTERS ptrs = { &rec, NULL };

    _initterm(inits, inits + 3);
    printf("_initterm_e: %d\n", _initterm_e(inits_e, inits_e + 3));
    printf("_initialize_onexit_table: %d\n", _initialize_onexit_table(&table));
    _register_onexit_function(&table, module_1);
    _register_onexit_function(&table, module_2);
    printf("_execute_onexit_table: %d\n", _execute_onexit_table(&table));
    printf("again: %d, table empty: %d\n", _execute_onexit_table(&table),
           table._first == table._last);
    printf("_seh_filter_exe, no handler: %d\n", _seh_filter_exe(EXCEPTION_ACCESS_VIOLATION, &ptrs));
    signal(SIGSEGV, segv_handler);
    printf("_seh_filter_exe, handler: %d\n", _seh_filter_exe(EXCEPTION_ACCESS_VIOLATION, &ptrs));
    printf("handler reset to SIG_DFL: %d\n", signal(SIGSEGV, SIG_DFL) == SIG_DFL);
    printf("_seh_filter_exe, other code: %d\n", _seh_filter_exe(0xE0000001, &ptrs));
}

static void arguments(void)
{
    int argc = *__p___argc();
    char **argv = *__p___argv(), **envp = _get_initial_narrow_environment();
    int found = 0;

    printf("argc %d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("argv[%d] [%s]\n", i, argv[i]);
    printf("argv[argc] NULL: %d\n", argv[argc] == NULL);
    for (char **e = envp; *e; e++)
        found |= !strcmp(*e, "LSW_TEST_VAR=ucrt");
    printf("environment has LSW_TEST_VAR=ucrt: %d\n", found);
    printf("winmain command line [%s]\n", _get_narrow_winmain_command_line());
}

static int invalid_seen;

static void __cdecl on_invalid(const wchar_t *e, const wchar_t *f, const wchar_t *file,
                               unsigned line, uintptr_t r)
{
    invalid_seen++;
}

static void invalid_parameters(int with_handler)
{
    char small[4] = "abc";
    int r;

    if (with_handler)
        _set_invalid_parameter_handler(on_invalid);
    printf("strcpy_s too long:\n");
    fflush(stdout);
    r = strcpy_s(small, sizeof(small), "toolong");
    printf("  %d, handler called %d times, buffer [%s]\n", r, invalid_seen, small);
}

static int run(const char *mode)
{
    static _PIFV failing[] = { init_ok, init_fail, init_never };

    if (!strcmp(mode, "quick")) {
        _crt_atexit(at_first);
        _crt_at_quick_exit(at_quick);
        quick_exit(5);
    }
    if (!strcmp(mode, "abort") || !strcmp(mode, "abort3")) {
        if (mode[5])
            printf("_set_abort_behavior: old %u\n", _set_abort_behavior(0, _CALL_REPORTFAULT));
        _crt_atexit(at_first);
        fflush(stdout);
        abort();
    }
    if (!strcmp(mode, "badparam")) {
        invalid_parameters(0);
        return 1;
    }
    if (!strcmp(mode, "initfail")) {
        printf("_initterm_e: %d\n", _initterm_e(failing, failing + 3));
        return 0;
    }
    return -1;
}

int mainCRTStartup(void)
{
    int argc;

    _set_app_type(CONSOLE_APP);
    printf("_configure_narrow_argv: %d\n", _configure_narrow_argv(ARGV_UNEXPANDED));
    printf("_initialize_narrow_environment: %d\n", _initialize_narrow_environment());
    argc = *__p___argc();
    if (argc > 1 && run((*__p___argv())[1]) >= 0)
        exit(0);
    arguments();
    protocol_steps();
    invalid_parameters(1);
    _register_thread_local_exe_atexit_callback(tls_dtors);
    printf("_crt_atexit: %d\n", _crt_atexit(at_first));
    printf("_crt_atexit: %d\n", _crt_atexit(at_second));
    fflush(stdout);
    exit(7);
}
