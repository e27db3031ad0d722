/* SetErrorMode and the thread's error mode.  Nothing here shows dialog
 * boxes, so the modes only have to read back as set. */
#include "k32_private.h"

#define TEB_HARD_ERROR_MODE 0x16b0 /* TEB.HardErrorMode (x64) */
#define THREAD_MODES (SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX)

static UINT process_mode;

/* SEM_NOALIGNMENTFAULTEXCEPT cannot be taken back once set (documented). */
K32API UINT WINAPI SetErrorMode(UINT mode)
{
	UINT old = process_mode;

	process_mode = mode | (old & SEM_NOALIGNMENTFAULTEXCEPT);
	return old;
}

K32API UINT WINAPI GetErrorMode(void)
{
	return process_mode;
}

K32API DWORD WINAPI GetThreadErrorMode(void)
{
	return __readgsdword(TEB_HARD_ERROR_MODE);
}

K32API BOOL WINAPI SetThreadErrorMode(DWORD mode, LPDWORD old)
{
	if (mode & ~THREAD_MODES)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (old)
		*old = GetThreadErrorMode();
	__writegsdword(TEB_HARD_ERROR_MODE, mode);
	return TRUE;
}
