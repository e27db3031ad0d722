/* Services and protocols by name and number: a short table of the
 * well-known ones (Windows reads its drivers\etc\services and protocol
 * files, which hold these among many), and getservbyname, getservbyport,
 * getprotobyname, getprotobynumber over it. */
#include "ws_private.h"

static const struct {
	const char *name;
	USHORT port;
	const char *proto; /* NULL: tcp and udp */
} services[] = {
	{ "echo", 7, NULL },       { "discard", 9, NULL },   { "daytime", 13, NULL },
	{ "ftp-data", 20, "tcp" }, { "ftp", 21, "tcp" },     { "ssh", 22, "tcp" },
	{ "telnet", 23, "tcp" },   { "smtp", 25, "tcp" },    { "time", 37, NULL },
	{ "domain", 53, NULL },    { "bootps", 67, "udp" },  { "bootpc", 68, "udp" },
	{ "tftp", 69, "udp" },     { "http", 80, "tcp" },    { "kerberos", 88, NULL },
	{ "pop3", 110, "tcp" },    { "nntp", 119, "tcp" },   { "ntp", 123, "udp" },
	{ "imap", 143, "tcp" },    { "snmp", 161, "udp" },   { "ldap", 389, "tcp" },
	{ "https", 443, "tcp" },   { "microsoft-ds", 445, "tcp" },
	{ "submission", 587, "tcp" }, { "ldaps", 636, "tcp" }, { "imaps", 993, "tcp" },
	{ "pop3s", 995, "tcp" },
};

/* Windows' drivers\etc\protocol: each name with its one alias */
static const struct {
	const char *name, *alias;
	short number;
} protocols[] = {
	{ "ip", "IP", 0 },		{ "icmp", "ICMP", 1 },		 { "ggp", "GGP", 3 },
	{ "tcp", "TCP", 6 },		{ "egp", "EGP", 8 },		 { "pup", "PUP", 12 },
	{ "udp", "UDP", 17 },		{ "hmp", "HMP", 20 },		 { "xns-idp", "XNS-IDP", 22 },
	{ "rdp", "RDP", 27 },		{ "ipv6", "IPv6", 41 },		 { "ipv6-route", "IPv6-Route", 43 },
	{ "ipv6-frag", "IPv6-Frag", 44 }, { "esp", "ESP", 50 },		 { "ah", "AH", 51 },
	{ "ipv6-icmp", "IPv6-ICMP", 58 }, { "ipv6-nonxt", "IPv6-NoNxt", 59 },
	{ "ipv6-opts", "IPv6-Opts", 60 }, { "rvd", "RVD", 66 },
};

static BOOL proto_matches(const char *entry, const char *wanted)
{
	return !wanted || !entry || !_stricmp(entry, wanted);
}

USHORT ws_service_port(const char *name, const char *proto)
{
	for (size_t i = 0; i < ARRAYSIZE(services); i++)
		if (!_stricmp(name, services[i].name) && proto_matches(services[i].proto, proto))
			return htons(services[i].port);
	return 0;
}

const char *ws_service_name(USHORT port_net, const char *proto, const char **proto_out)
{
	for (size_t i = 0; i < ARRAYSIZE(services); i++) {
		if (htons(services[i].port) != port_net || !proto_matches(services[i].proto, proto))
			continue;
		*proto_out = proto ? proto : services[i].proto ? services[i].proto : "tcp";
		return services[i].name;
	}
	return NULL;
}

static struct servent *servent_of(const char *name, USHORT port_net, const char *proto)
{
	struct ws_thread *t = ws_thread_data();

	if (!t)
		return NULL;
	t->serv_aliases[0] = NULL;
	t->serv = (struct servent){ (char *)name, t->serv_aliases, (char *)proto, (short)port_net };
	return &t->serv;
}

WS_API struct servent *WSAAPI getservbyname(const char *name, const char *proto)
{
	const char *p;
	USHORT port;
	int err;

	if ((err = ws_not_started()) || (err = name ? 0 : WSAEFAULT))
		return ws_fail_null(err);
	if (!(port = ws_service_port(name, proto)))
		return ws_fail_null(WSANO_DATA);
	name = ws_service_name(port, proto, &p); /* the table's spelling */
	return servent_of(name, port, p);
}

WS_API struct servent *WSAAPI getservbyport(int port, const char *proto)
{
	const char *name, *p;
	int err;

	if ((err = ws_not_started()))
		return ws_fail_null(err);
	if (!(name = ws_service_name((USHORT)port, proto, &p)))
		return ws_fail_null(WSANO_DATA);
	return servent_of(name, (USHORT)port, p);
}

static struct protoent *protoent_at(size_t i)
{
	struct ws_thread *t = ws_thread_data();

	if (!t)
		return NULL;
	t->proto_aliases[0] = (char *)protocols[i].alias;
	t->proto_aliases[1] = NULL;
	t->proto = (struct protoent){ (char *)protocols[i].name, t->proto_aliases, protocols[i].number };
	return &t->proto;
}

WS_API struct protoent *WSAAPI getprotobyname(const char *name)
{
	int err;

	if ((err = ws_not_started()) || (err = name ? 0 : WSAEFAULT))
		return ws_fail_null(err);
	for (size_t i = 0; i < ARRAYSIZE(protocols); i++)
		if (!_stricmp(name, protocols[i].name) || !_stricmp(name, protocols[i].alias))
			return protoent_at(i);
	return ws_fail_null(WSANO_DATA);
}

WS_API struct protoent *WSAAPI getprotobynumber(int number)
{
	int err;

	if ((err = ws_not_started()))
		return ws_fail_null(err);
	for (size_t i = 0; i < ARRAYSIZE(protocols); i++)
		if (protocols[i].number == number)
			return protoent_at(i);
	return ws_fail_null(WSANO_DATA);
}
