/* SetErrorMode and the thread's error mode.  Nothing here shows dialog
 * boxes, so the modes only have to read back as set. */
#include "k32_private.h"

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

/* The TEB keeps the mode in ntdll's RTL_ERRORMODE_* bits. */
static const struct { DWORD sem, rtl; } mode_bits[] = {
	{ SEM_FAILCRITICALERRORS, 0x10 },
	{ SEM_NOGPFAULTERRORBOX, 0x20 },
	{ SEM_NOOPENFILEERRORBOX, 0x40 },
};

K32API DWORD WINAPI GetThreadErrorMode(void)
{
	ULONG rtl = RtlGetThreadErrorMode();
	DWORD mode = 0;
	size_t i;

	for (i = 0; i < sizeof(mode_bits) / sizeof(mode_bits[0]); i++)
		if (rtl & mode_bits[i].rtl)
			mode |= mode_bits[i].sem;
	return mode;
}

K32API BOOL WINAPI SetThreadErrorMode(DWORD mode, LPDWORD old)
{
	ULONG rtl = 0;
	size_t i;

	if (mode & ~THREAD_MODES)
		return k32_error(ERROR_INVALID_PARAMETER);
	for (i = 0; i < sizeof(mode_bits) / sizeof(mode_bits[0]); i++)
		if (mode & mode_bits[i].sem)
			rtl |= mode_bits[i].rtl;
	if (old)
		*old = GetThreadErrorMode();
	RtlSetThreadErrorMode(rtl, NULL);
	return TRUE;
}
