/*
 * The timer resolution (NtQueryTimerResolution, NtSetTimerResolution;
 * timeBeginPeriod asks through them).  The machine's resolution is the
 * finest any live process asked for, else the 64 Hz tick; a process's
 * request goes with it.  Waits here are not tied to a tick, so the value
 * is what programs read back, not what they get.
 */
#include "emul/emul.h"

#define RESOLUTION_COARSEST 156250u /* 15.625 ms: the 64 Hz tick */
#define RESOLUTION_FINEST 5000u     /* 0.5 ms */
#define STATUS_TIMER_RESOLUTION_NOT_SET ((NTSTATUS)0xC0000245u)

static uint32_t current_resolution(const struct lsw_host *h)
{
	uint32_t cur = RESOLUTION_COARSEST;

	for (const struct lsw_process *p = h->processes; p; p = p->next)
		if (!p->terminated && p->timer_resolution && p->timer_resolution < cur)
			cur = p->timer_resolution;
	return cur;
}

/* NtQueryTimerResolution(*MaximumTime, *MinimumTime, *CurrentTime): the
 * coarsest, the finest and the current interval, 100 ns units. */
NTSTATUS nt_NtQueryTimerResolution(struct nt_call *c)
{
	uint32_t coarsest = RESOLUTION_COARSEST, finest = RESOLUTION_FINEST;
	uint32_t cur = current_resolution(c->thread->process->host);

	if (!c->args[0] || !c->args[1] || !c->args[2] ||
	    tracee_write(c->thread, c->args[0], &coarsest, 4) < 0 ||
	    tracee_write(c->thread, c->args[1], &finest, 4) < 0 ||
	    tracee_write(c->thread, c->args[2], &cur, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

/* NtSetTimerResolution(DesiredTime, SetResolution, *ActualTime): asks for
 * DesiredTime (within the range), or takes the process's request back
 * (STATUS_TIMER_RESOLUTION_NOT_SET when it made none); *ActualTime is the
 * machine's resolution after. */
NTSTATUS nt_NtSetTimerResolution(struct nt_call *c)
{
	struct lsw_process *p = c->thread->process;
	uint32_t want = (uint32_t)c->args[0], cur, before = p->timer_resolution;
	NTSTATUS st = LSW_STATUS_SUCCESS;

	if (!c->args[2])
		return LSW_STATUS_ACCESS_VIOLATION; /* nothing changes */
	if ((uint8_t)c->args[1])
		p->timer_resolution = want < RESOLUTION_FINEST     ? RESOLUTION_FINEST
				      : want > RESOLUTION_COARSEST ? RESOLUTION_COARSEST
								   : want;
	else if (p->timer_resolution)
		p->timer_resolution = 0;
	else
		st = STATUS_TIMER_RESOLUTION_NOT_SET;
	cur = current_resolution(p->host);
	if (tracee_write(c->thread, c->args[2], &cur, 4) < 0) {
		p->timer_resolution = before;
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	return st;
}
