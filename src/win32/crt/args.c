/* Command line and argc/argv, split on first use, and the start-up helpers
 * both runtimes export (_initterm, the __p__ accessors). */
#include "crt_internal.h"

CRTDATA char *_acmdln;
CRTDATA wchar *_wcmdln;
CRTDATA int __argc;
CRTDATA char **__argv;
CRTDATA wchar **__wargv;
CRTDATA char *_pgmptr;
CRTDATA wchar *_wpgmptr;
CRTDATA int _fmode;
CRTDATA int _commode;

void crt_args_init(void)
{
    _acmdln = GetCommandLineA();
    _wcmdln = GetCommandLineW();
}

/* argv from the command line, wildcards expanded when asked; a failure
 * leaves nothing that could run. */
static void **split_args(const void *cmd, int wide, int expand, int *argc)
{
    const unsigned char *quoted;
    void **argv = crt_split_cmdline(cmd, wide, argc, &quoted), **expanded;

    if (!argv)
        _exit(255);     /* no memory for the arguments: nothing can run */
    if (expand && (expanded = crt_expand_wildcards(argv, argc, quoted, wide))) {
        free(argv);
        argv = expanded;
    }
    return argv;
}

/* The first call splits; an expanding call (__getmainargs with its
 * wildcard flag, _configure_*_argv(_crt_argv_expanded_arguments)) splits
 * and expands again each time, as the file system may have changed. */
void crt_narrow_args(int expand)
{
    if (__argv && !expand)
        return;
    __argv = (char **)split_args(_acmdln, 0, expand, &__argc);
    _pgmptr = __argv[0];
}

void crt_wide_args(int expand)
{
    if (__wargv && !expand)
        return;
    __wargv = (wchar **)split_args(_wcmdln, 1, expand, &__argc);
    _wpgmptr = __wargv[0];
}

CRTAPI int *__p___argc(void) { return &__argc; }
CRTAPI char ***__p___argv(void) { crt_narrow_args(0); return &__argv; }
CRTAPI wchar ***__p___wargv(void) { crt_wide_args(0); return &__wargv; }
CRTAPI char **__p__acmdln(void) { return &_acmdln; }
CRTAPI wchar **__p__wcmdln(void) { return &_wcmdln; }
CRTAPI int *__p__fmode(void) { return &_fmode; }
CRTAPI int *__p__commode(void) { return &_commode; }
CRTAPI char **__p__pgmptr(void) { return &_pgmptr; }
CRTAPI wchar **__p__wpgmptr(void) { return &_wpgmptr; }

CRTAPI int _set_fmode(int mode)
{
    if (mode != _O_TEXT && mode != _O_BINARY)
        return EINVAL;
    _fmode = mode;
    return 0;
}

CRTAPI int _get_fmode(int *mode)
{
    if (!mode)
        return EINVAL;
    *mode = _fmode;
    return 0;
}

typedef void (*vfn)(void);
typedef int (*ifn)(void);

CRTAPI void _initterm(vfn *start, vfn *end)
{
    for (; start < end; start++)
        if (*start)
            (*start)();
}

/* Stops at the first initialiser that returns non-zero, and returns it. */
CRTAPI int _initterm_e(ifn *start, ifn *end)
{
    int r = 0;

    for (; start < end && !r; start++)
        if (*start)
            r = (*start)();
    return r;
}

static int get_pointer(void **out, void *value)
{
    if (!out) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    *out = value;
    return 0;
}

CRTAPI int _get_pgmptr(char **p) { crt_narrow_args(0); return get_pointer((void **)p, _pgmptr); }
CRTAPI int _get_wpgmptr(wchar **p) { crt_wide_args(0); return get_pointer((void **)p, _wpgmptr); }
