/* _beginthread, _beginthreadex, _endthread, _endthreadex over kernel32's
 * threads.  _beginthread's thread owns its handle: _endthread (or the
 * routine's return) closes it, as the documentation says; an
 * _beginthreadex handle is the caller's to close.  The module holding
 * the routine stays loaded while the thread runs (the UCRT takes a
 * reference on it): a DLL freed by its caller goes when the thread ends. */
#include "crt_internal.h"

#define CREATE_SUSPENDED 0x4
#define GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS 0x4

struct start {
    void (__cdecl *routine)(void *);
    unsigned (__stdcall *routine_ex)(void *);
    void *arg;
    HANDLE handle;
    HANDLE module;
};

CRTAPI void __cdecl _endthreadex(unsigned code);
CRTAPI void __cdecl _endthread(void);

static DWORD __attribute__((__stdcall__)) thunk(void *p)
{
    struct start s = *(struct start *)p;
    struct crt_thread *t = crt_thread_data();

    HeapFree(GetProcessHeap(), 0, p);
    t->thread_module = s.module;
    if (s.routine_ex)
        _endthreadex(s.routine_ex(s.arg));
    t->thread_handle = s.handle;
    s.routine(s.arg);
    _endthread();
    return 0;
}

/* A reference on the module that holds the routine (none for code
 * outside any module). */
static HANDLE pin_module(const void *routine)
{
    HANDLE mod = NULL;

    if (!GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, (const WCHAR *)routine, &mod))
        return NULL;
    return mod;
}

static HANDLE begin(struct start *s, unsigned stack, unsigned flags, unsigned *tid)
{
    struct start *copy = HeapAlloc(GetProcessHeap(), 0, sizeof(*copy));
    HANDLE h;

    if (!copy) {
        crt_set_errno(ENOMEM);
        return NULL;
    }
    *copy = *s;
    copy->module = pin_module(s->routine ? (void *)s->routine : (void *)s->routine_ex);
    /* suspended until it knows its own handle (for _endthread) */
    h = CreateThread(NULL, stack, thunk, copy, flags | CREATE_SUSPENDED, (DWORD *)tid);
    if (!h) {
        crt_dosmaperr(GetLastError());
        if (copy->module)
            FreeLibrary(copy->module);
        HeapFree(GetProcessHeap(), 0, copy);
        return NULL;
    }
    copy->handle = h;
    if (!(flags & CREATE_SUSPENDED))
        ResumeThread(h);
    return h;
}

CRTAPI uintptr_t __cdecl _beginthreadex(void *security, unsigned stack,
                                 unsigned (__stdcall *routine)(void *), void *arg,
                                 unsigned flags, unsigned *tid)
{
    struct start s = { NULL, routine, arg, NULL, NULL };

    (void)security;
    if (!routine) {
        crt_set_errno(EINVAL);
        crt_invalid_parameter();
        return 0;
    }
    return (uintptr_t)begin(&s, stack, flags, tid);
}

CRTAPI uintptr_t __cdecl _beginthread(void (__cdecl *routine)(void *), unsigned stack, void *arg)
{
    struct start s = { routine, NULL, arg, NULL, NULL };
    HANDLE h;

    if (!routine) {
        crt_set_errno(EINVAL);
        crt_invalid_parameter();
        return (uintptr_t)-1;
    }
    h = begin(&s, stack, 0, NULL);
    return h ? (uintptr_t)h : (uintptr_t)-1;
}

/* Ends the thread, dropping the reference on its routine's module. */
static __attribute__((noreturn)) void end_thread(unsigned code)
{
    HANDLE mod = crt_thread_data()->thread_module;

    if (mod)
        FreeLibraryAndExitThread(mod, code);
    ExitThread(code);
}

CRTAPI void __cdecl _endthreadex(unsigned code)
{
    end_thread(code);
}

CRTAPI void __cdecl _endthread(void)
{
    HANDLE h = crt_thread_data()->thread_handle;

    if (h)
        CloseHandle(h);
    end_thread(0);
}
