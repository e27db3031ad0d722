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
 * A created thread: alertable 10 ms sleeps (so queued APCs run) until the
 * process ends or a call ends it.  It keeps nothing in registers across a
 * call and calls no function, so NtSetContextThread may restart it here on
 * any stack with any integer registers.
 */
	.globl fuzz_thread_start
fuzz_thread_start:
	and $-16, %rsp
	sub $0x40, %rsp
2:	movq $-100000, 0x38(%rsp)
	mov $1, %ecx
	lea 0x38(%rsp), %rdx
	mov %rcx, %r10
	mov nr_delay_execution(%rip), %eax
	syscall
	jmp 2b
