/* RtlImpersonateSelf(Ex) (ImpersonateSelf): the calling thread takes an
 * impersonation copy of its process's token at the level asked, through
 * NtDuplicateToken and NtSetInformationThread(ThreadImpersonationToken),
 * the calls Windows makes for it. */
#include "rtl/rtl_private.h"

NTSTATUS NTAPI NtOpenProcessToken(HANDLE, ACCESS_MASK, PHANDLE);
NTSTATUS NTAPI NtDuplicateToken(HANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, BOOLEAN, TOKEN_TYPE,
				PHANDLE);
NTSTATUS NTAPI NtSetInformationThread(HANDLE, THREADINFOCLASS, PVOID, ULONG);

RTLAPI NTSTATUS NTAPI RtlImpersonateSelfEx(SECURITY_IMPERSONATION_LEVEL level, ACCESS_MASK extra,
					   PHANDLE token_out)
{
	SECURITY_QUALITY_OF_SERVICE qos = { sizeof(qos), level, SECURITY_STATIC_TRACKING, FALSE };
	OBJECT_ATTRIBUTES oa;
	HANDLE process_token, token;
	NTSTATUS st;

	InitializeObjectAttributes(&oa, NULL, 0, NULL, NULL);
	oa.SecurityQualityOfService = &qos;
	st = NtOpenProcessToken((HANDLE)-1, TOKEN_DUPLICATE, &process_token);
	if (st < 0)
		return st;
	st = NtDuplicateToken(process_token, TOKEN_IMPERSONATE | extra, &oa, FALSE,
			      TokenImpersonation, &token);
	NtClose(process_token);
	if (st < 0)
		return st;
	st = NtSetInformationThread((HANDLE)-2, ThreadImpersonationToken, &token, sizeof(token));
	if (st >= 0 && token_out)
		*token_out = token;
	else
		NtClose(token);
	return st;
}

RTLAPI NTSTATUS NTAPI RtlImpersonateSelf(SECURITY_IMPERSONATION_LEVEL level)
{
	return RtlImpersonateSelfEx(level, 0, NULL);
}
