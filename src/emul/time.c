/* Time and waiting without objects: NtQueryPerformanceCounter,
 * NtQuerySystemTime, NtDelayExecution, NtYieldExecution. */
#include "emul/emul.h"
#include "emul/kuser.h"
#include "tracer/loop.h"

#define QPC_FREQUENCY 10000000ull  /* 100 ns units, as Windows 10 reports */

/* NtQueryPerformanceCounter(*PerformanceCounter, *PerformanceFrequency) */
NTSTATUS nt_NtQueryPerformanceCounter(struct nt_call *c)
{
	uint64_t now = nt_interrupt_time(), freq = QPC_FREQUENCY;

	if (!c->args[0])
		return LSW_STATUS_ACCESS_VIOLATION;
	if (c->args[1] ? tracee_write2(c->thread, c->args[0], &now, 8, c->args[1], &freq, 8)
		       : tracee_write(c->thread, c->args[0], &now, 8))
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

/* NtQuerySystemTime(*SystemTime) */
NTSTATUS nt_NtQuerySystemTime(struct nt_call *c)
{
	uint64_t now = nt_system_time();

	return tracee_write(c->thread, c->args[0], &now, 8) < 0 ? LSW_STATUS_ACCESS_VIOLATION
								 : LSW_STATUS_SUCCESS;
}

static void wake(void *arg, uint32_t ev)
{
	nt_answer(arg, LSW_STATUS_SUCCESS);
}

/* NtDelayExecution(Alertable, *DelayInterval): negative is relative, in
 * 100 ns units; positive is an absolute system time. */
NTSTATUS nt_NtDelayExecution(struct nt_call *c)
{
	int64_t interval;
	uint64_t wait_ns;

	if (tracee_read(c->thread, c->args[1], &interval, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (interval == INT64_MIN)
		return NT_DEFERRED; /* INFINITE: only the end of the process wakes it */
	if (interval < 0) {
		uint64_t ticks = (uint64_t)-interval;

		if (ticks > UINT64_MAX / 100 - loop_now_ns())
			return NT_DEFERRED; /* beyond any lifetime: as infinite */
		wait_ns = ticks * 100;
	} else {
		uint64_t now = nt_system_time();
		wait_ns = (uint64_t)interval > now ? ((uint64_t)interval - now) * 100 : 0;
	}
	if (wait_ns == 0)
		return LSW_STATUS_SUCCESS;
	if (!loop_add_timer(loop_now_ns() + wait_ns, wake, c->thread))
		return LSW_STATUS_NO_MEMORY;
	return NT_DEFERRED;
}

/* NtYieldExecution(): one thread per process so far; nothing to yield to. */
NTSTATUS nt_NtYieldExecution(struct nt_call *c)
{
	return LSW_STATUS_SUCCESS;
}
