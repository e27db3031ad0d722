/*
 * Device controls our ws2_32 sends a socket: a handle to \Device\Afd
 * (docs/sockets.md).  Windows' own AFD protocol is private to mswsock and
 * afd.sys and is not modelled; these requests are all ws2_32 asks.  The
 * supervisor holds the Linux socket; the program never makes a Linux
 * socket call.  Function numbers 0x800 and up are the range CTL_CODE
 * leaves to vendors:
 * CTL_CODE(FILE_DEVICE_NETWORK, 0x800 + n, METHOD_BUFFERED, FILE_ANY_ACCESS).
 *
 * Addresses travel as Windows SOCKADDR_IN / SOCKADDR_IN6 bytes; the
 * supervisor checks their length and family.  A call that would block
 * answers STATUS_CANT_WAIT; ws2_32 then waits with SOCKET_POLL (flag
 * LSW_POLL_IF_BLOCKING) unless the socket is non-blocking.
 */
#ifndef LSW_SOCKET_IOCTL_H
#define LSW_SOCKET_IOCTL_H

#include <stdint.h>

#define LSW_SOCKET_IOCTL(n) (0x120000u | ((0x800u + (n)) << 2))

/* One line per request: name and function number.  Drives the codes
 * below and the names `lsw trace` prints (trace/xlat/ioctl_code.def). */
#define LSW_SOCKET_IOCTLS(X) \
	X(IOCTL_LSW_SOCKET_CREATE, 0)      /* in: lsw_sock_create */ \
	X(IOCTL_LSW_SOCKET_BIND, 1)        /* in: a sockaddr */ \
	X(IOCTL_LSW_SOCKET_LISTEN, 2)      /* in: int32 backlog */ \
	X(IOCTL_LSW_SOCKET_ACCEPT, 3)      /* out: lsw_sock_accepted */ \
	X(IOCTL_LSW_SOCKET_CONNECT, 4)     /* in: a sockaddr */ \
	X(IOCTL_LSW_SOCKET_SEND, 5)        /* in: lsw_sock_send, then the data */ \
	X(IOCTL_LSW_SOCKET_RECV, 6)        /* in: lsw_sock_recv; out: the data */ \
	X(IOCTL_LSW_SOCKET_SHUTDOWN, 7)    /* in: int32 SD_* */ \
	X(IOCTL_LSW_SOCKET_NAME, 8)        /* in: int32 1 for the peer; out: a sockaddr */ \
	X(IOCTL_LSW_SOCKET_GET_OPTION, 9)  /* in: lsw_sock_option; out: the value */ \
	X(IOCTL_LSW_SOCKET_SET_OPTION, 10) /* in: lsw_sock_option */ \
	X(IOCTL_LSW_SOCKET_INFO, 11)       /* out: lsw_sock_info */ \
	X(IOCTL_LSW_SOCKET_NONBLOCKING, 12) /* in: int32 1 or 0 (FIONBIO) */ \
	X(IOCTL_LSW_SOCKET_READABLE, 13)   /* out: uint32 bytes waiting (FIONREAD) */ \
	X(IOCTL_LSW_SOCKET_POLL, 14)       /* in and out: lsw_sock_poll + entries */ \
	X(IOCTL_LSW_SOCKET_CLOSE_ALL, 15)  /* closes the caller's socket handles (WSACleanup) */ \
	X(IOCTL_LSW_SOCKET_RECV_ASYNC, 16) /* in: lsw_sock_io + buffers; may pend */ \
	X(IOCTL_LSW_SOCKET_SEND_ASYNC, 17) /* in: lsw_sock_io + buffers; may pend */ \
	X(IOCTL_LSW_SOCKET_ACCEPT_INTO, 18) /* in: lsw_sock_accept_into (AcceptEx); may pend */ \
	X(IOCTL_LSW_SOCKET_CONNECT_ASYNC, 19) /* in: lsw_sock_io (to) + buffers (ConnectEx) */ \
	X(IOCTL_LSW_SOCKET_EVENT_SELECT, 20) /* in: lsw_sock_event_select */ \
	X(IOCTL_LSW_SOCKET_NETWORK_EVENTS, 21) /* in: uint64 event to reset; out: lsw_sock_net_events */ \
	X(IOCTL_LSW_SOCKET_TRANSMIT_FILE, 22) /* in: lsw_sock_transmit (TransmitFile); may pend */ \
	X(IOCTL_LSW_SOCKET_DONE, 23)       /* an overlapped WSAIoctl's end, told at once */

