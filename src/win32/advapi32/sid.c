/* SIDs: AllocateAndInitializeSid, FreeSid, InitializeSid, CopySid,
 * EqualSid, EqualPrefixSid, GetLengthSid, GetSidLengthRequired, IsValidSid,
 * GetSidIdentifierAuthority, GetSidSubAuthority, GetSidSubAuthorityCount.
 * A SID is revision 1, at most 15 sub-authorities (SID_MAX_SUB_AUTHORITIES). */
#include "adv_security.h"

DWORD adv_sid_length(const SID *sid)
{
	if (!sid || sid->Revision != SID_REVISION || sid->SubAuthorityCount > SID_MAX_SUB_AUTHORITIES)
		return 0;
	return 8 + 4u * sid->SubAuthorityCount;
}

ADVAPI BOOL WINAPI IsValidSid(PSID sid)
{
	return adv_sid_length(sid) != 0;
}

ADVAPI DWORD WINAPI GetLengthSid(PSID sid)
{
	return adv_sid_length(sid);
}

ADVAPI DWORD WINAPI GetSidLengthRequired(UCHAR count)
{
	return 8 + 4u * count;
}

ADVAPI BOOL WINAPI InitializeSid(PSID sid, PSID_IDENTIFIER_AUTHORITY authority, BYTE count)
{
	SID *s = sid;

	if (count > SID_MAX_SUB_AUTHORITIES)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	s->Revision = SID_REVISION;
	s->SubAuthorityCount = count;
	s->IdentifierAuthority = *authority;
	return TRUE;
}

ADVAPI BOOL WINAPI AllocateAndInitializeSid(PSID_IDENTIFIER_AUTHORITY authority, BYTE count,
					    DWORD s0, DWORD s1, DWORD s2, DWORD s3, DWORD s4,
					    DWORD s5, DWORD s6, DWORD s7, PSID *out)
{
	DWORD sub[8] = { s0, s1, s2, s3, s4, s5, s6, s7 };
	SID *s;

	if (!out || !authority)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (count > 8)
		return adv_fail_error(ERROR_INVALID_SID);
	if (!(s = adv_alloc(GetSidLengthRequired(count))))
		return adv_fail_error(ERROR_NOT_ENOUGH_MEMORY);
	InitializeSid(s, authority, count);
	for (BYTE i = 0; i < count; i++)
		s->SubAuthority[i] = sub[i];
	*out = s;
	return TRUE;
}

/* Documented to return NULL on success. */
ADVAPI PVOID WINAPI FreeSid(PSID sid)
{
	adv_free(sid);
	return NULL;
}

ADVAPI BOOL WINAPI CopySid(DWORD len, PSID dst, PSID src)
{
	DWORD n = adv_sid_length(src);

	if (!n)
		return adv_fail_error(ERROR_INVALID_SID);
	if (len < n)
		return adv_fail_error(ERROR_INSUFFICIENT_BUFFER);
	memcpy(dst, src, n);
	return TRUE;
}

ADVAPI BOOL WINAPI EqualSid(PSID a, PSID b)
{
	DWORD n = adv_sid_length(a);

	RtlSetLastWin32Error(ERROR_SUCCESS); /* FALSE with success: valid, different */
	if (!n || !adv_sid_length(b))
		return adv_fail_error(ERROR_INVALID_SID);
	return n == adv_sid_length(b) && !memcmp(a, b, n);
}

/* Equal but for the last sub-authority. */
ADVAPI BOOL WINAPI EqualPrefixSid(PSID a, PSID b)
{
	SID *x = a, *y = b;

	if (!adv_sid_length(a) || !adv_sid_length(b))
		return adv_fail_error(ERROR_INVALID_SID);
	return x->SubAuthorityCount == y->SubAuthorityCount &&
	       !memcmp(x, y, 8 + 4u * (x->SubAuthorityCount ? x->SubAuthorityCount - 1 : 0));
}

ADVAPI PSID_IDENTIFIER_AUTHORITY WINAPI GetSidIdentifierAuthority(PSID sid)
{
	return &((SID *)sid)->IdentifierAuthority;
}

ADVAPI PDWORD WINAPI GetSidSubAuthority(PSID sid, DWORD n)
{
	return &((SID *)sid)->SubAuthority[n];
}

ADVAPI PUCHAR WINAPI GetSidSubAuthorityCount(PSID sid)
{
	return &((SID *)sid)->SubAuthorityCount;
}
