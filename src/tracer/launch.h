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

/* Starts the runtime in a fresh sandboxed child.  Returns 0 with its pid
 * and the setup socket, which becomes readable when the runtime hands
 * over its seccomp listener (or dies); or -1 after printing why. */
int launch_start(const struct launch_spec *spec, pid_t *pid, int *setup_fd);

/* What launch_receive found on a readable setup socket, if not the
 * listener's fd. */
#define LAUNCH_NOT_YET (-1)  /* nothing yet: wait on */
#define LAUNCH_GONE (-2)     /* closed without a message: the runtime died */
#define LAUNCH_BAD (-3)      /* a message that is not the listener (said why) */
/* The seccomp listener the runtime handed over, or one of the above.
 * Never waits. */
int launch_receive(int setup_fd);

#endif
