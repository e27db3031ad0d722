/*
 * Shared pieces of the PathCch* functions (api-ms-win-core-path): the
 * root of a path as PathCchSkipRoot sees it, and the canonical form
 * PathAllocCanonicalize builds.  Paths use '\' only; sizes count WCHARs
 * including the terminator and are at most PATHCCH_MAX_CCH.
 */
#ifndef LSW_KERNELBASE_PATHCCH_PRIVATE_H
#define LSW_KERNELBASE_PATHCCH_PRIVATE_H

#include <windows.h>
#include <wchar.h>

#define PATHCCH_ALLOW_LONG_PATHS 0x01
#define PATHCCH_FORCE_ENABLE_LONG_NAME_PROCESS 0x02
#define PATHCCH_FORCE_DISABLE_LONG_NAME_PROCESS 0x04
#define PATHCCH_DO_NOT_NORMALIZE_SEGMENTS 0x08
#define PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH 0x10
#define PATHCCH_ENSURE_TRAILING_SLASH 0x20
#define PATHCCH_MAX_CCH 0x8000
#define STRSAFE_E_INSUFFICIENT_BUFFER ((HRESULT)0x8007007a)
#define E_FILENAME_EXCED_RANGE HRESULT_FROM_WIN32(ERROR_FILENAME_EXCED_RANGE)

PVOID NTAPI RtlAllocateHeap(HANDLE, ULONG, SIZE_T);
BOOLEAN NTAPI RtlFreeHeap(HANDLE, ULONG, PVOID);
size_t __cdecl wcsnlen(const wchar_t *, size_t);

static inline HANDLE pathcch_heap(void)
{
	return *(HANDLE *)(__readgsqword(0x60) + 0x30); /* PEB.ProcessHeap */
}

/* "\\?\" followed by anything. */
static inline BOOL pathcch_is_extended(const WCHAR *p)
{
	return p[0] == '\\' && p[1] == '\\' && p[2] == '?' && p[3] == '\\';
}

BOOL WINAPI PathCchIsRoot(const WCHAR *path);
BOOL pathcch_prefix_ci(const WCHAR *p, const WCHAR *prefix);
BOOL pathcch_is_letter_drive(const WCHAR *p);
/* Characters of the root of p (PathCchSkipRoot), or -1 when it has none. */
int pathcch_root_length(const WCHAR *p);
/* Canonical form of path into a new heap buffer (*out, *len). */
HRESULT pathcch_canonical(const WCHAR *path, ULONG flags, WCHAR **out, size_t *len);
/* a and b joined as PathAllocCombine does, canonical, in a new buffer. */
HRESULT pathcch_combine(const WCHAR *a, const WCHAR *b, ULONG flags, WCHAR **out, size_t *len);

#endif
