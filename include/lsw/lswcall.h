/*
 * Private calls from our own DLLs to the supervisor.  They travel as NT
 * system calls (the `syscall` instruction, the number in eax, arguments in
 * r10 rdx r8 r9) with numbers no Windows build uses: NT numbers index
 * service tables 0 (ntoskrnl) and 1 (win32k) in bits 12-13; table 3 is
 * never used.  Only our DLLs make them, but any program may: the
 * supervisor validates them like every other input.
 */
#ifndef LSW_LSWCALL_H
#define LSW_LSWCALL_H

#define LSW_CALL_FIRST 0x3000
/* A stub was called: r10 = "dll!Function" (not NUL-terminated), rdx = its
 * length (1..LSW_STUB_NAME_MAX).  Answers STATUS_SUCCESS, or
 * STATUS_INVALID_PARAMETER for a name that is not one. */
#define LSW_CALL_STUB 0x3000
/* kernel32 starts: r10 = its CtrlRoutine(event), where the supervisor
 * starts a thread to deliver a console control event (console_ctrl.c). */
#define LSW_CALL_CTRL_ROUTINE 0x3001
/* GenerateConsoleCtrlEvent: r10 = CTRL_C_EVENT or CTRL_BREAK_EVENT, rdx =
 * the process group (0: every process of the caller's console). */
#define LSW_CALL_CTRL_EVENT 0x3002
#define LSW_CALL_LAST 0x3002

#define LSW_STUB_NAME_MAX 128

#endif
