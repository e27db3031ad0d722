/*
 * The embedded supervisor: starts the runtime, then serves notifications
 * from one epoll loop until the process is gone.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "emul/kuser.h"
#include "emul/memory.h"
#include "emul/object.h"
#include "emul/path.h"
#include "emul/registry.h"
#include "emul/thread.h"
#include "emul/volume_ids.h"
#include "tracer/launch.h"
#include "tracer/loop.h"
#include "tracer/notify.h"
#include "tracer/supervisor.h"
#include "tracer/thread_ids.h"
#include "tracer/trace.h"
#include "tracer/unwind.h"

static struct lsw_process proc;
static struct limits_wall wall;
static int exit_code = 125;
static bool timed_out;

/* An op the runtime could not carry out.  Past the kernel's wall (the
 * program went around the supervisor's own limits) that is the Windows
 * failure of running out; anything else is lsw's fault. */
static void on_fatal(struct lsw_thread *t, const struct seccomp_notif *n)
{
	long long op = (long long)n->data.args[1], err = (long long)n->data.args[2];
	const struct lsw_limits *l = &t->process->cfg->limits;

	if (err == -ENOMEM) {
		fprintf(stderr, "lsw: the program ran out of memory (limit %llu MiB: --memory)\n",
			(unsigned long long)(l->commit >> 20));
		process_terminate(t->process, LSW_STATUS_NO_MEMORY);
		return;
	}
	if (err == -EAGAIN) {
		fprintf(stderr, "lsw: the program reached its thread limit (%u: --pids)\n",
			l->threads);
		process_terminate(t->process, LSW_STATUS_INSUFFICIENT_RESOURCES);
		return;
	}
	fprintf(stderr, "lsw: the runtime could not carry out operation %lld (error %lld)\n",
		op, err);
	process_terminate(t->process, LSW_STATUS_UNSUCCESSFUL);
}

/* A DIRECT NT call, notified straight from the Windows code's syscall:
 * the NT arguments sit in the Linux argument registers r10, rdx, r8, r9. */
static void serve_direct(struct lsw_thread *t, const struct seccomp_notif *n)
{
	struct nt_call *c = &t->call;

	c->direct = true;
	c->number = (uint32_t)n->data.nr;
	c->args[0] = n->data.args[3];
	c->args[1] = n->data.args[2];
	c->args[2] = n->data.args[4];
	c->args[3] = n->data.args[5];
	c->rsp = 0;
	c->rip = n->data.instruction_pointer;
	if (!thread_call_refused(t))
		nt_dispatch(t);
}

static void serve(struct lsw_thread *t, const struct seccomp_notif *n)
{
	struct nt_call *c = &t->call;
	uint64_t req = n->data.args[0];
	NTSTATUS st;

	c->thread = t;
	c->notif_id = n->id;
	c->nops = 0;
	c->cancel = NULL;
	t->clone_block = 0; /* a clone only between an answer and the next call */
	t->alertable = false; /* an alertable wait says so itself */
	c->ops_overflow = false;
	t->busy = true;
	if (n->data.nr != LSW_GATE_NR) {
		serve_direct(t, n);
		return;
	}
	c->direct = false;
	c->rip = 0;
	c->row = NT_ROW_NOT_A_CALL;
	switch (LSW_REQ_KIND(req)) {
	case LSW_REQ_NT:
		c->number = (uint32_t)req;
		for (int i = 0; i < 4; i++)
			c->args[i] = n->data.args[i + 1];
		c->rsp = n->data.args[5];
		if (!thread_call_refused(t))
			nt_dispatch(t);
		return;
	case LSW_REQ_HELLO:
		st = process_hello(t, n->data.args[1], n->data.args[5]);
		break;
	case LSW_REQ_CONTINUE:
		st = process_continue(t);
		break;
	case LSW_REQ_THREAD_HELLO:
		st = thread_hello(t);
		break;
	case LSW_REQ_INTERRUPT:
		st = thread_interrupted(t);
		break;
	case LSW_REQ_FAULT:
		if (!thread_call_refused(t))
			process_fault(t);
		return;
	default:
		on_fatal(t, n);
		return;
	}
	if (st != LSW_STATUS_SUCCESS) {
		fprintf(stderr, "lsw: process start failed (status 0x%08X)\n", st);
		process_terminate(t->process, st);
		return;
	}
	nt_answer(t, st);
}

static void on_notify(void *arg, uint32_t events)
{
	struct lsw_process *p = arg;
	struct seccomp_notif n;
	struct lsw_thread *t;

	if (events & (EPOLLHUP | EPOLLERR)) {
		loop_unwatch(p->notify_fd);
		return;
	}
	if (notify_recv(p->notify_fd, &n) < 0)
		return; /* the thread died before we read it */
	t = notify_thread(p, &n);
	if (notify_clone(p, t, &n))
		return;
	if (!t && (pid_t)n.pid == p->pid && p->leader_parked)
		return; /* the first thread ended: it waits here for good */
	if (!t || t->busy) {
		process_forbid(p, "a call from a thread it did not start");
		return;
	}
	serve(t, &n);
}

static void trace_end(struct lsw_process *p, int status)
{
	if (!trace_opts)
		return;
	unwind_cache_forget_pid(p->pid);
	if (p->terminated)
		trace_process_exit(p, "exited with", (int)p->exit_status);
	else if (WIFSIGNALED(status))
		trace_process_exit(p, "killed by signal", WTERMSIG(status));
	else
		trace_process_exit(p, "exited with", WEXITSTATUS(status));
}

