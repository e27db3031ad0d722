/* msvcrt's start-up entry points (mingw's crt2.o and old MSVC start code):
 * __getmainargs/__wgetmainargs hand out argc, argv and the environment;
 * the version variables and the application type. */
#include "crt/crt_internal.h"

CRTDATA unsigned int _osver, _winver, _winmajor, _winminor;
CRTDATA unsigned int _osplatform = 2;
static int app_type;

typedef struct { int newmode; } startupinfo;

CRTAPI int __getmainargs(int *argc, char ***argv, char ***env, int wildcard,
                         startupinfo *si)
{
    crt_narrow_args();
    *argc = __argc;
    *argv = __argv;
    *env = _environ;
    return 0;
}

CRTAPI int __wgetmainargs(int *argc, wchar ***argv, wchar ***env,
                          int wildcard, startupinfo *si)
{
    crt_wide_args();
    crt_wenv_init();
    *argc = __argc;
    *argv = __wargv;
    *env = _wenviron;
    return 0;
}

CRTAPI void __set_app_type(int type) { app_type = type; }
CRTAPI int __getapp_type(void) { return app_type; }
