/* The handler of cxx_guard.S's frame. */
#include "cxx_private.h"

EXCEPTION_DISPOSITION cxx_guard_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
					void *dc)
{
	if (!(rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND)) &&
	    cxx_is_cxx(rec))
		cxx_terminate();
	return ExceptionContinueSearch;
}
