/* File mappings: CreateFileMapping(Numa), OpenFileMapping, MapViewOfFile
 * (Ex, ExNuma), UnmapViewOfFile(Ex), FlushViewOfFile over the NT section
 * calls.  A name is a named object like an event's (event.c). */
#include "k32_private.h"

#define SEC_COMMIT_FLAG 0x8000000u
#define VIEW_SHARE 1
#define MEM_REPLACE_PLACEHOLDER_FLAG 0x4000u

NTSTATUS NTAPI NtCreateSection(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, PLARGE_INTEGER, ULONG,
			       ULONG, HANDLE);
NTSTATUS NTAPI NtOpenSection(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
NTSTATUS NTAPI NtMapViewOfSection(HANDLE, HANDLE, PVOID *, ULONG_PTR, SIZE_T, PLARGE_INTEGER,
				  PSIZE_T, ULONG, ULONG, ULONG);
NTSTATUS NTAPI NtUnmapViewOfSection(HANDLE, PVOID);
NTSTATUS NTAPI NtUnmapViewOfSectionEx(HANDLE, PVOID, ULONG);
NTSTATUS NTAPI NtFlushVirtualMemory(HANDLE, PVOID *, PSIZE_T, PIO_STATUS_BLOCK);

/* The section rights a mapping's handle gets: what its protection can use. */
static ACCESS_MASK mapping_access(DWORD protect)
{
	ACCESS_MASK access = STANDARD_RIGHTS_REQUIRED | SECTION_QUERY | SECTION_MAP_READ;

	if (protect == PAGE_READWRITE || protect == PAGE_EXECUTE_READWRITE)
		access |= SECTION_MAP_WRITE;
	if (protect == PAGE_EXECUTE_READ || protect == PAGE_EXECUTE_READWRITE ||
	    protect == PAGE_EXECUTE_WRITECOPY)
		access |= SECTION_MAP_EXECUTE;
	return access;
}

/* The protections CreateFileMapping documents: no execute-only or
 * no-access mapping (NtCreateSection has its own, wider rule). */
static BOOL mapping_protect_valid(DWORD prot)
{
	switch (prot) {
	case PAGE_READONLY: case PAGE_READWRITE: case PAGE_WRITECOPY:
	case PAGE_EXECUTE_READ: case PAGE_EXECUTE_READWRITE: case PAGE_EXECUTE_WRITECOPY:
		return TRUE;
	}
	return FALSE;
}

K32API HANDLE WINAPI CreateFileMappingNumaW(HANDLE file, LPSECURITY_ATTRIBUTES sa, DWORD protect,
					    DWORD size_high, DWORD size_low, LPCWSTR name,
					    DWORD node)
{
	DWORD sec = protect & ~0xffu, prot = protect & 0xffu;
	LARGE_INTEGER size;
	OBJECT_ATTRIBUTES oa;
	UNICODE_STRING nt;
	HANDLE h = NULL;
	NTSTATUS status;

	(void)node; /* one NUMA node */
	if (!mapping_protect_valid(prot))
		return k32_error(ERROR_INVALID_PARAMETER), NULL;
	if (!sec)
		sec = SEC_COMMIT_FLAG;
	if (file == INVALID_HANDLE_VALUE)
		file = NULL; /* backed by the paging file */
	size.QuadPart = ((LONGLONG)size_high << 32) | size_low;
	if (!k32_object_attributes(name, sa, OBJ_OPENIF, &oa, &nt))
		return NULL;
	status = NtCreateSection(&h, mapping_access(prot), &oa, &size, prot, sec, file);
	k32_free(nt.Buffer);
	return k32_created(status, h);
}

K32API HANDLE WINAPI CreateFileMappingW(HANDLE file, LPSECURITY_ATTRIBUTES sa, DWORD protect,
					DWORD size_high, DWORD size_low, LPCWSTR name)
{
	return CreateFileMappingNumaW(file, sa, protect, size_high, size_low, name, 0);
}

/* The FromApp forms: the same for a desktop program, the size in one
 * 64-bit number. */
K32API HANDLE WINAPI CreateFileMappingFromApp(HANDLE file, LPSECURITY_ATTRIBUTES sa, ULONG protect,
					      ULONG64 size, LPCWSTR name)
{
	return CreateFileMappingNumaW(file, sa, protect, (DWORD)(size >> 32), (DWORD)size, name, 0);
}

K32API HANDLE WINAPI CreateFileMappingNumaA(HANDLE file, LPSECURITY_ATTRIBUTES sa, DWORD protect,
					    DWORD size_high, DWORD size_low, LPCSTR name,
					    DWORD node)
{
	UNICODE_STRING w = { 0 };
	HANDLE h;

	if (name && !k32_ansi_arg(name, &w))
		return NULL;
	h = CreateFileMappingNumaW(file, sa, protect, size_high, size_low, w.Buffer, node);
	k32_free(w.Buffer);
	return h;
}

K32API HANDLE WINAPI CreateFileMappingA(HANDLE file, LPSECURITY_ATTRIBUTES sa, DWORD protect,
					DWORD size_high, DWORD size_low, LPCSTR name)
{
	return CreateFileMappingNumaA(file, sa, protect, size_high, size_low, name, 0);
}

/* FILE_MAP_COPY is SECTION_QUERY's bit: opening for a copy needs reading. */
static DWORD open_access(DWORD access)
{
	return access == FILE_MAP_COPY ? SECTION_QUERY | SECTION_MAP_READ : access;
}

K32API HANDLE WINAPI OpenFileMappingW(DWORD access, BOOL inherit, LPCWSTR name)
{
	return k32_open_object(NtOpenSection, open_access(access), inherit, name);
}

K32API HANDLE WINAPI OpenFileMappingA(DWORD access, BOOL inherit, LPCSTR name)
{
	return k32_open_object_a(NtOpenSection, open_access(access), inherit, name);
}

/* The page protection of a view for FILE_MAP_* access: copy-on-write
 * only for FILE_MAP_COPY alone (besides FILE_MAP_EXECUTE); with other
 * bits it is ignored, as Windows does. */
static DWORD view_protect(DWORD access)
{
	BOOL exec = (access & FILE_MAP_EXECUTE) != 0;

	if ((access & ~FILE_MAP_EXECUTE) == FILE_MAP_COPY)
		return exec ? PAGE_EXECUTE_WRITECOPY : PAGE_WRITECOPY;
	if (access & FILE_MAP_WRITE)
		return exec ? PAGE_EXECUTE_READWRITE : PAGE_READWRITE;
	if (access & FILE_MAP_READ)
		return exec ? PAGE_EXECUTE_READ : PAGE_READONLY;
	return PAGE_NOACCESS;
}

K32API LPVOID WINAPI MapViewOfFileExNuma(HANDLE mapping, DWORD access, DWORD offset_high,
					 DWORD offset_low, SIZE_T size, LPVOID base, DWORD node)
{
	LARGE_INTEGER offset;
	NTSTATUS status;

	(void)node;
	offset.QuadPart = ((LONGLONG)offset_high << 32) | offset_low;
	status = NtMapViewOfSection(mapping, GetCurrentProcess(), &base, 0, 0, &offset, &size,
				    VIEW_SHARE, 0, view_protect(access));
	if (status < 0) {
		k32_fail(status);
		return NULL;
	}
	return base;
}

K32API LPVOID WINAPI MapViewOfFileEx(HANDLE mapping, DWORD access, DWORD offset_high,
				     DWORD offset_low, SIZE_T size, LPVOID base)
{
	return MapViewOfFileExNuma(mapping, access, offset_high, offset_low, size, base, 0);
}

K32API LPVOID WINAPI MapViewOfFile(HANDLE mapping, DWORD access, DWORD offset_high,
				   DWORD offset_low, SIZE_T size)
{
	return MapViewOfFileExNuma(mapping, access, offset_high, offset_low, size, NULL, 0);
}

K32API PVOID WINAPI MapViewOfFileFromApp(HANDLE mapping, ULONG access, ULONG64 offset, SIZE_T size)
{
	return MapViewOfFileExNuma(mapping, access, (DWORD)(offset >> 32), (DWORD)offset, size, NULL, 0);
}

K32API BOOL WINAPI UnmapViewOfFile(LPCVOID addr)
{
	NTSTATUS status = NtUnmapViewOfSection(GetCurrentProcess(), (PVOID)addr);

	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI UnmapViewOfFileEx(PVOID addr, ULONG flags)
{
	NTSTATUS status = NtUnmapViewOfSectionEx(GetCurrentProcess(), addr, flags);

	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI FlushViewOfFile(LPCVOID addr, SIZE_T size)
{
	IO_STATUS_BLOCK iosb;
	PVOID base = (PVOID)addr;
	NTSTATUS status = NtFlushVirtualMemory(GetCurrentProcess(), &base, &size, &iosb);

	return status < 0 ? k32_fail(status) : TRUE;
}
