/*
 * getsockopt and setsockopt: Windows' levels and option numbers, each
 * turned into Linux's or kept by the supervisor (socket.h) where Linux
 * has no such option or means another thing.  An option we do not know
 * answers STATUS_NOT_FOUND (ws2_32: WSAENOPROTOOPT).  Values are 4-byte
 * integers (BOOL and DWORD), except SO_LINGER's struct linger, two
 * u_shorts on Windows against two ints on Linux.
 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include "emul/net/socket.h"

#define WIN_SOL_SOCKET 0xffff
#define WIN_IPPROTO_IP 0
#define WIN_IPPROTO_TCP 6
#define WIN_IPPROTO_IPV6 41

enum opt_kind {
	OPT_INT,         /* the Linux option's int, as is */
	OPT_BOOL,        /* the same, read back as 0 or 1 */
	OPT_BOOL_BYTE,   /* TCP_NODELAY: a BOOL of which Windows reads one byte */
	OPT_BUF,         /* SO_SNDBUF/SO_RCVBUF: Linux reports twice what it was given */
	OPT_LINGER,
	OPT_DONTLINGER,  /* SO_DONTLINGER: !l_onoff */
	OPT_ERROR,       /* SO_ERROR: the pending error as an NTSTATUS */
	OPT_TYPE,        /* SO_TYPE */
	OPT_ACCEPTCONN,
	OPT_RCVTIMEO,    /* kept: ws2_32's waits use them */
	OPT_SNDTIMEO,
	OPT_EXCLUSIVE,   /* SO_EXCLUSIVEADDRUSE: kept */
	OPT_REUSEADDR,   /* Linux's, and kept: bind's error depends on it */
};

struct opt_row {
	int win_level, win_name;
	int level, name;
	enum opt_kind kind;
};

static const struct opt_row rows[] = {
	{ WIN_SOL_SOCKET, 0x0002, 0, 0, OPT_ACCEPTCONN },
	{ WIN_SOL_SOCKET, 0x0004, SOL_SOCKET, SO_REUSEADDR, OPT_REUSEADDR },
	{ WIN_SOL_SOCKET, 0x0008, SOL_SOCKET, SO_KEEPALIVE, OPT_BOOL },
	{ WIN_SOL_SOCKET, 0x0010, SOL_SOCKET, SO_DONTROUTE, OPT_BOOL },
	{ WIN_SOL_SOCKET, 0x0020, SOL_SOCKET, SO_BROADCAST, OPT_BOOL },
	{ WIN_SOL_SOCKET, 0x0080, SOL_SOCKET, SO_LINGER, OPT_LINGER },
	{ WIN_SOL_SOCKET, 0x0100, SOL_SOCKET, SO_OOBINLINE, OPT_BOOL },
	{ WIN_SOL_SOCKET, ~0x0080, SOL_SOCKET, SO_LINGER, OPT_DONTLINGER },
	{ WIN_SOL_SOCKET, ~0x0004, 0, 0, OPT_EXCLUSIVE },
	{ WIN_SOL_SOCKET, 0x1001, SOL_SOCKET, SO_SNDBUF, OPT_BUF },
	{ WIN_SOL_SOCKET, 0x1002, SOL_SOCKET, SO_RCVBUF, OPT_BUF },
	{ WIN_SOL_SOCKET, 0x1005, 0, 0, OPT_SNDTIMEO },
	{ WIN_SOL_SOCKET, 0x1006, 0, 0, OPT_RCVTIMEO },
	{ WIN_SOL_SOCKET, 0x1007, SOL_SOCKET, SO_ERROR, OPT_ERROR },
	{ WIN_SOL_SOCKET, 0x1008, 0, 0, OPT_TYPE },
	{ WIN_IPPROTO_TCP, 1, IPPROTO_TCP, TCP_NODELAY, OPT_BOOL_BYTE },
	{ WIN_IPPROTO_TCP, 3, IPPROTO_TCP, TCP_KEEPIDLE, OPT_INT },
	{ WIN_IPPROTO_TCP, 4, IPPROTO_TCP, TCP_MAXSEG, OPT_INT },
	{ WIN_IPPROTO_TCP, 16, IPPROTO_TCP, TCP_KEEPCNT, OPT_INT },
	{ WIN_IPPROTO_TCP, 17, IPPROTO_TCP, TCP_KEEPINTVL, OPT_INT },
	{ WIN_IPPROTO_IP, 3, IPPROTO_IP, IP_TOS, OPT_INT },
	{ WIN_IPPROTO_IP, 4, IPPROTO_IP, IP_TTL, OPT_INT },
	{ WIN_IPPROTO_IP, 10, IPPROTO_IP, IP_MULTICAST_TTL, OPT_INT },
	{ WIN_IPPROTO_IP, 11, IPPROTO_IP, IP_MULTICAST_LOOP, OPT_BOOL },
	/* control data WSARecvMsg gives (socket_cmsg.c) */
	{ WIN_IPPROTO_IP, 19, IPPROTO_IP, IP_PKTINFO, OPT_BOOL },
	{ WIN_IPPROTO_IP, 21, IPPROTO_IP, IP_RECVTTL, OPT_BOOL },
	{ WIN_IPPROTO_IP, 40, IPPROTO_IP, IP_RECVTOS, OPT_BOOL },
	{ WIN_IPPROTO_IPV6, 19, IPPROTO_IPV6, IPV6_RECVPKTINFO, OPT_BOOL },
	{ WIN_IPPROTO_IPV6, 21, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, OPT_BOOL },
	{ WIN_IPPROTO_IPV6, 40, IPPROTO_IPV6, IPV6_RECVTCLASS, OPT_BOOL },
	{ WIN_IPPROTO_IPV6, 4, IPPROTO_IPV6, IPV6_UNICAST_HOPS, OPT_INT },
	{ WIN_IPPROTO_IPV6, 10, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, OPT_INT },
	{ WIN_IPPROTO_IPV6, 11, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, OPT_BOOL },
	{ WIN_IPPROTO_IPV6, 27, IPPROTO_IPV6, IPV6_V6ONLY, OPT_BOOL },
};

