/* ntdll's exception dispatch, shared between its files. */
#ifndef LSW_NTDLL_EXCEPTION_H
#define LSW_NTDLL_EXCEPTION_H

#include "loader.h"

#ifndef STATUS_UNWIND_CONSOLIDATE
#define STATUS_UNWIND_CONSOLIDATE ((NTSTATUS)0x80000029)
#endif
#ifndef STATUS_INVALID_UNWIND_TARGET
#define STATUS_INVALID_UNWIND_TARGET ((NTSTATUS)0xC0000029)
#endif

NTSTATUS NTAPI NtContinue(PCONTEXT, BOOLEAN);
NTSTATUS NTAPI NtRaiseException(PEXCEPTION_RECORD, PCONTEXT, BOOLEAN);

/* An aligned address in the thread's stack: where a frame can be. */
static inline BOOL in_stack(DWORD64 p)
{
	NT_TIB *tib = &lsw_teb()->Tib;

	return p >= (DWORD64)tib->StackLimit && p < (DWORD64)tib->StackBase && !(p & 7);
}

/* exception_asm.S: calls rec's consolidation callback, then resumes ctx
 * where it returned. */
__attribute__((noreturn)) void rtl_consolidate(CONTEXT *ctx, EXCEPTION_RECORD *rec);

/* vectored.c: which = 0 exception handlers, 1 continue handlers.  TRUE
 * when one returned EXCEPTION_CONTINUE_EXECUTION. */
BOOL rtl_call_vectored(int which, EXCEPTION_RECORD *rec, CONTEXT *ctx);

/* unwind.c: the entry of a table sorted by address that holds rva. */
PRUNTIME_FUNCTION rtl_search_functions(PRUNTIME_FUNCTION table, DWORD count, DWORD rva);
/* function_tables.c: the entry for pc in a table added at run time, with
 * *base the address its RVAs count from; NULL and *base 0 if none. */
PRUNTIME_FUNCTION rtl_lookup_dynamic_function(DWORD64 pc, DWORD64 *base);

#endif
