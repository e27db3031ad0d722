/*
 * KiUserApcDispatcher: where the supervisor sends a thread to run a user
 * APC.  rsp points to a CONTEXT (16-aligned) of the point to return to;
 * as on x64 Windows its P1Home..P3Home hold the APC's three arguments and
 * P4Home the routine.  After the routine, NtContinue(context, TRUE): the
 * next queued APC, or the interrupted code (whose wait returns
 * STATUS_USER_APC).
 */
	.text
	.globl KiUserApcDispatcher
	.def KiUserApcDispatcher; .scl 2; .type 32; .endef
KiUserApcDispatcher:
	mov %rsp, %rbx           /* the CONTEXT restores rbx (and all else) */
	sub $0x20, %rsp          /* the routine's shadow space */
	mov 0x00(%rbx), %rcx
	mov 0x08(%rbx), %rdx
	mov 0x10(%rbx), %r8
	call *0x18(%rbx)
	mov %rbx, %rcx
	mov $1, %edx
	call NtContinue
	int3                     /* NtContinue does not return */

	.section .drectve
	.ascii " -export:KiUserApcDispatcher"
