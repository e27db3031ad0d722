/*
 * The pool's launches on a thread of their own (spare_launcher.h).  The
 * loop writes a byte to ask for a launch; the thread launches
 * (tracer/launch.c, blocked in vfork until the runtime is exec'd) and
 * writes back the pid and setup socket, which the loop then watches as
 * before.  The thread inherits the loop's signal mask (the signals lswhost
 * reads from its signalfd stay blocked), so a runtime starts with the mask
 * it had when the loop launched it.
 *
 * The thread lives as long as the pool: a runtime's PR_SET_PDEATHSIG is
 * sent when the thread that made it ends, taken spares included, so it
 * ends only when the daemon does.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "host/spare_launcher.h"

struct spare_launcher {
	const struct launch_spec *spec;
	int request[2];  /* the loop asks: one byte a launch; closed: stop */
	int done[2];     /* the thread answers: one struct launched a launch */
	pthread_t thread;
};

struct launched {
	pid_t pid;       /* 0: the launch failed */
	int setup_fd;
};

static void *launcher_main(void *arg)
{
	struct spare_launcher *l = arg;
	char byte;

	while (read(l->request[0], &byte, 1) == 1) {
		struct launched r = { 0, -1 };

		if (launch_start(l->spec, &r.pid, &r.setup_fd) < 0)
			r = (struct launched){ 0, -1 };
		/* a pipe's write of this size is whole; the loop reads on */
		while (write(l->done[1], &r, sizeof(r)) < 0 && errno == EINTR)
			;
	}
	return NULL;
}

struct spare_launcher *launcher_new(const struct launch_spec *spec)
{
	struct spare_launcher *l = malloc(sizeof(*l));

	if (!l)
		return NULL;
	l->spec = spec;
	l->done[0] = l->done[1] = -1;
	if (pipe2(l->request, O_CLOEXEC) < 0) {
		free(l);
		return NULL;
	}
	if (pipe2(l->done, O_CLOEXEC) < 0 || fcntl(l->done[0], F_SETFL, O_NONBLOCK) < 0 ||
	    pthread_create(&l->thread, NULL, launcher_main, l) != 0) {
		if (l->done[0] >= 0) {
			close(l->done[0]);
			close(l->done[1]);
		}
		close(l->request[0]);
		close(l->request[1]);
		free(l);
		return NULL;
	}
	return l;
}

int launcher_done_fd(const struct spare_launcher *l)
{
	return l->done[0];
}

int launcher_request(struct spare_launcher *l)
{
	return write(l->request[1], "L", 1) == 1 ? 0 : -1;
}

int launcher_take(struct spare_launcher *l, pid_t *pid, int *setup_fd)
{
	struct launched r;

	if (read(l->done[0], &r, sizeof(r)) != sizeof(r))
		return 0;
	*pid = r.pid;
	*setup_fd = r.setup_fd;
	return 1;
}

void launcher_free(struct spare_launcher *l)
{
	pid_t pid;
	int fd;

	if (!l)
		return;
	close(l->request[1]); /* the thread ends after the launch it is in */
	pthread_join(l->thread, NULL);
	while (launcher_take(l, &pid, &fd) > 0) {
		if (!pid)
			continue;
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		close(fd);
	}
	close(l->request[0]);
	close(l->done[0]);
	close(l->done[1]);
	free(l);
}
