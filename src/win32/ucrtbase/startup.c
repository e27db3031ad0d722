/* The UCRT's start-up protocol, as MSVC's (vcruntime) and mingw-w64's
 * start code drive it: _set_app_type, _configure_narrow_argv or
 * _configure_wide_argv, _initialize_narrow/wide_environment, then
 * __p___argc/__p___argv/_get_initial_narrow_environment for main's
 * arguments; _initterm/_initterm_e run the C and C++ initialisers (crt
 * args.c).  The process's arguments and environment exist from
 * DLL_PROCESS_ATTACH on; these calls choose which forms the program uses. */
#include "crt/crt_internal.h"

const int crt_ucrt = 1;

/* _crt_argv_mode */
#define ARGV_NONE 0
#define ARGV_UNEXPANDED 1
#define ARGV_EXPANDED 2

static int app_type;

/* Wildcard expansion (_crt_argv_expanded_arguments) is not done yet: the
 * arguments are passed as written, as with unexpanded arguments. */
static int configure_argv(int mode, void (*split)(int expand_wildcards))
{
    if (mode < ARGV_NONE || mode > ARGV_EXPANDED) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return EINVAL;
    }
    if (mode != ARGV_NONE)
        split(mode == ARGV_EXPANDED);
    return 0;
}

CRTAPI int _configure_narrow_argv(int mode)
{
    return configure_argv(mode, crt_narrow_args);
}

CRTAPI int _configure_wide_argv(int mode)
{
    return configure_argv(mode, crt_wide_args);
}

CRTAPI int _initialize_narrow_environment(void) { return _environ ? 0 : -1; }
CRTAPI int _initialize_wide_environment(void)
{
    crt_wenv_init();
    return _wenviron ? 0 : -1;
}
CRTAPI char **_get_initial_narrow_environment(void) { return __initenv; }
CRTAPI wchar **_get_initial_wide_environment(void) { return __winitenv; }

/* WinMain's lpCmdLine: the command line after the program name and the
 * blanks that follow it. */
static const void *after_program_name(const void *cmd, int w)
{
    size_t i = 0;
    int quoted = 0;
#define AT(k) (w ? ((const wchar *)cmd)[k] : ((const unsigned char *)cmd)[k])

    if (!cmd)
        return w ? (const void *)L"" : "";
    for (; AT(i) && (quoted || (AT(i) != ' ' && AT(i) != '\t')); i++)
        if (AT(i) == '"')
            quoted = !quoted;
    while (AT(i) == ' ' || AT(i) == '\t')
        i++;
#undef AT
    return (const char *)cmd + i * (w ? 2 : 1);
}

CRTAPI char *_get_narrow_winmain_command_line(void)
{
    return (char *)after_program_name(_acmdln, 0);
}

CRTAPI wchar *_get_wide_winmain_command_line(void)
{
    return (wchar *)after_program_name(_wcmdln, 1);
}

/* _crt_app_type: 0 unknown, 1 console, 2 GUI. */
CRTAPI void _set_app_type(int type) { app_type = type; }
CRTAPI int _query_app_type(void) { return app_type; }
