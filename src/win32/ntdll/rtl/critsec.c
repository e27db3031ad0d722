/*
 * RTL_CRITICAL_SECTION (x64 layout: DebugInfo, LockCount, RecursionCount,
 * OwningThread, LockSemaphore, SpinCount).
 *
 * LockCount uses the encoding of Windows since Vista, which debuggers and
 * programs read: -1 - LockCount = locked + 4 * waiters, so -1 is free, -2
 * locked without waiters, and each sleeping thread subtracts 4.  Recursion
 * lives only in RecursionCount.  Waiters sleep on the process-wide keyed
 * event (handle NULL, as Windows does) with the section's address as key;
 * a leave that finds waiters hands the lock to one of them directly (the
 * locked bit stays set), so a late arrival cannot overtake it.  The
 * uncontended path is one interlocked operation and no system call.  A
 * leave by a thread that does not own the section only lowers
 * RecursionCount, as on Windows, and the next enter repairs it.
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

#define CS_LOCKED 1
#define CS_WAITER 4

/* -1 - LockCount: the locked bit plus 4 per waiter. */
static LONG cs_state(const RTL_CRITICAL_SECTION *cs)
{
	return -1 - __atomic_load_n(&cs->LockCount, __ATOMIC_RELAXED);
}

static BOOL cs_cas(RTL_CRITICAL_SECTION *cs, LONG state, LONG new_state)
{
	LONG expect = -1 - state;

	return __atomic_compare_exchange_n(&cs->LockCount, &expect, -1 - new_state, FALSE,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static void cs_owned(RTL_CRITICAL_SECTION *cs, HANDLE me)
{
	cs->OwningThread = me;
	cs->RecursionCount = 1;
}

/* Take a free section without queueing; used by spinning and TryEnter. */
static BOOL cs_try_acquire(RTL_CRITICAL_SECTION *cs, HANDLE me)
{
	LONG state = cs_state(cs);

	while (!(state & CS_LOCKED)) {
		if (cs_cas(cs, state, state | CS_LOCKED)) {
			cs_owned(cs, me);
			return TRUE;
		}
		state = cs_state(cs);
	}
	return FALSE;
}

RTLAPI NTSTATUS NTAPI RtlEnterCriticalSection(RTL_CRITICAL_SECTION *cs)
{
	HANDLE me = current_tid();
	ULONG_PTR spin;
	LONG state;

	if (cs->OwningThread == me) {
		cs->RecursionCount++;
		return STATUS_SUCCESS;
	}
	for (spin = cs->SpinCount & 0x00FFFFFF; spin; spin--) {
		if (cs_try_acquire(cs, me))
			return STATUS_SUCCESS;
		__builtin_ia32_pause();
	}
	for (;;) {
		if (cs_try_acquire(cs, me))
			return STATUS_SUCCESS;
		state = cs_state(cs);
		if ((state & CS_LOCKED) && cs_cas(cs, state, state + CS_WAITER))
			break;
	}
	/* Counted as a waiter: sleep until a leave hands the lock over. */
	NtWaitForKeyedEvent(NULL, CS_KEY(cs), FALSE, NULL);
	cs_owned(cs, me);
	return STATUS_SUCCESS;
}

RTLAPI BOOLEAN NTAPI RtlTryEnterCriticalSection(RTL_CRITICAL_SECTION *cs)
{
	HANDLE me = current_tid();

	if (cs->OwningThread == me) {
		cs->RecursionCount++;
		return TRUE;
	}
	return cs_try_acquire(cs, me);
}

RTLAPI NTSTATUS NTAPI RtlLeaveCriticalSection(RTL_CRITICAL_SECTION *cs)
{
	LONG state;

	if (--cs->RecursionCount != 0)
		return STATUS_SUCCESS; /* still held, or not held at all */
	cs->OwningThread = NULL;
	for (;;) {
		state = cs_state(cs);
		if (state >= CS_WAITER) {
			/* Hand over: one waiter fewer, still locked, then wake it
			 * (it may not be asleep yet; the keyed event waits). */
			if (cs_cas(cs, state, state - CS_WAITER)) {
				NtReleaseKeyedEvent(NULL, CS_KEY(cs), FALSE, NULL);
				return STATUS_SUCCESS;
			}
		} else if (cs_cas(cs, state, state & ~CS_LOCKED)) {
			return STATUS_SUCCESS;
		}
	}
}

RTLAPI ULONG NTAPI RtlIsCriticalSectionLocked(RTL_CRITICAL_SECTION *cs)
{
	return (cs_state(cs) & CS_LOCKED) != 0;
}

RTLAPI ULONG NTAPI RtlIsCriticalSectionLockedByThread(RTL_CRITICAL_SECTION *cs)
{
	return cs->OwningThread == current_tid() && cs->RecursionCount > 0;
}

RTLAPI ULONG NTAPI RtlGetCriticalSectionRecursionCount(RTL_CRITICAL_SECTION *cs)
{
	return cs->OwningThread == current_tid() && cs->RecursionCount > 0 ?
		       (ULONG)cs->RecursionCount : 0;
}
