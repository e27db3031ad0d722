/*
 * The Microsoft extension functions that SIO_GET_EXTENSION_FUNCTION_POINTER
 * hands out.  WSARecvMsg (with its control data: IP_PKTINFO...) and
 * WSASendMsg work as the other calls of socket_io.c.  AcceptEx, ConnectEx,
 * DisconnectEx and TransmitFile are overlapped requests (overlapped.c).
 * TransmitPackets is not served: it fails with WSAEOPNOTSUPP, rather than
 * leave the program a NULL to call.
 */
#include "ws_private.h"
#include <mswsock.h>
#include <lsw/socket_ioctl.h>
#include "accept_ex_addrs.h"

static INT WINAPI recv_msg(SOCKET s, LPWSAMSG msg, LPDWORD done, LPWSAOVERLAPPED ov,
			   LPWSAOVERLAPPED_COMPLETION_ROUTINE cb)
{
	DWORD got = 0;
	int err = msg ? ws_recv_any(s, msg->lpBuffers, msg->dwBufferCount, msg->dwFlags, msg->name,
				    msg->name ? &msg->namelen : NULL, msg, &got, ov, cb)
		      : WSAEFAULT;

	/* the supervisor wrote Control.len and dwFlags (MSG_CTRUNC) */
	if (done && (!err || (!ov && err == WSAEMSGSIZE)))
		*done = got;
	return err ? ws_fail(err) : 0;
}

/* The socket is one: WSAEOPNOTSUPP; else its own error. */
static BOOL unsupported(SOCKET s)
{
	struct lsw_sock_info info;
	int err = ws_not_started();

	ws_fail(err ? err : (err = ws_socket_info(s, &info)) ? err : WSAEOPNOTSUPP);
	return FALSE;
}

/* TRUE when the request ended in its call, else FALSE with its error
 * (ERROR_IO_PENDING when it goes on). */
static BOOL overlapped_result(int err)
{
	return err ? (ws_fail(err), FALSE) : TRUE;
}

/* The connection goes to `accepted`, which the supervisor checks (made,
 * not bound, not the listener). */
static BOOL WINAPI accept_ex(SOCKET listener, SOCKET accepted, PVOID buf, DWORD data_len,
			     DWORD local_len, DWORD remote_len, LPDWORD received, LPOVERLAPPED ov)
{
	struct lsw_sock_accept_into rq = { (uint64_t)accepted, (uint64_t)(ULONG_PTR)buf, data_len,
					   local_len, remote_len, 0 };
	int err = ws_not_started();

	if (err || (!ov ? (err = WSA_INVALID_PARAMETER) : 0))
		return ws_fail(err), FALSE;
	return overlapped_result(ws_overlapped_request(listener, IOCTL_LSW_SOCKET_ACCEPT_INTO, &rq,
						       sizeof(rq), ov, NULL, received));
}

/* A bound socket connects, then sends buf (n bytes, none when NULL). */
static BOOL WINAPI connect_ex(SOCKET s, const struct sockaddr *name, int len, PVOID buf,
			      DWORD n, LPDWORD sent, LPOVERLAPPED ov)
{
	struct lsw_sock_io head = { 0 };
	WSABUF b = { buf ? n : 0, buf };
	int err = ws_not_started();

	if (err || (err = ws_check_addr(name, len)) || (!ov ? (err = WSA_INVALID_PARAMETER) : 0))
		return ws_fail(err), FALSE;
	head.to_len = len < LSW_SOCKADDR_MAX ? (uint32_t)len : LSW_SOCKADDR_MAX;
	memcpy(head.to, name, head.to_len);
	return overlapped_result(ws_overlapped_bufs(s, IOCTL_LSW_SOCKET_CONNECT_ASYNC, &head, &b,
						    b.len ? 1 : 0, ov, NULL, sent));
}

/* The sending side is shut (the peer reads its end); TF_REUSE_SOCKET
 * is not served: the socket cannot be connected again. */
static BOOL WINAPI disconnect_ex(SOCKET s, LPOVERLAPPED ov, DWORD flags, DWORD reserved)
{
	struct lsw_sock_io head = { LSW_SOCK_SEND_SHUTDOWN };
	int err = ws_not_started();

	if (err || (reserved || (flags & ~TF_REUSE_SOCKET) ? (err = WSAEINVAL) : 0))
		return ws_fail(err), FALSE;
	if (!ov)
		return shutdown(s, SD_SEND) == 0;
	return overlapped_result(ws_overlapped_bufs(s, IOCTL_LSW_SOCKET_SEND_ASYNC, &head, NULL, 0,
						    ov, NULL, NULL));
}

