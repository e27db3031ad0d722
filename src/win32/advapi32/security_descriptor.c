/* Security descriptors: advapi32's names for ntdll's Rtl descriptor
 * functions (their NTSTATUS as the last error), and a kernel object's
 * descriptor read and changed through NtQuerySecurityObject and
 * NtSetSecurityObject. */
#include "adv_security.h"

static BOOL status_bool(NTSTATUS st)
{
	return st < 0 ? adv_error_status(st) : TRUE;
}

ADVAPI BOOL WINAPI InitializeSecurityDescriptor(PSECURITY_DESCRIPTOR sd, DWORD revision)
{
	return status_bool(RtlCreateSecurityDescriptor(sd, revision));
}

ADVAPI BOOL WINAPI IsValidSecurityDescriptor(PSECURITY_DESCRIPTOR sd)
{
	if (!RtlValidSecurityDescriptor(sd))
		return adv_fail_error(ERROR_INVALID_SECURITY_DESCR);
	return TRUE;
}

ADVAPI DWORD WINAPI GetSecurityDescriptorLength(PSECURITY_DESCRIPTOR sd)
{
	return RtlLengthSecurityDescriptor(sd);
}

ADVAPI BOOL WINAPI GetSecurityDescriptorControl(PSECURITY_DESCRIPTOR sd,
						 PSECURITY_DESCRIPTOR_CONTROL control,
						 LPDWORD revision)
{
	ULONG rev;
	BOOL ok = status_bool(RtlGetControlSecurityDescriptor(sd, control, &rev));

	*revision = rev;
	return ok;
}

ADVAPI BOOL WINAPI SetSecurityDescriptorControl(PSECURITY_DESCRIPTOR sd,
						 SECURITY_DESCRIPTOR_CONTROL mask,
						 SECURITY_DESCRIPTOR_CONTROL bits)
{
	return status_bool(RtlSetControlSecurityDescriptor(sd, mask, bits));
}

ADVAPI BOOL WINAPI GetSecurityDescriptorOwner(PSECURITY_DESCRIPTOR sd, PSID *owner,
					       LPBOOL defaulted)
{
	BOOLEAN d;
	NTSTATUS st = RtlGetOwnerSecurityDescriptor(sd, owner, &d);

	if (st >= 0)
		*defaulted = d;
	return status_bool(st);
}

ADVAPI BOOL WINAPI GetSecurityDescriptorGroup(PSECURITY_DESCRIPTOR sd, PSID *group,
					       LPBOOL defaulted)
{
	BOOLEAN d;
	NTSTATUS st = RtlGetGroupSecurityDescriptor(sd, group, &d);

	if (st >= 0)
		*defaulted = d;
	return status_bool(st);
}

/* The ACL and its defaulted flag are written only when it is present. */
static BOOL get_acl(NTSTATUS (NTAPI *get)(PSECURITY_DESCRIPTOR, PBOOLEAN, PACL *, PBOOLEAN),
		    PSECURITY_DESCRIPTOR sd, LPBOOL present, PACL *acl, LPBOOL defaulted)
{
	BOOLEAN p, d = FALSE;
	NTSTATUS st = get(sd, &p, acl, &d);

	if (st < 0)
		return adv_error_status(st);
	*present = p;
	if (p)
		*defaulted = d;
	return TRUE;
}

ADVAPI BOOL WINAPI GetSecurityDescriptorDacl(PSECURITY_DESCRIPTOR sd, LPBOOL present, PACL *dacl,
					      LPBOOL defaulted)
{
	return get_acl(RtlGetDaclSecurityDescriptor, sd, present, dacl, defaulted);
}

ADVAPI BOOL WINAPI GetSecurityDescriptorSacl(PSECURITY_DESCRIPTOR sd, LPBOOL present, PACL *sacl,
					      LPBOOL defaulted)
{
	return get_acl(RtlGetSaclSecurityDescriptor, sd, present, sacl, defaulted);
}

