/*
 * The computer's local accounts and groups, as a new Windows 10 machine
 * has them: the built-in accounts (Administrator, DefaultAccount, Guest,
 * WDAGUtilityAccount: disabled, as Windows ships them) and the one user
 * of the sandbox (relative id 1000, its token's), a member of Users.
 * They are fixed: the sandbox's user is a standard user, who may not add
 * or remove accounts (ERROR_ACCESS_DENIED, as for one on Windows).
 */
#include "netapi_private.h"

static const struct net_account builtin[] = {
	{ L"Administrator", DOMAIN_USER_RID_ADMIN, UF_ACCOUNTDISABLE,
	  L"Built-in account for administering the computer/domain", USER_PRIV_ADMIN },
	{ L"DefaultAccount", 503, UF_ACCOUNTDISABLE | UF_PASSWD_NOTREQD,
	  L"A user account managed by the system.", USER_PRIV_GUEST },
	{ L"Guest", DOMAIN_USER_RID_GUEST, UF_ACCOUNTDISABLE | UF_PASSWD_NOTREQD | UF_PASSWD_CANT_CHANGE,
	  L"Built-in account for guest access to the computer/domain", USER_PRIV_GUEST },
	{ L"WDAGUtilityAccount", 504, UF_ACCOUNTDISABLE,
	  L"A user account managed and used by the system for Windows Defender Application Guard scenarios.",
	  USER_PRIV_USER },
};

/* The sandbox's user, by the name the process runs as. */
static BOOL own_account(struct net_account *out, WCHAR *name, DWORD cap)
{
	if (!net_user(name, cap))
		return FALSE;
	*out = (struct net_account){ name, 1000, 0, L"", USER_PRIV_USER };
	return TRUE;
}

