/*
 * getsockopt, setsockopt, ioctlsocket and WSAIoctl.  Options the
 * supervisor keeps or turns into Linux's travel as requests
 * (src/emul/net/socket_option.c); what describes the provider
 * (SO_PROTOCOL_INFO, SO_MAX_MSG_SIZE) is answered here.
 */
#include "ws_private.h"
#include <mstcpip.h>
#include <lsw/ntstatus.h>
#include <lsw/socket_ioctl.h>

#ifndef SIO_BASE_HANDLE
#define SIO_BASE_HANDLE 0x48000022
#endif
#ifndef SIO_BSP_HANDLE_POLL
#define SIO_BSP_HANDLE_POLL 0x4800001D
#endif
#ifndef SIO_IDEAL_SEND_BACKLOG_QUERY
#define SIO_IDEAL_SEND_BACKLOG_QUERY 0x4004747B /* _IOR('t', 123, ULONG) */
#endif
#ifndef SIO_LOOPBACK_FAST_PATH
#define SIO_LOOPBACK_FAST_PATH 0x98000010
#endif
/* mswsock.h's and ws2ipdef.h's numbers */
#define SO_OPENTYPE 0x7008
#define SO_UPDATE_ACCEPT_CONTEXT 0x700B
#define SO_UPDATE_CONNECT_CONTEXT 0x7010
#define TCP_KEEPALIVE 3
#define TCP_KEEPINTVL 17
#define UDP_MAX_MESSAGE 65507 /* 65535 - 20 (IPv4 header) - 8 (UDP header) */

/* Options answered by ws2_32 from what the socket is: 1 if name is one. */
static int provider_option(SOCKET s, int name, char *val, int *len, int *err)
{
	struct lsw_sock_info info;
	WSAPROTOCOL_INFOW w;

	if (name != SO_PROTOCOL_INFOA && name != SO_PROTOCOL_INFOW && name != SO_MAX_MSG_SIZE)
		return 0;
	if ((*err = ws_socket_info(s, &info)))
		return 1;
	if (name == SO_MAX_MSG_SIZE) {
		DWORD v = info.type == SOCK_DGRAM ? UDP_MAX_MESSAGE : 0xffffffffu;

		if (*len < (int)sizeof(v))
			return *err = WSAEFAULT, 1;
		memcpy(val, &v, sizeof(v));
		*len = sizeof(v);
		return 1;
	}
	ws_protocol_info(info.family, info.type, info.protocol, &w);
	if (name == SO_PROTOCOL_INFOW) {
		if (*len < (int)sizeof(w))
			return *len = sizeof(w), *err = WSAEFAULT, 1;
		memcpy(val, &w, sizeof(w));
		*len = sizeof(w);
		return 1;
	}
	if (*len < (int)sizeof(WSAPROTOCOL_INFOA))
		return *len = sizeof(WSAPROTOCOL_INFOA), *err = WSAEFAULT, 1;
	ws_protocol_info_narrow(&w, (WSAPROTOCOL_INFOA *)val);
	*len = sizeof(WSAPROTOCOL_INFOA);
	return 1;
}

/* SO_OPENTYPE is the calling thread's, not a socket's (any socket, even
 * INVALID_SOCKET, names it): SO_SYNCHRONOUS_ALERT or _NONALERT makes
 * socket() make sockets without WSA_FLAG_OVERLAPPED.  1 if name is it. */
static int open_type_option(int level, int name, char *val, int *len, BOOL set, int *err)
{
	struct ws_thread *t;

	if (level != SOL_SOCKET || name != SO_OPENTYPE)
		return 0;
	if (!(t = ws_thread_data()))
		return *err = WSAENOBUFS, 1;
	/* the length is unsigned here: -1 is room enough (Wine's option
	 * length tests, as Windows answers) */
	if (!val || !len || (unsigned int)*len < sizeof(int))
		return *err = WSAEFAULT, 1;
	if (set)
		memcpy(&t->open_type, val, sizeof(int));
	else {
		memcpy(val, &t->open_type, sizeof(int));
		*len = sizeof(int);
	}
	*err = 0;
	return 1;
}

