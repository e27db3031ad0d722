/*
 * ACLs: an 8-byte header (revision 2 to 4, size, ACE count) followed by
 * AceCount ACEs, each starting with an ACE_HEADER whose AceSize is a
 * multiple of 4.  The simple ACEs are header, access mask and SID.
 */
#include "rtl_private.h"

#define ACL_HEADER sizeof(ACL)
#define SIMPLE_ACE_BASE 8 /* ACE_HEADER + ACCESS_MASK */

BOOLEAN NTAPI RtlValidSid(PSID);
ULONG NTAPI RtlLengthSid(PSID);

/* The end of the last ACE, or NULL if the ACEs do not fit the ACL. */
static BYTE *acl_aces_end(const ACL *acl)
{
	BYTE *p = (BYTE *)(acl + 1), *end = (BYTE *)acl + acl->AclSize;
	USHORT i;

	for (i = 0; i < acl->AceCount; i++) {
		const ACE_HEADER *ace = (const ACE_HEADER *)p;

		if ((SIZE_T)(end - p) < sizeof(ACE_HEADER) || ace->AceSize < sizeof(ACE_HEADER) ||
		    (ace->AceSize & 3) || ace->AceSize > (SIZE_T)(end - p))
			return NULL;
		p += ace->AceSize;
	}
	return p;
}

RTLAPI BOOLEAN NTAPI RtlValidAcl(PACL acl)
{
	return acl && acl->AclRevision >= MIN_ACL_REVISION &&
	       acl->AclRevision <= MAX_ACL_REVISION && acl->AclSize >= ACL_HEADER &&
	       acl_aces_end(acl) != NULL;
}

RTLAPI NTSTATUS NTAPI RtlCreateAcl(PACL acl, ULONG size, ULONG revision)
{
	if (size < ACL_HEADER)
		return STATUS_BUFFER_TOO_SMALL;
	if (revision < MIN_ACL_REVISION || revision > MAX_ACL_REVISION || size > 0xFFFF)
		return STATUS_INVALID_PARAMETER;
	memset(acl, 0, ACL_HEADER);
	acl->AclRevision = (BYTE)revision;
	acl->AclSize = (WORD)size;
	return STATUS_SUCCESS;
}

/* Where the next ACE would go: FALSE when an ACE starts at or past the
 * ACL's end; TRUE with NULL when the ACEs end past it; an ACL that is
 * exactly full answers its end.  The ACE sizes are taken as they are
 * (Windows' own walk, as its conformance shows). */
RTLAPI BOOLEAN NTAPI RtlFirstFreeAce(PACL acl, PVOID *ace)
{
	BYTE *p = (BYTE *)(acl + 1), *end = (BYTE *)acl + acl->AclSize;
	USHORT i;

	*ace = NULL;
	for (i = 0; i < acl->AceCount; i++) {
		if (p >= end)
			return FALSE;
		p += ((ACE_HEADER *)p)->AceSize;
	}
	if (p <= end)
		*ace = p;
	return TRUE;
}

RTLAPI NTSTATUS NTAPI RtlGetAce(PACL acl, ULONG index, PVOID *out)
{
	BYTE *p = (BYTE *)(acl + 1);

	if (!RtlValidAcl(acl) || index >= acl->AceCount)
		return STATUS_INVALID_PARAMETER;
	while (index--)
		p += ((ACE_HEADER *)p)->AceSize;
	*out = p;
	return STATUS_SUCCESS;
}

/* Insert `len` bytes of ACEs (`count` of them) before ACE `index` (or
 * at the end); the ACL's revision rises to `revision` if lower. */
