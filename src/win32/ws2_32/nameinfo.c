/* getnameinfo / GetNameInfoW: an address's host and service text.  The
 * loopback addresses are the computer's own name; any other address has
 * no name without a network, so it is given as a number (or, with
 * NI_NAMEREQD, EAI_NONAME). */
#include "ws_private.h"

static BOOL is_loopback(const struct sockaddr *sa)
{
	if (sa->sa_family == AF_INET)
		return (ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr) >> 24) == 127;
	return !memcmp(&((const struct sockaddr_in6 *)sa)->sin6_addr, &ws_in6_loopback,
		       sizeof(struct in6_addr));
}

static int host_text(const struct sockaddr *sa, int flags, char *out)
{
	if (!(flags & NI_NUMERICHOST) && is_loopback(sa))
		return ws_host_name(out, 256) ? EAI_FAIL : 0;
	if (flags & NI_NAMEREQD)
		return EAI_NONAME;
	if (sa->sa_family == AF_INET) {
		ws_format_ipv4(&((const struct sockaddr_in *)sa)->sin_addr, out);
	} else {
		const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)sa;
		char *end;

		ws_format_ipv6(&s6->sin6_addr, out);
		if (s6->sin6_scope_id) { /* fe80::1%4 */
			end = out + strlen(out);
			*end++ = '%';
			_ultoa(s6->sin6_scope_id, end, 10);
		}
	}
	return 0;
}

static void service_text(USHORT port_net, int flags, char *out)
{
	const char *proto, *name = NULL;

	if (!(flags & NI_NUMERICSERV))
		name = ws_service_name(port_net, flags & NI_DGRAM ? "udp" : "tcp", &proto);
	if (name)
		strcpy(out, name);
	else
		_ultoa(ntohs(port_net), out, 10);
}

/* Host and service text (256 and 32 bytes room), or an EAI error. */
static int describe(const SOCKADDR *sa, socklen_t len, BOOL want_host, char *host,
		    BOOL want_serv, char *serv, int flags)
{
	int err;

	if ((err = ws_not_started()))
		return err;
	if (!sa)
		return EAI_FAIL;
	if ((sa->sa_family != AF_INET && sa->sa_family != AF_INET6))
		return EAI_FAMILY;
	if (len < (sa->sa_family == AF_INET ? (int)sizeof(struct sockaddr_in)
					    : (int)sizeof(struct sockaddr_in6)))
		return EAI_FAIL;
	if (!want_host && !want_serv)
		return EAI_NONAME;
	if (want_host && (err = host_text(sa, flags, host)))
		return err;
	if (want_serv)
		service_text(((const struct sockaddr_in *)sa)->sin_port, flags, serv);
	return 0;
}

static void put_text(const char *text, void *out, BOOL wide)
{
	if (wide)
		ws_widen(text, out);
	else
		strcpy(out, text);
}

/* Both forms: the texts, checked against the caller's room, then copied
 * narrow or wide. */
static INT name_info(const SOCKADDR *sa, socklen_t len, void *host, DWORD hostlen, void *serv,
		     DWORD servlen, INT flags, BOOL wide)
{
	char h[256], s[32];
	int err = describe(sa, len, host && hostlen, h, serv && servlen, s, flags);

	if (!err && ((host && hostlen && strlen(h) >= hostlen) ||
		     (serv && servlen && strlen(s) >= servlen)))
		err = WSAEFAULT;
	if (err) {
		WSASetLastError(err);
		return err;
	}
	if (host && hostlen)
		put_text(h, host, wide);
	if (serv && servlen)
		put_text(s, serv, wide);
	return 0;
}

WS_API INT WSAAPI getnameinfo(const SOCKADDR *sa, socklen_t len, PCHAR host, DWORD hostlen,
			      PCHAR serv, DWORD servlen, INT flags)
{
	return name_info(sa, len, host, hostlen, serv, servlen, flags, FALSE);
}

WS_API INT WSAAPI GetNameInfoW(const SOCKADDR *sa, socklen_t len, PWCHAR host, DWORD hostlen,
			       PWCHAR serv, DWORD servlen, INT flags)
{
	return name_info(sa, len, host, hostlen, serv, servlen, flags, TRUE);
}
