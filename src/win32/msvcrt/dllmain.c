/* DLL entry point: the whole CRT is set up on DLL_PROCESS_ATTACH, before
 * the program's own startup code calls __getmainargs. */
#include "crt_internal.h"

BOOL __attribute__((__stdcall__)) DllMain(HANDLE inst, DWORD reason,
                                          void *reserved)
{
    switch (reason) {
    case DLL_PROCESS_ATTACH:
        crt_lock_init();
        crt_ctype_init();
        crt_time_init();
        crt_args_init();
        crt_env_init();
        crt_fd_init();
        crt_stdio_init();
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
