/* __C_specific_handler: the language handler MSVC (and mingw's startup
 * code) names in UNWIND_INFO for functions with __try blocks.  Its
 * HandlerData is a SCOPE_TABLE:
 *     ULONG Count;
 *     struct { ULONG BeginAddress, EndAddress, HandlerAddress, JumpTarget; }
 * all RVAs.  JumpTarget == 0 marks a __finally (HandlerAddress is the
 * termination handler); otherwise HandlerAddress is the filter (or the
 * constant 1, EXCEPTION_EXECUTE_HANDLER) and JumpTarget the __except body.
 * Nested scopes are listed innermost first. */
#include "crt.h"

typedef unsigned long DWORD;

/* ntdll's (ntdll builds this file too, hence no dllimport). */
void RtlUnwindEx(void *target_frame, void *target_ip, void *rec,
                 void *retval, void *ctx, void *history);

#define EXCEPTION_UNWINDING 0x2
#define EXCEPTION_EXIT_UNWIND 0x4
#define EXCEPTION_TARGET_UNWIND 0x20
#define ExceptionContinueExecution 0
#define ExceptionContinueSearch 1

typedef struct exception_record {
    DWORD code;
    DWORD flags;
    struct exception_record *next;
    void *address;
    DWORD nparams;
    uintptr_t info[15];
} exception_record;

typedef struct {
    uint64_t ControlPc;
    uint64_t ImageBase;
    void *FunctionEntry;
    uint64_t EstablisherFrame;
    uint64_t TargetIp;
    void *ContextRecord;
    void *LanguageHandler;
    void *HandlerData;
    void *HistoryTable;
    DWORD ScopeIndex;
    DWORD Fill0;
} dispatcher_context;

typedef struct {
    DWORD Count;
    struct {
        DWORD Begin, End, Handler, Target;
    } r[];
} scope_table;

typedef struct {
    exception_record *rec;
    void *ctx;
} exception_pointers;

typedef long (*filter_fn)(exception_pointers *, void *frame);
typedef void (*finally_fn)(int abnormal, void *frame);

static int in_scope(const scope_table *t, DWORD i, uint64_t pc_rva)
{
    return pc_rva >= t->r[i].Begin && pc_rva < t->r[i].End;
}

/* First pass: find an __except whose filter accepts the exception. */
static int dispatch(exception_record *rec, void *frame, void *ctx,
                    dispatcher_context *dc)
{
    const scope_table *t = dc->HandlerData;
    uint64_t pc = dc->ControlPc - dc->ImageBase;
    exception_pointers ptrs = { rec, ctx };

    for (DWORD i = dc->ScopeIndex; i < t->Count; i++) {
        long verdict;
        if (!in_scope(t, i, pc) || !t->r[i].Target)
            continue;
        if (t->r[i].Handler == 1)
            verdict = 1;
        else
            verdict = ((filter_fn)(dc->ImageBase + t->r[i].Handler))(&ptrs,
                                                                    frame);
        if (verdict < 0)
            return ExceptionContinueExecution;
        if (verdict > 0) {
            RtlUnwindEx(frame, (void *)(dc->ImageBase + t->r[i].Target), rec,
                        (void *)(uintptr_t)rec->code, dc->ContextRecord,
                        dc->HistoryTable);
        }
    }
    return ExceptionContinueSearch;
}

/* Second pass: run the __finally blocks being left, stopping at the
 * __except that is the unwind target. */
static int unwind(exception_record *rec, void *frame, dispatcher_context *dc)
{
    const scope_table *t = dc->HandlerData;
    uint64_t pc = dc->ControlPc - dc->ImageBase;
    uint64_t target = dc->TargetIp - dc->ImageBase;

    for (DWORD i = dc->ScopeIndex; i < t->Count; i++) {
        if (!in_scope(t, i, pc))
            continue;
        if ((rec->flags & EXCEPTION_TARGET_UNWIND) &&
            (t->r[i].Target == target ||
             (target >= t->r[i].Begin && target < t->r[i].End)))
            break;
        if (t->r[i].Target)
            continue;
        /* Record progress first: if the __finally raises, this scope is
         * not run again. */
        dc->ScopeIndex = i + 1;
        ((finally_fn)(dc->ImageBase + t->r[i].Handler))(1, frame);
    }
    return ExceptionContinueSearch;
}

CRTAPI int __C_specific_handler(exception_record *rec, void *frame,
                                void *ctx, dispatcher_context *dc)
{
    if (rec->flags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND))
        return unwind(rec, frame, dc);
    return dispatch(rec, frame, ctx, dc);
}
