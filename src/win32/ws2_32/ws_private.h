/*
 * Private declarations of ws2_32.dll.  A SOCKET is a handle to a socket
 * the supervisor holds (\Device\Afd, docs/sockets.md), in the sandbox's
 * own network: loopback only, private to the run.  Every call on one is
 * a device control of <lsw/socket_ioctl.h> (sock_call.c).  What needs no
 * socket works as before: start-up and version negotiation, name
 * resolution of numeric addresses, "localhost" and the computer's own
 * name (to the loopback addresses), address text conversions, byte
 * order, services and protocols, events.
 */
#ifndef LSW_WS_PRIVATE_H
#define LSW_WS_PRIVATE_H

#define WINSOCK_API_LINKAGE __declspec(dllexport)
#define INCL_WINSOCK_API_TYPEDEFS 0
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <stdlib.h>
#include <string.h>

#define WS_API WINSOCK_API_LINKAGE

/* startup.c: SOCKET_ERROR (or, for the calls that give a pointer, NULL)
 * with this error (WSASetLastError). */
int ws_fail(int error);
void *ws_fail_null(int error);
/* 0 after WSAStartup, else WSANOTINITIALISED. */
int ws_not_started(void);
/* A call Winsock cannot serve on a SOCKET: WSANOTINITIALISED before
 * WSAStartup, else WSAENOTSOCK.  SOCKET_ERROR. */
int ws_no_socket(void);

/* sock_call.c: a device control on socket s (an NTSTATUS; *done, when
 * not NULL, the bytes of output).  The same, repeated while it would
 * block when s is a blocking socket, waiting for events (WSAPoll's
 * POLLRDNORM or POLLWRNORM) in between. */
LONG ws_ioctl(SOCKET s, ULONG code, const void *in, ULONG in_len, void *out, ULONG out_len,
	      ULONG_PTR *done);
LONG ws_ioctl_wait(SOCKET s, short events, ULONG code, const void *in, ULONG in_len, void *out,
		   ULONG out_len, ULONG_PTR *done);
/* Waits until s is ready for events: 0, WSAEWOULDBLOCK for a
 * non-blocking socket, WSAETIMEDOUT past its SO_RCVTIMEO/SO_SNDTIMEO. */
int ws_wait(SOCKET s, short events);
/* The Winsock error of a socket request's NTSTATUS (0 for success). */
int ws_error_of(LONG status);
/* SOCKET_ERROR with the error of status. */
int ws_fail_status(LONG status);
/* socket_io.c: receives into the buffers (the sender's address into from
 * when given, WSARecvMsg's control data into msg's when msg is not NULL):
 * 0 or a Winsock error, *got the bytes; overlapped (see
 * ws_overlapped_request) when ov is not NULL. */
int ws_recv_any(SOCKET s, WSABUF *bufs, DWORD n, DWORD flags, struct sockaddr *from,
		int *from_len, WSAMSG *msg, DWORD *got, LPWSAOVERLAPPED ov,
		LPWSAOVERLAPPED_COMPLETION_ROUTINE cb);
/* overlapped.c: an overlapped request on s, its IO_STATUS_BLOCK the
 * WSAOVERLAPPED: 0 when it ended in the call (*done its bytes),
 * WSA_IO_PENDING, or the error it failed with. */
struct lsw_sock_io;
int ws_overlapped_request(SOCKET s, ULONG code, const void *in, ULONG in_len, LPWSAOVERLAPPED ov,
			  LPWSAOVERLAPPED_COMPLETION_ROUTINE cb, DWORD *done);
/* The same for RECV_ASYNC, SEND_ASYNC and CONNECT_ASYNC: head, then the
 * n buffers. */
int ws_overlapped_bufs(SOCKET s, ULONG code, struct lsw_sock_io *head, const WSABUF *bufs,
		       DWORD n, LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE cb,
		       DWORD *done);
/* The Winsock error an overlapped request's end status reports
 * (WSA_OPERATION_ABORTED when cancelled). */
int ws_overlapped_error(LONG status);
/* extensions.c: SIO_GET_EXTENSION_FUNCTION_POINTER's answer (0 or a
 * Winsock error). */
int ws_extension_function(const void *in, DWORD in_len, void *out, DWORD out_len,
			  LPDWORD returned);
/* accept_condition.c: a connection WSAAccept's condition deferred on
 * listener, INVALID_SOCKET when none. */
SOCKET ws_take_deferred(SOCKET listener);
/* sockets.c: closes every socket handle of the process. */
void ws_close_all_sockets(void);
/* What a socket is (IOCTL_LSW_SOCKET_INFO): 0 or a Winsock error. */
struct lsw_sock_info;
int ws_socket_info(SOCKET s, struct lsw_sock_info *out);
/* A sockaddr's length for its family: WSAEFAULT when NULL or shorter
 * than its family needs, WSAEAFNOSUPPORT for a family not served. */
int ws_check_addr(const struct sockaddr *a, int len);
/* Copies a sockaddr of n bytes out to (a, *len): WSAEFAULT when it does
 * not fit (nothing copied), else 0 and *len = n. */
int ws_give_addr(const void *addr, int n, struct sockaddr *a, int *len);

/* protocols.c: the catalogue entry of a socket kind, and its ANSI form. */
void ws_protocol_info(int af, int type, int protocol, WSAPROTOCOL_INFOW *out);
void ws_protocol_info_narrow(const WSAPROTOCOL_INFOW *w, WSAPROTOCOL_INFOA *a);

/* Per-thread storage that Winsock documents as per-thread: the results
 * of inet_ntoa, gethostbyname, getservbyname, getprotobyname (thread.c). */
struct ws_thread {
	char ntoa[16];
	struct hostent host;
	char *host_aliases[1];
	char *host_addrs[2];
	struct in_addr host_addr;
	char host_name[256];
	struct servent serv;
	char *serv_aliases[1];
	struct protoent proto;
	char *proto_aliases[2];
	int open_type;          /* SO_OPENTYPE: nonzero, socket() makes non-overlapped sockets */
};
struct ws_thread *ws_thread_data(void); /* NULL: out of memory */
void ws_thread_attach(void);
void ws_thread_detach(void);

/* hostname.c: the computer name (GetComputerNameW), ASCII, "LSW". */
int ws_host_name(char *out, size_t len);
/* True for "localhost", "localhost." and the computer's own name. */
BOOL ws_is_local_name(const char *name);

/* inet_text.c */
BOOL ws_parse_ipv4(const char *s, struct in_addr *out);   /* a.b.c.d, decimal */
BOOL ws_parse_ipv6(const char *s, struct in6_addr *out, ULONG *scope);
void ws_format_ipv4(const struct in_addr *a, char *out);  /* 16 bytes */
void ws_format_ipv6(const struct in6_addr *a, char *out); /* 46 bytes */
/* :: and ::1 (mingw-w64 keeps in6addr_any/loopback in a static library). */
extern const struct in6_addr ws_in6_any, ws_in6_loopback;

/* services.c: the port (network order) of a service name for a protocol
 * ("tcp", "udp" or NULL: either), 0 if unknown; and back. */
USHORT ws_service_port(const char *name, const char *proto);
const char *ws_service_name(USHORT port_net, const char *proto, const char **proto_out);

/* wide.c: ASCII-only conversions (a non-ASCII character becomes '?',
 * which no name here matches). */
char *ws_narrow(const WCHAR *w);         /* heap; NULL stays NULL */
void ws_widen(const char *a, WCHAR *w);  /* w has room for strlen(a) + 1 */
void *ws_alloc(size_t n);
void ws_free(void *p);

#endif
