#ifndef LSW_LAUNCH_H
#define LSW_LAUNCH_H

#include <stdbool.h>
#include <sys/types.h>

/* Starts the runtime in a fresh sandboxed child and receives its seccomp
 * listener.  netns: also give it an empty network namespace.  Returns 0,
 * or -1 after printing why. */
int launch_runtime(const char *runtime_path, bool netns, pid_t *pid, int *notify_fd);

#endif
