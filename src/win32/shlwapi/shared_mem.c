/*
 * SHAllocShared and friends: a block of memory handed from one process to
 * another as a handle valid in the receiver.  The block is an unnamed file
 * mapping; its first bytes hold the data size, the caller's data follows.
 * SHLockShared maps a view and returns the data; SHUnlockShared unmaps it.
 */
#include "shlwapi_private.h"

/* What precedes the caller's data in the mapping (kept 16-byte aligned). */
typedef struct {
	DWORD size;
	DWORD reserved[3];
} shared_header;

/* hmem, a handle of process `from`, duplicated into process `to`. */
static HANDLE dup_between(HANDLE hmem, DWORD from, DWORD to, DWORD access, DWORD options)
{
	HANDLE src, dst, result = NULL;

	src = from == GetCurrentProcessId() ? GetCurrentProcess() : OpenProcess(PROCESS_DUP_HANDLE, FALSE, from);
	if (!src)
		return NULL;
	dst = to == GetCurrentProcessId() ? GetCurrentProcess() : OpenProcess(PROCESS_DUP_HANDLE, FALSE, to);
	if (dst) {
		if (!DuplicateHandle(src, hmem, dst, &result, access, FALSE, options))
			result = NULL;
		if (dst != GetCurrentProcess())
			CloseHandle(dst);
	}
	if (src != GetCurrentProcess())
		CloseHandle(src);
	return result;
}

/* Ordinal 11: a handle of process src duplicated into process dst;
 * NULL (last error untouched) for a NULL handle. */
HANDLE WINAPI SHMapHandle(HANDLE hmem, DWORD src, DWORD dst, DWORD access, DWORD options)
{
	if (!hmem)
		return NULL;
	return dup_between(hmem, src, dst, access, options);
}

HANDLE WINAPI SHAllocShared(const void *data, DWORD size, DWORD procid)
{
	HANDLE map, result;
	shared_header *view;

	if (size > MAXDWORD - sizeof(shared_header)) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return NULL;
	}
	map = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0,
		size + sizeof(shared_header), NULL);
	if (!map)
		return NULL;
	view = MapViewOfFile(map, FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, 0);
	if (!view) {
		CloseHandle(map);
		return NULL;
	}
	view->size = size;
	if (data)
		memcpy(view + 1, data, size);
	UnmapViewOfFile(view);
	result = dup_between(map, GetCurrentProcessId(), procid, 0,
		DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE);
	return result;
}

void *WINAPI SHLockShared(HANDLE hmem, DWORD procid)
{
	HANDLE local = dup_between(hmem, procid, GetCurrentProcessId(), 0, DUPLICATE_SAME_ACCESS);
	shared_header *view;

	if (!local)
		return NULL;
	view = MapViewOfFile(local, FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, 0);
	CloseHandle(local);
	return view ? view + 1 : NULL;
}

BOOL WINAPI SHUnlockShared(void *data)
{
	if (!data)
		return FALSE;
	return UnmapViewOfFile((shared_header *)data - 1);
}

/* Closes hmem in process procid; a NULL handle is already free. */
BOOL WINAPI SHFreeShared(HANDLE hmem, DWORD procid)
{
	HANDLE local;

	if (!hmem)
		return TRUE;
	local = dup_between(hmem, procid, GetCurrentProcessId(), 0,
		DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE);
	return local ? CloseHandle(local) : FALSE;
}
