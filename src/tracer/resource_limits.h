/*
 * The kernel's wall around one run (--memory, --pids, --cpus).  The
 * supervisor refuses first, the Windows way (STATUS_COMMITMENT_LIMIT from
 * memory.c, a failed NtCreateThreadEx in thread.c); this wall, set a little
 * above, holds what goes around the supervisor and ends the program.
 */
#ifndef LSW_RESOURCE_LIMITS_H
#define LSW_RESOURCE_LIMITS_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

/* What one run may use (--memory, --pids, --cpus).  The supervisor refuses
 * past them the Windows way; the wall below sits just above, for what goes
 * around the supervisor. */
struct lsw_limits {
	uint64_t commit;             /* bytes of committed memory */
	unsigned threads;            /* threads alive at once */
	unsigned cpus_milli;         /* CPU time in thousandths of a CPU; 0: all */
	uint64_t supervisor_memory;  /* bytes of pool quota per process (the
				      * supervisor's memory for it); 0: default */
	bool report;                 /* say which wall was applied (an option asked) */
};

/* Room above the supervisor's own limits for what the runtime maps and
 * the threads it is starting. */
#define LIMITS_MEMORY_SLACK (64ull << 20)
#define LIMITS_THREAD_SLACK 8u
/* The pool quota of a process unless --supervisor-memory says otherwise. */
#define LIMITS_DEFAULT_SUPERVISOR_MEMORY (64ull << 20)

struct limits_wall {
	char cgroup[PATH_MAX];   /* the run's own cgroup v2 directory, "" if none */
	int procs_fd;            /* its cgroup.procs, which the child joins; -1 */
	char how[512];           /* what was applied, in words */
};

/* Sets l's zero fields to the defaults: commit min(4 GiB, half the RAM),
 * 1024 threads, every CPU. */
void limits_default(struct lsw_limits *l);

/* In the parent, before the launch: makes the run's cgroup when a
 * delegated cgroup v2 subtree allows one.  Never fails: without a cgroup
 * the child falls back to rlimits.  w->how says which. */
void limits_prepare(struct limits_wall *w, const struct lsw_limits *l);

/* In the child, before exec (vfork: no allocation), first: joins the
 * run's cgroup, or limits the CPUs by affinity.  Returns 0 or -1. */
int limits_join(const struct limits_wall *w, const struct lsw_limits *l);
/* Then, once in its namespaces: RLIMIT_DATA, and RLIMIT_NPROC when the
 * child has a user namespace of its own.  Returns 0 or -1. */
int limits_set_rlimits(const struct lsw_limits *l, bool own_userns);

/* After the process is gone: whether the kernel's memory wall ended it. */
bool limits_memory_killed(const struct limits_wall *w);

/* Removes the run's cgroup, if any. */
void limits_release(struct limits_wall *w);

#endif
