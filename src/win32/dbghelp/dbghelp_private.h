/* Private declarations of dbghelp.dll.  No symbol files exist in the
 * sandbox (and none would be downloaded): the symbol handler initialises
 * and keeps its options, but finds no symbol or line; the PE helpers
 * (ImageNtHeader, ImageDirectoryEntryToData...) and the module walks
 * work on what is mapped; minidumps and stack walks are not offered. */
#ifndef LSW_DBGHELP_PRIVATE_H
#define LSW_DBGHELP_PRIVATE_H

/* dbghelp.h declares every function DECLSPEC_IMPORT, unconditionally:
 * imports here are plain calls through the import thunks instead. */
#define DECLSPEC_IMPORT
#include <windows.h>
#include <dbghelp.h>

#define DBG_API __declspec(dllexport)

static inline BOOL dbg_fail(DWORD error)
{
	SetLastError(error);
	return FALSE;
}

/* sym.c: TRUE when SymInitialize was called for this process handle. */
BOOL dbg_initialized(HANDLE process);

#endif
