/* msvcrt's start-up entry points (mingw's crt2.o and old MSVC start code):
 * __getmainargs/__wgetmainargs hand out argc, argv and the environment;
 * the version variables and the application type. */
#include "crt/crt_internal.h"

CRTDATA unsigned int _osver, _winver, _winmajor, _winminor;
CRTDATA unsigned int _osplatform = 2;
static int app_type;

/* The version the program is told (GetVersion: 6.2 build 9200 without a
 * manifest saying otherwise), as msvcrt's start-up recorded it. */
void crt_version_init(void)
{
    DWORD v = GetVersion();

    _winmajor = v & 0xff;
    _winminor = v >> 8 & 0xff;
    _winver = _winmajor << 8 | _winminor;
    _osver = v >> 16 & 0x7fff;
}

typedef struct { int newmode; } startupinfo;

CRTAPI int __getmainargs(int *argc, char ***argv, char ***env, int wildcard,
                         startupinfo *si)
{
    crt_narrow_args(wildcard != 0);
    *argc = __argc;
    *argv = __argv;
    *env = _environ;
    return 0;
}

CRTAPI int __wgetmainargs(int *argc, wchar ***argv, wchar ***env,
                          int wildcard, startupinfo *si)
{
    crt_wide_args(wildcard != 0);
    crt_wenv_init();
    *argc = __argc;
    *argv = __wargv;
    *env = _wenviron;
    return 0;
}

CRTAPI void __set_app_type(int type) { app_type = type; }
CRTAPI int __getapp_type(void) { return app_type; }
