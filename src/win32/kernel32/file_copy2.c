/* CopyFile2: CopyFileEx with its options in a structure and an HRESULT
 * for an answer. */
#include "k32_private.h"

/* COPYFILE2_EXTENDED_PARAMETERS (public layout) */
struct copy_file2_params {
	DWORD dwSize, dwCopyFlags;
	BOOL *pfCancel;
	void *pProgressRoutine;
	void *pvCallbackContext;
};

/* The progress routine (COPYFILE2_MESSAGE) is not called: the copy is
 * done in one piece, nothing can be paused or reported. */
K32API HRESULT WINAPI CopyFile2(PCWSTR from, PCWSTR to, COPYFILE2_EXTENDED_PARAMETERS *params)
{
	const struct copy_file2_params *p = (const struct copy_file2_params *)params;

	if (p && p->dwSize < sizeof(*p)) {
		k32_error(ERROR_INVALID_PARAMETER);
		return HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER);
	}
	if (CopyFileExW(from, to, NULL, NULL, p ? p->pfCancel : NULL, p ? p->dwCopyFlags : 0))
		return S_OK;
	return HRESULT_FROM_WIN32(GetLastError());
}
