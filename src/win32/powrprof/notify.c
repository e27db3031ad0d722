/*
 * Suspend/resume notifications (DEVICE_NOTIFY_CALLBACK_ROUTINE or a
 * window handle).  The sandbox's machine never suspends (IsPwrSuspendAllowed
 * is FALSE), so a registration is accepted and kept, and no notification
 * ever comes: the callback is never called.  The handle is a heap block
 * carrying a mark, so unregistering a made-up one fails cleanly.
 */
#include <windows.h>

#define POWER_API __declspec(dllexport)
#define REGISTRATION_MARK 0x72776f70	/* "powr" */

#ifndef DEVICE_NOTIFY_CALLBACK
#define DEVICE_NOTIFY_CALLBACK 2
#endif

struct registration {
	DWORD mark;
	void *recipient;
};

POWER_API DWORD WINAPI PowerRegisterSuspendResumeNotification(DWORD flags, HANDLE recipient,
							      void **handle)
{
	if (!recipient || !handle ||
	    (flags != DEVICE_NOTIFY_CALLBACK && flags != DEVICE_NOTIFY_WINDOW_HANDLE))
		return ERROR_INVALID_PARAMETER;
	struct registration *r = HeapAlloc(GetProcessHeap(), 0, sizeof(*r));
	if (!r)
		return ERROR_NOT_ENOUGH_MEMORY;
	r->mark = REGISTRATION_MARK;
	r->recipient = recipient;
	*handle = r;
	return ERROR_SUCCESS;
}

POWER_API DWORD WINAPI PowerUnregisterSuspendResumeNotification(void *handle)
{
	struct registration *r = handle;
	if (!r || IsBadReadPtr(r, sizeof(*r)) || r->mark != REGISTRATION_MARK)
		return ERROR_INVALID_HANDLE;
	r->mark = 0;
	HeapFree(GetProcessHeap(), 0, r);
	return ERROR_SUCCESS;
}
