/*
 * Mailslots: CreateMailslot (the server end, read with ReadFile; clients
 * open \\.\mailslot\NAME with CreateFile and write), GetMailslotInfo,
 * SetMailslotInfo.  Read timeouts are milliseconds here and relative NT
 * times in the calls below; MAILSLOT_WAIT_FOREVER is -1 in both.
 */
#include "k32_private.h"

#define FileMailslotQueryInformation 26
#define FileMailslotSetInformation 27

NTSTATUS NTAPI NtCreateMailslotFile(PHANDLE, ULONG, POBJECT_ATTRIBUTES, PIO_STATUS_BLOCK, ULONG,
				    ULONG, ULONG, PLARGE_INTEGER);

typedef struct {
	ULONG MaximumMessageSize, MailslotQuota, NextMessageSize, MessagesAvailable;
	LARGE_INTEGER ReadTimeout;
} mailslot_query_info;

typedef struct {
	PLARGE_INTEGER ReadTimeout;
} mailslot_set_info;

static LARGE_INTEGER nt_timeout(DWORD ms)
{
	LARGE_INTEGER t;

	t.QuadPart = ms == MAILSLOT_WAIT_FOREVER ? -1 : -(LONGLONG)ms * 10000;
	return t;
}

K32API HANDLE WINAPI CreateMailslotW(LPCWSTR name, DWORD max_message, DWORD timeout,
				     LPSECURITY_ATTRIBUTES sa)
{
	LARGE_INTEGER t = nt_timeout(timeout);
	UNICODE_STRING nt;
	OBJECT_ATTRIBUTES oa;
	IO_STATUS_BLOCK io;
	NTSTATUS status;
	HANDLE h;

	if ((status = k32_nt_path(name, &nt)) < 0) {
		k32_fail(status);
		return INVALID_HANDLE_VALUE;
	}
	InitializeObjectAttributes(&oa, &nt,
				   OBJ_CASE_INSENSITIVE | (sa && sa->bInheritHandle ? OBJ_INHERIT : 0),
				   NULL, sa ? sa->lpSecurityDescriptor : NULL);
	status = NtCreateMailslotFile(&h, GENERIC_READ | SYNCHRONIZE | WRITE_DAC, &oa, &io,
				      FILE_SYNCHRONOUS_IO_NONALERT, 0, max_message, &t);
	RtlFreeUnicodeString(&nt);
	if (status < 0) {
		k32_fail(status);
		return INVALID_HANDLE_VALUE;
	}
	return h;
}

K32API HANDLE WINAPI CreateMailslotA(LPCSTR name, DWORD max_message, DWORD timeout,
				     LPSECURITY_ATTRIBUTES sa)
{
	UNICODE_STRING w;
	HANDLE h;

	if (!name)
		return CreateMailslotW(NULL, max_message, timeout, sa);
	if (!k32_ansi_arg(name, &w))
		return INVALID_HANDLE_VALUE;
	h = CreateMailslotW(w.Buffer, max_message, timeout, sa);
	k32_free(w.Buffer);
	return h;
}

K32API BOOL WINAPI GetMailslotInfo(HANDLE h, LPDWORD max_message, LPDWORD next_size,
				   LPDWORD count, LPDWORD timeout)
{
	mailslot_query_info info;
	IO_STATUS_BLOCK io;
	NTSTATUS status = NtQueryInformationFile(h, &io, &info, sizeof(info),
						 (FILE_INFORMATION_CLASS)FileMailslotQueryInformation);

	if (status < 0)
		return k32_fail(status);
	if (max_message)
		*max_message = info.MaximumMessageSize;
	if (next_size)
		*next_size = info.NextMessageSize;
	if (count)
		*count = info.MessagesAvailable;
	if (timeout)
		*timeout = info.ReadTimeout.QuadPart == -1
				   ? MAILSLOT_WAIT_FOREVER
				   : (DWORD)(-info.ReadTimeout.QuadPart / 10000);
	return TRUE;
}

K32API BOOL WINAPI SetMailslotInfo(HANDLE h, DWORD timeout)
{
	LARGE_INTEGER t = nt_timeout(timeout);
	mailslot_set_info info = { &t };
	IO_STATUS_BLOCK io;
	NTSTATUS status = NtSetInformationFile(h, &io, &info, sizeof(info),
					       (FILE_INFORMATION_CLASS)FileMailslotSetInformation);

	return status < 0 ? k32_fail(status) : TRUE;
}
