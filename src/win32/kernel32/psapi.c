/*
 * The process status API (psapi.dll forwards here, as on Windows): the
 * current process's modules from PEB->Ldr (K32GetModuleInformation is in
 * module.c), its memory use from its address space, and the process list.
 * Modules are listed for the current process only (another handle is
 * ERROR_INVALID_HANDLE), but another process's main module name is its
 * image name (process_image.c, with K32GetProcessImageFileName).
 */
#include "k32_private.h"
#include <psapi.h>

typedef struct ldr_entry ldr_entry;

static BOOL is_self(HANDLE process)
{
	return process == GetCurrentProcess() ||
	       (process && GetProcessId(process) == GetCurrentProcessId());
}

/* PEB_LDR_DATA.InLoadOrderModuleList (+0x10). */
static LIST_ENTRY *module_list(void)
{
	BYTE *ldr = lsw_peb()->Ldr;

	return ldr ? (LIST_ENTRY *)(ldr + 0x10) : NULL;
}

/* The loader entry of a module handle (NULL: the program's own). */
static ldr_entry *module_entry(HMODULE mod)
{
	LIST_ENTRY *head = module_list(), *e;

	if (!mod)
		mod = (HMODULE)lsw_peb()->ImageBaseAddress;
	for (e = head ? head->Flink : NULL; e && e != head; e = e->Flink) {
		ldr_entry *m = CONTAINING_RECORD(e, ldr_entry, InLoadOrderLinks);

		if (m->DllBase == (PVOID)mod)
			return m;
	}
	return NULL;
}

/* The modules in load order: the program first, then ntdll and the DLLs. */
K32API BOOL WINAPI K32EnumProcessModulesEx(HANDLE process, HMODULE *mods, DWORD cb, LPDWORD needed,
					   DWORD filter)
{
	LIST_ENTRY *head = module_list(), *e;
	DWORD n = 0;

	if (!is_self(process))
		return k32_error(ERROR_INVALID_HANDLE);
	if (!needed || (cb && !mods))
		return k32_error(ERROR_NOACCESS);
	for (e = head ? head->Flink : NULL; e && e != head; e = e->Flink) {
		if ((n + 1) * sizeof(HMODULE) <= cb)
			mods[n] = (HMODULE)CONTAINING_RECORD(e, ldr_entry, InLoadOrderLinks)->DllBase;
		n++;
	}
	*needed = n * sizeof(HMODULE);
	return TRUE;
}

K32API BOOL WINAPI K32EnumProcessModules(HANDLE process, HMODULE *mods, DWORD cb, LPDWORD needed)
{
	return K32EnumProcessModulesEx(process, mods, cb, needed, LIST_MODULES_DEFAULT);
}

/* Another process's modules are not listed; its main module (mod NULL)
 * is its image (process_image.c), which fails when it does not fit. */
K32API DWORD WINAPI K32GetModuleFileNameExW(HANDLE process, HMODULE mod, LPWSTR name, DWORD size)
{
	if (!is_self(process))
		return mod ? k32_error(ERROR_INVALID_HANDLE)
			   : k32_other_main_module_name(process, name, size);
	return GetModuleFileNameW(mod, name, size);
}

K32API DWORD WINAPI K32GetModuleFileNameExA(HANDLE process, HMODULE mod, LPSTR name, DWORD size)
{
	WCHAR w[MAX_PATH];
	DWORD n;

	if (is_self(process))
		return GetModuleFileNameA(mod, name, size);
	if (mod || !(n = K32GetModuleFileNameExW(process, NULL, w, size < MAX_PATH ? size : MAX_PATH)))
		return mod ? k32_error(ERROR_INVALID_HANDLE) : 0;
	k32_w_to_a(w, n, name);
	return n;
}

/* The base name, cut to the buffer; the count of characters copied (the
 * documented result: no NUL counted, and a cut name is not an error). */
static DWORD base_name(HANDLE process, HMODULE mod, WCHAR *out, DWORD size)
{
	ldr_entry *m;
	DWORD n;

	if (!is_self(process))
		return k32_error(ERROR_INVALID_HANDLE);
	if (!(m = module_entry(mod)))
		return k32_error(ERROR_MOD_NOT_FOUND);
	if (!size)
		return 0;
	n = m->BaseDllName.Length / sizeof(WCHAR);
	if (n >= size)
		n = size - 1;
	memcpy(out, m->BaseDllName.Buffer, n * sizeof(WCHAR));
	out[n] = 0;
	return n;
}

K32API DWORD WINAPI K32GetModuleBaseNameW(HANDLE process, HMODULE mod, LPWSTR name, DWORD size)
{
	return base_name(process, mod, name, size);
}

K32API DWORD WINAPI K32GetModuleBaseNameA(HANDLE process, HMODULE mod, LPSTR name, DWORD size)
{
	WCHAR w[MAX_PATH];
	DWORD n = base_name(process, mod, w, size < MAX_PATH ? size : MAX_PATH);

	if (n || (size && GetLastError() != ERROR_MOD_NOT_FOUND && is_self(process)))
		k32_w_to_a(w, n + 1, name);
	return n;
}

K32API BOOL WINAPI K32EnumProcesses(DWORD *pids, DWORD cb, DWORD *needed)
{
	if (!needed || (cb && !pids))
		return k32_error(ERROR_NOACCESS);
	*needed = 0;
	if (cb >= sizeof(DWORD)) {
		pids[0] = GetCurrentProcessId();
		*needed = sizeof(DWORD);
	}
	return TRUE;
}
