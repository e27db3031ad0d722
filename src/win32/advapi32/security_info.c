/* GetSecurityInfo and SetSecurityInfo: an object's descriptor by its
 * handle (a registry key's predefined HKEY too), through
 * NtQuerySecurityObject and NtSetSecurityObject.  GetSecurityInfo's
 * descriptor is one block for LocalFree, the part pointers point into it. */
#include "adv_security.h"
#include <aclapi.h>
#include <winsvc.h>

/* The parts SECURITY_INFORMATION names to the NT calls; the protection
 * flags become control bits. */
#define SI_PARTS (OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION | \
		  DACL_SECURITY_INFORMATION | SACL_SECURITY_INFORMATION | \
		  LABEL_SECURITY_INFORMATION)

static DWORD object_handle(HANDLE h, SE_OBJECT_TYPE type, HANDLE *out)
{
	if (type == SE_REGISTRY_KEY)
		return (DWORD)adv_key((HKEY)h, out);
	if (!h)
		return ERROR_INVALID_HANDLE;
	*out = h;
	return ERROR_SUCCESS;
}

/* The object's descriptor in a heap block; a service's through the
 * service control manager (service_control.c). */
static DWORD read_descriptor(HANDLE handle, SE_OBJECT_TYPE type, SECURITY_INFORMATION si,
			     PSECURITY_DESCRIPTOR *out)
{
	HANDLE h;
	ULONG need = 0;
	DWORD err;
	NTSTATUS st;

	if (type == SE_SERVICE) {
		QueryServiceObjectSecurity(handle, si & SI_PARTS, NULL, 0, &need);
		if (GetLastError() != ERROR_INSUFFICIENT_BUFFER)
			return GetLastError();
		if (!(*out = adv_alloc(need)))
			return ERROR_NOT_ENOUGH_MEMORY;
		if (QueryServiceObjectSecurity(handle, si & SI_PARTS, *out, need, &need))
			return ERROR_SUCCESS;
		adv_free(*out);
		return GetLastError();
	}
	if ((err = object_handle(handle, type, &h)))
		return err;
	st = NtQuerySecurityObject(h, si & SI_PARTS, NULL, 0, &need);
	if (st != STATUS_BUFFER_TOO_SMALL)
		return st ? RtlNtStatusToDosError(st) : ERROR_INVALID_PARAMETER;
	if (!(*out = adv_alloc(need)))
		return ERROR_NOT_ENOUGH_MEMORY;
	if ((st = NtQuerySecurityObject(h, si & SI_PARTS, *out, need, &need))) {
		adv_free(*out);
		return RtlNtStatusToDosError(st);
	}
	return ERROR_SUCCESS;
}

ADVAPI DWORD WINAPI GetSecurityInfo(HANDLE handle, SE_OBJECT_TYPE type, SECURITY_INFORMATION si,
				    PSID *owner, PSID *group, PACL *dacl, PACL *sacl,
				    PSECURITY_DESCRIPTOR *out)
{
	BOOLEAN present, defaulted;
	PSECURITY_DESCRIPTOR sd = NULL;
	DWORD err;

	if (type == SE_SERVICE && !owner && !group && !dacl && !sacl && !out)
		return ERROR_INVALID_PARAMETER;
	if ((err = read_descriptor(handle, type, si, &sd)))
		return err;
	if (owner)
		RtlGetOwnerSecurityDescriptor(sd, owner, &defaulted);
	if (group)
		RtlGetGroupSecurityDescriptor(sd, group, &defaulted);
	if (dacl && (RtlGetDaclSecurityDescriptor(sd, &present, dacl, &defaulted), !present))
		*dacl = NULL;
	if (sacl && (RtlGetSaclSecurityDescriptor(sd, &present, sacl, &defaulted), !present))
		*sacl = NULL;
	/* without ppSecurityDescriptor the parts are given all the same, in
	 * a block the caller cannot free (as Windows does: Wine's advapi32
	 * security tests), though documented as required */
	if (out)
		*out = sd;
	else if (!owner && !group && !dacl && !sacl)
		adv_free(sd);
	return ERROR_SUCCESS;
}

ADVAPI DWORD WINAPI SetSecurityInfo(HANDLE handle, SE_OBJECT_TYPE type, SECURITY_INFORMATION si,
				    PSID owner, PSID group, PACL dacl, PACL sacl)
{
	SECURITY_DESCRIPTOR sd;
	HANDLE h;
	DWORD err = object_handle(handle, type, &h);

	if (err)
		return err;
	RtlCreateSecurityDescriptor(&sd, SECURITY_DESCRIPTOR_REVISION);
	if (si & OWNER_SECURITY_INFORMATION)
		RtlSetOwnerSecurityDescriptor(&sd, owner, FALSE);
	if (si & GROUP_SECURITY_INFORMATION)
		RtlSetGroupSecurityDescriptor(&sd, group, FALSE);
	if (si & DACL_SECURITY_INFORMATION)
		RtlSetDaclSecurityDescriptor(&sd, TRUE, dacl, FALSE);
	if (si & (SACL_SECURITY_INFORMATION | LABEL_SECURITY_INFORMATION))
		RtlSetSaclSecurityDescriptor(&sd, TRUE, sacl, FALSE);
	if (si & PROTECTED_DACL_SECURITY_INFORMATION)
		sd.Control |= SE_DACL_PROTECTED;
	if (si & PROTECTED_SACL_SECURITY_INFORMATION)
		sd.Control |= SE_SACL_PROTECTED;
	return RtlNtStatusToDosError(NtSetSecurityObject(h, si & SI_PARTS, &sd));
}
