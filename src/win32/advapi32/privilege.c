/* Privilege names and LUIDs (LookupPrivilegeValue, LookupPrivilegeName):
 * the SE_*_PRIVILEGE values of winnt.h, 2 to 36, the same on every
 * system; names compare without regard to case. */
#include "adv_security.h"

static const char *const names[] = {
	"SeCreateTokenPrivilege", "SeAssignPrimaryTokenPrivilege", "SeLockMemoryPrivilege",
	"SeIncreaseQuotaPrivilege", "SeMachineAccountPrivilege", "SeTcbPrivilege",
	"SeSecurityPrivilege", "SeTakeOwnershipPrivilege", "SeLoadDriverPrivilege",
	"SeSystemProfilePrivilege", "SeSystemtimePrivilege", "SeProfileSingleProcessPrivilege",
	"SeIncreaseBasePriorityPrivilege", "SeCreatePagefilePrivilege",
	"SeCreatePermanentPrivilege", "SeBackupPrivilege", "SeRestorePrivilege",
	"SeShutdownPrivilege", "SeDebugPrivilege", "SeAuditPrivilege",
	"SeSystemEnvironmentPrivilege", "SeChangeNotifyPrivilege", "SeRemoteShutdownPrivilege",
	"SeUndockPrivilege", "SeSyncAgentPrivilege", "SeEnableDelegationPrivilege",
	"SeManageVolumePrivilege", "SeImpersonatePrivilege", "SeCreateGlobalPrivilege",
	"SeTrustedCredManAccessPrivilege", "SeRelabelPrivilege", "SeIncreaseWorkingSetPrivilege",
	"SeTimeZonePrivilege", "SeCreateSymbolicLinkPrivilege",
	"SeDelegateSessionUserImpersonatePrivilege",
};
#define FIRST_LUID 2
#define COUNT (sizeof(names) / sizeof(names[0]))

static WCHAR lower(WCHAR c)
{
	return c >= 'A' && c <= 'Z' ? (WCHAR)(c + 32) : c;
}

static BOOL same_name(const WCHAR *w, const char *a)
{
	for (; *w && *a; w++, a++)
		if (lower(*w) != lower((WCHAR)*a))
			return FALSE;
	return !*w && !*a;
}

ADVAPI BOOL WINAPI LookupPrivilegeValueW(LPCWSTR system, LPCWSTR name, PLUID luid)
{
	(void)system; /* one machine: the local one */
	if (!name || !luid)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	for (DWORD i = 0; i < COUNT; i++)
		if (same_name(name, names[i])) {
			luid->LowPart = FIRST_LUID + i;
			luid->HighPart = 0;
			return TRUE;
		}
	return adv_fail_error(ERROR_NO_SUCH_PRIVILEGE);
}

ADVAPI BOOL WINAPI LookupPrivilegeValueA(LPCSTR system, LPCSTR name, PLUID luid)
{
	WCHAR w[64];
	DWORD i = 0;

	(void)system;
	if (!name || !luid)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	for (; name[i] && i + 1 < sizeof(w) / sizeof(w[0]); i++)
		w[i] = (BYTE)name[i];
	if (name[i])
		return adv_fail_error(ERROR_NO_SUCH_PRIVILEGE);
	w[i] = 0;
	return LookupPrivilegeValueW(NULL, w, luid);
}

/* The name of a LUID, or NULL. */
static const char *name_of(const LUID *luid)
{
	if (!luid || luid->HighPart || luid->LowPart < FIRST_LUID ||
	    luid->LowPart >= FIRST_LUID + COUNT)
		return NULL;
	return names[luid->LowPart - FIRST_LUID];
}

/* *len in characters: the room given; set to the name's length on
 * success, to the room needed (with the NUL) when short. */
static BOOL copy_name(const char *n, void *out, LPDWORD len, BOOL wide)
{
	DWORD k = (DWORD)strlen(n);

	if (!len)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (!out || *len <= k) {
		*len = k + 1;
		return adv_fail_error(ERROR_INSUFFICIENT_BUFFER);
	}
	for (DWORD i = 0; i <= k; i++) {
		if (wide)
			((WCHAR *)out)[i] = (BYTE)n[i];
		else
			((char *)out)[i] = n[i];
	}
	*len = k;
	return TRUE;
}

ADVAPI BOOL WINAPI LookupPrivilegeNameW(LPCWSTR system, PLUID luid, LPWSTR name, LPDWORD len)
{
	const char *n = name_of(luid);

	(void)system;
	return n ? copy_name(n, name, len, TRUE) : adv_fail_error(ERROR_NO_SUCH_PRIVILEGE);
}

ADVAPI BOOL WINAPI LookupPrivilegeNameA(LPCSTR system, PLUID luid, LPSTR name, LPDWORD len)
{
	const char *n = name_of(luid);

	(void)system;
	return n ? copy_name(n, name, len, FALSE) : adv_fail_error(ERROR_NO_SUCH_PRIVILEGE);
}
