/*
 * The process and thread settings of GetProcessInformation/
 * SetProcessInformation, Get/SetThreadInformation, the mitigation
 * policies and DEP, as a 64-bit desktop process on Windows 10 reads them:
 * DEP always on and permanent, no other mitigation enforced, no
 * protection level.  Settings that only steer Windows' memory manager or
 * power policy are checked as documented and kept, without effect on the
 * host.
 */
#include "k32_private.h"
#include <psapi.h>

/* processthreadsapi.h's, which mingw-w64 lacks */
typedef struct {
	ULONG Version, ControlMask, StateMask;
} THREAD_POWER_THROTTLING_STATE;
#define THREAD_POWER_THROTTLING_CURRENT_VERSION 1
#define THREAD_POWER_THROTTLING_VALID_FLAGS 0x1 /* EXECUTION_SPEED */

static LONG process_memory_priority = MEMORY_PRIORITY_NORMAL;

static BOOL valid_memory_priority(const MEMORY_PRIORITY_INFORMATION *m)
{
	return m->MemoryPriority >= MEMORY_PRIORITY_VERY_LOW &&
	       m->MemoryPriority <= MEMORY_PRIORITY_NORMAL;
}

static BOOL app_memory(HANDLE process, APP_MEMORY_INFORMATION *out)
{
	PROCESS_MEMORY_COUNTERS_EX pmc = { .cb = sizeof(pmc) };
	MEMORYSTATUSEX ms = { .dwLength = sizeof(ms) };

	if (!K32GetProcessMemoryInfo(process, (PROCESS_MEMORY_COUNTERS *)&pmc, sizeof(pmc)) ||
	    !GlobalMemoryStatusEx(&ms))
		return FALSE;
	out->AvailableCommit = ms.ullAvailPageFile;
	out->PrivateCommitUsage = pmc.PrivateUsage;
	out->PeakPrivateCommitUsage = pmc.PeakPagefileUsage;
	out->TotalCommitUsage = pmc.PagefileUsage;
	return TRUE;
}

/* The size each class takes, or 0 for a class GetProcessInformation
 * does not answer. */
static DWORD process_class_size(PROCESS_INFORMATION_CLASS cls)
{
	switch (cls) {
	case ProcessMemoryPriority: return sizeof(MEMORY_PRIORITY_INFORMATION);
	case ProcessAppMemoryInfo: return sizeof(APP_MEMORY_INFORMATION);
	case ProcessProtectionLevelInfo: return sizeof(PROCESS_PROTECTION_LEVEL_INFORMATION);
	case ProcessMachineTypeInfo: return sizeof(PROCESS_MACHINE_INFORMATION);
	default: return 0;
	}
}

K32API BOOL WINAPI GetProcessInformation(HANDLE process, PROCESS_INFORMATION_CLASS cls,
					 LPVOID info, DWORD size)
{
	DWORD need = process_class_size(cls);

	if (!need)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (size != need)
		return k32_error(ERROR_BAD_LENGTH);
	if (!info)
		return k32_error(ERROR_NOACCESS);
	switch (cls) {
	case ProcessMemoryPriority:
		((MEMORY_PRIORITY_INFORMATION *)info)->MemoryPriority =
			(ULONG)process_memory_priority;
		return TRUE;
	case ProcessAppMemoryInfo:
		return app_memory(process, info);
	case ProcessProtectionLevelInfo:
		((PROCESS_PROTECTION_LEVEL_INFORMATION *)info)->ProtectionLevel =
			PROTECTION_LEVEL_NONE;
		return TRUE;
	default: /* ProcessMachineTypeInfo: x64 code, natively */
		*(PROCESS_MACHINE_INFORMATION *)info = (PROCESS_MACHINE_INFORMATION){
			.ProcessMachine = IMAGE_FILE_MACHINE_AMD64,
			.MachineAttributes = UserEnabled | KernelEnabled,
		};
		return TRUE;
	}
}

