/* MoveFileEx: renames arrive with the filesystem bridge (NtSetInformationFile
 * FileRenameInformation); until then the call fails cleanly. */
#include "k32_private.h"

K32API BOOL WINAPI MoveFileExW(LPCWSTR from, LPCWSTR to, DWORD flags)
{
	RtlSetLastWin32Error(ERROR_CALL_NOT_IMPLEMENTED);
	return FALSE;
}

K32API BOOL WINAPI MoveFileExA(LPCSTR from, LPCSTR to, DWORD flags)
{
	RtlSetLastWin32Error(ERROR_CALL_NOT_IMPLEMENTED);
	return FALSE;
}
