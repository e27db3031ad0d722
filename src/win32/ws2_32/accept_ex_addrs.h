/*
 * Where AcceptEx leaves the addresses in its buffer, for ws2_32's AcceptEx
 * (the supervisor writes them: IOCTL_LSW_SOCKET_ACCEPT_INTO) and for
 * GetAcceptExSockaddrs in ws2_32 and mswsock: after the data_len bytes of
 * data, local_len bytes start with the local SOCKADDR_IN or SOCKADDR_IN6,
 * then remote_len bytes with the peer's; a part with no room for an
 * address and 16 bytes more holds none, and its outputs are left as they
 * are (as Windows does in Wine's ws2_32 tests).  The layout is private to
 * these functions on Windows too.
 */
#ifndef LSW_ACCEPT_EX_ADDRS_H
#define LSW_ACCEPT_EX_ADDRS_H

static inline int accept_ex_addr_len(const struct sockaddr *a)
{
	return a->sa_family == AF_INET6 ? (int)sizeof(struct sockaddr_in6)
					 : (int)sizeof(struct sockaddr_in);
}

static inline void accept_ex_addrs(void *buf, DWORD data_len, DWORD local_len, DWORD remote_len,
				   struct sockaddr **local, int *local_size,
				   struct sockaddr **remote, int *remote_size)
{
	struct sockaddr *l = (struct sockaddr *)((char *)buf + data_len);
	struct sockaddr *r = (struct sockaddr *)((char *)buf + data_len + local_len);

	if (local_len >= sizeof(struct sockaddr_in) + 16) {
		if (local)
			*local = l;
		if (local_size)
			*local_size = accept_ex_addr_len(l);
	}
	if (remote_len >= sizeof(struct sockaddr_in) + 16) {
		if (remote)
			*remote = r;
		if (remote_size)
			*remote_size = accept_ex_addr_len(r);
	}
}

#endif