K32API BOOL WINAPI SetProcessInformation(HANDLE process, PROCESS_INFORMATION_CLASS cls,
					 LPVOID info, DWORD size)
{
	const PROCESS_POWER_THROTTLING_STATE *pt = info;
	const PROCESS_MEMORY_EXHAUSTION_INFO *pme = info;
	const ULONG *leap = info;

	if (!info)
		return k32_error(ERROR_NOACCESS);
	switch (cls) {
	case ProcessMemoryPriority:
		if (size != sizeof(MEMORY_PRIORITY_INFORMATION))
			return k32_error(ERROR_BAD_LENGTH);
		if (!valid_memory_priority(info))
			return k32_error(ERROR_INVALID_PARAMETER);
		process_memory_priority = (LONG)((MEMORY_PRIORITY_INFORMATION *)info)->MemoryPriority;
		return TRUE;
	case ProcessPowerThrottling:
		if (size != sizeof(*pt))
			return k32_error(ERROR_BAD_LENGTH);
		return pt->Version == PROCESS_POWER_THROTTLING_CURRENT_VERSION &&
				       !(pt->ControlMask & ~PROCESS_POWER_THROTTLING_VALID_FLAGS) &&
				       !(pt->StateMask & ~pt->ControlMask)
			       ? TRUE : k32_error(ERROR_INVALID_PARAMETER);
	case ProcessMemoryExhaustionInfo:
		if (size != sizeof(*pme))
			return k32_error(ERROR_BAD_LENGTH);
		return pme->Version == PME_CURRENT_VERSION && pme->Type == PMETypeFailFastOnCommitFailure &&
				       pme->Value <= PME_FAILFAST_ON_COMMIT_FAIL_ENABLE
			       ? TRUE : k32_error(ERROR_INVALID_PARAMETER);
	case ProcessLeapSecondInfo: /* { Flags, Reserved } */
		if (size != 2 * sizeof(ULONG))
			return k32_error(ERROR_BAD_LENGTH);
		return !(leap[0] & ~PROCESS_LEAP_SECOND_INFO_VALID_FLAGS) && !leap[1]
			       ? TRUE : k32_error(ERROR_INVALID_PARAMETER);
	default:
		return k32_error(ERROR_INVALID_PARAMETER);
	}
}

/* The thread settings programs make: a memory priority and power
 * throttling, checked and accepted. */
K32API BOOL WINAPI SetThreadInformation(HANDLE thread, THREAD_INFORMATION_CLASS cls, LPVOID info,
					DWORD size)
{
	const THREAD_POWER_THROTTLING_STATE *pt = info;

	if (!info)
		return k32_error(ERROR_NOACCESS);
	switch (cls) {
	case ThreadMemoryPriority:
		if (size != sizeof(MEMORY_PRIORITY_INFORMATION))
			return k32_error(ERROR_BAD_LENGTH);
		return valid_memory_priority(info) ? TRUE : k32_error(ERROR_INVALID_PARAMETER);
	case ThreadPowerThrottling:
		if (size != sizeof(*pt))
			return k32_error(ERROR_BAD_LENGTH);
		return pt->Version == THREAD_POWER_THROTTLING_CURRENT_VERSION &&
				       !(pt->ControlMask & ~THREAD_POWER_THROTTLING_VALID_FLAGS) &&
				       !(pt->StateMask & ~pt->ControlMask)
			       ? TRUE : k32_error(ERROR_INVALID_PARAMETER);
	default:
		return k32_error(ERROR_INVALID_PARAMETER);
	}
}

/* Documented: DEP's per-process settings are for 32-bit processes; a
 * 64-bit one always has DEP and these fail with ERROR_NOT_SUPPORTED. */
K32API BOOL WINAPI GetProcessDEPPolicy(HANDLE process, LPDWORD flags, PBOOL permanent)
{
	return k32_error(ERROR_NOT_SUPPORTED);
}

K32API BOOL WINAPI SetProcessDEPPolicy(DWORD flags)
{
	return k32_error(ERROR_NOT_SUPPORTED);
}

/* A client Windows' default: DEP for system binaries and programs that
 * opt in (every 64-bit program has it regardless). */
K32API DEP_SYSTEM_POLICY_TYPE WINAPI GetSystemDEPPolicy(void)
{
	return DEPPolicyOptIn;
}

/* Every policy is a DWORD of flags but DEP's (flags + Permanent) and the
 * options mask (two ULONG64). */
static SIZE_T mitigation_size(PROCESS_MITIGATION_POLICY policy)
{
	if (policy == ProcessDEPPolicy)
		return sizeof(PROCESS_MITIGATION_DEP_POLICY);
	if (policy == ProcessMitigationOptionsMask)
		return 2 * sizeof(ULONG64);
	return sizeof(DWORD);
}

K32API BOOL WINAPI GetProcessMitigationPolicy(HANDLE process, PROCESS_MITIGATION_POLICY policy,
					      PVOID buffer, SIZE_T length)
{
	PROCESS_BASIC_INFORMATION pbi;
	NTSTATUS status;

	if ((unsigned)policy >= MaxProcessMitigationPolicy)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (length != mitigation_size(policy))
		return k32_error(ERROR_INVALID_PARAMETER);
	/* the handle must name a process the caller may query */
	status = NtQueryInformationProcess(process, ProcessBasicInformation, &pbi, sizeof(pbi),
					   NULL);
	if (status < 0)
		return k32_fail(status);
	memset(buffer, 0, length);
	if (policy == ProcessDEPPolicy) {
		PROCESS_MITIGATION_DEP_POLICY *dep = buffer;

		dep->Enable = 1;
		dep->Permanent = TRUE;
	}
	return TRUE;
}
