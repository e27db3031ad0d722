/*
 * Data on sockets: send, recv and their WSA, datagram and message forms,
 * as requests to the supervisor (sock_call.c).  A blocking stream socket
 * sends every byte before send returns, as on Windows; a non-blocking
 * one sends what fits (WSAEWOULDBLOCK when nothing does).  Overlapped
 * calls are NT I/O that may end later (overlapped.c).
 */
#include "ws_private.h"
#include <lsw/ntstatus.h>
#include <lsw/socket_ioctl.h>

#define CHUNK (1u << 20) /* a request's data at most (the supervisor's limit) */
#define RECV_FLAGS (MSG_OOB | MSG_PEEK | MSG_WAITALL)

/* The bytes of n buffers: -1 past INT_MAX (Winsock counts in ints), -2
 * for a missing buffer. */
static LONGLONG total_of(const WSABUF *bufs, DWORD n)
{
	LONGLONG t = 0;

	if (n && !bufs)
		return -2;
	for (DWORD i = 0; i < n; i++) {
		if (bufs[i].len && !bufs[i].buf)
			return -2;
		if ((t += bufs[i].len) > INT_MAX)
			return -1;
	}
	return t;
}

static int total_error(LONGLONG total)
{
	return total == -2 ? WSAEFAULT : total < 0 ? WSAEINVAL : 0;
}

/* Copies bytes [off, off + len) of the buffers to or from flat. */
static void gather(const WSABUF *bufs, DWORD n, ULONG off, char *flat, ULONG len, BOOL in)
{
	for (DWORD i = 0; i < n && len; i++) {
		ULONG take;

		if (off >= bufs[i].len) {
			off -= bufs[i].len;
			continue;
		}
		take = bufs[i].len - off < len ? bufs[i].len - off : len;
		if (in)
			memcpy(flat, bufs[i].buf + off, take);
		else
			memcpy(bufs[i].buf + off, flat, take);
		flat += take;
		len -= take;
		off = 0;
	}
}

/* Sends the buffers (to the address to, NULL: the peer): 0 or an error,
 * *sent the bytes taken. */
static int send_bufs(SOCKET s, const WSABUF *bufs, DWORD n, DWORD flags,
		     const struct sockaddr *to, int to_len, DWORD *sent)
{
	LONGLONG total = total_of(bufs, n);
	struct lsw_sock_send *rq;
	ULONG off = 0;
	int err = ws_not_started();

	*sent = 0;
	if (err || (err = total_error(total)) || (to && (err = ws_check_addr(to, to_len))))
		return err;
	if (!(rq = HeapAlloc(GetProcessHeap(), 0, sizeof(*rq) + (total < CHUNK ? total : CHUNK))))
		return WSAENOBUFS;
	memset(rq, 0, sizeof(*rq));
	rq->flags = (int32_t)flags;
	if (to) {
		rq->to_len = to_len < LSW_SOCKADDR_MAX ? (uint32_t)to_len : LSW_SOCKADDR_MAX;
		memcpy(rq->to, to, rq->to_len);
	}
	do {
		ULONG len = total - off < CHUNK ? (ULONG)(total - off) : CHUNK;
		ULONG_PTR done = 0;
		LONG st;

		gather(bufs, n, off, (char *)(rq + 1), len, TRUE);
		st = ws_ioctl_wait(s, POLLWRNORM, IOCTL_LSW_SOCKET_SEND, rq, sizeof(*rq) + len, NULL,
				   0, &done);
		if (st < 0) {
			/* what did go stays sent: a later call reports the error */
			err = off && st == (LONG)LSW_STATUS_CANT_WAIT ? 0 : ws_error_of(st);
			break;
		}
		off += (ULONG)done;
	} while (off < total);
	HeapFree(GetProcessHeap(), 0, rq);
	*sent = off;
	return err;
}

/* WSARecvMsg's control data: where the supervisor puts it (none for
 * another call). */
static struct lsw_sock_control control_of(WSAMSG *msg)
{
	struct lsw_sock_control c = { 0, 0, 0 };

	if (msg) {
		c.control = (uint64_t)(ULONG_PTR)msg->Control.buf;
		c.control_len = (uint64_t)(ULONG_PTR)&msg->Control.len;
		c.msg_flags = (uint64_t)(ULONG_PTR)&msg->dwFlags;
	}
	return c;
}

