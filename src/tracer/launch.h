#ifndef LSW_LAUNCH_H
#define LSW_LAUNCH_H

#include <stdbool.h>
#include <sys/types.h>
#include "tracer/resource_limits.h"

struct launch_spec {
	const char *runtime_path;
	bool netns;                   /* also an empty network namespace */
	const struct limits_wall *wall; /* made by limits_prepare */
	const struct lsw_limits *limits;
};

/* Starts the runtime in a fresh sandboxed child and receives its seccomp
 * listener.  Returns 0, or -1 after printing why. */
int launch_runtime(const struct launch_spec *spec, pid_t *pid, int *notify_fd);

#endif
