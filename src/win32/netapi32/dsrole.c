/*
 * DsRoleGetPrimaryDomainInformation: this machine's role, a standalone
 * workstation in the workgroup WORKGROUP, with no directory-service
 * operation or upgrade under way.  Only the local machine answers: the
 * sandbox reaches no other.
 */
#include "netapi_private.h"
#include <dsrole.h>

static NET_API_STATUS answer(SIZE_T size, PBYTE *out)
{
	/* freed with DsRoleFreeMemory */
	*out = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, size);
	return *out ? ERROR_SUCCESS : ERROR_NOT_ENOUGH_MEMORY;
}

NET_API DWORD WINAPI DsRoleGetPrimaryDomainInformation(LPCWSTR server,
						       DSROLE_PRIMARY_DOMAIN_INFO_LEVEL level,
						       PBYTE *out)
{
	DSROLE_PRIMARY_DOMAIN_INFO_BASIC *basic;
	NET_API_STATUS st;

	if (!out || level < DsRolePrimaryDomainInfoBasic || level > DsRoleOperationState)
		return ERROR_INVALID_PARAMETER;
	if (!net_local(server))
		return ERROR_BAD_NETPATH;
	switch (level) {
	case DsRolePrimaryDomainInfoBasic:
		if ((st = answer(sizeof(*basic) + sizeof(NET_WORKGROUP), out)) != ERROR_SUCCESS)
			return st;
		basic = (DSROLE_PRIMARY_DOMAIN_INFO_BASIC *)*out;
		basic->MachineRole = DsRole_RoleStandaloneWorkstation;
		basic->DomainNameFlat = (LPWSTR)(basic + 1);
		memcpy(basic->DomainNameFlat, NET_WORKGROUP, sizeof(NET_WORKGROUP));
		return ERROR_SUCCESS;
	case DsRoleUpgradeStatus: /* not upgrading: state 0, no previous role */
		return answer(sizeof(DSROLE_UPGRADE_STATUS_INFO), out);
	default:
		if ((st = answer(sizeof(DSROLE_OPERATION_STATE_INFO), out)) != ERROR_SUCCESS)
			return st;
		((DSROLE_OPERATION_STATE_INFO *)*out)->OperationState = DsRoleOperationIdle;
		return ERROR_SUCCESS;
	}
}

NET_API VOID WINAPI DsRoleFreeMemory(PVOID buffer)
{
	HeapFree(GetProcessHeap(), 0, buffer);
}
