/*
 * Sockets: making them, naming them, connecting them, closing them.  A
 * SOCKET is a handle to \Device\Afd whose socket the supervisor makes in
 * the sandbox's own network (docs/sockets.md); each call here is one
 * request to it (sock_call.c).  Sockets are inheritable handles unless
 * made with WSA_FLAG_NO_HANDLE_INHERIT, as on Windows.
 */
#include "ws_private.h"
#include <winternl.h>
#include <lsw/ntstatus.h>
#include <lsw/socket_ioctl.h>

#ifndef WSA_FLAG_NO_HANDLE_INHERIT
#define WSA_FLAG_NO_HANDLE_INHERIT 0x80
#endif

/* The (af, type, protocol) Winsock would make, Windows' rules: a zero
 * type or family follows from the protocol; what the sandbox has no
 * provider for fails as on a machine without one. */
static int check_kind(int *af, int *type, int *protocol)
{
	if (*type == 0 && *protocol == IPPROTO_TCP)
		*type = SOCK_STREAM;
	if (*type == 0 && *protocol == IPPROTO_UDP)
		*type = SOCK_DGRAM;
	if (*af == AF_UNSPEC && (*type == SOCK_STREAM || *type == SOCK_DGRAM))
		*af = AF_INET;
	if (*af != AF_INET && *af != AF_INET6)
		return WSAEAFNOSUPPORT;
	if (*type == SOCK_RAW)
		return WSAEACCES; /* raw sockets need an administrator */
	if (*type != SOCK_STREAM && *type != SOCK_DGRAM)
		return WSAESOCKTNOSUPPORT;
	if (*protocol != 0 && *protocol != (*type == SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP))
		return WSAEPROTONOSUPPORT;
	return 0;
}

/* \Device\Afd\Endpoint; an overlapped socket's handle is opened for
 * asynchronous I/O, so that it may have a completion port. */
static LONG open_endpoint(BOOL inherit, BOOL overlapped, HANDLE *h)
{
	UNICODE_STRING name;
	OBJECT_ATTRIBUTES oa;
	IO_STATUS_BLOCK io;

	RtlInitUnicodeString(&name, L"\\Device\\Afd\\Endpoint");
	InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE | (inherit ? OBJ_INHERIT : 0),
				   NULL, NULL);
	return NtCreateFile(h, GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE, &oa, &io, NULL, 0,
			    FILE_SHARE_READ | FILE_SHARE_WRITE, FILE_OPEN_IF,
			    overlapped ? 0 : FILE_SYNCHRONOUS_IO_NONALERT, NULL, 0);
}

void ws_close_all_sockets(void)
{
	HANDLE h;

	if (open_endpoint(FALSE, FALSE, &h) >= 0 &&
	    ws_ioctl((SOCKET)h, IOCTL_LSW_SOCKET_CLOSE_ALL, NULL, 0, NULL, 0, NULL) < 0)
		NtClose(h); /* it closes itself with the others */
}

static SOCKET make_socket(int af, int type, int protocol, DWORD flags)
{
	struct lsw_sock_create k;
	int err = ws_not_started();
	HANDLE h;
	LONG st;

	if (err || (err = check_kind(&af, &type, &protocol))) {
		ws_fail(err);
		return INVALID_SOCKET;
	}
	if ((st = open_endpoint(!(flags & WSA_FLAG_NO_HANDLE_INHERIT), (flags & WSA_FLAG_OVERLAPPED) != 0,
				&h)) < 0) {
		ws_fail(st == (LONG)LSW_STATUS_TOO_MANY_OPENED_FILES ? WSAEMFILE : WSAENOBUFS);
		return INVALID_SOCKET;
	}
	k.family = af;
	k.type = type;
	k.protocol = protocol;
	if ((st = ws_ioctl((SOCKET)h, IOCTL_LSW_SOCKET_CREATE, &k, sizeof(k), NULL, 0, NULL)) < 0) {
		NtClose(h);
		ws_fail_status(st);
		return INVALID_SOCKET;
	}
	WSASetLastError(0); /* as Windows does (Wine's WSASocket tests) */
	return (SOCKET)h;
}