DWORD net_accounts(struct net_account out[NET_ACCOUNTS_MAX], WCHAR *own_name, DWORD cap)
{
	DWORD n = 0;
	for (size_t i = 0; i < ARRAYSIZE(builtin); i++)
		out[n++] = builtin[i];
	if (own_account(&out[n], own_name, cap))
		n++;
	/* Sorted by name, as the enumerations return them. */
	for (DWORD i = 1; i < n; i++)
		for (DWORD j = i; j && lstrcmpiW(out[j - 1].name, out[j].name) > 0; j--) {
			struct net_account t = out[j];
			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	return n;
}

BOOL net_account(const WCHAR *name, struct net_account *out, WCHAR *own_name, DWORD cap)
{
	struct net_account all[NET_ACCOUNTS_MAX];
	DWORD n = net_accounts(all, own_name, cap);
	for (DWORD i = 0; name && i < n; i++)
		if (!lstrcmpiW(all[i].name, name)) {
			*out = all[i];
			return TRUE;
		}
	return FALSE;
}

/* The local groups the accounts are in; Administrators holds the
 * built-in administrator only (the sandbox's user is not elevated). */
static const struct net_group {
	const WCHAR *name, *comment, *members[2];
} groups[] = {
	{ L"Administrators", L"Administrators have complete and unrestricted access to the computer/domain",
	  { L"Administrator" } },
	{ L"Guests", L"Guests have the same access as members of the Users group by default, except for the Guest account which is further restricted",
	  { L"Guest" } },
	{ L"Users", L"Users are prevented from making accidental or intentional system-wide changes and can run most applications",
	  { NULL } },	/* the sandbox's user, added below */
};

static const struct net_group *find_group(const WCHAR *name)
{
	for (size_t i = 0; name && i < ARRAYSIZE(groups); i++)
		if (!lstrcmpiW(groups[i].name, name))
			return &groups[i];
	return NULL;
}

NET_API NET_API_STATUS WINAPI NetLocalGroupGetInfo(LPCWSTR server, LPCWSTR name, DWORD level,
						   LPBYTE *out)
{
	if (!out)
		return ERROR_INVALID_PARAMETER;
	if (!net_local(server))
		return ERROR_BAD_NETPATH;
	const struct net_group *g = find_group(name);
	if (!g)
		return NERR_GroupNotFound;
	if (level != 0 && level != 1)
		return ERROR_INVALID_LEVEL;
	LOCALGROUP_INFO_1 *info;
	DWORD room = (lstrlenW(g->name) + lstrlenW(g->comment) + 2) * sizeof(WCHAR);
	NET_API_STATUS st = NetApiBufferAllocate(sizeof(*info) + room, (LPVOID *)&info);
	if (st)
		return st;
	BYTE *p = (BYTE *)(info + 1);
	info->lgrpi1_name = net_put(&p, g->name);
	if (level == 1)
		info->lgrpi1_comment = net_put(&p, g->comment);
	*out = (LPBYTE)info;
	return NERR_Success;
}

/* Every local group at level 0 (names) or 1 (names and comments), at
 * once; a resumed enumeration has nothing left. */
NET_API NET_API_STATUS WINAPI NetLocalGroupEnum(LPCWSTR server, DWORD level, LPBYTE *out, DWORD max,
						LPDWORD read, LPDWORD total, PDWORD_PTR resume)
{
	if (!out || !read || !total)
		return ERROR_INVALID_PARAMETER;
	if (!net_local(server))
		return ERROR_BAD_NETPATH;
	if (level != 0 && level != 1)
		return ERROR_INVALID_LEVEL;
	*read = *total = 0;
	*out = NULL;
	if (resume && *resume)
		return NERR_Success;
	DWORD n = ARRAYSIZE(groups), room = 0;
	for (DWORD i = 0; i < n; i++)
		room += (lstrlenW(groups[i].name) + lstrlenW(groups[i].comment) + 2) * sizeof(WCHAR);
	LOCALGROUP_INFO_1 *info;
	NET_API_STATUS st = NetApiBufferAllocate(n * sizeof(*info) + room, (LPVOID *)&info);
	if (st)
		return st;
	/* Level 0's entries are level 1's first field alone. */
	DWORD size = level ? sizeof(LOCALGROUP_INFO_1) : sizeof(LOCALGROUP_INFO_0);
	BYTE *p = (BYTE *)info + n * size;
	for (DWORD i = 0; i < n; i++) {
		LOCALGROUP_INFO_1 *e = (LOCALGROUP_INFO_1 *)((BYTE *)info + i * size);
		e->lgrpi1_name = net_put(&p, groups[i].name);
		if (level)
			e->lgrpi1_comment = net_put(&p, groups[i].comment);
	}
	*out = (LPBYTE)info;
	*read = *total = n;
	if (resume)
		*resume = n;
	return NERR_Success;
}

/* Level 3 only: DOMAIN\name of each member (the domain is the computer). */
NET_API NET_API_STATUS WINAPI NetLocalGroupGetMembers(LPCWSTR server, LPCWSTR name, DWORD level,
						      LPBYTE *out, DWORD max, LPDWORD read,
						      LPDWORD total, PDWORD_PTR resume)
{
	WCHAR computer[MAX_COMPUTERNAME_LENGTH + 1], own[UNLEN + 1], full[2][MAX_COMPUTERNAME_LENGTH + UNLEN + 2];
	DWORD cn = ARRAYSIZE(computer), count = 0;
	if (!out || !read || !total)
		return ERROR_INVALID_PARAMETER;
	if (!net_local(server))
		return ERROR_BAD_NETPATH;
	const struct net_group *g = find_group(name);
	if (!g)
		return NERR_GroupNotFound;
	if (level != 3)
		return ERROR_INVALID_LEVEL;
	*read = *total = 0;
	*out = NULL;
	if (resume && *resume)
		return NERR_Success;
	if (!GetComputerNameW(computer, &cn))
		return GetLastError();
	const WCHAR *members[2] = { g->members[0], g->members[1] };
	if (!members[0] && net_user(own, ARRAYSIZE(own)))
		members[0] = own;
	DWORD room = 0;
	for (; count < 2 && members[count]; count++) {
		lstrcpyW(full[count], computer);
		lstrcatW(full[count], L"\\");
		lstrcatW(full[count], members[count]);
		room += (lstrlenW(full[count]) + 1) * sizeof(WCHAR);
	}
	LOCALGROUP_MEMBERS_INFO_3 *m;
	NET_API_STATUS st = NetApiBufferAllocate(count * sizeof(*m) + room, (LPVOID *)&m);
	if (st)
		return st;
	BYTE *p = (BYTE *)(m + count);
	for (DWORD i = 0; i < count; i++)
		m[i].lgrmi3_domainandname = net_put(&p, full[i]);
	*out = (LPBYTE)m;
	*read = *total = count;
	return NERR_Success;
}

/* Windows' defaults for a standalone computer's account policy. */
NET_API NET_API_STATUS WINAPI NetUserModalsGet(LPCWSTR server, DWORD level, LPBYTE *out)
{
	if (!out)
		return ERROR_INVALID_PARAMETER;
	if (!net_local(server))
		return ERROR_BAD_NETPATH;
	NET_API_STATUS st;
	switch (level) {
	case 0: {
		USER_MODALS_INFO_0 *m;
		if ((st = NetApiBufferAllocate(sizeof(*m), (LPVOID *)&m)))
			return st;
		*m = (USER_MODALS_INFO_0){ .usrmod0_min_passwd_len = 0,
					   .usrmod0_max_passwd_age = 42 * 24 * 3600,
					   .usrmod0_min_passwd_age = 0,
					   .usrmod0_force_logoff = TIMEQ_FOREVER,
					   .usrmod0_password_hist_len = 0 };
		*out = (LPBYTE)m;
		return NERR_Success;
	}
	case 1: {
		USER_MODALS_INFO_1 *m;
		if ((st = NetApiBufferAllocate(sizeof(*m) + sizeof(WCHAR), (LPVOID *)&m)))
			return st;
		BYTE *p = (BYTE *)(m + 1);
		m->usrmod1_role = UAS_ROLE_PRIMARY;
		m->usrmod1_primary = net_put(&p, L"");
		*out = (LPBYTE)m;
		return NERR_Success;
	}
	case 2: {
		/* The computer's account domain: its name and its SID, the
		 * user's SID without the relative id. */
		WCHAR computer[MAX_COMPUTERNAME_LENGTH + 1];
		DWORD cn = ARRAYSIZE(computer), got;
		BYTE tok[128];
		USER_MODALS_INFO_2 *m;
		if (!GetComputerNameW(computer, &cn) ||
		    !GetTokenInformation((HANDLE)(LONG_PTR)-4, TokenUser, tok, sizeof(tok), &got))
			return GetLastError();
		PSID user = ((TOKEN_USER *)tok)->User.Sid;
		DWORD sid_len = GetLengthSid(user);
		if ((st = NetApiBufferAllocate(sizeof(*m) + sid_len + 4 + (cn + 1) * sizeof(WCHAR),
					       (LPVOID *)&m)))
			return st;
		BYTE *p = (BYTE *)(m + 1);
		CopySid(sid_len, p, user);
		(*GetSidSubAuthorityCount(p))--;
		m->usrmod2_domain_id = p;
		p += sid_len;
		m->usrmod2_domain_name = net_put(&p, computer);
		*out = (LPBYTE)m;
		return NERR_Success;
	}
	case 3: {
		USER_MODALS_INFO_3 *m;
		if ((st = NetApiBufferAllocate(sizeof(*m), (LPVOID *)&m)))
			return st;
		*m = (USER_MODALS_INFO_3){ .usrmod3_lockout_duration = 1800,
					   .usrmod3_lockout_observation_window = 1800,
					   .usrmod3_lockout_threshold = 0 };
		*out = (LPBYTE)m;
		return NERR_Success;
	}
	}
	return ERROR_INVALID_LEVEL;
}

NET_API NET_API_STATUS WINAPI NetUserAdd(LPCWSTR server, DWORD level, LPBYTE buf, LPDWORD error)
{
	if (!net_local(server))
		return ERROR_BAD_NETPATH;
	if (level < 1 || level > 4)
		return ERROR_INVALID_LEVEL;
	if (!buf)
		return ERROR_INVALID_PARAMETER;
	return ERROR_ACCESS_DENIED;
}

NET_API NET_API_STATUS WINAPI NetUserDel(LPCWSTR server, LPCWSTR name)
{
	WCHAR own[UNLEN + 1];
	struct net_account a;
	if (!net_local(server))
		return ERROR_BAD_NETPATH;
	return net_account(name, &a, own, ARRAYSIZE(own)) ? ERROR_ACCESS_DENIED : NERR_UserNotFound;
}

/* Level 1 (users) only: NET_DISPLAY_USER entries from `index` on; the
 * next index is the entry's place plus one. */
NET_API NET_API_STATUS WINAPI NetQueryDisplayInformation(LPCWSTR server, DWORD level, DWORD index,
							 DWORD want, DWORD max, LPDWORD count,
							 PVOID *out)
{
	WCHAR own[UNLEN + 1];
	struct net_account all[NET_ACCOUNTS_MAX];
	if (!count || !out)
		return ERROR_INVALID_PARAMETER;
	if (!net_local(server))
		return ERROR_BAD_NETPATH;
	if (level != 1)
		return ERROR_INVALID_LEVEL;
	DWORD n = net_accounts(all, own, ARRAYSIZE(own)), first = index < n ? index : n;
	DWORD give = n - first;
	if (want && give > want)
		give = want;
	DWORD room = 0;
	for (DWORD i = first; i < first + give; i++)
		room += (lstrlenW(all[i].name) + lstrlenW(all[i].comment) + 2) * sizeof(WCHAR);
	NET_DISPLAY_USER *d;
	NET_API_STATUS st = NetApiBufferAllocate(give * sizeof(*d) + room + sizeof(WCHAR), (LPVOID *)&d);
	if (st)
		return st;
	BYTE *p = (BYTE *)(d + give);
	for (DWORD i = 0; i < give; i++) {
		const struct net_account *a = &all[first + i];
		d[i].usri1_name = net_put(&p, a->name);
		d[i].usri1_comment = net_put(&p, a->comment);
		d[i].usri1_full_name = d[i].usri1_name + lstrlenW(a->name);	/* "" */
		d[i].usri1_flags = a->flags | UF_SCRIPT | UF_NORMAL_ACCOUNT;
		d[i].usri1_user_id = a->rid;
		d[i].usri1_next_index = first + i + 1;
	}
	*out = d;
	*count = give;
	return first + give < n ? ERROR_MORE_DATA : NERR_Success;
}
