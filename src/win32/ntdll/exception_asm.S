/*
 * The two exception entry points that cannot be C.
 *
 * KiUserExceptionDispatcher: where the supervisor sends a thread after a
 * fault, rsp pointing at the CONTEXT, the EXCEPTION_RECORD at rsp+0x4f0
 * and the faulting thread's machine frame at rsp+0x590 (src/emul/
 * exception.c).  Its unwind data describes exactly that (a machine frame,
 * then 0x590 bytes), so unwinders walk through it into the faulting code.
 *
 * RtlCaptureContext: the caller's registers as they are at the call, Rip
 * being the return address and Rsp the value after the return.
 */
	.text

	.globl KiUserExceptionDispatcher
	.def KiUserExceptionDispatcher; .scl 2; .type 32; .endef
	.seh_proc KiUserExceptionDispatcher
KiUserExceptionDispatcher:
	.seh_pushframe
	.seh_stackalloc 0x590
	.seh_endprologue
	cld
	lea 0x4f0(%rsp), %rcx   /* ExceptionRecord */
	mov %rsp, %rdx          /* ContextRecord */
	call ki_dispatch_exception /* never returns */
	int3
	.seh_endproc

	.globl RtlCaptureContext
	.def RtlCaptureContext; .scl 2; .type 32; .endef
	.seh_proc RtlCaptureContext
RtlCaptureContext:
	pushfq
	.seh_stackalloc 8
	.seh_endprologue
	mov %rax, 0x78(%rcx)
	mov %rcx, 0x80(%rcx)
	mov %rdx, 0x88(%rcx)
	mov %rbx, 0x90(%rcx)
	lea 16(%rsp), %rax
	mov %rax, 0x98(%rcx)    /* Rsp after the return */
	mov %rbp, 0xa0(%rcx)
	mov %rsi, 0xa8(%rcx)
	mov %rdi, 0xb0(%rcx)
	mov %r8, 0xb8(%rcx)
	mov %r9, 0xc0(%rcx)
	mov %r10, 0xc8(%rcx)
	mov %r11, 0xd0(%rcx)
	mov %r12, 0xd8(%rcx)
	mov %r13, 0xe0(%rcx)
	mov %r14, 0xe8(%rcx)
	mov %r15, 0xf0(%rcx)
	mov 8(%rsp), %rax
	mov %rax, 0xf8(%rcx)    /* Rip: the return address */
	mov (%rsp), %rax
	mov %eax, 0x44(%rcx)    /* EFlags */
	movw %cs, 0x38(%rcx)
	movw %ds, 0x3a(%rcx)
	movw %es, 0x3c(%rcx)
	movw %fs, 0x3e(%rcx)
	movw %gs, 0x40(%rcx)
	movw %ss, 0x42(%rcx)
	stmxcsr 0x34(%rcx)
	fxsave 0x100(%rcx)
	movl $0x10000f, 0x30(%rcx) /* CONTEXT_FULL | CONTEXT_SEGMENTS */
	mov 0x78(%rcx), %rax
	add $8, %rsp
	ret
	.seh_endproc

	.section .drectve
	.ascii " -export:KiUserExceptionDispatcher -export:RtlCaptureContext"
