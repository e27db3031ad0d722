/*
 * Exception dispatch, as x64 Windows documents it: vectored handlers, then
 * the frame-based handlers found by walking the stack with the images'
 * unwind data (unwind.c), each called with a DISPATCHER_CONTEXT; a handler
 * that takes the exception unwinds to itself with RtlUnwindEx, which calls
 * the handlers of the frames in between again with EXCEPTION_UNWINDING.
 * Nobody taking it is kernel32's UnhandledExceptionFilter's business (the
 * part Windows keeps in the thread's outermost frame), then the
 * supervisor's: NtRaiseException's second chance ends the process with
 * the code and a message.
 */
#include "exception.h"

static void raise_status(NTSTATUS code, EXCEPTION_RECORD *cause)
{
	EXCEPTION_RECORD r;

	memset(&r, 0, sizeof(r));
	r.ExceptionCode = (DWORD)code;
	r.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
	r.ExceptionRecord = cause;
	RtlRaiseException(&r);
}

/* The caller of a function whose unwind data is missing: a leaf, whose
 * return address is at rsp. */
static BOOL unwind_leaf(CONTEXT *c)
{
	if (!in_stack(c->Rsp))
		return FALSE;
	c->Rip = *(DWORD64 *)c->Rsp;
	c->Rsp += 8;
	return TRUE;
}

/* First pass: offers the exception to each frame's handler, innermost
 * first.  TRUE when one says ExceptionContinueExecution. */
static BOOL search_frames(EXCEPTION_RECORD *rec, CONTEXT *orig)
{
	UNWIND_HISTORY_TABLE hist;
	DISPATCHER_CONTEXT dc;
	CONTEXT c = *orig;

	memset(&hist, 0, sizeof(hist));
	while (c.Rip && in_stack(c.Rsp)) {
		DWORD64 pc = c.Rip, base, frame;
		PRUNTIME_FUNCTION f = RtlLookupFunctionEntry(pc, &base, &hist);
		PEXCEPTION_ROUTINE h;
		PVOID data;

		if (!f) {
			if (!unwind_leaf(&c))
				break;
			continue;
		}
		h = RtlVirtualUnwind(UNW_FLAG_EHANDLER, base, pc, f, &c, &data, &frame, NULL);
		if (!h)
			continue;
		if (!in_stack(frame)) {
			rec->ExceptionFlags |= EXCEPTION_STACK_INVALID;
			break;
		}
		dc = (DISPATCHER_CONTEXT){ pc, base, f, frame, 0, &c, h, data, &hist, 0, 0 };
		switch (h(rec, (PVOID)frame, orig, &dc)) {
		case ExceptionContinueExecution:
			if (rec->ExceptionFlags & EXCEPTION_NONCONTINUABLE)
				raise_status(STATUS_NONCONTINUABLE_EXCEPTION, rec);
			return TRUE;
		case ExceptionContinueSearch:
			break;
		default: /* nested and collided dispositions come from our own
			  * dispatch frames, which do not report them yet */
			raise_status(STATUS_INVALID_DISPOSITION, rec);
		}
	}
	return FALSE;
}

RTLAPI BOOLEAN NTAPI RtlDispatchException(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
	if (!rtl_call_vectored(0, rec, ctx) && !search_frames(rec, ctx))
		return FALSE;
	rtl_call_vectored(1, rec, ctx);
	return TRUE;
}

typedef LONG(WINAPI *unhandled_filter)(EXCEPTION_POINTERS *);

/* RtlSetUnhandledExceptionFilter's (NULL: none); until it is called,
 * kernel32's UnhandledExceptionFilter, which Windows' kernel32 sets when
 * it loads. */
static unhandled_filter process_filter;
static BOOL process_filter_set;

RTLAPI void NTAPI RtlSetUnhandledExceptionFilter(unhandled_filter filter)
{
	process_filter = filter;
	process_filter_set = TRUE;
}

/* Nobody took the exception: the process's filter decides, by default
 * kernel32's UnhandledExceptionFilter (the program's
 * SetUnhandledExceptionFilter filter first).  It returns only to continue
 * (EXCEPTION_CONTINUE_EXECUTION) or to end the process quietly
 * (EXCEPTION_EXECUTE_HANDLER); otherwise the supervisor reports. */
