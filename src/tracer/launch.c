/*
 * Starting a Windows process: fork, enter what sandboxing the kernel allows,
 * drop every capability, exec the runtime with nothing but the setup socket.
 * The runtime installs the seccomp filter itself and sends back the
 * listener fd on the setup socket; from then on the child can only talk
 * to us.  Nothing here waits for it: the caller watches the socket.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <grp.h>
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

/* Run by root, the Windows process still gets no identity of root's: it
 * becomes nobody, in a user namespace of its own (so RLIMIT_NPROC counts
 * its threads alone).  It opens no file, so it needs none.  Where nobody
 * does not exist (EINVAL: a user namespace mapping uid 0 alone, as
 * `unshare -r` makes), lsw is root of that namespace only, with no more
 * power over the host than its user: it stays. */
#define NOBODY 65534
static int leave_root(void)
{
	if (setgroups(0, NULL) < 0 && errno != EPERM)
		return -1;
	if (setresgid(NOBODY, NOBODY, NOBODY) < 0)
		return errno == EINVAL ? 0 : -1;
	if (setresuid(NOBODY, NOBODY, NOBODY) < 0)
		return -1;
	return 0;
}

static const int terminal_signals[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };

/* In the child: never returns. */
struct child_args {
	const char *runtime_path;
	int runtime_fd;              /* opened by the parent: nobody may not reach the path */
	int sock, other_sock;
	bool netns;
	cap_t no_caps;
	const struct limits_wall *wall;
	const struct lsw_limits *limits;
};

/* Namespaces where the kernel allows, as a second wall behind the filter:
 * no System V IPC, no host name.  A network namespace would add 0.4 ms to
 * every start while the filter already refuses every socket call, so it is
 * opt-in (--netns).  A user namespace comes last, once the identity is
 * nobody's, so the process's threads are counted apart from everyone's.
 * Returns 1 with a user namespace of the process's own, 0 without, -1. */
static int enter_namespaces(bool netns)
{
	int ns = CLONE_NEWIPC | CLONE_NEWUTS | (netns ? CLONE_NEWNET : 0);

	if (geteuid() == 0) {
		unshare(ns);
		if (leave_root() < 0)
			return -1;
		return unshare(CLONE_NEWUSER) == 0;
	}
	if (unshare(CLONE_NEWUSER | ns) == 0)
		return 1;
	unshare(ns);
	return 0;
}

static void child(const struct child_args *a)
{
	int sock = a->sock;
	pid_t parent = getppid();
	char *argv[] = { "lsw-runtime", NULL }, *envp[] = { NULL };

	/* Terminal signals are lsw's to handle: Ctrl-C ends the program with
	 * STATUS_CONTROL_C_EXIT through the supervisor, as a console does. */
	for (int sig = 0; sig < (int)(sizeof(terminal_signals) / sizeof(int)); sig++)
		signal(terminal_signals[sig], SIG_IGN);
	int own_userns;

	if (limits_join(a->wall, a->limits) < 0 || (own_userns = enter_namespaces(a->netns)) < 0 ||
	    limits_set_rlimits(a->limits, own_userns) < 0)
		_exit(126);
	limit_resources();
	if (dup2(sock, LSW_SETUP_FD) < 0) /* sock lies above it (launch_start) */
		_exit(126);
	if (dup2(a->runtime_fd, LSW_SETUP_FD + 1) < 0 ||
	    fcntl(LSW_SETUP_FD + 1, F_SETFD, FD_CLOEXEC) < 0)
		_exit(126);
	drop_capabilities(a->no_caps);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		_exit(126);
	/* after every change of identity, which clears it; then make sure
	 * the parent did not die before */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(126);
	/* The Windows process holds no host fd: not even stdio. */
	for (int fd = 0; fd < LSW_SETUP_FD; fd++)
		close(fd);
	syscall(SYS_close_range, LSW_SETUP_FD + 2, ~0u, 0);
	syscall(SYS_execveat, LSW_SETUP_FD + 1, "", argv, envp, AT_EMPTY_PATH);
	_exit(127);
}

int launch_receive(int sock)
{
	char byte;
	char cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &byte, 1 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
			    .msg_control = cbuf, .msg_controllen = sizeof(cbuf) };
	struct cmsghdr *c;
	ssize_t n = recvmsg(sock, &m, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
	int fd;

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return LAUNCH_NOT_YET;
	if (n <= 0)
		return LAUNCH_GONE; /* the runtime closed it: it died, its end tells why */
	c = CMSG_FIRSTHDR(&m);
	if (!c || c->cmsg_type != SCM_RIGHTS || c->cmsg_len != CMSG_LEN(sizeof(int))) {
		fprintf(stderr, "lsw: malformed setup message from the runtime\n");
		return LAUNCH_BAD;
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
/* The runtime, opened while lsw may still reach its path; as root the
 * child runs it as nobody, so the file itself must let others execute it. */
static int open_runtime(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || fstat(fd, &st) < 0) {
		fprintf(stderr, "lsw: %s: %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (geteuid() == 0 && !(st.st_mode & S_IXOTH)) {
		fprintf(stderr, "lsw: %s: the runtime must be executable by others "
			"(the program runs as nobody)\n", path);
		close(fd);
		return -1;
	}
	return fd;
}

/* *fd, moved above the two fds the child sets up (closed on exec). */
static int move_above_setup(int *fd)
{
	int moved;

	if (*fd > LSW_SETUP_FD + 1)
		return 0;
	moved = fcntl(*fd, F_DUPFD_CLOEXEC, LSW_SETUP_FD + 2);
	if (moved < 0)
		return -1;
	close(*fd);
	*fd = moved;
	return 0;
}

int launch_start(const struct launch_spec *spec, pid_t *pid_out, int *setup_fd)
{
	static char stack[64 * 1024] __attribute__((aligned(16)));
	struct child_args a = { spec->runtime_path, -1, -1, -1, spec->netns, cap_init(),
				spec->wall, spec->limits };
	int sv[2];
	pid_t pid;

	if (!a.no_caps) {
		perror("lsw: cap_init");
		return -1;
	}
	if ((a.runtime_fd = open_runtime(spec->runtime_path)) < 0) {
		cap_free(a.no_caps);
		return -1;
	}
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
		perror("lsw: socketpair");
		close(a.runtime_fd);
		cap_free(a.no_caps);
		return -1;
	}
	/* the child dup2s them onto LSW_SETUP_FD and the one above: neither
	 * may already sit there (a daemon's fd 3 may be free) */
	if (move_above_setup(&a.runtime_fd) < 0 || move_above_setup(&sv[1]) < 0) {
		perror("lsw: launch");
		close(a.runtime_fd);
		close(sv[0]);
		close(sv[1]);
		cap_free(a.no_caps);
		return -1;
	}
	a.sock = sv[1];
	a.other_sock = sv[0];
	pid = clone(child_main, stack + sizeof(stack), CLONE_VM | CLONE_VFORK | SIGCHLD, &a);
	cap_free(a.no_caps);
	close(a.runtime_fd);
	close(sv[1]);
	if (pid < 0) {
		perror("lsw: clone");
		close(sv[0]);
		return -1;
	}
	*pid_out = pid;
	*setup_fd = sv[0];
	return 0;
}
