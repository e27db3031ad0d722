/*
 * Sockets: \Device\Afd endpoints and the requests that shape them
 * (create, bind, listen, accept, connect, shutdown, names, modes).  Data,
 * options and waits are in socket_data.c, socket_option.c and
 * socket_poll.c.  See socket.h.
 */
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "emul/net/socket.h"
#include "emul/net/socket_watch.h"

#define SD_RECEIVE 0
#define SD_SEND 1
#define SD_BOTH 2
#define HANDLE_FLAG_INHERIT 1u
/* A request's input is at most this (a send's data included): ws2_32
 * sends larger buffers in pieces. */
#define SOCK_IN_MAX ((1u << 20) + sizeof(struct lsw_sock_send))

struct file_object *socket_endpoint_new(struct lsw_process *p)
{
	struct file_object *f = file_new(p, FILE_KIND_STREAM, -1, "\\Device\\Afd");

	if (!f)
		return NULL;
	if (!(f->sock = calloc(1, sizeof(*f->sock)))) {
		object_unref(&f->hdr);
		return NULL;
	}
	f->device_type = FILE_DEVICE_NETWORK;
	f->stream_mode = STREAM_SOCKET;
	sock_waitable_init(f->sock);
	return f;
}

void socket_free(struct lsw_socket *s)
{
	if (s)
		sock_async_free(s);
	free(s);
}

/* Windows' (family, type, protocol) that the sandbox serves, as Linux's. */
static bool linux_kind(const struct lsw_sock_create *k, int *family, int *type, int *proto)
{
	*family = k->family == LSW_AF_INET ? AF_INET : k->family == LSW_AF_INET6 ? AF_INET6 : -1;
	*type = k->type == 1 ? SOCK_STREAM : k->type == 2 ? SOCK_DGRAM : -1;
	if (*family < 0 || *type < 0)
		return false;
	if (k->protocol == 0)
		*proto = 0;
	else if (k->protocol == IPPROTO_TCP && *type == SOCK_STREAM)
		*proto = IPPROTO_TCP;
	else if (k->protocol == IPPROTO_UDP && *type == SOCK_DGRAM)
		*proto = IPPROTO_UDP;
	else
		return false;
	return true;
}

static NTSTATUS sock_create(struct sock_request *r)
{
	struct lsw_sock_create k;
	int family, type, proto, fd;

	if (r->in_len != sizeof(k))
		return LSW_STATUS_INVALID_PARAMETER;
	memcpy(&k, r->in, sizeof(k));
	if (r->f->fd >= 0)
		return LSW_STATUS_INVALID_PARAMETER; /* made already */
	if (!linux_kind(&k, &family, &type, &proto))
		return LSW_STATUS_NOT_SUPPORTED;
	if ((fd = socket_netns_make(r->c->thread->process->job, family, type, proto)) < 0)
		return sock_errno_status(-fd);
	/* Windows' IPv6 sockets take IPv6 only until IPV6_V6ONLY is cleared */
	if (family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &(int){ 1 }, sizeof(int));
	r->f->fd = fd;
	r->f->sock->family = k.family;
	r->f->sock->type = k.type;
	r->f->sock->protocol = proto ? proto : type == SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP;
	return LSW_STATUS_SUCCESS;
}

static NTSTATUS sock_bind(struct sock_request *r)
{
	struct sockaddr_storage a;
	socklen_t len;
	NTSTATUS st = sock_addr_in(r->f->sock->family, r->in, r->in_len, &a, &len);

	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (bind(r->f->fd, (struct sockaddr *)&a, len) == 0)
		return LSW_STATUS_SUCCESS;
	/* a port taken by a socket that did not share it, asked for with
	 * SO_REUSEADDR: WSAEACCES on Windows (Wine's ws2_32 tests) */
	if (errno == EADDRINUSE && r->f->sock->reuse)
		return LSW_STATUS_ACCESS_DENIED;
	return sock_errno_status(errno);
}

/* listen: an unbound socket is WSAEINVAL on Windows (Linux would bind it
 * to a port of its choosing); a datagram socket WSAEOPNOTSUPP. */
static NTSTATUS sock_listen(struct sock_request *r)
{
	struct sockaddr_storage a;
	socklen_t len = sizeof(a);
	int32_t backlog;

	if (r->in_len != sizeof(backlog))
		return LSW_STATUS_INVALID_PARAMETER;
	memcpy(&backlog, r->in, sizeof(backlog));
	if (r->f->sock->type != 1)
		return LSW_STATUS_NOT_SUPPORTED;
	if (getsockname(r->f->fd, (struct sockaddr *)&a, &len) < 0 ||
	    (a.ss_family == AF_INET && !((struct sockaddr_in *)&a)->sin_port) ||
	    (a.ss_family == AF_INET6 && !((struct sockaddr_in6 *)&a)->sin6_port))
		return LSW_STATUS_INVALID_PARAMETER;
	if (backlog < 0 || backlog > 0x7fffffff - 1) /* SOMAXCONN is 0x7fffffff */
		backlog = 4096;
	if (listen(r->f->fd, backlog) < 0)
		return sock_errno_status(errno);
	r->f->sock->listening = true;
	return LSW_STATUS_SUCCESS;
}

