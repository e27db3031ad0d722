/*
 * Anonymous pipes as Windows makes them: NtCreateNamedPipeFile without a
 * name gives the read end (the server, inbound), and the write end is
 * the client, opened relative to it with an empty name.  PeekNamedPipe
 * is FSCTL_PIPE_PEEK.
 */
#include "k32_private.h"

#define FSCTL_PIPE_PEEK 0x0011400C
#define PEEK_HEADER 16
#define DEFAULT_PIPE_SIZE 4096

NTSTATUS NTAPI NtCreateNamedPipeFile(PHANDLE, ULONG, POBJECT_ATTRIBUTES, PIO_STATUS_BLOCK, ULONG,
				     ULONG, ULONG, ULONG, ULONG, ULONG, ULONG, ULONG, ULONG,
				     PLARGE_INTEGER);

K32API BOOL WINAPI CreatePipe(PHANDLE read, PHANDLE write, LPSECURITY_ATTRIBUTES sa, DWORD size)
{
	ULONG attrs = sa && sa->bInheritHandle ? OBJ_INHERIT : 0;
	UNICODE_STRING empty = { 0, 0, NULL };
	LARGE_INTEGER timeout = { .QuadPart = -1200000000LL }; /* 120 s, as Windows */
	OBJECT_ATTRIBUTES oa;
	IO_STATUS_BLOCK iosb;
	HANDLE r, w;
	NTSTATUS st;

	if (!read || !write)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!size)
		size = DEFAULT_PIPE_SIZE;
	InitializeObjectAttributes(&oa, NULL, attrs, NULL, sa ? sa->lpSecurityDescriptor : NULL);
	st = NtCreateNamedPipeFile(&r, GENERIC_READ | FILE_WRITE_ATTRIBUTES | SYNCHRONIZE, &oa,
				   &iosb, FILE_SHARE_READ | FILE_SHARE_WRITE, FILE_CREATE,
				   FILE_SYNCHRONOUS_IO_NONALERT, 0, 0, 0, 1, size, size, &timeout);
	if (st < 0)
		return k32_fail(st);
	InitializeObjectAttributes(&oa, &empty, attrs, r, sa ? sa->lpSecurityDescriptor : NULL);
	st = NtOpenFile(&w, GENERIC_WRITE | FILE_READ_ATTRIBUTES | SYNCHRONIZE, &oa, &iosb,
			FILE_SHARE_READ, FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE);
	if (st < 0) {
		NtClose(r);
		return k32_fail(st);
	}
	*read = r;
	*write = w;
	return TRUE;
}

K32API BOOL WINAPI PeekNamedPipe(HANDLE pipe, LPVOID buf, DWORD size, LPDWORD read,
				 LPDWORD avail, LPDWORD left)
{
	ULONG room = PEEK_HEADER + (buf ? size : 0);
	ULONG *peek = RtlAllocateHeap(k32_heap(), 0, room);
	IO_STATUS_BLOCK iosb;
	NTSTATUS st;
	DWORD got;

	if (!peek)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	st = NtFsControlFile(pipe, NULL, NULL, NULL, &iosb, FSCTL_PIPE_PEEK, NULL, 0, peek, room);
	if (st < 0 && st != STATUS_BUFFER_OVERFLOW) { /* a warning: what fitted came */
		RtlFreeHeap(k32_heap(), 0, peek);
		return k32_fail(st);
	}
	got = (DWORD)iosb.Information - PEEK_HEADER;
	if (buf)
		memcpy(buf, peek + 4, got);
	if (read)
		*read = got;
	if (avail)
		*avail = peek[1];
	if (left) /* MessageLength - what came: in byte mode (length 0) it goes
		   * negative, as Windows' kernel32 reports it */
		*left = peek[3] - got;
	RtlFreeHeap(k32_heap(), 0, peek);
	return TRUE;
}