/* The supervisor writes the value into val itself: a bad pointer is
 * WSAEFAULT, as on Windows, not a fault here.  It says how many bytes the
 * value has, also when it did not fit (STATUS_BUFFER_OVERFLOW: WSAEFAULT,
 * *len becomes what it says: socket_option.c's length rules). */
WS_API int WSAAPI getsockopt(SOCKET s, int level, int name, char *val, int *len)
{
	struct lsw_sock_option o = { level, name, 0, 0, 0 };
	int err = ws_not_started();
	ULONG_PTR said = 0;
	ULONG v;
	LONG st;

	if (err || (!val || !len ? (err = WSAEFAULT) : 0))
		return ws_fail(err);
	if (open_type_option(level, name, val, len, FALSE, &err))
		return err ? ws_fail(err) : (WSASetLastError(0), 0);
	if (level == SOL_SOCKET && provider_option(s, name, val, len, &err))
		return err ? ws_fail(err) : 0;
	st = ws_ioctl(s, IOCTL_LSW_SOCKET_GET_OPTION, &o, sizeof(o), val,
		      *len < 0 ? 0 : (ULONG)*len, &said);
	if (st == LSW_STATUS_BUFFER_OVERFLOW) {
		*len = (int)said;
		return ws_fail(WSAEFAULT);
	}
	if (st < 0)
		return ws_fail_status(st);
	if (level == SOL_SOCKET && name == SO_ERROR) { /* the supervisor keeps it as a status */
		memcpy(&v, val, sizeof(v));
		v = (ULONG)ws_error_of((LONG)v);
		memcpy(val, &v, sizeof(v));
	}
	*len = (int)said;
	WSASetLastError(0); /* as Windows does (Wine's option tests) */
	return 0;
}

/* The supervisor reads the value from val itself (see getsockopt). */
WS_API int WSAAPI setsockopt(SOCKET s, int level, int name, const char *val, int len)
{
	struct lsw_sock_option o = { level, name, (uint64_t)(ULONG_PTR)val, (uint32_t)len, 0 };
	int err = ws_not_started();
	LONG st;

	if (err)
		return ws_fail(err);
	if (open_type_option(level, name, (char *)val, &len, TRUE, &err))
		return err ? ws_fail(err) : (WSASetLastError(0), 0);
	/* AcceptEx's and ConnectEx's context (SO_UPDATE_CONNECT_CONTEXT is
	 * documented with no value): nothing to update here */
	if (level == SOL_SOCKET && (name == SO_UPDATE_ACCEPT_CONTEXT ||
				    name == SO_UPDATE_CONNECT_CONTEXT))
		return 0;
	/* a negative length goes as it is: the supervisor knows which
	 * options take it as large (socket_option.c) */
	if (!val)
		return ws_fail(WSAEFAULT);
	st = ws_ioctl(s, IOCTL_LSW_SOCKET_SET_OPTION, &o, sizeof(o), NULL, 0, NULL);
	if (st < 0)
		return ws_fail_status(st);
	WSASetLastError(0); /* as Windows does (Wine's option tests) */
	return 0;
}

/* FIONBIO, FIONREAD, SIOCATMARK: 0 or a Winsock error.  The supervisor
 * reads and writes *arg itself: a bad pointer is WSAEFAULT (Wine's tests
 * pass (u_long *)1), not a fault here. */
static int control(SOCKET s, long cmd, u_long *arg)
{
	LONG st;

	if (!arg)
		return WSAEFAULT;
	switch (cmd) {
	case FIONBIO:
		return ws_error_of(ws_ioctl(s, IOCTL_LSW_SOCKET_NONBLOCKING, arg, sizeof(*arg), NULL, 0,
					    NULL));
	case FIONREAD:
		st = ws_ioctl(s, IOCTL_LSW_SOCKET_READABLE, NULL, 0, arg, sizeof(*arg), NULL);
		return ws_error_of(st);
	case SIOCATMARK: { /* no urgent data is ever kept apart: always at the mark */
		struct lsw_sock_info info;
		int err = ws_socket_info(s, &info);

		if (!err && IsBadWritePtr(arg, sizeof(*arg)))
			err = WSAEFAULT;
		if (!err)
			*arg = 1;
		return err;
	}
	default:
		return WSAEINVAL;
	}
}

