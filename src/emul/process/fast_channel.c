/*
 * The fast channel, supervisor side (fast_channel.h).  The block's struct
 * lsw_fast is written by the program at any time: the state word only
 * moves by compare-and-swap from the one value that means "posted", and
 * number and arguments are copied once after that and checked against
 * fastcalls.def; nothing else of it is read (docs/fastpath.md).
 */
#include <linux/futex.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "emul/emul.h"
#include "emul/memory/remote.h"
#include "emul/observer.h"
#include "emul/process/fast_channel.h"
#include "tracer/notify.h"

enum {
#define NTCALL(num, name, nargs, klass, support) FAST_NR_##name = num,
#include <lsw/ntcalls.def>
#undef NTCALL
};

static const uint16_t fast_numbers[] = {
#define FASTCALL(name) FAST_NR_##name,
#define FASTCALL_IO(name) FAST_NR_##name,
#include <lsw/fastcalls.def>
#undef FASTCALL_IO
#undef FASTCALL
};

/* Calls with stack arguments whose answer may carry ops (file I/O). */
static const uint16_t io_numbers[] = {
#define FASTCALL(name)
#define FASTCALL_IO(name) FAST_NR_##name,
#include <lsw/fastcalls.def>
#undef FASTCALL_IO
#undef FASTCALL
};

/* Calls whose outputs only report (no handle or object behind them): the
 * runtime may store them after the answer, a fault there making the call
 * STATUS_ACCESS_VIOLATION with nothing to undo.  A call that creates a
 * handle must see its write fail itself, to close the handle. */
static const uint16_t report_numbers[] = {
	FAST_NR_NtQueryPerformanceCounter, FAST_NR_NtQuerySystemTime,
};

static bool listed(const uint16_t *list, size_t n, uint32_t number)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] == number)
			return true;
	return false;
}

bool fast_channel_serves(uint32_t number)
{
	return listed(fast_numbers, sizeof(fast_numbers) / sizeof(fast_numbers[0]), number);
}

bool fast_channel_io(uint32_t number)
{
	return listed(io_numbers, sizeof(io_numbers) / sizeof(io_numbers[0]), number);
}

bool fast_channel_reports(uint32_t number)
{
	return listed(report_numbers, sizeof(report_numbers) / sizeof(report_numbers[0]), number);
}

static struct lsw_fast *fast_of(const struct lsw_thread *t)
{
	return (struct lsw_fast *)((char *)t->block_map + LSW_FAST_OFFSET);
}

static bool usable(const struct lsw_thread *t)
{
	return t->block_map && t->block_map_live && t->started && !t->exited &&
	       !t->terminating && !t->process->terminated && !remote_is_service(t);
}

/* How long polling goes on after an answer: four times the recent time
 * from an answer to the next call (by either way), so a thread that comes
 * back through the syscall soon after polling stopped (its way back from
 * a notification's answer alone can take tens of us when its CPU has to
 * wake up) makes polling last longer, and one that stays away makes it
 * short.  The window grows from the calls themselves: before it was only
 * doubled by a call the channel took, and once it was too short for the
 * thread's way back no call was ever taken again (docs/fastpath.md). */
static void came(struct lsw_host *h, uint64_t now)
{
	uint64_t gap = now - h->fast_answered_ns, window;

	if (!h->fast_answered_ns)
		return;
	if (gap > FAST_WINDOW_MAX_NS)
		gap = FAST_WINDOW_MAX_NS;
	h->fast_gap_ns = (3 * h->fast_gap_ns + gap) / 4;
	window = 4 * h->fast_gap_ns;
	h->fast_window_ns = window < FAST_WINDOW_MIN_NS ? FAST_WINDOW_MIN_NS :
			    window > FAST_WINDOW_MAX_NS ? FAST_WINDOW_MAX_NS : window;
}

static bool hot(const struct lsw_host *h, const struct lsw_thread *t)
{
	for (unsigned i = 0; i < h->fast_nhot; i++)
		if (h->fast_hot[i] == t)
			return true;
	return false;
}

