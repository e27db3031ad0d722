/*
 * void *cxx_call_guarded(void *fn, void *a, void *b, void *c): fn(a, b, c)
 * on a frame whose handler ends the process if a C++ exception tries to
 * leave fn (C++: a destructor run by unwinding, or the copy constructor of
 * a catch variable, exiting by an exception calls std::terminate).
 */
	.text
	.globl cxx_call_guarded
	.def cxx_call_guarded; .scl 2; .type 32; .endef
	.seh_proc cxx_call_guarded
	.seh_handler cxx_guard_handler, @except
cxx_call_guarded:
	sub $0x28, %rsp
	.seh_stackalloc 0x28
	.seh_endprologue
	mov %rcx, %rax
	mov %rdx, %rcx
	mov %r8, %rdx
	mov %r9, %r8
	call *%rax
	nop                     /* the return address is not an epilog: the handler applies */
	add $0x28, %rsp
	ret
	.seh_endproc
