/* New tokens: CreateRestrictedToken (NtFilterToken), DuplicateToken(Ex)
 * (NtDuplicateToken), IsTokenRestricted and SetTokenInformation. */
#include "adv_security.h"

NTSTATUS NTAPI NtFilterToken(HANDLE, ULONG, PTOKEN_GROUPS, PTOKEN_PRIVILEGES, PTOKEN_GROUPS,
			     PHANDLE);
NTSTATUS NTAPI NtDuplicateToken(HANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, BOOLEAN, TOKEN_TYPE,
				PHANDLE);
NTSTATUS NTAPI NtSetInformationToken(HANDLE, TOKEN_INFORMATION_CLASS, PVOID, ULONG);

/* n SID_AND_ATTRIBUTES as a TOKEN_GROUPS (heap), or NULL for none. */
static TOKEN_GROUPS *make_groups(DWORD n, const SID_AND_ATTRIBUTES *sids, BOOL *failed)
{
	TOKEN_GROUPS *g;

	if (!n)
		return NULL;
	g = adv_alloc(FIELD_OFFSET(TOKEN_GROUPS, Groups[n]));
	if (!g) {
		*failed = TRUE;
		return NULL;
	}
	g->GroupCount = n;
	for (DWORD i = 0; i < n; i++)
		g->Groups[i] = sids[i];
	return g;
}

static TOKEN_PRIVILEGES *make_privileges(DWORD n, const LUID_AND_ATTRIBUTES *luids, BOOL *failed)
{
	TOKEN_PRIVILEGES *p;

	if (!n)
		return NULL;
	p = adv_alloc(FIELD_OFFSET(TOKEN_PRIVILEGES, Privileges[n]));
	if (!p) {
		*failed = TRUE;
		return NULL;
	}
	p->PrivilegeCount = n;
	for (DWORD i = 0; i < n; i++)
		p->Privileges[i] = luids[i];
	return p;
}

ADVAPI BOOL WINAPI CreateRestrictedToken(HANDLE token, DWORD flags, DWORD ndisable,
					 PSID_AND_ATTRIBUTES disable, DWORD ndelete,
					 PLUID_AND_ATTRIBUTES del, DWORD nrestrict,
					 PSID_AND_ATTRIBUTES restricting, PHANDLE out)
{
	BOOL failed = FALSE;
	TOKEN_GROUPS *d = make_groups(ndisable, disable, &failed);
	TOKEN_PRIVILEGES *p = make_privileges(ndelete, del, &failed);
	TOKEN_GROUPS *r = make_groups(nrestrict, restricting, &failed);
	NTSTATUS st = failed ? STATUS_NO_MEMORY : NtFilterToken(token, flags, d, p, r, out);

	adv_free(d);
	adv_free(p);
	adv_free(r);
	return st < 0 ? adv_error_status(st) : TRUE;
}

/* Whether the token has restricting SIDs (TokenRestrictedSids). */
ADVAPI BOOL WINAPI IsTokenRestricted(HANDLE token)
{
	DWORD restricted = 0, n;

	if (!GetTokenInformation(token, TokenIsRestricted, &restricted, sizeof(restricted), &n))
		return FALSE;
	RtlSetLastWin32Error(ERROR_SUCCESS);
	return restricted != 0;
}

ADVAPI BOOL WINAPI DuplicateTokenEx(HANDLE token, DWORD access, LPSECURITY_ATTRIBUTES sa,
				    SECURITY_IMPERSONATION_LEVEL level, TOKEN_TYPE type,
				    PHANDLE out)
{
	SECURITY_QUALITY_OF_SERVICE qos = { sizeof(qos), level, SECURITY_STATIC_TRACKING, FALSE };
	OBJECT_ATTRIBUTES oa;
	NTSTATUS st;

	InitializeObjectAttributes(&oa, NULL, sa && sa->bInheritHandle ? OBJ_INHERIT : 0, NULL,
				   sa ? sa->lpSecurityDescriptor : NULL);
	oa.SecurityQualityOfService = &qos;
	st = NtDuplicateToken(token, access, &oa, FALSE, type, out);
	return st < 0 ? adv_error_status(st) : TRUE;
}

ADVAPI BOOL WINAPI DuplicateToken(HANDLE token, SECURITY_IMPERSONATION_LEVEL level, PHANDLE out)
{
	return DuplicateTokenEx(token, TOKEN_IMPERSONATE | TOKEN_QUERY, NULL, level,
				TokenImpersonation, out);
}

ADVAPI BOOL WINAPI SetTokenInformation(HANDLE token, TOKEN_INFORMATION_CLASS cls, LPVOID info,
				       DWORD len)
{
	NTSTATUS st = NtSetInformationToken(token, cls, info, len);

	return st < 0 ? adv_error_status(st) : TRUE;
}
