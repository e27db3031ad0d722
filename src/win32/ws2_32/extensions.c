/*
 * The Microsoft extension functions that SIO_GET_EXTENSION_FUNCTION_POINTER
 * hands out.  WSARecvMsg and WSASendMsg work (synchronously, as the other
 * calls of socket_io.c: no control data is ever received).  AcceptEx,
 * ConnectEx, DisconnectEx, TransmitFile and TransmitPackets need
 * overlapped completion, which the sandbox's sockets do not have yet
 * (docs/sockets.md): they fail with WSAEOPNOTSUPP, rather than leave the
 * program a NULL to call.
 */
#include "ws_private.h"
#include <mswsock.h>
#include <lsw/socket_ioctl.h>

static INT WINAPI recv_msg(SOCKET s, LPWSAMSG msg, LPDWORD done, LPWSAOVERLAPPED ov,
			   LPWSAOVERLAPPED_COMPLETION_ROUTINE cb)
{
	DWORD got = 0;
	int err = msg ? ws_recv_bufs(s, msg->lpBuffers, msg->dwBufferCount, msg->dwFlags, msg->name,
				     msg->name ? &msg->namelen : NULL, &got)
		      : WSAEFAULT;

	if (msg && !err) {
		msg->Control.len = 0;
		msg->dwFlags = 0;
	}
	if (done)
		*done = got;
	ws_overlapped_done(ov, got, err);
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

static BOOL WINAPI accept_ex(SOCKET listener, SOCKET accepted, PVOID buf, DWORD data_len,
			     DWORD local_len, DWORD remote_len, LPDWORD received, LPOVERLAPPED ov)
{
	return unsupported(listener);
}

static BOOL WINAPI connect_ex(SOCKET s, const struct sockaddr *name, int len, PVOID buf,
			      DWORD n, LPDWORD sent, LPOVERLAPPED ov)
{
	return unsupported(s);
}

static BOOL WINAPI disconnect_ex(SOCKET s, LPOVERLAPPED ov, DWORD flags, DWORD reserved)
{
	return unsupported(s);
}

static BOOL WINAPI transmit_file(SOCKET s, HANDLE file, DWORD n, DWORD per_send, LPOVERLAPPED ov,
				 LPTRANSMIT_FILE_BUFFERS bufs, DWORD flags)
{
	return unsupported(s);
}

static BOOL WINAPI transmit_packets(SOCKET s, LPTRANSMIT_PACKETS_ELEMENT packets, DWORD n,
				    DWORD size, LPOVERLAPPED ov, DWORD flags)
{
	return unsupported(s);
}

/* No AcceptEx completes: there is nothing to parse. */
static VOID WINAPI accept_ex_sockaddrs(PVOID buf, DWORD data_len, DWORD local_len,
				       DWORD remote_len, struct sockaddr **local, LPINT local_size,
				       struct sockaddr **remote, LPINT remote_size)
{
	if (local)
		*local = NULL;
	if (local_size)
		*local_size = 0;
	if (remote)
		*remote = NULL;
	if (remote_size)
		*remote_size = 0;
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