/* Options of datagrams only (multicast, control data): a stream socket's
 * are WSAEINVAL (Wine's ws2_32 option validity tests, as Windows says). */
static bool datagram_only(int level, int name)
{
	return (level == WIN_IPPROTO_IP || level == WIN_IPPROTO_IPV6) &&
	       (name == 9 || name == 10 || name == 11 || name == 19 || name == 21 || name == 40);
}

/* The row of an option, NULL: none; *st says why. */
static const struct opt_row *find(const struct lsw_socket *s, const uint8_t *in, NTSTATUS *st)
{
	struct lsw_sock_option o;

	memcpy(&o, in, sizeof(o));
	*st = LSW_STATUS_NOT_FOUND;
	if ((o.level == WIN_IPPROTO_IPV6 && s->family != LSW_AF_INET6) ||
	    (o.level == WIN_IPPROTO_TCP && s->type != 1) ||
	    (s->type == 1 && datagram_only(o.level, o.name))) {
		*st = LSW_STATUS_INVALID_PARAMETER; /* Windows: WSAEINVAL, not ENOPROTOOPT */
		return NULL;
	}
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (rows[i].win_level == o.level && rows[i].win_name == o.name)
			return &rows[i];
	return NULL;
}

/* The value Windows reports, 4 bytes. */
static NTSTATUS get_value(const struct file_object *f, const struct opt_row *row, uint32_t *v)
{
	const struct lsw_socket *s = f->sock;
	struct linger l;
	socklen_t len = sizeof(int);
	int i = 0;

	switch (row->kind) {
	case OPT_TYPE: *v = (uint32_t)s->type; return LSW_STATUS_SUCCESS;
	case OPT_ACCEPTCONN: *v = s->listening; return LSW_STATUS_SUCCESS;
	case OPT_RCVTIMEO: *v = s->recv_timeout_ms; return LSW_STATUS_SUCCESS;
	case OPT_SNDTIMEO: *v = s->send_timeout_ms; return LSW_STATUS_SUCCESS;
	case OPT_EXCLUSIVE: *v = s->exclusive; return LSW_STATUS_SUCCESS;
	case OPT_LINGER:
	case OPT_DONTLINGER:
		len = sizeof(l);
		if (getsockopt(f->fd, SOL_SOCKET, SO_LINGER, &l, &len) < 0)
			return sock_errno_status(errno);
		if (row->kind == OPT_DONTLINGER)
			*v = !l.l_onoff;
		else /* struct linger { u_short l_onoff, l_linger; } */
			*v = (uint32_t)(l.l_onoff ? 1 : 0) | (uint32_t)(l.l_linger & 0xffff) << 16;
		return LSW_STATUS_SUCCESS;
	default:
		break;
	}
	if (getsockopt(f->fd, row->level, row->name, &i, &len) < 0)
		return sock_errno_status(errno);
	if (row->kind == OPT_ERROR)
		*v = i ? sock_errno_status(i) : 0;
	else if (row->kind == OPT_BUF)
		*v = (uint32_t)i / 2;
	else if (row->kind == OPT_BOOL || row->kind == OPT_BOOL_BYTE || row->kind == OPT_REUSEADDR)
		*v = i != 0;
	else
		*v = (uint32_t)i;
	return LSW_STATUS_SUCCESS;
}

