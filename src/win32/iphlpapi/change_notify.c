/* Address change notification (NotifyAddrChange, CancelIPChangeNotify)
 * and the per-adapter DNS settings (GetPerAdapterInfo).  The sandbox's
 * addresses never change: an overlapped request stays pending until it
 * is cancelled, a synchronous one waits for ever (alertably). */
#include "iphlp_private.h"

#define PENDING ((ULONG_PTR)0x103)    /* STATUS_PENDING */
#define CANCELLED ((ULONG_PTR)0xC0000120) /* STATUS_CANCELLED */

/* The handle a request hands out for GetOverlappedResult: an event never
 * set, one for the process (Windows says not to close it). */
static HANDLE notify_handle(void)
{
	static HANDLE handle;
	HANDLE h;

	if (handle)
		return handle;
	h = CreateEventW(NULL, TRUE, FALSE, NULL);
	if (InterlockedCompareExchangePointer(&handle, h, NULL))
		CloseHandle(h);
	return handle;
}

IPH_API DWORD WINAPI NotifyAddrChange(PHANDLE handle, LPOVERLAPPED overlapped)
{
	if (!handle && !overlapped) {
		for (;;)
			SleepEx(INFINITE, TRUE);
	}
	if (!handle || !overlapped)
		return ERROR_INVALID_PARAMETER;
	*handle = notify_handle();
	overlapped->Internal = PENDING;
	overlapped->InternalHigh = 0;
	SetLastError(ERROR_IO_PENDING);
	return ERROR_IO_PENDING;
}

IPH_API DWORD WINAPI NotifyRouteChange(PHANDLE handle, LPOVERLAPPED overlapped)
{
	return NotifyAddrChange(handle, overlapped);
}

/* A request still pending ends cancelled, its event set. */
IPH_API BOOL WINAPI CancelIPChangeNotify(LPOVERLAPPED overlapped)
{
	if (!overlapped || overlapped->Internal != PENDING)
		return FALSE;
	overlapped->Internal = CANCELLED;
	if (overlapped->hEvent)
		SetEvent(overlapped->hEvent);
	return TRUE;
}

/* The loopback's: no autoconfiguration, no DNS server. */
IPH_API DWORD WINAPI GetPerAdapterInfo(ULONG index, PIP_PER_ADAPTER_INFO info, PULONG size)
{
	if (!size)
		return ERROR_INVALID_PARAMETER;
	if (index != LOOPBACK_INDEX)
		return ERROR_NO_DATA;
	if (!info || *size < sizeof(*info)) {
		*size = sizeof(*info);
		return ERROR_BUFFER_OVERFLOW;
	}
	memset(info, 0, sizeof(*info));
	info->CurrentDnsServer = &info->DnsServerList;
	return NO_ERROR;
}
