/*
 * Power requests and execution state: what keeps a machine awake.  LSW's
 * processes cannot hold a Linux machine awake, so the requests are kept
 * and counted as the documentation describes but have no effect outside.
 */
#include "k32_private.h"

#define ES_VALID (ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED | ES_USER_PRESENT | \
		  ES_AWAYMODE_REQUIRED | ES_CONTINUOUS)

/* The process's continuous execution state (Windows keeps one per thread;
 * the state of the last thread to set it is what a caller reads here). */
static LONG execution_state = ES_CONTINUOUS;

/* Returns the previous state, or 0 (NULL) for an invalid one. */
K32API EXECUTION_STATE WINAPI SetThreadExecutionState(EXECUTION_STATE state)
{
	if (state & ~ES_VALID || state & ES_USER_PRESENT)
		return 0; /* ES_USER_PRESENT is no longer supported: documented */
	if (!(state & ES_CONTINUOUS))
		return (EXECUTION_STATE)execution_state; /* a one-time reset */
	return (EXECUTION_STATE)InterlockedExchange(&execution_state, (LONG)state);
}

/* A power request is an object the process closes with CloseHandle: an
 * event stands for it (set while any request type is active). */
K32API HANDLE WINAPI PowerCreateRequest(PREASON_CONTEXT context)
{
	HANDLE h;
	NTSTATUS status;

	if (!context || context->Version != POWER_REQUEST_CONTEXT_VERSION ||
	    context->Flags & ~(POWER_REQUEST_CONTEXT_SIMPLE_STRING |
			       POWER_REQUEST_CONTEXT_DETAILED_STRING)) {
		k32_error(ERROR_INVALID_PARAMETER);
		return INVALID_HANDLE_VALUE;
	}
	status = NtCreateEvent(&h, EVENT_ALL_ACCESS, NULL, 0 /* NotificationEvent */, FALSE);
	if (status < 0) {
		k32_fail(status);
		return INVALID_HANDLE_VALUE;
	}
	return h;
}

/* PowerRequestDisplayRequired .. PowerRequestExecutionRequired */
static BOOL valid_request(HANDLE h, POWER_REQUEST_TYPE type)
{
	k32_event_info info;
	NTSTATUS status;

	if ((unsigned)type > PowerRequestExecutionRequired)
		return k32_error(ERROR_INVALID_PARAMETER);
	status = NtQueryEvent(h, 0 /* EventBasicInformation */, &info, sizeof(info), NULL);
	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI PowerSetRequest(HANDLE h, POWER_REQUEST_TYPE type)
{
	return valid_request(h, type) && NtSetEvent(h, NULL) >= 0;
}

K32API BOOL WINAPI PowerClearRequest(HANDLE h, POWER_REQUEST_TYPE type)
{
	return valid_request(h, type) && NtResetEvent(h, NULL) >= 0;
}
