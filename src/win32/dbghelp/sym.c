/* The symbol handler: SymInitialize(W), SymCleanup, SymSetOptions,
 * SymGetOptions, the search path, and the lookups.  With no symbol files,
 * SymFromAddr fails with ERROR_MOD_NOT_FOUND and SymGetLineFromAddr64
 * with ERROR_INVALID_ADDRESS; SymGetModuleBase64 and
 * SymFunctionTableAccess64, which StackWalk64 callers pass along, answer
 * from the loaded images (the loader list and their unwind tables) once
 * the handler has loaded the modules.
 * One process is served at a time (the program's own). */
#include "dbghelp_private.h"

PVOID NTAPI RtlPcToFileHeader(PVOID, PVOID *);

static HANDLE initialized;
static BOOL modules_loaded; /* fInvadeProcess, or SymRefreshModuleList */
static DWORD options = SYMOPT_UNDNAME | SYMOPT_DEFERRED_LOADS;
static WCHAR search_path[MAX_PATH];

/* The path given, or by default "." then _NT_SYMBOL_PATH and
 * _NT_ALT_SYMBOL_PATH where they are set, ';' between (SymInitialize's
 * documented sources). */
static void set_search_path(PCWSTR path)
{
	static const WCHAR *const vars[] = { L"_NT_SYMBOL_PATH", L"_NT_ALT_SYMBOL_PATH" };
	size_t n;

	if (path) {
		lstrcpynW(search_path, path, ARRAYSIZE(search_path));
		return;
	}
	lstrcpyW(search_path, L".");
	for (size_t i = 0; i < ARRAYSIZE(vars); i++) {
		n = lstrlenW(search_path);
		if (n + 2 >= ARRAYSIZE(search_path))
			break;
		search_path[n] = ';';
		if (GetEnvironmentVariableW(vars[i], search_path + n + 1,
					    ARRAYSIZE(search_path) - n - 1) - 1 >=
		    ARRAYSIZE(search_path) - n - 2)
			search_path[n] = 0; /* not set, empty or too long */
	}
}

BOOL dbg_initialized(HANDLE process)
{
	return initialized && process == initialized;
}

DBG_API BOOL WINAPI SymInitializeW(HANDLE process, PCWSTR path, BOOL invade)
{
	if (initialized == process)
		return dbg_fail(ERROR_INVALID_PARAMETER); /* documented: twice without cleanup */
	initialized = process;
	modules_loaded = invade;
	set_search_path(path);
	return TRUE;
}

DBG_API BOOL WINAPI SymInitialize(HANDLE process, PCSTR path, BOOL invade)
{
	WCHAR w[MAX_PATH];

	if (path && !MultiByteToWideChar(CP_ACP, 0, path, -1, w, ARRAYSIZE(w)))
		return FALSE;
	return SymInitializeW(process, path ? w : NULL, invade);
}

DBG_API BOOL WINAPI SymCleanup(HANDLE process)
{
	if (!dbg_initialized(process))
		return dbg_fail(ERROR_INVALID_HANDLE);
	initialized = NULL;
	return TRUE;
}

DBG_API DWORD WINAPI SymSetOptions(DWORD opts)
{
	return options = opts;
}

DBG_API DWORD WINAPI SymGetOptions(void)
{
	return options;
}

DBG_API BOOL WINAPI SymSetSearchPathW(HANDLE process, PCWSTR path)
{
	if (!dbg_initialized(process))
		return dbg_fail(ERROR_INVALID_HANDLE);
	set_search_path(path);
	return TRUE;
}

DBG_API BOOL WINAPI SymGetSearchPathW(HANDLE process, PWSTR path, DWORD len)
{
	if (!dbg_initialized(process))
		return dbg_fail(ERROR_INVALID_HANDLE);
	if (!path || !len)
		return dbg_fail(ERROR_INVALID_PARAMETER);
	lstrcpynW(path, search_path, (int)len);
	return TRUE;
}

DBG_API BOOL WINAPI SymSetSearchPath(HANDLE process, PCSTR path)
{
	WCHAR w[MAX_PATH];

	if (path && !MultiByteToWideChar(CP_ACP, 0, path, -1, w, ARRAYSIZE(w)))
		return FALSE;
	return SymSetSearchPathW(process, path ? w : NULL);
}

DBG_API BOOL WINAPI SymGetSearchPath(HANDLE process, PSTR path, DWORD len)
{
	if (!dbg_initialized(process))
		return dbg_fail(ERROR_INVALID_HANDLE);
	if (!path || !len)
		return dbg_fail(ERROR_INVALID_PARAMETER);
	if (!WideCharToMultiByte(CP_ACP, 0, search_path, -1, path, (int)len, NULL, NULL))
		path[len - 1] = 0;
	return TRUE;
}

/* No symbol file is ever loaded. */
static BOOL no_symbol(HANDLE process, DWORD error)
{
	return dbg_fail(dbg_initialized(process) ? error : ERROR_INVALID_HANDLE);
}

DBG_API BOOL WINAPI SymFromAddr(HANDLE process, DWORD64 addr, PDWORD64 disp, PSYMBOL_INFO sym)
{
	return no_symbol(process, ERROR_MOD_NOT_FOUND);
}

DBG_API BOOL WINAPI SymFromAddrW(HANDLE process, DWORD64 addr, PDWORD64 disp, PSYMBOL_INFOW sym)
{
	return no_symbol(process, ERROR_MOD_NOT_FOUND);
}

DBG_API BOOL WINAPI SymGetLineFromAddr64(HANDLE process, DWORD64 addr, PDWORD disp,
					  PIMAGEHLP_LINE64 line)
{
	return no_symbol(process, ERROR_INVALID_ADDRESS);
}

DBG_API BOOL WINAPI SymGetLineFromAddrW64(HANDLE process, DWORD64 addr, PDWORD disp,
					   PIMAGEHLP_LINEW64 line)
{
	return no_symbol(process, ERROR_INVALID_ADDRESS);
}

/* The modules are known without symbols: the loader knows them. */
DBG_API BOOL WINAPI SymRefreshModuleList(HANDLE process)
{
	if (!dbg_initialized(process))
		return dbg_fail(ERROR_INVALID_HANDLE);
	modules_loaded = TRUE;
	return TRUE;
}

/* As on Windows, only modules the handler has loaded (SymInitialize's
 * fInvadeProcess, SymRefreshModuleList) are known. */
static BOOL modules_known(HANDLE process)
{
	return dbg_initialized(process) && modules_loaded ? TRUE : dbg_fail(ERROR_MOD_NOT_FOUND);
}

DBG_API DWORD64 WINAPI SymGetModuleBase64(HANDLE process, DWORD64 addr)
{
	PVOID base = NULL;

	if (!modules_known(process))
		return 0;
	return (DWORD64)(ULONG_PTR)RtlPcToFileHeader((PVOID)(ULONG_PTR)addr, &base) ?
		       (DWORD64)(ULONG_PTR)base : 0;
}

DBG_API PVOID WINAPI SymFunctionTableAccess64(HANDLE process, DWORD64 addr)
{
	DWORD64 base;

	if (!modules_known(process))
		return NULL;
	return RtlLookupFunctionEntry(addr, &base, NULL);
}
