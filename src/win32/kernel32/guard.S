/*
 * k32_guarded(fn, a, b, on_fault): fn(a, b), or on_fault when fn faults
 * (an access violation).  The frame's language handler
 * (k32_guard_handler, guard_handler.c) unwinds to the instruction after
 * the call with rax = on_fault, which this frame keeps at rsp + 32: what
 * Windows' lstrlen and friends do with __try/__except.
 */
	.text
	.globl k32_guarded
	.globl k32_guard_resume
	.def k32_guarded; .scl 2; .type 32; .endef
	.seh_proc k32_guarded
k32_guarded:
	subq $40, %rsp
	.seh_stackalloc 40
	.seh_handler k32_guard_handler, @except
	.seh_endprologue
	movq %r9, 32(%rsp)
	movq %rcx, %rax
	movq %rdx, %rcx
	movq %r8, %rdx
	call *%rax
	nop /* the return address must not look like an epilog, or the
	     * unwinder would take this frame as leaving and skip its handler */
k32_guard_resume:
	addq $40, %rsp
	ret
	.seh_endproc
