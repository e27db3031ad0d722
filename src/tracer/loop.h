/* The supervisor's single-threaded event loop: fds, timers, nothing blocks. */
#ifndef LSW_LOOP_H
#define LSW_LOOP_H

#include <stdint.h>

typedef void loop_fn(void *arg, uint32_t events);

int loop_init(void);
/* Level-triggered watch; the callback stays until loop_unwatch. */
int loop_watch(int fd, uint32_t events, loop_fn *fn, void *arg);
void loop_unwatch(int fd);
/* Monotonic-clock timers, ns.  Returns an id for loop_cancel_timer. */
uint64_t loop_add_timer(uint64_t deadline_ns, loop_fn *fn, void *arg);
void loop_cancel_timer(uint64_t id);
uint64_t loop_now_ns(void);
/* Runs until loop_stop(). */
int loop_run(void);
void loop_stop(void);

#endif
