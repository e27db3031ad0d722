/* getaddrinfo / GetAddrInfoW and their frees.  Without a network the
 * names that resolve are numeric addresses, "localhost" and the
 * computer's own name (both to the loopback addresses, IPv6 first as on
 * Windows), and no name (the wildcard address with AI_PASSIVE, else
 * loopback); any other name is EAI_NONAME (WSAHOST_NOT_FOUND).  Each
 * address gives one result with the socket type and protocol asked (0
 * when none was, as on Windows). */
#include "ws_private.h"

struct found {
	int family;
	struct sockaddr_in6 sa; /* a sockaddr_in for AF_INET */
};

#define ALL_AI_FLAGS 0x000FFFFF

static void put_v4(struct found *f, ULONG host_order)
{
	struct sockaddr_in *s = (struct sockaddr_in *)&f->sa;

	memset(f, 0, sizeof(*f));
	f->family = AF_INET;
	s->sin_family = AF_INET;
	s->sin_addr.s_addr = htonl(host_order);
}

static void put_v6(struct found *f, const struct in6_addr *a, ULONG scope)
{
	memset(f, 0, sizeof(*f));
	f->family = AF_INET6;
	f->sa.sin6_family = AF_INET6;
	f->sa.sin6_addr = *a;
	f->sa.sin6_scope_id = scope;
}

/* Loopback or wildcard addresses of the family asked, IPv6 first. */
static int well_known(int family, BOOL any, struct found out[2])
{
	int n = 0;

	if (family != AF_INET)
		put_v6(&out[n++], any ? &ws_in6_any : &ws_in6_loopback, 0);
	if (family != AF_INET6)
		put_v4(&out[n++], any ? INADDR_ANY : INADDR_LOOPBACK);
	return n;
}

static int resolve_node(const char *node, int family, int flags, struct found out[2], int *n)
{
	struct in_addr a4;
	struct in6_addr a6;
	ULONG scope;

	if (!node) {
		*n = well_known(family, (flags & AI_PASSIVE) != 0, out);
		return 0;
	}
	if (ws_parse_ipv4(node, &a4)) {
		if (family == AF_INET6)
			return EAI_NONAME;
		put_v4(&out[0], ntohl(a4.s_addr));
	} else if (ws_parse_ipv6(node, &a6, &scope)) {
		if (family == AF_INET)
			return EAI_NONAME;
		put_v6(&out[0], &a6, scope);
	} else if (!(flags & AI_NUMERICHOST) && ws_is_local_name(node)) {
		*n = well_known(family, FALSE, out);
		return 0;
	} else {
		return EAI_NONAME; /* a name only a DNS server could answer */
	}
	*n = 1;
	return 0;
}

static int resolve_port(const char *service, int socktype, int flags, USHORT *port)
{
	const char *proto = socktype == SOCK_STREAM ? "tcp" : socktype == SOCK_DGRAM ? "udp" : NULL;
	ULONG v = 0;
	const char *p;

	*port = 0;
	if (!service || !*service)
		return 0;
	for (p = service; *p >= '0' && *p <= '9' && v <= 65535; p++)
		v = v * 10 + (ULONG)(*p - '0');
	if (!*p)
		return v <= 65535 ? (*port = htons((USHORT)v), 0) : EAI_SERVICE;
	if (flags & AI_NUMERICSERV)
		return EAI_NONAME;
	return (*port = ws_service_port(service, proto)) ? 0 : EAI_SERVICE;
}

static int check_hints(const ADDRINFOA *h, const char *node)
{
	if (!h)
		return 0;
	if (h->ai_addrlen || h->ai_canonname || h->ai_addr || h->ai_next)
		return EAI_FAIL;
	if (h->ai_family != AF_UNSPEC && h->ai_family != AF_INET && h->ai_family != AF_INET6)
		return EAI_FAMILY;
	if (h->ai_socktype < 0 || h->ai_socktype > SOCK_SEQPACKET)
		return EAI_SOCKTYPE;
	if ((h->ai_flags & ~ALL_AI_FLAGS) || ((h->ai_flags & AI_CANONNAME) && !node))
		return EAI_BADFLAGS;
	return 0;
}

