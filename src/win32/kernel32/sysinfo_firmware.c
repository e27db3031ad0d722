/*
 * Firmware tables and the processor topology, as kernel32 gives them from
 * NtQuerySystemInformation(Ex): GetSystemFirmwareTable and
 * EnumSystemFirmwareTables (SystemFirmwareTableInformation),
 * GetLogicalProcessorInformation(Ex).
 */
#include "k32_private.h"

#define SystemLogicalProcessorInfo 73
#define SystemFirmwareTableInfo 76
#define SystemLogicalProcessorInfoEx 107
#define FIRMWARE_HEADER 16 /* SYSTEM_FIRMWARE_TABLE_INFORMATION up to TableBuffer */

NTSTATUS NTAPI NtQuerySystemInformationEx(ULONG, void *, ULONG, void *, ULONG, ULONG *);

/* action 0 enumerates the provider's table ids, 1 gets table id: the
 * bytes it has (copied to buf when size holds them), 0 on failure. */
static UINT firmware_call(DWORD provider, DWORD action, DWORD id, void *buf, DWORD size)
{
	ULONG len = FIRMWARE_HEADER + size, ret = 0, got;
	ULONG *info = RtlAllocateHeap(k32_heap(), 0, len);
	NTSTATUS st;

	if (!info)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	info[0] = provider;
	info[1] = action;
	info[2] = id;
	info[3] = 0;
	st = NtQuerySystemInformation(SystemFirmwareTableInfo, info, len, &ret);
	got = info[3];
	if (st >= 0 && buf)
		memcpy(buf, info + 4, got);
	RtlFreeHeap(k32_heap(), 0, info);
	if (st == STATUS_BUFFER_TOO_SMALL) {
		RtlSetLastWin32Error(ERROR_INSUFFICIENT_BUFFER);
		return got;
	}
	return st < 0 ? k32_fail(st) : got;
}

K32API UINT WINAPI GetSystemFirmwareTable(DWORD provider, DWORD id, PVOID buf, DWORD size)
{
	return firmware_call(provider, 1, id, buf, size);
}

K32API UINT WINAPI EnumSystemFirmwareTables(DWORD provider, PVOID buf, DWORD size)
{
	return firmware_call(provider, 0, 0, buf, size);
}

static BOOL topology_result(NTSTATUS st)
{
	if (st == STATUS_INFO_LENGTH_MISMATCH)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI GetLogicalProcessorInformation(PSYSTEM_LOGICAL_PROCESSOR_INFORMATION buf,
						  PDWORD len)
{
	if (!len)
		return k32_error(ERROR_INVALID_PARAMETER);
	return topology_result(NtQuerySystemInformation(SystemLogicalProcessorInfo, buf, *len,
							len));
}

K32API BOOL WINAPI GetLogicalProcessorInformationEx(LOGICAL_PROCESSOR_RELATIONSHIP relation,
	PSYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX buf, PDWORD len)
{
	if (!len)
		return k32_error(ERROR_INVALID_PARAMETER);
	return topology_result(NtQuerySystemInformationEx(SystemLogicalProcessorInfoEx, &relation,
							  sizeof(relation), buf, *len, len));
}