WS_API int WSAAPI ioctlsocket(SOCKET s, __LONG32 cmd, u_long *arg)
{
	int err = ws_not_started();

	if (err || (err = control(s, cmd, arg)))
		return ws_fail(err);
	return 0;
}

/* SIO_KEEPALIVE_VALS: keep-alive on or off, its idle time and interval
 * (milliseconds; TCP takes whole seconds). */
static int keepalive_values(SOCKET s, const struct tcp_keepalive *k)
{
	DWORD on = k->onoff != 0, idle = (k->keepalivetime + 999) / 1000,
	      interval = (k->keepaliveinterval + 999) / 1000;

	if (setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, (const char *)&on, sizeof(on)) ||
	    (on && idle && setsockopt(s, IPPROTO_TCP, TCP_KEEPALIVE, (const char *)&idle, 4)) ||
	    (on && interval && setsockopt(s, IPPROTO_TCP, TCP_KEEPINTVL,
					  (const char *)&interval, 4)))
		return WSAGetLastError();
	return 0;
}

/* SIO_ADDRESS_LIST_QUERY: the addresses a socket of its family may bind
 * to, in the sandbox's network its loopback address alone.  Too small a
 * buffer is WSAEFAULT with the size needed in *returned, one too small
 * for the list's head WSAEINVAL (Wine's ws2_32 tests, as Windows does). */
static int address_list(SOCKET s, void *out, DWORD out_len, LPDWORD returned)
{
	struct lsw_sock_info info;
	SOCKET_ADDRESS_LIST *list = out;
	struct sockaddr_in in4 = { AF_INET };
	struct sockaddr_in6 in6 = { AF_INET6 };
	const void *addr;
	DWORD n, need;
	int err;

	if ((err = ws_socket_info(s, &info)))
		return err;
	in4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	in6.sin6_addr = ws_in6_loopback;
	addr = info.family == AF_INET6 ? (const void *)&in6 : (const void *)&in4;
	n = info.family == AF_INET6 ? sizeof(in6) : sizeof(in4);
	need = (DWORD)FIELD_OFFSET(SOCKET_ADDRESS_LIST, Address[1]) + n;
	if (out && out_len && out_len < (DWORD)FIELD_OFFSET(SOCKET_ADDRESS_LIST, Address[0])) {
		if (returned)
			*returned = 0;
		return WSAEINVAL;
	}
	if (returned)
		*returned = need;
	if (!out || out_len < need || !returned)
		return WSAEFAULT;
	list->iAddressCount = 1;
	list->Address[0].lpSockaddr = (LPSOCKADDR)((char *)out + need - n);
	list->Address[0].iSockaddrLength = (INT)n;
	memcpy(list->Address[0].lpSockaddr, addr, n);
	return 0;
}

/* SIO_GET_INTERFACE_LIST: the sandbox's network has its loopback
 * interface alone (127.0.0.1/8, up, no broadcast). */
static int interface_list(SOCKET s, void *out, DWORD out_len, LPDWORD returned)
{
	struct lsw_sock_info info;
	INTERFACE_INFO i;
	int err;

	if ((err = ws_socket_info(s, &info)))
		return err;
	if (returned)
		*returned = 0;
	if (!out || out_len < sizeof(i) || !returned)
		return WSAEFAULT;
	memset(&i, 0, sizeof(i));
	i.iiFlags = IFF_UP | IFF_LOOPBACK | IFF_MULTICAST;
	i.iiAddress.AddressIn.sin_family = AF_INET;
	i.iiAddress.AddressIn.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	i.iiNetmask.AddressIn.sin_family = AF_INET;
	i.iiNetmask.AddressIn.sin_addr.s_addr = htonl(0xff000000);
	i.iiBroadcastAddress.AddressIn.sin_family = AF_INET;
	memcpy(out, &i, sizeof(i));
	*returned = sizeof(i);
	return 0;
}

/* Whether s is connected: it has a peer's name. */
static BOOL has_peer(SOCKET s)
{
	int32_t peer = 1;
	uint8_t name[LSW_SOCKADDR_MAX];

	return ws_ioctl(s, IOCTL_LSW_SOCKET_NAME, &peer, sizeof(peer), name, sizeof(name), NULL) >= 0;
}

