/*
 * send and recv on a socket (sendto, recvfrom, and their WSA forms): one
 * Linux call that does not block.  ReadFile and WriteFile on a socket
 * take the stream path (file_stream.c) instead.
 */
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include "emul/net/socket.h"

/* Windows' MSG_OOB, MSG_PEEK, MSG_DONTROUTE and MSG_PARTIAL... as Linux's
 * for the first three; MSG_WAITALL (8) ws2_32 does by repeating. */
#define WIN_MSG_OOB 1
#define WIN_MSG_PEEK 2
#define WIN_MSG_DONTROUTE 4
#define RECV_MAX (1u << 20)

NTSTATUS sock_send(struct sock_request *r)
{
	const struct lsw_socket *s = r->f->sock;
	struct lsw_sock_send h;
	struct sockaddr_storage a;
	socklen_t alen = 0;
	NTSTATUS st;
	ssize_t n;

	if (r->in_len < sizeof(h))
		return LSW_STATUS_INVALID_PARAMETER;
	memcpy(&h, r->in, sizeof(h));
	if (h.flags & ~(WIN_MSG_OOB | WIN_MSG_DONTROUTE))
		return LSW_STATUS_NOT_SUPPORTED;
	if (s->shut_send)
		return LSW_STATUS_PIPE_DISCONNECTED;
	/* a stream socket ignores an address, as Windows' sendto does */
	if (h.to_len && s->type == 2) {
		if (h.to_len > sizeof(h.to))
			h.to_len = sizeof(h.to);
		if ((st = sock_addr_in(s->family, h.to, h.to_len, &a, &alen)) != LSW_STATUS_SUCCESS)
			return st;
	}
	n = sendto(r->f->fd, r->in + sizeof(h), r->in_len - sizeof(h),
		   h.flags | MSG_DONTWAIT | MSG_NOSIGNAL, alen ? (struct sockaddr *)&a : NULL, alen);
	if (n < 0)
		return sock_errno_status(errno);
	r->done = (uint64_t)n;
	return LSW_STATUS_SUCCESS;
}

/* Output: [lsw_sock_from when asked] then the data.  A datagram larger
 * than the buffer fills it and answers STATUS_BUFFER_OVERFLOW
 * (WSAEMSGSIZE), the rest of it lost, as on Windows. */
NTSTATUS sock_recv(struct sock_request *r)
{
	struct lsw_sock_recv h;
	struct lsw_sock_from from = { 0 };
	struct sockaddr_storage a;
	struct iovec iov;
	char control[SOCK_CONTROL_MAX];
	struct msghdr m = { .msg_name = &a, .msg_namelen = sizeof(a), .msg_iov = &iov,
			    .msg_iovlen = 1 };
	uint32_t head, len;
	char *buf;
	ssize_t n;
	NTSTATUS st = LSW_STATUS_SUCCESS;

	if (r->in_len != sizeof(h))
		return LSW_STATUS_INVALID_PARAMETER;
	memcpy(&h, r->in, sizeof(h));
	if (h.flags & ~(WIN_MSG_OOB | WIN_MSG_PEEK))
		return LSW_STATUS_NOT_SUPPORTED;
	head = h.want_from ? sizeof(from) : 0;
	if (r->out_len < head)
		return LSW_STATUS_BUFFER_TOO_SMALL;
	/* a datagram socket that is not bound has nothing to receive */
	if (r->f->sock->type == 2 && !sock_is_bound(r->f))
		return LSW_STATUS_INVALID_PARAMETER;
	if (r->f->sock->shut_recv)
		return LSW_STATUS_PIPE_DISCONNECTED;
	len = r->out_len - head < RECV_MAX ? r->out_len - head : RECV_MAX;
	if (!(buf = malloc(len ? len : 1)))
		return LSW_STATUS_NO_MEMORY;
	iov.iov_base = buf;
	iov.iov_len = len;
	if (h.cmsg.control_len) {
		m.msg_control = control;
		m.msg_controllen = sizeof(control);
	}
	n = recvmsg(r->f->fd, &m, h.flags | MSG_DONTWAIT);
	if (n < 0) {
		free(buf);
		return sock_errno_status(errno);
	}
	if (m.msg_flags & MSG_TRUNC)
		st = LSW_STATUS_BUFFER_OVERFLOW;
	if (st == LSW_STATUS_SUCCESS)
		st = sock_give_control(r->c->thread, &h.cmsg, &m);
	from.len = m.msg_namelen ? sock_addr_out(&a, m.msg_namelen, from.addr) : 0;
	if ((head && tracee_write(r->c->thread, r->out, &from, head) < 0) ||
	    (n && tracee_write(r->c->thread, r->out + head, buf, (size_t)n) < 0))
		st = LSW_STATUS_ACCESS_VIOLATION;
	free(buf);
	r->done = head + (uint64_t)n;
	return st;
}
