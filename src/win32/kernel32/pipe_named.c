/*
 * Named pipes over the NT calls: CreateNamedPipe is NtCreateNamedPipeFile
 * of "\??\pipe\NAME"; ConnectNamedPipe, DisconnectNamedPipe,
 * WaitNamedPipe and TransactNamedPipe are the FSCTL_PIPE_* controls
 * (WaitNamedPipe on the pipe file system's root, \??\pipe\); the handle
 * state and pipe information are the FilePipe* information classes.
 */
#include <limits.h>
#include "k32_private.h"

#define FSCTL_PIPE_DISCONNECT 0x00110004
#define FSCTL_PIPE_LISTEN 0x00110008
#define FSCTL_PIPE_TRANSCEIVE 0x0011C017
#define FSCTL_PIPE_WAIT 0x00110018
#define FSCTL_PIPE_GET_CONNECTION_ATTRIBUTE 0x00110030
#define PIPE_INFO_CLASS 23
#define PIPE_LOCAL_INFO_CLASS 24
#define PIPE_REMOTE_INFO_CLASS 25
#define DEFAULT_TIMEOUT_MS 50
#define WAIT_HEADER 14

NTSTATUS NTAPI NtCreateNamedPipeFile(PHANDLE, ULONG, POBJECT_ATTRIBUTES, PIO_STATUS_BLOCK, ULONG,
				     ULONG, ULONG, ULONG, ULONG, ULONG, ULONG, ULONG, ULONG,
				     PLARGE_INTEGER);

typedef struct pipe_local_info {
	ULONG NamedPipeType, NamedPipeConfiguration, MaximumInstances, CurrentInstances;
	ULONG InboundQuota, ReadDataAvailable, OutboundQuota, WriteQuotaAvailable;
	ULONG NamedPipeState, NamedPipeEnd;
} pipe_local_info;

typedef struct pipe_info {
	ULONG ReadMode, CompletionMode;
} pipe_info;

/* What the PIPE_ACCESS_* direction asks of the server's handle, and the
 * sharing that tells the pipe which way clients may go. */
static void direction(DWORD open_mode, ACCESS_MASK *access, ULONG *share)
{
	*access = SYNCHRONIZE | (open_mode & (WRITE_DAC | WRITE_OWNER | ACCESS_SYSTEM_SECURITY));
	*share = 0;
	if (open_mode & PIPE_ACCESS_INBOUND) {
		*access |= GENERIC_READ;
		*share |= FILE_SHARE_WRITE;
	}
	if (open_mode & PIPE_ACCESS_OUTBOUND) {
		*access |= GENERIC_WRITE;
		*share |= FILE_SHARE_READ;
	}
}

K32API HANDLE WINAPI CreateNamedPipeW(LPCWSTR name, DWORD open_mode, DWORD pipe_mode,
				      DWORD max_instances, DWORD out_size, DWORD in_size,
				      DWORD timeout_ms, LPSECURITY_ATTRIBUTES sa)
{
	LARGE_INTEGER timeout;
	UNICODE_STRING nt;
	OBJECT_ATTRIBUTES oa;
	IO_STATUS_BLOCK io;
	ACCESS_MASK access;
	ULONG share, options = 0;
	HANDLE h;
	NTSTATUS st;

	if (!name) {
		k32_error(ERROR_PATH_NOT_FOUND);
		return INVALID_HANDLE_VALUE;
	}
	if (!max_instances || max_instances > PIPE_UNLIMITED_INSTANCES ||
	    !(open_mode & PIPE_ACCESS_DUPLEX)) {
		k32_error(ERROR_INVALID_PARAMETER);
		return INVALID_HANDLE_VALUE;
	}
	if ((st = k32_nt_path(name, &nt)) < 0) {
		k32_fail(st);
		return INVALID_HANDLE_VALUE;
	}
	direction(open_mode, &access, &share);
	if (!(open_mode & FILE_FLAG_OVERLAPPED))
		options |= FILE_SYNCHRONOUS_IO_NONALERT;
	if (open_mode & FILE_FLAG_WRITE_THROUGH)
		options |= FILE_WRITE_THROUGH;
	timeout.QuadPart = -(LONGLONG)(timeout_ms ? timeout_ms : DEFAULT_TIMEOUT_MS) * 10000;
	InitializeObjectAttributes(&oa, &nt, OBJ_CASE_INSENSITIVE |
				   (sa && sa->bInheritHandle ? OBJ_INHERIT : 0), NULL,
				   sa ? sa->lpSecurityDescriptor : NULL);
	st = NtCreateNamedPipeFile(&h, access, &oa, &io, share,
				   (open_mode & FILE_FLAG_FIRST_PIPE_INSTANCE) ? FILE_CREATE : FILE_OPEN_IF,
				   options, (pipe_mode & PIPE_TYPE_MESSAGE) ? 1 : 0,
				   (pipe_mode & PIPE_READMODE_MESSAGE) ? 1 : 0,
				   (pipe_mode & PIPE_NOWAIT) ? 1 : 0,
				   max_instances == PIPE_UNLIMITED_INSTANCES ? ~0u : max_instances,
				   in_size, out_size, &timeout);
	RtlFreeUnicodeString(&nt);
	if (st < 0) {
		k32_fail(st);
		return INVALID_HANDLE_VALUE;
	}
	RtlSetLastWin32Error(ERROR_SUCCESS);
	return h;
}

