/* Accounts: GetUserNameA/W, LookupAccountSidA/W and LookupAccountNameA/W
 * for the one user (the prefix's SID, its name from its profile path)
 * and the well-known accounts a standard Windows 10 machine has.  Local
 * accounts' domain is the computer's name. */
#include "adv_security.h"

static const struct adv_sid user = { 5, 5, { 21, 0, 0, 0, 1000 } }; /* ADV_USER_SID */

/* name NULL: the user's; domain NULL: the computer's. */
static const struct {
	struct adv_sid sid;
	const WCHAR *name, *domain;
	SID_NAME_USE use;
} accounts[] = {
	{ { 5, 5, { 21, 0, 0, 0, 1000 } }, NULL, NULL, SidTypeUser },
	{ { 5, 5, { 21, 0, 0, 0, 513 } }, L"None", NULL, SidTypeGroup },
	{ { 1, 1, { 0 } }, L"Everyone", L"", SidTypeWellKnownGroup },
	{ { 2, 1, { 0 } }, L"LOCAL", L"", SidTypeWellKnownGroup },
	{ { 2, 1, { 1 } }, L"CONSOLE LOGON", L"", SidTypeWellKnownGroup },
	{ { 5, 1, { 4 } }, L"INTERACTIVE", L"NT AUTHORITY", SidTypeWellKnownGroup },
	{ { 5, 1, { 11 } }, L"Authenticated Users", L"NT AUTHORITY", SidTypeWellKnownGroup },
	{ { 5, 1, { 15 } }, L"This Organization", L"NT AUTHORITY", SidTypeWellKnownGroup },
	{ { 5, 1, { 18 } }, L"SYSTEM", L"NT AUTHORITY", SidTypeWellKnownGroup },
	{ { 5, 1, { 19 } }, L"LOCAL SERVICE", L"NT AUTHORITY", SidTypeWellKnownGroup },
	{ { 5, 1, { 20 } }, L"NETWORK SERVICE", L"NT AUTHORITY", SidTypeWellKnownGroup },
	{ { 5, 2, { 32, 544 } }, L"Administrators", L"BUILTIN", SidTypeAlias },
	{ { 5, 2, { 32, 545 } }, L"Users", L"BUILTIN", SidTypeAlias },
	{ { 5, 2, { 32, 546 } }, L"Guests", L"BUILTIN", SidTypeAlias },
	{ { 16, 1, { 0x1000 } }, L"Low Mandatory Level", L"Mandatory Label", SidTypeLabel },
	{ { 16, 1, { 0x2000 } }, L"Medium Mandatory Level", L"Mandatory Label", SidTypeLabel },
	{ { 16, 1, { 0x3000 } }, L"High Mandatory Level", L"Mandatory Label", SidTypeLabel },
	{ { 16, 1, { 0x4000 } }, L"System Mandatory Level", L"Mandatory Label", SidTypeLabel },
};

static void make_sid(const struct adv_sid *d, SID *s)
{
	s->Revision = SID_REVISION;
	s->SubAuthorityCount = d->count;
	memset(&s->IdentifierAuthority, 0, 6);
	s->IdentifierAuthority.Value[5] = d->authority;
	memcpy(s->SubAuthority, d->sub, 4u * d->count);
}

PSID adv_user_sid(void)
{
	static BYTE buf[8 + 4 * 5];

	make_sid(&user, (SID *)buf);
	return buf;
}

static BOOL registry_string(const WCHAR *key, const WCHAR *value, WCHAR *out, DWORD cap)
{
	DWORD bytes = cap * sizeof(WCHAR);
	LSTATUS err = RegGetValueW(HKEY_LOCAL_MACHINE, key, value, RRF_RT_REG_SZ | RRF_RT_REG_EXPAND_SZ |
				   RRF_NOEXPAND, NULL, out, &bytes);

	return err == ERROR_SUCCESS || adv_fail_error(err);
}

BOOL adv_computer_name(WCHAR *out, DWORD cap)
{
	return registry_string(L"SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName",
			       L"ComputerName", out, cap);
}

BOOL adv_user_name(WCHAR *out, DWORD cap, DWORD *len)
{
	WCHAR path[MAX_PATH];
	const WCHAR *name = path;

	if (!registry_string(L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\"
			     ADV_USER_SID, L"ProfileImagePath", path, MAX_PATH))
		return FALSE;
	for (const WCHAR *p = path; *p; p++)
		if (*p == L'\\')
			name = p + 1;
	*len = (DWORD)wcslen(name);
	if (*len + 1 > cap)
		return adv_fail_error(ERROR_INSUFFICIENT_BUFFER);
	memcpy(out, name, (*len + 1) * sizeof(WCHAR));
	return TRUE;
}

/* An account's names, SID and kind; FALSE if its user or computer name
 * cannot be read. */
BOOL adv_account(int i, WCHAR name[UNLEN + 1], WCHAR domain[MAX_COMPUTERNAME_LENGTH + 1],
		 SID_NAME_USE *use, SID *sid)
{
	DWORD len;

	if (accounts[i].name)
		wcscpy(name, accounts[i].name);
	else if (!adv_user_name(name, UNLEN + 1, &len))
		return FALSE;
	if (accounts[i].domain)
		wcscpy(domain, accounts[i].domain);
	else if (!adv_computer_name(domain, MAX_COMPUTERNAME_LENGTH + 1))
		return FALSE;
	*use = accounts[i].use;
	make_sid(&accounts[i].sid, sid);
	return TRUE;
}

int adv_account_count(void)
{
	return ARRAYSIZE(accounts);
}

/* Both forms: too small, ERROR_INSUFFICIENT_BUFFER and the size needed;
 * sizes count the NUL. */
static BOOL user_name_out(void *out, LPDWORD size, BOOL wide)
{
	WCHAR name[UNLEN + 1];
	DWORD len;

	if (!size)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (!adv_user_name(name, ARRAYSIZE(name), &len))
		return FALSE;
	if (!out || *size < len + 1) {
		*size = len + 1;
		return adv_fail_error(ERROR_INSUFFICIENT_BUFFER);
	}
	if (wide)
		memcpy(out, name, (len + 1) * sizeof(WCHAR));
	else
		adv_w_to_a(name, len + 1, out);
	*size = len + 1;
	return TRUE;
}

ADVAPI BOOL WINAPI GetUserNameW(LPWSTR out, LPDWORD size)
{
	return user_name_out(out, size, TRUE);
}

ADVAPI BOOL WINAPI GetUserNameA(LPSTR out, LPDWORD size)
{
	return user_name_out(out, size, FALSE);
}