static int recv_bufs(SOCKET s, WSABUF *bufs, DWORD n, DWORD flags, struct sockaddr *from,
		     int *from_len, WSAMSG *msg, DWORD *got)
{
	LONGLONG total = total_of(bufs, n);
	struct lsw_sock_recv rq = { (int32_t)(flags & ~MSG_WAITALL), from != NULL,
				    control_of(msg) };
	ULONG head = from ? sizeof(struct lsw_sock_from) : 0, off = 0;
	char *out;
	int err = ws_not_started();

	*got = 0;
	if (err || (err = total_error(total)) || (flags & ~RECV_FLAGS ? (err = WSAEOPNOTSUPP) : 0) ||
	    (from && (!from_len || *from_len < (int)sizeof(struct sockaddr_in)) ? (err = WSAEFAULT) : 0))
		return err;
	if (!(out = HeapAlloc(GetProcessHeap(), 0, head + (total < CHUNK ? total : CHUNK) + 1)))
		return WSAENOBUFS;
	do {
		ULONG len = total - off < CHUNK ? (ULONG)(total - off) : CHUNK;
		ULONG_PTR done = 0;
		LONG st = ws_ioctl_wait(s, POLLRDNORM, IOCTL_LSW_SOCKET_RECV, &rq, sizeof(rq), out,
					head + len, &done);

		if (st < 0 && st != (LONG)LSW_STATUS_BUFFER_OVERFLOW) {
			err = off && st == (LONG)LSW_STATUS_CANT_WAIT ? 0 : ws_error_of(st);
			break;
		}
		if (done < head) {
			err = WSAEFAULT;
			break;
		}
		gather(bufs, n, off, out + head, (ULONG)(done - head), FALSE);
		off += (ULONG)(done - head);
		if (from)
			err = ws_give_addr(((struct lsw_sock_from *)out)->addr,
					   (int)((struct lsw_sock_from *)out)->len, from, from_len);
		if (st < 0 || err)
			err = err ? err : WSAEMSGSIZE; /* the datagram was cut to fit */
		if (err || done == head) /* an error, or the peer's end of data */
			break;
	} while ((flags & MSG_WAITALL) && off < total);
	HeapFree(GetProcessHeap(), 0, out);
	*got = off;
	return err;
}

/* A data call that worked clears the last error, as Windows' do (Wine's
 * ws2_32 tests check it after send, sendto, recvfrom, WSARecv...). */
static int succeeded(int result)
{
	WSASetLastError(0);
	return result;
}

WS_API int WSAAPI recv(SOCKET s, char *buf, int len, int flags)
{
	WSABUF b = { len < 0 ? 0 : (ULONG)len, buf };
	DWORD got;
	int err = len < 0 ? WSAEINVAL : recv_bufs(s, &b, 1, (DWORD)flags, NULL, NULL, NULL, &got);

	return err ? ws_fail(err) : succeeded((int)got);
}

WS_API int WSAAPI recvfrom(SOCKET s, char *buf, int len, int flags, struct sockaddr *from,
			   int *from_len)
{
	WSABUF b = { len < 0 ? 0 : (ULONG)len, buf };
	DWORD got;
	int err = len < 0 ? WSAEINVAL : recv_bufs(s, &b, 1, (DWORD)flags, from, from_len, NULL, &got);

	return err ? ws_fail(err) : succeeded((int)got);
}

WS_API int WSAAPI send(SOCKET s, const char *buf, int len, int flags)
{
	WSABUF b = { len < 0 ? 0 : (ULONG)len, (char *)buf };
	DWORD sent;
	int err = len < 0 ? WSAEINVAL : send_bufs(s, &b, 1, (DWORD)flags, NULL, 0, &sent);

	return err ? ws_fail(err) : succeeded((int)sent);
}

WS_API int WSAAPI sendto(SOCKET s, const char *buf, int len, int flags, const struct sockaddr *to,
			 int to_len)
{
	WSABUF b = { len < 0 ? 0 : (ULONG)len, (char *)buf };
	DWORD sent;
	int err = len < 0 ? WSAEINVAL : send_bufs(s, &b, 1, (DWORD)flags, to, to_len, &sent);

	return err ? ws_fail(err) : succeeded((int)sent);
}

/* An overlapped receive: the flags and the address as the plain one
 * checks them. */
static int recv_overlapped(SOCKET s, WSABUF *bufs, DWORD n, DWORD flags, struct sockaddr *from,
			   int *from_len, WSAMSG *msg, DWORD *got, LPWSAOVERLAPPED ov,
			   LPWSAOVERLAPPED_COMPLETION_ROUTINE cb)
{
	struct lsw_sock_io head = { (int32_t)(flags & ~MSG_WAITALL), 0, (uint64_t)(ULONG_PTR)from,
				    from ? (uint64_t)(ULONG_PTR)from_len : 0, 0, { 0 },
				    control_of(msg) };
	LONGLONG total = total_of(bufs, n);
	int err = ws_not_started();

	if (err || (err = total_error(total)) || (flags & ~RECV_FLAGS ? (err = WSAEOPNOTSUPP) : 0) ||
	    (from && (!from_len || *from_len < (int)sizeof(struct sockaddr_in)) ? (err = WSAEFAULT) : 0))
		return err;
	return ws_overlapped_bufs(s, IOCTL_LSW_SOCKET_RECV_ASYNC, &head, bufs, n, ov, cb, got);
}

