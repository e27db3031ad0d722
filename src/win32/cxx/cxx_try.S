/*
 * BOOL cxx_try(void *(*fn)(void *), void *arg, void **result): fn(arg)
 * into *result and TRUE, or FALSE if fn faulted with an access violation
 * (RTTI reads a vftable it was handed: a bad pointer must become
 * __non_rtti_object, as MSVC's __try around the same reads makes it).
 * cxx_try_handler (cxx_rtti.c) unwinds to cxx_try_fault.
 */
	.text
	.globl cxx_try
	.def cxx_try; .scl 2; .type 32; .endef
	.seh_proc cxx_try
	.seh_handler cxx_try_handler, @except
cxx_try:
	push %rbx
	.seh_pushreg %rbx
	sub $0x20, %rsp
	.seh_stackalloc 0x20
	.seh_endprologue
	mov %r8, %rbx
	mov %rcx, %rax
	mov %rdx, %rcx
	call *%rax
	mov %rax, (%rbx)
	mov $1, %eax
	jmp 1f
	.globl cxx_try_fault
cxx_try_fault:              /* resumed here, in this frame, after a fault */
	xor %eax, %eax
1:	add $0x20, %rsp
	pop %rbx
	ret
	.seh_endproc
