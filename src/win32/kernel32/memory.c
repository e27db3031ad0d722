/* Virtual memory, heaps, and the Local/Global fixed-memory functions. */
#include "k32_private.h"

#define MEMORY_BASIC_INFORMATION_CLASS 0

NTSTATUS NTAPI NtSetInformationVirtualMemory(HANDLE, ULONG, ULONG_PTR, void *, void *, ULONG);
NTSTATUS NTAPI NtGetWriteWatch(HANDLE, ULONG, PVOID, SIZE_T, PVOID *, PULONG_PTR, PULONG);
NTSTATUS NTAPI NtResetWriteWatch(HANDLE, PVOID, SIZE_T);

K32API LPVOID WINAPI VirtualAllocEx(HANDLE process, LPVOID addr, SIZE_T size, DWORD type,
				    DWORD protect)
{
	NTSTATUS status = NtAllocateVirtualMemory(process, &addr, 0, &size, type, protect);

	if (status < 0) {
		k32_fail(status);
		return NULL;
	}
	return addr;
}

/* NtSetInformationVirtualMemory(VmPrefetchInformation) with its ULONG
 * flags, which must be 0. */
K32API BOOL WINAPI PrefetchVirtualMemory(HANDLE process, ULONG_PTR count,
					 PWIN32_MEMORY_RANGE_ENTRY entries, ULONG flags)
{
	NTSTATUS status = NtSetInformationVirtualMemory(process, 0 /* VmPrefetchInformation */,
							count, entries, &flags, sizeof(flags));

	return status < 0 ? k32_fail(status) : TRUE;
}

/* One NUMA node: the preferred node changes nothing. */
K32API LPVOID WINAPI VirtualAllocExNuma(HANDLE process, LPVOID addr, SIZE_T size, DWORD type,
					DWORD protect, DWORD node)
{
	(void)node;
	return VirtualAllocEx(process, addr, size, type, protect);
}

K32API LPVOID WINAPI VirtualAlloc(LPVOID addr, SIZE_T size, DWORD type, DWORD protect)
{
	return VirtualAllocEx(GetCurrentProcess(), addr, size, type, protect);
}

/* The supervisor applies the Windows rules (MEM_RELEASE needs size 0 ...)
 * and its status is passed through. */
