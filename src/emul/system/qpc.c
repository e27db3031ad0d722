/*
 * The performance counter: the TSC scaled to 10 MHz, published in
 * KUSER_SHARED_DATA's reference (lsw/qpc_reference.h) so that
 * RtlQueryPerformanceCounter reads it without a system call, as Windows
 * 10 does with an invariant TSC; NtQueryPerformanceCounter answers from
 * the same formula, so that both ways give one clock.
 *
 * Only where the TSC runs at one rate in every state (invariant) and the
 * kernel keeps its own clock with it (its clocksource is "tsc": it found
 * the processors' TSCs synchronized); and not with LSW_QPC=syscall.
 * Until then, and elsewhere, the counter is CLOCK_MONOTONIC, through the
 * system call only.
 *
 * The rate is measured against CLOCK_MONOTONIC, as Windows calibrates the
 * TSC at boot: a sample when the host starts, another 1 ms later (the
 * first answer after that, usually the first process's hello, publishes
 * the reference, continuing the clock the system call gave until then:
 * the rate is then within ~50 ppm), then again over a baseline 16 times
 * longer each time up to ten minutes, each new rate taking over where the
 * old one is, so that the counter never goes back.  (The kernel's own
 * conversion, perf_event's user page, is offered only where its scheduler
 * clock is the TSC; under KVM it is kvm-clock.)
 */
#include <fcntl.h>
#include <cpuid.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <lsw/qpc_reference.h>
#include "emul/system/kuser.h"
#include "emul/system/qpc.h"

#define FIRST_BASELINE_NS 1000000ull      /* 1 ms */
#define LAST_BASELINE_NS 600000000000ull  /* 10 min */

static uint64_t mul_high(uint64_t a, uint64_t b)
{
	return (uint64_t)(((unsigned __int128)a * b) >> 64);
}

