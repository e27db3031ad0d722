/* Throwing, and the frame handlers compiled code names. */
#include "cxx_private.h"

/* throw obj (obj and ti NULL: "throw;", the exception being handled). */
void __stdcall _CxxThrowException(void *obj, const cxx_throw_info *ti)
{
	ULONG_PTR args[CXX_EXCEPTION_PARAMS] = { CXX_MAGIC1, (ULONG_PTR)obj, (ULONG_PTR)ti, 0 };

	if (ti) {
		RtlPcToFileHeader((void *)ti, (void **)&args[3]);
		if (ti->attributes & TI_PURE)
			args[0] = CXX_MAGIC_PURE;
	}
	cxx_thread()->processing_throw++;
	RaiseException(CXX_EXCEPTION_CODE, EXCEPTION_NONCONTINUABLE, CXX_EXCEPTION_PARAMS, args);
	cxx_terminate();    /* not continuable: the dispatcher never returns */
}

EXCEPTION_DISPOSITION __CxxFrameHandler3(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
					 DISPATCHER_CONTEXT *dc)
{
	return cxx_frame(rec, (DWORD64)frame, ctx, dc, CXX_FH3);
}

EXCEPTION_DISPOSITION __CxxFrameHandler4(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
					 DISPATCHER_CONTEXT *dc)
{
	return cxx_frame(rec, (DWORD64)frame, ctx, dc, CXX_FH4);
}

void *__current_exception(void)
{
	return &cxx_thread()->cur_rec;
}

void *__current_exception_context(void)
{
	return &cxx_thread()->cur_ctx;
}

int *__processing_throw(void)
{
	return &cxx_thread()->processing_throw;
}

int __uncaught_exceptions(void)
{
	return cxx_thread()->processing_throw;
}

BOOL __uncaught_exception(void)
{
	return cxx_thread()->processing_throw > 0;
}

void __DestructExceptionObject(EXCEPTION_RECORD *rec)
{
	if (rec && cxx_is_cxx(rec))
		cxx_destroy_object(rec);
}

/* FALSE while a running catch block still handles obj. */
BOOL _IsExceptionObjectToBeDestroyed(void *obj)
{
	return !cxx_object_in_use(obj);
}

void *__AdjustPointer(void *obj, const cxx_pmd *pmd)
{
	return cxx_adjust_pointer(obj, pmd);
}

/* The filter MSVC puts around destructors run while unwinding: a C++
 * exception leaving one ends the process. */
int __FrameUnwindFilter(EXCEPTION_POINTERS *ptrs)
{
	if (cxx_is_cxx(ptrs->ExceptionRecord))
		cxx_terminate();
	return EXCEPTION_CONTINUE_SEARCH;
}

/* A filter's answer to "is this a rethrow?" (the rethrow counts as thrown
 * again). */
int __CxxDetectRethrow(EXCEPTION_POINTERS *ptrs)
{
	if (!ptrs || !cxx_is_cxx(ptrs->ExceptionRecord) ||
	    cxx_throw_info_of(ptrs->ExceptionRecord))
		return EXCEPTION_CONTINUE_SEARCH;
	cxx_thread()->processing_throw++;
	return EXCEPTION_EXECUTE_HANDLER;
}
