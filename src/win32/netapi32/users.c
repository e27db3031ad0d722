/* The local accounts (accounts.c) through NetUserGetInfo and NetUserEnum
 * (levels 0, 1, 10, 20, 23) and NetUserGetLocalGroups.  Any other name
 * is NERR_UserNotFound. */
#include "netapi_private.h"

/* The account's SID: the computer's domain (the process user's SID
 * without its relative id) and the account's relative id, at *p. */
static PSID account_sid(BYTE **p, DWORD rid)
{
	BYTE buf[128];
	DWORD n;
	PSID at = (PSID)(((ULONG_PTR)*p + 3) & ~(ULONG_PTR)3); /* a SID is DWORD-aligned */

	if (!GetTokenInformation((HANDLE)(LONG_PTR)-4, TokenUser, buf, sizeof(buf), &n) ||
	    !CopySid(SECURITY_MAX_SID_SIZE, at, ((TOKEN_USER *)buf)->User.Sid))
		return NULL;
	UCHAR count = *GetSidSubAuthorityCount(at);
	if (count)
		*GetSidSubAuthority(at, count - 1) = rid;
	*p = (BYTE *)at + GetLengthSid(at);
	return at;
}

static DWORD level_size(DWORD level)
{
	switch (level) {
	case 0: return sizeof(USER_INFO_0);
	case 1: return sizeof(USER_INFO_1);
	case 10: return sizeof(USER_INFO_10);
	case 20: return sizeof(USER_INFO_20);
	case 23: return sizeof(USER_INFO_23);
	}
	return 0;
}

/* Room for one account's strings and SID at any level. */
static DWORD strings_room(const struct net_account *a)
{
	return (lstrlenW(a->name) + lstrlenW(a->comment) + 4) * sizeof(WCHAR) +
	       SECURITY_MAX_SID_SIZE + 4;
}

/* The level's structure at `at`, its strings at *p. */
static void fill(const struct net_account *a, DWORD level, BYTE *at, BYTE **p)
{
	DWORD flags = a->flags | UF_SCRIPT | UF_NORMAL_ACCOUNT | UF_DONT_EXPIRE_PASSWD;
	WCHAR *name = net_put(p, a->name), *comment = net_put(p, a->comment), *empty = net_put(p, L"");

	switch (level) {
	case 0: ((USER_INFO_0 *)at)->usri0_name = name; break;
	case 1: {
		USER_INFO_1 *u = (USER_INFO_1 *)at;

		u->usri1_name = name;
		u->usri1_priv = a->priv;
		u->usri1_home_dir = u->usri1_script_path = empty;
		u->usri1_comment = comment;
		u->usri1_flags = flags;
		break;
	}
	case 10: {
		USER_INFO_10 *u = (USER_INFO_10 *)at;

		u->usri10_name = name;
		u->usri10_comment = comment;
		u->usri10_usr_comment = u->usri10_full_name = empty;
		break;
	}
	default: { /* 20 and 23 start alike: name, full name, comment, flags */
		USER_INFO_20 *u = (USER_INFO_20 *)at;

		u->usri20_name = name;
		u->usri20_full_name = empty;
		u->usri20_comment = comment;
		u->usri20_flags = flags;
		u->usri20_user_id = a->rid;
		if (level == 23)
			((USER_INFO_23 *)at)->usri23_user_sid = account_sid(p, a->rid);
	}
	}
}

/* `count` accounts at one level: the structures, then their strings. */
static NET_API_STATUS user_infos(const struct net_account *a, DWORD count, DWORD level, LPBYTE *out)
{
	DWORD size = level_size(level), room = 0;
	BYTE *buf, *p;
	NET_API_STATUS st;

	if (!size)
		return ERROR_INVALID_LEVEL;
	for (DWORD i = 0; i < count; i++)
		room += strings_room(&a[i]);
	if ((st = NetApiBufferAllocate(count * size + room, (LPVOID *)&buf)) != NERR_Success)
		return st;
	p = buf + count * size;
	for (DWORD i = 0; i < count; i++)
		fill(&a[i], level, buf + i * size, &p);
	*out = buf;
	return NERR_Success;
}

NET_API NET_API_STATUS WINAPI NetUserGetInfo(LPCWSTR server, LPCWSTR name, DWORD level, LPBYTE *out)
{
	WCHAR own[UNLEN + 1];
	struct net_account a;

	if (!out)
		return ERROR_INVALID_PARAMETER;
	if (!net_local(server))
		return ERROR_BAD_NETPATH;
	if (!level_size(level))
		return ERROR_INVALID_LEVEL;
	if (!net_account(name, &a, own, ARRAYSIZE(own)))
		return NERR_UserNotFound;
	return user_infos(&a, 1, level, out);
}

/* Every account at once (the list is short); a resumed enumeration has
 * nothing left. */
NET_API NET_API_STATUS WINAPI NetUserEnum(LPCWSTR server, DWORD level, DWORD filter, LPBYTE *out,
					  DWORD max, LPDWORD read, LPDWORD total, PDWORD resume)
{
	WCHAR own[UNLEN + 1];
	struct net_account all[NET_ACCOUNTS_MAX];
	NET_API_STATUS st;

	if (!out || !read || !total)
		return ERROR_INVALID_PARAMETER;
	if (!net_local(server))
		return ERROR_BAD_NETPATH;
	*read = *total = 0;
	*out = NULL;
	if (resume && *resume)
		return NERR_Success;
	DWORD n = net_accounts(all, own, ARRAYSIZE(own));
	/* All of them are normal accounts: another filter lists none. */
	if (filter && !(filter & FILTER_NORMAL_ACCOUNT))
		n = 0;
	if ((st = user_infos(all, n, level, out)) != NERR_Success)
		return st;
	*read = *total = n;
	if (resume)
		*resume = n;
	return NERR_Success;
}

/* The group an account is in (accounts.c's groups). */
static const WCHAR *group_of(const struct net_account *a)
{
	if (a->rid == DOMAIN_USER_RID_ADMIN)
		return L"Administrators";
	if (a->priv == USER_PRIV_GUEST)
		return L"Guests";
	return L"Users";
}

NET_API NET_API_STATUS WINAPI NetUserGetLocalGroups(LPCWSTR server, LPCWSTR name, DWORD level,
						    DWORD flags, LPBYTE *out, DWORD max,
						    LPDWORD read, LPDWORD total)
{
	WCHAR own[UNLEN + 1];
	struct net_account a;
	LOCALGROUP_USERS_INFO_0 *g;
	BYTE *p;
	NET_API_STATUS st;

	if (!out || !read || !total)
		return ERROR_INVALID_PARAMETER;
	if (!net_local(server))
		return ERROR_BAD_NETPATH;
	if (level != 0)
		return ERROR_INVALID_LEVEL;
	if (!net_account(name, &a, own, ARRAYSIZE(own)))
		return NERR_UserNotFound;
	const WCHAR *group = group_of(&a);
	if ((st = NetApiBufferAllocate(sizeof(*g) + (lstrlenW(group) + 1) * sizeof(WCHAR),
				       (LPVOID *)&g)) != NERR_Success)
		return st;
	p = (BYTE *)(g + 1);
	g->lgrui0_name = net_put(&p, group);
	*out = (LPBYTE)g;
	*read = *total = 1;
	return NERR_Success;
}
