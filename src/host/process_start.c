/*
 * Starting a process: its record is made from the spec, its runtime is
 * launched in the job's sandbox (tracer/launch.c), and the loop goes on
 * serving everyone else while the runtime sets up: its handover of the
 * seccomp listener is an event like any other (the setup socket becomes
 * readable), with a deadline.  From then on the loop serves the process's
 * notifications; its pidfd tells its end, during setup or after.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "host/host.h"
#include "host/runtime_pool.h"
#include "host/thread_ids.h"
#include "tracer/launch.h"
#include "tracer/notify.h"

/* A runtime has this long to hand over its listener. */
#define HANDOVER_DEADLINE_NS (10 * 1000000000ull)

/* The handover is over, one way or the other. */
static void setup_over(struct lsw_process *p)
{
	if (p->setup_fd >= 0) {
		loop_unwatch(&p->host->loop, p->setup_fd);
		close(p->setup_fd);
		p->setup_fd = -1;
	}
	if (p->setup_timer)
		loop_cancel_timer(&p->host->loop, p->setup_timer);
	p->setup_timer = 0;
}

/* The start failed (said why): the runtime goes, its pidfd reports it. */
static void setup_fail(struct lsw_process *p)
{
	setup_over(p);
	p->setup_failed = true;
	kill(p->pid, SIGKILL);
}

/* Its record goes with whatever its threads still waited for. */
static void process_gone(struct lsw_process *p)
{
	thread_ids_forget(p);
	process_free(p);
}