/* The synchronous wake-up of p's listener: off while one of its threads
 * is polled (it would put the thread on the CPU where the supervisor is
 * about to spin for its next call), on otherwise (the notification's
 * round trip then stays on one CPU: a wake-up that crosses CPUs costs
 * tens of us here, bench/mechanisms notif_cross). */
static void sync_wakeup(struct lsw_process *p)
{
	struct lsw_host *h = p->host;
	bool polled = false;

	for (unsigned i = 0; i < h->fast_nhot; i++)
		polled |= h->fast_hot[i]->process == p;
	if (p->notify_fd >= 0 && p->fast_sync_off != polled) {
		notify_sync_wakeup(p->notify_fd, !polled);
		p->fast_sync_off = polled;
	}
}

/* Whether t's call answered now came soon enough after its last one
 * through the syscall that polling could have met it: within the longest
 * window polling lasts for it (the probation window until it is proven;
 * not the learned window, which follows the channel's own, shorter, gaps).
 * A thread's first call, or one that comes hundreds of us after the last
 * (a loader's, hello.exe's: through lswhost ~12 spins, ~100 us of
 * lswhost's CPU a run, and no call ever taken), is not polled for. */
static bool came_soon(struct lsw_thread *t, uint64_t now)
{
	uint64_t last = t->fast_syscall_ns, limit = FAST_PROBATION_NS;

	t->fast_syscall_ns = now;
	if (t->fast_proven)
		limit = FAST_WINDOW_MAX_NS;
	else if (t->fast_reach_ns > limit)
		limit = t->fast_reach_ns;
	return last && now - last <= limit;
}

/* t missed its last window and now called through the syscall.  Came it
 * within the longest window after its answer, it was late, not idle: a
 * thread answered through the notification while it is polled wakes on
 * another CPU, which costs ~45 us when that CPU idles (bench/mechanisms
 * notif_cross at rest), and a copy's thread then moves 64 KiB before its
 * next call, so it missed the 50 us probation window again and again and
 * was backed off for up to 256 calls each time (through lswhost at rest,
 * 12% of the copy's calls were taken).  A thread the channel has served
 * before is polled next time for as long as it took (and half again), and
 * its backoff ends; one that came later than any window, or was never
 * served, keeps the backoff: a loader's calls, hundreds of us apart, are
 * never polled for long, and under load, where no call of a stream is
 * taken (it waits for a CPU after each answer), forgiving it doubled the
 * times it was made hot and found on our CPU, and slowed the copy. */
static void came_late(struct lsw_thread *t, uint64_t now)
{
	uint64_t gap = now - t->fast_answer_ns, reach;

	t->fast_missed = false;
	t->fast_reach_ns = 0;
	if (!t->fast_answer_ns || gap > FAST_WINDOW_MAX_NS || !t->fast_counts.taken)
		return;
	t->fast_counts.late++;
	reach = gap + gap / 2;
	t->fast_reach_ns = reach > FAST_WINDOW_MAX_NS ? FAST_WINDOW_MAX_NS : reach;
	t->fast_skip = t->fast_backoff = 0;
}

void fast_channel_syscalled(struct lsw_thread *t)
{
	struct lsw_host *h = t->process->host;
	uint64_t now = loop_now_ns();
	bool soon;

	h->fast_stats.by_syscall++;
	t->fast_counts.by_syscall++;
	came(h, now);
	if (!t->block_map)
		return;
	if (t->fast_missed)
		came_late(t, now);
	soon = came_soon(t, now);
	/* where it runs after this answer is not known until it posts */
	__atomic_store_n(&fast_of(t)->cpu, 0, __ATOMIC_RELAXED);
	if (!hot(h, t) || t->fast_declined) {
		if (t->fast_declined || soon)
			fast_channel_touch(t);
		else
			h->fast_stats.apart++, t->fast_counts.apart++;
		t->fast_declined = false;
		return;
	}
	/* polled and still calling the old way: it withdrew and backs off
	 * (or the program wrote its block); its next calls are notifications,
	 * which must not cross CPUs meanwhile */
	fast_channel_cool(t);
	h->fast_stats.withdrawn++;
	t->fast_counts.withdrawn++;
}