_Static_assert(offsetof(WSAPROTOCOL_INFOA, szProtocol) == offsetof(WSAPROTOCOL_INFOW, szProtocol),
	       "the A and W protocol infos share their head");

/* socket() makes overlapped sockets, as Windows' does, unless the
 * thread's SO_OPENTYPE says otherwise. */
WS_API SOCKET WSAAPI socket(int af, int type, int protocol)
{
	struct ws_thread *t = ws_thread_data();

	return make_socket(af, type, protocol, t && t->open_type ? 0 : WSA_FLAG_OVERLAPPED);
}

/* WSADuplicateSocket's info names the duplicate (dwProviderReserved):
 * that socket, when it is one. */
static SOCKET duplicated(DWORD_PTR reserved)
{
	struct lsw_sock_info i;
	int err = ws_not_started();

	if (err || (err = ws_socket_info((SOCKET)reserved, &i))) {
		ws_fail(err == WSAENOTSOCK ? WSAEINVAL : err);
		return INVALID_SOCKET;
	}
	return (SOCKET)reserved;
}

/* FROM_PROTOCOL_INFO (-1) takes that value from the protocol info. */
WS_API SOCKET WSAAPI WSASocketW(int af, int type, int protocol, LPWSAPROTOCOL_INFOW info,
				GROUP g, DWORD flags)
{
	if (info && info->dwProviderReserved)
		return duplicated(info->dwProviderReserved);
	if (info) {
		af = af == FROM_PROTOCOL_INFO ? info->iAddressFamily : af;
		type = type == FROM_PROTOCOL_INFO ? info->iSocketType : type;
		protocol = protocol == FROM_PROTOCOL_INFO ? info->iProtocol : protocol;
	}
	return make_socket(af, type, protocol, flags);
}

/* WSAPROTOCOL_INFOA and W differ only from szProtocol on, which is not
 * read: the same call. */
WS_API SOCKET WSAAPI WSASocketA(int af, int type, int protocol, LPWSAPROTOCOL_INFOA info,
				GROUP g, DWORD flags)
{
	return WSASocketW(af, type, protocol, (LPWSAPROTOCOL_INFOW)info, g, flags);
}

/* A call on s: 0 when Winsock is started and s is a socket. */
static int usable(SOCKET s)
{
	struct lsw_sock_info info;
	int err = ws_not_started();

	return err ? err : ws_socket_info(s, &info);
}

/* A connection WSAAccept's condition deferred, with its peer's address. */
static SOCKET deferred_one(SOCKET a, struct sockaddr *addr, int *len)
{
	struct sockaddr_storage peer;
	int n = sizeof(peer), err;

	if (addr && (getpeername(a, (struct sockaddr *)&peer, &n) ||
		     (err = ws_give_addr(&peer, n, addr, len)))) {
		closesocket(a);
		return ws_fail(WSAEFAULT), INVALID_SOCKET;
	}
	return a;
}

WS_API SOCKET WSAAPI accept(SOCKET s, struct sockaddr *addr, int *len)
{
	struct lsw_sock_accepted a;
	int err = ws_not_started();
	LONG st;

	if (err || (addr && (!len || *len < (int)sizeof(struct sockaddr_in))) || (!addr && len))
		return ws_fail(err ? err : WSAEFAULT), INVALID_SOCKET;
	if ((a.handle = ws_take_deferred(s)) != INVALID_SOCKET) /* WSAAccept's CF_DEFER */
		return deferred_one((SOCKET)a.handle, addr, len);
	st = ws_ioctl_wait(s, POLLRDNORM, IOCTL_LSW_SOCKET_ACCEPT, NULL, 0, &a, sizeof(a), NULL);
	if (st < 0)
		return ws_fail_status(st), INVALID_SOCKET;
	if (addr && (err = ws_give_addr(a.addr, (int)a.len, addr, len))) {
		NtClose((HANDLE)a.handle); /* the peer sees the connection reset */
		return ws_fail(err), INVALID_SOCKET;
	}
	return (SOCKET)a.handle;
}

