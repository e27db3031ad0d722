/* AccessCheck and PrivilegeCheck over ntdll's NtAccessCheck and
 * NtPrivilegeCheck.  AccessCheck: a descriptor against an impersonation
 * token.  The function succeeds when the check could be made; whether
 * access is granted is *AccessStatus, and a denial sets the last error
 * from the check's status (ERROR_ACCESS_DENIED, ERROR_PRIVILEGE_NOT_HELD)
 * while a grant leaves it alone, as Wine's advapi32 security tests see on
 * Windows. */
#include "adv_security.h"

NTSTATUS NTAPI NtAccessCheck(PSECURITY_DESCRIPTOR, HANDLE, ACCESS_MASK, PGENERIC_MAPPING,
			     PPRIVILEGE_SET, PULONG, PACCESS_MASK, NTSTATUS *);
NTSTATUS NTAPI NtPrivilegeCheck(HANDLE, PPRIVILEGE_SET, PBOOLEAN);

ADVAPI BOOL WINAPI AccessCheck(PSECURITY_DESCRIPTOR sd, HANDLE token, DWORD desired,
			       PGENERIC_MAPPING mapping, PPRIVILEGE_SET privileges,
			       LPDWORD privileges_len, LPDWORD granted, LPBOOL access_status)
{
	NTSTATUS check = 0;
	NTSTATUS st = NtAccessCheck(sd, token, desired, mapping, privileges, privileges_len,
				    granted, &check);

	if (st < 0)
		return adv_error_status(st);
	*access_status = check >= 0;
	if (check < 0)
		RtlSetLastWin32Error(RtlNtStatusToDosError(check));
	return TRUE;
}

ADVAPI BOOL WINAPI PrivilegeCheck(HANDLE token, PPRIVILEGE_SET privileges, LPBOOL result)
{
	BOOLEAN all_held = FALSE;
	NTSTATUS st = NtPrivilegeCheck(token, privileges, &all_held);

	if (st < 0)
		return adv_error_status(st);
	*result = all_held;
	return TRUE;
}
