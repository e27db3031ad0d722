/* ReadFileScatter and WriteFileGather: overlapped I/O between a file and
 * a list of pages (the handle opened with FILE_FLAG_OVERLAPPED and
 * FILE_FLAG_NO_BUFFERING, as documented). */
#include "k32_private.h"

NTSTATUS NTAPI NtReadFileScatter(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK,
				 FILE_SEGMENT_ELEMENT *, ULONG, PLARGE_INTEGER, PULONG);
NTSTATUS NTAPI NtWriteFileGather(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK,
				 FILE_SEGMENT_ELEMENT *, ULONG, PLARGE_INTEGER, PULONG);

typedef NTSTATUS NTAPI segments_fn(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK,
				   FILE_SEGMENT_ELEMENT *, ULONG, PLARGE_INTEGER, PULONG);

/* The OVERLAPPED gives the offset, the event (its low bit set: no
 * completion packet) and the IO_STATUS_BLOCK. */
static BOOL segments_io(segments_fn *fn, HANDLE h, FILE_SEGMENT_ELEMENT *segments, DWORD len,
			OVERLAPPED *ov)
{
	LARGE_INTEGER off;
	HANDLE event;
	NTSTATUS status;

	if (!ov)
		return k32_error(ERROR_INVALID_PARAMETER);
	off.LowPart = ov->Offset;
	off.HighPart = (LONG)ov->OffsetHigh;
	event = (HANDLE)((ULONG_PTR)ov->hEvent & ~(ULONG_PTR)1);
	ov->Internal = (ULONG_PTR)STATUS_PENDING;
	status = fn(h, event, NULL, ((ULONG_PTR)ov->hEvent & 1) ? NULL : ov,
		    (IO_STATUS_BLOCK *)&ov->Internal, segments, len, &off, NULL);
	if (status == STATUS_PENDING)
		return k32_error(ERROR_IO_PENDING);
	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI ReadFileScatter(HANDLE h, FILE_SEGMENT_ELEMENT *segments, DWORD len,
				   LPDWORD reserved, LPOVERLAPPED ov)
{
	return segments_io(NtReadFileScatter, h, segments, len, ov);
}

K32API BOOL WINAPI WriteFileGather(HANDLE h, FILE_SEGMENT_ELEMENT *segments, DWORD len,
				   LPDWORD reserved, LPOVERLAPPED ov)
{
	return segments_io(NtWriteFileGather, h, segments, len, ov);
}
