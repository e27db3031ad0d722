/*
 * The fast channel's entry (docs/fastpath.md), called by the ntdll stub of
 * a call in fastcalls.def: eax = the NT number, r10 rdx r8 r9 = the
 * arguments, [rsp] = the return address into the stub.  The thread's block
 * is the FS base (runtime.c sets it; Windows code leaves FS alone).
 *
 * It saves the caller's registers in the block (struct lsw_fast.win),
 * moves to the top of the block's alternate stack and runs lsw_fast_call.
 * It comes back with CF clear and eax = the NTSTATUS, or with CF set and
 * the call's registers as they came: the stub then makes its syscall.
 *
 * An interrupt (on_interrupt, signals.c) can land anywhere in here: from
 * lsw_fast_entry to lsw_fast_entry_end the registers are still the
 * caller's (r11 aside, which a syscall clobbers anyway), from there to
 * lsw_fast_leave_end the caller's registers are in the block.
 */
#include <lsw/gate.h>
#include "fast_stack.h"

#define F LSW_FAST_OFFSET
#define W (LSW_FAST_OFFSET + LSW_FAST_WIN_AT)

	.text
	.globl lsw_fast_entry
	.globl lsw_fast_entry_end
	.globl lsw_fast_leave
	.globl lsw_fast_leave_end
	.type lsw_fast_entry, @function
lsw_fast_entry:
	cmpl $0, %fs:F + LSW_FAST_POLLING_AT
	jne 1f
	cmpl $0, %fs:F + LSW_FAST_SKIP_AT
	je 0f
	decl %fs:F + LSW_FAST_SKIP_AT /* a call of the backoff (fastcall.c) */
0:	stc                      /* nobody polls: the syscall at once */
	ret
1:	mov %rax, %fs:W + 0x00
	mov %rcx, %fs:W + 0x08
	mov %rdx, %fs:W + 0x10
	mov %rbx, %fs:W + 0x18
	mov %rsp, %fs:W + 0x20
	mov %rbp, %fs:W + 0x28
	mov %rsi, %fs:W + 0x30
	mov %rdi, %fs:W + 0x38
	mov %r8, %fs:W + 0x40
	mov %r9, %fs:W + 0x48
	mov %r10, %fs:W + 0x50
	mov %r12, %fs:W + 0x60
	mov %r13, %fs:W + 0x68
	mov %r14, %fs:W + 0x70
	mov %r15, %fs:W + 0x78
	mov (%rsp), %r11
	mov %r11, %fs:W + 0x80
	movl $LSW_FAST_ENTERED, %fs:F
	mov %fs:F + LSW_FAST_SELF_AT, %r11
	lea LSW_FAST_STACK_TOP(%r11), %rsp
lsw_fast_entry_end:
	call lsw_fast_call
lsw_fast_leave:
	mov %fs:W + 0x20, %rsp
	mov %fs:W + 0x18, %rbx
	mov %fs:W + 0x28, %rbp
	mov %fs:W + 0x30, %rsi
	mov %fs:W + 0x38, %rdi
	mov %fs:W + 0x60, %r12
	mov %fs:W + 0x68, %r13
	mov %fs:W + 0x70, %r14
	mov %fs:W + 0x78, %r15
	bt $32, %rax             /* LSW_FAST_FALLBACK */
	jc 2f
	mov %eax, %eax           /* the NTSTATUS, zero-extended; CF stays clear */
	ret
2:	mov %fs:W + 0x00, %rax
	mov %fs:W + 0x10, %rdx
	mov %fs:W + 0x40, %r8
	mov %fs:W + 0x48, %r9
	mov %fs:W + 0x50, %r10
	stc
	ret
lsw_fast_leave_end:
	.size lsw_fast_entry, .-lsw_fast_entry

	.section .note.GNU-stack,"",@progbits
