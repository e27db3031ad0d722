/* Time and waiting without objects: NtQueryPerformanceCounter,
 * NtQuerySystemTime, NtDelayExecution (waitable.c sleeps), NtYieldExecution. */
#include "emul/emul.h"
#include "emul/sync/apc.h"
#include "emul/system/kuser.h"
#include "emul/sync/sync.h"
#include "emul/sync/waitable.h"

/* NtQueryPerformanceCounter(*PerformanceCounter, *PerformanceFrequency):
 * the clock user mode reads from KUSER_SHARED_DATA when it can (qpc.c) */
NTSTATUS nt_NtQueryPerformanceCounter(struct nt_call *c)
{
	uint64_t now = qpc_now(&c->thread->process->host->kuser.qpc), freq = QPC_FREQUENCY;

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
	uint64_t now = kuser_system_time(&c->thread->process->host->kuser);

	return tracee_write(c->thread, c->args[0], &now, 8) < 0 ? LSW_STATUS_ACCESS_VIOLATION
								 : LSW_STATUS_SUCCESS;
}

/* NtDelayExecution(Alertable, *DelayInterval): a wait on nothing, so that
 * a thread that exits while asleep is forgotten like any waiter. */
NTSTATUS nt_NtDelayExecution(struct nt_call *c)
{
	uint64_t ns;
	NTSTATUS st;

	if (!c->args[1])
		return LSW_STATUS_ACCESS_VIOLATION;
	if ((st = wait_timeout_read(c, c->args[1], &ns)) != LSW_STATUS_SUCCESS ||
	    (st = apc_alertable(c, (uint8_t)c->args[0])) != LSW_STATUS_SUCCESS)
		return st;
	return wait_objects(c, NULL, 0, false, ns);
}

/* NtYieldExecution(): one thread per process so far; nothing to yield to. */
NTSTATUS nt_NtYieldExecution(struct nt_call *c)
{
	return LSW_STATUS_SUCCESS;
}
