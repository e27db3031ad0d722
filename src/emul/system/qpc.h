#ifndef LSW_QPC_H
#define LSW_QPC_H

#include <stdbool.h>
#include <stdint.h>

/* The performance counter's clock (qpc.c): the TSC at a rate measured
 * against CLOCK_MONOTONIC, published in KUSER_SHARED_DATA for user mode;
 * or, where the TSC cannot serve, CLOCK_MONOTONIC through the system call
 * only. */
struct qpc_clock {
	uint64_t first_tsc, first_ns; /* the calibration's first sample */
	uint64_t next_ns;             /* CLOCK_MONOTONIC of the next calibration,
				       * 0: none (no TSC, or done) */
	uint32_t sequence;            /* the reference's TscSequence, 0: invalid */
	uint64_t scale;               /* TscScale: 100 ns units per TSC tick << 64 */
	int64_t offset;               /* TscOffset */
	bool rdtscp;                  /* the processor has rdtscp */
};

/* Takes the calibration's first sample when the TSC may serve; never
 * fails (the reference is published by qpc_refresh). */
void qpc_init(struct qpc_clock *q);
/* Before answers and at each tick (now_ns: CLOCK_MONOTONIC): calibrates
 * when due, publishing the reference in the page (KUSER_SHARED_DATA). */
void qpc_refresh(struct qpc_clock *q, volatile uint8_t *page, uint64_t now_ns);
/* The counter now, as user mode reads it from the page (100 ns units). */
uint64_t qpc_now(const struct qpc_clock *q);
/* The counter is readable in user mode (the reference is valid). */
bool qpc_in_user_mode(const struct qpc_clock *q);

#endif
