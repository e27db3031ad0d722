/* The routing table: GetIpForwardTable (MIB-II rows, IPv4), GetBestRoute
 * and GetIpForwardTable2.  The loopback's routes only, as Windows lists them
 * on its loopback interface: 127.0.0.0/8, 127.0.0.1/32,
 * 127.255.255.255/32 and ::1/128, all on-link (no gateway). */
#include "iphlp_private.h"

#define LOOPBACK_ROUTE_METRIC 256
#define LOOPBACK_IF_METRIC 75 /* the interface's metric, added in MIB-II rows */

static const struct {
	DWORD dest;                   /* host order */
	UINT8 prefix;
} v4_routes[] = {
	{ 0x7f000000, 8 },
	{ 0x7f000001, 32 },
	{ 0x7fffffff, 32 },
};

static DWORD mask_of(UINT8 prefix)
{
	return prefix ? IPH_BE32(0xffffffffu << (32 - prefix)) : 0;
}

static ULONG route_count(ADDRESS_FAMILY family)
{
	return (family != AF_INET6 ? ARRAYSIZE(v4_routes) : 0) + (family != AF_INET ? 1 : 0);
}

IPH_API DWORD WINAPI GetIpForwardTable(PMIB_IPFORWARDTABLE table, PULONG size, BOOL order)
{
	ULONG need = FIELD_OFFSET(MIB_IPFORWARDTABLE, table[ARRAYSIZE(v4_routes)]);

	if (!size)
		return ERROR_INVALID_PARAMETER;
	if (!table || *size < need) {
		*size = need;
		return ERROR_INSUFFICIENT_BUFFER;
	}
	memset(table, 0, need);
	table->dwNumEntries = ARRAYSIZE(v4_routes);
	for (ULONG i = 0; i < ARRAYSIZE(v4_routes); i++) {
		MIB_IPFORWARDROW *r = &table->table[i];

		r->dwForwardDest = IPH_BE32(v4_routes[i].dest);
		r->dwForwardMask = mask_of(v4_routes[i].prefix);
		r->dwForwardNextHop = IPH_BE32(INADDR_LOOPBACK); /* on-link: the interface's address */
		r->dwForwardIfIndex = LOOPBACK_INDEX;
		r->dwForwardType = MIB_IPROUTE_TYPE_DIRECT;
		r->dwForwardProto = MIB_IPPROTO_LOCAL;
		r->dwForwardMetric1 = LOOPBACK_ROUTE_METRIC + LOOPBACK_IF_METRIC;
	}
	return NO_ERROR;
}

/* The most specific loopback route to dest (network order); any other
 * destination is unreachable from the sandbox. */
IPH_API DWORD WINAPI GetBestRoute(DWORD dest, DWORD source, PMIB_IPFORWARDROW best)
{
	MIB_IPFORWARDTABLE *t;
	ULONG size = FIELD_OFFSET(MIB_IPFORWARDTABLE, table[ARRAYSIZE(v4_routes)]);
	int found = -1;

	if (!best)
		return ERROR_INVALID_PARAMETER;
	if (!(t = iph_alloc(size)))
		return ERROR_NOT_ENOUGH_MEMORY;
	GetIpForwardTable(t, &size, FALSE);
	for (ULONG i = 0; i < t->dwNumEntries; i++)
		if ((dest & t->table[i].dwForwardMask) == t->table[i].dwForwardDest &&
		    (found < 0 || v4_routes[i].prefix > v4_routes[found].prefix))
			found = (int)i;
	if (found >= 0)
		*best = t->table[found];
	iph_free(t);
	return found >= 0 ? NO_ERROR : ERROR_NETWORK_UNREACHABLE;
}

static void fill_row2(MIB_IPFORWARD_ROW2 *r, ADDRESS_FAMILY family, DWORD v4_dest, UINT8 prefix)
{
	memset(r, 0, sizeof(*r));
	iph_loopback_luid(&r->InterfaceLuid);
	r->InterfaceIndex = LOOPBACK_INDEX;
	r->DestinationPrefix.Prefix.si_family = family;
	r->DestinationPrefix.PrefixLength = prefix;
	if (family == AF_INET)
		r->DestinationPrefix.Prefix.Ipv4.sin_addr.s_addr = IPH_BE32(v4_dest);
	else
		r->DestinationPrefix.Prefix.Ipv6.sin6_addr.s6_addr[15] = 1;
	r->NextHop.si_family = family;
	r->SitePrefixLength = 0;
	r->ValidLifetime = r->PreferredLifetime = 0xFFFFFFFF;
	r->Metric = LOOPBACK_ROUTE_METRIC;
	r->Protocol = MIB_IPPROTO_LOCAL;
	r->Loopback = TRUE;
	r->Origin = NlroWellKnown;
}

IPH_API NETIO_STATUS WINAPI GetIpForwardTable2(ADDRESS_FAMILY family, PMIB_IPFORWARD_TABLE2 *table)
{
	MIB_IPFORWARD_TABLE2 *t;
	ULONG n = route_count(family), i = 0;

	if (!table || (family != AF_UNSPEC && family != AF_INET && family != AF_INET6))
		return ERROR_INVALID_PARAMETER;
	if (!(t = iph_alloc(FIELD_OFFSET(MIB_IPFORWARD_TABLE2, Table[n]))))
		return ERROR_NOT_ENOUGH_MEMORY;
	if (family != AF_INET6)
		for (; i < ARRAYSIZE(v4_routes); i++)
			fill_row2(&t->Table[i], AF_INET, v4_routes[i].dest, v4_routes[i].prefix);
	if (family != AF_INET)
		fill_row2(&t->Table[i++], AF_INET6, 0, 128);
	t->NumEntries = i;
	*table = t;
	return NO_ERROR;
}