/* A new socket for an accepted connection, as a handle of the caller. */
static NTSTATUS sock_accept(struct sock_request *r)
{
	struct lsw_sock_accepted out = { 0 };
	struct sockaddr_storage a;
	socklen_t len = sizeof(a);
	struct file_object *nf;
	NTSTATUS st;
	int fd;

	if (r->out_len < sizeof(out))
		return LSW_STATUS_BUFFER_TOO_SMALL;
	if (!r->f->sock->listening)
		return LSW_STATUS_INVALID_PARAMETER;
	if ((fd = accept4(r->f->fd, (struct sockaddr *)&a, &len, SOCK_NONBLOCK | SOCK_CLOEXEC)) < 0)
		return sock_errno_status(errno);
	if (!(nf = socket_endpoint_new(r->c->thread->process))) {
		close(fd);
		return LSW_STATUS_NO_MEMORY;
	}
	nf->fd = fd;
	*nf->sock = *r->f->sock; /* options and mode are the listener's */
	nf->sock->listening = false;
	nf->sock->watch = NULL; /* its own requests and event select */
	nf->sock->accepting = NULL;
	sock_waitable_init(nf->sock);
	nf->access = r->f->access;
	nf->options = r->f->options;
	sock_select_inherit(nf, r->f);
	st = handle_create(r->c->thread->process, &nf->hdr, r->f->access, &out.handle);
	object_unref(&nf->hdr);
	if (st != LSW_STATUS_SUCCESS)
		return st;
	*handle_flags(r->c->thread->process, out.handle) |= HANDLE_FLAG_INHERIT;
	out.len = sock_addr_out(&a, len, out.addr);
	if (tracee_write(r->c->thread, r->out, &out, sizeof(out)) < 0) {
		handle_close(r->c->thread->process, out.handle);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	r->done = sizeof(out);
	return LSW_STATUS_SUCCESS;
}

bool sock_is_connected(const struct file_object *f)
{
	struct sockaddr_storage a;
	socklen_t len = sizeof(a);

	return getpeername(f->fd, (struct sockaddr *)&a, &len) == 0;
}

bool sock_is_bound(const struct file_object *f)
{
	struct sockaddr_storage a;
	socklen_t len = sizeof(a);

	if (getsockname(f->fd, (struct sockaddr *)&a, &len) < 0)
		return false;
	return !((a.ss_family == AF_INET && !((struct sockaddr_in *)&a)->sin_port) ||
		 (a.ss_family == AF_INET6 && !((struct sockaddr_in6 *)&a)->sin6_port));
}

static NTSTATUS sock_connect(struct sock_request *r)
{
	struct sockaddr_storage a;
	socklen_t len;
	NTSTATUS st = sock_addr_in(r->f->sock->family, r->in, r->in_len, &a, &len);

	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (r->f->sock->listening)
		return LSW_STATUS_INVALID_PARAMETER;
	/* connected: WSAEISCONN (Linux answers 0 once after a connect that
	 * ended in the background) */
	if (r->f->sock->type == 1 && sock_is_connected(r->f))
		return LSW_STATUS_CONNECTION_ACTIVE;
	if (connect(r->f->fd, (struct sockaddr *)&a, len) == 0)
		return LSW_STATUS_SUCCESS;
	r->f->sock->connecting = errno == EINPROGRESS; /* FD_CONNECT will tell its end */
	return sock_errno_status(errno);
}

static NTSTATUS sock_shutdown(struct sock_request *r)
{
	static const int how_linux[] = { SHUT_RD, SHUT_WR, SHUT_RDWR };
	int32_t how;

	if (r->in_len != sizeof(how))
		return LSW_STATUS_INVALID_PARAMETER;
	memcpy(&how, r->in, sizeof(how));
	if (how < SD_RECEIVE || how > SD_BOTH)
		return LSW_STATUS_INVALID_PARAMETER;
	/* a datagram socket may be shut down unconnected on Windows */
	if (shutdown(r->f->fd, how_linux[how]) < 0 && (errno != ENOTCONN || r->f->sock->type == 1))
		return sock_errno_status(errno);
	r->f->sock->shut_recv |= how != SD_SEND;
	r->f->sock->shut_send |= how != SD_RECEIVE;
	return LSW_STATUS_SUCCESS;
}

/* getsockname (0) or getpeername (1).  An unbound socket has no name on
 * Windows: WSAEINVAL. */
static NTSTATUS sock_name(struct sock_request *r)
{
	struct sockaddr_storage a;
	socklen_t len = sizeof(a);
	uint8_t out[LSW_SOCKADDR_MAX];
	uint32_t n;
	int32_t peer;

	if (r->in_len != sizeof(peer))
		return LSW_STATUS_INVALID_PARAMETER;
	memcpy(&peer, r->in, sizeof(peer));
	if ((peer ? getpeername : getsockname)(r->f->fd, (struct sockaddr *)&a, &len) < 0)
		return sock_errno_status(errno);
	if (!peer && ((a.ss_family == AF_INET && !((struct sockaddr_in *)&a)->sin_port) ||
		      (a.ss_family == AF_INET6 && !((struct sockaddr_in6 *)&a)->sin6_port)))
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(n = sock_addr_out(&a, len, out)))
		return LSW_STATUS_INVALID_PARAMETER;
	if (r->out_len < n)
		return LSW_STATUS_BUFFER_TOO_SMALL;
	if (tracee_write(r->c->thread, r->out, out, n) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	r->done = n;
	return LSW_STATUS_SUCCESS;
}

static NTSTATUS sock_info(struct sock_request *r)
{
	const struct lsw_socket *s = r->f->sock;
	struct lsw_sock_info out = { s->family, s->type, s->protocol, s->listening,
				     s->nonblocking, 0 };

	if (r->out_len < sizeof(out))
		return LSW_STATUS_BUFFER_TOO_SMALL;
	out.connected = sock_is_connected(r->f);
	if (tracee_write(r->c->thread, r->out, &out, sizeof(out)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	r->done = sizeof(out);
	return LSW_STATUS_SUCCESS;
}

static NTSTATUS sock_nonblocking(struct sock_request *r)
{
	int32_t on;

	if (r->in_len != sizeof(on))
		return LSW_STATUS_INVALID_PARAMETER;
	memcpy(&on, r->in, sizeof(on));
	/* a socket with an event select stays non-blocking (WSAEINVAL) */
	if (!on && r->f->sock->watch && r->f->sock->watch->event)
		return LSW_STATUS_INVALID_PARAMETER;
	r->f->sock->nonblocking = on != 0;
	return LSW_STATUS_SUCCESS;
}

/* FIONREAD: the bytes a recv would get now (a datagram socket: all
 * datagrams waiting, as Windows counts them too). */
static NTSTATUS sock_readable(struct sock_request *r)
{
	int n = 0;
	uint32_t out;

	if (r->out_len < sizeof(out))
		return LSW_STATUS_BUFFER_TOO_SMALL;
	if (!r->f->sock->listening && ioctl(r->f->fd, FIONREAD, &n) < 0)
		return sock_errno_status(errno);
	out = n > 0 ? (uint32_t)n : 0;
	if (tracee_write(r->c->thread, r->out, &out, sizeof(out)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	r->done = sizeof(out);
	return LSW_STATUS_SUCCESS;
}

/* WSACleanup's last call: every socket handle of the caller goes, as
 * Windows destroys a process's sockets then (this one's too). */
static NTSTATUS sock_close_all(struct sock_request *r)
{
	struct lsw_process *p = r->c->thread->process;

	for (size_t i = 0; i < p->handles.n; i++) {
		struct nt_object *obj = p->handles.e[i].obj;

		if (obj && obj->ops == &file_ops && sock_of((struct file_object *)obj))
			handle_close(p, (uint64_t)(i + 1) * 4);
	}
	return LSW_STATUS_SUCCESS;
}

/* An overlapped WSAIoctl ended in ws2_32: its end, no bytes, is told as
 * an I/O's that ended in its call (event, completion port, APC). */
static NTSTATUS sock_done(struct sock_request *r)
{
	NTSTATUS st = file_io_begin(r->c, r->f), end = LSW_STATUS_SUCCESS;

	if (st != LSW_STATUS_SUCCESS)
		return st;
	/* an end status given (int32): one AFD refuses after pending, as
	 * Windows' overlapped SIO_BASE_HANDLE (Wine's test_base_handle) */
	if (r->in_len == sizeof(end)) {
		memcpy(&end, r->in, sizeof(end));
		if (end != (NTSTATUS)LSW_STATUS_NOT_SUPPORTED)
			return LSW_STATUS_INVALID_PARAMETER;
		return file_io_fail_pended(r->c, r->f, end);
	}
	if (r->in_len)
		return LSW_STATUS_INVALID_PARAMETER;
	if (tracee_write_iosb(r->c->thread, r->c->args[4], st, 0) != LSW_STATUS_SUCCESS)
		return LSW_STATUS_ACCESS_VIOLATION;
	return file_io_end(r->c, r->f, st, false);
}

static NTSTATUS serve(struct sock_request *r)
{
	if (r->code == IOCTL_LSW_SOCKET_CREATE)
		return sock_create(r);
	if (r->code == IOCTL_LSW_SOCKET_CLOSE_ALL)
		return sock_close_all(r);
	if (r->code == IOCTL_AFD_POLL)
		return sock_afd_poll(r);
	if (r->f->fd < 0)
		return LSW_STATUS_INVALID_HANDLE; /* an endpoint with no socket yet */
	switch (r->code) {
	case IOCTL_LSW_SOCKET_BIND: return sock_bind(r);
	case IOCTL_LSW_SOCKET_LISTEN: return sock_listen(r);
	case IOCTL_LSW_SOCKET_ACCEPT: return sock_accept(r);
	case IOCTL_LSW_SOCKET_CONNECT: return sock_connect(r);
	case IOCTL_LSW_SOCKET_SEND: return sock_send(r);
	case IOCTL_LSW_SOCKET_RECV: return sock_recv(r);
	case IOCTL_LSW_SOCKET_SHUTDOWN: return sock_shutdown(r);
	case IOCTL_LSW_SOCKET_NAME: return sock_name(r);
	case IOCTL_LSW_SOCKET_GET_OPTION: return sock_get_option(r);
	case IOCTL_LSW_SOCKET_SET_OPTION: return sock_set_option(r);
	case IOCTL_LSW_SOCKET_INFO: return sock_info(r);
	case IOCTL_LSW_SOCKET_NONBLOCKING: return sock_nonblocking(r);
	case IOCTL_LSW_SOCKET_READABLE: return sock_readable(r);
	case IOCTL_LSW_SOCKET_RECV_ASYNC:
	case IOCTL_LSW_SOCKET_SEND_ASYNC:
	case IOCTL_LSW_SOCKET_ACCEPT_INTO:
	case IOCTL_LSW_SOCKET_CONNECT_ASYNC:
	case IOCTL_LSW_SOCKET_TRANSMIT_FILE: return sock_async(r);
	case IOCTL_LSW_SOCKET_DONE: return sock_done(r);
	case IOCTL_AFD_GET_EVENTS: return sock_afd_get_events(r);
	case IOCTL_LSW_SOCKET_EVENT_SELECT: return sock_event_select(r);
	case IOCTL_LSW_SOCKET_NETWORK_EVENTS: return sock_network_events(r);
	default: return LSW_STATUS_INVALID_DEVICE_REQUEST;
	}
}

/* A request served: the network event it re-enables may be recorded
 * again (WSAEventSelect). */
static NTSTATUS dispatch(struct sock_request *r)
{
	NTSTATUS st = serve(r);

	if (r->f->fd >= 0 && r->code != IOCTL_LSW_SOCKET_RECV_ASYNC &&
	    r->code != IOCTL_LSW_SOCKET_SEND_ASYNC && r->code != IOCTL_LSW_SOCKET_ACCEPT_INTO &&
	    r->code != IOCTL_LSW_SOCKET_TRANSMIT_FILE)
		sock_select_reenable(r->f, r->code, st);
	return st;
}

/* NtDeviceIoControlFile on a socket: the input copied once, then served.
 * A poll may answer later (NT_DEFERRED); it reads its own input. */
NTSTATUS socket_control(struct nt_call *c, struct file_object *f, uint32_t code, uint64_t *done)
{
	struct sock_request r = { c, f, code, NULL, (uint32_t)c->args[7], (uint32_t)c->args[9],
				  c->args[8], 0 };
	NTSTATUS st;

	if (!f->sock)
		return LSW_STATUS_INVALID_DEVICE_REQUEST;
	if (code == IOCTL_LSW_SOCKET_POLL) {
		st = sock_poll(&r);
		*done = r.done;
		return st;
	}
	if (r.in_len > SOCK_IN_MAX)
		return LSW_STATUS_INVALID_PARAMETER;
	if (r.in_len && !(r.in = malloc(r.in_len)))
		return LSW_STATUS_NO_MEMORY;
	if (r.in_len && tracee_read(c->thread, c->args[6], r.in, r.in_len) < 0)
		st = LSW_STATUS_ACCESS_VIOLATION;
	else if (r.out_len && !r.out)
		st = LSW_STATUS_INVALID_PARAMETER;
	else
		st = dispatch(&r);
	free(r.in);
	*done = r.done;
	return st;
}
