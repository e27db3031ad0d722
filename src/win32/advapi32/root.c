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
static HANDLE overrides[ADV_NROOTS]; /* RegOverridePredefKey */

/* HKEY values are sign-extended 32-bit constants on x64; Windows looks
 * at the low 32 bits only (NT handles are small numbers). */
BOOL adv_is_predefined(HKEY hkey)
{
	return ((ULONG)(ULONG_PTR)hkey & 0x80000000u) != 0;
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
	if (i >= ADV_NROOTS || !root_paths[i])
		return ERROR_INVALID_HANDLE;
	if (overrides[i]) {
		*out = overrides[i];
		return ERROR_SUCCESS;
	}
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

/* Makes a predefined key stand for another key in this process (a
 * duplicate of it), or for its own again when new_key is NULL. */
ADVAPI LSTATUS WINAPI RegOverridePredefKey(HKEY hkey, HKEY new_key)
{
	unsigned i = (unsigned)((ULONG_PTR)hkey & 0x7FFFFFFF);
	HANDLE h = NULL, old;
	NTSTATUS status;

	if (!adv_is_predefined(hkey) || i >= ADV_NROOTS || !root_paths[i])
		return ERROR_INVALID_HANDLE;
	if (new_key) {
		HANDLE src;
		LSTATUS err = adv_key(new_key, &src);

		if (err)
			return err;
		status = NtDuplicateObject((HANDLE)-1, src, (HANDLE)-1, &h, 0, 0,
					   DUPLICATE_SAME_ACCESS);
		if (!NT_SUCCESS(status))
			return adv_error(status);
	}
	old = InterlockedExchangePointer(&overrides[i], h);
	if (old)
		NtClose(old);
	return ERROR_SUCCESS;
}

/* The cache holds the one user's keys, which never change under a
 * running process (there is no impersonation), so there is nothing to
 * refresh. */
ADVAPI LSTATUS WINAPI RegDisablePredefinedCache(void)
{
	return ERROR_SUCCESS;
}

ADVAPI LSTATUS WINAPI RegDisablePredefinedCacheEx(void)
{
	return ERROR_SUCCESS;
}

ADVAPI LSTATUS WINAPI RegOpenUserClassesRoot(HANDLE token, DWORD options, REGSAM sam, PHKEY out)
{
	UNICODE_STRING name;
	OBJECT_ATTRIBUTES oa;
	NTSTATUS status;

	if (!out || options)
		return ERROR_INVALID_PARAMETER;
	RtlInitUnicodeString(&name, ADV_USER_CLASSES);
	InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE, NULL, NULL);
	status = NtOpenKey((HANDLE *)out, ADV_ACCESS(sam), &oa);
	if (!NT_SUCCESS(status))
		*out = NULL;
	return adv_error(status);
}
