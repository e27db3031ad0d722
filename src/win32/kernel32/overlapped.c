/*
 * Overlapped I/O's results and cancellation: GetOverlappedResult(Ex),
 * CancelIo, CancelIoEx.  An OVERLAPPED's Internal and InternalHigh are the
 * I/O's IO_STATUS_BLOCK; Internal stays STATUS_PENDING until it ends.
 */
#include "k32_private.h"

/* The event an I/O signals: hEvent without its low bit (which only tells
 * the I/O not to queue a completion packet), or the file itself. */
static HANDLE completion_object(HANDLE file, const OVERLAPPED *ov)
{
	HANDLE ev = (HANDLE)((ULONG_PTR)ov->hEvent & ~(ULONG_PTR)1);

	return ev ? ev : file;
}

K32API BOOL WINAPI GetOverlappedResultEx(HANDLE file, LPOVERLAPPED ov, LPDWORD bytes, DWORD ms,
					 BOOL alertable)
{
	NTSTATUS status = (NTSTATUS)ov->Internal;

	if (status == STATUS_PENDING) {
		DWORD r;

		if (!ms)
			return k32_error(ERROR_IO_INCOMPLETE);
		r = WaitForSingleObjectEx(completion_object(file, ov), ms, alertable);
		if (r == WAIT_FAILED)
			return FALSE;
		if (r == WAIT_TIMEOUT || r == WAIT_IO_COMPLETION)
			return k32_error(r);
		if ((status = (NTSTATUS)ov->Internal) == STATUS_PENDING)
			return k32_error(ERROR_IO_INCOMPLETE);
	}
	*bytes = (DWORD)ov->InternalHigh;
	if (status < 0)
		return k32_fail(status);
	return TRUE;
}

K32API BOOL WINAPI GetOverlappedResult(HANDLE file, LPOVERLAPPED ov, LPDWORD bytes, BOOL wait)
{
	return GetOverlappedResultEx(file, ov, bytes, wait ? INFINITE : 0, FALSE);
}

K32API BOOL WINAPI CancelIo(HANDLE file)
{
	IO_STATUS_BLOCK io;
	NTSTATUS status = NtCancelIoFile(file, &io);

	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI CancelIoEx(HANDLE file, LPOVERLAPPED ov)
{
	IO_STATUS_BLOCK io;
	NTSTATUS status = NtCancelIoFileEx(file, ov ? (PIO_STATUS_BLOCK)&ov->Internal : NULL, &io);

	return status < 0 ? k32_fail(status) : TRUE;
}
