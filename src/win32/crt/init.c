/* The DllMain of each DLL built from these sources (msvcrt, ucrtbase):
 * the whole runtime is ready on DLL_PROCESS_ATTACH, before the program's
 * own start-up code runs. */
#include "crt_internal.h"

static void process_attach(void)
{
    crt_lock_init();
    crt_time_init();
    crt_args_init();
    crt_env_init();
    crt_fd_init();
    crt_stdio_init();
    crt_mbcp_init();
#ifndef CRT_UCRT
    crt_version_init();
#endif
}

BOOL __attribute__((__stdcall__)) DllMain(HANDLE inst, DWORD reason,
                                          void *reserved)
{
    switch (reason) {
    case DLL_PROCESS_ATTACH:
        process_attach();
        break;
    case DLL_THREAD_DETACH:
        crt_thread_detach();
        break;
    case DLL_PROCESS_DETACH:
        /* Reached from ExitProcess without exit(): flush what we can.
         * When the process is terminating (reserved != NULL), other
         * threads are gone and taking locks could deadlock, so we only
         * flush. */
        crt_stdio_flush_all();
        break;
    }
    return 1;
}
