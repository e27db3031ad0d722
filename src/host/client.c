/*
 * Reaching a prefix's lswhost: connect to its socket, check that the
 * other end is our own user's, compare versions; start the daemon when
 * none answers (it tells us through a pipe when it listens, or why not).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "host/client.h"

#define START_WAIT_MS 10000
#define RETRY_GREETING 3

static int try_connect(const struct host_paths *paths)
{
	struct sockaddr_un sa;
	int fd;

	if (host_socket_addr(paths->socket, &sa) < 0) {
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd >= 0 && connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/* The daemon must be our own user's (the directory already is ours). */
static bool peer_is_us(int fd)
{
	struct ucred cred;
	socklen_t len = sizeof(cred);

	return getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0 &&
	       cred.uid == getuid();
}

/* 0: greeted; HOST_FALLBACK: unusable (said why); 1: it went away, retry.
 * send, if any, goes right behind the HELLO. */
static int greet(int fd, bool start, host_send_fn *send, void *arg)
{
	struct proto_writer w = { 0 };
	struct proto_header h;
	uint8_t *p;
	int r = 1;

	proto_put_u32(&w, PROTO_VERSION);
	proto_put_str(&w, proto_build_id());
	if (proto_send(fd, PROTO_HELLO, &w, NULL, 0) < 0 || (send && send(fd, arg) < 0) ||
	    proto_recv(fd, &h, &p, NULL, 0, NULL) < 0) {
		proto_writer_free(&w);
		return 1;
	}
	proto_writer_free(&w);
	struct proto_reader rd = { p, h.size, false };
	if (h.type == PROTO_HELLO_OK) {
		r = 0;
	} else if (h.type == PROTO_ERROR) {
		uint32_t code = proto_get_u32(&rd);
		char *msg = proto_get_str(&rd, 4096);

		fprintf(stderr, "lsw: %s%s%s\n", msg ? msg : "lswhost refused us",
			code == PROTO_ERROR_STALE ? "; it exits when idle" : "",
			start ? "; running standalone" : "");
		free(msg);
		r = HOST_FALLBACK;
	}
	free(p);
	return r;
}

static void exec_daemon(const char *prefix, const char *lsw_exe, const struct host_paths *paths,
			int ready)
{
	char fdarg[16], log[sizeof(paths->socket) + 8];
	char *argv[] = { "lswhost", "--prefix", (char *)prefix, "--ready-fd", fdarg, NULL };
	int high = fcntl(ready, F_DUPFD, 10), null = open("/dev/null", O_RDWR), logfd;

	snprintf(log, sizeof(log), "%.*s.log", (int)(strlen(paths->socket) - 5), paths->socket);
	logfd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (high < 0 || null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 ||
	    dup2(logfd >= 0 ? logfd : null, 2) < 0 || dup2(high, 3) < 0)
		_exit(127);
	syscall(SYS_close_range, 4, ~0u, 0);
	snprintf(fdarg, sizeof(fdarg), "3");
	execv(lsw_exe, argv);
	dprintf(3, "cannot run %s: %s\n", lsw_exe, strerror(errno));
	_exit(127);
}

/* Starts the daemon, detached (its own session, not our child), and
 * waits until it listens.  0 (or another one is starting: connect
 * again), or -1 after printing why. */
