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
	OPT_BUF,         /* SO_SNDBUF/SO_RCVBUF: Linux reports twice what it was given,
			  * at least its minimum; Windows what it was given */
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

/* LEN_TABLE: how Windows takes a value's length (Wine's ws2_32 test_set_getsockopt
 * table, which passes on Windows).  A get of 4 bytes or more gives 4; a
 * set reads at most 4 (a length of -1 is taken as large by SOL_SOCKET's
 * options of 4 bytes, WSAENOBUFS for the others). */
enum opt_len {
	LEN_INT,    /* 4 bytes: shorter is WSAEFAULT (a get leaves *len) */
	LEN_ZEROED, /* as LEN_INT, but a short get zeroes what it was given */
	LEN_BOOL,   /* SOL_SOCKET's BOOLs: a set takes 0 to 3 bytes too (0
		     * changes nothing); a get of 2 or 3 writes 2, of 1 one,
		     * and says 1 */
	LEN_BYTE,   /* one byte, whatever the length: a get says 1 */
	LEN_SMALL,  /* IP levels' ints: a set takes 1 to 3 bytes, a short get
		     * writes and says 1 */
	LEN_CMSG,   /* control data switches: 4 bytes; a short get says 0 */
};

struct opt_row {
	int win_level, win_name;
	int level, name;
	enum opt_kind kind;
	enum opt_len len;
	uint32_t max;    /* the largest value a set takes (WSAEINVAL past it) */
};

#define ANY UINT32_MAX