WS_API SOCKET WSAAPI WSAJoinLeaf(SOCKET s, const struct sockaddr *name, int len, LPWSABUF caller,
				 LPWSABUF callee, LPQOS sqos, LPQOS gqos, DWORD flags)
{
	ws_no_socket();
	return INVALID_SOCKET;
}

/* 0, or SOCKET_ERROR with the error of a request's status. */
static int result(LONG st)
{
	return st < 0 ? ws_fail_status(st) : 0;
}

WS_API int WSAAPI bind(SOCKET s, const struct sockaddr *name, int len)
{
	int err = ws_not_started();

	if (err || (err = ws_check_addr(name, len)))
		return ws_fail(err);
	return result(ws_ioctl(s, IOCTL_LSW_SOCKET_BIND, name, (ULONG)len, NULL, 0, NULL));
}

WS_API int WSAAPI closesocket(SOCKET s)
{
	int err = usable(s);

	if (err)
		return ws_fail(err);
	return NtClose((HANDLE)s) < 0 ? ws_fail(WSAENOTSOCK) : 0;
}

/* The any address is no destination (documented: WSAEADDRNOTAVAIL);
 * Linux would connect to the local host. */
static BOOL no_destination(const struct sockaddr *a)
{
	const struct sockaddr_in *v4 = (const struct sockaddr_in *)a;
	const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)a;

	if (a->sa_family == AF_INET)
		return !v4->sin_addr.s_addr;
	return !memcmp(&v6->sin6_addr, &ws_in6_any, sizeof(ws_in6_any));
}

/* A blocking connect waits for the outcome, which SO_ERROR then tells;
 * a non-blocking one says WSAEWOULDBLOCK and goes on in the supervisor. */
WS_API int WSAAPI connect(SOCKET s, const struct sockaddr *name, int len)
{
	struct lsw_sock_option o = { SOL_SOCKET, SO_ERROR, 0, 0, 0 };
	int err = ws_not_started();
	ULONG so_error = 0;
	LONG st;

	if (err || (err = ws_check_addr(name, len)) || (err = usable(s)))
		return ws_fail(err);
	if (no_destination(name))
		return ws_fail(WSAEADDRNOTAVAIL);
	st = ws_ioctl(s, IOCTL_LSW_SOCKET_CONNECT, name, (ULONG)len, NULL, 0, NULL);
	if (st != (LONG)LSW_STATUS_CANT_WAIT)
		return result(st);
	if ((err = ws_wait(s, POLLWRNORM)))
		return ws_fail(err);
	st = ws_ioctl(s, IOCTL_LSW_SOCKET_GET_OPTION, &o, sizeof(o), &so_error, sizeof(so_error),
		      NULL);
	return result(st < 0 ? st : (LONG)so_error);
}

/* Caller and callee data and QOS: none over TCP/IP. */
WS_API int WSAAPI WSAConnect(SOCKET s, const struct sockaddr *name, int len, LPWSABUF caller,
			     LPWSABUF callee, LPQOS sqos, LPQOS gqos)
{
	if (callee)
		callee->len = 0;
	return connect(s, name, len);
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
	int32_t b = backlog;
	int err = ws_not_started();

	if (err)
		return ws_fail(err);
	return result(ws_ioctl(s, IOCTL_LSW_SOCKET_LISTEN, &b, sizeof(b), NULL, 0, NULL));
}

WS_API int WSAAPI shutdown(SOCKET s, int how)
{
	int32_t h = how;
	int err = ws_not_started();

	if (err)
		return ws_fail(err);
	return result(ws_ioctl(s, IOCTL_LSW_SOCKET_SHUTDOWN, &h, sizeof(h), NULL, 0, NULL));
}

