/* The workstation's view of its user and transports:
 * NetWkstaUserGetInfo levels 0, 1 and 1101 (the local user, logged on to
 * this computer, no other domains), NetpGetComputerName, and
 * NetWkstaTransportEnum (no transport: the sandbox has no network). */
#include "netapi_private.h"

/* A NetApiBufferAllocate'd structure of fixed bytes followed by room for
 * its strings. */
static NET_API_STATUS alloc_info(DWORD fixed, DWORD strings, void **out, BYTE **p)
{
	NET_API_STATUS st = NetApiBufferAllocate(fixed + strings, out);

	if (st == NERR_Success)
		*p = (BYTE *)*out + fixed;
	return st;
}

NET_API NET_API_STATUS WINAPI NetWkstaUserGetInfo(LMSTR reserved, DWORD level, LPBYTE *out)
{
	WCHAR user[UNLEN + 1], me[MAX_COMPUTERNAME_LENGTH + 1];
	DWORD n = ARRAYSIZE(me), room = sizeof(user) + 2 * sizeof(me) + sizeof(WCHAR);
	NET_API_STATUS st;
	BYTE *p;
	void *info;

	if (reserved || !out)
		return ERROR_INVALID_PARAMETER;
	if (level != 0 && level != 1 && level != 1101)
		return ERROR_INVALID_LEVEL;
	if (!net_user(user, ARRAYSIZE(user)) || !GetComputerNameW(me, &n))
		return GetLastError();
	if (level == 0) {
		if ((st = alloc_info(sizeof(WKSTA_USER_INFO_0), room, &info, &p)))
			return st;
		((WKSTA_USER_INFO_0 *)info)->wkui0_username = net_put(&p, user);
	} else if (level == 1) {
		WKSTA_USER_INFO_1 *u;

		if ((st = alloc_info(sizeof(*u), room, &info, &p)))
			return st;
		u = info;
		u->wkui1_username = net_put(&p, user);
		u->wkui1_logon_domain = net_put(&p, me); /* a local account: this computer */
		u->wkui1_oth_domains = net_put(&p, L"");
		u->wkui1_logon_server = net_put(&p, me);
	} else {
		if ((st = alloc_info(sizeof(WKSTA_USER_INFO_1101), room, &info, &p)))
			return st;
		((WKSTA_USER_INFO_1101 *)info)->wkui1101_oth_domains = net_put(&p, L"");
	}
	*out = info;
	return NERR_Success;
}

/* The computer's name in a buffer for NetApiBufferFree. */
NET_API NET_API_STATUS WINAPI NetpGetComputerName(LPWSTR *out)
{
	WCHAR me[MAX_COMPUTERNAME_LENGTH + 1];
	DWORD n = ARRAYSIZE(me);
	NET_API_STATUS st;

	if (!out)
		return ERROR_INVALID_PARAMETER;
	if (!GetComputerNameW(me, &n))
		return GetLastError();
	if ((st = NetApiBufferAllocate((n + 1) * sizeof(WCHAR), (void **)out)))
		return st;
	memcpy(*out, me, (n + 1) * sizeof(WCHAR));
	return NERR_Success;
}

/* Level 0 only; a missing total is RPC_X_NULL_REF_POINTER, as the RPC
 * stub of Windows reports it.  With no network there is no transport to
 * list: ERROR_NETWORK_UNREACHABLE. */
NET_API NET_API_STATUS WINAPI NetWkstaTransportEnum(LMSTR server, DWORD level, LPBYTE *out, DWORD max_len,
						    LPDWORD read, LPDWORD total, LPDWORD resume)
{
	if (level != 0)
		return ERROR_INVALID_LEVEL;
	if (!out || !read)
		return ERROR_INVALID_PARAMETER;
	if (!total)
		return RPC_X_NULL_REF_POINTER;
	if (!net_local(server))
		return ERROR_BAD_NETPATH;
	*out = NULL;
	*read = *total = 0;
	return ERROR_NETWORK_UNREACHABLE;
}