/* The polled blocks' word: our CPU + 1, or any other non-zero value when
 * it is not known. */
static unsigned polling_word(const struct lsw_host *h)
{
	return h->fast_cpu ? h->fast_cpu : ~0u;
}

void fast_channel_moved(struct lsw_host *h, unsigned cpu)
{
	h->fast_cpu = cpu;
	for (unsigned i = 0; i < h->fast_nhot; i++)
		if (h->fast_hot[i]->block_map)
			__atomic_store_n(&fast_of(h->fast_hot[i])->polling, polling_word(h),
					 __ATOMIC_SEQ_CST);
}

bool fast_channel_here(const struct lsw_thread *t, unsigned cpu)
{
	const struct lsw_fast *f = fast_of(t);

	return t->block_map && __atomic_load_n(&f->cpu, __ATOMIC_RELAXED) == cpu &&
	       __atomic_load_n(&f->state, __ATOMIC_RELAXED) != LSW_FAST_POSTED;
}

void fast_channel_rest(struct lsw_thread *t)
{
	t->fast_backoff = t->fast_backoff ? t->fast_backoff * 2 : 1;
	if (t->fast_backoff > FAST_BACKOFF_MAX)
		t->fast_backoff = FAST_BACKOFF_MAX;
	t->fast_skip = t->fast_backoff;
}

void fast_channel_answered(struct lsw_thread *t)
{
	struct lsw_host *h = t->process->host;

	h->fast_answered_ns = h->fast_last_ns = t->fast_answer_ns = loop_now_ns();
}

void fast_channel_thread_report(const struct lsw_thread *t)
{
	const struct fast_counts *n = &t->fast_counts;

	if (n->taken || n->by_syscall)
		lsw_log("fast channel: thread %u: %u calls taken, %u by the syscall (%u too far "
			"apart to poll for, %u late after a missed window), %u windows missed, "
			"%u times on our CPU, %u withdrawn", t->win_tid, n->taken, n->by_syscall,
			n->apart, n->late, n->missed, n->here, n->withdrawn);
}

void fast_channel_touch(struct lsw_thread *t)
{
	struct lsw_host *h = t->process->host;
	struct lsw_fast *f;

	if (!h->fast_entry || !usable(t) || hot(h, t))
		return;
	f = fast_of(t);
	/* after a withdrawal its next calls take the syscall anyway: polling
	 * for them would only burn the CPU that was missing (the program can
	 * write skip: it only decides whether its own thread is polled) */
	if (h->fast_nhot == FAST_HOT_MAX || __atomic_load_n(&f->skip, __ATOMIC_RELAXED))
		return;
	if (t->fast_skip) { /* it was found on our CPU (fast_channel_rest) */
		t->fast_skip--;
		return;
	}
	h->fast_hot[h->fast_nhot++] = t;
	t->fast_taken = false;
	sync_wakeup(t->process);
	__atomic_store_n(&f->polling, polling_word(h), __ATOMIC_SEQ_CST);
}

void fast_channel_cool(struct lsw_thread *t)
{
	struct lsw_host *h = t->process->host;

	for (unsigned i = 0; i < h->fast_nhot; i++)
		if (h->fast_hot[i] == t) {
			h->fast_hot[i] = h->fast_hot[--h->fast_nhot];
			if (t->block_map)
				__atomic_store_n(&fast_of(t)->polling, 0, __ATOMIC_SEQ_CST);
			sync_wakeup(t->process);
			return;
		}
}

