/*
 * lsw run through lswhost: the request goes with our stdin, stdout,
 * stderr and current directory; then we relay the terminal's signals
 * until the daemon says how the program ended.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>
#include "host/client.h"
#include "host/run_request.h"

/* What the daemon says about the run: its exit status, or -1 to go on. */
static int on_message(int sock)
{
	struct proto_header h;
	uint8_t *p;
	int code = -1;

	if (proto_recv(sock, &h, &p, NULL, 0, NULL) < 0) {
		fprintf(stderr, "lsw: lswhost ended before the program did\n");
		return 125;
	}
	struct proto_reader r = { p, h.size, false };
	if (h.type == PROTO_EXIT) {
		code = (int)proto_get_u32(&r);
	} else if (h.type == PROTO_ERROR) {
		uint32_t c = proto_get_u32(&r);
		char *msg = proto_get_str(&r, 4096);

		fprintf(stderr, "%s\n", msg ? msg : "lswhost refused the run");
		free(msg);
		code = c == PROTO_ERROR_STALE ? HOST_FALLBACK : (int)(c & 0xFF);
	} else if (h.type != PROTO_STARTED) {
		fprintf(stderr, "lsw: lswhost sent an unexpected message\n");
		code = 125;
	}
	free(p);
	return code;
}

static int relay_signal(int sock, int sfd)
{
	struct signalfd_siginfo si;
	struct proto_writer w = { 0 };

	if (read(sfd, &si, sizeof(si)) != sizeof(si))
		return 0;
	proto_put_u32(&w, si.ssi_signo);
	proto_send(sock, PROTO_SIGNAL, &w, NULL, 0);
	proto_writer_free(&w);
	if (si.ssi_signo == SIGTSTP) /* the program stops; so do we, as a shell expects */
		kill(getpid(), SIGSTOP);
	return 0;
}

static int wait_for_exit(int sock, int sfd)
{
	struct pollfd pf[2] = { { sock, POLLIN, 0 }, { sfd, POLLIN, 0 } };

	for (;;) {
		if (poll(pf, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return 125;
		}
		if (pf[1].revents & POLLIN)
			relay_signal(sock, sfd);
		if (pf[0].revents) {
			int code = on_message(sock);

			if (code != -1)
				return code;
		}
	}
}

/* Our standard fds, or /dev/null for one that is closed. */
static int std_fd(int fd)
{
	return fcntl(fd, F_GETFD) >= 0 ? fd : open("/dev/null", O_RDWR | O_CLOEXEC);
}

static int send_run(int sock, const struct lsw_job_spec *js, const struct lsw_process_spec *ps,
		    bool debug)
{
	struct proto_writer w = { 0 };
	int fds[PROTO_RUN_FDS], r;
	unsigned nfds = js->has_console ? 5 : 4;
	const char *pwd = getenv("PWD");

	for (int i = 0; i < 3; i++)
		fds[i] = std_fd(ps->std_fds[i]);
	fds[3] = open(".", O_PATH | O_DIRECTORY | O_CLOEXEC);
	fds[4] = js->console_fd;
	run_request_encode(&w, js, ps, pwd && pwd[0] == '/' ? pwd : NULL, debug);
	r = fds[3] < 0 || fds[0] < 0 || fds[1] < 0 || fds[2] < 0 ? -1
		: proto_send(sock, PROTO_RUN, &w, fds, nfds);
	if (r < 0)
		fprintf(stderr, "lsw: cannot send the run to lswhost: %s\n", strerror(errno));
	for (int i = 0; i < 4; i++) /* ours, not the caller's */
		if (fds[i] >= 0 && (i == 3 || fds[i] != ps->std_fds[i]))
			close(fds[i]);
	proto_writer_free(&w);
	return r;
}

struct run_message {
	const struct lsw_job_spec *js;
	const struct lsw_process_spec *ps;
	bool debug;
};

static int send_run_message(int sock, void *arg)
{
	const struct run_message *m = arg;

	return send_run(sock, m->js, m->ps, m->debug);
}

/* The RUN goes right behind the HELLO; the signals to relay are caught
 * from before it is sent. */
int host_client_run(const char *prefix, const char *lsw_exe, const struct lsw_job_spec *js,
		    const struct lsw_process_spec *ps, bool debug)
{
	struct run_message m = { js, ps, debug };
	struct host_paths paths;
	sigset_t set, old;
	int sock, sfd, code;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGQUIT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGTSTP);
	sigaddset(&set, SIGCONT);
	sigprocmask(SIG_BLOCK, &set, &old);
	sfd = signalfd(-1, &set, SFD_CLOEXEC);
	if (sfd < 0) {
		perror("lsw: signalfd");
		sigprocmask(SIG_SETMASK, &old, NULL);
		return 125;
	}
	sock = host_connect_then(prefix, true, lsw_exe, &paths, send_run_message, &m);
	code = sock < 0 ? HOST_FALLBACK : wait_for_exit(sock, sfd);
	close(sfd);
	if (sock >= 0)
		close(sock);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return code;
}
