/*
 * Threads inside ntdll.  The supervisor starts a new thread here, on its
 * own stack and TEB, with the start routine and its argument (rcx, rdx):
 * the loader gives it its static TLS and DLL_THREAD_ATTACH, the routine
 * runs, and its return value ends the thread as RtlExitUserThread does.
 */
#include "loader.h"

typedef DWORD(WINAPI *thread_start_fn)(void *);

NTSTATUS NTAPI NtTerminateThread(HANDLE, NTSTATUS);

__declspec(dllexport) __attribute__((noreturn)) void NTAPI RtlExitUserThread(NTSTATUS status)
{
	fls_thread_exit();
	ldr_thread_detach();
	/* the supervisor ends the process instead when this is its last thread */
	for (;;)
		NtTerminateThread((HANDLE)-2, status);
}

__declspec(dllexport) __attribute__((noreturn)) void NTAPI RtlUserThreadStart(thread_start_fn start,
									     void *arg)
{
	NTSTATUS st = ldr_thread_attach();

	if (!NT_SUCCESS(st))
		RtlExitUserThread(st);
	RtlExitUserThread((NTSTATUS)start(arg));
}
