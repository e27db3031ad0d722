/* Sockets: none can be made in the sandbox.  socket and WSASocket fail
 * with WSAEACCES ("an attempt was made to access a socket in a way
 * forbidden by its access permissions"): what a Windows process whose
 * policy forbids the network is told, a plain failure every program
 * handles (Go and Rust open sockets only when a program uses the network;
 * libuv and Node probe with one socket at start-up and carry on when it
 * fails).  So no SOCKET exists, and every call on one fails with
 * WSAENOTSOCK, as for any value that is not a socket. */
#include "ws_private.h"

static SOCKET no_network(void)
{
	int err = ws_not_started();

	ws_fail(err ? err : WSAEACCES);
	return INVALID_SOCKET;
}

WS_API SOCKET WSAAPI socket(int af, int type, int protocol)
{
	return no_network();
}

WS_API SOCKET WSAAPI WSASocketA(int af, int type, int protocol, LPWSAPROTOCOL_INFOA info,
				GROUP g, DWORD flags)
{
	return no_network();
}

WS_API SOCKET WSAAPI WSASocketW(int af, int type, int protocol, LPWSAPROTOCOL_INFOW info,
				GROUP g, DWORD flags)
{
	return no_network();
}

WS_API SOCKET WSAAPI accept(SOCKET s, struct sockaddr *addr, int *len)
{
	ws_no_socket();
	return INVALID_SOCKET;
}

WS_API SOCKET WSAAPI WSAAccept(SOCKET s, struct sockaddr *addr, LPINT len, LPCONDITIONPROC cond,
			       DWORD_PTR data)
{
	ws_no_socket();
	return INVALID_SOCKET;
}

WS_API SOCKET WSAAPI WSAJoinLeaf(SOCKET s, const struct sockaddr *name, int len, LPWSABUF caller,
				 LPWSABUF callee, LPQOS sqos, LPQOS gqos, DWORD flags)
{
	ws_no_socket();
	return INVALID_SOCKET;
}

WS_API int WSAAPI bind(SOCKET s, const struct sockaddr *name, int len)
{
	return ws_no_socket();
}

WS_API int WSAAPI closesocket(SOCKET s)
{
	return ws_no_socket();
}

WS_API int WSAAPI connect(SOCKET s, const struct sockaddr *name, int len)
{
	return ws_no_socket();
}

WS_API int WSAAPI WSAConnect(SOCKET s, const struct sockaddr *name, int len, LPWSABUF caller,
			     LPWSABUF callee, LPQOS sqos, LPQOS gqos)
{
	return ws_no_socket();
}

WS_API WINBOOL PASCAL WSAConnectByNameA(SOCKET s, LPSTR node, LPSTR service, LPDWORD local_len,
					LPSOCKADDR local, LPDWORD remote_len, LPSOCKADDR remote,
					const PTIMEVAL timeout, LPWSAOVERLAPPED reserved)
{
	return ws_no_socket() == 0;
}

WS_API WINBOOL PASCAL WSAConnectByNameW(SOCKET s, LPWSTR node, LPWSTR service, LPDWORD local_len,
					LPSOCKADDR local, LPDWORD remote_len, LPSOCKADDR remote,
					const PTIMEVAL timeout, LPWSAOVERLAPPED reserved)
{
	return ws_no_socket() == 0;
}

WS_API WINBOOL PASCAL WSAConnectByList(SOCKET s, PSOCKET_ADDRESS_LIST list, LPDWORD local_len,
				       LPSOCKADDR local, LPDWORD remote_len, LPSOCKADDR remote,
				       const PTIMEVAL timeout, LPWSAOVERLAPPED reserved)
{
	return ws_no_socket() == 0;
}

WS_API int WSAAPI listen(SOCKET s, int backlog)
{
	return ws_no_socket();
}

WS_API int WSAAPI shutdown(SOCKET s, int how)
{
	return ws_no_socket();
}

WS_API int WSAAPI getpeername(SOCKET s, struct sockaddr *name, int *len)
{
	return ws_no_socket();
}

WS_API int WSAAPI getsockname(SOCKET s, struct sockaddr *name, int *len)
{
	return ws_no_socket();
}

WS_API int WSAAPI getsockopt(SOCKET s, int level, int name, char *val, int *len)
{
	return ws_no_socket();
}

WS_API int WSAAPI setsockopt(SOCKET s, int level, int name, const char *val, int len)
{
	return ws_no_socket();
}

WS_API int WSAAPI ioctlsocket(SOCKET s, __LONG32 cmd, u_long *arg)
{
	return ws_no_socket();
}

WS_API int WSAAPI WSAIoctl(SOCKET s, DWORD code, LPVOID in, DWORD in_len, LPVOID out,
			   DWORD out_len, LPDWORD returned, LPWSAOVERLAPPED ov,
			   LPWSAOVERLAPPED_COMPLETION_ROUTINE done)
{
	return ws_no_socket();
}

WS_API int WSAAPI WSADuplicateSocketA(SOCKET s, DWORD pid, LPWSAPROTOCOL_INFOA info)
{
	return ws_no_socket();
}

WS_API int WSAAPI WSADuplicateSocketW(SOCKET s, DWORD pid, LPWSAPROTOCOL_INFOW info)
{
	return ws_no_socket();
}

WS_API int WSAAPI WSAAsyncSelect(SOCKET s, HWND wnd, u_int msg, __LONG32 events)
{
	return ws_no_socket();
}

WS_API int WSAAPI WSAEventSelect(SOCKET s, WSAEVENT event, __LONG32 events)
{
	return ws_no_socket();
}

WS_API int WSAAPI WSAEnumNetworkEvents(SOCKET s, WSAEVENT event, LPWSANETWORKEVENTS events)
{
	return ws_no_socket();
}

WS_API WINBOOL WSAAPI WSAGetOverlappedResult(SOCKET s, LPWSAOVERLAPPED ov, LPDWORD done,
					     WINBOOL wait, LPDWORD flags)
{
	return ws_no_socket() == 0;
}

WS_API WINBOOL WSAAPI WSAGetQOSByName(SOCKET s, LPWSABUF name, LPQOS qos)
{
	return ws_no_socket() == 0;
}

/* The byte order of a socket's provider: the socket must exist. */
WS_API int WSAAPI WSAHtonl(SOCKET s, u_long v, u_long *out)
{
	return ws_no_socket();
}

WS_API int WSAAPI WSAHtons(SOCKET s, u_short v, u_short *out)
{
	return ws_no_socket();
}

WS_API int WSAAPI WSANtohl(SOCKET s, u_long v, u_long *out)
{
	return ws_no_socket();
}

WS_API int WSAAPI WSANtohs(SOCKET s, u_short v, u_short *out)
{
	return ws_no_socket();
}
