/* Setting up and tearing down the runtime, for the DllMain of each DLL
 * built from these sources: everything is ready on DLL_PROCESS_ATTACH,
 * before the program's own start-up code runs. */
#include "crt_internal.h"

void crt_process_attach(void)
{
    crt_lock_init();
    crt_ctype_init();
    crt_time_init();
    crt_args_init();
    crt_env_init();
    crt_fd_init();
    crt_stdio_init();
}

/* Reached from ExitProcess without exit(): flush what we can.  When the
 * process is terminating (reserved != NULL), other threads are gone and
 * taking locks could deadlock, so we only flush. */
void crt_process_detach(void)
{
    crt_stdio_flush_all();
}
