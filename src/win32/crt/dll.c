/* Old helpers around kernel32: _loaddll/_unloaddll/_getdllprocaddr,
 * _beep, _seterrormode, and the /GS failure report. */
#include "crt_internal.h"

K32 HANDLE LoadLibraryA(const char *);
K32 BOOL FreeLibrary(HANDLE);
K32 void *GetProcAddress(HANDLE, const char *);
K32 BOOL Beep(DWORD, DWORD);
K32 UINT SetErrorMode(UINT);

CRTAPI intptr_t _loaddll(const char *name) { return (intptr_t)LoadLibraryA(name); }

CRTAPI int _unloaddll(intptr_t h)
{
    if (FreeLibrary((HANDLE)h))
        return 0;
    return (int)GetLastError();
}

/* By name, or by ordinal when name is NULL. */
CRTAPI void *_getdllprocaddr(intptr_t h, const char *name, intptr_t ordinal)
{
    if (name)
        return ordinal == -1 ? GetProcAddress((HANDLE)h, name) : NULL;
    return ordinal >= 0 && ordinal <= 0xFFFF
        ? GetProcAddress((HANDLE)h, (const char *)(uintptr_t)ordinal) : NULL;
}

CRTAPI void _beep(unsigned freq, unsigned ms) { Beep(freq, ms); }
CRTAPI void _seterrormode(int mode) { SetErrorMode((UINT)mode); }

/* A /GS stack cookie mismatch: fast fail with FAST_FAIL_STACK_COOKIE_CHECK_FAILURE. */
CRTAPI __attribute__((noreturn)) void __report_gsfailure(uintptr_t cookie)
{
    crt_fastfail(2);
}

CRTAPI void _crt_debugger_hook(int reserved) { }
