/* GetAdaptersAddresses (the loopback adapter alone, as a machine without
 * network adapters shows it), GetAdaptersInfo (which never lists the
 * loopback: ERROR_NO_DATA) and GetNetworkParams (the computer's name, no
 * DNS server). */
#include "iphlp_private.h"

/* The adapter's name: the loopback interface's GUID. */
static const char adapter_name[] = LOOPBACK_GUID_STRING;

/* The size of the answer: one adapter, its name, its addresses. */
static ULONG answer_size(int naddr)
{
	return sizeof(IP_ADAPTER_ADDRESSES_LH) + sizeof(adapter_name) +
	       sizeof(LOOPBACK_DESCRIPTION) + sizeof(LOOPBACK_ALIAS) + sizeof(WCHAR) +
	       (ULONG)naddr * (sizeof(IP_ADAPTER_UNICAST_ADDRESS_LH) + sizeof(SOCKADDR_INET));
}

static void fill_unicast(IP_ADAPTER_UNICAST_ADDRESS_LH *u, SOCKADDR_INET *sa)
{
	u->Length = sizeof(*u);
	u->Address.lpSockaddr = (SOCKADDR *)sa;
	u->Address.iSockaddrLength = sa->si_family == AF_INET ? sizeof(SOCKADDR_IN) : sizeof(SOCKADDR_IN6);
	u->PrefixOrigin = IpPrefixOriginWellKnown;
	u->SuffixOrigin = IpSuffixOriginWellKnown;
	u->DadState = IpDadStatePreferred;
	u->ValidLifetime = u->PreferredLifetime = u->LeaseLifetime = 0xFFFFFFFF;
	u->OnLinkPrefixLength = sa->si_family == AF_INET ? 8 : 128;
}

static void fill_adapter(IP_ADAPTER_ADDRESSES_LH *a, int naddr, SOCKADDR_INET *addrs, ULONG flags)
{
	IP_ADAPTER_UNICAST_ADDRESS_LH *u = (IP_ADAPTER_UNICAST_ADDRESS_LH *)(a + 1);
	BYTE *p = (BYTE *)(u + naddr);

	a->Length = sizeof(*a);
	a->IfIndex = a->Ipv6IfIndex = LOOPBACK_INDEX;
	for (int i = 0; i < naddr; i++) {
		memcpy(p, &addrs[i], sizeof(SOCKADDR_INET));
		fill_unicast(&u[i], (SOCKADDR_INET *)p);
		u[i].Next = i + 1 < naddr ? &u[i + 1] : NULL;
		p += sizeof(SOCKADDR_INET);
	}
	a->FirstUnicastAddress = naddr ? u : NULL;
	a->Description = memcpy(p, LOOPBACK_DESCRIPTION, sizeof(LOOPBACK_DESCRIPTION));
	p += sizeof(LOOPBACK_DESCRIPTION);
	a->FriendlyName = memcpy(p, LOOPBACK_ALIAS, sizeof(LOOPBACK_ALIAS));
	p += sizeof(LOOPBACK_ALIAS);
	a->DnsSuffix = (WCHAR *)p; /* L"" */
	p += sizeof(WCHAR);
	a->AdapterName = (char *)memcpy(p, adapter_name, sizeof(adapter_name));
	a->Flags = IP_ADAPTER_IPV4_ENABLED | IP_ADAPTER_IPV6_ENABLED;
	a->Mtu = LOOPBACK_MTU;
	a->IfType = LOOPBACK_IFTYPE;
	a->OperStatus = IfOperStatusUp;
	a->TransmitLinkSpeed = a->ReceiveLinkSpeed = LOOPBACK_SPEED;
	a->Ipv4Metric = a->Ipv6Metric = 75;
	iph_loopback_luid(&a->Luid);
	a->CompartmentId = 1;
	a->ConnectionType = NET_IF_CONNECTION_DEDICATED;
	a->TunnelType = TUNNEL_TYPE_NONE;
}

IPH_API ULONG WINAPI GetAdaptersAddresses(ULONG family, ULONG flags, PVOID reserved,
					  PIP_ADAPTER_ADDRESSES out, PULONG size)
{
	SOCKADDR_INET addrs[2];
	int naddr;
	ULONG need;

	if (!size || reserved || (family != AF_UNSPEC && family != AF_INET && family != AF_INET6))
		return ERROR_INVALID_PARAMETER;
	naddr = flags & GAA_FLAG_SKIP_UNICAST ? 0 : iph_loopback_addresses((ADDRESS_FAMILY)family, addrs);
	need = answer_size(naddr);
	if (!out || *size < need) {
		*size = need;
		return ERROR_BUFFER_OVERFLOW;
	}
	memset(out, 0, need);
	fill_adapter((IP_ADAPTER_ADDRESSES_LH *)out, naddr, addrs, flags);
	return ERROR_SUCCESS;
}

IPH_API ULONG WINAPI GetAdaptersInfo(PIP_ADAPTER_INFO info, PULONG size)
{
	return size ? ERROR_NO_DATA : ERROR_INVALID_PARAMETER;
}

IPH_API DWORD WINAPI GetNetworkParams(PFIXED_INFO info, PULONG size)
{
	WCHAR name[MAX_COMPUTERNAME_LENGTH + 1];
	DWORD n = ARRAYSIZE(name);

	if (!size)
		return ERROR_INVALID_PARAMETER;
	if (!info || *size < sizeof(FIXED_INFO)) {
		*size = sizeof(FIXED_INFO);
		return ERROR_BUFFER_OVERFLOW;
	}
	memset(info, 0, sizeof(*info));
	if (!GetComputerNameW(name, &n))
		n = 0;
	for (DWORD i = 0; i < n && i < MAX_HOSTNAME_LEN; i++)
		info->HostName[i] = name[i] < 0x80 ? (char)name[i] : '?';
	info->NodeType = 1; /* broadcast: no WINS server */
	return ERROR_SUCCESS;
}
