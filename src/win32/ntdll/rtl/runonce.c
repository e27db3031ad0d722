/*
 * One-time initialisation (RTL_RUN_ONCE, kernel32's INIT_ONCE).
 *
 * RTL_RUN_ONCE.Ptr: the low two bits hold the state.
 *   0  not started
 *   1  running synchronously; the other bits count sleepers (<< 2), who
 *      wait on the process-wide keyed event with the structure as key
 *   2  done; the other bits are the context (aligned pointer)
 *   3  running asynchronously (INIT_ONCE_ASYNC): nobody sleeps, every
 *      async caller may race to complete it
 */
#include "rtl_private.h"

#define ONCE_IDLE 0
#define ONCE_RUNNING 1
#define ONCE_DONE 2
#define ONCE_ASYNC 3
#define ONCE_WAITER 4
#define ONCE_STATE(s) ((s) & 3)

typedef volatile ULONG_PTR once_word;

static once_word *ow(PRTL_RUN_ONCE once)
{
	return (once_word *)&once->Ptr;
}

static BOOL once_cas(PRTL_RUN_ONCE once, ULONG_PTR *old, ULONG_PTR new)
{
	return __atomic_compare_exchange_n(ow(once), old, new, FALSE, __ATOMIC_ACQ_REL,
					   __ATOMIC_ACQUIRE);
}

/* Wait until the synchronous run in progress finishes (or fails). */
static void once_wait(PRTL_RUN_ONCE once, ULONG_PTR s)
{
	if (once_cas(once, &s, s + ONCE_WAITER))
		NtWaitForKeyedEvent(NULL, once, FALSE, NULL);
}

RTLAPI void NTAPI RtlRunOnceInitialize(PRTL_RUN_ONCE once)
{
	once->Ptr = NULL;
}

/* STATUS_SUCCESS: done, *context set; STATUS_PENDING: the caller runs the
 * initialisation and must call RtlRunOnceComplete; STATUS_UNSUCCESSFUL:
 * RTL_RUN_ONCE_CHECK_ONLY and not done. */
RTLAPI NTSTATUS NTAPI RtlRunOnceBeginInitialize(PRTL_RUN_ONCE once, ULONG flags, PVOID *context)
{
	BOOL async = (flags & RTL_RUN_ONCE_ASYNC) != 0;

	if (flags & ~(RTL_RUN_ONCE_CHECK_ONLY | RTL_RUN_ONCE_ASYNC))
		return STATUS_INVALID_PARAMETER;
	/* a check only has no mode to run in: the two are refused together */
	if ((flags & RTL_RUN_ONCE_CHECK_ONLY) && async)
		return STATUS_INVALID_PARAMETER;
	for (;;) {
		ULONG_PTR s = __atomic_load_n(ow(once), __ATOMIC_ACQUIRE);

		switch (ONCE_STATE(s)) {
		case ONCE_DONE:
			if (context)
				*context = (PVOID)(s & ~(ULONG_PTR)3);
			return STATUS_SUCCESS;
		case ONCE_IDLE:
			if (flags & RTL_RUN_ONCE_CHECK_ONLY)
				return STATUS_UNSUCCESSFUL;
			if (once_cas(once, &s, async ? ONCE_ASYNC : ONCE_RUNNING))
				return STATUS_PENDING;
			break;
		case ONCE_ASYNC:
			if (flags & RTL_RUN_ONCE_CHECK_ONLY)
				return STATUS_UNSUCCESSFUL;
			/* Once async, only async callers may join. */
			return async ? STATUS_PENDING : STATUS_INVALID_PARAMETER;
		case ONCE_RUNNING:
			if (flags & RTL_RUN_ONCE_CHECK_ONLY)
				return STATUS_UNSUCCESSFUL;
			if (async)
				return STATUS_INVALID_PARAMETER;
			once_wait(once, s);
			break;
		}
	}
}

/* End a run begun by RtlRunOnceBeginInitialize.  RTL_RUN_ONCE_INIT_FAILED
 * (synchronous only, with no context) puts it back to not started, so the
 * next caller (a sleeper, woken here) tries again.  Completing a
 * synchronous run that is not in progress is STATUS_UNSUCCESSFUL. */
RTLAPI NTSTATUS NTAPI RtlRunOnceComplete(PRTL_RUN_ONCE once, ULONG flags, PVOID context)
{
	ULONG_PTR s, final, n;

	if (flags & ~(RTL_RUN_ONCE_ASYNC | RTL_RUN_ONCE_INIT_FAILED))
		return STATUS_INVALID_PARAMETER;
	if ((flags & RTL_RUN_ONCE_ASYNC) && (flags & RTL_RUN_ONCE_INIT_FAILED))
		return STATUS_INVALID_PARAMETER;
	if ((flags & RTL_RUN_ONCE_INIT_FAILED) && context)
		return STATUS_INVALID_PARAMETER;
	if ((ULONG_PTR)context & 3)
		return STATUS_INVALID_PARAMETER; /* the reserved low bits */
	final = (flags & RTL_RUN_ONCE_INIT_FAILED) ? ONCE_IDLE : ((ULONG_PTR)context | ONCE_DONE);

	s = __atomic_load_n(ow(once), __ATOMIC_ACQUIRE);
	if (flags & RTL_RUN_ONCE_ASYNC) {
		if (ONCE_STATE(s) == ONCE_DONE)
			return STATUS_UNSUCCESSFUL; /* another thread won the race */
		if (ONCE_STATE(s) != ONCE_ASYNC)
			return STATUS_INVALID_PARAMETER;
		return once_cas(once, &s, final) ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
	}
	if (ONCE_STATE(s) == ONCE_ASYNC)
		return STATUS_INVALID_PARAMETER;
	if (ONCE_STATE(s) != ONCE_RUNNING)
		return STATUS_UNSUCCESSFUL;
	s = __atomic_exchange_n(ow(once), final, __ATOMIC_ACQ_REL);
	for (n = s >> 2; n; n--)
		NtReleaseKeyedEvent(NULL, once, FALSE, NULL);
	return STATUS_SUCCESS;
}

/* InitFn returns nonzero for success, as InitOnceExecuteOnce's callback.
 * It first sees what the caller's context holds (as on Windows), and what
 * it leaves is stored, without the reserved bits, and given back whole;
 * a caller without a context still gives the callback room to write. */
RTLAPI NTSTATUS NTAPI RtlRunOnceExecuteOnce(PRTL_RUN_ONCE once, PRTL_RUN_ONCE_INIT_FN fn,
					      PVOID param, PVOID *context)
{
	NTSTATUS status = RtlRunOnceBeginInitialize(once, 0, context);
	PVOID ctx;

	if (status != STATUS_PENDING)
		return status;
	ctx = context ? *context : NULL;
	if (!fn(once, param, &ctx)) {
		RtlRunOnceComplete(once, RTL_RUN_ONCE_INIT_FAILED, NULL);
		return STATUS_UNSUCCESSFUL;
	}
	RtlRunOnceComplete(once, 0, (PVOID)((ULONG_PTR)ctx & ~(ULONG_PTR)3));
	if (context)
		*context = ctx;
	return STATUS_SUCCESS;
}
