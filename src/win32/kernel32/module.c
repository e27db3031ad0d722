/*
 * Modules: thin wrappers over ntdll's loader (LdrLoadDll, LdrGetDllHandle,
 * LdrGetProcedureAddress, LdrUnloadDll).  Lookups by address and file names
 * walk PEB->Ldr->InLoadOrderModuleList (public LDR_DATA_TABLE_ENTRY layout:
 * DllBase +0x30, SizeOfImage +0x40, FullDllName +0x48).
 */
#include "k32_private.h"

#include <psapi.h>

typedef struct ldr_entry ldr_entry; /* rtl_nt.h: the public layout */

/* PEB_LDR_DATA.InLoadOrderModuleList is at +0x10. */
static LIST_ENTRY *module_list(void)
{
	BYTE *ldr = lsw_peb()->Ldr;

	return ldr ? (LIST_ENTRY *)(ldr + 0x10) : NULL;
}

/* The entry whose image contains `addr` (or starts at it); NULL if none. */
static ldr_entry *find_module(const void *addr, BOOL exact)
{
	LIST_ENTRY *head = module_list(), *e;

	if (!head || !head->Flink)
		return NULL;
	for (e = head->Flink; e != head; e = e->Flink) {
		ldr_entry *m = CONTAINING_RECORD(e, ldr_entry, InLoadOrderLinks);
		const BYTE *b = m->DllBase;
		if (exact ? addr == b : ((const BYTE *)addr >= b && (const BYTE *)addr < b + m->SizeOfImage))
			return m;
	}
	return NULL;
}

K32API HMODULE WINAPI GetModuleHandleW(LPCWSTR name)
{
	UNICODE_STRING s;
	PVOID h = NULL;
	NTSTATUS status;

	if (!name)
		return lsw_peb()->ImageBaseAddress;
	RtlInitUnicodeString(&s, name);
	status = LdrGetDllHandle(NULL, NULL, &s, &h);
	if (status < 0) {
		k32_fail(status);
		return NULL;
	}
	return h;
}

K32API HMODULE WINAPI GetModuleHandleA(LPCSTR name)
{
	UNICODE_STRING w;
	HMODULE h;

	if (!name)
		return GetModuleHandleW(NULL);
	if (!k32_ansi_arg(name, &w))
		return NULL;
	h = GetModuleHandleW(w.Buffer);
	k32_free(w.Buffer);
	return h;
}

/* Reference counts are not adjusted (PIN / UNCHANGED_REFCOUNT behave the
 * same): modules are not unloaded behind a handle obtained here. */
K32API BOOL WINAPI GetModuleHandleExW(DWORD flags, LPCWSTR name, HMODULE *out)
{
	ldr_entry *m;

	if (!out)
		return k32_error(ERROR_INVALID_PARAMETER);
	*out = NULL;
	if (!(flags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS)) {
		*out = GetModuleHandleW(name);
		return *out != NULL;
	}
	m = find_module(name, FALSE);
	if (!m)
		return k32_error(ERROR_MOD_NOT_FOUND);
	*out = m->DllBase;
	return TRUE;
}

K32API BOOL WINAPI GetModuleHandleExA(DWORD flags, LPCSTR name, HMODULE *out)
{
	UNICODE_STRING w;
	BOOL r;

	if ((flags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS) || !name)
		return GetModuleHandleExW(flags, (LPCWSTR)name, out);
	if (!k32_ansi_arg(name, &w))
		return FALSE;
	r = GetModuleHandleExW(flags, w.Buffer, out);
	k32_free(w.Buffer);
	return r;
}

/* Truncates to the buffer, returns `size` and sets
 * ERROR_INSUFFICIENT_BUFFER when the name does not fit (documented). */
K32API DWORD WINAPI GetModuleFileNameW(HMODULE mod, LPWSTR buf, DWORD size)
{
	ldr_entry *m = find_module(mod ? (void *)mod : lsw_peb()->ImageBaseAddress, TRUE);
	DWORD n;

	if (!m)
		return k32_error(ERROR_MOD_NOT_FOUND);
	n = m->FullDllName.Length / sizeof(WCHAR);
	if (!size)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	if (n >= size) {
		memcpy(buf, m->FullDllName.Buffer, (size - 1) * sizeof(WCHAR));
		buf[size - 1] = 0;
		k32_error(ERROR_INSUFFICIENT_BUFFER);
		return size;
	}
	memcpy(buf, m->FullDllName.Buffer, n * sizeof(WCHAR));
	buf[n] = 0;
	k32_error(NO_ERROR);
	return n;
}

