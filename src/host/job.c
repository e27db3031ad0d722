/*
 * Jobs: one per `lsw run`.  A job holds the sandbox view its processes
 * share (drives), the limits (the supervisor's refusals and the kernel's
 * wall behind them), the timeout, and the exit status lsw reports: the one
 * of the process the job started with.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include "emul/net/socket.h"
#include "emul/io/path.h"
#include "emul/object/object_names.h"
#include "emul/observer.h"
#include "emul/process/process_object.h"
#include "host/host.h"

static void on_timeout(void *arg, uint32_t events)
{
	struct lsw_job *j = arg;

	(void)events;
	host_enter_job(j->host, j);
	j->timeout_timer = 0;
	j->timed_out = true;
	job_terminate(j, 0x102 /* STATUS_TIMEOUT */);
	fprintf(stderr, "lsw: timed out; killing the process\n");
}

struct lsw_job *job_create(struct lsw_host *h, const struct lsw_job_spec *spec)
{
	struct lsw_job *j = calloc(1, sizeof(*j));

	if (!j || !(j->view = path_view_new(h->cfg.prefix, h->cfg.dll_dir, spec))) {
		free(j);
		perror("lsw: job setup");
		return NULL;
	}
	j->host = h;
	j->spec = *spec;
	j->exit_code = 125; /* until its first process says otherwise */
	j->created_ns = loop_now_ns();
	limits_prepare(&j->wall, &spec->limits);
	if (spec->limits.report || lsw_debug)
		fprintf(stderr, "lsw: limits: %s\n", j->wall.how);
	if (spec->timeout_sec)
		j->timeout_timer = loop_add_timer(&h->loop, loop_now_ns() +
						  spec->timeout_sec * 1000000000ull, on_timeout, j);
	j->next = h->jobs;
	h->jobs = j;
	return j;
}

void job_terminate(struct lsw_job *j, uint32_t status)
{
	for (struct lsw_process *p = j->host->processes; p; p = p->next)
		if (p->job == j)
			process_terminate(p, status);
}

/* lsw's exit status for a process told to end: what its wait status
 * cannot change. */
static int exit_code_terminated(const struct lsw_job *j, const struct lsw_process *p)
{
	if (j->timed_out)
		return 124;
	if (p->forbidden)
		return 159;
	return (int)(p->exit_status & 0xFF);
}

bool job_exit_known(const struct lsw_job *j, const struct lsw_process *p, int *code)
{
	if (!p->terminated || p->notify_fd < 0 || p->win_pid != j->first_pid || j->nprocesses != 1)
		return false;
	*code = exit_code_terminated(j, p);
	return true;
}

/* lsw's exit status for a process that ended with wait status `status`. */
static int exit_code_of(struct lsw_job *j, struct lsw_process *p, int status)
{
	if (j->timed_out || p->forbidden || p->terminated)
		return exit_code_terminated(j, p);
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL &&
	    limits_memory_killed(&j->wall)) {
		fprintf(stderr, "lsw: the program ran out of memory (limit %llu MiB: --memory)\n",
			(unsigned long long)(j->spec.limits.commit >> 20));
		return LSW_STATUS_NO_MEMORY & 0xFF;
	}
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGSYS) {
		fprintf(stderr, "lsw: the sandbox killed the process: forbidden system call\n");
		return 159;
	}
	if (WIFSIGNALED(status)) {
		fprintf(stderr, "lsw: the process died of signal %d\n", WTERMSIG(status));
		return 128 + WTERMSIG(status);
	}
	fprintf(stderr, "lsw: the runtime exited with status %d during setup\n",
		WEXITSTATUS(status));
	return 125;
}

bool jobs_busy(const struct lsw_host *h)
{
	for (const struct lsw_job *j = h->jobs; j; j = j->next)
		if (j->nprocesses)
			return true;
	return false;
}

/* One process fewer: the job is over with its last, and so is what
 * watches it; with no job busy, so is the loop. */
static void job_lost_process(struct lsw_job *j)
{
	const struct nt_observer *o = j->spec.observer;

	if (j->nprocesses && --j->nprocesses)
		return;
	if (j->timeout_timer)
		loop_cancel_timer(&j->host->loop, j->timeout_timer);
	j->timeout_timer = 0;
	if (o && o->job_end && j->started)
		o->job_end(j->spec.observer_arg);
	if (j->host->job_over)
		j->host->job_over(j);
	else if (!jobs_busy(j->host))
		loop_stop(&j->host->loop);
}

void job_process_ended(struct lsw_job *j, struct lsw_process *p, int wait_status)
{
	int code;

	host_enter_job(j->host, j);
	process_ended(p, wait_status);
	code = exit_code_of(j, p, wait_status);
	if (p->win_pid == j->first_pid)
		j->exit_code = code;
	job_lost_process(j);
}

void job_start_failed(struct lsw_job *j, struct lsw_process *p)
{
	/* ended before it ran: by the timeout, Ctrl-C, or its setup failing */
	host_enter_job(j->host, j);
	if (p->win_pid == j->first_pid)
		j->exit_code = j->timed_out ? 124 : p->terminated ? (int)(p->exit_status & 0xFF) : 125;
	job_lost_process(j);
}

void job_free(struct lsw_job *j)
{
	process_objects_forget_run(j->host, j);
	if (j->timeout_timer)
		loop_cancel_timer(&j->host->loop, j->timeout_timer);
	limits_release(&j->wall);
	devmap_free(j);
	socket_netns_end(j);
	path_view_free(j->view);
	free(j);
}