static int name_of(SOCKET s, int32_t peer, struct sockaddr *name, int *len)
{
	unsigned char addr[LSW_SOCKADDR_MAX];
	int err = ws_not_started();
	ULONG_PTR n = 0;
	LONG st;

	if (err)
		return ws_fail(err);
	st = ws_ioctl(s, IOCTL_LSW_SOCKET_NAME, &peer, sizeof(peer), addr, sizeof(addr), &n);
	if (st < 0)
		return ws_fail_status(st);
	return (err = ws_give_addr(addr, (int)n, name, len)) ? ws_fail(err) : 0;
}

WS_API int WSAAPI getpeername(SOCKET s, struct sockaddr *name, int *len)
{
	return name_of(s, 1, name, len);
}

WS_API int WSAAPI getsockname(SOCKET s, struct sockaddr *name, int *len)
{
	return name_of(s, 0, name, len);
}

/* The socket's description for process pid, with a handle to it in that
 * process (dwProviderReserved), which WSASocket there takes back. */
static int duplicate_for(SOCKET s, DWORD pid, WSAPROTOCOL_INFOW *w)
{
	struct lsw_sock_info i;
	HANDLE target, dup = NULL;
	int err = ws_not_started();

	if (err || (err = ws_socket_info(s, &i)))
		return err;
	if (!(target = OpenProcess(PROCESS_DUP_HANDLE, FALSE, pid)))
		return WSAEINVAL;
	if (!DuplicateHandle(GetCurrentProcess(), (HANDLE)s, target, &dup, 0, FALSE,
			     DUPLICATE_SAME_ACCESS))
		err = WSAEINVAL;
	CloseHandle(target);
	if (err)
		return err;
	ws_protocol_info(i.family, i.type, i.protocol, w);
	w->dwProviderReserved = (DWORD_PTR)dup;
	return 0;
}

WS_API int WSAAPI WSADuplicateSocketA(SOCKET s, DWORD pid, LPWSAPROTOCOL_INFOA info)
{
	WSAPROTOCOL_INFOW w;
	int err = info ? duplicate_for(s, pid, &w) : WSAEFAULT;

	if (err)
		return ws_fail(err);
	ws_protocol_info_narrow(&w, info);
	return 0;
}

WS_API int WSAAPI WSADuplicateSocketW(SOCKET s, DWORD pid, LPWSAPROTOCOL_INFOW info)
{
	int err = info ? duplicate_for(s, pid, info) : WSAEFAULT;

	return err ? ws_fail(err) : 0;
}

WS_API WINBOOL WSAAPI WSAGetQOSByName(SOCKET s, LPWSABUF name, LPQOS qos)
{
	return ws_no_socket() == 0;
}

/* The byte order of a socket's provider (big-endian, TCP/IP's). */
static int byte_order(SOCKET s, const void *out)
{
	int err = usable(s);

	return err ? ws_fail(err) : !out ? ws_fail(WSAEFAULT) : 0;
}

WS_API int WSAAPI WSAHtonl(SOCKET s, u_long v, u_long *out)
{
	return byte_order(s, out) ? SOCKET_ERROR : (*out = htonl(v), 0);
}

WS_API int WSAAPI WSAHtons(SOCKET s, u_short v, u_short *out)
{
	return byte_order(s, out) ? SOCKET_ERROR : (*out = htons(v), 0);
}

WS_API int WSAAPI WSANtohl(SOCKET s, u_long v, u_long *out)
{
	return byte_order(s, out) ? SOCKET_ERROR : (*out = ntohl(v), 0);
}

WS_API int WSAAPI WSANtohs(SOCKET s, u_short v, u_short *out)
{
	return byte_order(s, out) ? SOCKET_ERROR : (*out = ntohs(v), 0);
}
