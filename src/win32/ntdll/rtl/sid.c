/*
 * SIDs: revision 1, a 6-byte identifier authority (big-endian) and at
 * most 15 sub-authorities; 8 + 4 * count bytes.
 */
#include "rtl_private.h"

#define SID_HEADER 8

static ULONG sid_length(const SID *sid)
{
	return SID_HEADER + 4u * sid->SubAuthorityCount;
}

RTLAPI ULONG NTAPI RtlLengthRequiredSid(ULONG count)
{
	return SID_HEADER + 4u * count;
}

RTLAPI BOOLEAN NTAPI RtlValidSid(PSID psid)
{
	const SID *sid = psid;

	return sid && sid->Revision == SID_REVISION &&
	       sid->SubAuthorityCount <= SID_MAX_SUB_AUTHORITIES;
}

RTLAPI ULONG NTAPI RtlLengthSid(PSID sid)
{
	return sid_length(sid);
}

RTLAPI NTSTATUS NTAPI RtlInitializeSid(PSID psid, PSID_IDENTIFIER_AUTHORITY authority, UCHAR count)
{
	SID *sid = psid;

	if (count > SID_MAX_SUB_AUTHORITIES)
		return STATUS_INVALID_PARAMETER;
	sid->Revision = SID_REVISION;
	sid->SubAuthorityCount = count;
	sid->IdentifierAuthority = *authority;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlAllocateAndInitializeSidEx(PSID_IDENTIFIER_AUTHORITY authority,
						     UCHAR count, const ULONG *subs, PSID *out)
{
	SID *sid;

	if (count > SID_MAX_SUB_AUTHORITIES)
		return STATUS_INVALID_SID;
	sid = RtlAllocateHeap(lsw_process_heap(), 0, RtlLengthRequiredSid(count));
	if (!sid)
		return STATUS_NO_MEMORY;
	RtlInitializeSid(sid, authority, count);
	memcpy(sid->SubAuthority, subs, 4u * count);
	*out = sid;
	return STATUS_SUCCESS;
}

/* At most 8 sub-authorities here (the rest of the arguments). */
RTLAPI NTSTATUS NTAPI RtlAllocateAndInitializeSid(PSID_IDENTIFIER_AUTHORITY authority, UCHAR count,
						  ULONG s0, ULONG s1, ULONG s2, ULONG s3, ULONG s4,
						  ULONG s5, ULONG s6, ULONG s7, PSID *out)
{
	const ULONG subs[8] = { s0, s1, s2, s3, s4, s5, s6, s7 };

	if (count > 8)
		return STATUS_INVALID_SID;
	return RtlAllocateAndInitializeSidEx(authority, count, subs, out);
}

RTLAPI PVOID NTAPI RtlFreeSid(PSID sid)
{
	RtlFreeHeap(lsw_process_heap(), 0, sid);
	return NULL;
}

RTLAPI NTSTATUS NTAPI RtlCopySid(ULONG size, PSID dst, PSID src)
{
	ULONG len = sid_length(src);

	if (size < len)
		return STATUS_BUFFER_TOO_SMALL;
	memmove(dst, src, len);
	return STATUS_SUCCESS;
}

RTLAPI BOOLEAN NTAPI RtlEqualSid(PSID a, PSID b)
{
	ULONG len = sid_length(a);

	return len == sid_length(b) && !memcmp(a, b, len);
}

/* Equal but for the last sub-authority. */
RTLAPI BOOLEAN NTAPI RtlEqualPrefixSid(PSID pa, PSID pb)
{
	const SID *a = pa, *b = pb;

	if (a->Revision != b->Revision || a->SubAuthorityCount != b->SubAuthorityCount)
		return FALSE;
	if (!a->SubAuthorityCount)
		return !memcmp(&a->IdentifierAuthority, &b->IdentifierAuthority, 6);
	return !memcmp(a, b, sid_length(a) - 4);
}

RTLAPI PSID_IDENTIFIER_AUTHORITY NTAPI RtlIdentifierAuthoritySid(PSID sid)
{
	return &((SID *)sid)->IdentifierAuthority;
}

RTLAPI PULONG NTAPI RtlSubAuthoritySid(PSID sid, ULONG index)
{
	return &((SID *)sid)->SubAuthority[index];
}

RTLAPI PUCHAR NTAPI RtlSubAuthorityCountSid(PSID sid)
{
	return &((SID *)sid)->SubAuthorityCount;
}

#define SID_TEXT_MAX (4 + 14 + 11 * SID_MAX_SUB_AUTHORITIES + 1)

static ULONG put_decimal(WCHAR *out, ULONG v)
{
	WCHAR digits[10];
	ULONG n = 0, i;

	do
		digits[n++] = (WCHAR)('0' + v % 10);
	while (v /= 10);
	for (i = 0; i < n; i++)
		out[i] = digits[n - 1 - i];
	return n;
}

/* "S-1-<authority>-<sub>...": the authority in decimal when it fits in 32
 * bits, else as 0x and 12 hex digits (documented SDDL form).  Returns the
 * length in characters; out holds SID_TEXT_MAX. */
static ULONG sid_format(const SID *sid, WCHAR *out)
{
	const BYTE *a = sid->IdentifierAuthority.Value;
	ULONG n = 0, i;

	out[n++] = 'S';
	out[n++] = '-';
	n += put_decimal(out + n, sid->Revision);
	out[n++] = '-';
	if (a[0] || a[1]) {
		out[n++] = '0';
		out[n++] = 'x';
		for (i = 0; i < 12; i++)
			out[n++] = L"0123456789ABCDEF"[(a[i / 2] >> (i & 1 ? 0 : 4)) & 15];
	} else {
		n += put_decimal(out + n, (ULONG)a[2] << 24 | (ULONG)a[3] << 16 | a[4] << 8 | a[5]);
	}
	for (i = 0; i < sid->SubAuthorityCount; i++) {
		out[n++] = '-';
		n += put_decimal(out + n, sid->SubAuthority[i]);
	}
	out[n] = 0;
	return n;
}

RTLAPI NTSTATUS NTAPI RtlLengthSidAsUnicodeString(PSID sid, PULONG len)
{
	WCHAR text[SID_TEXT_MAX];

	if (!RtlValidSid(sid))
		return STATUS_INVALID_SID;
	*len = sid_format(sid, text) * sizeof(WCHAR);
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlConvertSidToUnicodeString(PUNICODE_STRING str, PSID sid, BOOLEAN alloc)
{
	WCHAR text[SID_TEXT_MAX];
	ULONG bytes;

	if (!RtlValidSid(sid))
		return STATUS_INVALID_SID;
	bytes = sid_format(sid, text) * sizeof(WCHAR);
	if (alloc) {
		str->Buffer = RtlAllocateHeap(lsw_process_heap(), 0, bytes + sizeof(WCHAR));
		if (!str->Buffer)
			return STATUS_NO_MEMORY;
		str->MaximumLength = (USHORT)(bytes + sizeof(WCHAR));
	} else if (str->MaximumLength < bytes + sizeof(WCHAR)) {
		return STATUS_BUFFER_OVERFLOW;
	}
	memcpy(str->Buffer, text, bytes + sizeof(WCHAR));
	str->Length = (USHORT)bytes;
	return STATUS_SUCCESS;
}
