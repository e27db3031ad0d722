/* Data on sockets: send, recv and their WSA, datagram and message forms.
 * There is no socket (sockets.c): WSAENOTSOCK, or WSANOTINITIALISED
 * before WSAStartup. */
#include "ws_private.h"

WS_API int WSAAPI recv(SOCKET s, char *buf, int len, int flags)
{
	return ws_no_socket();
}

WS_API int WSAAPI recvfrom(SOCKET s, char *buf, int len, int flags, struct sockaddr *from,
			   int *from_len)
{
	return ws_no_socket();
}

WS_API int WSAAPI send(SOCKET s, const char *buf, int len, int flags)
{
	return ws_no_socket();
}

WS_API int WSAAPI sendto(SOCKET s, const char *buf, int len, int flags, const struct sockaddr *to,
			 int to_len)
{
	return ws_no_socket();
}

WS_API int WSAAPI WSARecv(SOCKET s, LPWSABUF bufs, DWORD n, LPDWORD done, LPDWORD flags,
			  LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE cb)
{
	return ws_no_socket();
}

WS_API int WSAAPI WSARecvFrom(SOCKET s, LPWSABUF bufs, DWORD n, LPDWORD done, LPDWORD flags,
			      struct sockaddr *from, LPINT from_len, LPWSAOVERLAPPED ov,
			      LPWSAOVERLAPPED_COMPLETION_ROUTINE cb)
{
	return ws_no_socket();
}

WS_API int WSAAPI WSARecvDisconnect(SOCKET s, LPWSABUF data)
{
	return ws_no_socket();
}

WS_API int WSAAPI WSASend(SOCKET s, LPWSABUF bufs, DWORD n, LPDWORD done, DWORD flags,
			  LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE cb)
{
	return ws_no_socket();
}

WS_API int WSAAPI WSASendTo(SOCKET s, LPWSABUF bufs, DWORD n, LPDWORD done, DWORD flags,
			    const struct sockaddr *to, int to_len, LPWSAOVERLAPPED ov,
			    LPWSAOVERLAPPED_COMPLETION_ROUTINE cb)
{
	return ws_no_socket();
}

WS_API int WSAAPI WSASendMsg(SOCKET s, LPWSAMSG msg, DWORD flags, LPDWORD done,
			     LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE cb)
{
	return ws_no_socket();
}

WS_API int WSAAPI WSASendDisconnect(SOCKET s, LPWSABUF data)
{
	return ws_no_socket();
}
