/*
 * What needs a desktop shell fails cleanly: a console session has no file
 * associations, no default browser, and no UI for file operations.
 * ShellExecute returns a value of 32 or less (documented as failure):
 * SE_ERR_FNF or SE_ERR_PNF for a file or directory that is not there,
 * SE_ERR_NOASSOC for anything else (a file, a directory, a URL: nothing
 * is registered to open it).  SHFileOperation reports every operation aborted.
 */
#include "shell32_private.h"

/* A URL ("scheme:...", the scheme longer than a drive letter). */
static BOOL is_url(const WCHAR *s)
{
	const WCHAR *colon = wcschr(s, ':');

	return colon && colon - s > 1;
}

static UINT exec_error(const WCHAR *file)
{
	if (!file || !*file)
		return SE_ERR_FNF;
	if (!is_url(file) && GetFileAttributesW(file) == INVALID_FILE_ATTRIBUTES)
		return GetLastError() == ERROR_PATH_NOT_FOUND ? SE_ERR_PNF : SE_ERR_FNF;
	return SE_ERR_NOASSOC;
}

HINSTANCE WINAPI ShellExecuteW(HWND hwnd, LPCWSTR verb, LPCWSTR file, LPCWSTR params, LPCWSTR dir,
			       INT show)
{
	return (HINSTANCE)(ULONG_PTR)exec_error(file);
}

HINSTANCE WINAPI ShellExecuteA(HWND hwnd, LPCSTR verb, LPCSTR file, LPCSTR params, LPCSTR dir,
			       INT show)
{
	WCHAR w[MAX_PATH * 4];

	if (!file)
		return (HINSTANCE)SE_ERR_FNF;
	MultiByteToWideChar(CP_ACP, 0, file, -1, w, MAX_PATH * 4);
	return ShellExecuteW(hwnd, NULL, w, NULL, NULL, show);
}

/* FALSE with the Win32 error of the failure, hInstApp as ShellExecute. */
static BOOL exec_ex_fail(HINSTANCE *app, const WCHAR *file)
{
	UINT e = exec_error(file);

	if (app)
		*app = (HINSTANCE)(ULONG_PTR)e;
	SetLastError(e == SE_ERR_FNF ? ERROR_FILE_NOT_FOUND :
		     e == SE_ERR_PNF ? ERROR_PATH_NOT_FOUND : ERROR_NO_ASSOCIATION);
	return FALSE;
}

BOOL WINAPI ShellExecuteExW(SHELLEXECUTEINFOW *info)
{
	if (!info || info->cbSize != sizeof(*info)) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (info->fMask & SEE_MASK_NOCLOSEPROCESS)
		info->hProcess = NULL;
	return exec_ex_fail(&info->hInstApp, info->lpFile);
}

BOOL WINAPI ShellExecuteExA(SHELLEXECUTEINFOA *info)
{
	WCHAR w[MAX_PATH * 4] = L"";

	if (!info || info->cbSize != sizeof(*info)) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (info->fMask & SEE_MASK_NOCLOSEPROCESS)
		info->hProcess = NULL;
	if (info->lpFile)
		MultiByteToWideChar(CP_ACP, 0, info->lpFile, -1, w, MAX_PATH * 4);
	return exec_ex_fail(&info->hInstApp, info->lpFile ? w : NULL);
}

/* Nonzero is failure; the operation did not happen. */
int WINAPI SHFileOperationW(LPSHFILEOPSTRUCTW op)
{
	if (!op)
		return ERROR_INVALID_PARAMETER;
	op->fAnyOperationsAborted = TRUE;
	return ERROR_CALL_NOT_IMPLEMENTED;
}

int WINAPI SHFileOperationA(LPSHFILEOPSTRUCTA op)
{
	if (!op)
		return ERROR_INVALID_PARAMETER;
	op->fAnyOperationsAborted = TRUE;
	return ERROR_CALL_NOT_IMPLEMENTED;
}
