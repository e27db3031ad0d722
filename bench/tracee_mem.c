/* Tracee memory access, measured alone: what one 128-byte read or write of
 * another process's memory costs the supervisor, by the ways it could
 * reach it.  lsw reaches it through the process id (src/tracer/
 * tracee_mem.c); until issue 10 it used the calling thread's id.
 * Standalone native program, no LSW code: a forked child with a second
 * thread is the "tracee".
 *
 * usage: tracee_mem [N]     (N accesses per timed round, default 20000)
 *
 * Output: one line per way, "key  median_us  min_us  max_us  description",
 * the median (and minimum, maximum) of ROUNDS timed rounds; the ways take
 * turns in each round, so a change in machine load hits all alike. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ROUNDS 7
#define LEN 128

static char cell[LEN];

enum way { BY_TID_READ, BY_PID_READ, BY_TID_WRITE, BY_PID_WRITE, MEM_READ, MEM_WRITE, WAYS };

static const struct { const char *key, *what; } ways[WAYS] = {
	[BY_TID_READ] = { "vm_read_tid", "process_vm_readv, by a (non-leader) thread's tid: before" },
	[BY_PID_READ] = { "vm_read_pid", "process_vm_readv, by the process id: lsw now" },
	[BY_TID_WRITE] = { "vm_write_tid", "process_vm_writev, by a thread's tid: before" },
	[BY_PID_WRITE] = { "vm_write_pid", "process_vm_writev, by the process id: lsw now" },
	[MEM_READ] = { "procmem_read", "pread of /proc/PID/mem opened once (FOLL_FORCE)" },
	[MEM_WRITE] = { "procmem_write", "pwrite of /proc/PID/mem opened once (FOLL_FORCE)" },
};

static int report_fd = -1;

/* The tracee's second thread: says its tid, then waits for good. */
static void *second(void *arg)
{
	pid_t tid = (pid_t)syscall(SYS_gettid);

	(void)arg;
	if (write(report_fd, &tid, sizeof(tid)) != sizeof(tid))
		_exit(1);
	for (;;)
		pause();
	return NULL;
}

static pid_t start_tracee(pid_t *tid)
{
	int p[2];
	pid_t pid;

	if (pipe(p) < 0 || (pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		pthread_t t;

		report_fd = p[1];
		pthread_create(&t, NULL, second, NULL);
		for (;;)
			pause();
	}
	close(p[1]);
	if (read(p[0], tid, sizeof(*tid)) != sizeof(*tid))
		return -1;
	close(p[0]);
	return pid;
}

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int one(enum way w, pid_t pid, pid_t tid, int memfd)
{
	char buf[LEN];
	struct iovec local = { buf, LEN }, remote = { cell, LEN };

	switch (w) {
	case BY_TID_READ: return process_vm_readv(tid, &local, 1, &remote, 1, 0) == LEN;
	case BY_PID_READ: return process_vm_readv(pid, &local, 1, &remote, 1, 0) == LEN;
	case BY_TID_WRITE: return process_vm_writev(tid, &local, 1, &remote, 1, 0) == LEN;
	case BY_PID_WRITE: return process_vm_writev(pid, &local, 1, &remote, 1, 0) == LEN;
	case MEM_READ: return pread(memfd, buf, LEN, (off_t)(uintptr_t)cell) == LEN;
	case MEM_WRITE: return pwrite(memfd, buf, LEN, (off_t)(uintptr_t)cell) == LEN;
	default: return 0;
	}
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : 20000;
	pid_t tid, pid = start_tracee(&tid);
	char path[64];
	int memfd, status = 0;
	static double r[WAYS][ROUNDS];

	if (pid < 0 || n <= 0) {
		fprintf(stderr, "tracee_mem: no tracee\n");
		return 1;
	}
	snprintf(path, sizeof(path), "/proc/%d/mem", (int)pid);
	memfd = open(path, O_RDWR | O_CLOEXEC);
	for (int k = 0; k < ROUNDS; k++)
		for (int w = 0; w < WAYS; w++) {
			double t0 = now_us();

			for (long i = 0; i < n && r[w][0] >= 0; i++)
				if (!one((enum way)w, pid, tid, memfd)) {
					r[w][0] = -errno;
					break;
				}
			if (r[w][0] >= 0)
				r[w][k] = (now_us() - t0) / (double)n;
		}
	for (int w = 0; w < WAYS; w++) {
		if (r[w][0] < 0) {
			printf("%-14s     n/a                  %s (%s)\n", ways[w].key, ways[w].what,
			       strerror((int)-r[w][0]));
			continue;
		}
		qsort(r[w], ROUNDS, sizeof(r[w][0]), cmp);
		printf("%-14s %7.3f %7.3f %7.3f  %s\n", ways[w].key, r[w][ROUNDS / 2], r[w][0],
		       r[w][ROUNDS - 1], ways[w].what);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return 0;
}
