/* What the loopback does not have: neighbors (the ARP table, GetIpNetTable)
 * and network adapters in GetInterfaceInfo's sense (which leaves the
 * loopback out).  Both answer ERROR_NO_DATA, as documented for an empty
 * table and for a machine with no adapter enabled. */
#include "iphlp_private.h"

IPH_API DWORD WINAPI GetIpNetTable(PMIB_IPNETTABLE table, PULONG size, BOOL order)
{
	if (!size)
		return ERROR_INVALID_PARAMETER;
	if (table && *size >= sizeof(table->dwNumEntries))
		table->dwNumEntries = 0;
	return ERROR_NO_DATA;
}

IPH_API DWORD WINAPI GetInterfaceInfo(PIP_INTERFACE_INFO info, PULONG size)
{
	if (!size)
		return ERROR_INVALID_PARAMETER;
	return ERROR_NO_DATA;
}
