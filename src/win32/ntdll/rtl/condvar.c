/*
 * Condition variables, in user mode on the process-wide keyed event (handle
 * NULL) with the variable's address as key.
 *
 * The word counts sleepers not yet claimed by a wake.  A sleeper counts
 * itself in while it still holds the lock, so a wake done under the lock
 * after the state change cannot miss it.  A wake claims sleepers by
 * lowering the count and releases the key once per claim; a keyed event
 * release blocks until a sleeper takes it, so claims must never exceed
 * sleepers.  A sleeper that times out therefore un-counts itself if the
 * count is still above zero; if it is zero every sleeper has been claimed
 * and a release is on its way, which this thread must take (waiting again
 * without timeout) or the waker would block for ever.
 */
#include "rtl_private.h"

typedef volatile ULONG_PTR cv_word;

static cv_word *cv(PRTL_CONDITION_VARIABLE v)
{
	return (cv_word *)&v->Ptr;
}

/* The keyed event's key: a keyed event refuses odd keys, and a variable
 * may sit at an odd address (Windows' work there too), so the low bit
 * goes; no other variable or lock can share the even address below it. */
static void *cv_key(PRTL_CONDITION_VARIABLE v)
{
	return (void *)((ULONG_PTR)v & ~(ULONG_PTR)1);
}

RTLAPI void NTAPI RtlInitializeConditionVariable(PRTL_CONDITION_VARIABLE v)
{
	v->Ptr = NULL;
}

/* Sleep on the key; called after counting in and dropping the lock. */
static NTSTATUS cv_sleep(PRTL_CONDITION_VARIABLE v, const LARGE_INTEGER *timeout)
{
	ULONG_PTR n;
	NTSTATUS status = NtWaitForKeyedEvent(NULL, cv_key(v), FALSE, (PLARGE_INTEGER)timeout);

	if (status != STATUS_TIMEOUT)
		return STATUS_SUCCESS;
	n = *cv(v);
	while (n)
		if (__atomic_compare_exchange_n(cv(v), &n, n - 1, FALSE, __ATOMIC_ACQ_REL,
						__ATOMIC_RELAXED))
			return STATUS_TIMEOUT;
	/* Claimed just as we gave up: take the release meant for us. */
	NtWaitForKeyedEvent(NULL, cv_key(v), FALSE, NULL);
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlSleepConditionVariableCS(PRTL_CONDITION_VARIABLE v,
						    RTL_CRITICAL_SECTION *cs,
						    const LARGE_INTEGER *timeout)
{
	NTSTATUS status;

	__atomic_add_fetch(cv(v), 1, __ATOMIC_ACQ_REL);
	RtlLeaveCriticalSection(cs);
	status = cv_sleep(v, timeout);
	RtlEnterCriticalSection(cs);
	return status;
}

RTLAPI NTSTATUS NTAPI RtlSleepConditionVariableSRW(PRTL_CONDITION_VARIABLE v, PRTL_SRWLOCK lock,
						     const LARGE_INTEGER *timeout, ULONG flags)
{
	BOOL shared = (flags & RTL_CONDITION_VARIABLE_LOCKMODE_SHARED) != 0;
	NTSTATUS status;

	if (flags & ~RTL_CONDITION_VARIABLE_LOCKMODE_SHARED)
		return STATUS_INVALID_PARAMETER;
	__atomic_add_fetch(cv(v), 1, __ATOMIC_ACQ_REL);
	if (shared)
		RtlReleaseSRWLockShared(lock);
	else
		RtlReleaseSRWLockExclusive(lock);
	status = cv_sleep(v, timeout);
	if (shared)
		RtlAcquireSRWLockShared(lock);
	else
		RtlAcquireSRWLockExclusive(lock);
	return status;
}

RTLAPI void NTAPI RtlWakeConditionVariable(PRTL_CONDITION_VARIABLE v)
{
	ULONG_PTR n = *cv(v);

	while (n)
		if (__atomic_compare_exchange_n(cv(v), &n, n - 1, FALSE, __ATOMIC_ACQ_REL,
						__ATOMIC_RELAXED)) {
			NtReleaseKeyedEvent(NULL, cv_key(v), FALSE, NULL);
			return;
		}
}

RTLAPI void NTAPI RtlWakeAllConditionVariable(PRTL_CONDITION_VARIABLE v)
{
	ULONG_PTR n = *cv(v);

	if (!n)
		return; /* no sleepers: no system call */
	n = __atomic_exchange_n(cv(v), 0, __ATOMIC_ACQ_REL);
	while (n--)
		NtReleaseKeyedEvent(NULL, cv_key(v), FALSE, NULL);
}
