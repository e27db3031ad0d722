/*
 * NtSetInformationVirtualMemory: hints about ranges of a process's memory.
 * VmPrefetchInformation (PrefetchVirtualMemory) asks for pages to be read
 * ahead; the host's page cache does that as the pages are touched, so
 * after the checks Windows makes, in its order, nothing is left to do.
 */
#include "emul/memory/memory.h"
#include "emul/process/process_object.h"

#define VM_PREFETCH_INFORMATION 0
#define MAX_RANGES 4096
#define STATUS_INVALID_PARAMETER_5 0xC00000F3u
#define STATUS_INVALID_PARAMETER_6 0xC00000F4u

/* The MEMORY_RANGE_ENTRY list (address, byte count): each must have bytes. */
static NTSTATUS check_ranges(struct nt_call *c, uint64_t at, uint64_t count)
{
	uint64_t entry[2];

	for (uint64_t i = 0; i < count; i++) {
		if (tracee_read(c->thread, at + i * sizeof(entry), entry, sizeof(entry)) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		if (!entry[1])
			return LSW_STATUS_INVALID_PARAMETER_4;
	}
	return LSW_STATUS_SUCCESS;
}

/* NtSetInformationVirtualMemory(ProcessHandle, VmInformationClass,
 *   NumberOfEntries, VirtualAddresses, VmInformation, VmInformationLength) */
NTSTATUS nt_NtSetInformationVirtualMemory(struct nt_call *c)
{
	uint64_t count = c->args[2];
	NTSTATUS st;

	if (!process_from_handle(c, c->args[0], PROCESS_VM_OPERATION, &st))
		return st;
	if ((uint32_t)c->args[1] != VM_PREFETCH_INFORMATION)
		return LSW_STATUS_INVALID_PARAMETER_2;
	if (!c->args[4])
		return STATUS_INVALID_PARAMETER_5;
	if ((uint32_t)c->args[5] != sizeof(uint32_t)) /* its ULONG flags, which must be 0 */
		return STATUS_INVALID_PARAMETER_6;
	if (!count)
		return LSW_STATUS_INVALID_PARAMETER_3;
	if (count > MAX_RANGES)
		return LSW_STATUS_INVALID_PARAMETER_3;
	return check_ranges(c, c->args[3], count);
}
