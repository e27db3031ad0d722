/*
 * The supervisor's single-threaded event loop: fds, timers, nothing blocks.
 * One loop serves a whole host (every process, every job); its owner makes
 * it and hands it to whatever needs to watch an fd or set a timer.
 */
#ifndef LSW_LOOP_H
#define LSW_LOOP_H

#include <stddef.h>
#include <stdint.h>

typedef void loop_fn(void *arg, uint32_t events);
/* Called before each wait: 1 to look at the fds without sleeping. */
typedef int loop_poll_fn(void *arg);

struct loop_watch;
struct loop_timer;
struct loop_idle;

struct loop {
	int epfd, tfd;
	uint64_t armed;              /* the timerfd's deadline (UINT64_MAX: none) */
	struct loop_watch *watches;
	size_t nwatches;
	struct loop_timer *timers;   /* unsorted; few at a time */
	size_t ntimers, captimers;
	uint64_t next_timer_id;
	struct loop_idle *idle;      /* run once when nothing else is ready */
	size_t nidle, capidle;
	int stopping;
	loop_poll_fn *poll;
	void *poll_arg;
};

/* 0, or -1 with errno. */
int loop_init(struct loop *l);
void loop_fini(struct loop *l);
/* Level-triggered watch; the callback stays until loop_unwatch. */
int loop_watch(struct loop *l, int fd, uint32_t events, loop_fn *fn, void *arg);
void loop_unwatch(struct loop *l, int fd);
/* Monotonic-clock timers, ns.  Returns an id for loop_cancel_timer (0: no
 * memory, the timer was not set). */
uint64_t loop_add_timer(struct loop *l, uint64_t deadline_ns, loop_fn *fn, void *arg);
void loop_cancel_timer(struct loop *l, uint64_t id);
uint64_t loop_now_ns(void);
/* Something the loop polls besides its fds (one at most). */
void loop_set_poller(struct loop *l, loop_poll_fn *fn, void *arg);
/* fn(arg, 0) once, the next time no fd and no timer is ready: work that
 * may wait (refilling a pool) stays off the path of what is being
 * served.  A pair already queued is not queued twice.  0, or -1 (no
 * memory: not queued). */
int loop_when_idle(struct loop *l, loop_fn *fn, void *arg);
void loop_cancel_idle(struct loop *l, loop_fn *fn, void *arg);
/* Runs until loop_stop(). */
int loop_run(struct loop *l);
void loop_stop(struct loop *l);

#endif
