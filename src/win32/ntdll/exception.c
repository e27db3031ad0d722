/*
 * Raising exceptions.  Dispatch to vectored and frame-based handlers comes
 * with the threads-and-exceptions work; until then a raised exception is
 * unhandled: the process ends with the exception code, as Windows ends a
 * process whose exception nobody handles, after saying so on stderr.
 */
#include "loader.h"

static void hex32(char *out, DWORD v)
{
	for (int i = 0; i < 8; i++)
		out[i] = "0123456789ABCDEF"[(v >> (28 - 4 * i)) & 15];
	out[8] = 0;
}

__attribute__((noreturn)) static void unhandled(DWORD code)
{
	char hex[12] = "0x";

	hex32(hex + 2, code);
	ldr_report("unhandled exception ", hex, " raised by the program");
	for (;;)
		NtTerminateProcess((HANDLE)-1, (NTSTATUS)code);
}

__declspec(dllexport) void NTAPI RtlRaiseException(PEXCEPTION_RECORD rec)
{
	unhandled(rec ? rec->ExceptionCode : (DWORD)STATUS_INVALID_PARAMETER);
}

__declspec(dllexport) void NTAPI RtlRaiseStatus(NTSTATUS status)
{
	unhandled((DWORD)status);
}

/* Unwinding needs dispatch first; reaching here means an unwind started by
 * a handler that cannot have run yet. */
__declspec(dllexport) void NTAPI RtlUnwindEx(PVOID frame, PVOID target, PEXCEPTION_RECORD rec,
					     PVOID retval, PCONTEXT ctx,
					     PUNWIND_HISTORY_TABLE history)
{
	unhandled(rec ? rec->ExceptionCode : (DWORD)STATUS_UNWIND);
}
