/*
 * The memory functions only kernelbase exports (api-ms-win-core-memory
 * l1-1-5 and later): VirtualAlloc2, MapViewOfFile3, MapViewOfFileNuma2 and
 * UnmapViewOfFile2, and the FromApp forms (the same for a desktop
 * program, but that VirtualAlloc*FromApp refuse executable memory), over NtAllocateVirtualMemoryEx, NtMapViewOfSectionEx and
 * NtUnmapViewOfSectionEx.  Extended parameters pass through unchanged:
 * the supervisor checks them.
 */
#define _KERNEL32_ /* we define, not import, these */
#include <windows.h>

#define KBAPI __declspec(dllexport)
#define CURRENT_PROCESS ((HANDLE)-1)

NTSTATUS NTAPI NtAllocateVirtualMemoryEx(HANDLE, PVOID *, SIZE_T *, ULONG, ULONG,
					 MEM_EXTENDED_PARAMETER *, ULONG);
NTSTATUS NTAPI NtMapViewOfSectionEx(HANDLE, HANDLE, PVOID *, LARGE_INTEGER *, SIZE_T *, ULONG,
				    ULONG, MEM_EXTENDED_PARAMETER *, ULONG);
NTSTATUS NTAPI NtUnmapViewOfSectionEx(HANDLE, PVOID, ULONG);
NTSTATUS NTAPI NtProtectVirtualMemory(HANDLE, PVOID *, SIZE_T *, ULONG, ULONG *);
ULONG NTAPI RtlNtStatusToDosError(NTSTATUS);
void NTAPI RtlSetLastWin32Error(ULONG);

static void *failed(NTSTATUS status)
{
	RtlSetLastWin32Error(RtlNtStatusToDosError(status));
	return NULL;
}

/* A NULL process is the calling one, as documented for VirtualAlloc2. */
KBAPI PVOID WINAPI VirtualAlloc2(HANDLE process, PVOID base, SIZE_T size, ULONG type,
				 ULONG protect, MEM_EXTENDED_PARAMETER *params, ULONG count)
{
	NTSTATUS status = NtAllocateVirtualMemoryEx(process ? process : CURRENT_PROCESS, &base,
						    &size, type, protect, params, count);

	return status < 0 ? failed(status) : base;
}

/* The FromApp forms refuse executable memory, as documented for
 * VirtualAllocFromApp ("the following constants generate an error"). */
static BOOL executable(ULONG protect)
{
	return (protect & (PAGE_EXECUTE | PAGE_EXECUTE_READ | PAGE_EXECUTE_READWRITE |
			   PAGE_EXECUTE_WRITECOPY)) != 0;
}

KBAPI PVOID WINAPI VirtualAlloc2FromApp(HANDLE process, PVOID base, SIZE_T size, ULONG type,
					ULONG protect, MEM_EXTENDED_PARAMETER *params,
					ULONG count)
{
	if (executable(protect))
		return failed(STATUS_INVALID_PARAMETER);
	return VirtualAlloc2(process, base, size, type, protect, params, count);
}

KBAPI PVOID WINAPI VirtualAllocFromApp(PVOID base, SIZE_T size, ULONG type, ULONG protect)
{
	return VirtualAlloc2FromApp(CURRENT_PROCESS, base, size, type, protect, NULL, 0);
}

/* Writable and executable at once is refused (documented); execute or
 * execute-read alone is what an app with codeGeneration may ask, and a
 * desktop program may. */
KBAPI BOOL WINAPI VirtualProtectFromApp(PVOID addr, SIZE_T size, ULONG protect, PULONG old)
{
	NTSTATUS status;

	if (protect & (PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY))
		return failed(STATUS_INVALID_PARAMETER), FALSE;
	status = NtProtectVirtualMemory(CURRENT_PROCESS, &addr, &size, protect, old);
	return status < 0 ? (failed(status), FALSE) : TRUE;
}

KBAPI PVOID WINAPI MapViewOfFile3(HANDLE mapping, HANDLE process, PVOID base, ULONG64 offset,
				  SIZE_T size, ULONG type, ULONG protect,
				  MEM_EXTENDED_PARAMETER *params, ULONG count)
{
	LARGE_INTEGER off;
	NTSTATUS status;

	off.QuadPart = (LONGLONG)offset;
	status = NtMapViewOfSectionEx(mapping, process, &base, &off, &size, type, protect, params,
				      count);
	return status < 0 ? failed(status) : base;
}

KBAPI PVOID WINAPI MapViewOfFile3FromApp(HANDLE mapping, HANDLE process, PVOID base,
					 ULONG64 offset, SIZE_T size, ULONG type, ULONG protect,
					 MEM_EXTENDED_PARAMETER *params, ULONG count)
{
	return MapViewOfFile3(mapping, process, base, offset, size, type, protect, params, count);
}

/* FILE_MAP_EXECUTE asks for SECTION_MAP_EXECUTE here, the right a view
 * needs to execute (Windows grants that: kernelbase's process test,
 * test_OpenFileMappingFromApp); the rest as OpenFileMapping does. */
KBAPI HANDLE WINAPI OpenFileMappingFromApp(ULONG access, BOOL inherit, LPCWSTR name)
{
	if (access & FILE_MAP_EXECUTE)
		access = (access & ~FILE_MAP_EXECUTE) | SECTION_MAP_EXECUTE;
	return OpenFileMappingW(access, inherit, name);
}

/* One NUMA node: the preferred node changes nothing.  MapViewOfFile2 is
 * this with NUMA_NO_PREFERRED_NODE (an inline function of the headers). */
KBAPI PVOID WINAPI MapViewOfFileNuma2(HANDLE mapping, HANDLE process, ULONG64 offset,
				      PVOID base, SIZE_T size, ULONG type, ULONG protect,
				      ULONG node)
{
	(void)node;
	return MapViewOfFile3(mapping, process, base, offset, size, type, protect, NULL, 0);
}

KBAPI BOOL WINAPI UnmapViewOfFile2(HANDLE process, PVOID base, ULONG flags)
{
	NTSTATUS status = NtUnmapViewOfSectionEx(process, base, flags);

	return status < 0 ? (failed(status), FALSE) : TRUE;
}
