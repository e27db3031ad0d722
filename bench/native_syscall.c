/* Native Linux reference for the NT call round trip: N cheap system calls
 * issued with syscall(2), timed in-process with the vDSO clock.
 * clock_gettime goes through syscall(SYS_clock_gettime) so the vDSO does
 * not answer it in user space.
 *
 * usage: native_syscall [N]    (default 1000000)
 * prints "name ns_per_call" lines for bench/run.py to read. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : 1000000;
	struct timespec ts;
	double t0, t1, t2;

	if (n < 1)
		n = 1;
	/* Warm up: fault in the code and the stack. */
	for (int i = 0; i < 1000; i++)
		syscall(SYS_getppid);

	t0 = now_ns();
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
	t1 = now_ns();
	for (long i = 0; i < n; i++)
		syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
	t2 = now_ns();

	printf("getppid %.1f\n", (t1 - t0) / n);
	printf("clock_gettime %.1f\n", (t2 - t1) / n);
	return 0;
}
