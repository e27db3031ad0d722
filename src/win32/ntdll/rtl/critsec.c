/*
 * RTL_CRITICAL_SECTION (x64 layout: DebugInfo, LockCount, RecursionCount,
 * OwningThread, LockSemaphore, SpinCount).
 *
 * LockCount uses the classic documented encoding: -1 when free, otherwise
 * the number of threads that own or wait for the lock minus one.  Entering
 * increments it; the thread that moves it from -1 to 0 owns the lock.  The
 * others wait on the process-wide keyed event (handle NULL, as Windows does)
 * with the section's address as key, and are handed the lock directly by
 * RtlLeaveCriticalSection, which releases exactly one waiter per leave.
 * The uncontended path is two interlocked operations and no system call.
 */
#include "rtl_private.h"

#define CS_KEY(cs) ((PVOID)(cs))
#define CS_DEFAULT_SPIN 0 /* single-CPU friendly; callers may ask for more */

static HANDLE current_tid(void)
{
	return lsw_teb()->UniqueThread;
}

RTLAPI NTSTATUS NTAPI RtlInitializeCriticalSectionEx(RTL_CRITICAL_SECTION *cs, ULONG spin,
						       ULONG flags)
{
	/* Since Windows 8 sections carry no debug record unless asked;
	 * DebugInfo is then (PVOID)-1. */
	cs->DebugInfo = (PRTL_CRITICAL_SECTION_DEBUG)(LONG_PTR)-1;
	cs->LockCount = -1;
	cs->RecursionCount = 0;
	cs->OwningThread = NULL;
	cs->LockSemaphore = NULL;
	cs->SpinCount = spin & 0x00FFFFFF; /* high bits are flags */
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlInitializeCriticalSectionAndSpinCount(RTL_CRITICAL_SECTION *cs,
								 ULONG spin)
{
	return RtlInitializeCriticalSectionEx(cs, spin, 0);
}

RTLAPI NTSTATUS NTAPI RtlInitializeCriticalSection(RTL_CRITICAL_SECTION *cs)
{
	return RtlInitializeCriticalSectionEx(cs, CS_DEFAULT_SPIN, 0);
}

RTLAPI ULONG NTAPI RtlSetCriticalSectionSpinCount(RTL_CRITICAL_SECTION *cs, ULONG spin)
{
	ULONG old = (ULONG)cs->SpinCount;

	cs->SpinCount = spin;
	return old;
}

RTLAPI NTSTATUS NTAPI RtlDeleteCriticalSection(RTL_CRITICAL_SECTION *cs)
{
	cs->LockCount = -1;
	cs->RecursionCount = 0;
	cs->OwningThread = NULL;
	cs->DebugInfo = NULL;
	cs->LockSemaphore = NULL;
	return STATUS_SUCCESS;
}

/* Take a free section without queueing; used by spinning and TryEnter. */
static BOOL cs_try_acquire(RTL_CRITICAL_SECTION *cs, HANDLE me)
{
	LONG expect = -1;

	if (!__atomic_compare_exchange_n(&cs->LockCount, &expect, 0, FALSE, __ATOMIC_ACQUIRE,
					 __ATOMIC_RELAXED))
		return FALSE;
	cs->OwningThread = me;
	cs->RecursionCount = 1;
	return TRUE;
}

RTLAPI NTSTATUS NTAPI RtlEnterCriticalSection(RTL_CRITICAL_SECTION *cs)
{
	HANDLE me = current_tid();
	ULONG_PTR spin;

	if (cs->OwningThread == me) {
		__atomic_add_fetch(&cs->LockCount, 1, __ATOMIC_RELAXED);
		cs->RecursionCount++;
		return STATUS_SUCCESS;
	}
	for (spin = cs->SpinCount; spin; spin--) {
		if (cs->LockCount == -1 && cs_try_acquire(cs, me))
			return STATUS_SUCCESS;
		__builtin_ia32_pause();
	}
	if (__atomic_add_fetch(&cs->LockCount, 1, __ATOMIC_ACQUIRE) != 0) {
		/* Owned by another thread: sleep until a leave hands it over. */
		NtWaitForKeyedEvent(NULL, CS_KEY(cs), FALSE, NULL);
	}
	cs->OwningThread = me;
	cs->RecursionCount = 1;
	return STATUS_SUCCESS;
}

RTLAPI BOOLEAN NTAPI RtlTryEnterCriticalSection(RTL_CRITICAL_SECTION *cs)
{
	HANDLE me = current_tid();

	if (cs->OwningThread == me) {
		__atomic_add_fetch(&cs->LockCount, 1, __ATOMIC_RELAXED);
		cs->RecursionCount++;
		return TRUE;
	}
	return cs_try_acquire(cs, me);
}

RTLAPI NTSTATUS NTAPI RtlLeaveCriticalSection(RTL_CRITICAL_SECTION *cs)
{
	if (--cs->RecursionCount > 0) {
		__atomic_sub_fetch(&cs->LockCount, 1, __ATOMIC_RELAXED);
		return STATUS_SUCCESS;
	}
	cs->OwningThread = NULL;
	if (__atomic_sub_fetch(&cs->LockCount, 1, __ATOMIC_RELEASE) >= 0) {
		/* A thread counted itself in: wake exactly one (it may not be
		 * asleep yet; the keyed event then waits for it to arrive). */
		NtReleaseKeyedEvent(NULL, CS_KEY(cs), FALSE, NULL);
	}
	return STATUS_SUCCESS;
}
