/*
 * The process status API's views of memory, from NtQueryVirtualMemory:
 * the file a view maps (GetMappedFileName, its NT device path) and the
 * working-set state of listed pages (QueryWorkingSetEx).  The handle
 * needs PROCESS_QUERY_INFORMATION; an address that maps no file is
 * ERROR_UNEXP_NET_ERR, a view of the paging file ERROR_FILE_INVALID, as
 * the NT status converts.  Emptying the working set and watching it are
 * asked of NtSetInformationProcess.
 */
#include "k32_private.h"

#define MemoryMappedFilenameInformation 2
#define MemoryWorkingSetExInformation 4
#define NAME_ROOM 0x8000

/* Copies at most size characters of the name; it ends with a NUL when
 * that fits, else in the last place. */
K32API DWORD WINAPI K32GetMappedFileNameW(HANDLE process, LPVOID addr, LPWSTR name, DWORD size)
{
	SIZE_T room = sizeof(UNICODE_STRING) + NAME_ROOM * sizeof(WCHAR);
	UNICODE_STRING *s;
	NTSTATUS st;
	DWORD n;

	if (!name || !size)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!(s = RtlAllocateHeap(k32_heap(), 0, room)))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	st = NtQueryVirtualMemory(process, addr, MemoryMappedFilenameInformation, s, room, NULL);
	if (st < 0) {
		RtlFreeHeap(k32_heap(), 0, s);
		return k32_fail(st);
	}
	n = s->Length / sizeof(WCHAR) < size ? s->Length / sizeof(WCHAR) : size;
	memcpy(name, s->Buffer, n * sizeof(WCHAR));
	name[n < size ? n : size - 1] = 0;
	RtlFreeHeap(k32_heap(), 0, s);
	return n;
}

K32API DWORD WINAPI K32GetMappedFileNameA(HANDLE process, LPVOID addr, LPSTR name, DWORD size)
{
	WCHAR *w;
	DWORD n;

	if (!name || !size)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!(w = RtlAllocateHeap(k32_heap(), 0, size * sizeof(WCHAR))))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	if ((n = K32GetMappedFileNameW(process, addr, w, size))) {
		k32_w_to_a(w, n < size ? n : size - 1, name);
		name[n < size ? n : size - 1] = 0;
	}
	RtlFreeHeap(k32_heap(), 0, w);
	return n;
}

K32API BOOL WINAPI K32QueryWorkingSetEx(HANDLE process, PVOID info, DWORD size)
{
	NTSTATUS st = NtQueryVirtualMemory(process, NULL, MemoryWorkingSetExInformation, info, size,
					   NULL);

	return st < 0 ? k32_fail(st) : TRUE;
}

#define ProcessQuotaLimitsInfo 1
#define ProcessWorkingSetWatchInfo 15

/* SetProcessWorkingSetSize(-1, -1): the pages may all go (PROCESS_SET_QUOTA). */
K32API BOOL WINAPI K32EmptyWorkingSet(HANDLE process)
{
	QUOTA_LIMITS q = { 0 };
	NTSTATUS st;

	q.MinimumWorkingSetSize = q.MaximumWorkingSetSize = (SIZE_T)-1;
	st = NtSetInformationProcess(process, ProcessQuotaLimitsInfo, &q, sizeof(q));
	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI K32InitializeProcessForWsWatch(HANDLE process)
{
	NTSTATUS st = NtSetInformationProcess(process, ProcessWorkingSetWatchInfo, NULL, 0);

	return st < 0 ? k32_fail(st) : TRUE;
}