/* One result in one allocation: the addrinfo, its address, its name. */
static ADDRINFOA *entry(const struct found *f, const ADDRINFOA *h, USHORT port,
			const char *canon, BOOL wide)
{
	size_t name_bytes = canon ? (strlen(canon) + 1) * (wide ? 2 : 1) : 0;
	ADDRINFOA *ai = ws_alloc(sizeof(*ai) + sizeof(f->sa) + name_bytes);
	struct sockaddr_in6 *sa;

	if (!ai)
		return NULL;
	sa = (struct sockaddr_in6 *)(ai + 1);
	*sa = f->sa;
	sa->sin6_port = port; /* sin_port is at the same offset */
	ai->ai_family = f->family;
	ai->ai_socktype = h ? h->ai_socktype : 0;
	ai->ai_protocol = h ? h->ai_protocol : 0;
	ai->ai_addrlen = f->family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(*sa);
	ai->ai_addr = (struct sockaddr *)sa;
	if (canon) {
		ai->ai_canonname = (char *)(sa + 1);
		if (wide)
			ws_widen(canon, (WCHAR *)ai->ai_canonname);
		else
			strcpy(ai->ai_canonname, canon);
	}
	return ai;
}

static void free_chain(ADDRINFOA *ai)
{
	while (ai) {
		ADDRINFOA *next = ai->ai_next;

		ws_free(ai);
		ai = next;
	}
}

/* The work of getaddrinfo and GetAddrInfoW (wide: ADDRINFOW results,
 * which have the same layout with a wide ai_canonname). */
static int lookup(const char *node, const char *service, const ADDRINFOA *h, ADDRINFOA **res,
		  BOOL wide)
{
	int flags = h ? h->ai_flags : 0, n = 0, err;
	struct found found[2];
	ADDRINFOA *head = NULL, **tail = &head;
	USHORT port;

	if (!res)
		return WSAEFAULT;
	*res = NULL;
	if ((err = ws_not_started()) || (!node && !service && (err = EAI_NONAME)) ||
	    (err = check_hints(h, node)) ||
	    (err = resolve_port(service, h ? h->ai_socktype : 0, flags, &port)) ||
	    (err = resolve_node(node, h ? h->ai_family : AF_UNSPEC, flags, found, &n)))
		return err;
	for (int i = 0; i < n; i++) {
		if (!(*tail = entry(&found[i], h, port, i == 0 && (flags & AI_CANONNAME) ? node : NULL,
				    wide))) {
			free_chain(head);
			return EAI_MEMORY;
		}
		tail = &(*tail)->ai_next;
	}
	*res = head;
	return 0;
}

WS_API INT WSAAPI getaddrinfo(PCSTR node, PCSTR service, const ADDRINFOA *hints, PADDRINFOA *res)
{
	int err = lookup(node, service, hints, res, FALSE);

	if (err)
		WSASetLastError(err);
	return err;
}

WS_API INT WSAAPI GetAddrInfoW(PCWSTR node, PCWSTR service, const ADDRINFOW *hints, PADDRINFOW *res)
{
	char *a_node = ws_narrow(node), *a_service = ws_narrow(service);
	int err = (node && !a_node) || (service && !a_service)
			  ? EAI_MEMORY
			  : lookup(a_node, a_service, (const ADDRINFOA *)hints, (ADDRINFOA **)res, TRUE);

	ws_free(a_node);
	ws_free(a_service);
	if (err)
		WSASetLastError(err);
	return err;
}

WS_API VOID WSAAPI freeaddrinfo(PADDRINFOA ai)
{
	free_chain(ai);
}

WS_API VOID WSAAPI FreeAddrInfoW(PADDRINFOW ai)
{
	free_chain((ADDRINFOA *)ai);
}
