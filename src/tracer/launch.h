#ifndef LSW_LAUNCH_H
#define LSW_LAUNCH_H

#include <sys/types.h>

/* Starts the runtime in a fresh sandboxed child and receives its seccomp
 * listener.  Returns 0, or -1 after printing why. */
int launch_runtime(const char *runtime_path, pid_t *pid, int *notify_fd);

#endif