static void report_wait_status(struct lsw_process *p, int status)
{
	trace_end(p, status);
	if (timed_out) {
		exit_code = 124;
	} else if (p->forbidden) {
		exit_code = 159;
	} else if (p->terminated) {
		exit_code = (int)(p->exit_status & 0xFF);
	} else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL &&
		   limits_memory_killed(&wall)) {
		fprintf(stderr, "lsw: the program ran out of memory (limit %llu MiB: --memory)\n",
			(unsigned long long)(p->cfg->limits.commit >> 20));
		exit_code = LSW_STATUS_NO_MEMORY & 0xFF;
	} else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGSYS) {
		fprintf(stderr, "lsw: the sandbox killed the process: forbidden system call\n");
		exit_code = 159;
	} else if (WIFSIGNALED(status)) {
		fprintf(stderr, "lsw: the process died of signal %d\n", WTERMSIG(status));
		exit_code = 128 + WTERMSIG(status);
	} else {
		fprintf(stderr, "lsw: the runtime exited with status %d during setup\n",
			WEXITSTATUS(status));
		exit_code = 125;
	}
}

static void on_exit_pidfd(void *arg, uint32_t events)
{
	struct lsw_process *p = arg;
	int status = 0;

	if (waitpid(p->pid, &status, WNOHANG) != p->pid)
		return;
	p->reaped = true; /* from now on the pid may be another process's */
	report_wait_status(p, status);
	loop_stop();
}

static void on_timeout(void *arg, uint32_t events)
{
	struct lsw_process *p = arg;

	timed_out = true;
	process_terminate(p, 0x102 /* STATUS_TIMEOUT */);
	fprintf(stderr, "lsw: timed out; killing the process\n");
}

static int signal_fd = -1;

/* SIGINT/SIGTERM/SIGHUP to lsw end the Windows process as Ctrl-C would end
 * a console program: exit status 0xC000013A (STATUS_CONTROL_C_EXIT). */
static void on_signal(void *arg, uint32_t events)
{
	struct lsw_process *p = arg;
	struct signalfd_siginfo si;

	if (read(signal_fd, &si, sizeof(si)) != sizeof(si))
		return;
	process_terminate(p, LSW_STATUS_CONTROL_C_EXIT);
}

static int watch_signals(struct lsw_process *p)
{
	sigset_t set;
	int sfd;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	if (sigprocmask(SIG_BLOCK, &set, NULL) < 0)
		return -1;
	sfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	if (sfd < 0)
		return -1;
	signal_fd = sfd;
	return loop_watch(sfd, EPOLLIN, on_signal, p);
}

/*
 * lsw's own messages must not stall the loop either (a pipe nobody reads
 * on stderr would hold even --timeout): stderr gets a description of its
 * own in non-blocking mode, so a message nobody can take is lost and the
 * run goes on.  Not when a trace goes to stderr: its lines are what the
 * user asked for, and they wait for the reader.
 */
static void stderr_nonblocking(void)
{
	int flags = fcntl(2, F_GETFL), fd;
	struct stat st;

	if (flags < 0 || (flags & O_NONBLOCK) || fstat(2, &st) < 0 ||
	    !(S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) ||
	    (trace_opts && trace_opts->out == stderr))
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

int supervisor_run(const struct lsw_config *cfg, char **env, unsigned timeout_sec)
{
	struct lsw_process *p = &proc;

	lsw_debug = cfg->debug;
	lsw_debug_calls = getenv("LSW_DEBUG") && !strcmp(getenv("LSW_DEBUG"), "calls");
	signal(SIGPIPE, SIG_IGN);
	/* An ignored SIGCHLD (inherited through exec) would reap the child
	 * by itself, freeing its pid while we still reach memory through it. */
	signal(SIGCHLD, SIG_DFL);
	memset(p, 0, sizeof(*p));
	p->cfg = cfg;
	p->env = env;
	drives_init(cfg);
	volume_ids_init(cfg->prefix);
	raise_fd_limit();
	stderr_nonblocking();
	if (loop_init() < 0 || kuser_init() < 0) {
		perror("lsw: supervisor setup");
		return 125;
	}
	registry_start(cfg->hive_machine, cfg->hive_user, env);
	limits_prepare(&wall, &cfg->limits);
	if (cfg->limits.report || lsw_debug)
		fprintf(stderr, "lsw: limits: %s\n", wall.how);
	struct launch_spec spec = { cfg->runtime_path, cfg->netns, &wall, &cfg->limits };
	if (launch_runtime(&spec, &p->pid, &p->notify_fd) < 0) {
		limits_release(&wall);
		return 125;
	}
	p->win_pid = (uint32_t)p->pid * 4;
	p->main_thread = (struct lsw_thread){ .process = p, .tid = p->pid,
					      .win_tid = (uint32_t)p->pid * 4 + 4,
					      .exit_status = 259 /* STILL_ACTIVE */,
					      .started = true, .exit_fd = -1 };
	p->threads = &p->main_thread;
	p->live_threads = 1;
	if (notify_set_sync_wakeup(p->notify_fd) < 0)
		lsw_log("no SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP: slower round trips");
	p->pidfd = (int)syscall(SYS_pidfd_open, p->pid, 0);
	if (p->pidfd < 0 || loop_watch(p->notify_fd, EPOLLIN, on_notify, p) < 0 ||
	    loop_watch(p->pidfd, EPOLLIN, on_exit_pidfd, p) < 0 || watch_signals(p) < 0) {
		perror("lsw: supervisor setup");
		kill(p->pid, SIGKILL);
		return 125;
	}
	if (timeout_sec)
		loop_add_timer(loop_now_ns() + timeout_sec * 1000000000ull, on_timeout, p);
	loop_run();
	if (trace_opts)
		trace_finish();
	p->terminated = true; /* waiters (locks, reads) must not be answered now */
	handle_table_free(p);
	registry_stop();
	vad_free_all(&p->vad);
	limits_release(&wall);
	return exit_code;
}
