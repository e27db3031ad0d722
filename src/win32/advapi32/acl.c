/* ACLs: advapi32's names for ntdll's Rtl ACL functions, their NTSTATUS
 * as the last error. */
#include "adv_security.h"

NTSTATUS NTAPI RtlCreateAcl(PACL, ULONG, ULONG);
BOOLEAN NTAPI RtlValidAcl(PACL);
BOOLEAN NTAPI RtlFirstFreeAce(PACL, PVOID *);
NTSTATUS NTAPI RtlGetAce(PACL, ULONG, PVOID *);
NTSTATUS NTAPI RtlAddAce(PACL, ULONG, ULONG, PVOID, ULONG);
NTSTATUS NTAPI RtlAddAccessAllowedAceEx(PACL, ULONG, ULONG, ACCESS_MASK, PSID);
NTSTATUS NTAPI RtlAddAccessDeniedAceEx(PACL, ULONG, ULONG, ACCESS_MASK, PSID);
NTSTATUS NTAPI RtlQueryInformationAcl(PACL, PVOID, ULONG, ACL_INFORMATION_CLASS);

static BOOL status_bool(NTSTATUS st)
{
	return st < 0 ? adv_error_status(st) : TRUE;
}

ADVAPI BOOL WINAPI InitializeAcl(PACL acl, DWORD size, DWORD revision)
{
	return status_bool(RtlCreateAcl(acl, size, revision));
}

ADVAPI BOOL WINAPI IsValidAcl(PACL acl)
{
	return RtlValidAcl(acl);
}

ADVAPI BOOL WINAPI FindFirstFreeAce(PACL acl, LPVOID *ace)
{
	return RtlFirstFreeAce(acl, ace);
}

ADVAPI BOOL WINAPI GetAce(PACL acl, DWORD index, LPVOID *ace)
{
	return status_bool(RtlGetAce(acl, index, ace));
}

ADVAPI BOOL WINAPI AddAce(PACL acl, DWORD revision, DWORD index, LPVOID list, DWORD len)
{
	return status_bool(RtlAddAce(acl, revision, index, list, len));
}

ADVAPI BOOL WINAPI AddAccessAllowedAceEx(PACL acl, DWORD revision, DWORD flags, DWORD mask,
					 PSID sid)
{
	return status_bool(RtlAddAccessAllowedAceEx(acl, revision, flags, mask, sid));
}

ADVAPI BOOL WINAPI AddAccessAllowedAce(PACL acl, DWORD revision, DWORD mask, PSID sid)
{
	return AddAccessAllowedAceEx(acl, revision, 0, mask, sid);
}

ADVAPI BOOL WINAPI AddAccessDeniedAceEx(PACL acl, DWORD revision, DWORD flags, DWORD mask,
					PSID sid)
{
	return status_bool(RtlAddAccessDeniedAceEx(acl, revision, flags, mask, sid));
}

ADVAPI BOOL WINAPI AddAccessDeniedAce(PACL acl, DWORD revision, DWORD mask, PSID sid)
{
	return AddAccessDeniedAceEx(acl, revision, 0, mask, sid);
}

ADVAPI BOOL WINAPI GetAclInformation(PACL acl, LPVOID info, DWORD len, ACL_INFORMATION_CLASS cls)
{
	return status_bool(RtlQueryInformationAcl(acl, info, len, cls));
}
