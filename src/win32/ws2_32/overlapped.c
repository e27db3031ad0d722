/*
 * Overlapped socket calls: one NtDeviceIoControlFile each, its
 * IO_STATUS_BLOCK the WSAOVERLAPPED itself (Internal and InternalHigh, as
 * on Windows), so that GetOverlappedResult, WSAGetOverlappedResult and
 * GetQueuedCompletionStatus read what the supervisor wrote.  The request
 * names the caller's buffers (<lsw/socket_ioctl.h>); the supervisor fills
 * or reads them when the socket is ready, after the call said
 * WSA_IO_PENDING.
 *
 * How the end is told (as Windows' ws2_32 asks afd.sys): the event of
 * hEvent; the completion port of the socket, with the WSAOVERLAPPED as its
 * packet's overlapped, unless hEvent's low bit is set; or the completion
 * routine, as an APC of the calling thread (run when it waits alertably).
 */
#include "ws_private.h"
#include <winternl.h>
#include <lsw/ntstatus.h>
#include <lsw/socket_ioctl.h>

/* The APC of a completion routine: ApcContext is the routine, the
 * IO_STATUS_BLOCK the WSAOVERLAPPED. */
static void WINAPI run_completion_routine(void *context, IO_STATUS_BLOCK *io, ULONG reserved)
{
	LPWSAOVERLAPPED_COMPLETION_ROUTINE cb = (LPWSAOVERLAPPED_COMPLETION_ROUTINE)context;
	LPWSAOVERLAPPED ov = (LPWSAOVERLAPPED)io;

	cb((DWORD)ws_overlapped_error((LONG)ov->Internal), (DWORD)ov->InternalHigh, ov, 0);
}

/* An I/O's end as Windows reports it, which differs from a call's
 * (sock_call.c) where the supervisor's answers mean something of their
 * own: a success or an information, its Win32 error. */
int ws_overlapped_error(LONG status)
{
	switch ((ULONG)status) {
	case LSW_STATUS_PENDING: return WSA_IO_INCOMPLETE;
	case LSW_STATUS_CANCELLED: return WSA_OPERATION_ABORTED;
	case LSW_STATUS_INVALID_ADDRESS: return WSAEADDRNOTAVAIL;
	case LSW_STATUS_CANT_WAIT:
	case LSW_STATUS_DEVICE_BUSY:
	case LSW_STATUS_NOT_FOUND:
	case LSW_STATUS_INVALID_DEVICE_REQUEST:
	case LSW_STATUS_TOO_MANY_OPENED_FILES: return WSAEINVAL;
	case 0x80070000 | ERROR_IO_INCOMPLETE:
	case 0xc0010000 | ERROR_IO_INCOMPLETE:
	case 0xc0070000 | ERROR_IO_INCOMPLETE: return WSA_IO_INCOMPLETE; /* HRESULT-like */
	}
	return status >= 0 ? (int)RtlNtStatusToDosError(status) : ws_error_of(status);
}

int ws_overlapped_request(SOCKET s, ULONG code, const void *in, ULONG in_len, LPWSAOVERLAPPED ov,
			  LPWSAOVERLAPPED_COMPLETION_ROUTINE cb, DWORD *done)
{
	HANDLE event = (HANDLE)((ULONG_PTR)ov->hEvent & ~(ULONG_PTR)1);
	void *context = cb ? (void *)cb : ((ULONG_PTR)ov->hEvent & 1) ? NULL : (void *)ov;
	LONG st;

	/* InternalHigh stays as it is until the end (Wine's ws2_32 tests) */
	ov->Internal = (ULONG_PTR)LSW_STATUS_PENDING;
	st = NtDeviceIoControlFile((HANDLE)s, event, cb ? (PIO_APC_ROUTINE)run_completion_routine
						      : NULL,
				   context, (PIO_STATUS_BLOCK)ov, code, (void *)in, in_len, NULL, 0);
	if (st == (LONG)LSW_STATUS_PENDING)
		return WSA_IO_PENDING;
	if (st < 0) /* a datagram cut to fit too (a warning): WSAEMSGSIZE */
		return ws_error_of(st);
	if (done)
		*done = (DWORD)ov->InternalHigh;
	return 0;
}

int ws_overlapped_bufs(SOCKET s, ULONG code, struct lsw_sock_io *head, const WSABUF *bufs,
		       DWORD n, LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE cb,
		       DWORD *done)
{
	ULONG len = sizeof(*head) + n * sizeof(struct lsw_sock_buf);
	struct lsw_sock_io *rq;
	int err;

	if (n > LSW_SOCK_BUFS_MAX)
		return WSAENOBUFS;
	if (n && !bufs)
		return WSAEFAULT;
	if (!(rq = HeapAlloc(GetProcessHeap(), 0, len)))
		return WSAENOBUFS;
	*rq = *head;
	rq->count = n;
	for (DWORD i = 0; i < n; i++) {
		struct lsw_sock_buf *b = (struct lsw_sock_buf *)(rq + 1) + i;

		b->ptr = (uint64_t)(ULONG_PTR)bufs[i].buf;
		b->len = bufs[i].len;
		b->pad = 0;
	}
	err = ws_overlapped_request(s, code, rq, len, ov, cb, done);
	HeapFree(GetProcessHeap(), 0, rq);
	return err;
}

/* Without an event the wait is on the socket handle, which is set when
 * an I/O of its ends (another one's too: hence the loop). */
WS_API WINBOOL WSAAPI WSAGetOverlappedResult(SOCKET s, LPWSAOVERLAPPED ov, LPDWORD done,
					     WINBOOL wait, LPDWORD flags)
{
	struct lsw_sock_info info;
	HANDLE event;
	int err = ws_not_started();

	if (err || (err = ws_socket_info(s, &info)))
		return ws_fail(err), FALSE;
	/* flags may be NULL (Wine's tests of TransmitFile, which pass on Windows) */
	if (!ov || !done)
		return ws_fail(WSAEFAULT), FALSE;
	event = (HANDLE)((ULONG_PTR)ov->hEvent & ~(ULONG_PTR)1);
	while (wait && (LONG)ov->Internal == (LONG)LSW_STATUS_PENDING)
		if (WaitForSingleObject(event ? event : (HANDLE)s, INFINITE) != WAIT_OBJECT_0)
			return ws_fail(WSAEINVAL), FALSE;
	*done = (DWORD)ov->InternalHigh;
	/* a success or an information is TRUE, its Win32 error set all the same */
	WSASetLastError(ws_overlapped_error((LONG)ov->Internal));
	if ((LONG)ov->Internal >= 0 && (LONG)ov->Internal != (LONG)LSW_STATUS_PENDING) {
		if (flags)
			*flags = 0; /* no MSG_PARTIAL: a failed request leaves them (Wine's tests) */
		return TRUE;
	}
	return FALSE;
}