#define LSW_SOCKET_IOCTL_CODE(name, n) name = LSW_SOCKET_IOCTL(n),
enum { LSW_SOCKET_IOCTLS(LSW_SOCKET_IOCTL_CODE) };
#undef LSW_SOCKET_IOCTL_CODE

/* Windows' own AFD poll, which mio (Rust's tokio) and libuv's uv_poll send
 * to a \Device\Afd handle: CTL_CODE(FILE_DEVICE_NETWORK, 9, METHOD_NEITHER,
 * FILE_ANY_ACCESS)... as 0x12024, its layout and flags public (mio's
 * sys/windows/afd.rs).  Served in src/emul/net/socket_afd_poll.c. */
#define IOCTL_AFD_POLL 0x00012024u
/* CTL_CODE(FILE_DEVICE_BEEP, 0x822, METHOD_NEITHER, FILE_ANY_ACCESS) */
#define IOCTL_AFD_GET_EVENTS 0x0001208Bu
#define AFD_POLL_RECEIVE 0x0001
#define AFD_POLL_RECEIVE_EXPEDITED 0x0002
#define AFD_POLL_SEND 0x0004
#define AFD_POLL_DISCONNECT 0x0008
#define AFD_POLL_ABORT 0x0010
#define AFD_POLL_LOCAL_CLOSE 0x0020
#define AFD_POLL_CONNECT 0x0040
#define AFD_POLL_ACCEPT 0x0080
#define AFD_POLL_CONNECT_FAIL 0x0100
struct afd_poll_info {
	int64_t timeout;        /* NT time: absolute, or relative when negative */
	uint32_t count;         /* entries that follow */
	uint32_t exclusive;
};
struct afd_poll_handle_info {
	uint64_t handle;
	uint32_t events;
	int32_t status;
};

/* Windows' address families and types (ws2def.h). */
#define LSW_AF_INET 2
#define LSW_AF_INET6 23

struct lsw_sock_create {
	int32_t family, type, protocol;
};

/* Recv: flags MSG_PEEK (2) and MSG_OOB (1), and whether the sender's
 * address is wanted: the output then starts with LSW_SOCKADDR_MAX bytes
 * of it (its length in the first uint32), the data after.  WSARecvMsg's
 * control data (IP_PKTINFO...) goes to the caller's control buffer, as
 * WSACMSGHDRs; the ULONG at control_len says its room and gets the bytes
 * used, the DWORD at msg_flags MSG_CTRUNC when they did not fit (0: no
 * control data wanted). */
#define LSW_SOCKADDR_MAX 28
struct lsw_sock_control {
	uint64_t control, control_len, msg_flags;
};

struct lsw_sock_recv {
	int32_t flags;
	int32_t want_from;
	struct lsw_sock_control cmsg;
};

struct lsw_sock_from {
	uint32_t len;
	uint8_t addr[LSW_SOCKADDR_MAX];
};

/* Send: flags, and (sendto) the address, to_len 0 for none. */
struct lsw_sock_send {
	int32_t flags;
	uint32_t to_len;
	uint8_t to[LSW_SOCKADDR_MAX];
};

struct lsw_sock_accepted {
	uint64_t handle;        /* the new socket, in the caller's table */
	uint32_t len;           /* the peer's address */
	uint8_t addr[LSW_SOCKADDR_MAX];
};

/* Windows' level and option numbers (SOL_SOCKET 0xffff, SO_*, ...).  A
 * set reads the value (len bytes at value) from the caller itself, so
 * that a bad pointer is WSAEFAULT, not a fault in ws2_32. */
