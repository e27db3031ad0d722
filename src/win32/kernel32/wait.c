/* Waits on several objects: WaitForMultipleObjects(Ex), SignalObjectAndWait
 * (WaitForSingleObject lives with the events). */
#include "k32_private.h"

static DWORD wait_result(NTSTATUS status)
{
	if (status < 0) {
		k32_fail(status);
		return WAIT_FAILED;
	}
	return (DWORD)status; /* WAIT_OBJECT_0 + i, WAIT_ABANDONED_0 + i, WAIT_TIMEOUT, ... */
}

/* More than MAXIMUM_WAIT_OBJECTS, none, or one object twice with wait_all:
 * ERROR_INVALID_PARAMETER. */
K32API DWORD WINAPI WaitForMultipleObjectsEx(DWORD count, const HANDLE *handles, BOOL wait_all,
					     DWORD ms, BOOL alertable)
{
	LARGE_INTEGER t;

	return wait_result(NtWaitForMultipleObjects(count, handles, wait_all ? 0 /* WaitAll */
									     : 1 /* WaitAny */,
						    (BOOLEAN)(alertable != 0), k32_timeout(ms, &t)));
}

K32API DWORD WINAPI WaitForMultipleObjects(DWORD count, const HANDLE *handles, BOOL wait_all,
					   DWORD ms)
{
	return WaitForMultipleObjectsEx(count, handles, wait_all, ms, FALSE);
}

/* Signals an event, releases a mutex or a semaphore, and waits, in one
 * step; a failed signal (ERROR_NOT_OWNER, ERROR_TOO_MANY_POSTS) waits not. */
K32API DWORD WINAPI SignalObjectAndWait(HANDLE signal, HANDLE wait, DWORD ms, BOOL alertable)
{
	LARGE_INTEGER t;

	return wait_result(NtSignalAndWaitForSingleObject(signal, wait, (BOOLEAN)(alertable != 0),
							  k32_timeout(ms, &t)));
}
