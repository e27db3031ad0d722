/*
 * longjmp and _local_unwind: leaving frames the way Windows does, through
 * RtlUnwind, so the destructors and __finally blocks of the frames left
 * run.  ntdll restores the registers from the jump buffer when the unwind
 * reaches setjmp's frame (RtlRestoreContext, STATUS_LONGJUMP).
 */
#include "cxx/cxx_private.h"

/* The x64 _JUMP_BUFFER's first fields; Frame is the establisher frame of
 * setjmp's caller, or 0 for a jump without unwinding. */
struct jump_buffer {
	DWORD64 Frame, Rbx, Rsp, Rbp, Rsi, Rdi, R12, R13, R14, R15, Rip;
};

void DECLSPEC_NORETURN vcrt_longjmp(struct jump_buffer *jb, int value)
{
	EXCEPTION_RECORD rec;
	CONTEXT ctx;

	memset(&rec, 0, sizeof(rec));
	rec.ExceptionCode = (DWORD)STATUS_LONGJUMP;
	rec.NumberParameters = 1;
	rec.ExceptionInformation[0] = (ULONG_PTR)jb;
	if (!value)
		value = 1;      /* setjmp returns nonzero after a jump */
	if (jb->Frame)
		RtlUnwind((void *)jb->Frame, (void *)jb->Rip, &rec, (void *)(INT_PTR)value);
	RtlCaptureContext(&ctx);
	ctx.Rax = value;
	RtlRestoreContext(&ctx, &rec);
	cxx_terminate();
}

/* Leaves the frames above frame (the caller's own, at target) running
 * their __finally blocks: MSVC's code for leaving a __try. */
void vcrt_local_unwind(void *frame, void *target)
{
	RtlUnwind(frame, target, NULL, NULL);
}