/* Every control answers in its call: 0 or a Winsock error. */
static int control_now(SOCKET s, DWORD code, LPVOID in, DWORD in_len, LPVOID out, DWORD out_len,
		       LPDWORD returned)
{
	struct lsw_sock_info info;
	int err;

	switch (code) {
	case FIONBIO:
		if (!in || in_len < sizeof(u_long))
			return WSAEFAULT;
		return control(s, FIONBIO, in);
	case FIONREAD:
	case SIOCATMARK:
		if (!out || out_len < sizeof(u_long))
			return WSAEFAULT;
		if ((err = control(s, (long)code, out)))
			return err;
		if (returned)
			*returned = sizeof(u_long);
		return 0;
	case SIO_BASE_HANDLE:
	case SIO_BSP_HANDLE_POLL: /* no layered provider: the socket is its own base */
		if ((err = ws_socket_info(s, &info)))
			return err;
		/* no size to give back is WSAEFAULT too (Wine's test_base_handle) */
		if (!out || out_len < sizeof(SOCKET) || !returned)
			return WSAEFAULT;
		memcpy(out, &s, sizeof(s));
		if (returned)
			*returned = sizeof(s);
		return 0;
	case SIO_KEEPALIVE_VALS:
		if (!in || in_len < sizeof(struct tcp_keepalive))
			return WSAEFAULT;
		return keepalive_values(s, in);
	case SIO_GET_EXTENSION_FUNCTION_POINTER:
		if ((err = ws_socket_info(s, &info)))
			return err;
		return ws_extension_function(in, in_len, out, out_len, returned);
	case SIO_ADDRESS_LIST_QUERY:
		return address_list(s, out, out_len, returned);
	case SIO_GET_INTERFACE_LIST:
		return interface_list(s, out, out_len, returned);
	case SIO_IDEAL_SEND_BACKLOG_QUERY: /* a connected stream's: 64 KiB on the loopback */
		if ((err = ws_socket_info(s, &info)))
			return err;
		if (info.type != SOCK_STREAM)
			return WSAEOPNOTSUPP;
		if (!out || out_len < sizeof(ULONG))
			return WSAEFAULT;
		if (!has_peer(s))
			return WSAENOTCONN;
		*(ULONG *)out = 0x10000;
		if (returned)
			*returned = sizeof(ULONG);
		return 0;
	case SIO_LOOPBACK_FAST_PATH: /* accepted, as Windows 8 on does; nothing to change */
		return ws_socket_info(s, &info);
	default:
		return (err = ws_socket_info(s, &info)) ? err : WSAEOPNOTSUPP;
	}
}

/* Every control ends in its call; an overlapped one's end is told as an
 * overlapped request's (IOCTL_LSW_SOCKET_DONE: its event, completion
 * port or completion routine), with no bytes.  A failed one tells
 * nobody and leaves the WSAOVERLAPPED as it is. */
WS_API int WSAAPI WSAIoctl(SOCKET s, DWORD code, LPVOID in, DWORD in_len, LPVOID out,
			   DWORD out_len, LPDWORD returned, LPWSAOVERLAPPED ov,
			   LPWSAOVERLAPPED_COMPLETION_ROUTINE done)
{
	int err = ws_not_started();

	/* an overlapped SIO_BASE_HANDLE goes to AFD, which refuses it after
	 * pending (STATUS_NOT_SUPPORTED), writing nothing (Wine's
	 * test_base_handle, as Windows answers) */
	if (!err && ov && code == SIO_BASE_HANDLE) {
		LONG refused = (LONG)LSW_STATUS_NOT_SUPPORTED;
		struct lsw_sock_info info;

		if (!(err = ws_socket_info(s, &info)) && (!out || out_len < sizeof(SOCKET) || !returned))
			err = WSAEFAULT;
		if (!err)
			err = ws_overlapped_request(s, IOCTL_LSW_SOCKET_DONE, &refused, sizeof(refused),
						    ov, done, NULL);
		return ws_fail(err);
	}
	if (err || (err = control_now(s, code, in, in_len, out, out_len, returned)))
		return ws_fail(err);
	if (ov && (err = ws_overlapped_request(s, IOCTL_LSW_SOCKET_DONE, NULL, 0, ov, done, NULL)))
		return ws_fail(err);
	WSASetLastError(0);
	return 0;
}