struct lsw_sock_option {
	int32_t level, name;
	uint64_t value;         /* set: where the value is */
	uint32_t len, pad;      /* set: its length */
};

struct lsw_sock_info {
	int32_t family, type, protocol;
	int32_t listening;      /* SO_ACCEPTCONN */
	int32_t nonblocking;    /* FIONBIO, or WSAEventSelect */
	int32_t connected;
};

/* Poll: entries follow the header.  events and revents are WSAPoll's
 * (POLLRDNORM 0x100, POLLRDBAND 0x200, POLLPRI 0x400, POLLWRNORM 0x10,
 * POLLERR 1, POLLHUP 2, POLLNVAL 4).  The answer's Information is the
 * number of entries with revents (0 when the timeout passed). */
#define LSW_POLL_IF_BLOCKING 1u /* one entry: STATUS_CANT_WAIT at once when
				 * its socket is non-blocking, else wait up to
				 * its SO_RCVTIMEO (reads) or SO_SNDTIMEO */
#define LSW_POLL_MAX 65536u
struct lsw_sock_poll {
	int64_t timeout_ms;     /* -1: for ever */
	uint32_t count, flags;
};

struct lsw_sock_poll_entry {
	uint64_t handle;
	int16_t events, revents;
	uint32_t pad;
};

/* The overlapped requests (RECV_ASYNC, SEND_ASYNC, CONNECT_ASYNC) name
 * the caller's buffers instead of carrying the data: the supervisor reads
 * or fills them when the I/O happens, which may be after the call said
 * STATUS_PENDING; it ends as any NT I/O does (IO_STATUS_BLOCK, Event,
 * completion port, APC).  count lsw_sock_buf entries follow the header.
 * A receive writes the sender's address at from (0: not wanted) and its
 * length at from_len (an INT: in, the room). */
#define LSW_SOCK_BUFS_MAX 1024u
#define LSW_SOCK_SEND_SHUTDOWN 0x40000000 /* SEND_ASYNC: then shut the sending side (DisconnectEx) */
struct lsw_sock_io {
	int32_t flags;          /* MSG_* */
	uint32_t count;
	uint64_t from, from_len;
	uint32_t to_len;        /* send, connect: the address; 0: none */
	uint8_t to[LSW_SOCKADDR_MAX];
	struct lsw_sock_control cmsg; /* receive: as lsw_sock_recv's */
};

struct lsw_sock_buf {
	uint64_t ptr;
	uint32_t len, pad;
};

/* AcceptEx: the connection goes to the socket `accepted` (made, not
 * bound); the first data_len bytes of buf take its first data (0: do not
 * wait for any), then local_len bytes the local address and remote_len
 * bytes the peer's (each a SOCKADDR_IN or SOCKADDR_IN6). */
struct lsw_sock_accept_into {
	uint64_t accepted;
	uint64_t buf;
	uint32_t data_len, local_len, remote_len, pad;
};

/* TransmitFile: head, then bytes of the file (0: to its end) from offset
 * (-1: from its position, which moves past them), then tail; flags as
 * TransmitFile's (TF_DISCONNECT 1: then shut the sending side). */
struct lsw_sock_transmit {
	uint64_t file;          /* 0: no file */
	int64_t offset;
	uint32_t bytes, flags;
	uint64_t head, tail;
	uint32_t head_len, tail_len;
};

/* WSAEventSelect: the event (0 with events 0: none) and FD_* mask. */
struct lsw_sock_event_select {
	uint64_t event;
	int32_t events;
	uint32_t pad;
};

/* WSAEnumNetworkEvents: the FD_* recorded, and each one's status by bit
 * number (FD_READ_BIT 0 ... FD_CLOSE_BIT 5; ws2_32 turns them into
 * Winsock errors). */
#define LSW_FD_EVENTS 10
struct lsw_sock_net_events {
	int32_t events;
	uint32_t status[LSW_FD_EVENTS];
};

#endif
