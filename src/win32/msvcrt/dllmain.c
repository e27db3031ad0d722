/* msvcrt.dll's entry point. */
#include "crt/crt_internal.h"

BOOL __attribute__((__stdcall__)) DllMain(HANDLE inst, DWORD reason,
                                          void *reserved)
{
    switch (reason) {
    case DLL_PROCESS_ATTACH:
        crt_process_attach();
        break;
    case DLL_THREAD_DETACH:
        crt_thread_detach();
        break;
    case DLL_PROCESS_DETACH:
        crt_process_detach();
        break;
    }
    return 1;
}
