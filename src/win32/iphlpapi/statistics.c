/* The protocol statistics (GetIpStatistics, GetIcmpStatistics,
 * GetTcpStatistics, GetUdpStatistics and their Ex forms by family).  The
 * sandbox does not count traffic: the counters are zero; what describes
 * the stack (forwarding off, the default TTL, one interface and its one
 * address of the family, TCP's Van Jacobson timeouts) is filled in. */
#include "iphlp_private.h"

static BOOL family_ok(DWORD family)
{
	return family == AF_INET || family == AF_INET6;
}

IPH_API DWORD WINAPI GetIpStatisticsEx(MIB_IPSTATS *stats, DWORD family)
{
	if (!stats || !family_ok(family))
		return ERROR_INVALID_PARAMETER;
	memset(stats, 0, sizeof(*stats));
	stats->dwForwarding = MIB_IP_NOT_FORWARDING;
	stats->dwDefaultTTL = 128;
	stats->dwNumIf = 1;
	stats->dwNumAddr = 1;
	stats->dwNumRoutes = 1;
	return NO_ERROR;
}

IPH_API DWORD WINAPI GetIpStatistics(MIB_IPSTATS *stats)
{
	return GetIpStatisticsEx(stats, AF_INET);
}

IPH_API DWORD WINAPI GetIcmpStatisticsEx(MIB_ICMP_EX *stats, DWORD family)
{
	if (!stats || !family_ok(family))
		return ERROR_INVALID_PARAMETER;
	memset(stats, 0, sizeof(*stats));
	return NO_ERROR;
}

IPH_API DWORD WINAPI GetIcmpStatistics(MIB_ICMP *stats)
{
	if (!stats)
		return ERROR_INVALID_PARAMETER;
	memset(stats, 0, sizeof(*stats));
	return NO_ERROR;
}

IPH_API DWORD WINAPI GetTcpStatisticsEx(MIB_TCPSTATS *stats, DWORD family)
{
	if (!stats || !family_ok(family))
		return ERROR_INVALID_PARAMETER;
	memset(stats, 0, sizeof(*stats));
	stats->dwRtoAlgorithm = MIB_TCP_RTO_VANJ;
	stats->dwRtoMin = 300;   /* milliseconds */
	stats->dwRtoMax = 120000;
	stats->dwMaxConn = (DWORD)-1; /* MIB_TCP_MAXCONN_DYNAMIC */
	return NO_ERROR;
}

IPH_API DWORD WINAPI GetTcpStatistics(MIB_TCPSTATS *stats)
{
	return GetTcpStatisticsEx(stats, AF_INET);
}

IPH_API DWORD WINAPI GetUdpStatisticsEx(MIB_UDPSTATS *stats, DWORD family)
{
	if (!stats || !family_ok(family))
		return ERROR_INVALID_PARAMETER;
	memset(stats, 0, sizeof(*stats));
	return NO_ERROR;
}

IPH_API DWORD WINAPI GetUdpStatistics(MIB_UDPSTATS *stats)
{
	return GetUdpStatisticsEx(stats, AF_INET);
}
