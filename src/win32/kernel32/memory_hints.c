/*
 * What a program tells or asks the memory manager beyond allocating:
 * the large-page size (x64's 2 MiB; allocating them needs
 * SeLockMemoryPrivilege, which the sandbox's standard user lacks, as on
 * Windows), and memory whose contents it lets the system drop: DiscardVirtualMemory
 * and OfferVirtualMemory are MEM_RESET of the range (the pages' contents
 * may be discarded; LSW's supervisor keeps them, which MEM_RESET allows),
 * and ReclaimVirtualMemory finds the contents kept (ERROR_SUCCESS, not
 * ERROR_BUSY).  They return a Win32 error code, not a BOOL.
 */
#include "k32_private.h"

K32API SIZE_T WINAPI GetLargePageMinimum(void)
{
	return 2 << 20;
}

static DWORD reset(void *addr, SIZE_T size)
{
	SIZE_T len = size;
	if (!addr || !size)
		return ERROR_INVALID_PARAMETER;
	NTSTATUS st = NtAllocateVirtualMemory(GetCurrentProcess(), &addr, 0, &len, MEM_RESET,
					      PAGE_NOACCESS);
	return st < 0 ? RtlNtStatusToDosError(st) : ERROR_SUCCESS;
}

K32API DWORD WINAPI DiscardVirtualMemory(PVOID addr, SIZE_T size)
{
	return reset(addr, size);
}

K32API DWORD WINAPI OfferVirtualMemory(PVOID addr, SIZE_T size, OFFER_PRIORITY priority)
{
	/* VMOfferPriorityVeryLow (1) .. VMOfferPriorityNormal (4) */
	if (priority < 1 || priority > 4)
		return ERROR_INVALID_PARAMETER;
	return reset(addr, size);
}

K32API DWORD WINAPI ReclaimVirtualMemory(PVOID addr, SIZE_T size)
{
	MEMORY_BASIC_INFORMATION info;
	if (!addr || !size)
		return ERROR_INVALID_PARAMETER;
	if (!VirtualQuery(addr, &info, sizeof(info)) || info.State != MEM_COMMIT)
		return ERROR_INVALID_PARAMETER;
	return ERROR_SUCCESS;
}
