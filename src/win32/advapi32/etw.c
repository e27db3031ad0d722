/*
 * Event Tracing for Windows, the provider side: a program registers its
 * providers and writes events, and no trace session ever listens here
 * (none can be started), so every provider is disabled: EventEnabled and
 * EventProviderEnabled say FALSE, the enable callback is never called,
 * and a written event is discarded with ERROR_SUCCESS, as Windows does
 * when no session enables the provider.  The registration handles are
 * real: unknown ones are refused.
 */
#define _EVNT_SOURCE_ /* we define the provider API, not import it */
#include "adv_security.h"
#include <evntprov.h>

#define MAX_PROVIDERS 256

static volatile LONG used[MAX_PROVIDERS];

/* The slot of a handle (slot + 1), -1 when it names no registration. */
static int slot_of(REGHANDLE h)
{
	return h >= 1 && h <= MAX_PROVIDERS && used[h - 1] ? (int)(h - 1) : -1;
}

ADVAPI ULONG WINAPI EventRegister(LPCGUID provider, PENABLECALLBACK callback, PVOID context,
				  PREGHANDLE handle)
{
	if (!provider || !handle)
		return ERROR_INVALID_PARAMETER;
	for (int i = 0; i < MAX_PROVIDERS; i++)
		if (!InterlockedCompareExchange(&used[i], 1, 0)) {
			*handle = (REGHANDLE)i + 1;
			return ERROR_SUCCESS;
		}
	*handle = 0;
	return ERROR_NO_SYSTEM_RESOURCES;
}

ADVAPI ULONG WINAPI EventUnregister(REGHANDLE handle)
{
	int i = slot_of(handle);

	if (i < 0)
		return ERROR_INVALID_HANDLE;
	used[i] = 0;
	return ERROR_SUCCESS;
}

ADVAPI BOOLEAN WINAPI EventEnabled(REGHANDLE handle, PCEVENT_DESCRIPTOR descriptor)
{
	return FALSE;
}

ADVAPI BOOLEAN WINAPI EventProviderEnabled(REGHANDLE handle, UCHAR level, ULONGLONG keyword)
{
	return FALSE;
}

/* Provider traits and the like: kept by nobody, accepted for a valid
 * registration. */
ADVAPI ULONG WINAPI EventSetInformation(REGHANDLE handle, EVENT_INFO_CLASS cls, PVOID info,
					ULONG len)
{
	if (slot_of(handle) < 0)
		return ERROR_INVALID_HANDLE;
	return (ULONG)cls < MaxEventInfo ? ERROR_SUCCESS : ERROR_NOT_SUPPORTED;
}

/* An event of a provider no session enables: discarded. */
static ULONG discard(REGHANDLE handle)
{
	return slot_of(handle) < 0 ? ERROR_INVALID_HANDLE : ERROR_SUCCESS;
}

ADVAPI ULONG WINAPI EventWrite(REGHANDLE handle, PCEVENT_DESCRIPTOR descriptor, ULONG count,
			       PEVENT_DATA_DESCRIPTOR data)
{
	return discard(handle);
}

ADVAPI ULONG WINAPI EventWriteTransfer(REGHANDLE handle, PCEVENT_DESCRIPTOR descriptor,
				       LPCGUID activity, LPCGUID related, ULONG count,
				       PEVENT_DATA_DESCRIPTOR data)
{
	return discard(handle);
}

ADVAPI ULONG WINAPI EventWriteEx(REGHANDLE handle, PCEVENT_DESCRIPTOR descriptor, ULONG64 filter,
				 ULONG flags, LPCGUID activity, LPCGUID related, ULONG count,
				 PEVENT_DATA_DESCRIPTOR data)
{
	return discard(handle);
}

ADVAPI ULONG WINAPI EventWriteString(REGHANDLE handle, UCHAR level, ULONGLONG keyword,
				     PCWSTR text)
{
	ULONG err = discard(handle);

	return !err && !text ? ERROR_INVALID_PARAMETER : err; /* no string to write */
}
