/* SystemProcessInformation (sysinfo_process.c). */
#ifndef LSW_SYSINFO_PROCESS_H
#define LSW_SYSINFO_PROCESS_H

#include "emul/emul.h"

#define SYSTEM_PROCESS_INFORMATION_CLASS 5

/* The NtQuerySystemInformation call c for that class. */
NTSTATUS sysinfo_process_list(struct nt_call *c);

#endif
