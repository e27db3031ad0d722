/*
 * Processor topology as programs ask for it beyond GetSystemInfo: the CPU
 * sets (one per processor, from NtQuerySystemInformationEx), the NUMA node
 * of a processor (one node, 0, holds them all).
 */
#include "k32_private.h"

#define SystemCpuSetInformationClass 175

NTSTATUS NTAPI NtQuerySystemInformationEx(ULONG, void *, ULONG, void *, ULONG, ULONG *);

K32API BOOL WINAPI GetSystemCpuSetInformation(void *info, ULONG length, PULONG returned,
					      HANDLE process, ULONG flags)
{
	ULONG len = 0; /* what it says on a failure: nothing returned */
	NTSTATUS st;

	if (flags)
		return k32_error(ERROR_INVALID_PARAMETER);
	st = NtQuerySystemInformationEx(SystemCpuSetInformationClass, &process, sizeof(process),
					info, length, &len);
	*returned = len;
	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI GetNumaProcessorNode(UCHAR processor, PUCHAR node)
{
	if (processor >= lsw_peb()->NumberOfProcessors) {
		*node = 0xFF;
		return k32_error(ERROR_INVALID_PARAMETER);
	}
	*node = 0;
	return TRUE;
}
