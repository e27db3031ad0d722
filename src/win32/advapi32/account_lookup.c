/* LookupAccountSidA/W and LookupAccountNameA/W over the known accounts
 * (account.c).  Only this computer answers (a system name, if given,
 * must be it); an unknown SID or name is ERROR_NONE_MAPPED.  Buffers too
 * small: ERROR_INSUFFICIENT_BUFFER with every size set to what is
 * needed (characters with the NUL, bytes for a SID), as documented; on
 * success the sizes are the lengths copied, without the NUL. */
#include "adv_security.h"

#define SID_MAX_BYTES (8 + 4 * SID_MAX_SUB_AUTHORITIES)

static BOOL local_system(const WCHAR *system)
{
	WCHAR me[MAX_COMPUTERNAME_LENGTH + 1];

	if (!system || !*system)
		return TRUE;
	while (*system == L'\\')
		system++;
	return adv_computer_name(me, ARRAYSIZE(me)) && !_wcsicmp(system, me);
}

static BOOL fits(const WCHAR *s, const WCHAR *out, const DWORD *cap)
{
	return out && *cap > wcslen(s);
}

/* Copies s out; *cap becomes its length (without the NUL). */
static void give(const WCHAR *s, WCHAR *out, DWORD *cap)
{
	*cap = (DWORD)wcslen(s);
	memcpy(out, s, (*cap + 1) * sizeof(WCHAR));
}

/* Too small: every size becomes what is needed, NUL included. */
static BOOL too_small(const WCHAR *s, DWORD *cap, const WCHAR *s2, DWORD *cap2)
{
	*cap = (DWORD)wcslen(s) + 1;
	if (s2)
		*cap2 = (DWORD)wcslen(s2) + 1;
	return adv_fail_error(ERROR_INSUFFICIENT_BUFFER);
}

ADVAPI BOOL WINAPI LookupAccountSidW(LPCWSTR system, PSID sid, LPWSTR name, LPDWORD name_len,
				     LPWSTR domain, LPDWORD domain_len, PSID_NAME_USE use)
{
	WCHAR n[UNLEN + 1], d[MAX_COMPUTERNAME_LENGTH + 1];
	BYTE s[SID_MAX_BYTES];

	if (!IsValidSid(sid) || !name_len || !domain_len || !use)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (!local_system(system))
		return adv_fail_error(RPC_S_SERVER_UNAVAILABLE);
	for (int i = 0; i < adv_account_count(); i++) {
		if (!adv_account(i, n, d, use, (SID *)s))
			return FALSE;
		if (!EqualSid(s, sid))
			continue;
		if (!fits(n, name, name_len) || !fits(d, domain, domain_len))
			return too_small(n, name_len, d, domain_len);
		give(n, name, name_len);
		give(d, domain, domain_len);
		return TRUE;
	}
	return adv_fail_error(ERROR_NONE_MAPPED);
}

/* "name", "DOMAIN\name" (".\name" for this computer). */
static BOOL name_matches(const WCHAR *asked, const WCHAR *name, const WCHAR *domain)
{
	const WCHAR *slash = wcschr(asked, L'\\');
	WCHAR me[MAX_COMPUTERNAME_LENGTH + 1];
	size_t dl;

	if (!slash)
		return !_wcsicmp(asked, name);
	if (_wcsicmp(slash + 1, name))
		return FALSE;
	dl = (size_t)(slash - asked);
	if (dl == 1 && asked[0] == L'.')
		return adv_computer_name(me, ARRAYSIZE(me)) && !_wcsicmp(domain, me);
	return wcslen(domain) == dl && !_wcsnicmp(asked, domain, dl);
}

ADVAPI BOOL WINAPI LookupAccountNameW(LPCWSTR system, LPCWSTR account, PSID sid, LPDWORD sid_len,
				      LPWSTR domain, LPDWORD domain_len, PSID_NAME_USE use)
{
	WCHAR n[UNLEN + 1], d[MAX_COMPUTERNAME_LENGTH + 1];
	BYTE s[SID_MAX_BYTES];

	if (!account || !sid_len || !domain_len || !use)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (!local_system(system))
		return adv_fail_error(RPC_S_SERVER_UNAVAILABLE);
	for (int i = 0; i < adv_account_count(); i++) {
		DWORD need;

		if (!adv_account(i, n, d, use, (SID *)s))
			return FALSE;
		if (!name_matches(account, n, d))
			continue;
		need = GetLengthSid(s);
		if (!sid || *sid_len < need || !fits(d, domain, domain_len)) {
			*sid_len = need;
			return too_small(d, domain_len, NULL, NULL);
		}
		memcpy(sid, s, need);
		*sid_len = need;
		give(d, domain, domain_len);
		return TRUE;
	}
	return adv_fail_error(ERROR_NONE_MAPPED);
}

/* The A forms: the W call into wide buffers, narrowed on success. */
ADVAPI BOOL WINAPI LookupAccountSidA(LPCSTR system, PSID sid, LPSTR name, LPDWORD name_len,
				     LPSTR domain, LPDWORD domain_len, PSID_NAME_USE use)
{
	WCHAR n[UNLEN + 1], d[MAX_COMPUTERNAME_LENGTH + 1], *wsys = NULL;
	DWORD nl = name_len && name ? min(*name_len, ARRAYSIZE(n)) : 0;
	DWORD dl = domain_len && domain ? min(*domain_len, ARRAYSIZE(d)) : 0;
	LSTATUS err = adv_a_to_w(system, &wsys);
	BOOL ok;

	if (err == ERROR_SUCCESS && (!name_len || !domain_len))
		err = ERROR_INVALID_PARAMETER;
	if (err != ERROR_SUCCESS) {
		adv_free(wsys);
		return adv_fail_error(err);
	}
	ok = LookupAccountSidW(wsys, sid, nl ? n : NULL, &nl, dl ? d : NULL, &dl, use);
	adv_free(wsys);
	if (ok) {
		adv_w_to_a(n, nl + 1, name);
		adv_w_to_a(d, dl + 1, domain);
	}
	*name_len = nl;
	*domain_len = dl;
	return ok;
}

ADVAPI BOOL WINAPI LookupAccountNameA(LPCSTR system, LPCSTR account, PSID sid, LPDWORD sid_len,
				      LPSTR domain, LPDWORD domain_len, PSID_NAME_USE use)
{
	WCHAR d[MAX_COMPUTERNAME_LENGTH + 1], *wsys = NULL, *wacc = NULL;
	DWORD dl = domain_len && domain ? min(*domain_len, ARRAYSIZE(d)) : 0;
	LSTATUS err = adv_a_to_w(system, &wsys);
	BOOL ok = FALSE;

	if (err == ERROR_SUCCESS)
		err = adv_a_to_w(account, &wacc);
	if (err != ERROR_SUCCESS || !domain_len) {
		adv_free(wsys);
		return adv_fail_error(err != ERROR_SUCCESS ? err : ERROR_INVALID_PARAMETER);
	}
	ok = LookupAccountNameW(wsys, wacc, sid, sid_len, dl ? d : NULL, &dl, use);
	adv_free(wsys);
	adv_free(wacc);
	if (ok)
		adv_w_to_a(d, dl + 1, domain);
	*domain_len = dl;
	return ok;
}