K32API HANDLE WINAPI CreateNamedPipeA(LPCSTR name, DWORD open_mode, DWORD pipe_mode,
				      DWORD max_instances, DWORD out_size, DWORD in_size,
				      DWORD timeout_ms, LPSECURITY_ATTRIBUTES sa)
{
	UNICODE_STRING w = { 0 };
	HANDLE h;

	if (name && !k32_ansi_arg(name, &w))
		return INVALID_HANDLE_VALUE;
	h = CreateNamedPipeW(w.Buffer, open_mode, pipe_mode, max_instances, out_size, in_size,
			     timeout_ms, sa);
	k32_free(w.Buffer);
	return h;
}

/* A pipe control: the caller's OVERLAPPED, or wait on the handle for a
 * synchronous caller whose handle is asynchronous. */
static NTSTATUS control(HANDLE h, ULONG code, void *in, ULONG in_len, void *out, ULONG out_len,
			OVERLAPPED *ov, BOOL *pending)
{
	IO_STATUS_BLOCK io, *iop = ov ? (IO_STATUS_BLOCK *)&ov->Internal : &io;
	HANDLE event = ov ? (HANDLE)((ULONG_PTR)ov->hEvent & ~(ULONG_PTR)1) : NULL;
	PVOID context = ov && !((ULONG_PTR)ov->hEvent & 1) ? ov : NULL;
	NTSTATUS st;

	if (ov)
		ov->Internal = (ULONG_PTR)STATUS_PENDING;
	*pending = FALSE;
	st = NtFsControlFile(h, event, NULL, context, iop, code, in, in_len, out, out_len);
	if (st == STATUS_PENDING && ov) {
		*pending = TRUE;
		return st;
	}
	if (st == STATUS_PENDING) {
		NtWaitForSingleObject(h, FALSE, NULL);
		st = iop->Status;
	}
	return st;
}