/* The supervisor reads the file itself.  Without an OVERLAPPED the call
 * waits for its end (from the file's position, which moves on), and no
 * completion packet goes to the socket's port (hEvent's low bit). */
static BOOL WINAPI transmit_file(SOCKET s, HANDLE file, DWORD n, DWORD per_send, LPOVERLAPPED ov,
				 LPTRANSMIT_FILE_BUFFERS bufs, DWORD flags)
{
	struct lsw_sock_transmit rq = { (uint64_t)(ULONG_PTR)file, -1, n, flags, 0, 0, 0, 0 };
	OVERLAPPED own = { 0 };
	int err = ws_not_started();

	if (err)
		return ws_fail(err), FALSE;
	if (bufs) {
		rq.head = (uint64_t)(ULONG_PTR)bufs->Head;
		rq.head_len = bufs->HeadLength;
		rq.tail = (uint64_t)(ULONG_PTR)bufs->Tail;
		rq.tail_len = bufs->TailLength;
	}
	if (ov) {
		rq.offset = (int64_t)(((uint64_t)ov->OffsetHigh << 32) | ov->Offset);
		return overlapped_result(ws_overlapped_request(s, IOCTL_LSW_SOCKET_TRANSMIT_FILE, &rq,
							       sizeof(rq), ov, NULL, NULL));
	}
	if (!(own.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL)))
		return ws_fail(WSAENOBUFS), FALSE;
	own.hEvent = (HANDLE)((ULONG_PTR)own.hEvent | 1);
	err = ws_overlapped_request(s, IOCTL_LSW_SOCKET_TRANSMIT_FILE, &rq, sizeof(rq), &own, NULL,
				    NULL);
	if (err == WSA_IO_PENDING) {
		WaitForSingleObject((HANDLE)((ULONG_PTR)own.hEvent & ~(ULONG_PTR)1), INFINITE);
		err = own.Internal ? ws_overlapped_error((LONG)own.Internal) : 0;
	}
	CloseHandle((HANDLE)((ULONG_PTR)own.hEvent & ~(ULONG_PTR)1));
	return overlapped_result(err);
}

static BOOL WINAPI transmit_packets(SOCKET s, LPTRANSMIT_PACKETS_ELEMENT packets, DWORD n,
				    DWORD size, LPOVERLAPPED ov, DWORD flags)
{
	return unsupported(s);
}

static VOID WINAPI accept_ex_sockaddrs(PVOID buf, DWORD data_len, DWORD local_len,
				       DWORD remote_len, struct sockaddr **local, LPINT local_size,
				       struct sockaddr **remote, LPINT remote_size)
{
	accept_ex_addrs(buf, data_len, local_len, remote_len, local, local_size, remote,
			remote_size);
}

static const struct {
	GUID id;
	void *fn;
} extensions[] = {
	{ WSAID_WSARECVMSG, (void *)recv_msg },
	{ WSAID_WSASENDMSG, (void *)WSASendMsg },
	{ WSAID_ACCEPTEX, (void *)accept_ex },
	{ WSAID_CONNECTEX, (void *)connect_ex },
	{ WSAID_DISCONNECTEX, (void *)disconnect_ex },
	{ WSAID_GETACCEPTEXSOCKADDRS, (void *)accept_ex_sockaddrs },
	{ WSAID_TRANSMITFILE, (void *)transmit_file },
	{ WSAID_TRANSMITPACKETS, (void *)transmit_packets },
};

int ws_extension_function(const void *in, DWORD in_len, void *out, DWORD out_len,
			  LPDWORD returned)
{
	if (!in || in_len < sizeof(GUID) || !out || out_len < sizeof(void *))
		return WSAEFAULT;
	for (size_t i = 0; i < sizeof(extensions) / sizeof(extensions[0]); i++)
		if (!memcmp(in, &extensions[i].id, sizeof(GUID))) {
			memcpy(out, &extensions[i].fn, sizeof(void *));
			if (returned)
				*returned = sizeof(void *);
			return 0;
		}
	return WSAEINVAL;
}
