/*
 * RtlGetLocaleFileMappingAddress: locale.nls (NtInitializeNlsFiles), mapped
 * by the first call and shared by all later ones.
 */
#include "rtl/rtl_private.h"

NTSTATUS NTAPI NtInitializeNlsFiles(void **base, LCID *lcid, LARGE_INTEGER *size);
NTSTATUS NTAPI NtUnmapViewOfSection(HANDLE process, PVOID base);

RTLAPI NTSTATUS NTAPI RtlGetLocaleFileMappingAddress(void **base, LCID *lcid,
						       LARGE_INTEGER *size)
{
	static void *cached_base;
	static LCID cached_lcid;
	static LARGE_INTEGER cached_size;

	if (!cached_base) {
		void *addr = NULL;
		LCID id;
		LARGE_INTEGER sz;
		NTSTATUS st = NtInitializeNlsFiles(&addr, &id, &sz);

		if (st)
			return st;
		cached_lcid = id;
		cached_size = sz;
		if (InterlockedCompareExchangePointer(&cached_base, addr, NULL))
			NtUnmapViewOfSection((HANDLE)-1, addr);
	}
	*base = cached_base;
	*lcid = cached_lcid;
	*size = cached_size;
	return STATUS_SUCCESS;
}
