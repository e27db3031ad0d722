/* gethostname / GetHostNameW, gethostbyname and gethostbyaddr: the
 * computer's own name, "localhost" and numeric IPv4 addresses resolve
 * (to the loopback address, or themselves); any other name needs a
 * network the sandbox does not have: WSAHOST_NOT_FOUND. */
#include "ws_private.h"

WS_API int WSAAPI gethostname(char *name, int len)
{
	int err;

	if ((err = ws_not_started()))
		return ws_fail(err);
	if (!name || len <= 0 || (err = ws_host_name(name, (size_t)len)))
		return ws_fail(WSAEFAULT);
	return 0;
}

WS_API int WSAAPI GetHostNameW(PWSTR name, int len)
{
	char a[256];
	int err;

	if ((err = ws_not_started()))
		return ws_fail(err);
	if (!name || len <= 0 || ws_host_name(a, sizeof(a)) || strlen(a) + 1 > (size_t)len)
		return ws_fail(WSAEFAULT);
	ws_widen(a, name);
	return 0;
}

/* The thread's hostent for one IPv4 address under a name. */
static struct hostent *hostent_of(const char *name, struct in_addr addr)
{
	struct ws_thread *t = ws_thread_data();

	if (!t)
		return ws_fail_null(WSA_NOT_ENOUGH_MEMORY);
	lstrcpynA(t->host_name, name, sizeof(t->host_name));
	t->host_addr = addr;
	t->host_aliases[0] = NULL;
	t->host_addrs[0] = (char *)&t->host_addr;
	t->host_addrs[1] = NULL;
	t->host = (struct hostent){ t->host_name, t->host_aliases, AF_INET, 4, t->host_addrs };
	return &t->host;
}

WS_API struct hostent *WSAAPI gethostbyname(const char *name)
{
	char host[256];
	struct in_addr a;
	int err;

	if ((err = ws_not_started()))
		return ws_fail_null(err);
	if (!name || !*name) { /* documented: the local host */
		ws_host_name(host, sizeof(host));
		name = host;
	}
	if (ws_parse_ipv4(name, &a))
		return hostent_of(name, a);
	if (ws_is_local_name(name)) {
		a.s_addr = htonl(INADDR_LOOPBACK);
		return hostent_of(name, a);
	}
	return ws_fail_null(WSAHOST_NOT_FOUND);
}

/* Only the loopback address has a name without a network: the computer's. */
WS_API struct hostent *WSAAPI gethostbyaddr(const char *addr, int len, int type)
{
	char host[256];
	struct in_addr a;
	int err;

	if ((err = ws_not_started()))
		return ws_fail_null(err);
	if (!addr)
		return ws_fail_null(WSAEFAULT);
	if (type != AF_INET || len < 4)
		return ws_fail_null(type == AF_INET ? WSAEFAULT : WSAEAFNOSUPPORT);
	memcpy(&a, addr, 4);
	if ((ntohl(a.s_addr) >> 24) != 127)
		return ws_fail_null(WSAHOST_NOT_FOUND);
	ws_host_name(host, sizeof(host));
	return hostent_of(host, a);
}
