/*
 * WaitOnAddress and friends: one process-wide list of sleepers guarded by
 * an SRW lock.  Each sleeper is a record on its own stack whose address is
 * its keyed-event key, so a wake can pick exactly the sleepers it means.
 *
 * The comparison is made under the list lock, so a waker that stores a new
 * value and then wakes either makes the sleeper see the new value or finds
 * it in the list.  A waker unlinks the sleepers it picks and marks them
 * claimed before releasing their keys; a claimed sleeper must take its
 * release (a keyed event release blocks until then), even after a timeout.
 */
#include "rtl_private.h"

struct addr_waiter {
	struct addr_waiter *next;
	const volatile void *addr;
	BOOL claimed;
};

static RTL_SRWLOCK waiters_lock;
static struct addr_waiter *waiters;

static BOOL addr_same(const volatile void *addr, const void *cmp, SIZE_T size)
{
	switch (size) {
	case 1: return *(const volatile BYTE *)addr == *(const BYTE *)cmp;
	case 2: return *(const volatile USHORT *)addr == *(const USHORT *)cmp;
	case 4: return *(const volatile ULONG *)addr == *(const ULONG *)cmp;
	default: return *(const volatile ULONG64 *)addr == *(const ULONG64 *)cmp;
	}
}

static void unlink_waiter(struct addr_waiter *w)
{
	struct addr_waiter **p;

	for (p = &waiters; *p; p = &(*p)->next)
		if (*p == w) {
			*p = w->next;
			return;
		}
}

RTLAPI NTSTATUS NTAPI RtlWaitOnAddress(const volatile void *addr, const void *cmp, SIZE_T size,
					 const LARGE_INTEGER *timeout)
{
	struct addr_waiter self = { NULL, addr, FALSE };
	NTSTATUS status;

	if (size != 1 && size != 2 && size != 4 && size != 8)
		return STATUS_INVALID_PARAMETER;
	RtlAcquireSRWLockExclusive(&waiters_lock);
	if (!addr_same(addr, cmp, size)) {
		RtlReleaseSRWLockExclusive(&waiters_lock);
		return STATUS_SUCCESS;
	}
	self.next = waiters;
	waiters = &self;
	RtlReleaseSRWLockExclusive(&waiters_lock);

	status = NtWaitForKeyedEvent(NULL, &self, FALSE, (PLARGE_INTEGER)timeout);
	if (status != STATUS_TIMEOUT)
		return STATUS_SUCCESS;
	RtlAcquireSRWLockExclusive(&waiters_lock);
	if (!self.claimed) {
		unlink_waiter(&self);
		RtlReleaseSRWLockExclusive(&waiters_lock);
		return STATUS_TIMEOUT;
	}
	RtlReleaseSRWLockExclusive(&waiters_lock);
	NtWaitForKeyedEvent(NULL, &self, FALSE, NULL); /* the waker's release */
	return STATUS_SUCCESS;
}

/* The list is newest first: a single wake takes the last match, the
 * sleeper that has waited longest. */
static void wake_address(const void *addr, BOOL all)
{
	struct addr_waiter **p, **oldest = NULL, *picked = NULL, *w, *next;

	/* Fast path, no system call: the lock is free and nobody sleeps.  The
	 * fence orders the caller's store before these loads; the lock is read
	 * first so a sleeper between its comparison and its insertion (which
	 * holds the lock) is never missed. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (!__atomic_load_n(&waiters_lock.Ptr, __ATOMIC_ACQUIRE) &&
	    !__atomic_load_n(&waiters, __ATOMIC_ACQUIRE))
		return;
	RtlAcquireSRWLockExclusive(&waiters_lock);
	for (p = &waiters; *p;) {
		w = *p;
		if (w->addr != addr) {
			p = &w->next;
		} else if (!all) {
			oldest = p;
			p = &w->next;
		} else {
			*p = w->next;
			w->claimed = TRUE;
			w->next = picked;
			picked = w;
		}
	}
	if (oldest) {
		w = *oldest;
		*oldest = w->next;
		w->claimed = TRUE;
		w->next = NULL;
		picked = w;
	}
	RtlReleaseSRWLockExclusive(&waiters_lock);
	for (w = picked; w; w = next) {
		next = w->next; /* w may vanish once released */
		NtReleaseKeyedEvent(NULL, w, FALSE, NULL);
	}
}

RTLAPI void NTAPI RtlWakeAddressSingle(const void *addr)
{
	wake_address(addr, FALSE);
}

RTLAPI void NTAPI RtlWakeAddressAll(const void *addr)
{
	wake_address(addr, TRUE);
}
