/*
 * What the supervisor watches a socket for (socket_async.c): its queued
 * overlapped requests and its WSAEventSelect (socket_select.c), in one
 * epoll instance of the socket's own that the loop watches.
 */
#ifndef LSW_NET_SOCKET_WATCH_H
#define LSW_NET_SOCKET_WATCH_H

#include "emul/net/socket.h"

struct sock_async;
struct afd_poll;

/* A hostile program queuing requests (or AFD polls, each an epoll
 * instance of the supervisor's) without end stops here. */
#define SOCK_QUEUED_MAX 4096u
#define SOCK_POLLS_MAX 1024u

struct sock_watch {
	struct file_object *file;     /* whose watch it is */
	struct loop *loop;
	int epfd;
	uint32_t interest;            /* EPOLL* the socket's fd is in epfd for; 0: not in it */
	struct sock_async *ops;       /* queued requests, oldest first */
	uint32_t nops;
	struct afd_poll *polls;       /* IOCTL_AFD_POLLs sent to this handle (socket_afd_poll.c) */
	uint32_t npolls;
	/* WSAEventSelect */
	struct nt_object *event;      /* referenced; NULL: none */
	int32_t select_events;        /* FD_* asked for */
	int32_t enabled;              /* FD_* that may be recorded (not since re-enabled) */
	int32_t recorded;             /* FD_* recorded, not yet enumerated */
	uint32_t status[LSW_FD_EVENTS];
};

/* The socket goes: its requests, and the AcceptEx that was to give it a
 * connection, end with STATUS_CANCELLED; its watch is freed. */
void sock_async_free(struct lsw_socket *s);
/* socket_afd_poll.c: ends the AFD polls of thread tid (0: any) or with
 * that IO_STATUS_BLOCK (0: any) with STATUS_CANCELLED; how many. */
unsigned afd_poll_cancel(struct sock_watch *w, uint32_t tid, uint64_t iosb);

#endif
