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

void crt_narrow_args(void)
{
    int argc;
    void **argv;

    if (__argv)
        return;
    argv = crt_split_cmdline(_acmdln, 0, &argc);
    if (!argv)
        _exit(255);     /* no memory for the arguments: nothing can run */
    __argc = argc;
    __argv = (char **)argv;
    _pgmptr = __argv[0];
}

void crt_wide_args(void)
{
    int argc;
    void **argv;

    if (__wargv)
        return;
    argv = crt_split_cmdline(_wcmdln, 1, &argc);
    if (!argv)
        _exit(255);
    __argc = argc;
    __wargv = (wchar **)argv;
    _wpgmptr = __wargv[0];
}

CRTAPI int *__p___argc(void) { return &__argc; }
CRTAPI char ***__p___argv(void) { crt_narrow_args(); return &__argv; }
CRTAPI wchar ***__p___wargv(void) { crt_wide_args(); return &__wargv; }
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

CRTAPI int _get_pgmptr(char **p) { crt_narrow_args(); return get_pointer((void **)p, _pgmptr); }
CRTAPI int _get_wpgmptr(wchar **p) { crt_wide_args(); return get_pointer((void **)p, _wpgmptr); }
