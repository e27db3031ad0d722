/*
 * Pre-started runtimes (lswhost): a spare is launched as any process is
 * (tracer/launch.c: its namespaces, no capabilities, no host fd, the
 * seccomp filter installed), hands over its listener and then waits in its
 * first call (the hello) that nobody answers yet.  A new process of a job
 * takes a spare instead of launching one: the job's wall is put around
 * it first (its cgroup, or CPU affinity; its memory and thread rlimits),
 * then its listener is served, so the hello that maps ntdll and the
 * program comes after, and the job's view and prefix apply from the first
 * call as for any process.  Where the wall cannot be applied (or the job
 * wants a network namespace of its own, which is made before exec), the
 * spare is killed and the process launched the ordinary way.
 *
 * What a spare does not get from its job: the pages of the runtime itself,
 * charged to lswhost's cgroup before it moved (the kernel does not move
 * charges).
 */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "host/runtime_pool.h"
#include "emul/memory/memory.h"
#include "tracer/launch.h"

/* Runs of one prefix mostly come one after another (a build's steps, a
 * test suite): two spares cover a run and the child it starts. */
#define POOL_SIZE 2
/* After a spare died on its own, a pause before the next (no fork loop). */
#define RETRY_NS (1000 * 1000000ull)

struct spare {
	struct runtime_pool *pool;
	pid_t pid;                /* 0: the slot is empty */
	int setup_fd, notify_fd, pidfd;
	bool hello_watched;       /* notify_fd watched until its hello waits */
	struct vad_seed *seed;    /* its ranges, read while its hello waits */
};

struct runtime_pool {
	struct lsw_host *h;
	struct spare spares[POOL_SIZE];
	struct limits_wall wall;  /* none: a spare joins its job's later */
	struct lsw_limits limits; /* the defaults, until its job's are set */
	uint64_t retry_timer;
};

static void spare_clear(struct spare *s)
{
	struct loop *l = &s->pool->h->loop;

	if (s->setup_fd >= 0) {
		loop_unwatch(l, s->setup_fd);
		close(s->setup_fd);
	}
	if (s->pidfd >= 0) {
		loop_unwatch(l, s->pidfd);
		close(s->pidfd);
	}
	if (s->notify_fd >= 0) {
		if (s->hello_watched)
			loop_unwatch(l, s->notify_fd);
		close(s->notify_fd);
	}
	free(s->seed);
	*s = (struct spare){ s->pool, 0, -1, -1, -1, false, NULL };
}

static void on_retry(void *arg, uint32_t events)
{
	struct runtime_pool *pool = arg;

	(void)events;
	pool->retry_timer = 0;
	pool_fill(pool);
}

/* A spare died before it was taken (killed, or it failed its setup). */
static void on_spare_exit(void *arg, uint32_t events)
{
	struct spare *s = arg;
	struct runtime_pool *pool = s->pool;

	(void)events;
	if (waitpid(s->pid, NULL, WNOHANG) != s->pid)
		return;
	spare_clear(s);
	if (!pool->retry_timer)
		pool->retry_timer = loop_add_timer(&pool->h->loop, loop_now_ns() + RETRY_NS,
						   on_retry, pool);
}

/* Its hello waits (its listener is readable): the address space the
 * hello will find is there now, read off the path of the start that
 * takes it.  Nothing is taken from the listener. */
static void on_spare_hello(void *arg, uint32_t events)
{
	struct spare *s = arg;

	(void)events;
	loop_unwatch(&s->pool->h->loop, s->notify_fd);
	s->hello_watched = false;
	if ((s->seed = malloc(sizeof(*s->seed))) && vad_seed_read(s->pid, s->seed) < 0) {
		free(s->seed); /* the hello reads them itself */
		s->seed = NULL;
	}
}

static void on_spare_handover(void *arg, uint32_t events)
{
	struct spare *s = arg;
	struct loop *l = &s->pool->h->loop;
	int fd = launch_receive(s->setup_fd);

	(void)events;
	if (fd == LAUNCH_NOT_YET)
		return;
	loop_unwatch(l, s->setup_fd);
	close(s->setup_fd);
	s->setup_fd = -1;
	if (fd < 0) { /* gone or malformed: its pidfd tells the end */
		kill(s->pid, SIGKILL);
		return;
	}
	s->notify_fd = fd;
	s->hello_watched = loop_watch(l, fd, EPOLLIN, on_spare_hello, s) == 0;
}

static void spare_launch(struct runtime_pool *pool, struct spare *s)
{
	struct loop *l = &pool->h->loop;
	struct launch_spec ls = { pool->h->cfg.runtime_path, false, &pool->wall, &pool->limits };

	if (launch_start(&ls, &s->pid, &s->setup_fd) < 0) {
		spare_clear(s);
		return;
	}
	s->pidfd = (int)syscall(SYS_pidfd_open, s->pid, 0);
	if (s->pidfd < 0 || loop_watch(l, s->pidfd, EPOLLIN, on_spare_exit, s) < 0 ||
	    loop_watch(l, s->setup_fd, EPOLLIN, on_spare_handover, s) < 0) {
		kill(s->pid, SIGKILL);
		waitpid(s->pid, NULL, 0);
		spare_clear(s);
	}
}

struct runtime_pool *pool_new(struct lsw_host *h)
{
	struct runtime_pool *pool = calloc(1, sizeof(*pool));
	struct limits_wall first;

