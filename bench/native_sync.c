/* The native equivalent of fixtures/syncbench.c: pthread mutex lock/unlock
 * pairs, and a ping-pong between two threads through two semaphores. */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static sem_t ping, pong;
static long rounds;

static void *ponger(void *arg)
{
	(void)arg;
	for (long i = 0; i < rounds; i++) {
		sem_wait(&ping);
		sem_post(&pong);
	}
	return NULL;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	long n = argc > 2 ? atol(argv[2]) : 1000000;
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_t t;
	double t0, t1;

	if (argc < 2 || n < 1)
		return 2;
	if (!strcmp(argv[1], "lock")) {
		t0 = now();
		for (long i = 0; i < n; i++) {
			pthread_mutex_lock(&m);
			pthread_mutex_unlock(&m);
		}
		t1 = now();
	} else if (!strcmp(argv[1], "pingpong")) {
		rounds = n;
		sem_init(&ping, 0, 0);
		sem_init(&pong, 0, 0);
		pthread_create(&t, NULL, ponger, NULL);
		t0 = now();
		for (long i = 0; i < n; i++) {
			sem_post(&ping);
			sem_wait(&pong);
		}
		t1 = now();
		pthread_join(t, NULL);
	} else {
		return 2;
	}
	printf("%s %ld ns_per_op %.1f\n", argv[1], n, (t1 - t0) / n);
	return 0;
}
