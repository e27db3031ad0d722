/* Routes and change notifications.  Only loopback destinations have a
 * route (through the loopback interface); any other is
 * ERROR_NETWORK_UNREACHABLE.  Interfaces never change, so a notification
 * registration succeeds and never calls back. */
#include "iphlp_private.h"

IPH_API DWORD WINAPI GetBestInterface(IPAddr dest, PDWORD index)
{
	if (!index)
		return ERROR_INVALID_PARAMETER;
	if ((IPH_BE32(dest) >> 24) != 127)
		return ERROR_NETWORK_UNREACHABLE;
	*index = LOOPBACK_INDEX;
	return NO_ERROR;
}

IPH_API DWORD WINAPI GetBestInterfaceEx(struct sockaddr *dest, PDWORD index)
{
	SOCKADDR_INET a = { 0 };

	if (!dest || !index || (dest->sa_family != AF_INET && dest->sa_family != AF_INET6))
		return ERROR_INVALID_PARAMETER;
	memcpy(&a, dest, dest->sa_family == AF_INET ? sizeof(SOCKADDR_IN) : sizeof(SOCKADDR_IN6));
	if (!iph_is_loopback_address(&a))
		return ERROR_NETWORK_UNREACHABLE;
	*index = LOOPBACK_INDEX;
	return NO_ERROR;
}

IPH_API NETIO_STATUS WINAPI GetBestRoute2(NET_LUID *luid, NET_IFINDEX index,
					  const SOCKADDR_INET *source, const SOCKADDR_INET *dest,
					  ULONG options, PMIB_IPFORWARD_ROW2 route, SOCKADDR_INET *best_source)
{
	SOCKADDR_INET addrs[2];

	if (!dest || !route || !best_source)
		return ERROR_INVALID_PARAMETER;
	if (!iph_is_loopback_address(dest))
		return ERROR_NETWORK_UNREACHABLE;
	memset(route, 0, sizeof(*route));
	iph_loopback_luid(&route->InterfaceLuid);
	route->InterfaceIndex = LOOPBACK_INDEX;
	route->DestinationPrefix.Prefix = *dest;
	route->DestinationPrefix.PrefixLength = dest->si_family == AF_INET ? 8 : 128;
	route->NextHop.si_family = dest->si_family;
	route->Metric = 256;
	route->Protocol = MIB_IPPROTO_LOCAL;
	route->Loopback = TRUE;
	route->Origin = NlroWellKnown;
	route->ValidLifetime = route->PreferredLifetime = 0xFFFFFFFF;
	iph_loopback_addresses(dest->si_family, addrs);
	*best_source = addrs[0];
	return NO_ERROR;
}

/* A registration: a token for CancelMibChangeNotify2.  Nothing ever
 * changes; the initial notification asked for is made before the call
 * returns, with no row (MibInitialNotification). */
IPH_API NETIO_STATUS WINAPI NotifyIpInterfaceChange(ADDRESS_FAMILY family,
						    PIPINTERFACE_CHANGE_CALLBACK callback,
						    PVOID context, BOOLEAN initial, HANDLE *handle)
{
	if (!callback || !handle)
		return ERROR_INVALID_PARAMETER;
	if (!(*handle = iph_alloc(1)))
		return ERROR_NOT_ENOUGH_MEMORY;
	if (initial)
		callback(context, NULL, MibInitialNotification);
	return NO_ERROR;
}

IPH_API NETIO_STATUS WINAPI NotifyUnicastIpAddressChange(ADDRESS_FAMILY family,
							 PUNICAST_IPADDRESS_CHANGE_CALLBACK callback,
							 PVOID context, BOOLEAN initial,
							 HANDLE *handle)
{
	if (!callback || !handle)
		return ERROR_INVALID_PARAMETER;
	if (!(*handle = iph_alloc(1)))
		return ERROR_NOT_ENOUGH_MEMORY;
	if (initial)
		callback(context, NULL, MibInitialNotification);
	return NO_ERROR;
}

IPH_API NETIO_STATUS WINAPI CancelMibChangeNotify2(HANDLE handle)
{
	if (!handle)
		return ERROR_INVALID_HANDLE;
	iph_free(handle);
	return NO_ERROR;
}
