/*
 * The gate: the one syscall instruction the seccomp filter lets through
 * (subject to its whitelist).  Every Linux call of the runtime passes here.
 *
 * long lsw_gate(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
 */
	.text
	.globl lsw_gate
	.type lsw_gate, @function
lsw_gate:
	mov %rdi, %rax
	mov %rsi, %rdi
	mov %rdx, %rsi
	mov %rcx, %rdx
	mov %r8, %r10
	mov %r9, %r8
	mov 8(%rsp), %r9
	.globl lsw_gate_insn
lsw_gate_insn:
	syscall
	.globl lsw_gate_after
lsw_gate_after:
	ret
	.size lsw_gate, .-lsw_gate

/* Signal restorer: rt_sigreturn must come from the gate too. */
	.globl lsw_sigreturn
	.type lsw_sigreturn, @function
lsw_sigreturn:
	mov $15, %eax
	jmp lsw_gate_insn
	.size lsw_sigreturn, .-lsw_sigreturn

/*
 * void lsw_load_regs(const struct lsw_regs *r) -- never returns.
 * Loads every general register, flags, rsp and rip (struct lsw_regs order:
 * rax rcx rdx rbx rsp rbp rsi rdi r8-r15 rip eflags).
 */
	.globl lsw_load_regs
	.type lsw_load_regs, @function
lsw_load_regs:
	mov 0x20(%rdi), %rsp
	push 0x80(%rdi)           /* rip: popped by the final ret */
	push 0x88(%rdi)
	popfq
	mov 0x00(%rdi), %rax
	mov 0x08(%rdi), %rcx
	mov 0x10(%rdi), %rdx
	mov 0x18(%rdi), %rbx
	mov 0x28(%rdi), %rbp
	mov 0x30(%rdi), %rsi
	mov 0x40(%rdi), %r8
	mov 0x48(%rdi), %r9
	mov 0x50(%rdi), %r10
	mov 0x58(%rdi), %r11
	mov 0x60(%rdi), %r12
	mov 0x68(%rdi), %r13
	mov 0x70(%rdi), %r14
	mov 0x78(%rdi), %r15
	mov 0x38(%rdi), %rdi
	ret
	.size lsw_load_regs, .-lsw_load_regs

/*
 * unsigned long lsw_copy_qwords(void *dst, const void *src, unsigned long n)
 * Copies n quadwords of the program's memory; returns n, or 0 when src
 * faulted: on_fault sees the fault at lsw_copy_insn and resumes at
 * lsw_copy_fault (a bad stack is the caller's STATUS_ACCESS_VIOLATION,
 * found by the supervisor, never a fault of the runtime).
 */
	.globl lsw_copy_qwords
	.type lsw_copy_qwords, @function
lsw_copy_qwords:
	mov %rdx, %rcx
	mov %rdx, %rax
	.globl lsw_copy_insn
lsw_copy_insn:
	rep movsq
	ret
	.globl lsw_copy_fault
lsw_copy_fault:
	xor %eax, %eax
	ret
	.size lsw_copy_qwords, .-lsw_copy_qwords

	.globl _start
	.type _start, @function
_start:
	xor %ebp, %ebp
	mov %rsp, %rdi
	and $-16, %rsp
	call lsw_runtime_main
	hlt

	.section .note.GNU-stack,"",@progbits
