/*
 * Pre-started runtimes for lswhost (runtime_pool.c): spares launched and
 * sandboxed ahead of need, each given its job's wall when a process takes
 * it, before any of its calls is served.
 */
#ifndef LSW_RUNTIME_POOL_H
#define LSW_RUNTIME_POOL_H

#include <sys/types.h>
#include "emul/emul.h"

struct runtime_pool;

/* An empty pool of h (pool_fill starts its spares); NULL without memory. */
struct runtime_pool *pool_new(struct lsw_host *h);
/* Launches spares into the empty places (they set up while the loop runs). */
void pool_fill(struct runtime_pool *pool);
/* The same, once the loop has nothing else to do: a launch blocks the
 * loop until the runtime is exec'd (vfork), which must not delay the
 * answer that ends a run or a wait. */
void pool_fill_when_idle(struct runtime_pool *pool);
/* A ready spare with job j's wall put around it: 0 with its pid, seccomp
 * listener and pidfd (no longer watched: the caller's now) and the
 * address ranges its hello will find (malloc'd; NULL: not read yet);
 * -1 if none is ready or the wall could not be applied (launch one
 * instead). */
struct vad_seed;
int pool_take(struct runtime_pool *pool, const struct lsw_job *j, pid_t *pid, int *notify_fd,
	      int *pidfd, struct vad_seed **seed);
/* Kills and reaps the spares. */
void pool_free(struct runtime_pool *pool);

#endif