static const struct opt_row rows[] = {
	{ WIN_SOL_SOCKET, 0x0002, 0, 0, OPT_ACCEPTCONN, LEN_INT, ANY },
	{ WIN_SOL_SOCKET, 0x0004, SOL_SOCKET, SO_REUSEADDR, OPT_REUSEADDR, LEN_BOOL, ANY },
	{ WIN_SOL_SOCKET, 0x0008, SOL_SOCKET, SO_KEEPALIVE, OPT_BOOL, LEN_BYTE, ANY },
	{ WIN_SOL_SOCKET, 0x0010, SOL_SOCKET, SO_DONTROUTE, OPT_BOOL, LEN_BYTE, ANY },
	{ WIN_SOL_SOCKET, 0x0020, SOL_SOCKET, SO_BROADCAST, OPT_BOOL, LEN_BOOL, ANY },
	{ WIN_SOL_SOCKET, 0x0080, SOL_SOCKET, SO_LINGER, OPT_LINGER, LEN_ZEROED, ANY },
	{ WIN_SOL_SOCKET, 0x0100, SOL_SOCKET, SO_OOBINLINE, OPT_BOOL, LEN_BOOL, ANY },
	{ WIN_SOL_SOCKET, ~0x0080, SOL_SOCKET, SO_LINGER, OPT_DONTLINGER, LEN_BOOL, ANY },
	{ WIN_SOL_SOCKET, ~0x0004, 0, 0, OPT_EXCLUSIVE, LEN_BOOL, ANY },
	{ WIN_SOL_SOCKET, 0x1001, SOL_SOCKET, SO_SNDBUF, OPT_BUF, LEN_ZEROED, ANY },
	{ WIN_SOL_SOCKET, 0x1002, SOL_SOCKET, SO_RCVBUF, OPT_BUF, LEN_ZEROED, ANY },
	{ WIN_SOL_SOCKET, 0x1005, 0, 0, OPT_SNDTIMEO, LEN_INT, ANY },
	{ WIN_SOL_SOCKET, 0x1006, 0, 0, OPT_RCVTIMEO, LEN_INT, ANY },
	{ WIN_SOL_SOCKET, 0x1007, SOL_SOCKET, SO_ERROR, OPT_ERROR, LEN_INT, ANY },
	{ WIN_SOL_SOCKET, 0x1008, 0, 0, OPT_TYPE, LEN_INT, ANY },
	{ WIN_IPPROTO_TCP, 1, IPPROTO_TCP, TCP_NODELAY, OPT_BOOL, LEN_BYTE, ANY },
	{ WIN_IPPROTO_TCP, 3, IPPROTO_TCP, TCP_KEEPIDLE, OPT_INT, LEN_INT, ANY },
	{ WIN_IPPROTO_TCP, 4, IPPROTO_TCP, TCP_MAXSEG, OPT_INT, LEN_INT, ANY },
	{ WIN_IPPROTO_TCP, 16, IPPROTO_TCP, TCP_KEEPCNT, OPT_INT, LEN_INT, ANY },
	{ WIN_IPPROTO_TCP, 17, IPPROTO_TCP, TCP_KEEPINTVL, OPT_INT, LEN_INT, ANY },
	{ WIN_IPPROTO_IP, 3, IPPROTO_IP, IP_TOS, OPT_INT, LEN_SMALL, 255 },
	{ WIN_IPPROTO_IP, 4, IPPROTO_IP, IP_TTL, OPT_INT, LEN_SMALL, 255 },
	{ WIN_IPPROTO_IP, 10, IPPROTO_IP, IP_MULTICAST_TTL, OPT_INT, LEN_SMALL, 255 },
	{ WIN_IPPROTO_IP, 11, IPPROTO_IP, IP_MULTICAST_LOOP, OPT_BOOL, LEN_SMALL, ANY },
	/* control data WSARecvMsg gives (socket_cmsg.c) */
	{ WIN_IPPROTO_IP, 19, IPPROTO_IP, IP_PKTINFO, OPT_BOOL, LEN_CMSG, ANY },
	{ WIN_IPPROTO_IP, 21, IPPROTO_IP, IP_RECVTTL, OPT_BOOL, LEN_CMSG, ANY },
	{ WIN_IPPROTO_IP, 40, IPPROTO_IP, IP_RECVTOS, OPT_BOOL, LEN_CMSG, ANY },
	{ WIN_IPPROTO_IPV6, 19, IPPROTO_IPV6, IPV6_RECVPKTINFO, OPT_BOOL, LEN_CMSG, ANY },
	{ WIN_IPPROTO_IPV6, 21, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, OPT_BOOL, LEN_CMSG, ANY },
	{ WIN_IPPROTO_IPV6, 40, IPPROTO_IPV6, IPV6_RECVTCLASS, OPT_BOOL, LEN_CMSG, ANY },
	{ WIN_IPPROTO_IPV6, 4, IPPROTO_IPV6, IPV6_UNICAST_HOPS, OPT_INT, LEN_SMALL, 255 },
	{ WIN_IPPROTO_IPV6, 10, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, OPT_INT, LEN_SMALL, 255 },
	{ WIN_IPPROTO_IPV6, 11, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, OPT_BOOL, LEN_SMALL, ANY },
	{ WIN_IPPROTO_IPV6, 27, IPPROTO_IPV6, IPV6_V6ONLY, OPT_BOOL, LEN_BYTE, ANY },
	{ WIN_IPPROTO_IPV6, 14, IPPROTO_IPV6, IPV6_DONTFRAG, OPT_BOOL, LEN_SMALL, ANY },
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

/* The size SO_SNDBUF or SO_RCVBUF was given (0: never). */
static uint32_t *buffer_size(struct lsw_socket *s, const struct opt_row *row)
{
	return row->name == SO_SNDBUF ? &s->sndbuf : &s->rcvbuf;
}

/* The value Windows reports, 4 bytes. */
static NTSTATUS get_value(const struct file_object *f, const struct opt_row *row, uint32_t *v)
{
	struct lsw_socket *s = f->sock;
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
		else /* struct linger { u_short l_onoff, l_linger; }: l_onoff as given */
			*v = (uint32_t)(l.l_onoff ? (s->linger_onoff ? s->linger_onoff : 1) : 0) |
			     (uint32_t)(l.l_linger & 0xffff) << 16;
		return LSW_STATUS_SUCCESS;
	default:
		break;
	}
	if (getsockopt(f->fd, row->level, row->name, &i, &len) < 0)
		return sock_errno_status(errno);
	if (row->kind == OPT_ERROR)
		*v = i ? sock_errno_status(i) : 0;
	else if (row->kind == OPT_BUF) /* as given, as Windows keeps it */
		*v = *buffer_size(s, row) ? *buffer_size(s, row) : (uint32_t)i / 2;
	else if (row->kind == OPT_BOOL || row->kind == OPT_REUSEADDR)
		*v = i != 0;
	else
		*v = (uint32_t)i;
	return LSW_STATUS_SUCCESS;
}

