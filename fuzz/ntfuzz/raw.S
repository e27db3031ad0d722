/*
 * The raw NT system call, made as ntdll's stubs make it (r10 = rcx, eax =
 * number, arguments 5 and up at [rsp+0x28] under the return address), and
 * the code of the threads ntfuzz creates.
 */
	.text

/* uint32_t raw_ntcall(uint32_t number, const uint64_t *args): Windows x64
 * convention, number in ecx, args[17] in rdx. */
	.globl raw_ntcall
raw_ntcall:
	push %rsi
	push %rdi
	sub $0x88, %rsp            /* home space and arguments 5..17; rsp 16-aligned */
	mov %ecx, %eax
	lea 0x20(%rdx), %rsi
	lea 0x20(%rsp), %rdi
	mov $13, %ecx
	rep movsq
	mov (%rdx), %rcx
	mov 0x10(%rdx), %r8
	mov 0x18(%rdx), %r9
	mov 0x8(%rdx), %rdx
	call 1f                    /* as a caller of an ntdll stub does */
	add $0x88, %rsp
	pop %rdi
	pop %rsi
	ret
1:	mov %rcx, %r10
	syscall
	ret

/*
 * A created thread (threads.c), also where NtSetContextThread restarts one
 * (on a stack of its own, with any registers: none is used before it is
 * set; the argument is the generator's seed).
 */
	.globl fuzz_thread_start
fuzz_thread_start:
	and $-16, %rsp
	sub $0x20, %rsp
	call fuzz_thread_main
1:	jmp 1b
