/*
 * The job's network: a network namespace of its own holding only a
 * loopback interface, so that 127.0.0.1 inside the sandbox is the
 * sandbox's alone (a service on the host's loopback cannot be reached)
 * and nothing outside can be (connect: ENETUNREACH, WSAENETUNREACH).
 *
 * A socket belongs to the namespace of the process that made it, for
 * its whole life, whoever holds it later.  So the first socket of a job
 * starts a small helper: a child of the supervisor that enters a new
 * network namespace (with a user namespace of its own when lsw is not
 * root), brings its loopback up, and then makes sockets on request,
 * handing each back with SCM_RIGHTS.  It does nothing else and ends when
 * the supervisor closes its end, or dies.  When no namespace can be made
 * no socket is made either (EACCES): the host's network is never used.
 */
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include "emul/net/socket.h"

struct socket_netns {
	int fd;      /* our end of the helper's socket pair; -1: none could be made */
	pid_t pid;
};

struct netns_request {
	int32_t family, type, protocol;
};

static int loopback_up(void)
{
	struct ifreq ifr;
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), r = -1;

	if (s < 0)
		return -1;
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "lo");
	if (ioctl(s, SIOCGIFFLAGS, &ifr) == 0) {
		ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
		r = ioctl(s, SIOCSIFFLAGS, &ifr);
	}
	close(s);
	return r;
}

/* Answers one int (0 or an errno) and, on success, the fd. */
static void send_answer(int chan, int err, int fd)
{
	char ctl[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &err, sizeof(err) };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };

	if (!err) {
		struct cmsghdr *cm;

		memset(ctl, 0, sizeof(ctl));
		m.msg_control = ctl;
		m.msg_controllen = sizeof(ctl);
		cm = CMSG_FIRSTHDR(&m);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(cm), &fd, sizeof(int));
	}
	sendmsg(chan, &m, MSG_NOSIGNAL);
}

/* Keeps nothing of the supervisor's but its channel, as fd 3: no copy of
 * a pipe, a client or a notification fd of the supervisor's stays open
 * in it. */
static int keep_only(int chan)
{
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);

	if (null < 0 || dup2(chan, 3) < 0)
		return -1;
	for (int fd = 0; fd < 3; fd++)
		dup2(null, fd);
	return syscall(SYS_close_range, 4u, ~0u, 0u) < 0 ? -1 : 3;
}

static _Noreturn void helper_main(int chan)
{
	struct netns_request rq;

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if ((chan = keep_only(chan)) < 0)
		_exit(1);
	if (unshare(CLONE_NEWNET) < 0 && unshare(CLONE_NEWUSER | CLONE_NEWNET) < 0)
		_exit(1);
	if (loopback_up() < 0)
		_exit(1);
	send_answer(chan, 0, chan); /* ready: the fd sent is ignored */
	while (read(chan, &rq, sizeof(rq)) == (ssize_t)sizeof(rq)) {
		int s = socket(rq.family, rq.type | SOCK_NONBLOCK | SOCK_CLOEXEC, rq.protocol);

		send_answer(chan, s < 0 ? errno : 0, s);
		if (s >= 0)
			close(s);
	}
	_exit(0);
}

/* Reads an answer: the fd, or -errno. */
static int read_answer(int chan)
{
	char ctl[CMSG_SPACE(sizeof(int))];
	int err = EIO, fd = -1;
	struct iovec iov = { &err, sizeof(err) };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl,
			    .msg_controllen = sizeof(ctl) };
	struct cmsghdr *cm;

	if (recvmsg(chan, &m, MSG_CMSG_CLOEXEC) != (ssize_t)sizeof(err))
		return -EACCES;
	cm = CMSG_FIRSTHDR(&m);
	if (cm && cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_RIGHTS)
		memcpy(&fd, CMSG_DATA(cm), sizeof(int));
	if (err) {
		if (fd >= 0)
			close(fd);
		return -err;
	}
	return fd >= 0 ? fd : -EIO;
}

/* Stops the helper and reaps it (it ends on EOF anyway). */
static void helper_stop(struct socket_netns *n)
{
	if (n->fd >= 0)
		close(n->fd);
	n->fd = -1;
	if (n->pid > 0) {
		kill(n->pid, SIGKILL);
		waitpid(n->pid, NULL, 0);
	}
	n->pid = 0;
}

/* The helper, started; fd -1 when it could not make its namespace. */
static struct socket_netns *netns_start(void)
{
	struct socket_netns *n = calloc(1, sizeof(*n));
	int pair[2], ready;

	if (!n)
		return NULL;
	n->fd = -1;
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) < 0)
		return n;
	n->pid = fork();
	if (n->pid == 0) {
		close(pair[0]);
		helper_main(pair[1]);
	}
	close(pair[1]);
	if (n->pid < 0) {
		close(pair[0]);
		return n;
	}
	n->fd = pair[0];
	if ((ready = read_answer(n->fd)) < 0)
		helper_stop(n); /* no namespace: no network at all */
	else
		close(ready);
	return n;
}

int socket_netns_make(struct lsw_job *j, int family, int type, int protocol)
{
	struct netns_request rq = { family, type, protocol };

	if (!j->netns && !(j->netns = netns_start()))
		return -ENOMEM;
	if (j->netns->fd < 0)
		return -EACCES;
	if (write(j->netns->fd, &rq, sizeof(rq)) != (ssize_t)sizeof(rq))
		return -EACCES;
	return read_answer(j->netns->fd);
}

void socket_netns_end(struct lsw_job *j)
{
	if (!j->netns)
		return;
	helper_stop(j->netns);
	free(j->netns);
	j->netns = NULL;
}
