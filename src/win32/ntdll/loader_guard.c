/* The language handler of ldr_guarded_call's frame (loader_guard.S): an
 * exception raised by a DLL's entry point or TLS callback ends the call
 * and becomes its load's status, as Windows' loader reports it (an
 * access violation in DllMain: LoadLibrary fails with
 * ERROR_NOACCESS).  A breakpoint still goes on to the debugger. */
#include "loader.h"

extern char ldr_guard_resume[];

EXCEPTION_DISPOSITION ldr_guard_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
					DISPATCHER_CONTEXT *dc)
{
	NTSTATUS *fault = *(NTSTATUS **)((char *)frame + 32);

	if (rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND) ||
	    rec->ExceptionCode == STATUS_BREAKPOINT || rec->ExceptionCode == STATUS_SINGLE_STEP ||
	    rec->ExceptionCode == DBG_PRINTEXCEPTION_C)
		return ExceptionContinueSearch;
	*fault = rec->ExceptionCode;
	RtlUnwindEx(frame, ldr_guard_resume, rec, NULL, ctx, dc->HistoryTable);
	return ExceptionContinueSearch; /* not reached */
}
