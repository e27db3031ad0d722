/*
 * I/O completion ports: CreateIoCompletionPort, GetQueuedCompletionStatus(Ex),
 * PostQueuedCompletionStatus, SetFileCompletionNotificationModes, over
 * NtCreateIoCompletion, NtRemoveIoCompletion(Ex), NtSetIoCompletion and
 * NtSetInformationFile.
 */
#include "k32_private.h"

#define FILE_COMPLETION_INFO_CLASS 30
#define FILE_IO_COMPLETION_NOTIFICATION_INFO_CLASS 41

typedef struct file_completion_info {
	HANDLE Port;
	PVOID Key;
} file_completion_info;

/* NtRemoveIoCompletionEx's entries are OVERLAPPED_ENTRYs: the same layout. */
_Static_assert(sizeof(OVERLAPPED_ENTRY) == 32, "OVERLAPPED_ENTRY is FILE_IO_COMPLETION_INFORMATION");

/* A wait on a port that returned no packet: its last error. */
static BOOL no_packet(NTSTATUS status)
{
	switch (status) {
	case STATUS_TIMEOUT: return k32_error(WAIT_TIMEOUT);
	case STATUS_USER_APC: return k32_error(WAIT_IO_COMPLETION);
	case STATUS_ABANDONED_WAIT_0: return k32_error(ERROR_ABANDONED_WAIT_0);
	}
	return k32_fail(status);
}

K32API HANDLE WINAPI CreateIoCompletionPort(HANDLE file, HANDLE port, ULONG_PTR key,
					    DWORD threads)
{
	file_completion_info info;
	IO_STATUS_BLOCK io;
	HANDLE created = NULL;
	NTSTATUS status;

	if (file == INVALID_HANDLE_VALUE && port) {
		k32_error(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	if (!port) {
		status = NtCreateIoCompletion(&created, IO_COMPLETION_ALL_ACCESS, NULL, threads);
		if (status < 0) {
			k32_fail(status);
			return NULL;
		}
		port = created;
	}
	if (file == INVALID_HANDLE_VALUE)
		return port;
	info.Port = port;
	info.Key = (PVOID)key;
	status = NtSetInformationFile(file, &io, &info, sizeof(info),
				      (FILE_INFORMATION_CLASS)FILE_COMPLETION_INFO_CLASS);
	if (status < 0) {
		if (created)
			NtClose(created);
		k32_fail(status);
		return NULL;
	}
	return port;
}

K32API BOOL WINAPI GetQueuedCompletionStatus(HANDLE port, LPDWORD bytes, PULONG_PTR key,
					     LPOVERLAPPED *ov, DWORD ms)
{
	IO_STATUS_BLOCK io;
	LARGE_INTEGER t;
	PVOID k, value;
	NTSTATUS status = NtRemoveIoCompletion(port, &k, &value, &io, k32_timeout(ms, &t));

	if (status != STATUS_SUCCESS) {
		*ov = NULL;
		return no_packet(status);
	}
	*key = (ULONG_PTR)k;
	*ov = value;
	*bytes = (DWORD)io.Information;
	/* a failed I/O's packet: the data is there, the result is its error */
	if (io.Status < 0)
		return k32_fail(io.Status);
	return TRUE;
}

K32API BOOL WINAPI GetQueuedCompletionStatusEx(HANDLE port, LPOVERLAPPED_ENTRY entries,
					       ULONG count, PULONG removed, DWORD ms,
					       BOOL alertable)
{
	LARGE_INTEGER t;
	NTSTATUS status = NtRemoveIoCompletionEx(port, entries, count, removed, k32_timeout(ms, &t),
						 (BOOLEAN)(alertable != 0));

	/* *removed stays what the kernel said: 1 after a timeout or an APC,
	 * as Windows reports it (kernel32's file tests) */
	return status == STATUS_SUCCESS ? TRUE : no_packet(status);
}

K32API BOOL WINAPI PostQueuedCompletionStatus(HANDLE port, DWORD bytes, ULONG_PTR key,
					      LPOVERLAPPED ov)
{
	NTSTATUS status = NtSetIoCompletion(port, (PVOID)key, ov, STATUS_SUCCESS, bytes);

	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI SetFileCompletionNotificationModes(HANDLE file, UCHAR flags)
{
	ULONG modes = flags;
	IO_STATUS_BLOCK io;
	NTSTATUS status = NtSetInformationFile(
		file, &io, &modes, sizeof(modes),
		(FILE_INFORMATION_CLASS)FILE_IO_COMPLETION_NOTIFICATION_INFO_CLASS);

	return status < 0 ? k32_fail(status) : TRUE;
}
