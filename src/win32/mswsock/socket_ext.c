/*
 * The Microsoft Winsock extensions that mswsock.dll exports.  AcceptEx
 * and TransmitFile are the functions ws2_32 hands out for the socket
 * (SIO_GET_EXTENSION_FUNCTION_POINTER), as Windows' mswsock exports its
 * own; GetAcceptExSockaddrs reads what AcceptEx left, in the layout
 * ws2_32 and the supervisor share (accept_ex_addrs.h).  WSARecvEx, the
 * Winsock 1 receive with partial-message flags, is not served: it fails
 * with WSAEOPNOTSUPP for a socket, and with ws2_32's error for anything
 * else (WSANOTINITIALISED before WSAStartup, else WSAENOTSOCK).
 */
#define WINSOCK_API_LINKAGE
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <mswsock.h>
#include "ws2_32/accept_ex_addrs.h"

/* ws2_32's extension function id for s, NULL with its error set. */
static void *extension(SOCKET s, GUID id)
{
	void *fn = NULL;
	DWORD n;

	if (WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &id, sizeof(id), &fn, sizeof(fn), &n,
		     NULL, NULL))
		return NULL;
	return fn;
}

BOOL WINAPI AcceptEx(SOCKET listener, SOCKET accepted, void *buffer, DWORD data_len,
		     DWORD local_len, DWORD remote_len, DWORD *received, OVERLAPPED *overlapped)
{
	LPFN_ACCEPTEX fn = (LPFN_ACCEPTEX)extension(listener, (GUID)WSAID_ACCEPTEX);

	return fn && fn(listener, accepted, buffer, data_len, local_len, remote_len, received,
			overlapped);
}

BOOL WINAPI TransmitFile(SOCKET s, HANDLE file, DWORD bytes, DWORD bytes_per_send,
			 OVERLAPPED *overlapped, TRANSMIT_FILE_BUFFERS *buffers, DWORD flags)
{
	LPFN_TRANSMITFILE fn = (LPFN_TRANSMITFILE)extension(s, (GUID)WSAID_TRANSMITFILE);

	return fn && fn(s, file, bytes, bytes_per_send, overlapped, buffers, flags);
}

void WINAPI GetAcceptExSockaddrs(void *buffer, DWORD data_len, DWORD local_len,
				 DWORD remote_len, struct sockaddr **local, int *local_size,
				 struct sockaddr **remote, int *remote_size)
{
	accept_ex_addrs(buffer, data_len, local_len, remote_len, local, local_size, remote,
			remote_size);
}

int WINAPI WSARecvEx(SOCKET s, char *buf, int len, int *flags)
{
	int type, size = sizeof(type);

	if (getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &size) == 0)
		WSASetLastError(WSAEOPNOTSUPP);
	return SOCKET_ERROR;
}
