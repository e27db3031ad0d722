/* ReadFile, WriteFile and file position/size functions. */
#include "k32_private.h"

#define FILE_INFO_STANDARD 5
#define FILE_INFO_POSITION 14
#define FILE_INFO_END_OF_FILE 20

typedef struct file_standard_info {
	LARGE_INTEGER AllocationSize;
	LARGE_INTEGER EndOfFile;
	ULONG NumberOfLinks;
	BOOLEAN DeletePending;
	BOOLEAN Directory;
} file_standard_info;

/* Synchronous handles complete in the call; for the others (or if the
 * supervisor answers STATUS_PENDING) wait on the handle. */
static NTSTATUS wait_io(HANDLE h, HANDLE event, NTSTATUS status, IO_STATUS_BLOCK *io)
{
	if (status == STATUS_PENDING) {
		NtWaitForSingleObject(event ? event : h, FALSE, NULL);
		status = io->Status;
	}
	return status;
}

static LARGE_INTEGER *overlapped_offset(OVERLAPPED *ov, LARGE_INTEGER *off)
{
	if (!ov)
		return NULL;
	off->LowPart = ov->Offset;
	off->HighPart = (LONG)ov->OffsetHigh;
	ov->Internal = (ULONG_PTR)STATUS_PENDING;
	return off;
}

K32API BOOL WINAPI ReadFile(HANDLE h, LPVOID buf, DWORD n, LPDWORD done, LPOVERLAPPED ov)
{
	IO_STATUS_BLOCK io = { 0 }, *iop = ov ? (IO_STATUS_BLOCK *)&ov->Internal : &io;
	LARGE_INTEGER off;
	HANDLE event = k32_overlapped_event(ov);
	NTSTATUS status;

	if (done)
		*done = 0;
	status = NtReadFile(h, event, NULL, k32_overlapped_context(ov), iop, buf, n,
			    overlapped_offset(ov, &off), NULL);
	if (status == STATUS_PENDING && ov)
		return k32_error(ERROR_IO_PENDING);
	status = wait_io(h, event, status, iop);
	/* End of file is success with 0 bytes for a synchronous ReadFile, and
	 * ERROR_HANDLE_EOF with an OVERLAPPED (documented). */
	if (status == STATUS_END_OF_FILE && !ov)
		return TRUE;
	/* ERROR_MORE_DATA: what fitted came; an OVERLAPPED's count stays 0,
	 * its Internal fields tell */
	if (status == STATUS_BUFFER_OVERFLOW && done && !ov)
		*done = (DWORD)iop->Information;
	if (status < 0)
		return k32_fail(status);
	if (done)
		*done = (DWORD)iop->Information;
	return TRUE;
}

K32API BOOL WINAPI WriteFile(HANDLE h, LPCVOID buf, DWORD n, LPDWORD done, LPOVERLAPPED ov)
{
	IO_STATUS_BLOCK io = { 0 }, *iop = ov ? (IO_STATUS_BLOCK *)&ov->Internal : &io;
	LARGE_INTEGER off;
	HANDLE event = k32_overlapped_event(ov);
	NTSTATUS status;

	if (done)
		*done = 0;
	status = NtWriteFile(h, event, NULL, k32_overlapped_context(ov), iop, buf, n,
			    overlapped_offset(ov, &off), NULL);
	if (status == STATUS_PENDING && ov)
		return k32_error(ERROR_IO_PENDING);
	status = wait_io(h, event, status, iop);
	if (status < 0)
		return k32_fail(status);
	if (done)
		*done = (DWORD)iop->Information;
	k32_console_wrote(h, buf, (DWORD)iop->Information);
	return TRUE;
}

K32API BOOL WINAPI FlushFileBuffers(HANDLE h)
{
	IO_STATUS_BLOCK io;
	NTSTATUS status = wait_io(h, NULL, NtFlushBuffersFile(h, &io), &io);

	return status < 0 ? k32_fail(status) : TRUE;
}

static NTSTATUS query_info(HANDLE h, void *buf, ULONG len, int cls)
{
	IO_STATUS_BLOCK io;

	return NtQueryInformationFile(h, &io, buf, len, (FILE_INFORMATION_CLASS)cls);
}

static NTSTATUS set_info(HANDLE h, void *buf, ULONG len, int cls)
{
	IO_STATUS_BLOCK io;

	return NtSetInformationFile(h, &io, buf, len, (FILE_INFORMATION_CLASS)cls);
}

K32API BOOL WINAPI GetFileSizeEx(HANDLE h, PLARGE_INTEGER size)
{
	file_standard_info info;
	NTSTATUS status = query_info(h, &info, sizeof(info), FILE_INFO_STANDARD);

	if (status < 0)
		return k32_fail(status);
	*size = info.EndOfFile;
	return TRUE;
}

K32API DWORD WINAPI GetFileSize(HANDLE h, LPDWORD high)
{
	LARGE_INTEGER size;

	if (!GetFileSizeEx(h, &size))
		return INVALID_FILE_SIZE;
	if (high)
		*high = (DWORD)size.HighPart;
	/* Lets callers tell a size of 0xFFFFFFFF from an error. */
	if (size.LowPart == INVALID_FILE_SIZE)
		k32_error(NO_ERROR);
	return size.LowPart;
}

K32API BOOL WINAPI SetFilePointerEx(HANDLE h, LARGE_INTEGER dist, PLARGE_INTEGER newpos,
				    DWORD method)
{
	LARGE_INTEGER pos;
	file_standard_info info;
	NTSTATUS status = STATUS_SUCCESS;

	switch (method) {
	case FILE_BEGIN:
		pos.QuadPart = 0;
		break;
	case FILE_CURRENT:
		status = query_info(h, &pos, sizeof(pos), FILE_INFO_POSITION);
		break;
	case FILE_END:
		status = query_info(h, &info, sizeof(info), FILE_INFO_STANDARD);
		pos = info.EndOfFile;
		break;
	default:
		return k32_error(ERROR_INVALID_PARAMETER);
	}
	if (status < 0)
		return k32_fail(status);
	pos.QuadPart += dist.QuadPart;
	if (pos.QuadPart < 0)
		return k32_error(ERROR_NEGATIVE_SEEK);
	status = set_info(h, &pos, sizeof(pos), FILE_INFO_POSITION);
	if (status < 0)
		return k32_fail(status);
	if (newpos)
		*newpos = pos;
	return TRUE;
}

K32API DWORD WINAPI SetFilePointer(HANDLE h, LONG low, PLONG high, DWORD method)
{
	LARGE_INTEGER dist, pos;

	/* Without `high` the distance is a signed 32-bit value. */
	dist.QuadPart = high ? ((LONGLONG)*high << 32) | (DWORD)low : (LONGLONG)low;
	if (!SetFilePointerEx(h, dist, &pos, method))
		return INVALID_SET_FILE_POINTER;
	if (high)
		*high = pos.HighPart;
	else if (pos.HighPart) {
		k32_error(ERROR_INVALID_PARAMETER);
		return INVALID_SET_FILE_POINTER;
	}
	if (pos.LowPart == INVALID_SET_FILE_POINTER)
		k32_error(NO_ERROR);
	return pos.LowPart;
}

K32API BOOL WINAPI SetEndOfFile(HANDLE h)
{
	LARGE_INTEGER pos;
	NTSTATUS status = query_info(h, &pos, sizeof(pos), FILE_INFO_POSITION);

	if (status >= 0)
		status = set_info(h, &pos, sizeof(pos), FILE_INFO_END_OF_FILE);
	return status < 0 ? k32_fail(status) : TRUE;
}
