/*
 * The native reference for fixtures/pipebench.c: a thread writes MiB
 * mebibytes in KiB-kibibyte chunks through a Linux pipe while the main
 * thread reads them; prints MB/s.  Usage: native_pipe [MiB [KiB]].
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static size_t total, chunk;

static void *writer(void *arg)
{
	int fd = *(int *)arg;
	char *buf = calloc(1, chunk);
	size_t done = 0;
	ssize_t n;

	while (buf && done < total && (n = write(fd, buf, chunk)) > 0)
		done += (size_t)n;
	close(fd);
	free(buf);
	return NULL;
}

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	pthread_t t;
	int p[2];
	size_t got = 0;
	ssize_t n;
	char *buf;

	total = (size_t)(argc > 1 ? atoi(argv[1]) : 64) << 20;
	chunk = (size_t)(argc > 2 ? atoi(argv[2]) : 64) << 10;
	if (pipe(p) < 0 || !(buf = malloc(chunk)))
		return 1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pthread_create(&t, NULL, writer, &p[1]);
	while ((n = read(p[0], buf, chunk)) > 0)
		got += (size_t)n;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	pthread_join(t, NULL);
	printf("native %.1f MB/s\n", (double)got / 1e6 /
	       ((double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9));
	return 0;
}
