/*
 * Starting a Windows process: fork, enter what sandboxing the kernel allows,
 * drop every capability, exec the runtime with nothing but the setup socket.
 * The runtime installs the seccomp filter itself and sends back the
 * listener fd; from then on the child can only talk to us.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <lsw/gate.h>
#include "tracer/launch.h"

/* `none` comes from the parent: the child shares its memory until exec
 * (vfork), so it must not allocate. */
static void drop_capabilities(cap_t none)
{
	for (int c = 0; c <= CAP_LAST_CAP; c++)
		prctl(PR_CAPBSET_DROP, c, 0, 0, 0);
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
	cap_set_proc(none);
}

static void limit_resources(void)
{
	struct rlimit nofile = { 256, 256 }, core = { 0, 0 };

	setrlimit(RLIMIT_NOFILE, &nofile);
	setrlimit(RLIMIT_CORE, &core);
}

static const int terminal_signals[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };

/* In the child: never returns. */
struct child_args {
	const char *runtime_path;
	int sock, other_sock;
	bool netns;
	cap_t no_caps;
};

static void child(const struct child_args *a)
{
	const char *runtime_path = a->runtime_path;
	int sock = a->sock;
	bool netns = a->netns;
	char *argv[] = { "lsw-runtime", NULL }, *envp[] = { NULL };

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	/* Terminal signals are lsw's to handle: Ctrl-C ends the program with
	 * STATUS_CONTROL_C_EXIT through the supervisor, as a console does. */
	for (int sig = 0; sig < (int)(sizeof(terminal_signals) / sizeof(int)); sig++)
		signal(terminal_signals[sig], SIG_IGN);
	/* Namespaces where the kernel allows, as a second wall behind the
	 * filter: no System V IPC, no host name.  A network namespace would
	 * add 0.4 ms to every start while the filter already refuses every
	 * socket call, so it is opt-in (--netns). */
	int ns = CLONE_NEWIPC | CLONE_NEWUTS | (netns ? CLONE_NEWNET : 0);
	if (unshare(ns) < 0 && geteuid() != 0 && unshare(CLONE_NEWUSER) == 0)
		unshare(ns);
	limit_resources();
	if (sock == LSW_SETUP_FD)
		fcntl(sock, F_SETFD, 0);
	else if (dup2(sock, LSW_SETUP_FD) < 0)
		_exit(126);
	drop_capabilities(a->no_caps);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		_exit(126);
	/* The Windows process holds no host fd: not even stdio. */
	for (int fd = 0; fd < LSW_SETUP_FD; fd++)
		close(fd);
	syscall(SYS_close_range, LSW_SETUP_FD + 1, ~0u, 0);
	execve(runtime_path, argv, envp);
	_exit(127);
}

static int recv_listener(int sock, pid_t pid)
{
	char byte;
	char cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &byte, 1 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
			    .msg_control = cbuf, .msg_controllen = sizeof(cbuf) };
	struct pollfd p = { sock, POLLIN, 0 };
	struct cmsghdr *c;
	int status, fd;

	if (poll(&p, 1, 10000) <= 0 || recvmsg(sock, &m, MSG_CMSG_CLOEXEC) <= 0) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			fprintf(stderr, "lsw: the runtime exited during setup (%s %d)\n",
				WIFEXITED(status) ? "status" : "signal",
				WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		else
			fprintf(stderr, "lsw: the runtime did not hand over its seccomp listener\n");
		return -1;
	}
	c = CMSG_FIRSTHDR(&m);
	if (!c || c->cmsg_type != SCM_RIGHTS || c->cmsg_len != CMSG_LEN(sizeof(int))) {
		fprintf(stderr, "lsw: malformed setup message from the runtime\n");
		return -1;
	}
	memcpy(&fd, CMSG_DATA(c), sizeof(fd));
	return fd;
}

static int child_main(void *arg)
{
	const struct child_args *a = arg;

	close(a->other_sock);
	child(a);
	return 127;
}

/* vfork-style: the child borrows our memory until it execs the runtime, so
 * no page tables are copied (a quarter of a millisecond per start). */
int launch_runtime(const char *runtime_path, bool netns, pid_t *pid_out, int *notify_fd)
{
	static char stack[64 * 1024] __attribute__((aligned(16)));
	struct child_args a = { runtime_path, -1, -1, netns, cap_init() };
	int sv[2], fd;
	pid_t pid;

	if (!a.no_caps || socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
		perror("lsw: socketpair");
		return -1;
	}
	a.sock = sv[1];
	a.other_sock = sv[0];
	pid = clone(child_main, stack + sizeof(stack), CLONE_VM | CLONE_VFORK | SIGCHLD, &a);
	cap_free(a.no_caps);
	if (pid < 0) {
		perror("lsw: clone");
		close(sv[0]);
		close(sv[1]);
		return -1;
	}
	close(sv[1]);
	fd = recv_listener(sv[0], pid);
	close(sv[0]);
	if (fd < 0) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		return -1;
	}
	*pid_out = pid;
	*notify_fd = fd;
	return 0;
}
