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
 *
 * rtl_consolidate(ctx, rec): RtlRestoreContext's STATUS_UNWIND_CONSOLIDATE
 * case.  The callback (rec->ExceptionInformation[0]) runs on a frame whose
 * unwind data is a machine frame holding ctx's Rip and Rsp, with ctx's
 * nonvolatile registers loaded (the callback keeps them), so unwinding from
 * the callback leads straight to the target frame as ctx describes it.
 * Then ctx resumes at the address the callback returned.
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

	.globl rtl_consolidate
	.def rtl_consolidate; .scl 2; .type 32; .endef
	.seh_proc rtl_consolidate
rtl_consolidate:
	sub $0x38, %rsp         /* 16-aligned: the machine frame, then ctx */
	mov 0xf8(%rcx), %rax
	mov %rax, 0x00(%rsp)    /* Rip */
	movzwl 0x38(%rcx), %eax
	mov %rax, 0x08(%rsp)    /* SegCs */
	mov 0x44(%rcx), %eax
	mov %rax, 0x10(%rsp)    /* EFlags */
	mov 0x98(%rcx), %rax
	mov %rax, 0x18(%rsp)    /* Rsp */
	movzwl 0x42(%rcx), %eax
	mov %rax, 0x20(%rsp)    /* SegSs */
	mov %rcx, 0x28(%rsp)
	.seh_pushframe
	sub $0x20, %rsp
	.seh_stackalloc 0x20
	.seh_endprologue
	mov 0x90(%rcx), %rbx
	mov 0xa0(%rcx), %rbp
	mov 0xa8(%rcx), %rsi
	mov 0xb0(%rcx), %rdi
	mov 0xd8(%rcx), %r12
	mov 0xe0(%rcx), %r13
	mov 0xe8(%rcx), %r14
	mov 0xf0(%rcx), %r15
	movdqu 0x200(%rcx), %xmm6
	movdqu 0x210(%rcx), %xmm7
	movdqu 0x220(%rcx), %xmm8
	movdqu 0x230(%rcx), %xmm9
	movdqu 0x240(%rcx), %xmm10
	movdqu 0x250(%rcx), %xmm11
	movdqu 0x260(%rcx), %xmm12
	movdqu 0x270(%rcx), %xmm13
	movdqu 0x280(%rcx), %xmm14
	movdqu 0x290(%rcx), %xmm15
	mov %rdx, %rcx
	call *0x20(%rdx)        /* ExceptionInformation[0](rec) */
	mov 0x48(%rsp), %rcx    /* ctx */
	mov %rax, 0xf8(%rcx)    /* resume where the callback said */
	xor %edx, %edx
	call NtContinue
	int3
	.seh_endproc

	.section .drectve
	.ascii " -export:KiUserExceptionDispatcher -export:RtlCaptureContext"
