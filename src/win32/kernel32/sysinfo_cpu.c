/*
 * Processor topology as programs ask for it beyond GetSystemInfo: the CPU
 * sets (one per processor, from NtQuerySystemInformationEx), the NUMA node
 * of a processor (one node, 0, holds them all), and a process's session.
 */
#include "k32_private.h"

#define SystemCpuSetInformationClass 175
#define ProcessSessionInformationClass 24

NTSTATUS NTAPI NtQuerySystemInformationEx(ULONG, void *, ULONG, void *, ULONG, ULONG *);
NTSTATUS NTAPI NtOpenProcess(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, CLIENT_ID *);

K32API BOOL WINAPI GetSystemCpuSetInformation(void *info, ULONG length, PULONG returned,
					      HANDLE process, ULONG flags)
{
	NTSTATUS st;

	if (flags)
		return k32_error(ERROR_INVALID_PARAMETER);
	st = NtQuerySystemInformationEx(SystemCpuSetInformationClass, &process, sizeof(process),
					info, length, returned);
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

K32API BOOL WINAPI ProcessIdToSessionId(DWORD pid, DWORD *session)
{
	OBJECT_ATTRIBUTES oa;
	CLIENT_ID cid = { (HANDLE)(ULONG_PTR)pid, 0 };
	HANDLE h;
	NTSTATUS st;

	if (!session)
		return k32_error(ERROR_INVALID_PARAMETER);
	InitializeObjectAttributes(&oa, NULL, 0, NULL, NULL);
	if ((st = NtOpenProcess(&h, PROCESS_QUERY_LIMITED_INFORMATION, &oa, &cid)) < 0)
		return k32_fail(st);
	st = NtQueryInformationProcess(h, ProcessSessionInformationClass, session,
				       sizeof(*session), NULL);
	NtClose(h);
	return st < 0 ? k32_fail(st) : TRUE;
}
