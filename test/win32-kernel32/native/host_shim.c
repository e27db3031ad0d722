/*
 * Host shim for the Rtl unit tests: a fake TEB/PEB/process parameters and
 * the few NT calls the Rtl code makes, served by the host's own Win32 API
 * (the tests are Windows console programs built with mingw-w64 and run
 * under Wine or lsw; they do not need the LSW supervisor).
 */
#define _NTSYSTEM_
#define _CRTIMP
#include "ntdll/rtl/rtl_nt.h"

LSW_TEB lsw_test_teb;
static LSW_PEB test_peb;
static LSW_PROCESS_PARAMETERS test_params;
static WCHAR test_cwd[MAX_PATH] = L"C:\\work\\dir\\";
static WCHAR test_env[] = L"=C:=C:\\work\\dir\0A=1\0PATH=C:\\bin\0TEMP=C:\\tmp\0\0";
static RTL_CRITICAL_SECTION test_peb_lock;

NTSTATUS NTAPI NtAllocateVirtualMemory(HANDLE p, PVOID *addr, ULONG_PTR zero, PSIZE_T size,
				       ULONG type, ULONG prot)
{
	void *r = VirtualAlloc(*addr, *size, type, prot);

	if (!r)
		return STATUS_NO_MEMORY;
	*addr = r;
	return STATUS_SUCCESS;
}

NTSTATUS NTAPI NtFreeVirtualMemory(HANDLE p, PVOID *addr, PSIZE_T size, ULONG type)
{
	return VirtualFree(*addr, *size, type) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

NTSTATUS NTAPI NtWaitForKeyedEvent(HANDLE h, PVOID key, BOOLEAN alertable, PLARGE_INTEGER t)
{
	return STATUS_NOT_IMPLEMENTED; /* single-threaded tests never block */
}

NTSTATUS NTAPI NtReleaseKeyedEvent(HANDLE h, PVOID key, BOOLEAN alertable, PLARGE_INTEGER t)
{
	return STATUS_NOT_IMPLEMENTED;
}

/* Every directory "exists" for RtlSetCurrentDirectory_U. */
NTSTATUS NTAPI NtOpenFile(PHANDLE h, ACCESS_MASK a, POBJECT_ATTRIBUTES oa, PIO_STATUS_BLOCK io,
			  ULONG share, ULONG opt)
{
	return STATUS_NOT_IMPLEMENTED;
}

/* No file exists (RtlDoesFileExists_U). */
NTSTATUS NTAPI NtQueryAttributesFile(POBJECT_ATTRIBUTES oa, PVOID info)
{
	return STATUS_OBJECT_NAME_NOT_FOUND;
}

NTSTATUS NTAPI NtClose(HANDLE h)
{
	return STATUS_SUCCESS;
}

/* HeapValidate's probe of a stray pointer. */
NTSTATUS NTAPI NtQueryVirtualMemory(HANDLE p, PVOID addr, int cls, PVOID info, SIZE_T len,
				    PSIZE_T ret)
{
	SIZE_T n = VirtualQuery(addr, info, len);

	if (ret)
		*ret = n;
	return n ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

/* RtlQueryProcessDebugInformation asks only about this process. */
NTSTATUS NTAPI NtOpenProcess(PHANDLE h, ACCESS_MASK a, POBJECT_ATTRIBUTES oa, CLIENT_ID *cid)
{
	return STATUS_INVALID_CID;
}

/* The heap raises with HEAP_GENERATE_EXCEPTIONS; the tests never ask. */
/* The debug heap tells a debugger of bad heaps; the fake PEB is never
 * debugged, so these only have to link. */
NTSTATUS __cdecl DbgPrint(const char *fmt, ...)
{
	return STATUS_SUCCESS;
}

void NTAPI DbgBreakPoint(void)
{
}

void NTAPI RtlRaiseStatus(NTSTATUS status)
{
	ExitProcess(status);
}

void host_shim_init(void)
{
	lsw_test_teb.Peb = &test_peb;
	lsw_test_teb.UniqueThread = (HANDLE)0x104;
	test_peb.ProcessParameters = &test_params;
	test_params.CurrentDirectory.DosPath.Buffer = test_cwd;
	test_params.CurrentDirectory.DosPath.Length = (USHORT)(wcslen(test_cwd) * sizeof(WCHAR));
	test_params.CurrentDirectory.DosPath.MaximumLength = sizeof(test_cwd);
	test_params.Environment = test_env;
	RtlInitializeCriticalSection(&test_peb_lock);
	test_peb.FastPebLock = &test_peb_lock;
	test_peb.ProcessHeap = RtlCreateHeap(HEAP_GROWABLE, NULL, 0, 0, NULL, NULL);
}