K32API BOOL WINAPI ConnectNamedPipe(HANDLE pipe, LPOVERLAPPED ov)
{
	BOOL pending;
	NTSTATUS st = control(pipe, FSCTL_PIPE_LISTEN, NULL, 0, NULL, 0, ov, &pending);

	if (pending)
		return k32_error(ERROR_IO_PENDING);
	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI DisconnectNamedPipe(HANDLE pipe)
{
	BOOL pending;
	NTSTATUS st = control(pipe, FSCTL_PIPE_DISCONNECT, NULL, 0, NULL, 0, NULL, &pending);

	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI TransactNamedPipe(HANDLE pipe, LPVOID in, DWORD in_len, LPVOID out,
				     DWORD out_len, LPDWORD read, LPOVERLAPPED ov)
{
	IO_STATUS_BLOCK *iop;
	BOOL pending;
	NTSTATUS st;

	if (!ov && !read)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (read)
		*read = 0;
	if (!ov) { /* a synchronous transact waits here even on an overlapped handle */
		OVERLAPPED own = { 0 };
		HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);

		if (!event)
			return FALSE;
		own.hEvent = (HANDLE)((ULONG_PTR)event | 1); /* no completion packet */
		st = control(pipe, FSCTL_PIPE_TRANSCEIVE, in, in_len, out, out_len, &own, &pending);
		if (pending) {
			NtWaitForSingleObject(event, FALSE, NULL);
			st = (NTSTATUS)own.Internal;
		}
		CloseHandle(event);
		if (st >= 0 || st == STATUS_BUFFER_OVERFLOW)
			*read = (DWORD)own.InternalHigh;
		return st < 0 ? k32_fail(st) : TRUE;
	}
	st = control(pipe, FSCTL_PIPE_TRANSCEIVE, in, in_len, out, out_len, ov, &pending);
	if (pending)
		return k32_error(ERROR_IO_PENDING);
	iop = (IO_STATUS_BLOCK *)&ov->Internal;
	if (read && (st >= 0 || st == STATUS_BUFFER_OVERFLOW))
		*read = (DWORD)iop->Information;
	return st < 0 ? k32_fail(st) : TRUE;
}

static BOOL has_prefix(const WCHAR *s, const WCHAR *prefix)
{
	for (; *prefix; s++, prefix++) {
		WCHAR a = *s >= 'A' && *s <= 'Z' ? *s + 32 : *s;

		if (a != *prefix)
			return FALSE;
	}
	return TRUE;
}

/* FILE_PIPE_WAIT_FOR_BUFFER on \??\pipe\: NMPWAIT_USE_DEFAULT_WAIT (0)
 * takes the pipe's own timeout, NMPWAIT_WAIT_FOREVER none. */
K32API BOOL WINAPI WaitNamedPipeW(LPCWSTR name, DWORD timeout_ms)
{
	static const WCHAR prefix[] = L"\\\\.\\pipe\\";
	WCHAR root_name[] = L"\\??\\pipe\\";
	UNICODE_STRING root_us;
	OBJECT_ATTRIBUTES oa;
	IO_STATUS_BLOCK io;
	SIZE_T plen = sizeof(prefix) / sizeof(WCHAR) - 1, n;
	BYTE *buf;
	HANDLE root;
	NTSTATUS st;

	if (!name || !has_prefix(name, prefix))
		return k32_error(ERROR_PATH_NOT_FOUND); /* only local pipes */
	n = wcslen(name + plen);
	RtlInitUnicodeString(&root_us, root_name);
	InitializeObjectAttributes(&oa, &root_us, OBJ_CASE_INSENSITIVE, NULL, NULL);
	st = NtOpenFile(&root, FILE_READ_ATTRIBUTES | SYNCHRONIZE, &oa, &io,
			FILE_SHARE_READ | FILE_SHARE_WRITE, FILE_SYNCHRONOUS_IO_NONALERT);
	if (st < 0)
		return k32_fail(st);
	if (!(buf = RtlAllocateHeap(k32_heap(), HEAP_ZERO_MEMORY, WAIT_HEADER + n * 2 + 2))) {
		NtClose(root);
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	*(LONGLONG *)buf = timeout_ms == NMPWAIT_WAIT_FOREVER ? LLONG_MIN :
			   -(LONGLONG)timeout_ms * 10000;
	*(ULONG *)(buf + 8) = (ULONG)(n * 2);
	buf[12] = timeout_ms != NMPWAIT_USE_DEFAULT_WAIT;
	memcpy(buf + WAIT_HEADER, name + plen, n * 2);
	st = NtFsControlFile(root, NULL, NULL, NULL, &io, FSCTL_PIPE_WAIT, buf,
			     (ULONG)(WAIT_HEADER + n * 2), NULL, 0);
	RtlFreeHeap(k32_heap(), 0, buf);
	NtClose(root);
	if (st == STATUS_OBJECT_NAME_NOT_FOUND)
		return k32_error(ERROR_FILE_NOT_FOUND);
	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI WaitNamedPipeA(LPCSTR name, DWORD timeout_ms)
{
	UNICODE_STRING w;
	BOOL ok;

	if (!k32_ansi_arg(name, &w))
		return FALSE;
	ok = WaitNamedPipeW(w.Buffer, timeout_ms);
	k32_free(w.Buffer);
	return ok;
}

static NTSTATUS query(HANDLE h, void *buf, ULONG len, ULONG cls)
{
	IO_STATUS_BLOCK io;

	return NtQueryInformationFile(h, &io, buf, len, (FILE_INFORMATION_CLASS)cls);
}

K32API BOOL WINAPI GetNamedPipeInfo(HANDLE pipe, LPDWORD flags, LPDWORD out_size,
				    LPDWORD in_size, LPDWORD max_instances)
{
	pipe_local_info li;
	NTSTATUS st = query(pipe, &li, sizeof(li), PIPE_LOCAL_INFO_CLASS);

	if (st < 0)
		return k32_fail(st);
	if (flags)
		*flags = (li.NamedPipeEnd ? PIPE_SERVER_END : PIPE_CLIENT_END) |
			 (li.NamedPipeType ? PIPE_TYPE_MESSAGE : PIPE_TYPE_BYTE);
	if (out_size)
		*out_size = li.OutboundQuota;
	if (in_size)
		*in_size = li.InboundQuota;
	if (max_instances)
		*max_instances = li.MaximumInstances == ~0u ? PIPE_UNLIMITED_INSTANCES :
				 li.MaximumInstances;
	return TRUE;
}

K32API BOOL WINAPI GetNamedPipeHandleStateW(HANDLE pipe, LPDWORD state, LPDWORD instances,
					    LPDWORD max_count, LPDWORD timeout, LPWSTR user,
					    DWORD user_size)
{
	pipe_info pi;
	pipe_local_info li;
	NTSTATUS st;

	if (state) {
		if ((st = query(pipe, &pi, sizeof(pi), PIPE_INFO_CLASS)) < 0)
			return k32_fail(st);
		*state = (pi.ReadMode ? PIPE_READMODE_MESSAGE : 0) |
			 (pi.CompletionMode ? PIPE_NOWAIT : 0);
	}
	if (instances) {
		if ((st = query(pipe, &li, sizeof(li), PIPE_LOCAL_INFO_CLASS)) < 0)
			return k32_fail(st);
		*instances = li.CurrentInstances;
	}
	/* only a remote client's end has collection settings (documented:
	 * must be NULL for a server end or a local client) */
	if (max_count || timeout)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (user && user_size)
		return k32_error(ERROR_CANNOT_IMPERSONATE);
	return TRUE;
}

K32API BOOL WINAPI GetNamedPipeHandleStateA(HANDLE pipe, LPDWORD state, LPDWORD instances,
					    LPDWORD max_count, LPDWORD timeout, LPSTR user,
					    DWORD user_size)
{
	if (!GetNamedPipeHandleStateW(pipe, state, instances, max_count, timeout, NULL, 0))
		return FALSE;
	if (user && user_size)
		return k32_error(ERROR_CANNOT_IMPERSONATE);
	return TRUE;
}

K32API BOOL WINAPI SetNamedPipeHandleState(HANDLE pipe, LPDWORD mode, LPDWORD max_count,
					   LPDWORD timeout)
{
	IO_STATUS_BLOCK io;
	pipe_info pi;
	NTSTATUS st;

	if (mode) {
		if (*mode & ~(DWORD)(PIPE_READMODE_MESSAGE | PIPE_NOWAIT))
			return k32_error(ERROR_INVALID_PARAMETER);
		pi.ReadMode = (*mode & PIPE_READMODE_MESSAGE) ? 1 : 0;
		pi.CompletionMode = (*mode & PIPE_NOWAIT) ? 1 : 0;
		st = NtSetInformationFile(pipe, &io, &pi, sizeof(pi),
					  (FILE_INFORMATION_CLASS)PIPE_INFO_CLASS);
		if (st < 0)
			return k32_fail(st);
	}
	return TRUE; /* max_count and timeout concern remote clients only */
}

K32API BOOL WINAPI CallNamedPipeW(LPCWSTR name, LPVOID in, DWORD in_len, LPVOID out,
				  DWORD out_len, LPDWORD read, DWORD timeout_ms)
{
	DWORD mode = PIPE_READMODE_MESSAGE;
	HANDLE h = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
	BOOL ok;

	if (h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_PIPE_BUSY) {
		if (!WaitNamedPipeW(name, timeout_ms))
			return FALSE;
		h = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
	}
	if (h == INVALID_HANDLE_VALUE)
		return FALSE;
	ok = SetNamedPipeHandleState(h, &mode, NULL, NULL) &&
	     TransactNamedPipe(h, in, in_len, out, out_len, read, NULL);
	CloseHandle(h);
	return ok;
}

K32API BOOL WINAPI CallNamedPipeA(LPCSTR name, LPVOID in, DWORD in_len, LPVOID out,
				  DWORD out_len, LPDWORD read, DWORD timeout_ms)
{
	UNICODE_STRING w;
	BOOL ok;

	if (!k32_ansi_arg(name, &w))
		return FALSE;
	ok = CallNamedPipeW(w.Buffer, in, in_len, out, out_len, read, timeout_ms);
	k32_free(w.Buffer);
	return ok;
}

/* GetNamedPipe{Client,Server}{Process,Session}Id: attributes of the
 * connection, as either end sees it. */
static BOOL connection_attribute(HANDLE pipe, const char *name, ULONG len, PULONG out)
{
	IO_STATUS_BLOCK io;
	NTSTATUS st;

	st = NtFsControlFile(pipe, NULL, NULL, NULL, &io, FSCTL_PIPE_GET_CONNECTION_ATTRIBUTE,
			     (PVOID)name, len, out, out ? sizeof(*out) : 0);
	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI GetNamedPipeClientProcessId(HANDLE pipe, PULONG id)
{
	return connection_attribute(pipe, "ClientProcessId", sizeof("ClientProcessId"), id);
}

K32API BOOL WINAPI GetNamedPipeServerProcessId(HANDLE pipe, PULONG id)
{
	return connection_attribute(pipe, "ServerProcessId", sizeof("ServerProcessId"), id);
}

K32API BOOL WINAPI GetNamedPipeClientSessionId(HANDLE pipe, PULONG id)
{
	return connection_attribute(pipe, "ClientSessionId", sizeof("ClientSessionId"), id);
}

K32API BOOL WINAPI GetNamedPipeServerSessionId(HANDLE pipe, PULONG id)
{
	return connection_attribute(pipe, "ServerSessionId", sizeof("ServerSessionId"), id);
}
