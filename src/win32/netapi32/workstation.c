/* NetGetJoinInformation (a member of the workgroup WORKGROUP, as a new
 * Windows machine is) and NetWkstaGetInfo levels 100 and 101. */
#include "netapi_private.h"

NET_API NET_API_STATUS WINAPI NetGetJoinInformation(LPCWSTR server, LPWSTR *name,
						    PNETSETUP_JOIN_STATUS status)
{
	NET_API_STATUS st;

	if (!name || !status)
		return ERROR_INVALID_PARAMETER;
	if (!net_local(server))
		return ERROR_BAD_NETPATH;
	if ((st = NetApiBufferAllocate(sizeof(NET_WORKGROUP), (LPVOID *)name)) != NERR_Success)
		return st;
	lstrcpyW(*name, NET_WORKGROUP);
	*status = NetSetupWorkgroupName;
	return NERR_Success;
}

NET_API NET_API_STATUS WINAPI NetWkstaGetInfo(LMSTR server, DWORD level, LPBYTE *out)
{
	WCHAR me[MAX_COMPUTERNAME_LENGTH + 1];
	DWORD n = ARRAYSIZE(me);
	WKSTA_INFO_101 *w;
	BYTE *p;
	NET_API_STATUS st;

	if (!out)
		return ERROR_INVALID_PARAMETER;
	if (!net_local(server))
		return ERROR_BAD_NETPATH;
	if (level != 100 && level != 101)
		return ERROR_INVALID_LEVEL;
	if (!GetComputerNameW(me, &n))
		return GetLastError();
	if ((st = NetApiBufferAllocate(sizeof(*w) + sizeof(me) + sizeof(NET_WORKGROUP) + sizeof(WCHAR),
				       (LPVOID *)&w)) != NERR_Success)
		return st;
	p = (BYTE *)(w + 1);
	w->wki101_platform_id = PLATFORM_ID_NT;
	w->wki101_computername = net_put(&p, me);
	w->wki101_langroup = net_put(&p, NET_WORKGROUP);
	w->wki101_ver_major = 10;
	w->wki101_ver_minor = 0;
	if (level == 101)
		w->wki101_lanroot = net_put(&p, L"");
	*out = (LPBYTE)w;
	return NERR_Success;
}
