/*
 * Sockets (docs/sockets.md): a handle to \Device\Afd is a file object of
 * kind STREAM over a Linux socket the supervisor holds, made in the job's
 * own network namespace (socket_netns.c), so ReadFile and WriteFile work
 * on it as on any stream.  ws2_32 asks for everything else with the
 * device controls of <lsw/socket_ioctl.h>; each handler here copies and
 * checks its input first, then trusts it.  The Linux socket is always
 * non-blocking: a call that would block answers STATUS_CANT_WAIT, and
 * ws2_32 waits with IOCTL_LSW_SOCKET_POLL when the socket is a blocking
 * one.
 */
#ifndef LSW_NET_SOCKET_H
#define LSW_NET_SOCKET_H

#include <sys/socket.h>
#include <lsw/socket_ioctl.h>
#include "emul/io/file.h"
#include "emul/sync/waitable.h"

#define FILE_DEVICE_NETWORK 0x12

/* What the supervisor keeps of a socket besides its fd. */
struct lsw_socket {
	int family, type, protocol;  /* Windows' numbers */
	bool nonblocking;            /* FIONBIO */
	bool listening;
	bool shut_send, shut_recv;   /* shutdown() */
	uint32_t recv_timeout_ms, send_timeout_ms; /* SO_RCVTIMEO, SO_SNDTIMEO; 0: none */
	bool exclusive;              /* SO_EXCLUSIVEADDRUSE */
	bool reuse;                  /* SO_REUSEADDR */
	uint16_t linger_onoff;       /* SO_LINGER's l_onoff as given (0: not) */
	uint32_t sndbuf, rcvbuf;     /* SO_SNDBUF, SO_RCVBUF as given (0: not) */
	bool connecting;             /* a connect goes on in the background (FD_CONNECT) */
	struct sock_watch *watch;    /* overlapped I/O and WSAEventSelect (socket_async.c);
				      * NULL until the first */
	struct sock_async *accepting; /* the AcceptEx this socket is to take a connection from */
	struct waitable wait;        /* the handle, waited on: set when its I/O ends */
	bool signaled;
};

/* A request's buffers, copied from the caller once. */
struct sock_request {
	struct nt_call *c;
	struct file_object *f;
	uint32_t code;
	uint8_t *in;                 /* heap, in_len bytes */
	uint32_t in_len, out_len;
	uint64_t out;                /* the caller's output buffer */
	uint64_t done;               /* bytes written to it */
};

/* device_ioctl.c's entry for FILE_DEVICE_NETWORK handles. */
NTSTATUS socket_control(struct nt_call *c, struct file_object *f, uint32_t code, uint64_t *done);
/* A fresh \Device\Afd endpoint of process p: no socket until CREATE. */
struct file_object *socket_endpoint_new(struct lsw_process *p);
void socket_free(struct lsw_socket *s);

/* socket_netns.c: a socket of the job's network namespace (loopback
 * only, its own), non-blocking and close-on-exec; -errno on failure. */
int socket_netns_make(struct lsw_job *j, int family, int type, int protocol);
void socket_netns_end(struct lsw_job *j);

/* socket_addr.c: a Windows sockaddr of len bytes to Linux's, for a socket
 * of family; STATUS_INVALID_PARAMETER (WSAEFAULT in ws2_32) when short,
 * STATUS_INVALID_ADDRESS for another family. */
NTSTATUS sock_addr_in(int family, const uint8_t *win, uint32_t len, struct sockaddr_storage *out,
		      socklen_t *out_len);
/* Linux's to Windows' bytes: their length (0: a family we do not give). */
uint32_t sock_addr_out(const struct sockaddr_storage *a, socklen_t len,
		       uint8_t out[LSW_SOCKADDR_MAX]);
/* errno of a socket call -> NTSTATUS (ws2_32 maps them to WSAE*). */
NTSTATUS sock_errno_status(int e);

/* Whether the socket is connected; bound to a port. */
bool sock_is_connected(const struct file_object *f);
bool sock_is_bound(const struct file_object *f);

/* socket_cmsg.c: the control data of m as Windows' WSACMSGHDRs, where c
 * says (nothing when it asks for none); STATUS_BUFFER_OVERFLOW when they
 * did not fit (MSG_CTRUNC). */
NTSTATUS sock_give_control(struct lsw_thread *t, const struct lsw_sock_control *c,
			   struct msghdr *m);
/* Room for the control data Linux gives. */
#define SOCK_CONTROL_MAX 256

/* socket_data.c */
NTSTATUS sock_send(struct sock_request *r);
NTSTATUS sock_recv(struct sock_request *r);
/* socket_option.c */
NTSTATUS sock_get_option(struct sock_request *r);
NTSTATUS sock_set_option(struct sock_request *r);
/* socket_poll.c */
NTSTATUS sock_poll(struct sock_request *r);
/* WSAPoll's events (W_POLL*) of f that Linux's poll() bits got say,
 * of those asked, as Windows reports them. */
int16_t sock_windows_revents(const struct file_object *f, int16_t asked, short got);

/* socket_async.c: the overlapped requests (RECV_ASYNC, SEND_ASYNC,
 * ACCEPT_INTO, CONNECT_ASYNC): done now, or STATUS_PENDING and done when
 * the socket is ready. */
NTSTATUS sock_async(struct sock_request *r);
/* NtReadFile or NtWriteFile on an overlapped socket's handle: a receive
 * or a send of its buffer, told by file_io_end when it ends in the call. */
NTSTATUS sock_file_io(struct nt_call *c, struct file_object *f, bool write);
/* The socket's file as a waitable object (file.c's waitable). */
struct waitable *sock_waitable(struct file_object *f);
void sock_waitable_init(struct lsw_socket *s);
/* NtCancelIoFile(Ex): ends f's pending requests of thread tid (0: any)
 * or with that IO_STATUS_BLOCK (0: any) with STATUS_CANCELLED; how many. */
unsigned sock_async_cancel(struct file_object *f, uint32_t tid, uint64_t iosb);
/* Watches the socket again for what its requests and its event select
 * wait for now. */
void sock_watch_update(struct file_object *f);
/* The socket's watch, made on first use; NULL: out of memory. */
struct sock_watch *sock_watch_of(struct file_object *f);
/* socket_afd_poll.c: IOCTL_AFD_POLL, on any \Device\Afd handle. */
NTSTATUS sock_afd_poll(struct sock_request *r);
/* socket_select.c: WSAEventSelect and WSAEnumNetworkEvents. */
NTSTATUS sock_event_select(struct sock_request *r);
NTSTATUS sock_network_events(struct sock_request *r);
/* IOCTL_AFD_GET_EVENTS: the same record in AFD's terms (socket_select.c). */
NTSTATUS sock_afd_get_events(struct sock_request *r);
/* What the event select of f waits for (EPOLL*), and the events it
 * records now (the socket was ready, or a call re-enabled one). */
uint32_t sock_select_interest(const struct file_object *f);
/* An accepted socket has its listener's event select (documented). */
void sock_select_inherit(struct file_object *accepted, struct file_object *listener);
void sock_select_check(struct file_object *f);
/* A request ended with st: re-enables the network event it re-enables
 * (recv: FD_READ, send that would block: FD_WRITE, accept: FD_ACCEPT). */
void sock_select_reenable(struct file_object *f, uint32_t code, NTSTATUS st);

/* The socket of a handle's file, NULL when it is none (yet). */
static inline struct lsw_socket *sock_of(const struct file_object *f)
{
	return f->device_type == FILE_DEVICE_NETWORK ? f->sock : NULL;
}

#endif
