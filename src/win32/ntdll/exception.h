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

/* exception_asm.S: calls rec's consolidation callback, then resumes ctx
 * where it returned. */
__attribute__((noreturn)) void rtl_consolidate(CONTEXT *ctx, EXCEPTION_RECORD *rec);

/* vectored.c: which = 0 exception handlers, 1 continue handlers.  TRUE
 * when one returned EXCEPTION_CONTINUE_EXECUTION. */
BOOL rtl_call_vectored(int which, EXCEPTION_RECORD *rec, CONTEXT *ctx);

#endif
