/*
 * k32_fiber_switch(save, load): stores the callee-saved state of the
 * running code (the x64 calling convention's non-volatile registers,
 * xmm6-xmm15, MXCSR and the x87 control word) in *save, then loads *load
 * and continues where it was saved: as a return from its own call of
 * k32_fiber_switch, or, for a new fiber, at its start routine.
 * Layout: struct fiber_regs in fiber.c.
 */
	.text
	.globl k32_fiber_switch
	.def k32_fiber_switch; .scl 2; .type 32; .endef
	.seh_proc k32_fiber_switch
k32_fiber_switch:
	.seh_endprologue
	movq (%rsp), %rax         /* where this call returns */
	movq %rax, 0x00(%rcx)
	leaq 8(%rsp), %rax        /* rsp after that return */
	movq %rax, 0x08(%rcx)
	movq %rbx, 0x10(%rcx)
	movq %rbp, 0x18(%rcx)
	movq %rdi, 0x20(%rcx)
	movq %rsi, 0x28(%rcx)
	movq %r12, 0x30(%rcx)
	movq %r13, 0x38(%rcx)
	movq %r14, 0x40(%rcx)
	movq %r15, 0x48(%rcx)
	stmxcsr 0x50(%rcx)
	fnstcw 0x54(%rcx)
	movdqu %xmm6, 0x60(%rcx)
	movdqu %xmm7, 0x70(%rcx)
	movdqu %xmm8, 0x80(%rcx)
	movdqu %xmm9, 0x90(%rcx)
	movdqu %xmm10, 0xa0(%rcx)
	movdqu %xmm11, 0xb0(%rcx)
	movdqu %xmm12, 0xc0(%rcx)
	movdqu %xmm13, 0xd0(%rcx)
	movdqu %xmm14, 0xe0(%rcx)
	movdqu %xmm15, 0xf0(%rcx)

	movq 0x10(%rdx), %rbx
	movq 0x18(%rdx), %rbp
	movq 0x20(%rdx), %rdi
	movq 0x28(%rdx), %rsi
	movq 0x30(%rdx), %r12
	movq 0x38(%rdx), %r13
	movq 0x40(%rdx), %r14
	movq 0x48(%rdx), %r15
	ldmxcsr 0x50(%rdx)
	fldcw 0x54(%rdx)
	movdqu 0x60(%rdx), %xmm6
	movdqu 0x70(%rdx), %xmm7
	movdqu 0x80(%rdx), %xmm8
	movdqu 0x90(%rdx), %xmm9
	movdqu 0xa0(%rdx), %xmm10
	movdqu 0xb0(%rdx), %xmm11
	movdqu 0xc0(%rdx), %xmm12
	movdqu 0xd0(%rdx), %xmm13
	movdqu 0xe0(%rdx), %xmm14
	movdqu 0xf0(%rdx), %xmm15
	movq 0x08(%rdx), %rsp
	jmpq *0x00(%rdx)
	.seh_endproc
