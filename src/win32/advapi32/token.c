/* Tokens: OpenProcessToken, OpenThreadToken, GetTokenInformation and
 * CheckTokenMembership over the supervisor's token calls (impersonation:
 * token_impersonate.c). */
#include "adv_security.h"

ADVAPI BOOL WINAPI OpenProcessToken(HANDLE process, DWORD access, PHANDLE token)
{
	NTSTATUS st = NtOpenProcessToken(process, access, token);

	return st < 0 ? adv_error_status(st) : TRUE;
}

ADVAPI BOOL WINAPI OpenThreadToken(HANDLE thread, DWORD access, BOOL as_self, PHANDLE token)
{
	NTSTATUS st = NtOpenThreadToken(thread, access, (BOOLEAN)(as_self != 0), token);

	return st < 0 ? adv_error_status(st) : TRUE;
}

ADVAPI BOOL WINAPI GetTokenInformation(HANDLE token, TOKEN_INFORMATION_CLASS cls, LPVOID info,
				       DWORD len, PDWORD ret)
{
	NTSTATUS st = NtQueryInformationToken(token, cls, info, len, ret);

	return st < 0 ? adv_error_status(st) : TRUE;
}

/* The effective token's user and enabled groups (deny-only ones do not
 * count), as AccessCheck sees them. */
static BOOL has_sid(HANDLE token, PSID sid, BOOL *member)
{
	BYTE buf[2048];
	TOKEN_GROUPS *groups = (TOKEN_GROUPS *)buf;
	TOKEN_USER *user = (TOKEN_USER *)buf;
	DWORD n;

	if (!GetTokenInformation(token, TokenUser, buf, sizeof(buf), &n))
		return FALSE;
	if (EqualSid(user->User.Sid, sid)) {
		*member = TRUE;
		return TRUE;
	}
	if (!GetTokenInformation(token, TokenGroups, buf, sizeof(buf), &n))
		return FALSE;
	for (DWORD i = 0; i < groups->GroupCount; i++) {
		DWORD a = groups->Groups[i].Attributes;

		if ((a & SE_GROUP_ENABLED) && !(a & SE_GROUP_USE_FOR_DENY_ONLY) &&
		    EqualSid(groups->Groups[i].Sid, sid)) {
			*member = TRUE;
			break;
		}
	}
	return TRUE;
}

/* A NULL token means the caller's effective one (its own, else its process's);
 * a handle must be an impersonation token, as documented. */
ADVAPI BOOL WINAPI CheckTokenMembership(HANDLE token, PSID sid, PBOOL member)
{
	TOKEN_TYPE type;
	DWORD n;

	if (!member || !IsValidSid(sid))
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	*member = FALSE;
	if (token) {
		if (!GetTokenInformation(token, TokenType, &type, sizeof(type), &n))
			return FALSE;
		if (type != TokenImpersonation)
			return adv_fail_error(ERROR_NO_IMPERSONATION_TOKEN);
	}
	return has_sid(token ? token : (HANDLE)(LONG_PTR)-6, sid, member);
}
