/* The loopback interface every query here is about. */
#include "iphlp_private.h"

void *iph_alloc(SIZE_T n)
{
	return HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, n ? n : 1);
}

void iph_free(void *p)
{
	if (p)
		HeapFree(GetProcessHeap(), 0, p);
}

void iph_loopback_luid(NET_LUID *luid)
{
	luid->Value = 0;
	luid->Info.IfType = LOOPBACK_IFTYPE;
}

BOOL iph_is_loopback_luid(const NET_LUID *luid)
{
	NET_LUID l;

	iph_loopback_luid(&l);
	return luid && luid->Value == l.Value;
}

void iph_loopback_row(MIB_IF_ROW2 *row)
{
	static const GUID guid = LOOPBACK_GUID_INIT;

	memset(row, 0, sizeof(*row));
	iph_loopback_luid(&row->InterfaceLuid);
	row->InterfaceIndex = LOOPBACK_INDEX;
	row->InterfaceGuid = guid;
	lstrcpyW(row->Alias, LOOPBACK_ALIAS);
	lstrcpyW(row->Description, LOOPBACK_DESCRIPTION);
	row->Mtu = LOOPBACK_MTU;
	row->Type = LOOPBACK_IFTYPE;
	row->TunnelType = TUNNEL_TYPE_NONE;
	row->MediaType = NdisMedium802_3;
	row->AccessType = NET_IF_ACCESS_LOOPBACK;
	row->DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
	row->OperStatus = IfOperStatusUp;
	row->AdminStatus = NET_IF_ADMIN_STATUS_UP;
	row->MediaConnectState = MediaConnectStateConnected;
	row->ConnectionType = NET_IF_CONNECTION_DEDICATED;
	row->TransmitLinkSpeed = row->ReceiveLinkSpeed = LOOPBACK_SPEED;
}

int iph_loopback_addresses(ADDRESS_FAMILY family, SOCKADDR_INET *out)
{
	int n = 0;

	if (family != AF_INET) {
		if (out) {
			memset(&out[n], 0, sizeof(out[n]));
			out[n].Ipv6.sin6_family = AF_INET6;
			out[n].Ipv6.sin6_addr.s6_addr[15] = 1;
		}
		n++;
	}
	if (family != AF_INET6) {
		if (out) {
			memset(&out[n], 0, sizeof(out[n]));
			out[n].Ipv4.sin_family = AF_INET;
			out[n].Ipv4.sin_addr.s_addr = IPH_BE32(INADDR_LOOPBACK);
		}
		n++;
	}
	return n;
}

BOOL iph_is_loopback_address(const SOCKADDR_INET *a)
{
	static const BYTE v6_loopback[16] = { [15] = 1 };

	if (a->si_family == AF_INET)
		return (IPH_BE32(a->Ipv4.sin_addr.s_addr) >> 24) == 127;
	return a->si_family == AF_INET6 && !memcmp(&a->Ipv6.sin6_addr, v6_loopback, 16);
}