static int start_daemon(const char *prefix, const char *lsw_exe, const struct host_paths *paths)
{
	char msg[1024] = "", real[PATH_MAX];
	int fds[2], status;
	ssize_t n = 0, k;
	pid_t pid;

	/* the daemon works from "/": it gets the prefix by its real path */
	if (!realpath(prefix, real) || pipe2(fds, O_CLOEXEC) < 0 || (pid = fork()) < 0) {
		fprintf(stderr, "lsw: cannot start lswhost: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		setsid();
		if (fork() == 0)
			exec_daemon(real, lsw_exe, paths, fds[1]);
		_exit(0);
	}
	close(fds[1]);
	waitpid(pid, &status, 0);
	struct pollfd pfd = { fds[0], POLLIN, 0 };
	while (n < (ssize_t)sizeof(msg) - 1 && poll(&pfd, 1, START_WAIT_MS) > 0 &&
	       (k = read(fds[0], msg + n, sizeof(msg) - 1 - (size_t)n)) > 0)
		n += k;
	close(fds[0]);
	msg[n] = 0;
	if (!strcmp(msg, "ok\n") || !strcmp(msg, "busy\n"))
		return 0;
	msg[strcspn(msg, "\n")] = 0;
	fprintf(stderr, "lsw: lswhost could not start: %s; running standalone\n",
		n ? msg : "it exited or did not answer (see its log in the runtime directory)");
	return -1;
}

static void nap_ms(long ms)
{
	struct timespec ts = { 0, ms * 1000000 };

	nanosleep(&ts, NULL);
}

/* A socket to the running daemon, started if need be; or an answer. */
static int reach(const char *prefix, bool start, const char *lsw_exe,
		 const struct host_paths *paths)
{
	bool started = false;

	for (int waited = 0; waited < START_WAIT_MS; waited += 10) {
		int fd = try_connect(paths);

		if (fd >= 0)
			return fd;
		if (errno != ENOENT && errno != ECONNREFUSED) {
			fprintf(stderr, "lsw: cannot connect to lswhost at %s: %s; running "
				"standalone\n", paths->socket, strerror(errno));
			return HOST_FALLBACK;
		}
		if (!start)
			return HOST_NONE;
		if (!started) {
			if (start_daemon(prefix, lsw_exe, paths) < 0)
				return HOST_FALLBACK;
			started = true;
			continue;
		}
		nap_ms(10);
	}
	fprintf(stderr, "lsw: lswhost did not come up at %s; running standalone\n", paths->socket);
	return HOST_FALLBACK;
}

int host_connect(const char *prefix, bool start, const char *lsw_exe, struct host_paths *paths)
{
	return host_connect_then(prefix, start, lsw_exe, paths, NULL, NULL);
}

int host_connect_then(const char *prefix, bool start, const char *lsw_exe,
		      struct host_paths *paths, host_send_fn *send, void *arg)
{
	char err[512];

	if (host_paths_for(prefix, paths, err, sizeof(err)) < 0) {
		fprintf(stderr, "lsw: lswhost: %s%s\n", err, start ? "; running standalone" : "");
		return start ? HOST_FALLBACK : -1;
	}
	for (int attempt = 0; attempt < RETRY_GREETING; attempt++) {
		int fd = reach(prefix, start, lsw_exe, paths), r;

		if (fd < 0)
			return fd;
		if (!peer_is_us(fd)) {
			close(fd);
			fprintf(stderr, "lsw: %s is not served by this user; refusing it%s\n",
				paths->socket, start ? "; running standalone" : "");
			return start ? HOST_FALLBACK : -1;
		}
		if ((r = greet(fd, start, send, arg)) == 0)
			return fd;
		close(fd);
		if (r == HOST_FALLBACK)
			return start ? HOST_FALLBACK : -1;
		nap_ms(50); /* it was exiting: the next one answers */
	}
	fprintf(stderr, "lsw: lswhost at %s does not answer%s\n", paths->socket,
		start ? "; running standalone" : "");
	return start ? HOST_FALLBACK : -1;
}

int host_request(int sock, uint32_t type, const struct proto_writer *w, uint32_t reply_type,
		 uint8_t **payload, uint32_t *size)
{
	struct proto_header h;

	if (proto_send(sock, type, w, NULL, 0) < 0 || proto_recv(sock, &h, payload, NULL, 0, NULL) < 0) {
		fprintf(stderr, "lsw: lswhost: %s\n", strerror(errno));
		return -1;
	}
	if (h.type == reply_type) {
		*size = h.size;
		return 0;
	}
	struct proto_reader r = { *payload, h.size, false };
	proto_get_u32(&r);
	char *msg = h.type == PROTO_ERROR ? proto_get_str(&r, 4096) : NULL;
	fprintf(stderr, "lsw: %s\n", msg ? msg : "lswhost sent an unexpected reply");
	free(msg);
	free(*payload);
	*payload = NULL;
	return -1;
}
