/*
 * Slim reader/writer locks, in user mode with
 * the process-wide keyed event (handle NULL) for sleeping.
 *
 * SRW lock word (pointer sized, 0 = free, so RTL_SRWLOCK_INIT works):
 *   bit 0         held exclusively
 *   bits 1..31    number of shared holders
 *   bits 32..63   number of threads asleep (or about to be) on the key
 * A thread that cannot take the lock counts itself in and sleeps; whoever
 * makes the lock free again wakes every sleeper, which then retry.  A keyed
 * event release blocks until its waiter arrives, so the count must be exact:
 * only the thread that clears it releases that many waiters.
 */
#include "rtl_private.h"

#define SRW_EXCL 1ULL
#define SRW_SHARED_ONE 2ULL
#define SRW_SHARED_MASK 0xFFFFFFFEULL
#define SRW_WAITER_ONE (1ULL << 32)
#define SRW_WAITERS(s) ((s) >> 32)

typedef volatile ULONG64 srw_word;

static srw_word *srw(PRTL_SRWLOCK lock)
{
	return (srw_word *)&lock->Ptr;
}

static BOOL srw_cas(srw_word *w, ULONG64 *old, ULONG64 new)
{
	return __atomic_compare_exchange_n(w, old, new, FALSE, __ATOMIC_ACQ_REL,
					   __ATOMIC_RELAXED);
}

/* Count ourselves in as a sleeper if the word is still `s`, then sleep. */
static void srw_sleep(PRTL_SRWLOCK lock, ULONG64 s)
{
	if (srw_cas(srw(lock), &s, s + SRW_WAITER_ONE))
		NtWaitForKeyedEvent(NULL, lock, FALSE, NULL);
}

static void srw_wake(PRTL_SRWLOCK lock, ULONG64 n)
{
	while (n--)
		NtReleaseKeyedEvent(NULL, lock, FALSE, NULL);
}

RTLAPI void NTAPI RtlInitializeSRWLock(PRTL_SRWLOCK lock)
{
	lock->Ptr = NULL;
}

RTLAPI BOOLEAN NTAPI RtlTryAcquireSRWLockExclusive(PRTL_SRWLOCK lock)
{
	ULONG64 s = *srw(lock);

	while (!(s & (SRW_EXCL | SRW_SHARED_MASK)))
		if (srw_cas(srw(lock), &s, s | SRW_EXCL))
			return TRUE;
	return FALSE;
}

RTLAPI BOOLEAN NTAPI RtlTryAcquireSRWLockShared(PRTL_SRWLOCK lock)
{
	ULONG64 s = *srw(lock);

	while (!(s & SRW_EXCL))
		if (srw_cas(srw(lock), &s, s + SRW_SHARED_ONE))
			return TRUE;
	return FALSE;
}

RTLAPI void NTAPI RtlAcquireSRWLockExclusive(PRTL_SRWLOCK lock)
{
	for (;;) {
		ULONG64 s = *srw(lock);
		if (!(s & (SRW_EXCL | SRW_SHARED_MASK))) {
			if (srw_cas(srw(lock), &s, s | SRW_EXCL))
				return;
			continue;
		}
		srw_sleep(lock, s);
	}
}

RTLAPI void NTAPI RtlAcquireSRWLockShared(PRTL_SRWLOCK lock)
{
	for (;;) {
		ULONG64 s = *srw(lock);
		if (!(s & SRW_EXCL)) {
			if (srw_cas(srw(lock), &s, s + SRW_SHARED_ONE))
				return;
			continue;
		}
		srw_sleep(lock, s);
	}
}

RTLAPI void NTAPI RtlReleaseSRWLockExclusive(PRTL_SRWLOCK lock)
{
	ULONG64 s = *srw(lock);

	/* Free the lock and take over the sleepers in one step. */
	while (!srw_cas(srw(lock), &s, s & SRW_SHARED_MASK & ~SRW_EXCL))
		;
	srw_wake(lock, SRW_WAITERS(s));
}

RTLAPI void NTAPI RtlReleaseSRWLockShared(PRTL_SRWLOCK lock)
{
	ULONG64 s = *srw(lock), n;

	for (;;) {
		BOOL last = (s & SRW_SHARED_MASK) == SRW_SHARED_ONE;
		ULONG64 next = last ? 0 : s - SRW_SHARED_ONE;
		if (srw_cas(srw(lock), &s, next)) {
			n = last ? SRW_WAITERS(s) : 0;
			break;
		}
	}
	srw_wake(lock, n);
}