int ws_recv_any(SOCKET s, WSABUF *bufs, DWORD n, DWORD flags, struct sockaddr *from,
		int *from_len, WSAMSG *msg, DWORD *got, LPWSAOVERLAPPED ov,
		LPWSAOVERLAPPED_COMPLETION_ROUTINE cb)
{
	*got = 0;
	if (ov)
		return recv_overlapped(s, bufs, n, flags, from, from_len, msg, got, ov, cb);
	return recv_bufs(s, bufs, n, flags, from, from_len, msg, got);
}

WS_API int WSAAPI WSARecvFrom(SOCKET s, LPWSABUF bufs, DWORD n, LPDWORD done, LPDWORD flags,
			      struct sockaddr *from, LPINT from_len, LPWSAOVERLAPPED ov,
			      LPWSAOVERLAPPED_COMPLETION_ROUTINE cb)
{
	DWORD got = 0;
	int err = flags ? ws_recv_any(s, bufs, n, *flags, from, from_len, NULL, &got, ov, cb)
			: WSAEFAULT;

	if (done && (!err || !ov))
		*done = got;
	if (flags && !err)
		*flags = 0;
	return err ? ws_fail(err) : succeeded(0);
}

WS_API int WSAAPI WSARecv(SOCKET s, LPWSABUF bufs, DWORD n, LPDWORD done, LPDWORD flags,
			  LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE cb)
{
	return WSARecvFrom(s, bufs, n, done, flags, NULL, NULL, ov, cb);
}

/* An overlapped send: the address as the plain one checks it. */
static int send_overlapped(SOCKET s, const WSABUF *bufs, DWORD n, DWORD flags,
			   const struct sockaddr *to, int to_len, DWORD *sent, LPWSAOVERLAPPED ov,
			   LPWSAOVERLAPPED_COMPLETION_ROUTINE cb)
{
	struct lsw_sock_io head = { (int32_t)flags, 0, 0, 0, 0, { 0 } };
	LONGLONG total = total_of(bufs, n);
	int err = ws_not_started();

	if (err || (err = total_error(total)) || (to && (err = ws_check_addr(to, to_len))))
		return err;
	if (to) {
		head.to_len = to_len < LSW_SOCKADDR_MAX ? (uint32_t)to_len : LSW_SOCKADDR_MAX;
		memcpy(head.to, to, head.to_len);
	}
	return ws_overlapped_bufs(s, IOCTL_LSW_SOCKET_SEND_ASYNC, &head, bufs, n, ov, cb, sent);
}

WS_API int WSAAPI WSASendTo(SOCKET s, LPWSABUF bufs, DWORD n, LPDWORD done, DWORD flags,
			    const struct sockaddr *to, int to_len, LPWSAOVERLAPPED ov,
			    LPWSAOVERLAPPED_COMPLETION_ROUTINE cb)
{
	DWORD sent = 0;
	int err = ov ? send_overlapped(s, bufs, n, flags, to, to_len, &sent, ov, cb)
		     : send_bufs(s, bufs, n, flags, to, to_len, &sent);

	if (done && (!err || !ov))
		*done = sent;
	return err ? ws_fail(err) : succeeded(0);
}

WS_API int WSAAPI WSASend(SOCKET s, LPWSABUF bufs, DWORD n, LPDWORD done, DWORD flags,
			  LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE cb)
{
	return WSASendTo(s, bufs, n, done, flags, NULL, 0, ov, cb);
}

WS_API int WSAAPI WSASendMsg(SOCKET s, LPWSAMSG msg, DWORD flags, LPDWORD done,
			     LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE cb)
{
	if (!msg)
		return ws_fail(WSAEFAULT);
	return WSASendTo(s, msg->lpBuffers, msg->dwBufferCount, done, flags, msg->name,
			 msg->name ? msg->namelen : 0, ov, cb);
}

/* Disconnect data: none over TCP/IP; the receiving side only looks. */
WS_API int WSAAPI WSARecvDisconnect(SOCKET s, LPWSABUF data)
{
	return shutdown(s, SD_RECEIVE);
}

WS_API int WSAAPI WSASendDisconnect(SOCKET s, LPWSABUF data)
{
	return shutdown(s, SD_SEND);
}
