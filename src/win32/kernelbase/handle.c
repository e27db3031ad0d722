/*
 * The handle functions only kernelbase exports (api-ms-win-core-handle
 * l1-1-0): CompareObjectHandles, over NtCompareObjects.
 */
#define _KERNEL32_ /* we define, not import, these */
#include <windows.h>

#define KBAPI __declspec(dllexport)

NTSTATUS NTAPI NtCompareObjects(HANDLE, HANDLE);
ULONG NTAPI RtlNtStatusToDosError(NTSTATUS);
void NTAPI RtlSetLastWin32Error(ULONG);

/* TRUE when both handles name one object; FALSE when they do not
 * (ERROR_NOT_SAME_OBJECT, as Wine's conformance test sees on Windows) or
 * either is not a handle (ERROR_INVALID_HANDLE). */
KBAPI BOOL WINAPI CompareObjectHandles(HANDLE first, HANDLE second)
{
	NTSTATUS st = NtCompareObjects(first, second);

	if (st)
		RtlSetLastWin32Error(RtlNtStatusToDosError(st));
	return !st;
}