/* How much of the value a get with room bytes writes (*put) and says
 * it wrote (*said).  A failed one is STATUS_BUFFER_OVERFLOW, which still
 * tells *said: what the caller's length becomes (LEN_TABLE above). */
static NTSTATUS get_length(const struct opt_row *row, uint32_t room, uint32_t *put,
			   uint32_t *said)
{
	*put = *said = row->len == LEN_BYTE ? 1 : 4;
	if (room >= 4)
		return LSW_STATUS_SUCCESS;
	switch (row->len) {
	case LEN_BYTE:
		return LSW_STATUS_SUCCESS;
	case LEN_SMALL:
	case LEN_BOOL:
		*put = row->len == LEN_BOOL && room >= 2 ? 2 : 1;
		*said = 1;
		return LSW_STATUS_SUCCESS;
	case LEN_ZEROED:
		*put = *said = room;
		return LSW_STATUS_BUFFER_OVERFLOW;
	case LEN_CMSG:
		*put = *said = 0;
		return LSW_STATUS_BUFFER_OVERFLOW;
	default:
		*put = 0;
		*said = room;
		return LSW_STATUS_BUFFER_OVERFLOW;
	}
}

/* Output: the value, as much of it as get_length says. */
NTSTATUS sock_get_option(struct sock_request *r)
{
	const struct opt_row *row;
	uint32_t v = 0, put, said;
	NTSTATUS st, fits;

	if (r->in_len != sizeof(struct lsw_sock_option))
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(row = find(r->f->sock, r->in, &st)))
		return st;
	if (!r->out_len)
		return LSW_STATUS_BUFFER_TOO_SMALL;
	fits = get_length(row, r->out_len, &put, &said);
	if (fits == LSW_STATUS_SUCCESS && (st = get_value(r->f, row, &v)) != LSW_STATUS_SUCCESS)
		return st;
	if (tracee_write(r->c->thread, r->out, &v, put) < 0) /* a short one's are zeros */
		return LSW_STATUS_ACCESS_VIOLATION;
	r->done = said;
	return fits;
}

/* The value of a set of o->len bytes (LEN_TABLE above), little-endian;
 * *keep: a length that changes nothing. */
static NTSTATUS value_of(struct nt_call *c, const struct lsw_sock_option *o,
			 const struct opt_row *row, uint32_t *v, bool *keep)
{
	int32_t len = (int32_t)o->len;
	bool short_ok = row->len == LEN_BOOL || row->len == LEN_BYTE || row->len == LEN_SMALL;
	uint32_t take = row->len == LEN_BYTE ? 1u : len < 0 || len > 4 ? 4u : (uint32_t)len;

	*v = 0;
	*keep = false;
	if (len < 0 && (row->win_level != WIN_SOL_SOCKET || row->len == LEN_BYTE))
		return LSW_STATUS_INSUFFICIENT_RESOURCES; /* WSAENOBUFS */
	if (len == 0 && row->len == LEN_BOOL)
		return *keep = true, LSW_STATUS_SUCCESS;
	if (len == 0 || (len > 0 && len < 4 && !short_ok))
		return LSW_STATUS_BUFFER_TOO_SMALL;
	if (tracee_read(c->thread, o->value, v, take) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return *v > row->max ? LSW_STATUS_INVALID_PARAMETER : LSW_STATUS_SUCCESS;
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
		s->linger_onoff = (uint16_t)v;
		l.l_onoff = (v & 0xffff) != 0;
		l.l_linger = (int)(v >> 16);
		break;
	case OPT_DONTLINGER:
		s->linger_onoff = 0;
		l.l_onoff = v == 0;
		break;
	case OPT_BUF:
		*buffer_size(s, row) = v;
		break;
	case OPT_REUSEADDR:
		s->reuse = v != 0;
		i = v != 0;
		break;
	case OPT_BOOL:
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
	bool keep;

	if (r->in_len != sizeof(o))
		return LSW_STATUS_INVALID_PARAMETER;
	memcpy(&o, r->in, sizeof(o));
	if (!(row = find(r->f->sock, r->in, &st)))
		return st;
	if ((st = value_of(r->c, &o, row, &v, &keep)) != LSW_STATUS_SUCCESS || keep)
		return st;
	return set_value(r->f, row, v);
}
