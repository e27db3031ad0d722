/* The local user: NetUserGetInfo (levels 0, 1, 10, 20, 23), NetUserEnum
 * (level 0: the one user) and NetUserGetLocalGroups (Users).  Any other
 * name is NERR_UserNotFound. */
#include "netapi_private.h"

static BOOL is_user(LPCWSTR name)
{
	WCHAR me[UNLEN + 1];

	return name && net_user(me, ARRAYSIZE(me)) && !lstrcmpiW(name, me);
}

/* The user's SID (the process token's) copied to *p; NULL if unknown. */
static PSID user_sid(BYTE **p)
{
	BYTE buf[128];
	DWORD n;
	PSID at = (PSID)(((ULONG_PTR)*p + 3) & ~(ULONG_PTR)3); /* a SID is DWORD-aligned */

	if (!GetTokenInformation((HANDLE)(LONG_PTR)-4, TokenUser, buf, sizeof(buf), &n) ||
	    !CopySid(SECURITY_MAX_SID_SIZE, at, ((TOKEN_USER *)buf)->User.Sid))
		return NULL;
	*p = (BYTE *)at + GetLengthSid(at);
	return at;
}

/* The level's structure and its strings, one buffer. */
static NET_API_STATUS user_info(const WCHAR *name, DWORD level, LPBYTE *out)
{
	DWORD room = 2 * (UNLEN + 2) * sizeof(WCHAR) + 4 * sizeof(WCHAR) + SECURITY_MAX_SID_SIZE;
	BYTE *buf, *p;
	NET_API_STATUS st;

	if (level != 0 && level != 1 && level != 10 && level != 20 && level != 23)
		return ERROR_INVALID_LEVEL;
	if ((st = NetApiBufferAllocate(sizeof(USER_INFO_23) + sizeof(USER_INFO_1) + room,
				       (LPVOID *)&buf)) != NERR_Success)
		return st;
	p = buf + sizeof(USER_INFO_23) + sizeof(USER_INFO_1);
	switch (level) {
	case 0: ((USER_INFO_0 *)buf)->usri0_name = net_put(&p, name); break;
	case 1: {
		USER_INFO_1 *u = (USER_INFO_1 *)buf;

		u->usri1_name = net_put(&p, name);
		u->usri1_priv = USER_PRIV_USER;
		u->usri1_home_dir = u->usri1_comment = u->usri1_script_path = net_put(&p, L"");
		u->usri1_flags = UF_SCRIPT | UF_NORMAL_ACCOUNT | UF_DONT_EXPIRE_PASSWD;
		break;
	}
	case 10: {
		USER_INFO_10 *u = (USER_INFO_10 *)buf;

		u->usri10_name = net_put(&p, name);
		u->usri10_comment = u->usri10_usr_comment = u->usri10_full_name = net_put(&p, L"");
		break;
	}
	default: { /* 20 and 23 start alike: name, full name, comment, flags */
		USER_INFO_20 *u = (USER_INFO_20 *)buf;

		u->usri20_name = net_put(&p, name);
		u->usri20_full_name = u->usri20_comment = net_put(&p, L"");
		u->usri20_flags = UF_SCRIPT | UF_NORMAL_ACCOUNT | UF_DONT_EXPIRE_PASSWD;
		u->usri20_user_id = 1000;
		if (level == 23)
			((USER_INFO_23 *)buf)->usri23_user_sid = user_sid(&p);
	}
	}
	*out = buf;
	return NERR_Success;
}

NET_API NET_API_STATUS WINAPI NetUserGetInfo(LPCWSTR server, LPCWSTR name, DWORD level, LPBYTE *out)
{
	if (!out)
		return ERROR_INVALID_PARAMETER;
	if (!net_local(server))
		return ERROR_BAD_NETPATH;
	if (!is_user(name))
		return NERR_UserNotFound;
	return user_info(name, level, out);
}

NET_API NET_API_STATUS WINAPI NetUserEnum(LPCWSTR server, DWORD level, DWORD filter, LPBYTE *out,
					  DWORD max, LPDWORD read, LPDWORD total, PDWORD resume)
{
	WCHAR me[UNLEN + 1];
	NET_API_STATUS st;

	if (!out || !read || !total)
		return ERROR_INVALID_PARAMETER;
	if (!net_local(server))
		return ERROR_BAD_NETPATH;
	*read = *total = 0;
	*out = NULL;
	if (resume && *resume)
		return NERR_Success; /* the one entry was given */
	if (!net_user(me, ARRAYSIZE(me)))
		return GetLastError();
	if ((st = user_info(me, level, out)) != NERR_Success)
		return st;
	*read = *total = 1;
	if (resume)
		*resume = 1;
	return NERR_Success;
}

NET_API NET_API_STATUS WINAPI NetUserGetLocalGroups(LPCWSTR server, LPCWSTR name, DWORD level,
						    DWORD flags, LPBYTE *out, DWORD max,
						    LPDWORD read, LPDWORD total)
{
	LOCALGROUP_USERS_INFO_0 *g;
	BYTE *p;
	NET_API_STATUS st;

	if (!out || !read || !total)
		return ERROR_INVALID_PARAMETER;
	if (!net_local(server))
		return ERROR_BAD_NETPATH;
	if (level != 0)
		return ERROR_INVALID_LEVEL;
	if (!is_user(name))
		return NERR_UserNotFound;
	if ((st = NetApiBufferAllocate(sizeof(*g) + sizeof(L"Users"), (LPVOID *)&g)) != NERR_Success)
		return st;
	p = (BYTE *)(g + 1);
	g->lgrui0_name = net_put(&p, L"Users");
	*out = (LPBYTE)g;
	*read = *total = 1;
	return NERR_Success;
}