	if (!pool)
		return NULL;
	pool->h = h;
	pool->wall.procs_fd = -1;
	limits_default(&pool->limits);
	/* where lswhost must move into a cgroup leaf of its own to make its
	 * jobs' groups (resource_limits.c), it does so now, alone: spares
	 * in its group would stop the move at its first job */
	limits_prepare(&first, &pool->limits);
	limits_release(&first);
	for (int i = 0; i < POOL_SIZE; i++)
		pool->spares[i] = (struct spare){ pool, 0, -1, -1, -1, false, NULL };
	return pool;
}

void pool_fill(struct runtime_pool *pool)
{
	for (int i = 0; i < POOL_SIZE && !pool->retry_timer; i++)
		if (!pool->spares[i].pid)
			spare_launch(pool, &pool->spares[i]);
}

static void on_idle(void *arg, uint32_t events)
{
	(void)events;
	pool_fill(arg);
}

void pool_fill_when_idle(struct runtime_pool *pool)
{
	if (loop_when_idle(&pool->h->loop, on_idle, pool) < 0)
		pool_fill(pool);
}

/* Whether pid lives in a user namespace other than ours (then its
 * RLIMIT_NPROC counts its own threads alone, as launch.c sets it). */
static bool own_userns(pid_t pid)
{
	char path[64];
	struct stat mine, its;

	snprintf(path, sizeof(path), "/proc/%d/ns/user", (int)pid);
	return stat("/proc/self/ns/user", &mine) == 0 && stat(path, &its) == 0 &&
	       (mine.st_ino != its.st_ino || mine.st_dev != its.st_dev);
}

/* Whole CPUs, the first ones lswhost may use (as launch.c's child does). */
static int set_cpus(pid_t pid, unsigned cpus_milli)
{
	cpu_set_t have, keep;
	unsigned want = (cpus_milli + 999) / 1000, n = 0;

	if (sched_getaffinity(0, sizeof(have), &have) < 0)
		return -1;
	CPU_ZERO(&keep);
	for (int c = 0; c < CPU_SETSIZE && n < want; c++)
		if (CPU_ISSET(c, &have)) {
			CPU_SET(c, &keep);
			n++;
		}
	return sched_setaffinity(pid, sizeof(keep), &keep);
}

/* The job's wall around spare pid, as launch.c's child puts it around
 * itself: 0; 1 when it cannot be and the spare is as it was (it stays
 * for another job); -1 when it failed half way (the spare must go).  The
 * rlimits a spare started with (the defaults) are changed only for a job
 * that wants others: prlimit of another uid's process (lswhost as root,
 * the spare nobody) needs CAP_SYS_RESOURCE, and raising a hard limit
 * always does. */
static int apply_wall(pid_t pid, const struct lsw_job *j, const struct lsw_limits *had)
{
	const struct lsw_limits *l = &j->spec.limits;
	struct rlimit data = { l->commit + LIMITS_MEMORY_SLACK, l->commit + LIMITS_MEMORY_SLACK };
	struct rlimit nproc = { l->threads + LIMITS_THREAD_SLACK, l->threads + LIMITS_THREAD_SLACK };
	char num[24];
	int n = snprintf(num, sizeof(num), "%d", (int)pid);

	if (l->commit != had->commit || l->threads != had->threads) {
		if (prlimit(pid, RLIMIT_DATA, &data, NULL) < 0)
			return 1;
		if (own_userns(pid) && prlimit(pid, RLIMIT_NPROC, &nproc, NULL) < 0)
			return -1;
	}
	if (j->wall.procs_fd >= 0)
		return write(j->wall.procs_fd, num, (size_t)n) == n ? 0 : -1;
	return l->cpus_milli && set_cpus(pid, l->cpus_milli) < 0 ? -1 : 0;
}

int pool_take(struct runtime_pool *pool, const struct lsw_job *j, pid_t *pid, int *notify_fd,
	      int *pidfd, struct vad_seed **seed)
{
	struct loop *l = &pool->h->loop;

	if (j->spec.netns)
		return -1;
	for (int i = 0; i < POOL_SIZE; i++) {
		struct spare *s = &pool->spares[i];

		if (!s->pid || s->notify_fd < 0)
			continue;
		int r = apply_wall(s->pid, j, &pool->limits);

		if (r < 0)
			kill(s->pid, SIGKILL); /* its pidfd reaps it */
		if (r)
			return -1;
		loop_unwatch(l, s->pidfd);
		if (s->hello_watched)
			loop_unwatch(l, s->notify_fd);
		*pid = s->pid;
		*notify_fd = s->notify_fd;
		*pidfd = s->pidfd;
		*seed = s->seed;
		*s = (struct spare){ pool, 0, -1, -1, -1, false, NULL };
		return 0;
	}
	return -1;
}

void pool_free(struct runtime_pool *pool)
{
	if (!pool)
		return;
	if (pool->retry_timer)
		loop_cancel_timer(&pool->h->loop, pool->retry_timer);
	loop_cancel_idle(&pool->h->loop, on_idle, pool);
	for (int i = 0; i < POOL_SIZE; i++) {
		struct spare *s = &pool->spares[i];

		if (!s->pid)
			continue;
		kill(s->pid, SIGKILL);
		waitpid(s->pid, NULL, 0);
		spare_clear(s);
	}
	free(pool);
}
