/*
 * DeriveCapabilitySidsFromName (api-ms-win-security-base-l1-2-2): the
 * SIDs of a named capability, both made from the SHA-256 of the name in
 * upper case (UTF-16LE, no terminator), its eight 32-bit words the last
 * sub-authorities: the group SID S-1-5-32-h0..h7 and the capability SID
 * S-1-15-3-1024-h0..h7, except that the twelve capabilities Windows 8
 * published keep their fixed capability SID S-1-15-3-RID.  Each array
 * holds one SID; the caller frees every SID and both arrays with
 * LocalFree (process-heap blocks, as LocalAlloc's fixed memory is).
 */
#define _KERNEL32_ /* we define, not import, these */
#define _ADVAPI32_ /* (mingw-w64 declares this one advapi32's) */
#include "ntdll/rtl/rtl_nt.h"
#include <string.h>
#include "bcrypt/hash.h"

#define KBAPI __declspec(dllexport)
#define HASH_WORDS 8
#define CAPABILITY_HASH_BASE 1024 /* SECURITY_CAPABILITY_APP_RID */


/* The published capabilities and their RIDs (SECURITY_CAPABILITY_*), in
 * upper case as the name is compared. */
static const WCHAR *const legacy[] = {
	L"INTERNETCLIENT", L"INTERNETCLIENTSERVER", L"PRIVATENETWORKCLIENTSERVER",
	L"PICTURESLIBRARY", L"VIDEOSLIBRARY", L"MUSICLIBRARY", L"DOCUMENTSLIBRARY",
	L"ENTERPRISEAUTHENTICATION", L"SHAREDUSERCERTIFICATES", L"REMOVABLESTORAGE",
	L"APPOINTMENTS", L"CONTACTS",
};

static HANDLE heap(void)
{
	return lsw_process_heap();
}

/* A SID of authority `auth` with the given sub-authorities, in a block
 * of the process heap. */
static PSID new_sid(BYTE auth, const DWORD *subs, BYTE count)
{
	SID *sid = RtlAllocateHeap(heap(), 0, FIELD_OFFSET(SID, SubAuthority[count]));

	if (!sid)
		return NULL;
	sid->Revision = SID_REVISION;
	sid->SubAuthorityCount = count;
	memset(&sid->IdentifierAuthority, 0, sizeof(sid->IdentifierAuthority));
	sid->IdentifierAuthority.Value[5] = auth;
	memcpy(sid->SubAuthority, subs, count * sizeof(DWORD));
	return sid;
}

/* A one-element array holding sid (NULL, the SID freed, on failure). */
static PSID *one_sid_array(PSID sid)
{
	PSID *array = sid ? RtlAllocateHeap(heap(), 0, sizeof(PSID)) : NULL;

	if (array)
		array[0] = sid;
	else if (sid)
		RtlFreeHeap(heap(), 0, sid);
	return array;
}

static int legacy_rid(const WCHAR *upper)
{
	for (size_t i = 0; i < sizeof(legacy) / sizeof(legacy[0]); i++)
		if (!wcscmp(upper, legacy[i]))
			return (int)i + 1;
	return 0;
}

KBAPI BOOL WINAPI DeriveCapabilitySidsFromName(LPCWSTR name, PSID **group_sids, DWORD *group_count,
					       PSID **cap_sids, DWORD *cap_count)
{
	DWORD subs[1 + HASH_WORDS];
	uint8_t digest[32];
	struct hash_ctx ctx;
	size_t len;
	WCHAR *upper;
	PSID *groups, *caps;
	int rid;

	if (!name || !group_sids || !group_count || !cap_sids || !cap_count) {
		RtlSetLastWin32Error(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	len = wcslen(name);
	upper = RtlAllocateHeap(heap(), 0, (len + 1) * sizeof(WCHAR));
	if (!upper) {
		RtlSetLastWin32Error(ERROR_NOT_ENOUGH_MEMORY);
		return FALSE;
	}
	for (size_t i = 0; i <= len; i++)
		upper[i] = RtlUpcaseUnicodeChar(name[i]);
	hash_init(&ctx, &hash_sha256);
	hash_update(&ctx, &hash_sha256, upper, len * sizeof(WCHAR));
	hash_final(&ctx, &hash_sha256, digest);
	rid = legacy_rid(upper);
	RtlFreeHeap(heap(), 0, upper);

	subs[0] = SECURITY_BUILTIN_DOMAIN_RID; /* 32: SECURITY_INSTALLER_GROUP_CAPABILITY_BASE */
	memcpy(subs + 1, digest, sizeof(digest));
	groups = one_sid_array(new_sid(5, subs, 1 + HASH_WORDS)); /* SECURITY_NT_AUTHORITY */
	subs[0] = SECURITY_CAPABILITY_BASE_RID;
	if (rid) {
		subs[1] = (DWORD)rid;
		caps = one_sid_array(new_sid(15, subs, 2)); /* SECURITY_APP_PACKAGE_AUTHORITY */
	} else {
		DWORD hashed[2 + HASH_WORDS] = { SECURITY_CAPABILITY_BASE_RID, CAPABILITY_HASH_BASE };

		memcpy(hashed + 2, digest, sizeof(digest));
		caps = one_sid_array(new_sid(15, hashed, 2 + HASH_WORDS));
	}
	if (!groups || !caps) {
		if (groups) {
			RtlFreeHeap(heap(), 0, groups[0]);
			RtlFreeHeap(heap(), 0, groups);
		}
		if (caps) {
			RtlFreeHeap(heap(), 0, caps[0]);
			RtlFreeHeap(heap(), 0, caps);
		}
		RtlSetLastWin32Error(ERROR_NOT_ENOUGH_MEMORY);
		return FALSE;
	}
	*group_sids = groups;
	*group_count = 1;
	*cap_sids = caps;
	*cap_count = 1;
	return TRUE;
}
