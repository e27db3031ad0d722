/*
 * The Microsoft Winsock extensions that mswsock.dll exports.  AcceptEx
 * and TransmitFile need overlapped completion on sockets, which the
 * sandbox's sockets do not have yet (docs/sockets.md): they fail with
 * WSAEOPNOTSUPP for a socket, and with ws2_32's error for anything else
 * (WSANOTINITIALISED before WSAStartup, else WSAENOTSOCK).  So does
 * WSARecvEx.  GetAcceptExSockaddrs, which parses what a completed
 * AcceptEx left, is a stub: no AcceptEx completes here.
 */
#define WINSOCK_API_LINKAGE
#include <winsock2.h>
#include <windows.h>

/* The error a call on s fails with, as ws2_32 reports it for s. */
static int socket_error(SOCKET s)
{
	int type, len = sizeof(type);

	if (getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &len) == 0)
		return WSAEOPNOTSUPP;
	return WSAGetLastError();
}

BOOL WINAPI AcceptEx(SOCKET listener, SOCKET accepted, void *buffer, DWORD data_len,
		     DWORD local_len, DWORD remote_len, DWORD *received, OVERLAPPED *overlapped)
{
	WSASetLastError(socket_error(listener));
	return FALSE;
}

BOOL WINAPI TransmitFile(SOCKET s, HANDLE file, DWORD bytes, DWORD bytes_per_send,
			 OVERLAPPED *overlapped, void *buffers, DWORD flags)
{
	WSASetLastError(socket_error(s));
	return FALSE;
}

int WINAPI WSARecvEx(SOCKET s, char *buf, int len, int *flags)
{
	WSASetLastError(socket_error(s));
	return SOCKET_ERROR;
}
