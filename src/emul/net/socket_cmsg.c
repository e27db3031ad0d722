/*
 * WSARecvMsg's control data: what Linux's recvmsg gave (IP_PKTINFO,
 * IP_TTL, IP_TOS and their IPv6 kin, asked for with the options of
 * socket_option.c) as Windows' WSACMSGHDRs { SIZE_T cmsg_len; INT level;
 * INT type; } + data, each at an 8-byte boundary (WSA_CMSG_SPACE), with
 * Windows' type numbers and data layouts (ws2ipdef.h).  Control data that
 * does not fit sets MSG_CTRUNC, and the receive fails with WSAEMSGSIZE
 * though its data arrived (Wine's ws2_32 tests, as Windows does).
 */
#include <netinet/in.h>
#include <string.h>
#include "emul/net/socket.h"

#define WIN_IP_TOS 3
#define WIN_IP_TTL 4
#define WIN_IP_PKTINFO 19
#define WIN_IPV6_PKTINFO 19
#define WIN_IPV6_HOPLIMIT 21
#define WIN_IPV6_TCLASS 39
#define WIN_MSG_CTRUNC 0x0200
#define CMSG_HEAD 16u

static uint32_t space(uint32_t len)
{
	return (CMSG_HEAD + len + 7u) & ~7u;
}

/* One Linux control message as Windows' (its data into data): its type,
 * -1 for one Windows does not give. */
static int windows_cmsg(const struct cmsghdr *h, uint8_t data[20], uint32_t *len)
{
	int32_t v;

	if (h->cmsg_level == IPPROTO_IP && h->cmsg_type == IP_PKTINFO) {
		const struct in_pktinfo *p = (const struct in_pktinfo *)CMSG_DATA(h);
		uint32_t index = (uint32_t)p->ipi_ifindex;

		memcpy(data, &p->ipi_addr, 4); /* IN_PKTINFO { ipi_addr; ipi_ifindex } */
		memcpy(data + 4, &index, 4);
		*len = 8;
		return WIN_IP_PKTINFO;
	}
	if (h->cmsg_level == IPPROTO_IPV6 && h->cmsg_type == IPV6_PKTINFO) {
		const struct in6_pktinfo *p = (const struct in6_pktinfo *)CMSG_DATA(h);
		uint32_t index = (uint32_t)p->ipi6_ifindex;

		memcpy(data, &p->ipi6_addr, 16);
		memcpy(data + 16, &index, 4);
		*len = 20;
		return WIN_IPV6_PKTINFO;
	}
	*len = 4;
	if (h->cmsg_level == IPPROTO_IP && h->cmsg_type == IP_TOS) {
		v = *(const uint8_t *)CMSG_DATA(h); /* one byte on Linux, an INT on Windows */
		memcpy(data, &v, 4);
		return WIN_IP_TOS;
	}
	if (h->cmsg_level == IPPROTO_IP && h->cmsg_type == IP_TTL) {
		memcpy(data, CMSG_DATA(h), 4);
		return WIN_IP_TTL;
	}
	if (h->cmsg_level == IPPROTO_IPV6 && h->cmsg_type == IPV6_HOPLIMIT) {
		memcpy(data, CMSG_DATA(h), 4);
		return WIN_IPV6_HOPLIMIT;
	}
	if (h->cmsg_level == IPPROTO_IPV6 && h->cmsg_type == IPV6_TCLASS) {
		memcpy(data, CMSG_DATA(h), 4);
		return WIN_IPV6_TCLASS;
	}
	return -1;
}

NTSTATUS sock_give_control(struct lsw_thread *t, const struct lsw_sock_control *c,
			   struct msghdr *m)
{
	uint32_t room, used = 0, flags = 0;
	uint8_t out[CMSG_HEAD + 24];

	if (!c->control_len)
		return LSW_STATUS_SUCCESS;
	if (tracee_read(t, c->control_len, &room, sizeof(room)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!c->control)
		room = 0;
	for (struct cmsghdr *h = m->msg_controllen ? CMSG_FIRSTHDR(m) : NULL; h;
	     h = CMSG_NXTHDR(m, h)) {
		uint32_t len;
		int type = windows_cmsg(h, out + CMSG_HEAD, &len);
		uint64_t cmsg_len = CMSG_HEAD + len;
		int32_t level = h->cmsg_level, win_type = type;

		if (type < 0)
			continue;
		if (used + space(len) > room) {
			flags |= WIN_MSG_CTRUNC;
			break;
		}
		memcpy(out, &cmsg_len, 8);
		memcpy(out + 8, &level, 4);
		memcpy(out + 12, &win_type, 4);
		memset(out + CMSG_HEAD + len, 0, space(len) - CMSG_HEAD - len);
		if (tracee_write(t, c->control + used, out, space(len)) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		used += space(len);
	}
	if (m->msg_flags & MSG_CTRUNC)
		flags |= WIN_MSG_CTRUNC;
	if (tracee_write(t, c->control_len, &used, sizeof(used)) < 0 ||
	    (c->msg_flags && tracee_write(t, c->msg_flags, &flags, sizeof(flags)) < 0))
		return LSW_STATUS_ACCESS_VIOLATION;
	return flags ? (NTSTATUS)LSW_STATUS_BUFFER_OVERFLOW : LSW_STATUS_SUCCESS;
}
