/* The current user's registry key, \Registry\User\<SID>. */
#include "rtl/rtl_private.h"
#include "rtl/nt_key.h"
#include <lsw/user_sid.h>

BOOLEAN NTAPI RtlCreateUnicodeString(PUNICODE_STRING, PCWSTR);

static const WCHAR user_key[] = L"\\REGISTRY\\USER\\" LSW_USER_SID;

/* A heap copy (RtlFreeUnicodeString frees it). */
RTLAPI NTSTATUS NTAPI RtlFormatCurrentUserKeyPath(PUNICODE_STRING path)
{
	return RtlCreateUnicodeString(path, user_key) ? STATUS_SUCCESS : STATUS_NO_MEMORY;
}

RTLAPI NTSTATUS NTAPI RtlOpenCurrentUser(ACCESS_MASK access, PHANDLE key)
{
	UNICODE_STRING name;
	OBJECT_ATTRIBUTES oa;

	RtlInitUnicodeString(&name, user_key);
	InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE, NULL, NULL);
	return NtOpenKey(key, access, &oa);
}
