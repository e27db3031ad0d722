/* IP addresses: GetUnicastIpAddressTable (127.0.0.1/8, ::1/128) and
 * GetUnicastIpAddressEntry,
 * GetAnycastIpAddressTable (none), GetIpAddrTable (the IPv4 one), and
 * the prefix-length <-> mask conversions. */
#include "iphlp_private.h"

/* The addresses were made when the system started. */
void iph_unicast_row(const SOCKADDR_INET *a, MIB_UNICASTIPADDRESS_ROW *r)
{
	FILETIME now;

	GetSystemTimeAsFileTime(&now);
	memset(r, 0, sizeof(*r));
	r->Address = *a;
	iph_loopback_luid(&r->InterfaceLuid);
	r->InterfaceIndex = LOOPBACK_INDEX;
	r->PrefixOrigin = IpPrefixOriginWellKnown;
	r->SuffixOrigin = IpSuffixOriginWellKnown;
	r->ValidLifetime = r->PreferredLifetime = 0xFFFFFFFF;
	r->OnLinkPrefixLength = a->si_family == AF_INET ? 8 : 128;
	r->DadState = IpDadStatePreferred;
	r->CreationTimeStamp.QuadPart = ((LONGLONG)now.dwHighDateTime << 32 | now.dwLowDateTime) -
					(LONGLONG)GetTickCount64() * 10000;
}

IPH_API NETIO_STATUS WINAPI GetUnicastIpAddressTable(ADDRESS_FAMILY family,
						     PMIB_UNICASTIPADDRESS_TABLE *table)
{
	SOCKADDR_INET addrs[2];
	MIB_UNICASTIPADDRESS_TABLE *t;
	int n;

	if (!table || (family != AF_UNSPEC && family != AF_INET && family != AF_INET6))
		return ERROR_INVALID_PARAMETER;
	n = iph_loopback_addresses(family, addrs);
	if (!(t = iph_alloc(sizeof(*t) + (SIZE_T)(n - 1) * sizeof(t->Table[0]))))
		return ERROR_NOT_ENOUGH_MEMORY;
	t->NumEntries = (ULONG)n;
	for (int i = 0; i < n; i++)
		iph_unicast_row(&addrs[i], &t->Table[i]);
	*table = t;
	return ERROR_SUCCESS;
}

/* The row of the address on the interface named by its LUID or, with a
 * zero LUID, its index. */
IPH_API NETIO_STATUS WINAPI GetUnicastIpAddressEntry(MIB_UNICASTIPADDRESS_ROW *row)
{
	SOCKADDR_INET addrs[2];
	int n;

	if (!row || (row->Address.si_family != AF_INET && row->Address.si_family != AF_INET6))
		return ERROR_INVALID_PARAMETER;
	if (row->InterfaceLuid.Value ? !iph_is_loopback_luid(&row->InterfaceLuid)
				     : row->InterfaceIndex != LOOPBACK_INDEX)
		return ERROR_FILE_NOT_FOUND;
	n = iph_loopback_addresses(row->Address.si_family, addrs);
	for (int i = 0; i < n; i++) {
		BOOL v4 = addrs[i].si_family == AF_INET;

		if (v4 ? addrs[i].Ipv4.sin_addr.s_addr == row->Address.Ipv4.sin_addr.s_addr
		       : !memcmp(&addrs[i].Ipv6.sin6_addr, &row->Address.Ipv6.sin6_addr, 16)) {
			iph_unicast_row(&addrs[i], row);
			return NO_ERROR;
		}
	}
	return ERROR_NOT_FOUND;
}

IPH_API NETIO_STATUS WINAPI GetAnycastIpAddressTable(ADDRESS_FAMILY family,
						     PMIB_ANYCASTIPADDRESS_TABLE *table)
{
	if (!table || (family != AF_UNSPEC && family != AF_INET && family != AF_INET6))
		return ERROR_INVALID_PARAMETER;
	*table = NULL;
	return ERROR_NOT_FOUND;
}

IPH_API DWORD WINAPI GetIpAddrTable(PMIB_IPADDRTABLE table, PULONG size, WINBOOL order)
{
	MIB_IPADDRROW *r;

	if (!size)
		return ERROR_INVALID_PARAMETER;
	if (!table || *size < sizeof(MIB_IPADDRTABLE)) {
		*size = sizeof(MIB_IPADDRTABLE);
		return ERROR_INSUFFICIENT_BUFFER;
	}
	table->dwNumEntries = 1;
	r = &table->table[0];
	memset(r, 0, sizeof(*r));
	r->dwAddr = IPH_BE32(INADDR_LOOPBACK);
	r->dwIndex = LOOPBACK_INDEX;
	r->dwMask = IPH_BE32(0xFF000000u);
	r->dwBCastAddr = 1;
	r->dwReasmSize = 65535;
	r->wType = MIB_IPADDR_PRIMARY;
	return NO_ERROR;
}

IPH_API NETIO_STATUS WINAPI ConvertLengthToIpv4Mask(ULONG length, PULONG mask)
{
	if (length > 32) {
		*mask = INADDR_NONE;
		return ERROR_INVALID_PARAMETER;
	}
	*mask = length ? IPH_BE32(0xFFFFFFFFu << (32 - length)) : 0;
	return NO_ERROR;
}

/* A mask of contiguous ones from the top, else ERROR_INVALID_PARAMETER. */
IPH_API NETIO_STATUS WINAPI ConvertIpv4MaskToLength(ULONG mask, PUINT8 length)
{
	ULONG host = IPH_BE32(mask);
	UINT8 n = 0;

	while (n < 32 && (host & (0x80000000u >> n)))
		n++;
	if (n < 32 && (host << n)) {
		*length = 0;
		return ERROR_INVALID_PARAMETER;
	}
	*length = n;
	return NO_ERROR;
}