static uint64_t read_tsc(bool rdtscp)
{
	uint32_t lo, hi, aux;

	if (rdtscp)
		__asm__ volatile("rdtscp" : "=a"(lo), "=d"(hi), "=c"(aux) : : "memory");
	else
		__asm__ volatile("lfence\n\trdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return (uint64_t)hi << 32 | lo;
}

/* An invariant TSC (one rate in every power state); rdtscp. */
static bool tsc_invariant(bool *rdtscp)
{
	unsigned a, b, c, d;

	if (__get_cpuid_max(0x80000000, NULL) < 0x80000007)
		return false;
	__cpuid(0x80000001, a, b, c, d);
	*rdtscp = d >> 27 & 1;
	__cpuid(0x80000007, a, b, c, d);
	return d >> 8 & 1;
}

/* The kernel keeps time with the TSC: it found it stable and synchronized. */
static bool kernel_clock_is_tsc(void)
{
	char buf[16] = { 0 };
	int fd = open("/sys/devices/system/clocksource/clocksource0/current_clocksource",
		      O_RDONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

	if (fd >= 0)
		close(fd);
	return n >= 3 && !strncmp(buf, "tsc\n", 4);
}

/* A TSC reading and CLOCK_MONOTONIC at the same moment: the tightest of a
 * few brackets (a preemption between the reads spoils one). */
static void sample(bool rdtscp, uint64_t *tsc, uint64_t *ns)
{
	uint64_t best = UINT64_MAX;

	for (int i = 0; i < 4; i++) {
		struct timespec ts;
		uint64_t t0 = read_tsc(rdtscp), t1;

		clock_gettime(CLOCK_MONOTONIC, &ts);
		t1 = read_tsc(rdtscp);
		if (t1 - t0 < best) {
			best = t1 - t0;
			*tsc = t0 + (t1 - t0) / 2;
			*ns = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
		}
	}
}

static void put_reference(struct qpc_clock *q, volatile uint8_t *page)
{
	volatile uint8_t *ref = page + LSW_QPC_REFERENCE_OFFSET;

	/* invalid while it changes: a reader then makes the system call, and
	 * one that read the old sequence sees it change and reads again */
	*(volatile uint32_t *)(ref + LSW_QPC_REF_SEQUENCE) = 0;
	__atomic_thread_fence(__ATOMIC_RELEASE);
	*(volatile uint64_t *)(ref + LSW_QPC_REF_SCALE) = q->scale;
	*(volatile int64_t *)(ref + LSW_QPC_REF_OFFSET) = q->offset;
	__atomic_thread_fence(__ATOMIC_RELEASE);
	if (!++q->sequence)
		q->sequence = 1;
	*(volatile uint32_t *)(ref + LSW_QPC_REF_SEQUENCE) = q->sequence;
}

/* The system call from now on (CLOCK_MONOTONIC), for good. */
static void turn_off(struct qpc_clock *q, volatile uint8_t *page)
{
	page[LSW_USD_QPC_BYPASS] = 0;
	*(volatile uint32_t *)(page + LSW_QPC_REFERENCE_OFFSET + LSW_QPC_REF_SEQUENCE) = 0;
	q->sequence = 0;
	q->next_ns = 0;
}

/* The rate from the first sample to now; the counter goes on from where
 * it is now (the system call's CLOCK_MONOTONIC before the first one). */
static void calibrate(struct qpc_clock *q, volatile uint8_t *page)
{
	uint64_t tsc, ns, baseline, now;
	unsigned __int128 scale;

	sample(q->rdtscp, &tsc, &ns);
	baseline = ns - q->first_ns;
	if (tsc <= q->first_tsc) { /* reset (a resume): the TSC cannot serve */
		turn_off(q, page);
		return;
	}
	if (!baseline)
		return;
	/* 100 ns units per TSC tick, as a 64-bit binary fraction */
	scale = ((unsigned __int128)baseline << 64) / ((unsigned __int128)(tsc - q->first_tsc) * 100);
	if (scale >> 64) { /* a TSC slower than 10 MHz */
		turn_off(q, page);
		return;
	}
	now = q->sequence ? mul_high(tsc, q->scale) + (uint64_t)q->offset : ns / 100;
	q->scale = (uint64_t)scale;
	q->offset = (int64_t)(now - mul_high(tsc, q->scale));
	put_reference(q, page);
	q->next_ns = baseline >= LAST_BASELINE_NS ? 0 : q->first_ns + 16 * baseline;
}

void qpc_init(struct qpc_clock *q)
{
	const char *mode = getenv("LSW_QPC");

	memset(q, 0, sizeof(*q));
	if ((mode && !strcmp(mode, "syscall")) || !tsc_invariant(&q->rdtscp))
		return;
	sample(q->rdtscp, &q->first_tsc, &q->first_ns);
	q->next_ns = q->first_ns + FIRST_BASELINE_NS;
}

void qpc_refresh(struct qpc_clock *q, volatile uint8_t *page, uint64_t now_ns)
{
	if (!q->next_ns || now_ns < q->next_ns)
		return;
	if (!q->sequence && !kernel_clock_is_tsc()) { /* read once, off the start */
		q->next_ns = 0;
		return;
	}
	calibrate(q, page);
	if (q->sequence && !page[LSW_USD_QPC_BYPASS])
		page[LSW_USD_QPC_BYPASS] = LSW_QPC_BYPASS_ENABLED | LSW_QPC_BYPASS_USE_HV_PAGE |
			(q->rdtscp ? LSW_QPC_BYPASS_USE_RDTSCP : LSW_QPC_BYPASS_USE_LFENCE);
}

bool qpc_in_user_mode(const struct qpc_clock *q)
{
	return q->sequence != 0;
}

uint64_t qpc_now(const struct qpc_clock *q)
{
	if (!q->sequence)
		return nt_interrupt_time();
	return mul_high(read_tsc(q->rdtscp), q->scale) + (uint64_t)q->offset;
}
