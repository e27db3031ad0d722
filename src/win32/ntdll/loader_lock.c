/*
 * LdrLockLoaderLock / LdrUnlockLoaderLock: a program holds the loader
 * lock (no DLL loads, unloads or runs DllMain meanwhile).  The cookie
 * names the holding thread, so that another thread cannot release it.
 */
#include "loader.h"

#define LOCK_RAISE_ON_ERRORS 1
#define LOCK_TRY_ONLY 2
#define DISPOSITION_ACQUIRED 1
#define DISPOSITION_NOT_ACQUIRED 2
#define COOKIE_TAG ((ULONG_PTR)1 << 28)

void NTAPI RtlRaiseStatus(NTSTATUS status);

static ULONG_PTR thread_cookie(void)
{
	ULONG_PTR tid = (ULONG_PTR)((LSW_TEB *)NtCurrentTeb())->UniqueThread;

	return COOKIE_TAG | ((tid & 0xFFF) << 16);
}

static NTSTATUS failed(ULONG flags, NTSTATUS st)
{
	if (flags & LOCK_RAISE_ON_ERRORS)
		RtlRaiseStatus(st);
	return st;
}

__declspec(dllexport) NTSTATUS NTAPI LdrLockLoaderLock(ULONG flags, ULONG *disposition,
						       ULONG_PTR *cookie)
{
	static LONG sequence;

	if (disposition)
		*disposition = 0;
	if (cookie)
		*cookie = 0;
	if (flags & ~(ULONG)(LOCK_RAISE_ON_ERRORS | LOCK_TRY_ONLY))
		return failed(flags, STATUS_INVALID_PARAMETER_1);
	if ((flags & LOCK_TRY_ONLY) && !disposition)
		return failed(flags, STATUS_INVALID_PARAMETER_2);
	if (!cookie)
		return failed(flags, STATUS_INVALID_PARAMETER_3);
	if (flags & LOCK_TRY_ONLY) {
		if (!RtlTryEnterCriticalSection(&ldr_lock)) {
			*disposition = DISPOSITION_NOT_ACQUIRED;
			return STATUS_SUCCESS;
		}
	} else {
		RtlEnterCriticalSection(&ldr_lock);
	}
	if (disposition)
		*disposition = DISPOSITION_ACQUIRED;
	*cookie = thread_cookie() | (ULONG)(InterlockedIncrement(&sequence) & 0xFFFF);
	return STATUS_SUCCESS;
}

/* A zero cookie (a lock not acquired) releases nothing. */
__declspec(dllexport) NTSTATUS NTAPI LdrUnlockLoaderLock(ULONG flags, ULONG_PTR cookie)
{
	if (flags & ~(ULONG)LOCK_RAISE_ON_ERRORS)
		return failed(flags, STATUS_INVALID_PARAMETER_1);
	if (!cookie)
		return STATUS_SUCCESS;
	if ((cookie & ~(ULONG_PTR)0xFFFF) != thread_cookie())
		return failed(flags, STATUS_INVALID_PARAMETER_2);
	RtlLeaveCriticalSection(&ldr_lock);
	return STATUS_SUCCESS;
}