bool fast_channel_take(struct lsw_thread *t, struct fast_request *r, uint64_t now)
{
	struct lsw_fast *f;
	unsigned posted = LSW_FAST_POSTED;
	struct lsw_regs win;

	if (!t->block_map)
		return false;
	f = fast_of(t);
	/* the state word first: polling looks at it again and again */
	if (__atomic_load_n(&f->state, __ATOMIC_RELAXED) != LSW_FAST_POSTED || t->busy ||
	    !usable(t) ||
	    !__atomic_compare_exchange_n(&f->state, &posted, LSW_FAST_TAKEN, false,
					 __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
		return false;
	/* once each, into our memory: the program may change them meanwhile */
	t->process->host->fast_stats.taken++;
	t->fast_counts.taken++;
	t->fast_backoff = 0;
	t->fast_taken = t->fast_proven = true;
	t->fast_missed = false;
	came(t->process->host, now);
	r->number = __atomic_load_n(&f->number, __ATOMIC_RELAXED);
	memcpy(r->args, (const void *)f->args, sizeof(r->args));
	r->served = fast_channel_serves(r->number);
	r->rip = r->rsp = 0;
	/* only lsw trace -k walks from them, and a call with stack arguments
	 * whose copy in the block fell short reads them from rsp: otherwise
	 * the cache lines the thread wrote its registers to stay with it
	 * (traced too: two more lines per call, ~0.1 us each here) */
	if (thread_observer_walks_stack(t) || fast_channel_io(r->number)) {
		memcpy(&win, (const void *)&f->win, sizeof(win));
		r->rip = win.rip;
		r->rsp = win.rsp + 8;
	}
	return true;
}

static void reply(struct lsw_thread *t, uint64_t answer, const void *out, unsigned nout)
{
	struct lsw_fast *f;

	if (!t->block_map)
		return; /* its block is gone: so is the thread */
	f = fast_of(t);
	/* the outputs go over the arguments (copied at the take), in the
	 * line the answer moves anyway; their count in the answer, so that
	 * nothing of a call outlives its answer (a count the program wrote
	 * only makes its runtime store its own values where it pointed) */
	if (nout > LSW_FAST_MAX_OUT)
		nout = LSW_FAST_MAX_OUT;
	if (nout)
		memcpy((void *)f->out, out, nout * sizeof(f->out[0]));
	__atomic_store_n(&f->answer, answer | (uint64_t)nout << LSW_FAST_NOUT_SHIFT,
			 __ATOMIC_RELAXED);
	if (__atomic_exchange_n(&f->state, LSW_FAST_ANSWERED, __ATOMIC_SEQ_CST) ==
	    LSW_FAST_SLEEPING) {
		t->process->host->fast_stats.wakes++;
		syscall(SYS_futex, &f->state, FUTEX_WAKE, 1, NULL, NULL, 0);
	}
	/* an interrupt that came while the call was ours was put off by the
	 * runtime (fast_interrupt.c): it must come again, after the answer.
	 * Only one we sent is (the word is looked at only then: the thread is
	 * already writing its next call into this cache line, which even a
	 * load takes back, one more transfer between the CPUs per call; the
	 * runtime clears the word at each post) */
	if (t->interrupt_sent && !t->exited && __atomic_load_n(&f->irq_deferred, __ATOMIC_SEQ_CST) &&
	    __atomic_exchange_n(&f->irq_deferred, 0, __ATOMIC_SEQ_CST))
		syscall(SYS_tgkill, t->process->pid, t->tid, LSW_INTERRUPT_SIGNAL);
	fast_channel_touch(t);
	fast_channel_answered(t);
}

void fast_channel_answer(struct lsw_thread *t, uint32_t status, bool ops, const void *out,
			 unsigned nout)
{
	reply(t, status | (ops ? LSW_FAST_OPS : 0), out, nout);
}

bool fast_channel_may_serve(const struct lsw_thread *t, const struct fast_request *r)
{
	/* an alertable wait may run APCs (ops), a traced one must show one
	 * call in the trace: the syscall makes them */
	if (r->number == FAST_NR_NtWaitForSingleObject)
		return !(uint8_t)r->args[1] && !thread_observer(t);
	/* a traced I/O shows its buffer as the call ends: the syscall's path
	 * (file_direct.c serves only the untraced) */
	if (fast_channel_io(r->number))
		return !thread_observer(t);
	return true;
}

void fast_channel_decline(struct lsw_thread *t)
{
	t->busy = false;
	t->fast_declined = true; /* its syscall is no withdrawal */
	reply(t, LSW_FAST_FALLBACK, NULL, 0);
}