K32API BOOL WINAPI VirtualFreeEx(HANDLE process, LPVOID addr, SIZE_T size, DWORD type)
{
	NTSTATUS status = NtFreeVirtualMemory(process, &addr, &size, type);

	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI VirtualFree(LPVOID addr, SIZE_T size, DWORD type)
{
	return VirtualFreeEx(GetCurrentProcess(), addr, size, type);
}

K32API BOOL WINAPI VirtualProtectEx(HANDLE process, LPVOID addr, SIZE_T size, DWORD protect,
				    PDWORD old)
{
	ULONG prev;
	NTSTATUS status;

	/* lpflOldProtect must be valid (documented: otherwise the call fails). */
	if (!old)
		return k32_error(ERROR_NOACCESS);
	status = NtProtectVirtualMemory(process, &addr, &size, protect, &prev);
	if (status < 0)
		return k32_fail(status);
	*old = prev;
	return TRUE;
}

K32API BOOL WINAPI VirtualProtect(LPVOID addr, SIZE_T size, DWORD protect, PDWORD old)
{
	return VirtualProtectEx(GetCurrentProcess(), addr, size, protect, old);
}

/* Both answer 0, or (UINT)-1 with the error set. */
K32API UINT WINAPI GetWriteWatch(DWORD flags, LPVOID base, SIZE_T size, LPVOID *addresses,
				 ULONG_PTR *count, ULONG *granularity)
{
	NTSTATUS status = NtGetWriteWatch(GetCurrentProcess(), flags, base, size, addresses, count,
					  granularity);

	return status < 0 ? (k32_fail(status), ~0u) : 0;
}

K32API UINT WINAPI ResetWriteWatch(LPVOID base, SIZE_T size)
{
	NTSTATUS status = NtResetWriteWatch(GetCurrentProcess(), base, size);

	return status < 0 ? (k32_fail(status), ~0u) : 0;
}

K32API SIZE_T WINAPI VirtualQueryEx(HANDLE process, LPCVOID addr,
				    PMEMORY_BASIC_INFORMATION info, SIZE_T len)
{
	SIZE_T ret = 0;
	NTSTATUS status = NtQueryVirtualMemory(process, (PVOID)addr,
					       MEMORY_BASIC_INFORMATION_CLASS, info, len, &ret);

	if (status < 0) {
		k32_fail(status);
		return 0;
	}
	return ret;
}

K32API SIZE_T WINAPI VirtualQuery(LPCVOID addr, PMEMORY_BASIC_INFORMATION info, SIZE_T len)
{
	return VirtualQueryEx(GetCurrentProcess(), addr, info, len);
}

/* The count is set whether or not all of it was copied; a partial copy
 * fails with ERROR_PARTIAL_COPY. */
K32API BOOL WINAPI ReadProcessMemory(HANDLE process, LPCVOID addr, LPVOID buf, SIZE_T size,
				     SIZE_T *read)
{
	SIZE_T done = 0;
	NTSTATUS status = NtReadVirtualMemory(process, (PVOID)addr, buf, size, &done);

	if (read)
		*read = done;
	return status == STATUS_SUCCESS || k32_fail(status);
}

/* The writable protection of the same kind, 0 for one that is not
 * readable or already writable. */
static ULONG writable_protection(ULONG protect, BOOL copy)
{
	switch (protect & 0xff) {
	case PAGE_READONLY:
		return copy ? PAGE_WRITECOPY : PAGE_READWRITE;
	case PAGE_EXECUTE:
	case PAGE_EXECUTE_READ:
		return copy ? PAGE_EXECUTE_WRITECOPY : PAGE_EXECUTE_READWRITE;
	}
	return 0;
}

/* As on Windows, a debugger may write over code and other read-only
 * pages: the committed range (in one region) is made writable for the
 * write (copy-on-write where the view allows it) and given back its
 * protection; code written is flushed from the instruction cache. */
static NTSTATUS write_read_only(HANDLE process, LPVOID addr, LPCVOID buf, SIZE_T size,
				SIZE_T *done)
{
	MEMORY_BASIC_INFORMATION mbi;
	PVOID base = addr;
	SIZE_T len = size;
	ULONG old, prot;
	NTSTATUS status;

	if (NtQueryVirtualMemory(process, addr, MEMORY_BASIC_INFORMATION_CLASS, &mbi, sizeof(mbi), NULL) ||
	    mbi.State != MEM_COMMIT || (ULONG_PTR)addr + size >
	    (ULONG_PTR)mbi.BaseAddress + mbi.RegionSize ||
	    !(prot = writable_protection(mbi.Protect, TRUE)))
		return STATUS_PARTIAL_COPY;
	if (NtProtectVirtualMemory(process, &base, &len, prot, &old) &&
	    NtProtectVirtualMemory(process, &base, &len, writable_protection(mbi.Protect, FALSE),
				   &old))
		return STATUS_PARTIAL_COPY;
	status = NtWriteVirtualMemory(process, addr, buf, size, done);
	NtProtectVirtualMemory(process, &base, &len, old, &old);
	NtFlushInstructionCache(process, addr, size);
	return status;
}

K32API BOOL WINAPI WriteProcessMemory(HANDLE process, LPVOID addr, LPCVOID buf, SIZE_T size,
				      SIZE_T *written)
{
	SIZE_T done = 0;
	NTSTATUS status = NtWriteVirtualMemory(process, addr, buf, size, &done);

	if (status == STATUS_PARTIAL_COPY && !done && size)
		status = write_read_only(process, addr, buf, size, &done);

	if (written)
		*written = done;
	return status == STATUS_SUCCESS || k32_fail(status);
}

/* x86-64 keeps instruction caches coherent with data writes, so the
 * kernel only checks the process handle: code written to memory (a JIT's)
 * runs as soon as its pages are executable. */
K32API BOOL WINAPI FlushInstructionCache(HANDLE process, LPCVOID addr, SIZE_T size)
{
	NTSTATUS status = NtFlushInstructionCache(process, (PVOID)addr, size);

	return NT_SUCCESS(status) || k32_fail(status);
}

NTSTATUS NTAPI NtFlushProcessWriteBuffers(void);

/* Every thread of the process passes a memory barrier (the supervisor
 * has the kernel interrupt the CPUs running them). */
K32API void WINAPI FlushProcessWriteBuffers(void)
{
	NtFlushProcessWriteBuffers();
}

K32API HANDLE WINAPI GetProcessHeap(void)
{
	return lsw_process_heap();
}

K32API DWORD WINAPI GetProcessHeaps(DWORD count, PHANDLE heaps)
{
	return RtlGetProcessHeaps(count, heaps);
}

#define HEAP_CLASS_1 0x00001000 /* ntifs.h: private heaps */

K32API HANDLE WINAPI HeapCreate(DWORD options, SIZE_T initial, SIZE_T maximum)
{
	/* Only the documented options pass; heaps made here are private
	 * (HEAP_CLASS_1), which their Flags show as on Windows. */
	ULONG flags = (options & (HEAP_GENERATE_EXCEPTIONS | HEAP_NO_SERIALIZE |
				  HEAP_CREATE_ENABLE_EXECUTE)) | HEAP_CLASS_1;
	HANDLE h;

	/* A maximum of 0 makes the heap growable (documented). */
	if (!maximum)
		flags |= HEAP_GROWABLE;
	else if (initial > maximum)
		initial = maximum;
	h = RtlCreateHeap(flags, NULL, maximum, initial, NULL, NULL);
	if (!h)
		k32_error(ERROR_NOT_ENOUGH_MEMORY);
	return h;
}

K32API BOOL WINAPI HeapDestroy(HANDLE heap)
{
	if (RtlDestroyHeap(heap))
		return k32_error(ERROR_INVALID_HANDLE);
	return TRUE;
}

/* RtlFreeHeap returns a BOOLEAN, hence a function and not a forward. */
K32API BOOL WINAPI HeapFree(HANDLE heap, DWORD flags, LPVOID p)
{
	if (!RtlFreeHeap(heap, flags, p))
		return k32_error(ERROR_INVALID_PARAMETER);
	return TRUE;
}

K32API BOOL WINAPI HeapValidate(HANDLE heap, DWORD flags, LPCVOID p)
{
	return RtlValidateHeap(heap, flags, p) ? TRUE : FALSE;
}

K32API SIZE_T WINAPI HeapCompact(HANDLE heap, DWORD flags)
{
	return RtlCompactHeap(heap, flags);
}

K32API BOOL WINAPI HeapLock(HANDLE heap)
{
	return RtlLockHeap(heap) ? TRUE : k32_error(ERROR_INVALID_HANDLE);
}

K32API BOOL WINAPI HeapUnlock(HANDLE heap)
{
	return RtlUnlockHeap(heap) ? TRUE : k32_error(ERROR_INVALID_HANDLE);
}
