/*
 * The host's life: what its processes share is made at start (loop,
 * KUSER_SHARED_DATA, the prefix's identity key and registry), the loop
 * runs while any job has a process, and everything goes at the end.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/process/console_ctrl.h"
#include "emul/system/atom.h"
#include "emul/system/kuser.h"
#include "emul/registry/registry.h"
#include "emul/io/volume_ids.h"
#include "emul/object/object_names.h"
#include "host/host.h"
#include "host/thread_ids.h"

/* SIGINT to lsw is the console's Ctrl-C and SIGQUIT (Ctrl-\\) its
 * Ctrl-Break, for every process on it (their handlers, or the default
 * one's end); SIGHUP (the terminal went away) its close: CTRL_CLOSE_EVENT,
 * then the end after a grace period; SIGTERM ends them at once with exit
 * status 0xC000013A (STATUS_CONTROL_C_EXIT). */
static void on_signal(void *arg, uint32_t events)
{
	struct lsw_host *h = arg;
	struct signalfd_siginfo si;

	(void)events;
	if (read(h->signal_fd, &si, sizeof(si)) != sizeof(si))
		return;
	if (si.ssi_signo == SIGINT || si.ssi_signo == SIGQUIT) {
		for (struct lsw_job *j = h->jobs; j; j = j->next)
			console_ctrl_job(h, j, si.ssi_signo == SIGINT ? CTRL_C_EVENT : CTRL_BREAK_EVENT,
					 0, NULL);
		return;
	}
	if (si.ssi_signo == SIGHUP) {
		for (struct lsw_job *j = h->jobs; j; j = j->next)
			console_ctrl_close(h, j);
		return;
	}
	for (struct lsw_process *p = h->processes; p; p = p->next)
		process_terminate(p, LSW_STATUS_CONTROL_C_EXIT);
}

static int watch_signals(struct lsw_host *h)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGQUIT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	if (sigprocmask(SIG_BLOCK, &set, NULL) < 0)
		return -1;
	h->signal_fd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	if (h->signal_fd < 0)
		return -1;
	return loop_watch(&h->loop, h->signal_fd, EPOLLIN, on_signal, h);
}

/*
 * lsw's own messages must not stall the loop either (a pipe nobody reads
 * on stderr would hold even --timeout): stderr gets a description of its
 * own in non-blocking mode, so a message nobody can take is lost and the
 * run goes on.  Not when a trace goes to stderr: its lines are what the
 * user asked for, and they wait for the reader.
 */
static void stderr_nonblocking(const struct lsw_host_config *cfg)
{
	int flags = fcntl(2, F_GETFL), fd;
	struct stat st;

	if (flags < 0 || (flags & O_NONBLOCK) || fstat(2, &st) < 0 ||
	    !(S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) || cfg->stderr_blocking)
		return;
	fd = open("/proc/self/fd/2", (flags & O_ACCMODE) | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd >= 0) {
		dup2(fd, 2);
		close(fd);
	}
}

/* Every open Windows file handle holds a host fd here: a program may keep
 * thousands open, as on Windows, so use the whole hard limit (the Windows
 * process itself gets its own small limit in launch.c). */
static void raise_fd_limit(void)
{
	struct rlimit r;

	if (getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max) {
		r.rlim_cur = r.rlim_max;
		setrlimit(RLIMIT_NOFILE, &r);
	}
}

int host_init(struct lsw_host *h, const struct lsw_host_config *cfg)
{
	memset(h, 0, sizeof(*h));
	h->cfg = *cfg;
	h->signal_fd = -1;
	h->kuser.fd = -1;
	h->loop.epfd = h->loop.tfd = -1;
	h->start_process = host_start_process;
	lsw_debug = cfg->debug;
	lsw_debug_calls = getenv("LSW_DEBUG") && !strcmp(getenv("LSW_DEBUG"), "calls");
	signal(SIGPIPE, SIG_IGN);
	/* An ignored SIGCHLD (inherited through exec) would reap a child by
	 * itself, freeing its pid while we still reach memory through it. */
	signal(SIGCHLD, SIG_DFL);
	volume_ids_init(h);
	raise_fd_limit();
	stderr_nonblocking(cfg);
	if (loop_init(&h->loop) < 0 || kuser_init(&h->kuser, &h->loop) < 0 ||
	    watch_signals(h) < 0) {
		perror("lsw: supervisor setup");
		return -1;
	}
	registry_start(h);
	return 0;
}

int host_run(struct lsw_host *h)
{
	if (!jobs_busy(h))
		return 0;
	return loop_run(&h->loop);
}

void host_fini(struct lsw_host *h)
{
	while (h->processes) { /* none unless the loop stopped early */
		thread_ids_forget(h->processes);
		process_free(h->processes);
	}
	registry_stop(h);
	while (h->jobs) {
		struct lsw_job *j = h->jobs;

		h->jobs = j->next;
		job_free(j);
	}
	kuser_fini(&h->kuser);
	if (h->signal_fd >= 0)
		close(h->signal_fd);
	loop_fini(&h->loop);
	client_ids_free(&h->ids);
	object_namespace_free(h);
	atom_table_free(h);
	free(h->files.opens);
	free(h->files.locks);
}