static NTSTATUS acl_insert(ACL *acl, ULONG revision, ULONG index, const void *aces, ULONG len,
			   ULONG count)
{
	BYTE *end = acl_aces_end(acl), *at = (BYTE *)(acl + 1);
	ULONG i;

	if (!RtlValidAcl(acl) || revision < MIN_ACL_REVISION || revision > MAX_ACL_REVISION)
		return STATUS_INVALID_PARAMETER;
	if (len > (ULONG)((BYTE *)acl + acl->AclSize - end) || acl->AceCount + count > 0xFFFF)
		return STATUS_ALLOTTED_SPACE_EXCEEDED;
	for (i = 0; i < index && i < acl->AceCount; i++)
		at += ((ACE_HEADER *)at)->AceSize;
	memmove(at + len, at, (SIZE_T)(end - at));
	memcpy(at, aces, len);
	acl->AceCount += (WORD)count;
	if (acl->AclRevision < revision)
		acl->AclRevision = (BYTE)revision;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlAddAce(PACL acl, ULONG revision, ULONG index, PVOID list, ULONG len)
{
	BYTE *p = list, *end = p + len;
	ULONG count = 0;

	while (p < end) {
		ACE_HEADER *ace = (ACE_HEADER *)p;

		if ((SIZE_T)(end - p) < sizeof(*ace) || ace->AceSize < sizeof(*ace) ||
		    ace->AceSize > (SIZE_T)(end - p))
			return STATUS_INVALID_PARAMETER;
		p += ace->AceSize;
		count++;
	}
	return acl_insert(acl, revision, index, list, len, count);
}

RTLAPI NTSTATUS NTAPI RtlDeleteAce(PACL acl, ULONG index)
{
	BYTE *ace, *end;
	USHORT size;

	if (RtlGetAce(acl, index, (PVOID *)&ace) < 0)
		return STATUS_INVALID_PARAMETER;
	end = acl_aces_end(acl);
	size = ((ACE_HEADER *)ace)->AceSize;
	memmove(ace, ace + size, (SIZE_T)(end - ace - size));
	memset(end - size, 0, size);
	acl->AceCount--;
	return STATUS_SUCCESS;
}

/* A header-mask-SID ACE of `type` at the end of the ACL. */
static NTSTATUS add_simple_ace(PACL acl, ULONG revision, ULONG flags, UCHAR type,
			       ACCESS_MASK mask, PSID sid)
{
	BYTE buf[SIMPLE_ACE_BASE + 8 + 4 * SID_MAX_SUB_AUTHORITIES];
	ACE_HEADER *ace = (ACE_HEADER *)buf;
	ULONG sid_len;

	if (!RtlValidSid(sid))
		return STATUS_INVALID_SID;
	if (!RtlValidAcl(acl))
		return STATUS_INVALID_ACL;
	if (flags & ~(VALID_INHERIT_FLAGS | SUCCESSFUL_ACCESS_ACE_FLAG | FAILED_ACCESS_ACE_FLAG))
		return STATUS_INVALID_PARAMETER;
	sid_len = RtlLengthSid(sid);
	ace->AceType = type;
	ace->AceFlags = (BYTE)flags;
	ace->AceSize = (WORD)(SIMPLE_ACE_BASE + sid_len);
	memcpy(buf + 4, &mask, 4);
	memcpy(buf + SIMPLE_ACE_BASE, sid, sid_len);
	return acl_insert(acl, revision, ~0UL, buf, ace->AceSize, 1);
}

RTLAPI NTSTATUS NTAPI RtlAddAccessAllowedAceEx(PACL acl, ULONG revision, ULONG flags,
					       ACCESS_MASK mask, PSID sid)
{
	if (flags & ~VALID_INHERIT_FLAGS)
		return STATUS_INVALID_PARAMETER;
	return add_simple_ace(acl, revision, flags, ACCESS_ALLOWED_ACE_TYPE, mask, sid);
}

RTLAPI NTSTATUS NTAPI RtlAddAccessAllowedAce(PACL acl, ULONG revision, ACCESS_MASK mask, PSID sid)
{
	return add_simple_ace(acl, revision, 0, ACCESS_ALLOWED_ACE_TYPE, mask, sid);
}

RTLAPI NTSTATUS NTAPI RtlAddAccessDeniedAceEx(PACL acl, ULONG revision, ULONG flags,
					      ACCESS_MASK mask, PSID sid)
{
	if (flags & ~VALID_INHERIT_FLAGS)
		return STATUS_INVALID_PARAMETER;
	return add_simple_ace(acl, revision, flags, ACCESS_DENIED_ACE_TYPE, mask, sid);
}

RTLAPI NTSTATUS NTAPI RtlAddAccessDeniedAce(PACL acl, ULONG revision, ACCESS_MASK mask, PSID sid)
{
	return add_simple_ace(acl, revision, 0, ACCESS_DENIED_ACE_TYPE, mask, sid);
}

RTLAPI NTSTATUS NTAPI RtlAddAuditAccessAceEx(PACL acl, ULONG revision, ULONG flags,
					     ACCESS_MASK mask, PSID sid, BOOLEAN success,
					     BOOLEAN failure)
{
	flags |= (success ? SUCCESSFUL_ACCESS_ACE_FLAG : 0) | (failure ? FAILED_ACCESS_ACE_FLAG : 0);
	return add_simple_ace(acl, revision, flags, SYSTEM_AUDIT_ACE_TYPE, mask, sid);
}

RTLAPI NTSTATUS NTAPI RtlAddAuditAccessAce(PACL acl, ULONG revision, ACCESS_MASK mask, PSID sid,
					   BOOLEAN success, BOOLEAN failure)
{
	return RtlAddAuditAccessAceEx(acl, revision, 0, mask, sid, success, failure);
}

RTLAPI NTSTATUS NTAPI RtlQueryInformationAcl(PACL acl, PVOID info, ULONG len,
					     ACL_INFORMATION_CLASS cls)
{
	BYTE *end;

	if (!RtlValidAcl(acl))
		return STATUS_INVALID_PARAMETER;
	if (cls == AclRevisionInformation) {
		if (len < sizeof(ACL_REVISION_INFORMATION))
			return STATUS_BUFFER_TOO_SMALL;
		((ACL_REVISION_INFORMATION *)info)->AclRevision = acl->AclRevision;
		return STATUS_SUCCESS;
	}
	if (cls != AclSizeInformation)
		return STATUS_INVALID_INFO_CLASS;
	if (len < sizeof(ACL_SIZE_INFORMATION))
		return STATUS_BUFFER_TOO_SMALL;
	end = acl_aces_end(acl);
	((ACL_SIZE_INFORMATION *)info)->AceCount = acl->AceCount;
	((ACL_SIZE_INFORMATION *)info)->AclBytesInUse = (DWORD)(end - (BYTE *)acl);
	((ACL_SIZE_INFORMATION *)info)->AclBytesFree = (DWORD)((BYTE *)acl + acl->AclSize - end);
	return STATUS_SUCCESS;
}
