/* Impersonation and privileges: ImpersonateNamedPipeClient
 * (FSCTL_PIPE_IMPERSONATE on the server end), ImpersonateSelf
 * (RtlImpersonateSelf), RevertToSelf (the thread drops its token) and
 * AdjustTokenPrivileges, whose success sets the last error too:
 * ERROR_NOT_ALL_ASSIGNED when a privilege was not held, else 0. */
#include "adv_security.h"

#define FSCTL_PIPE_IMPERSONATE 0x0011001C
#ifndef STATUS_NOT_ALL_ASSIGNED
#define STATUS_NOT_ALL_ASSIGNED ((NTSTATUS)0x00000106)
#endif

NTSTATUS NTAPI NtAdjustPrivilegesToken(HANDLE, BOOLEAN, PTOKEN_PRIVILEGES, ULONG,
				       PTOKEN_PRIVILEGES, PULONG);
NTSTATUS NTAPI NtSetInformationThread(HANDLE, THREADINFOCLASS, PVOID, ULONG);
NTSTATUS NTAPI RtlImpersonateSelf(SECURITY_IMPERSONATION_LEVEL);

ADVAPI BOOL WINAPI ImpersonateNamedPipeClient(HANDLE pipe)
{
	IO_STATUS_BLOCK io;
	NTSTATUS st = NtFsControlFile(pipe, NULL, NULL, NULL, &io, FSCTL_PIPE_IMPERSONATE, NULL, 0,
				      NULL, 0);

	return st < 0 ? adv_error_status(st) : TRUE;
}

ADVAPI BOOL WINAPI ImpersonateSelf(SECURITY_IMPERSONATION_LEVEL level)
{
	NTSTATUS st = RtlImpersonateSelf(level);

	return st < 0 ? adv_error_status(st) : TRUE;
}

ADVAPI BOOL WINAPI RevertToSelf(void)
{
	HANDLE none = NULL;
	NTSTATUS st = NtSetInformationThread(GetCurrentThread(), ThreadImpersonationToken, &none,
					     sizeof(none));

	return st < 0 ? adv_error_status(st) : TRUE;
}

ADVAPI BOOL WINAPI AdjustTokenPrivileges(HANDLE token, BOOL disable_all, PTOKEN_PRIVILEGES state,
					 DWORD len, PTOKEN_PRIVILEGES previous, PDWORD ret_len)
{
	NTSTATUS st = NtAdjustPrivilegesToken(token, (BOOLEAN)(disable_all != 0), state, len,
					      previous, ret_len);

	if (st < 0)
		return adv_error_status(st);
	RtlSetLastWin32Error(st == STATUS_NOT_ALL_ASSIGNED ? ERROR_NOT_ALL_ASSIGNED : ERROR_SUCCESS);
	return TRUE;
}
