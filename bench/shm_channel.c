/* The systrap-style channel of shm_channel.h.  Every flag is seq_cst: a
 * side stores its "I sleep" flag and then re-reads the sequence, the other
 * stores the sequence and then reads the flag, so one of them always sees
 * the other (no lost wake-up); FUTEX_WAIT re-checks the value itself. */
#include <linux/futex.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "shm_channel.h"

static long futex(uint32_t *word, int op, uint32_t val, const struct timespec *ts)
{
	return syscall(SYS_futex, word, op, val, ts, NULL, 0);
}

static long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

/* Spins until *word != old or spin_ns passed; whether it changed. */
static int spin_until_changed(uint32_t *word, uint32_t old, long spin_ns)
{
	long deadline;

	if (spin_ns <= 0)
		return __atomic_load_n(word, __ATOMIC_SEQ_CST) != old;
	deadline = now_ns() + spin_ns;
	for (unsigned i = 1;; i++) {
		if (__atomic_load_n(word, __ATOMIC_SEQ_CST) != old)
			return 1;
		__builtin_ia32_pause();
		if (!(i & 63) && now_ns() > deadline)
			return 0;
	}
}

/* Spins, then sleeps until *word != old; -1 after timeout_ms asleep. */
static int wait_changed(uint32_t *word, uint32_t old, uint32_t *sleeps, long spin_ns,
			int timeout_ms)
{
	struct timespec ts = { timeout_ms / 1000, (timeout_ms % 1000) * 1000000L };

	if (spin_until_changed(word, old, spin_ns))
		return 0;
	__atomic_store_n(sleeps, 1, __ATOMIC_SEQ_CST);
	while (__atomic_load_n(word, __ATOMIC_SEQ_CST) == old) {
		if (futex(word, FUTEX_WAIT, old, timeout_ms ? &ts : NULL) < 0 &&
		    timeout_ms && __atomic_load_n(word, __ATOMIC_SEQ_CST) == old) {
			__atomic_store_n(sleeps, 0, __ATOMIC_SEQ_CST);
			return -1;
		}
	}
	__atomic_store_n(sleeps, 0, __ATOMIC_SEQ_CST);
	return 0;
}

static void publish(uint32_t *word, uint32_t val, uint32_t *other_sleeps)
{
	__atomic_store_n(word, val, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(other_sleeps, __ATOMIC_SEQ_CST))
		futex(word, FUTEX_WAKE, 1, NULL);
}

struct shm_channel *shm_channel_new(void)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

int64_t shm_channel_call(struct shm_channel *ch, const uint64_t args[6], long spin_ns)
{
	uint32_t seq = ch->req_seq + 1;

	for (int i = 0; i < 6; i++)
		ch->args[i] = args[i];
	publish(&ch->req_seq, seq, &ch->server_sleeps);
	wait_changed(&ch->rep_seq, seq - 1, &ch->caller_sleeps, spin_ns, 0);
	return ch->ret;
}

int shm_channel_serve(struct shm_channel *ch, long n, long spin_ns, int timeout_ms)
{
	for (long i = 0; i < n; i++) {
		uint32_t last = ch->rep_seq;

		if (wait_changed(&ch->req_seq, last, &ch->server_sleeps, spin_ns, timeout_ms))
			return -1;
		ch->ret = (int64_t)ch->args[0] + 1;
		publish(&ch->rep_seq, last + 1, &ch->caller_sleeps);
	}
	return 0;
}
