/*
 * lswhost's jobs: a RUN becomes a job of the host with its first process,
 * whose stdio are the client's own fds; the job's end is the client's
 * EXIT.  While the host serves a job, lsw's messages go to that client's
 * stderr and relative host paths resolve in its current directory (the
 * switch happens only when the job served changes).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "emul/process/console_ctrl.h"
#include "emul/process/params.h"
#include "emul/process/process_usage.h"
#include "emul/registry/registry.h"
#include "host/daemon.h"
#include "host/host.h"

/* The context of c's job (NULL: the daemon's own) becomes current. */
static void enter_conn(struct daemon *d, struct conn *c)
{
	int err = c && c->stderr_nb >= 0 ? c->stderr_nb : d->cfg->log_fd;
	int cwd = c ? c->job_fds[3] : d->root_fd;

	dup2(err, 2);
	if (cwd >= 0 && fchdir(cwd) < 0)
		daemon_log(d, "fchdir: %s", strerror(errno));
	if (c && c->rq.pwd)
		setenv("PWD", c->rq.pwd, 1);
	else
		unsetenv("PWD");
	lsw_debug = d->cfg->host.debug || (c && c->rq.debug);
	d->h->current_job = c ? c->job : NULL;
	d->current = c;
}

static void enter_job(struct lsw_job *j)
{
	enter_conn(j->host->owner, j->client);
}

static void unlink_job(struct lsw_host *h, struct lsw_job *j)
{
	for (struct lsw_job **pp = &h->jobs; *pp; pp = &(*pp)->next)
		if (*pp == j) {
			*pp = j->next;
			return;
		}
}

/* What goes before lsw run hears its exit status, in the job's context:
 * what the run changed is on disk when lsw run returns, as standalone
 * (lsw reg, the next standalone run see it). */
static void exit_prepare(struct conn *c)
{
	registry_flush_dirty(c->d->h);
	lsw_timeline(c->job, 0, "the exit status goes to lsw run");
}

static void exit_send(struct conn *c, int code)
{
	struct proto_writer w = { 0 };

	proto_put_u32(&w, (uint32_t)code);
	conn_send(c, PROTO_EXIT, &w);
	proto_writer_free(&w);
	c->exit_sent = true;
}

/* The job's last process, its first, was told to end: its exit status
 * is known now, and lsw run hears it without waiting for the runtime's
 * address space to be torn down and reaped (the job still ends at the
 * reap, which frees what it holds and closes its stdio). */
static void process_ending(struct lsw_process *p)
{
	struct conn *c = p->job ? p->job->client : NULL;
	int code;

	if (c && !c->exit_sent && c->fd >= 0 && job_exit_known(p->job, p, &code)) {
		host_enter_job(p->host, p->job);
		exit_prepare(c);
		exit_send(c, code);
	}
}

/* The run is over: its client hears the exit status (if it has not
 * yet), its job and fds go. */
static void finish(void *arg, uint32_t events)
{
	struct conn *c = arg;
	struct daemon *d = c->d;
	int code = c->job->exit_code;

	(void)events;
	host_enter_job(d->h, c->job);
	if (!c->exit_sent)
		exit_prepare(c);
	unlink_job(d->h, c->job);
	job_free(c->job);
	c->job = NULL;
	/* no copy of its stdio stays here once lsw run exits: whoever reads
	 * its output sees the end */
	daemon_release_run(c);
	if (!c->exit_sent)
		exit_send(c, code);
	conn_close(c);
	if (d->stopping && !d->h->jobs)
		loop_stop(&d->h->loop);
}

/* Called where the job lost its last process, which is still being
 * freed: the rest waits for the loop's next turn. */
static void job_over(struct lsw_job *j)
{
	struct conn *c = j->client;

	if (!loop_add_timer(&j->host->loop, loop_now_ns(), finish, c))
		finish(c, 0);
}

void daemon_release_run(struct conn *c)
{
	if (c->d->current == c)
		enter_conn(c->d, NULL); /* fd 2 is this client's stderr */
	for (int i = 0; i < PROTO_RUN_FDS; i++) {
		if (c->job_fds[i] >= 0)
			close(c->job_fds[i]);
		c->job_fds[i] = -1;
	}
	if (c->stderr_nb >= 0)
		close(c->stderr_nb);
	c->stderr_nb = -1;
	run_request_free(&c->rq);
}

void daemon_jobs_init(struct daemon *d)
{
	d->h->owner = d;
	d->h->job_over = job_over;
	d->h->enter_job = enter_job;
	d->h->process_ending = process_ending;
}

/* lsw's messages about the run must not stall the loop (host.c's
 * stderr_nonblocking, for the client's stderr). */
