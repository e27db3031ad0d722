/*
 * The fast channel, supervisor side (docs/fastpath.md): the threads whose
 * blocks are polled ("hot": they made a call of fastcalls.def recently),
 * taking a posted call, and answering it through the block.  The polling
 * itself is the host loop's (host/fastcall.c).
 */
#ifndef LSW_FAST_CHANNEL_H
#define LSW_FAST_CHANNEL_H

#include <stdbool.h>
#include <stdint.h>

struct lsw_thread;

/* How long polling goes on without a call, at least: about what a call
 * that finds polling stopped costs (the syscall, and a wake-up of the
 * supervisor on another CPU: 25-50 us here, bench/mechanisms notif_cross),
 * so a thread calling in a loop that was held up for a moment (an
 * interrupt, its CPU taken) does not pay that for it; spinning longer
 * than a miss costs would be worse than missing (docs/fastpath.md). */
#define FAST_WINDOW_MIN_NS 25000ull
#define FAST_WINDOW_MAX_NS 200000ull
#define FAST_BACKOFF_MAX 256u        /* calls not polled after being found on our CPU */
/* The window while no polled thread has had a call taken since it started
 * or last missed a window: long enough for a notification's answer to
 * wake the thread on another CPU and its next call to come, short enough
 * that a loader's calls, which come hundreds of us apart, cost little. */
#define FAST_PROBATION_NS 50000ull

/* A call taken from a block: copied once, validated. */
struct fast_request {
	uint32_t number;      /* a call of fastcalls.def, or the call is refused */
	bool served;          /* number is one the channel serves */
	uint64_t args[4];
	uint64_t rip, rsp;    /* the caller's, for lsw trace -k (0: not traced) */
};

bool fast_channel_serves(uint32_t number);
/* A call with stack arguments whose answer may carry ops (FASTCALL_IO):
 * not DIRECT, its arguments 5.. are in the block (nstack) or at rsp. */
bool fast_channel_io(uint32_t number);
/* Its outputs only report: the runtime may store them (nt_call.out). */
bool fast_channel_reports(uint32_t number);
/* t just made (or was answered) a call of fastcalls.def: poll its block
 * for the next one. */
void fast_channel_touch(struct lsw_thread *t);
/* Stops polling t's block (it ended, backs off, or polling stops). */
void fast_channel_cool(struct lsw_thread *t);
/* t made a call of fastcalls.def through the syscall: the window learns
 * how soon calls come back after an answer; t is polled for its next
 * call, or no more when it was polled already (it backs off). */
void fast_channel_syscalled(struct lsw_thread *t);
/* A call of fastcalls.def was just answered, either way: polling goes on
 * for the window from now. */
void fast_channel_answered(struct lsw_thread *t);
/* --debug: what the channel did for t, when it did anything. */
void fast_channel_thread_report(const struct lsw_thread *t);
struct lsw_host;
/* The supervisor now runs on cpu + 1 (0: not known): the polled blocks
 * say so (the runtime does not wait for a supervisor on its own CPU). */
void fast_channel_moved(struct lsw_host *h, unsigned cpu);
/* t last posted from cpu + 1 and has no call posted: it runs (or waits to
 * run) where the supervisor spins, so spinning cannot meet it. */
bool fast_channel_here(const struct lsw_thread *t, unsigned cpu);
/* t was found there, or was polled for a whole window without posting
 * (a loader between its calls): its next calls do not make it hot (more
 * of them each time in a row, until the channel takes one of its calls). */
void fast_channel_rest(struct lsw_thread *t);
/* If t posted a call and can take one now, takes it into r; now: the
 * poller's last look at the clock (a read here would delay the call). */
bool fast_channel_take(struct lsw_thread *t, struct fast_request *r, uint64_t now);
/* The answer of t's call taken from its block, with nout outputs
 * {addr, value} for the runtime to store, and ops in the block for it to
 * run first (a FASTCALL_IO call); wakes it if it sleeps. */
void fast_channel_answer(struct lsw_thread *t, uint32_t status, bool ops, const void *out,
			 unsigned nout);
/* Whether the channel makes r's call now (else fast_channel_decline). */
bool fast_channel_may_serve(const struct lsw_thread *t, const struct fast_request *r);
/* t's call taken from its block must go through the syscall after all (a
 * wait that would block, or one the channel does not make): the runtime
 * makes it again, nothing of it was done. */
void fast_channel_decline(struct lsw_thread *t);

#endif
