/* EnumerateLoadedModules64, EnumerateLoadedModulesW64 and the Ex forms:
 * the process's modules (kernel32's K32 process status functions), each
 * given to the callback until it returns FALSE. */
#include "dbghelp_private.h"
#include <psapi.h>

typedef BOOL (*module_fn)(const WCHAR *path, DWORD64 base, ULONG size, void *cb, void *ctx);

static BOOL walk(HANDLE process, module_fn fn, void *cb, void *ctx)
{
	HMODULE mods[512];
	DWORD need;

	if (!cb)
		return dbg_fail(ERROR_INVALID_PARAMETER);
	if (!K32EnumProcessModules(process, mods, sizeof(mods), &need))
		return FALSE;
	for (DWORD i = 0; i < need / sizeof(HMODULE) && i < ARRAYSIZE(mods); i++) {
		MODULEINFO mi;
		WCHAR path[MAX_PATH];

		if (!K32GetModuleInformation(process, mods[i], &mi, sizeof(mi)) ||
		    !K32GetModuleFileNameExW(process, mods[i], path, MAX_PATH))
			continue;
		if (!fn(path, (DWORD64)(ULONG_PTR)mi.lpBaseOfDll, mi.SizeOfImage, cb, ctx))
			break;
	}
	return TRUE;
}

static BOOL call_w(const WCHAR *path, DWORD64 base, ULONG size, void *cb, void *ctx)
{
	return ((PENUMLOADED_MODULES_CALLBACKW64)cb)(path, base, size, ctx);
}

static BOOL call_a(const WCHAR *path, DWORD64 base, ULONG size, void *cb, void *ctx)
{
	char a[MAX_PATH];

	WideCharToMultiByte(CP_ACP, 0, path, -1, a, sizeof(a), NULL, NULL);
	return ((PENUMLOADED_MODULES_CALLBACK64)cb)(a, base, size, ctx);
}

DBG_API BOOL WINAPI EnumerateLoadedModulesW64(HANDLE process, PENUMLOADED_MODULES_CALLBACKW64 cb,
					      PVOID ctx)
{
	return walk(process, call_w, (void *)cb, ctx);
}

DBG_API BOOL WINAPI EnumerateLoadedModules64(HANDLE process, PENUMLOADED_MODULES_CALLBACK64 cb,
					     PVOID ctx)
{
	return walk(process, call_a, (void *)cb, ctx);
}

DBG_API BOOL WINAPI EnumerateLoadedModulesExW(HANDLE process, PENUMLOADED_MODULES_CALLBACKW64 cb,
					      PVOID ctx)
{
	return walk(process, call_w, (void *)cb, ctx);
}

DBG_API BOOL WINAPI EnumerateLoadedModulesEx(HANDLE process, PENUMLOADED_MODULES_CALLBACK64 cb,
					     PVOID ctx)
{
	return walk(process, call_a, (void *)cb, ctx);
}
