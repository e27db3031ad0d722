/*
 * The handle functions only kernelbase exports (api-ms-win-core-handle
 * l1-1-0): CompareObjectHandles, over NtCompareObjects.
 */
#define _KERNEL32_ /* we define, not import, these */
#include <windows.h>

#define KBAPI __declspec(dllexport)

NTSTATUS NTAPI NtCompareObjects(HANDLE, HANDLE);

/* TRUE when both handles name one object; FALSE (with no error set, as
 * documented) when they do not or either is not a handle. */
KBAPI BOOL WINAPI CompareObjectHandles(HANDLE first, HANDLE second)
{
	return NtCompareObjects(first, second) == 0;
}