static int nonblocking_copy(int fd)
{
	int flags = fcntl(fd, F_GETFL);
	char path[64];
	struct stat st;

	if (flags < 0 || fstat(fd, &st) < 0)
		return -1;
	if ((flags & O_NONBLOCK) || !(S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)))
		return fcntl(fd, F_DUPFD_CLOEXEC, 3);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	int nb = open(path, (flags & O_ACCMODE) | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	return nb >= 0 ? nb : fcntl(fd, F_DUPFD_CLOEXEC, 3);
}

/* The fds that came with RUN: stdin, stdout, stderr, a directory, and
 * the terminal if the request says it has one. */
static const char *take_fds(struct conn *c)
{
	unsigned want = c->rq.job.has_console ? 5 : 4;
	struct stat st;

	if (c->nfds != want)
		return "RUN wants 4 file descriptors (stdin, stdout, stderr, current directory) "
		       "and the terminal's with a console";
	if (fstat(c->fds[3], &st) < 0 || !S_ISDIR(st.st_mode))
		return "RUN's fourth file descriptor is not a directory";
	if (want == 5 && (fstat(c->fds[4], &st) < 0 || !S_ISCHR(st.st_mode)))
		return "RUN's terminal is not a character device";
	for (unsigned i = 0; i < PROTO_RUN_FDS; i++)
		c->job_fds[i] = i < want ? c->fds[i] : -1;
	c->nfds = 0;
	c->rq.job.console_fd = c->job_fds[4];
	c->stderr_nb = nonblocking_copy(c->job_fds[2]);
	return NULL;
}

static void start_job(struct conn *c)
{
	struct daemon *d = c->d;
	struct lsw_process_spec ps = c->rq.proc;
	struct proto_writer w = { 0 };
	char **env = NULL;
	uint64_t asked = loop_now_ns();

	enter_conn(d, c);
	limits_default(&c->rq.job.limits);
	/* the client sent its options' environment: the rest is ours */
	if (d->cfg->job_env && (env = d->cfg->job_env(d->cfg->job_env_arg, c->rq.env)))
		ps.env = env;
	c->job = (env || !d->cfg->job_env) ? job_create(d->h, &c->rq.job) : NULL;
	if (c->job) { /* its timeline starts with the request */
		c->job->created_ns = asked;
		lsw_timeline(c->job, 0, "environment and job made");
	}
	if (!c->job) {
		proto_strv_free(env);
		enter_conn(d, NULL);
		conn_error(c, 125, "lsw: the job could not be set up");
		conn_close(c);
		return;
	}
	c->job->client = c;
	c->job_id = ++d->next_job_id;
	c->started = (uint64_t)time(NULL);
	d->h->current_job = c->job;
	ps.job = c->job;
	for (int i = 0; i < 3; i++)
		ps.std_fds[i] = c->job_fds[i];
	if (host_start_process(d->h, &ps)) {
		proto_put_u32(&w, c->job->first_pid);
		conn_send(c, PROTO_STARTED, &w);
		proto_writer_free(&w);
	} /* else the job is over already: finish() says how */
	proto_strv_free(env);
}

void daemon_run(struct conn *c, const uint8_t *payload, size_t size)
{
	char err[256];
	const char *why;

	if (c->d->stopping || c->d->retiring) {
		conn_error(c, PROTO_ERROR_STALE, "lswhost is stopping");
		conn_close(c);
		return;
	}
	if (run_request_decode(&c->rq, payload, size, err, sizeof(err)) < 0) {
		daemon_log(c->d, "client %d: %s", (int)c->peer_pid, err);
		conn_error(c, 125, "lswhost: %s", err);
		conn_close(c);
		return;
	}
	if ((why = take_fds(c))) {
		daemon_log(c->d, "client %d: %s", (int)c->peer_pid, why);
		conn_error(c, 125, "lswhost: %s", why);
		conn_close(c);
		return;
	}
	start_job(c);
}

static void signal_processes(struct lsw_job *j, int sig)
{
	for (struct lsw_process *p = j->host->processes; p; p = p->next)
		if (p->job == j && !p->reaped && p->pid > 0)
			kill(p->pid, sig);
}

/* What the client's terminal asked for, as lsw run's own host does it. */
void daemon_signal(struct conn *c, uint32_t signo)
{
	switch (signo) {
	case SIGINT: /* the console's Ctrl-C, to every process on it */
		console_ctrl_job(c->d->h, c->job, CTRL_C_EVENT, 0, NULL);
		return;
	case SIGQUIT: /* Ctrl-\: Ctrl-Break */
		console_ctrl_job(c->d->h, c->job, CTRL_BREAK_EVENT, 0, NULL);
		return;
	case SIGHUP: /* its terminal went away: the console's close */
		console_ctrl_close(c->d->h, c->job);
		return;
	case SIGTERM:
		job_terminate(c->job, LSW_STATUS_CONTROL_C_EXIT);
		return;
	case SIGTSTP:
		signal_processes(c->job, SIGSTOP);
		return;
	case SIGCONT:
		signal_processes(c->job, SIGCONT);
		return;
	}
	daemon_log(c->d, "client %d: ignoring signal %u", (int)c->peer_pid, signo);
}

