/*
 * Overlapped I/O's results and cancellation: GetOverlappedResult(Ex),
 * CancelIo, CancelIoEx; ReadFileEx and WriteFileEx.  An OVERLAPPED's Internal and InternalHigh are the
 * I/O's IO_STATUS_BLOCK; Internal stays STATUS_PENDING until it ends.
 */
#include "k32_private.h"

K32API BOOL WINAPI GetOverlappedResultEx(HANDLE file, LPOVERLAPPED ov, LPDWORD bytes, DWORD ms,
					 BOOL alertable)
{
	NTSTATUS status = (NTSTATUS)ov->Internal;

	if (status == STATUS_PENDING) {
		HANDLE ev = k32_overlapped_event(ov);
		DWORD r;

		if (!ms)
			return k32_error(ERROR_IO_INCOMPLETE);
		r = WaitForSingleObjectEx(ev ? ev : file, ms, alertable);
		if (r == WAIT_FAILED)
			return FALSE;
		if (r == WAIT_TIMEOUT || r == WAIT_IO_COMPLETION)
			return k32_error(r);
		/* the object was signalled: the I/O is taken as done, whatever
		 * Internal says (STATUS_PENDING is a success code: TRUE, as
		 * kernel32's file tests see on Windows) */
		status = (NTSTATUS)ov->Internal;
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

/* The synchronous I/O another thread waits in ends (ERROR_OPERATION_ABORTED
 * for it); ERROR_NOT_FOUND when it waits in none. */
K32API BOOL WINAPI CancelSynchronousIo(HANDLE thread)
{
	IO_STATUS_BLOCK io;
	NTSTATUS status = NtCancelSynchronousIoFile(thread, NULL, &io);

	return status < 0 ? k32_fail(status) : TRUE;
}

/* ReadFileEx/WriteFileEx: the I/O's APC calls the caller's completion
 * routine (at its next alertable wait) with the OVERLAPPED, whose Internal
 * and InternalHigh are the I/O's IO_STATUS_BLOCK. */
void WINAPI k32_io_completion_apc(void *routine, IO_STATUS_BLOCK *io, ULONG reserved)
{
	LPOVERLAPPED_COMPLETION_ROUTINE done = (LPOVERLAPPED_COMPLETION_ROUTINE)routine;
	NTSTATUS status = io->Status;

	(void)reserved;
	done(status < 0 ? RtlNtStatusToDosError(status) : ERROR_SUCCESS, (DWORD)io->Information,
	     (LPOVERLAPPED)io);
}

typedef NTSTATUS NTAPI nt_rw_fn(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK, PVOID,
				ULONG, PLARGE_INTEGER, PULONG);

static BOOL io_ex(nt_rw_fn *rw, HANDLE file, void *buf, DWORD n, LPOVERLAPPED ov,
		  LPOVERLAPPED_COMPLETION_ROUTINE done)
{
	LARGE_INTEGER off;
	NTSTATUS status;

	if (!ov || !done)
		return k32_error(ERROR_INVALID_PARAMETER);
	off.LowPart = ov->Offset;
	off.HighPart = (LONG)ov->OffsetHigh;
	ov->Internal = (ULONG_PTR)STATUS_PENDING;
	status = rw(file, NULL, (PIO_APC_ROUTINE)(void *)k32_io_completion_apc, (PVOID)done,
		    (PIO_STATUS_BLOCK)&ov->Internal, buf, n, &off, NULL);
	/* the I/O is under way or done: its routine runs either way */
	if (status < 0)
		return k32_fail(status);
	RtlSetLastWin32Error(ERROR_SUCCESS);
	return TRUE;
}

K32API BOOL WINAPI ReadFileEx(HANDLE file, LPVOID buf, DWORD n, LPOVERLAPPED ov,
			      LPOVERLAPPED_COMPLETION_ROUTINE done)
{
	return io_ex((nt_rw_fn *)NtReadFile, file, buf, n, ov, done);
}

K32API BOOL WINAPI WriteFileEx(HANDLE file, LPCVOID buf, DWORD n, LPOVERLAPPED ov,
			       LPOVERLAPPED_COMPLETION_ROUTINE done)
{
	return io_ex((nt_rw_fn *)NtWriteFile, file, (void *)buf, n, ov, done);
}
