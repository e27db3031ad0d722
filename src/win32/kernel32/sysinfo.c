/* System information (the version a program is told: version.c). */
#include "k32_private.h"

#define SystemProcessorInformationClass 1

/* ProcessorLevel and ProcessorRevision, as NtQuerySystemInformation
 * (SystemProcessorInformation) gives them; asked once (a race asks twice). */
static void cpu_family(WORD *level, WORD *revision)
{
	static volatile WORD cached[2];
	WORD info[6]; /* SYSTEM_PROCESSOR_INFORMATION: arch, level, revision, ... */

	if (!cached[0] && NtQuerySystemInformation(SystemProcessorInformationClass, info,
						   sizeof(info), NULL) >= 0) {
		cached[1] = info[2];
		cached[0] = info[1];
	}
	*level = cached[0];
	*revision = cached[1];
}

K32API void WINAPI GetSystemInfo(LPSYSTEM_INFO si)
{
	DWORD n = lsw_peb()->NumberOfProcessors;

	if (!n)
		n = 1;
	memset(si, 0, sizeof(*si));
	si->wProcessorArchitecture = PROCESSOR_ARCHITECTURE_AMD64;
	si->dwPageSize = 0x1000;
	si->lpMinimumApplicationAddress = (LPVOID)0x10000;
	si->lpMaximumApplicationAddress = (LPVOID)0x7FFFFFFEFFFFULL;
	si->dwActiveProcessorMask = n >= 64 ? ~(DWORD_PTR)0 : ((DWORD_PTR)1 << n) - 1;
	si->dwNumberOfProcessors = n;
	si->dwProcessorType = PROCESSOR_AMD_X8664;
	si->dwAllocationGranularity = 0x10000;
	cpu_family(&si->wProcessorLevel, &si->wProcessorRevision);
}

K32API void WINAPI GetNativeSystemInfo(LPSYSTEM_INFO si)
{
	GetSystemInfo(si);
}

#define SystemRegistryQuotaInformationClass 37

/* SYSTEM_REGISTRY_QUOTA_INFORMATION: RegistryQuotaAllowed, RegistryQuotaUsed,
 * PagedPoolSize; either output may be NULL. */
K32API BOOL WINAPI GetSystemRegistryQuota(PDWORD allowed, PDWORD used)
{
	struct { ULONG allowed, used; SIZE_T paged_pool; } q;
	NTSTATUS st = NtQuerySystemInformation(SystemRegistryQuotaInformationClass, &q, sizeof(q),
					       NULL);

	if (st < 0)
		return k32_fail(st);
	if (allowed)
		*allowed = q.allowed;
	if (used)
		*used = q.used;
	return TRUE;
}