__attribute__((noreturn)) static void unhandled(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
	struct ldr_module *k32 = ldr_find_loaded("kernel32.dll");
	unhandled_filter filter = process_filter;
	EXCEPTION_POINTERS ptrs = { rec, ctx };
	LONG r = EXCEPTION_CONTINUE_SEARCH;
	void *k32_filter;

	if (!process_filter_set && k32 && k32->initialized &&
	    NT_SUCCESS(ldr_get_export(k32, "UnhandledExceptionFilter", 0, &k32_filter)))
		filter = (unhandled_filter)k32_filter;
	if (filter)
		r = filter(&ptrs);
	if (r == EXCEPTION_CONTINUE_EXECUTION && !(rec->ExceptionFlags & EXCEPTION_NONCONTINUABLE))
		NtContinue(ctx, FALSE);
	if (r == EXCEPTION_EXECUTE_HANDLER)
		NtTerminateProcess((HANDLE)-1, (NTSTATUS)rec->ExceptionCode);
	NtRaiseException(rec, ctx, FALSE);
	for (;;)
		NtTerminateProcess((HANDLE)-1, (NTSTATUS)rec->ExceptionCode);
}

/* Called by KiUserExceptionDispatcher (exception_asm.S) on the frame the
 * supervisor built. */
__attribute__((noreturn)) void ki_dispatch_exception(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
	if (RtlDispatchException(rec, ctx))
		NtContinue(ctx, FALSE);
	unhandled(rec, ctx);
}

/* The record's address and context are the caller's: as if the exception
 * happened at the return from this call. */
RTLAPI void NTAPI RtlRaiseException(PEXCEPTION_RECORD rec)
{
	CONTEXT ctx;
	DWORD64 base, frame;
	PRUNTIME_FUNCTION f;
	PVOID data;

	RtlCaptureContext(&ctx);
	f = RtlLookupFunctionEntry(ctx.Rip, &base, NULL);
	if (f)
		RtlVirtualUnwind(UNW_FLAG_NHANDLER, base, ctx.Rip, f, &ctx, &data, &frame, NULL);
	rec->ExceptionAddress = (PVOID)ctx.Rip;
	if (lsw_peb()->BeingDebugged) /* the debugger first: the kernel dispatches */
		NtRaiseException(rec, &ctx, TRUE);
	if (RtlDispatchException(rec, &ctx))
		NtContinue(&ctx, FALSE);
	unhandled(rec, &ctx);
}

RTLAPI void NTAPI RtlRaiseStatus(NTSTATUS status)
{
	raise_status(status, NULL);
}

/* What longjmp restores: the x64 _JUMP_BUFFER. */
struct jump_buffer {
	DWORD64 Frame, Rbx, Rsp, Rbp, Rsi, Rdi, R12, R13, R14, R15, Rip;
	ULONG MxCsr;
	USHORT FpCsr, Spare;
	M128A Xmm[10];          /* Xmm6-Xmm15 */
};

static void restore_jump_buffer(CONTEXT *ctx, const struct jump_buffer *jb)
{
	ctx->Rbx = jb->Rbx;
	ctx->Rsp = jb->Rsp;
	ctx->Rbp = jb->Rbp;
	ctx->Rsi = jb->Rsi;
	ctx->Rdi = jb->Rdi;
	ctx->R12 = jb->R12;
	ctx->R13 = jb->R13;
	ctx->R14 = jb->R14;
	ctx->R15 = jb->R15;
	ctx->Rip = jb->Rip;
	ctx->MxCsr = jb->MxCsr; /* both copies: NtContinue loads the FltSave one */
	ctx->FltSave.MxCsr = jb->MxCsr;
	ctx->FltSave.ControlWord = jb->FpCsr;
	memcpy(&ctx->Xmm6, jb->Xmm, sizeof(jb->Xmm));
}

/* STATUS_UNWIND_CONSOLIDATE: the callback in ExceptionInformation[0]
 * (MSVC's C++ runtime: it runs the catch block) runs first and returns
 * where to go.  It runs on a frame that unwinds straight to ctx
 * (exception_asm.S), so an exception it raises walks from there into the
 * target frame, not through the frames already unwound.
 * STATUS_LONGJUMP: the registers come from the jump buffer in
 * ExceptionInformation[0] (longjmp unwinding to its setjmp). */
