/*
 * RTL_RESOURCE (RtlInitializeResource & co.): a reader/writer lock with
 * recursion, guarded by a critical section; who cannot take it sleeps on
 * one of two semaphores and retries when woken.  NumberOfActive counts
 * the shared holders (> 0) or, negative, the exclusive owner's
 * recursion.  A thread that owns it exclusively takes it shared as one
 * more exclusive level.  Shared requests do not yield to waiting
 * exclusive ones (Windows' behaviour as Wine's tests record it).
 */
#include "rtl/rtl_private.h"

/* RTL_RESOURCE (x64, 96 bytes) */
typedef struct {
	RTL_CRITICAL_SECTION lock;
	HANDLE shared_sem;
	ULONG shared_waiters;
	HANDLE exclusive_sem;
	ULONG exclusive_waiters;
	LONG active;
	HANDLE owner;
	ULONG flags;
	PVOID debug_info;
} rtl_resource;

#define SEM_MAX 0x7fffffff

static HANDLE self(void)
{
	return lsw_teb()->UniqueThread;
}

RTLAPI void NTAPI RtlInitializeResource(rtl_resource *r)
{
	memset(r, 0, sizeof(*r));
	RtlInitializeCriticalSection(&r->lock);
	NtCreateSemaphore(&r->shared_sem, SEMAPHORE_ALL_ACCESS, NULL, 0, SEM_MAX);
	NtCreateSemaphore(&r->exclusive_sem, SEMAPHORE_ALL_ACCESS, NULL, 0, SEM_MAX);
}

RTLAPI void NTAPI RtlDeleteResource(rtl_resource *r)
{
	RtlDeleteCriticalSection(&r->lock);
	NtClose(r->shared_sem);
	NtClose(r->exclusive_sem);
	memset(r, 0, sizeof(*r));
}

/* Takes r (under its lock) if it can be, else sleeps on sem and retries;
 * FALSE at once when it cannot be and wait is FALSE. */
static BOOLEAN acquire(rtl_resource *r, BOOLEAN exclusive, BOOLEAN wait)
{
	RtlEnterCriticalSection(&r->lock);
	for (;;) {
		BOOL mine = r->active < 0 && r->owner == self();

		if (mine || (exclusive ? r->active == 0 : r->active >= 0))
			break;
		if (!wait) {
			RtlLeaveCriticalSection(&r->lock);
			return FALSE;
		}
		if (exclusive)
			r->exclusive_waiters++;
		else
			r->shared_waiters++;
		RtlLeaveCriticalSection(&r->lock);
		NtWaitForSingleObject(exclusive ? r->exclusive_sem : r->shared_sem, FALSE, NULL);
		RtlEnterCriticalSection(&r->lock);
	}
	if (r->active < 0 || exclusive) {
		r->active--;
		r->owner = self();
	} else {
		r->active++;
	}
	RtlLeaveCriticalSection(&r->lock);
	return TRUE;
}

RTLAPI BOOLEAN NTAPI RtlAcquireResourceShared(rtl_resource *r, BOOLEAN wait)
{
	return acquire(r, FALSE, wait);
}

RTLAPI BOOLEAN NTAPI RtlAcquireResourceExclusive(rtl_resource *r, BOOLEAN wait)
{
	return acquire(r, TRUE, wait);
}

/* Lets the sleepers retry once r is free: one exclusive waiter first,
 * else every shared one. */
static void wake(rtl_resource *r)
{
	if (r->exclusive_waiters) {
		r->exclusive_waiters--;
		NtReleaseSemaphore(r->exclusive_sem, 1, NULL);
	} else if (r->shared_waiters) {
		LONG n = (LONG)r->shared_waiters;

		r->shared_waiters = 0;
		NtReleaseSemaphore(r->shared_sem, n, NULL);
	}
}

RTLAPI void NTAPI RtlReleaseResource(rtl_resource *r)
{
	RtlEnterCriticalSection(&r->lock);
	if (r->active > 0)
		r->active--;
	else if (r->active < 0 && ++r->active == 0)
		r->owner = NULL;
	if (!r->active)
		wake(r);
	RtlLeaveCriticalSection(&r->lock);
}
