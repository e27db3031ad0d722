/*
 * Starting a process: its record is made from the spec, its runtime is
 * launched in the job's sandbox (tracer/launch.c) and hands over its
 * seccomp listener; from then on the loop serves its notifications and
 * watches for its end.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "host/host.h"
#include "tracer/launch.h"
#include "tracer/notify.h"

/* The process is gone: reaped, told to its job. */
static void on_exit_pidfd(void *arg, uint32_t events)
{
	struct lsw_process *p = arg;
	int status = 0;

	(void)events;
	if (waitpid(p->pid, &status, WNOHANG) != p->pid)
		return;
	loop_unwatch(&p->host->loop, p->pidfd);
	loop_unwatch(&p->host->loop, p->notify_fd);
	job_process_ended(p->job, p, status);
}

/* The runtime is up and its listener ours: serve it. */
static int serve_process(struct lsw_process *p)
{
	struct loop *l = &p->host->loop;

	p->main_thread.tid = p->pid;
	if (notify_set_sync_wakeup(p->notify_fd) < 0)
		lsw_log("no SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP: slower round trips");
	p->pidfd = (int)syscall(SYS_pidfd_open, p->pid, 0);
	if (p->pidfd < 0 || loop_watch(l, p->notify_fd, EPOLLIN, serve_notification, p) < 0 ||
	    loop_watch(l, p->pidfd, EPOLLIN, on_exit_pidfd, p) < 0) {
		perror("lsw: supervisor setup");
		return -1;
	}
	return 0;
}

int host_start_process(struct lsw_host *h, const struct lsw_process_spec *spec)
{
	struct lsw_job *j = spec->job;
	struct launch_spec ls = { h->cfg.runtime_path, j->spec.netns, &j->wall, &j->spec.limits };
	struct lsw_process *p = process_new(h, spec);

	if (!p) {
		perror("lsw: process setup");
		return -1;
	}
	if (launch_runtime(&ls, &p->pid, &p->notify_fd) < 0) {
		p->reaped = true; /* launch_runtime waited for it */
		job_start_failed(j, p);
		process_free(p);
		return -1;
	}
	if (serve_process(p) < 0) {
		kill(p->pid, SIGKILL);
		waitpid(p->pid, NULL, 0);
		p->reaped = true;
		job_start_failed(j, p);
		process_free(p);
		return -1;
	}
	j->started = true;
	return 0;
}