K32API DWORD WINAPI GetModuleFileNameA(HMODULE mod, LPSTR buf, DWORD size)
{
	WCHAR w[MAX_PATH * 4];
	DWORD n = GetModuleFileNameW(mod, w, MAX_PATH * 4);

	if (!n || !size)
		return n ? k32_error(ERROR_INSUFFICIENT_BUFFER) : 0;
	if (n >= size) {
		k32_w_to_a(w, size - 1, buf);
		k32_error(ERROR_INSUFFICIENT_BUFFER);
		return size;
	}
	k32_w_to_a(w, n, buf);
	return n;
}

K32API FARPROC WINAPI GetProcAddress(HMODULE mod, LPCSTR name)
{
	ANSI_STRING a, *pa = NULL;
	ULONG ordinal = 0;
	PVOID p = NULL;
	NTSTATUS status;

	if (!mod)
		mod = lsw_peb()->ImageBaseAddress;
	if ((ULONG_PTR)name >> 16) {
		RtlInitAnsiString(&a, name);
		pa = &a;
	} else {
		ordinal = (ULONG)(ULONG_PTR)name;
	}
	status = LdrGetProcedureAddress(mod, pa, ordinal, &p);
	if (status < 0) {
		k32_fail(status);
		return NULL;
	}
	return (FARPROC)p;
}

K32API HMODULE WINAPI LoadLibraryExW(LPCWSTR name, HANDLE file, DWORD flags)
{
	UNICODE_STRING s;
	/* LdrLoadDll's "characteristics": IMAGE_FILE_EXECUTABLE_IMAGE means
	 * do not resolve references, as LoadLibraryEx documents. */
	ULONG chars = (flags & DONT_RESOLVE_DLL_REFERENCES) ? IMAGE_FILE_EXECUTABLE_IMAGE : 0;
	PVOID h = NULL;
	NTSTATUS status;

	if (!name || file)
		return (HMODULE)(ULONG_PTR)k32_error(ERROR_INVALID_PARAMETER);
	RtlInitUnicodeString(&s, name);
	status = LdrLoadDll(NULL, &chars, &s, &h);
	if (status < 0) {
		k32_fail(status);
		return NULL;
	}
	return h;
}

K32API HMODULE WINAPI LoadLibraryExA(LPCSTR name, HANDLE file, DWORD flags)
{
	UNICODE_STRING w;
	HMODULE h;

	if (!name)
		return (HMODULE)(ULONG_PTR)k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_ansi_arg(name, &w))
		return NULL;
	h = LoadLibraryExW(w.Buffer, file, flags);
	k32_free(w.Buffer);
	return h;
}

K32API HMODULE WINAPI LoadLibraryW(LPCWSTR name)
{
	return LoadLibraryExW(name, NULL, 0);
}

K32API HMODULE WINAPI LoadLibraryA(LPCSTR name)
{
	return LoadLibraryExA(name, NULL, 0);
}

K32API BOOL WINAPI FreeLibrary(HMODULE mod)
{
	NTSTATUS status = LdrUnloadDll(mod);

	return status < 0 ? k32_fail(status) : TRUE;
}

/* For a thread running in the DLL it frees: neither call returns there. */
K32API DECLSPEC_NORETURN void WINAPI FreeLibraryAndExitThread(HMODULE mod, DWORD code)
{
	FreeLibrary(mod);
	ExitThread(code);
}

/* psapi's GetModuleInformation: base, size and entry point of a module of
 * this process (NULL: the program). */
K32API BOOL WINAPI K32GetModuleInformation(HANDLE process, HMODULE mod, LPMODULEINFO info,
					   DWORD size)
{
	ldr_entry *m = find_module(mod ? (const void *)mod : lsw_peb()->ImageBaseAddress, TRUE);

	if (process != GetCurrentProcess() && GetProcessId(process) != GetCurrentProcessId())
		return k32_error(ERROR_INVALID_HANDLE);
	if (size < sizeof(*info))
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	if (!m)
		return k32_error(ERROR_INVALID_HANDLE);
	info->lpBaseOfDll = m->DllBase;
	info->SizeOfImage = m->SizeOfImage;
	info->EntryPoint = m->EntryPoint;
	return TRUE;
}