NTSTATUS sock_get_option(struct sock_request *r)
{
	const struct opt_row *row;
	uint32_t v = 0;
	NTSTATUS st;

	if (r->in_len != sizeof(struct lsw_sock_option))
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(row = find(r->f->sock, r->in, &st)))
		return st;
	if (r->out_len < sizeof(v))
		return LSW_STATUS_BUFFER_TOO_SMALL;
	if ((st = get_value(r->f, row, &v)) != LSW_STATUS_SUCCESS)
		return st;
	if (tracee_write(r->c->thread, r->out, &v, sizeof(v)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	r->done = sizeof(v);
	return LSW_STATUS_SUCCESS;
}

/* The value: 1 to 4 bytes of the caller's (a BOOL may be given as one
 * char, as Windows takes it), little-endian. */
static NTSTATUS value_of(struct nt_call *c, const struct lsw_sock_option *o,
			 const struct opt_row *row, uint32_t *v)
{
	uint32_t need = row->kind == OPT_BOOL || row->kind == OPT_BOOL_BYTE ||
				row->kind == OPT_REUSEADDR || row->kind == OPT_EXCLUSIVE ||
				row->kind == OPT_DONTLINGER ? 1u : 4u;
	uint32_t take = row->kind == OPT_BOOL_BYTE ? 1u : o->len < 4 ? o->len : 4u;

	*v = 0;
	if (o->len < need)
		return LSW_STATUS_BUFFER_TOO_SMALL;
	return tracee_read(c->thread, o->value, v, take) < 0 ? LSW_STATUS_ACCESS_VIOLATION
							    : LSW_STATUS_SUCCESS;
}

static NTSTATUS set_value(struct file_object *f, const struct opt_row *row, uint32_t v)
{
	struct lsw_socket *s = f->sock;
	struct linger l = { 0, 0 };
	int i = (int)v;

	switch (row->kind) {
	case OPT_TYPE:
	case OPT_ACCEPTCONN:
	case OPT_ERROR:
		return LSW_STATUS_NOT_FOUND; /* read-only: WSAENOPROTOOPT */
	case OPT_RCVTIMEO: s->recv_timeout_ms = v; return LSW_STATUS_SUCCESS;
	case OPT_SNDTIMEO: s->send_timeout_ms = v; return LSW_STATUS_SUCCESS;
	case OPT_EXCLUSIVE: s->exclusive = v != 0; return LSW_STATUS_SUCCESS;
	case OPT_LINGER:
		l.l_onoff = (v & 0xffff) != 0;
		l.l_linger = (int)(v >> 16);
		break;
	case OPT_DONTLINGER:
		l.l_onoff = v == 0;
		break;
	case OPT_REUSEADDR:
		s->reuse = v != 0;
		i = v != 0;
		break;
	case OPT_BOOL:
	case OPT_BOOL_BYTE:
		i = v != 0;
		break;
	default:
		break;
	}
	if (row->kind == OPT_LINGER || row->kind == OPT_DONTLINGER)
		return setsockopt(f->fd, SOL_SOCKET, SO_LINGER, &l, sizeof(l)) < 0
			       ? sock_errno_status(errno) : LSW_STATUS_SUCCESS;
	return setsockopt(f->fd, row->level, row->name, &i, sizeof(i)) < 0 ? sock_errno_status(errno)
									   : LSW_STATUS_SUCCESS;
}

/* Input: lsw_sock_option, naming the value (1 to 4 bytes for a BOOL, 4
 * for the others; fewer is WSAEFAULT). */
NTSTATUS sock_set_option(struct sock_request *r)
{
	struct lsw_sock_option o;
	const struct opt_row *row;
	uint32_t v;
	NTSTATUS st;

	if (r->in_len != sizeof(o))
		return LSW_STATUS_INVALID_PARAMETER;
	memcpy(&o, r->in, sizeof(o));
	if (!(row = find(r->f->sock, r->in, &st)))
		return st;
	if ((st = value_of(r->c, &o, row, &v)) != LSW_STATUS_SUCCESS)
		return st;
	return set_value(r->f, row, v);
}
