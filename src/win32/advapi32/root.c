/* The predefined keys (HKEY_LOCAL_MACHINE, ...): fixed HKEY values that
 * stand for NT key paths.  Each is opened on first use and its NT handle
 * kept for the life of the process.
 *
 * HKEY_CLASSES_ROOT's handle is HKLM\Software\Classes; the user's
 * HKCU\Software\Classes is merged over what lies below it (merge.c). */
#include "adv_private.h"

#define ADV_NROOTS 6 /* 0x80000000 .. 0x80000005 */

static const WCHAR *const root_paths[ADV_NROOTS] = {
	ADV_MACHINE_CLASSES,                              /* HKEY_CLASSES_ROOT */
	L"\\Registry\\User\\" ADV_USER_SID,               /* HKEY_CURRENT_USER */
	L"\\Registry\\Machine",                           /* HKEY_LOCAL_MACHINE */
	L"\\Registry\\User",                              /* HKEY_USERS */
	NULL,                                             /* HKEY_PERFORMANCE_DATA */
	L"\\Registry\\Machine\\System\\CurrentControlSet\\Hardware Profiles\\Current",
};

static HANDLE root_handles[ADV_NROOTS];

BOOL adv_is_predefined(HKEY hkey)
{
	ULONG_PTR v = (ULONG_PTR)hkey;

	/* HKEY values are sign-extended 32-bit constants on x64. */
	return (v & 0xFFFFFFFF80000000ull) == 0xFFFFFFFF80000000ull ||
	       (v & 0xFFFFFFFF80000000ull) == 0x80000000ull;
}

static LSTATUS open_root(unsigned i, HANDLE *out)
{
	UNICODE_STRING name;
	OBJECT_ATTRIBUTES oa;
	HANDLE h;
	NTSTATUS status;

	RtlInitUnicodeString(&name, root_paths[i]);
	InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE, NULL, NULL);
	status = NtOpenKey(&h, MAXIMUM_ALLOWED, &oa);
	if (!NT_SUCCESS(status))
		return adv_error(status);
	/* Another thread may have opened it meanwhile: keep theirs. */
	if (InterlockedCompareExchangePointer(&root_handles[i], h, NULL))
		NtClose(h);
	*out = root_handles[i];
	return ERROR_SUCCESS;
}

LSTATUS adv_key(HKEY hkey, HANDLE *out)
{
	unsigned i;

	if (!hkey)
		return ERROR_INVALID_HANDLE;
	if (!adv_is_predefined(hkey)) {
		*out = (HANDLE)((ULONG_PTR)hkey & ~(ULONG_PTR)ADV_MERGED);
		return ERROR_SUCCESS;
	}
	i = (unsigned)((ULONG_PTR)hkey & 0x7FFFFFFF);
	if (hkey == HKEY_PERFORMANCE_DATA || hkey == HKEY_PERFORMANCE_TEXT ||
	    hkey == HKEY_PERFORMANCE_NLSTEXT)
		return ERROR_CALL_NOT_IMPLEMENTED; /* no performance counters */
	if (i >= ADV_NROOTS || !root_paths[i])
		return ERROR_INVALID_HANDLE;
	*out = root_handles[i];
	if (*out)
		return ERROR_SUCCESS;
	return open_root(i, out);
}

/* A predefined key is never closed: the cached handle stays valid. */
ADVAPI LSTATUS WINAPI RegCloseKey(HKEY hkey)
{
	if (!hkey)
		return ERROR_INVALID_HANDLE;
	if (adv_is_predefined(hkey))
		return ERROR_SUCCESS;
	if (adv_is_merged(hkey))
		adv_merged_forget(hkey);
	return adv_error(NtClose((HANDLE)((ULONG_PTR)hkey & ~(ULONG_PTR)ADV_MERGED)));
}

/* The thread's user is always the one user. */
ADVAPI LSTATUS WINAPI RegOpenCurrentUser(REGSAM sam, PHKEY out)
{
	UNICODE_STRING name;
	OBJECT_ATTRIBUTES oa;
	NTSTATUS status;

	if (!out)
		return ERROR_INVALID_PARAMETER;
	RtlInitUnicodeString(&name, root_paths[1]);
	InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE, NULL, NULL);
	status = NtOpenKey((HANDLE *)out, ADV_ACCESS(sam), &oa);
	if (!NT_SUCCESS(status)) {
		*out = NULL;
		return adv_error(status);
	}
	return ERROR_SUCCESS;
}
