/*
 * Directory change notifications: FindFirstChangeNotification and its
 * Next/Close, ReadDirectoryChanges(Ex)W, over NtNotifyChangeDirectoryFile.
 * A change-notification handle is the directory's own handle: it is
 * signalled when a notify call on it without an event ends; the records
 * are not kept (FindNext only asks for the next change).
 */
#include "k32_private.h"

#define DirectoryNotifyInformation 1

/* Where the Find*ChangeNotification calls' status goes: nobody reads it,
 * but the supervisor writes it when a call ends, so it must outlive them. */
static IO_STATUS_BLOCK change_status;

K32API HANDLE WINAPI FindFirstChangeNotificationW(LPCWSTR path, BOOL subtree, DWORD filter)
{
	UNICODE_STRING nt;
	OBJECT_ATTRIBUTES oa;
	IO_STATUS_BLOCK io;
	HANDLE h;
	NTSTATUS status = k32_nt_path(path, &nt);

	if (status < 0) {
		k32_fail(status);
		return INVALID_HANDLE_VALUE;
	}
	InitializeObjectAttributes(&oa, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
	status = NtOpenFile(&h, FILE_LIST_DIRECTORY | SYNCHRONIZE, &oa, &io,
			    FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
			    FILE_DIRECTORY_FILE | FILE_OPEN_FOR_BACKUP_INTENT);
	RtlFreeUnicodeString(&nt);
	if (status >= 0) {
		status = NtNotifyChangeDirectoryFile(h, NULL, NULL, NULL, &change_status, NULL, 0,
						     filter, (BOOLEAN)(subtree != 0));
		if (status < 0)
			NtClose(h);
	}
	if (status < 0) {
		k32_fail(status);
		return INVALID_HANDLE_VALUE;
	}
	return h;
}

K32API HANDLE WINAPI FindFirstChangeNotificationA(LPCSTR path, BOOL subtree, DWORD filter)
{
	UNICODE_STRING s;
	HANDLE h;

	if (!path)
		return FindFirstChangeNotificationW(NULL, subtree, filter);
	if (!k32_ansi_arg(path, &s))
		return INVALID_HANDLE_VALUE;
	h = FindFirstChangeNotificationW(s.Buffer, subtree, filter);
	k32_free(s.Buffer);
	return h;
}

/* The handle keeps the filter and subtree of its first call: this one's
 * only has to be valid. */
K32API BOOL WINAPI FindNextChangeNotification(HANDLE h)
{
	NTSTATUS status = NtNotifyChangeDirectoryFile(h, NULL, NULL, NULL, &change_status, NULL, 0,
						      FILE_NOTIFY_CHANGE_FILE_NAME, FALSE);

	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI FindCloseChangeNotification(HANDLE h)
{
	NTSTATUS status = NtClose(h);

	return status < 0 ? k32_fail(status) : TRUE;
}

static NTSTATUS notify(HANDLE h, HANDLE event, PIO_APC_ROUTINE apc, PVOID context,
		       IO_STATUS_BLOCK *io, void *buf, DWORD len, BOOL subtree, DWORD filter,
		       ULONG cls)
{
	if (cls == DirectoryNotifyInformation)
		return NtNotifyChangeDirectoryFile(h, event, apc, context, io, buf, len, filter,
						   (BOOLEAN)(subtree != 0));
	return NtNotifyChangeDirectoryFileEx(h, event, apc, context, io, buf, len, filter,
					     (BOOLEAN)(subtree != 0), cls);
}

/* Without an OVERLAPPED the call waits for the change (on the handle,
 * which the end of a notify call without an event sets). */
static BOOL changes_now(HANDLE h, void *buf, DWORD len, BOOL subtree, DWORD filter,
			LPDWORD returned, ULONG cls)
{
	IO_STATUS_BLOCK io = { 0 };
	NTSTATUS status = notify(h, NULL, NULL, NULL, &io, buf, len, subtree, filter, cls);

	if (status == STATUS_PENDING) {
		NtWaitForSingleObject(h, FALSE, NULL);
		status = io.Status;
	}
	if (status < 0)
		return k32_fail(status);
	if (returned) /* 0 when the changes did not fit (documented) */
		*returned = (DWORD)io.Information;
	return TRUE;
}

static BOOL read_changes(HANDLE h, void *buf, DWORD len, BOOL subtree, DWORD filter,
			 LPDWORD returned, LPOVERLAPPED ov, LPOVERLAPPED_COMPLETION_ROUTINE done,
			 ULONG cls)
{
	HANDLE event;
	PVOID context;
	NTSTATUS status;

	if (!ov)
		return changes_now(h, buf, len, subtree, filter, returned, cls);
	/* a completion routine is called through the I/O's APC, and hEvent
	 * is then the caller's own (documented); otherwise the OVERLAPPED goes
	 * to the completion port, unless hEvent's low bit asks for no packet */
	event = done ? NULL : (HANDLE)((ULONG_PTR)ov->hEvent & ~(ULONG_PTR)1);
	context = done ? (PVOID)done : ((ULONG_PTR)ov->hEvent & 1) ? NULL : ov;
	ov->Internal = (ULONG_PTR)STATUS_PENDING;
	status = notify(h, event, done ? (PIO_APC_ROUTINE)(void *)k32_io_completion_apc : NULL,
			context, (IO_STATUS_BLOCK *)ov, buf, len, subtree, filter, cls);
	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI ReadDirectoryChangesW(HANDLE h, LPVOID buf, DWORD len, BOOL subtree,
					 DWORD filter, LPDWORD returned, LPOVERLAPPED ov,
					 LPOVERLAPPED_COMPLETION_ROUTINE done)
{
	return read_changes(h, buf, len, subtree, filter, returned, ov, done,
			    DirectoryNotifyInformation);
}

K32API BOOL WINAPI ReadDirectoryChangesExW(HANDLE h, LPVOID buf, DWORD len, BOOL subtree,
					   DWORD filter, LPDWORD returned, LPOVERLAPPED ov,
					   LPOVERLAPPED_COMPLETION_ROUTINE done, ULONG cls)
{
	return read_changes(h, buf, len, subtree, filter, returned, ov, done, cls);
}
