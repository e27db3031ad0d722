/*
 * ldr_guarded_call(fn, a, b, c, *fault): fn(a, b, c), as Windows' loader
 * calls a DLL's entry point and TLS callbacks: inside an exception
 * handler.  When fn raises, the frame's language handler
 * (ldr_guard_handler, loader_guard.c) stores the exception code in
 * *fault (kept at rsp + 32) and unwinds to the instruction after the
 * call with rax = 0 (FALSE).
 */
	.text
	.globl ldr_guarded_call
	.globl ldr_guard_resume
	.def ldr_guarded_call; .scl 2; .type 32; .endef
	.seh_proc ldr_guarded_call
ldr_guarded_call:
	subq $56, %rsp
	.seh_stackalloc 56
	.seh_handler ldr_guard_handler, @except
	.seh_endprologue
	movq 96(%rsp), %rax /* the fifth argument: fault */
	movq %rax, 32(%rsp)
	movq %rcx, %rax
	movq %rdx, %rcx
	movq %r8, %rdx
	movq %r9, %r8
	call *%rax
	nop /* the return address must not look like an epilog, or the
	     * unwinder would take this frame as leaving and skip its handler */
ldr_guard_resume:
	addq $56, %rsp
	ret
	.seh_endproc