ADVAPI BOOL WINAPI SetSecurityDescriptorOwner(PSECURITY_DESCRIPTOR sd, PSID owner, BOOL defaulted)
{
	return status_bool(RtlSetOwnerSecurityDescriptor(sd, owner, (BOOLEAN)!!defaulted));
}

ADVAPI BOOL WINAPI SetSecurityDescriptorGroup(PSECURITY_DESCRIPTOR sd, PSID group, BOOL defaulted)
{
	return status_bool(RtlSetGroupSecurityDescriptor(sd, group, (BOOLEAN)!!defaulted));
}

ADVAPI BOOL WINAPI SetSecurityDescriptorDacl(PSECURITY_DESCRIPTOR sd, BOOL present, PACL dacl,
					      BOOL defaulted)
{
	return status_bool(RtlSetDaclSecurityDescriptor(sd, (BOOLEAN)!!present, dacl,
							(BOOLEAN)!!defaulted));
}

ADVAPI BOOL WINAPI SetSecurityDescriptorSacl(PSECURITY_DESCRIPTOR sd, BOOL present, PACL sacl,
					      BOOL defaulted)
{
	return status_bool(RtlSetSaclSecurityDescriptor(sd, (BOOLEAN)!!present, sacl,
							(BOOLEAN)!!defaulted));
}

ADVAPI BOOL WINAPI MakeSelfRelativeSD(PSECURITY_DESCRIPTOR abs, PSECURITY_DESCRIPTOR rel,
				      LPDWORD len)
{
	return status_bool(RtlAbsoluteToSelfRelativeSD(abs, rel, len));
}

ADVAPI BOOL WINAPI MakeAbsoluteSD(PSECURITY_DESCRIPTOR rel, PSECURITY_DESCRIPTOR abs,
				  LPDWORD abs_len, PACL dacl, LPDWORD dacl_len, PACL sacl,
				  LPDWORD sacl_len, PSID owner, LPDWORD owner_len, PSID group,
				  LPDWORD group_len)
{
	return status_bool(RtlSelfRelativeToAbsoluteSD(rel, abs, abs_len, dacl, dacl_len, sacl,
						       sacl_len, owner, owner_len, group,
						       group_len));
}

ADVAPI BOOL WINAPI GetKernelObjectSecurity(HANDLE h, SECURITY_INFORMATION si,
					   PSECURITY_DESCRIPTOR sd, DWORD len, LPDWORD needed)
{
	return status_bool(NtQuerySecurityObject(h, si, sd, len, needed));
}

ADVAPI BOOL WINAPI SetKernelObjectSecurity(HANDLE h, SECURITY_INFORMATION si,
					   PSECURITY_DESCRIPTOR sd)
{
	return status_bool(NtSetSecurityObject(h, si, sd));
}

/* RegGetKeySecurity: ERROR_INSUFFICIENT_BUFFER with the size needed in
 * *len when it does not fit. */
ADVAPI LSTATUS WINAPI RegGetKeySecurity(HKEY hkey, SECURITY_INFORMATION si,
					PSECURITY_DESCRIPTOR sd, LPDWORD len)
{
	HANDLE h;
	ULONG need = 0;
	LSTATUS err = adv_key(hkey, &h);
	NTSTATUS st;

	if (err)
		return err;
	if (!len)
		return ERROR_NOACCESS;
	st = NtQuerySecurityObject(h, si, sd, *len, &need);
	if (st == STATUS_BUFFER_TOO_SMALL || st == STATUS_SUCCESS)
		*len = need;
	return st == STATUS_BUFFER_TOO_SMALL ? ERROR_INSUFFICIENT_BUFFER : adv_error(st);
}

ADVAPI LSTATUS WINAPI RegSetKeySecurity(HKEY hkey, SECURITY_INFORMATION si,
					PSECURITY_DESCRIPTOR sd)
{
	HANDLE h;
	LSTATUS err = adv_key(hkey, &h);

	return err ? err : adv_error(NtSetSecurityObject(h, si, sd));
}
