/*
 * The fast channel's polling (docs/fastpath.md).  After a thread made a
 * call of fastcalls.def, the loop polls its block (and those of the other
 * "hot" threads) before it looks at its fds, spinning up to SLICE_NS at a
 * time; a posted call is taken and served at once.  When no call came for
 * the window, polling stops: the blocks say so, one last look catches a
 * call posted meanwhile, and the loop sleeps in epoll_wait again (the
 * runtime then uses the syscall until a call makes its thread hot again).
 * The window counts from the last answer and follows how soon calls come
 * back after an answer (fast_channel.c).
 */
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include "emul/process/fast_channel.h"
#include "emul/system/kuser.h"
#include "host/host.h"
#include "tracer/notify.h"

#define RUNTIME_BASE 0x7e0000000000ull /* runtime/meson.build: -Ttext-segment */
#define RUNTIME_SPAN (16ull << 20)
#define SLICE_NS 10000ull       /* then the fds get a look */

/* Takes and serves one posted call; false when none is posted. */
static bool take_one(struct lsw_host *h, uint64_t now)
{
	struct fast_request r;

	for (unsigned i = 0; i < h->fast_nhot; i++) {
		struct lsw_thread *t = h->fast_hot[i];

		if (t->exited || t->process->terminated) {
			fast_channel_cool(t);
			i--;
			continue;
		}
		if (fast_channel_take(t, &r, now)) {
			host_enter_job(h, t->process->job);
			serve_fast(t, &r);
			return true;
		}
	}
	return false;
}

/* The window passed, or every polled thread is on our CPU (here: they
 * rest): stop polling, then look once more (a thread may have posted
 * before it saw polling stop).  1 when a call came after all.  A thread
 * polled for the whole window without a call taken rests too: its calls
 * come further apart than spinning can wait (the loader's between its
 * registry and section calls: through lswhost, hello.exe's polling cost
 * 46 spins, ~440 us a run, and no call was taken), so spinning for its next ones is put off
 * for 1, 2, 4 ... of them, as gVisor's systrap stops spinning for a stub
 * thread whose events did not come within its spin window. */
static int cool_all(struct lsw_host *h, bool here)
{
	struct lsw_thread *was[FAST_HOT_MAX];
	unsigned n = h->fast_nhot;

	h->fast_stats.cools++;
	memcpy(was, h->fast_hot, n * sizeof(was[0]));
	while (h->fast_nhot)
		fast_channel_cool(h->fast_hot[0]);
	for (unsigned i = 0; i < n; i++)
		if (here || !was[i]->fast_taken) {
			h->fast_stats.missed += !here;
			was[i]->fast_counts.missed += !here;
			was[i]->fast_counts.here += here;
			was[i]->fast_missed = !here; /* late or idle: its next call says */
			was[i]->fast_proven = false;
			fast_channel_rest(was[i]);
		}
	for (unsigned i = 0; i < n; i++) {
		struct fast_request r;

		if (fast_channel_take(was[i], &r, loop_now_ns())) {
			host_enter_job(h, was[i]->process->job);
			serve_fast(was[i], &r); /* may free other records: stop here */
			return 1;
		}
	}
	return 0;
}

/* Every polled thread is on our CPU: it cannot post while we spin. */
static bool all_here(const struct lsw_host *h, unsigned cpu)
{
	for (unsigned i = 0; i < h->fast_nhot; i++)
		if (!fast_channel_here(h->fast_hot[i], cpu))
			return false;
	return cpu != 0;
}

static unsigned our_cpu(void)
{
	int cpu = sched_getcpu();

	return cpu >= 0 ? (unsigned)cpu + 1 : 0;
}

/* How long polling goes on after the last answer: the window, or the
 * probation window while no polled thread has shown that its calls come
 * back within one (FAST_PROBATION_NS), longer for a thread that came late
 * after its last window (fast_channel.c, came_late). */
static uint64_t window_ns(const struct lsw_host *h)
{
	uint64_t w = h->fast_window_ns < FAST_PROBATION_NS ? h->fast_window_ns : FAST_PROBATION_NS;

	for (unsigned i = 0; i < h->fast_nhot; i++) {
		if (h->fast_hot[i]->fast_proven)
			return h->fast_window_ns;
		if (h->fast_hot[i]->fast_reach_ns > w)
			w = h->fast_hot[i]->fast_reach_ns;
	}
	return w;
}

/* The loop's poller: 1 to look at the fds without sleeping, 0 to sleep. */
static int fast_poll(void *arg)
{
	struct lsw_host *h = arg;
	uint64_t start, now, window;
	unsigned cpu, looks = 0;
	bool here;

	if (!h->fast_nhot)
		return 0;
	window = window_ns(h);
	if ((cpu = our_cpu()) != h->fast_cpu)
		fast_channel_moved(h, cpu);
	start = now = loop_now_ns();
	h->fast_stats.slices++;
	do {
		/* a call served, the slice goes on: the fds get their look when
		 * it ends, not after every call (an epoll_wait a call before) */
		if (take_one(h, now)) {
			if (!h->fast_nhot)
				break;
			window = window_ns(h);
			now = loop_now_ns();
			continue;
		}
		/* now and then: the blocks' cpu words share a cache line with
		 * what the thread writes at each call */
		here = !(++looks % 64) && all_here(h, cpu);
		if (here || now - h->fast_last_ns > window) {
			h->fast_stats.spin_ns += now - start;
			h->fast_stats.here += here;
			return cool_all(h, here);
		}
		__builtin_ia32_pause();
		/* the clock every fourth look: it cost as much as a look */
		if (!(looks % 4))
			now = loop_now_ns();
	} while (now - start < SLICE_NS);
	h->fast_stats.spin_ns += now - start;
	return 1;
}

void fastcall_report(struct lsw_host *h)
{
	struct fast_stats *s = &h->fast_stats;

	if (h->fast_entry)
		lsw_log("fast channel: %llu calls taken, %llu by the syscall (%llu too far apart "
			"to poll for), %llu futex wakes, "
			"%llu cool-downs (%llu on our CPU, %llu missed), %llu withdrawn, "
			"%llu spins (%llu us), the supervisor last on CPU %d",
			(unsigned long long)s->taken, (unsigned long long)s->by_syscall,
			(unsigned long long)s->apart,
			(unsigned long long)s->wakes, (unsigned long long)s->cools, (unsigned long long)s->here,
			(unsigned long long)s->missed, (unsigned long long)s->withdrawn,
			(unsigned long long)s->slices, (unsigned long long)(s->spin_ns / 1000),
			(int)h->fast_cpu - 1);
}

void fastcall_publish(struct lsw_host *h, uint64_t entry)
{
	const char *env = getenv("LSW_FASTCALL");

	if (h->fast_entry || entry < RUNTIME_BASE || entry >= RUNTIME_BASE + RUNTIME_SPAN ||
	    (env && !strcmp(env, "0")) || !h->kuser.page)
		return;
	h->fast_entry = entry;
	h->fast_window_ns = FAST_WINDOW_MAX_NS / 4;
	memcpy((void *)(h->kuser.page + (LSW_FAST_ENTRY_VA - KUSER_SHARED_DATA_VA)), &entry,
	       sizeof(entry));
	h->kuser.page[LSW_FAST_ON_VA - KUSER_SHARED_DATA_VA] = 1;
	loop_set_poller(&h->loop, fast_poll, h);
}
