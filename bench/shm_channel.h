/* A systrap-style call channel, measured by mechanisms.c: the caller posts
 * its request in memory both processes map and the server answers there.
 * Each side spins for a while (spin_ns; 0: not at all) before it sleeps
 * on a futex of the shared page, and wakes the other side's futex only if
 * that side said it sleeps, as gVisor's systrap platform does. */
#ifndef BENCH_SHM_CHANNEL_H
#define BENCH_SHM_CHANNEL_H

#include <stdint.h>

struct shm_channel {
	uint32_t req_seq;       /* the caller's last request */
	uint32_t rep_seq;       /* the server's last answer */
	uint32_t server_sleeps; /* 1 while the server waits on req_seq */
	uint32_t caller_sleeps; /* 1 while the caller waits on rep_seq */
	uint64_t args[6];
	int64_t ret;
};

/* A MAP_SHARED anonymous page, inherited by fork. */
struct shm_channel *shm_channel_new(void);
/* The caller's side: one call, its answer. */
int64_t shm_channel_call(struct shm_channel *ch, const uint64_t args[6], long spin_ns);
/* The server's side: answers n calls (ret = args[0] + 1).  0, or -1 when
 * no request came within timeout_ms. */
int shm_channel_serve(struct shm_channel *ch, long n, long spin_ns, int timeout_ms);

#endif