void daemon_job_orphaned(struct conn *c)
{
	/* as a console's close ends its programs */
	job_terminate(c->job, LSW_STATUS_CONTROL_C_EXIT);
}

void daemon_terminate_all(struct daemon *d, uint32_t status)
{
	for (struct lsw_job *j = d->h->jobs; j; j = j->next)
		job_terminate(j, status);
}

static const char *state_of(const struct lsw_process *p)
{
	if (p->terminated)
		return "ending";
	return p->notify_fd < 0 ? "starting" : "running";
}

static void put_process(struct proto_writer *w, const struct lsw_process *p)
{
	const struct conn *c = p->job ? p->job->client : NULL;
	char *line = p->command_line ? NULL : params_quote_args(p->image_path, p->argv, p->argc);
	struct process_usage u = { 0 };

	proto_put_u32(w, p->win_pid);
	proto_put_u32(w, p->parent_pid); /* 0: a job's first process */
	proto_put_str(w, p->image_path);
	proto_put_str(w, p->command_line ? p->command_line : line ? line : p->image_path);
	proto_put_str(w, state_of(p));
	proto_put_u32(w, c ? c->job_id : 0);
	proto_put_u64(w, c ? c->started : 0);
	if (!p->reaped)
		process_usage_read(p->pid, &u);
	proto_put_u64(w, u.user_100ns + u.kernel_100ns);
	proto_put_u64(w, u.resident);
	free(line);
}

void daemon_ps(struct conn *c)
{
	struct proto_writer w = { 0 };
	uint32_t n = 0;

	for (struct lsw_process *p = c->d->h->processes; p; p = p->next)
		n++;
	proto_put_u32(&w, n);
	for (struct lsw_process *p = c->d->h->processes; p; p = p->next)
		put_process(&w, p);
	conn_send(c, PROTO_PS_LIST, &w);
	proto_writer_free(&w);
}

/* Whether p descends from the process whose id is root. */
static bool descends_from(const struct lsw_host *h, const struct lsw_process *p, uint32_t root)
{
	/* parent ids climb toward the job's first process (parent 0); a
	 * depth cap stops a cycle made by a reused id */
	for (unsigned depth = 0; p && p->parent_pid && depth < 4096; depth++) {
		const struct lsw_process *up = NULL;

		if (p->parent_pid == root)
			return true;
		for (const struct lsw_process *q = h->processes; q; q = q->next)
			if (q->win_pid == p->parent_pid)
				up = q;
		p = up;
	}
	return false;
}

/* KILL ends p (TerminateProcess) or raises a console event in it. */
static void kill_one(struct lsw_host *h, struct lsw_process *p, uint32_t code, uint32_t flags)
{
	host_enter_job(h, p->job);
	if (flags & PROTO_KILL_CTRL_C)
		console_ctrl_raise(p, CTRL_C_EVENT, NULL);
	else if (flags & PROTO_KILL_CTRL_BREAK)
		console_ctrl_raise(p, CTRL_BREAK_EVENT, NULL);
	else
		process_terminate(p, code);
}

void daemon_kill(struct conn *c, uint32_t pid, uint32_t code, uint32_t flags)
{
	struct lsw_host *h = c->d->h;
	struct lsw_process *root = NULL;
	unsigned n = 0;

	for (struct lsw_process *p = h->processes; p; p = p->next)
		if (p->win_pid == pid)
			root = p;
	if (!root) {
		conn_error(c, 1, "no process %u in this lswhost", pid);
		return;
	}
	/* the descendants first, while their parents still link them */
	for (struct lsw_process *p = h->processes; (flags & PROTO_KILL_TREE) && p; p = p->next)
		if (!p->terminated && descends_from(h, p, pid)) {
			kill_one(h, p, code, flags);
			n++;
		}
	kill_one(h, root, code, flags);
	daemon_log(c->d, "client %d: %s process %u and %u descendants (code %u)",
		   (int)c->peer_pid, flags & PROTO_KILL_CTRL_C ? "sent Ctrl-C to"
		   : flags & PROTO_KILL_CTRL_BREAK ? "sent Ctrl-Break to" : "terminated",
		   pid, n, code);
	conn_send(c, PROTO_OK, NULL);
}
