/* Private declarations of advapi32's security part: SIDs (sid.c,
 * sid_string.c), tokens (token.c) and accounts (account.c).  One user
 * exists, the prefix's (ADV_USER_SID); the supervisor's tokens say the
 * same (src/emul/token_info.c). */
#ifndef LSW_ADV_SECURITY_H
#define LSW_ADV_SECURITY_H

#include "adv_private.h"
#include <sddl.h>
#include <lmcons.h>

/* The SID of an account the lookups know, as authority and sub-authorities. */
struct adv_sid {
	BYTE authority, count;
	DWORD sub[5];
};

/* account.c: the user's SID, in a static buffer. */
PSID adv_user_sid(void);
/* The user's name: the last part of its profile's path in the registry
 * (ProfileList\<SID>\ProfileImagePath, C:\Users\<name>); *len in
 * characters without the NUL.  FALSE with the error set. */
BOOL adv_user_name(WCHAR *out, DWORD cap, DWORD *len);
/* The computer name (the domain of local accounts). */
BOOL adv_computer_name(WCHAR *out, DWORD cap);

/* The accounts the lookups know (account.c), by index: names, kind, SID. */
int adv_account_count(void);
BOOL adv_account(int i, WCHAR name[UNLEN + 1], WCHAR domain[MAX_COMPUTERNAME_LENGTH + 1],
		 SID_NAME_USE *use, SID *sid);

/* sid.c */
DWORD adv_sid_length(const SID *sid); /* 0 if not a valid SID */

static inline BOOL adv_error_status(NTSTATUS st)
{
	RtlSetLastWin32Error(RtlNtStatusToDosError(st));
	return FALSE;
}

void NTAPI RtlSetLastWin32Error(DWORD error);
static inline BOOL adv_fail_error(DWORD error)
{
	RtlSetLastWin32Error(error);
	return FALSE;
}

NTSTATUS NTAPI NtOpenProcessToken(HANDLE, ACCESS_MASK, PHANDLE);
NTSTATUS NTAPI NtOpenThreadToken(HANDLE, ACCESS_MASK, BOOLEAN, PHANDLE);
NTSTATUS NTAPI NtQueryInformationToken(HANDLE, TOKEN_INFORMATION_CLASS, PVOID, ULONG, PULONG);

/* security_descriptor.c, security_info.c: ntdll's descriptor calls */
NTSTATUS NTAPI RtlCreateSecurityDescriptor(PSECURITY_DESCRIPTOR, ULONG);
BOOLEAN NTAPI RtlValidSecurityDescriptor(PSECURITY_DESCRIPTOR);
ULONG NTAPI RtlLengthSecurityDescriptor(PSECURITY_DESCRIPTOR);
NTSTATUS NTAPI RtlGetControlSecurityDescriptor(PSECURITY_DESCRIPTOR, PSECURITY_DESCRIPTOR_CONTROL,
					       PULONG);
NTSTATUS NTAPI RtlSetControlSecurityDescriptor(PSECURITY_DESCRIPTOR, SECURITY_DESCRIPTOR_CONTROL,
					       SECURITY_DESCRIPTOR_CONTROL);
NTSTATUS NTAPI RtlGetOwnerSecurityDescriptor(PSECURITY_DESCRIPTOR, PSID *, PBOOLEAN);
NTSTATUS NTAPI RtlGetGroupSecurityDescriptor(PSECURITY_DESCRIPTOR, PSID *, PBOOLEAN);
NTSTATUS NTAPI RtlGetDaclSecurityDescriptor(PSECURITY_DESCRIPTOR, PBOOLEAN, PACL *, PBOOLEAN);
NTSTATUS NTAPI RtlGetSaclSecurityDescriptor(PSECURITY_DESCRIPTOR, PBOOLEAN, PACL *, PBOOLEAN);
NTSTATUS NTAPI RtlSetOwnerSecurityDescriptor(PSECURITY_DESCRIPTOR, PSID, BOOLEAN);
NTSTATUS NTAPI RtlSetGroupSecurityDescriptor(PSECURITY_DESCRIPTOR, PSID, BOOLEAN);
NTSTATUS NTAPI RtlSetDaclSecurityDescriptor(PSECURITY_DESCRIPTOR, BOOLEAN, PACL, BOOLEAN);
NTSTATUS NTAPI RtlSetSaclSecurityDescriptor(PSECURITY_DESCRIPTOR, BOOLEAN, PACL, BOOLEAN);
NTSTATUS NTAPI RtlAbsoluteToSelfRelativeSD(PSECURITY_DESCRIPTOR, PSECURITY_DESCRIPTOR, PULONG);
NTSTATUS NTAPI RtlSelfRelativeToAbsoluteSD(PSECURITY_DESCRIPTOR, PSECURITY_DESCRIPTOR, PULONG,
					   PACL, PULONG, PACL, PULONG, PSID, PULONG, PSID,
					   PULONG);
NTSTATUS NTAPI NtQuerySecurityObject(HANDLE, SECURITY_INFORMATION, PSECURITY_DESCRIPTOR, ULONG,
				     PULONG);
NTSTATUS NTAPI NtSetSecurityObject(HANDLE, SECURITY_INFORMATION, PSECURITY_DESCRIPTOR);

#endif
