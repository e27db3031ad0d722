/* The language handler of k32_guarded's frame (guard.S): it takes access
 * violations and the OutputDebugString exception nobody else took. */
#include "k32_private.h"

extern char k32_guard_resume[];

EXCEPTION_DISPOSITION k32_guard_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
					DISPATCHER_CONTEXT *dc)
{
	if (rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND) ||
	    (rec->ExceptionCode != STATUS_ACCESS_VIOLATION &&
	     rec->ExceptionCode != DBG_PRINTEXCEPTION_C))
		return ExceptionContinueSearch;
	RtlUnwindEx(frame, k32_guard_resume, rec, (PVOID) * (LONG_PTR *)((char *)frame + 32), ctx,
		    dc->HistoryTable);
	return ExceptionContinueSearch; /* not reached */
}