RTLAPI void __cdecl RtlRestoreContext(PCONTEXT ctx, struct _EXCEPTION_RECORD *rec)
{
	if (rec && rec->ExceptionCode == (DWORD)STATUS_UNWIND_CONSOLIDATE && rec->NumberParameters)
		rtl_consolidate(ctx, rec);
	if (rec && rec->ExceptionCode == (DWORD)STATUS_LONGJUMP && rec->NumberParameters)
		restore_jump_buffer(ctx, (const struct jump_buffer *)rec->ExceptionInformation[0]);
	NtContinue(ctx, FALSE);
}

/* Calls one frame's handler for the unwind; the target frame's is told
 * so with EXCEPTION_TARGET_UNWIND. */
static void unwind_handler(EXCEPTION_RECORD *rec, DWORD flags, DISPATCHER_CONTEXT *dc,
			   PVOID target_frame)
{
	EXCEPTION_DISPOSITION d;

	rec->ExceptionFlags = flags | ((PVOID)dc->EstablisherFrame == target_frame
				       ? EXCEPTION_TARGET_UNWIND : 0);
	d = dc->LanguageHandler(rec, (PVOID)dc->EstablisherFrame, dc->ContextRecord, dc);
	rec->ExceptionFlags &= ~(EXCEPTION_TARGET_UNWIND | EXCEPTION_COLLIDED_UNWIND);
	if (d != ExceptionContinueSearch)
		raise_status(STATUS_INVALID_DISPOSITION, rec);
}

/* Second pass: from the caller up to target_frame, each frame's handler
 * runs with EXCEPTION_UNWINDING; then the target's context resumes at
 * target_ip with Rax = retval.  ctx is only room for that context.  A
 * NULL target_frame unwinds every frame (exit unwind) and returns. */
RTLAPI void NTAPI RtlUnwindEx(PVOID target_frame, PVOID target_ip, PEXCEPTION_RECORD rec,
			      PVOID retval, PCONTEXT ctx, PUNWIND_HISTORY_TABLE hist)
{
	DWORD flags = EXCEPTION_UNWINDING | (target_frame ? 0 : EXCEPTION_EXIT_UNWIND);
	EXCEPTION_RECORD local;
	DISPATCHER_CONTEXT dc;
	CONTEXT next;

	if (!rec) {
		memset(&local, 0, sizeof(local));
		local.ExceptionCode = (DWORD)STATUS_UNWIND;
		local.ExceptionAddress = target_ip;
		rec = &local;
	}
	RtlCaptureContext(ctx);
	for (;;) {
		DWORD64 pc = ctx->Rip, base, frame = ctx->Rsp;
		PRUNTIME_FUNCTION f = RtlLookupFunctionEntry(pc, &base, hist);
		PEXCEPTION_ROUTINE h = NULL;
		PVOID data = NULL;

		if (!pc || !in_stack(ctx->Rsp)) {
			if (target_frame)
				raise_status(STATUS_INVALID_UNWIND_TARGET, rec);
			return;
		}
		next = *ctx;
		if (f)
			h = RtlVirtualUnwind(UNW_FLAG_UHANDLER, base, pc, f, &next, &data, &frame, NULL);
		else if (!unwind_leaf(&next))
			continue; /* not reached: in_stack was checked */
		if (target_frame && frame > (DWORD64)target_frame)
			raise_status(STATUS_INVALID_UNWIND_TARGET, rec);
		if (h) {
			dc = (DISPATCHER_CONTEXT){ pc, base, f, frame, (DWORD64)target_ip, ctx, h,
						   data, hist, 0, 0 };
			unwind_handler(rec, flags, &dc, target_frame);
		}
		if (target_frame && frame == (DWORD64)target_frame)
			break;
		*ctx = next;
	}
	ctx->Rax = (DWORD64)retval;
	ctx->Rip = (DWORD64)target_ip;
	RtlRestoreContext(ctx, rec);
}

RTLAPI void NTAPI RtlUnwind(PVOID target_frame, PVOID target_ip, PEXCEPTION_RECORD rec,
			    PVOID retval)
{
	CONTEXT ctx;

	RtlUnwindEx(target_frame, target_ip, rec, retval, &ctx, NULL);
}
