/*
 * What ntfuzz's other threads do: short waits on, and releases of, the
 * handles the main thread made lately, so the supervisor serves calls on
 * the same objects from several threads at once (an object closed while
 * another thread waits on it, a mutex its owner abandons when terminated,
 * a wait for all of two objects another thread signals).  They draw from
 * a generator of their own: the main thread's calls stay those its seed
 * gives, whatever the timing.
 */
#include "ntfuzz.h"

#define SHARED 16
#define STACKS MAX_THREADS
#define STACK_SIZE (16u * 1024)

static volatile uint64_t shared[SHARED];
static unsigned next_shared;
static uint32_t nr_wait_one, nr_wait_many, nr_release_mutant, nr_set_event,
	nr_release_semaphore, nr_delay;
static uint64_t thread_of_stack[STACKS];
static uint8_t stacks[STACKS][STACK_SIZE] __attribute__((aligned(16)));

void threads_init(void)
{
	nr_wait_one = calls[call_row("NtWaitForSingleObject")].number;
	nr_wait_many = calls[call_row("NtWaitForMultipleObjects")].number;
	nr_release_mutant = calls[call_row("NtReleaseMutant")].number;
	nr_set_event = calls[call_row("NtSetEvent")].number;
	nr_release_semaphore = calls[call_row("NtReleaseSemaphore")].number;
	nr_delay = calls[call_row("NtDelayExecution")].number;
}

void share_handle(uint64_t h)
{
	shared[next_shared] = h;
	next_shared = (next_shared + 1) % SHARED;
}

/* Where a thread restarted by NtSetContextThread runs: a stack of its own
 * (threads sharing one would overwrite each other's frames), or 0 if the
 * handle is not one of ntfuzz's threads. */
uint64_t restart_stack(uint64_t thread)
{
	for (unsigned i = 0; i < STACKS; i++)
		if (thread_of_stack[i] && ((thread_of_stack[i] ^ thread) & 0xFFFFFFFCu) == 0)
			return (uint64_t)stacks[i] + STACK_SIZE - 8;
	return 0;
}

void thread_made(uint64_t h)
{
	for (unsigned i = 0; i < STACKS; i++)
		if (!thread_of_stack[i]) {
			thread_of_stack[i] = h;
			return;
		}
}

static uint32_t one_call(uint64_t x, uint64_t *a)
{
	uint64_t h = shared[x % SHARED], pair[2] = { h, shared[(x >> 4) % SHARED] };
	int64_t timeout = -(int64_t)((x >> 12) % 30000);   /* up to 3 ms */

	a[0] = h;
	switch ((x >> 8) % 6) {
	case 0:
		a[1] = 1;                  /* alertable: APCs run here */
		a[2] = (uint64_t)&timeout;
		return raw_ntcall(nr_wait_one, a);
	case 1:
		a[0] = 2;
		a[1] = (uint64_t)pair;
		a[2] = (x >> 20) & 1;      /* WaitAll or WaitAny */
		a[3] = 1;
		a[4] = (uint64_t)&timeout;
		return raw_ntcall(nr_wait_many, a);
	case 2: return raw_ntcall(nr_release_mutant, a);
	case 3: return raw_ntcall(nr_set_event, a);
	case 4:
		a[1] = 1;
		return raw_ntcall(nr_release_semaphore, a);
	default:
		a[0] = 1;
		a[1] = (uint64_t)&timeout;
		return raw_ntcall(nr_delay, a);
	}
}

void fuzz_thread_main(uint64_t seed)
{
	uint64_t x = seed | 1;

	for (;;) {
		uint64_t a[NT_MAX_ARGS] = { 0 };
		int64_t pause = -20000;            /* 2 ms between calls */

		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		one_call(x, a);
		a[0] = 1;
		a[1] = (uint64_t)&pause;
		raw_ntcall(nr_delay, a);
	}
}
