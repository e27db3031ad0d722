/* CreateSortedAddressPairs: each destination paired with the source
 * address the sandbox would use for it, in the order given (one
 * interface, so no preference to sort by).  Only loopback destinations
 * have a source (::1, or ::ffff:127.0.0.1 for a mapped IPv4 one); any
 * other gets the unspecified address of the family. */
#include "iphlp_private.h"

static BOOL v4_mapped(const SOCKADDR_IN6 *a)
{
	static const BYTE prefix[12] = { [10] = 0xff, [11] = 0xff };

	return !memcmp(&a->sin6_addr, prefix, sizeof(prefix));
}

static void source_for(const SOCKADDR_IN6 *dest, SOCKADDR_IN6 *src)
{
	static const BYTE loopback[16] = { [15] = 1 };

	memset(src, 0, sizeof(*src));
	src->sin6_family = AF_INET6;
	if (v4_mapped(dest) && dest->sin6_addr.s6_addr[12] == 127) {
		src->sin6_addr.s6_addr[10] = src->sin6_addr.s6_addr[11] = 0xff;
		src->sin6_addr.s6_addr[12] = 127;
		src->sin6_addr.s6_addr[15] = 1;
	} else if (!memcmp(&dest->sin6_addr, loopback, 16)) {
		src->sin6_addr.s6_addr[15] = 1;
	}
}

/* One block (freed with FreeMibTable): the pairs, then the addresses
 * they point to. */
IPH_API NETIO_STATUS WINAPI CreateSortedAddressPairs(const PSOCKADDR_IN6 sources, ULONG source_count,
						     const PSOCKADDR_IN6 dests, ULONG dest_count,
						     ULONG options, PSOCKADDR_IN6_PAIR *pairs,
						     ULONG *pair_count)
{
	SOCKADDR_IN6_PAIR *p;
	SOCKADDR_IN6 *addrs;

	if (sources || source_count || !dests || !dest_count || !pairs || !pair_count ||
	    dest_count > 0x10000)
		return ERROR_INVALID_PARAMETER;
	for (ULONG i = 0; i < dest_count; i++)
		if (dests[i].sin6_family != AF_INET6)
			return ERROR_INVALID_PARAMETER;
	if (!(p = iph_alloc(dest_count * (sizeof(*p) + 2 * sizeof(SOCKADDR_IN6)))))
		return ERROR_NOT_ENOUGH_MEMORY;
	addrs = (SOCKADDR_IN6 *)(p + dest_count);
	for (ULONG i = 0; i < dest_count; i++) {
		addrs[2 * i] = dests[i];
		source_for(&dests[i], &addrs[2 * i + 1]);
		p[i].DestinationAddress = &addrs[2 * i];
		p[i].SourceAddress = &addrs[2 * i + 1];
	}
	*pairs = p;
	*pair_count = dest_count;
	return NO_ERROR;
}