/* The process is gone: reaped, told to its job, freed. */
static void on_exit_pidfd(void *arg, uint32_t events)
{
	struct lsw_process *p = arg;
	struct lsw_host *h = p->host;
	struct loop *l = &h->loop;
	bool in_setup = p->notify_fd < 0;
	struct rusage ru;
	int status = 0;

	(void)events;
	host_enter_job(p->host, p->job);
	if (wait4(p->pid, &status, WNOHANG, &ru) != p->pid)
		return;
	/* what GetProcessTimes answers once it has ended */
	p->end_user_100ns = (uint64_t)ru.ru_utime.tv_sec * 10000000 + (uint64_t)ru.ru_utime.tv_usec * 10;
	p->end_kernel_100ns = (uint64_t)ru.ru_stime.tv_sec * 10000000 + (uint64_t)ru.ru_stime.tv_usec * 10;
	loop_unwatch(l, p->pidfd);
	close(p->pidfd);
	p->pidfd = -1;
	if (!in_setup) {
		lsw_timeline(p->job, p->win_pid, "reaped");
		fastcall_report(h);
		loop_unwatch(l, p->notify_fd);
		close(p->notify_fd);
		p->notify_fd = -1;
		job_process_ended(p->job, p, status);
		process_gone(p);
		if (h->pool) /* after the run's end or the parent's wait is told */
			pool_fill_when_idle(h->pool);
		return;
	}
	if (!p->setup_failed && !p->terminated) /* else it was said, or asked for */
		fprintf(stderr, "lsw: the runtime exited during setup (%s %d)\n",
			WIFEXITED(status) ? "status" : "signal",
			WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
	setup_over(p);
	p->reaped = true;
	job_start_failed(p->job, p);
	process_gone(p);
}

static void on_handover_deadline(void *arg, uint32_t events)
{
	struct lsw_process *p = arg;

	(void)events;
	p->setup_timer = 0;
	fprintf(stderr, "lsw: the runtime did not hand over its seccomp listener\n");
	setup_fail(p);
}

/* From now on the loop serves fd, p's seccomp listener: 0, or -1 (said
 * why; fd is closed). */
static int serve_listener(struct lsw_process *p, int fd)
{
	p->notify_fd = fd;
	p->main_thread.tid = p->pid;
	if (notify_set_sync_wakeup(fd) < 0)
		lsw_log("no SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP: slower round trips");
	if (loop_watch(&p->host->loop, fd, EPOLLIN, serve_notification, p) < 0) {
		perror("lsw: supervisor setup");
		p->notify_fd = -1;
		close(fd);
		return -1;
	}
	p->job->started = true;
	return 0;
}

/* The runtime's listener, then its notifications. */
static void on_handover(void *arg, uint32_t events)
{
	struct lsw_process *p = arg;
	int fd = launch_receive(p->setup_fd);

	(void)events;
	if (fd == LAUNCH_NOT_YET)
		return;
	if (fd == LAUNCH_GONE) {
		setup_over(p); /* it died: its pidfd says how */
		return;
	}
	if (fd < 0) {
		setup_fail(p);
		return;
	}
	setup_over(p);
	lsw_timeline(p->job, p->win_pid, "the runtime handed over its listener");
	if (serve_listener(p, fd) < 0)
		setup_fail(p);
}

/* Watches the setup socket, the deadline and the process's end. */
static int watch_start(struct lsw_process *p)
{
	struct loop *l = &p->host->loop;

	p->pidfd = (int)syscall(SYS_pidfd_open, p->pid, 0);
	if (p->pidfd < 0 || loop_watch(l, p->pidfd, EPOLLIN, on_exit_pidfd, p) < 0)
		return -1;
	p->setup_timer = loop_add_timer(l, loop_now_ns() + HANDOVER_DEADLINE_NS,
					on_handover_deadline, p);
	if (!p->setup_timer || loop_watch(l, p->setup_fd, EPOLLIN, on_handover, p) < 0)
		return -1;
	return 0;
}

/* p takes a pre-started runtime of the pool, its job's wall now around
 * it: true, or false (p is untouched: launch one). */
static bool adopt_spare(struct lsw_process *p)
{
	struct lsw_host *h = p->host;
	int fd, pidfd;

	if (!h->pool || pool_take(h->pool, p->job, &p->pid, &fd, &pidfd, &p->vad_seed) < 0)
		return false;
	lsw_timeline(p->job, p->win_pid, "took a pre-started runtime");
	p->pidfd = pidfd;
	if (loop_watch(&h->loop, pidfd, EPOLLIN, on_exit_pidfd, p) < 0) {
		perror("lsw: supervisor setup");
		kill(p->pid, SIGKILL);
		waitpid(p->pid, NULL, 0);
		close(fd);
		close(pidfd);
		p->pidfd = -1;
		p->reaped = true;
		return true;
	}
	if (serve_listener(p, fd) < 0)
		setup_fail(p);
	return true; /* its place is filled when a process ends, not now:
		      * launching one would hold this start up */
}

struct lsw_process *host_start_process(struct lsw_host *h, const struct lsw_process_spec *spec)
{
	struct lsw_job *j = spec->job;
	struct launch_spec ls = { h->cfg.runtime_path, j->spec.netns, &j->wall, &j->spec.limits };
	struct lsw_process *p = process_new(h, spec);

	if (!p) {
		perror("lsw: process setup");
		return NULL;
	}
	if (adopt_spare(p)) {
		if (!p->reaped)
			return p;
		job_start_failed(j, p);
		process_free(p);
		return NULL;
	}
	lsw_timeline(p->job, p->win_pid, "launching a runtime");
	if (launch_start(&ls, &p->pid, &p->setup_fd) < 0) {
		p->reaped = true; /* there is no process */
		job_start_failed(j, p);
		process_free(p);
		return NULL;
	}
	if (watch_start(p) < 0) {
		perror("lsw: supervisor setup");
		if (p->pidfd >= 0) {
			loop_unwatch(&h->loop, p->pidfd);
			close(p->pidfd);
		}
		setup_over(p);
		kill(p->pid, SIGKILL);
		waitpid(p->pid, NULL, 0);
		p->reaped = true;
		job_start_failed(j, p);
		process_free(p);
		return NULL;
	}
	return p;
}
