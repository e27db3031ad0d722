/* _beginthread, _beginthreadex, _endthread, _endthreadex over kernel32's
 * threads.  _beginthread's thread owns its handle: _endthread (or the
 * routine's return) closes it, as the documentation says; an
 * _beginthreadex handle is the caller's to close. */
#include "crt_internal.h"

#define CREATE_SUSPENDED 0x4

struct start {
    void (__cdecl *routine)(void *);
    unsigned (__stdcall *routine_ex)(void *);
    void *arg;
    HANDLE handle;
};

CRTAPI void __cdecl _endthreadex(unsigned code);
CRTAPI void __cdecl _endthread(void);

static DWORD __attribute__((__stdcall__)) thunk(void *p)
{
    struct start s = *(struct start *)p;

    HeapFree(GetProcessHeap(), 0, p);
    if (s.routine_ex)
        _endthreadex(s.routine_ex(s.arg));
    crt_thread_data()->thread_handle = s.handle;
    s.routine(s.arg);
    _endthread();
    return 0;
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
    /* suspended until it knows its own handle (for _endthread) */
    h = CreateThread(NULL, stack, thunk, copy, flags | CREATE_SUSPENDED, (DWORD *)tid);
    if (!h) {
        HeapFree(GetProcessHeap(), 0, copy);
        crt_dosmaperr(GetLastError());
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
    struct start s = { NULL, routine, arg, NULL };

    (void)security;
    if (!routine) {
        crt_set_errno(EINVAL);
        return 0;
    }
    return (uintptr_t)begin(&s, stack, flags, tid);
}

CRTAPI uintptr_t __cdecl _beginthread(void (__cdecl *routine)(void *), unsigned stack, void *arg)
{
    struct start s = { routine, NULL, arg, NULL };
    HANDLE h;

    if (!routine) {
        crt_set_errno(EINVAL);
        return (uintptr_t)-1;
    }
    h = begin(&s, stack, 0, NULL);
    return h ? (uintptr_t)h : (uintptr_t)-1;
}

CRTAPI void __cdecl _endthreadex(unsigned code)
{
    ExitThread(code);
}

CRTAPI void __cdecl _endthread(void)
{
    HANDLE h = crt_thread_data()->thread_handle;

    if (h)
        CloseHandle(h);
    ExitThread(0);
}
