/*
 * Threads inside ntdll.  A thread's initial context is RtlUserThreadStart
 * with the start routine and its argument (rcx, rdx), entered once the
 * loader (LdrInitializeThunk) gave it its static TLS and DLL_THREAD_ATTACH;
 * the routine's return value ends the thread as RtlExitUserThread does.
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

/* The process's first thread returning from the program's entry point
 * ends the process, as it did when ntdll called the entry point itself. */
static BOOL is_program_entry(thread_start_fn start, void *arg)
{
	LSW_PEB *peb = (LSW_PEB *)NtCurrentTeb()->ProcessEnvironmentBlock;
	IMAGE_NT_HEADERS64 *nt = RtlImageNtHeader(peb->ImageBaseAddress);

	return arg == peb && nt &&
	       (BYTE *)start == (BYTE *)peb->ImageBaseAddress + nt->OptionalHeader.AddressOfEntryPoint;
}

/* Every thread's initial context: LdrInitializeThunk has set up the
 * process and the thread before it gets here. */
__declspec(dllexport) __attribute__((noreturn)) void NTAPI RtlUserThreadStart(thread_start_fn start,
									     void *arg)
{
	NTSTATUS st = (NTSTATUS)start(arg);

	if (is_program_entry(start, arg))
		RtlExitUserProcess(st);
	RtlExitUserThread(st);
}

typedef struct {
	NTSTATUS ExitStatus;
	PVOID TebBaseAddress;
	CLIENT_ID ClientId;
	ULONG_PTR AffinityMask;
	LONG Priority, BasePriority;
} THREAD_BASIC_INFO_LSW;

NTSTATUS NTAPI NtCreateThreadEx(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, HANDLE, void *, void *,
				ULONG, SIZE_T, SIZE_T, SIZE_T, void *);
NTSTATUS NTAPI NtClose(HANDLE);

/* A thread of process (the current one or another) through
 * NtCreateThreadEx: its handle and client id if asked for. */
__declspec(dllexport) NTSTATUS NTAPI RtlCreateUserThread(HANDLE process, PSECURITY_DESCRIPTOR sd,
							 BOOLEAN suspended, ULONG zero_bits,
							 SIZE_T reserve, SIZE_T commit,
							 void *start, void *arg, HANDLE *handle,
							 CLIENT_ID *id)
{
	OBJECT_ATTRIBUTES oa = { .Length = sizeof(oa), .SecurityDescriptor = sd };
	THREAD_BASIC_INFO_LSW info;
	HANDLE h;
	NTSTATUS st = NtCreateThreadEx(&h, THREAD_ALL_ACCESS, &oa, process, start, arg,
				       suspended ? 1 /* THREAD_CREATE_FLAGS_CREATE_SUSPENDED */ : 0,
				       zero_bits, commit, reserve, NULL);

	if (!NT_SUCCESS(st))
		return st;
	if (id && NT_SUCCESS(NtQueryInformationThread(h, ThreadBasicInformation, &info,
						       sizeof(info), NULL)))
		*id = info.ClientId;
	if (handle)
		*handle = h;
	else
		NtClose(h);
	return STATUS_SUCCESS;
}

/* The processor this thread runs on, without a system call (as Windows'
 * does in user mode): Linux keeps the CPU number in TSC_AUX, readable
 * with rdtscp.  kernel32's GetCurrentProcessorNumber(Ex) forward here. */
__declspec(dllexport) ULONG NTAPI RtlGetCurrentProcessorNumber(void)
{
	unsigned aux;

	__builtin_ia32_rdtscp(&aux);
	return aux & 0xFFF;
}

/* One processor group here: every processor is in group 0. */
__declspec(dllexport) void NTAPI RtlGetCurrentProcessorNumberEx(PROCESSOR_NUMBER *number)
{
	number->Group = 0;
	number->Number = (BYTE)RtlGetCurrentProcessorNumber();
	number->Reserved = 0;
}
