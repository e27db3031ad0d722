/*
 * Modules: thin wrappers over ntdll's loader (LdrLoadDll, LdrGetDllHandle,
 * LdrGetProcedureAddress, LdrUnloadDll).  Lookups by address and file names
 * walk PEB->Ldr->InLoadOrderModuleList (public LDR_DATA_TABLE_ENTRY layout:
 * DllBase +0x30, SizeOfImage +0x40, FullDllName +0x48).
 */
#include "k32_private.h"

#include <psapi.h>
#include "lsw/ldr_flags.h"

NTSTATUS NTAPI NtUnmapViewOfSection(HANDLE, PVOID);

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

NTSTATUS NTAPI LdrAddRefDll(ULONG, PVOID);
NTSTATUS NTAPI LdrLockLoaderLock(ULONG, ULONG *, ULONG_PTR *);
NTSTATUS NTAPI LdrUnlockLoaderLock(ULONG, ULONG_PTR);
#define GMH_FLAGS (GET_MODULE_HANDLE_EX_FLAG_PIN | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT | \
		   GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS)

/* The handle counts as one more load (FreeLibrary it), unless
 * UNCHANGED_REFCOUNT; PIN keeps the module until the process ends. */
K32API BOOL WINAPI GetModuleHandleExW(DWORD flags, LPCWSTR name, HMODULE *out)
{
	ULONG_PTR cookie = 0;
	ldr_entry *m;

	if (out)
		*out = NULL;
	if (!out || (flags & ~GMH_FLAGS) ||
	    ((flags & GET_MODULE_HANDLE_EX_FLAG_PIN) &&
	     (flags & GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT)))
		return k32_error(ERROR_INVALID_PARAMETER);
	LdrLockLoaderLock(0, NULL, &cookie); /* no unload between finding and counting */
	if (!(flags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS))
		*out = GetModuleHandleW(name);
	else if ((m = find_module(name, FALSE)))
		*out = m->DllBase;
	if (*out && !(flags & GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT))
		LdrAddRefDll(flags & GET_MODULE_HANDLE_EX_FLAG_PIN ? 1 : 0, *out);
	LdrUnlockLoaderLock(0, cookie);
	if (!*out && (flags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS))
		return k32_error(ERROR_MOD_NOT_FOUND);
	return *out != NULL;
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
static DWORD copy_file_name(HMODULE mod, LPWSTR buf, DWORD size)
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

/* Under the loader lock: another thread may be unloading the module. */
K32API DWORD WINAPI GetModuleFileNameW(HMODULE mod, LPWSTR buf, DWORD size)
{
	ULONG_PTR cookie = 0;
	DWORD n;

	LdrLockLoaderLock(0, NULL, &cookie);
	n = copy_file_name(mod, buf, size);
	LdrUnlockLoaderLock(0, cookie);
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

#define DATA_FLAGS (LOAD_LIBRARY_AS_DATAFILE | LOAD_LIBRARY_AS_DATAFILE_EXCLUSIVE | \
		    LOAD_LIBRARY_AS_IMAGE_RESOURCE)
#define SEARCH_FLAGS (LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR | LOAD_LIBRARY_SEARCH_APPLICATION_DIR | \
		      LOAD_LIBRARY_SEARCH_USER_DIRS | LOAD_LIBRARY_SEARCH_SYSTEM32 | \
		      LOAD_LIBRARY_SEARCH_DEFAULT_DIRS)
/* Flags LoadLibraryEx documents up to Windows 10 (0x4 is
 * LOAD_PACKAGED_LIBRARY, for packaged applications only). */
#define KNOWN_FLAGS (0xFFFFu & ~0x4u)

/* The combinations LoadLibraryEx refuses (ERROR_INVALID_PARAMETER). */
static BOOL load_flags_ok(LPCWSTR name, DWORD flags)
{
	/* a full path, or one rooted on the current drive ("\\dir\\x.dll") */
	BOOL absolute = (name[0] && name[1] == ':' && (name[2] == '\\' || name[2] == '/')) ||
			name[0] == '\\' || name[0] == '/';

	if (flags & ~KNOWN_FLAGS)
		return FALSE;
	if ((flags & LOAD_WITH_ALTERED_SEARCH_PATH) && (flags & SEARCH_FLAGS))
		return FALSE;
	return !(flags & LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR) || absolute;
}

/* LdrLoadDll's "characteristics": IMAGE_FILE_EXECUTABLE_IMAGE means do not
 * resolve references (as LoadLibraryEx documents); data files are only
 * mapped, their handle being the base + 1 (AS_DATAFILE) or + 2
 * (AS_IMAGE_RESOURCE), as Windows marks them.  They are mapped in image
 * layout either way (Windows maps a plain data file flat). */
K32API HMODULE WINAPI LoadLibraryExW(LPCWSTR name, HANDLE file, DWORD flags)
{
	UNICODE_STRING s;
	ULONG chars = (flags & DONT_RESOLVE_DLL_REFERENCES) ? IMAGE_FILE_EXECUTABLE_IMAGE : 0;
	ULONG_PTR search = (flags & (SEARCH_FLAGS | LOAD_WITH_ALTERED_SEARCH_PATH)) | 1;
	PVOID h = NULL;
	NTSTATUS status;

	if (!name || file || !load_flags_ok(name, flags))
		return (HMODULE)(ULONG_PTR)k32_error(ERROR_INVALID_PARAMETER);
	if (flags & DATA_FLAGS)
		chars |= LSW_LDR_MAP_AS_DATA;
	RtlInitUnicodeString(&s, name);
	status = LdrLoadDll((PWSTR)search, &chars, &s, &h);
	if (status < 0) {
		k32_fail(status);
		return NULL;
	}
	if ((flags & DATA_FLAGS) && !find_module(h, TRUE)) {
		if (flags & LOAD_LIBRARY_AS_DATAFILE_EXCLUSIVE)
			k32_datafile_lock(h);
		h = (BYTE *)h + ((flags & LOAD_LIBRARY_AS_IMAGE_RESOURCE) ? 2 : 1);
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

/* A data-file handle (low bits set) is the view LoadLibraryEx mapped:
 * an address inside one is no such handle (ERROR_BAD_EXE_FORMAT). */
K32API BOOL WINAPI FreeLibrary(HMODULE mod)
{
	BYTE *view = (BYTE *)mod - ((ULONG_PTR)mod & 3);
	MEMORY_BASIC_INFORMATION mbi;
	NTSTATUS status;

	if ((ULONG_PTR)mod & 3) {
		if (!VirtualQuery(view, &mbi, sizeof(mbi)) || mbi.AllocationBase != view)
			return k32_fail(STATUS_INVALID_IMAGE_FORMAT);
		status = NtUnmapViewOfSection(GetCurrentProcess(), view);
		if (status >= 0)
			k32_datafile_unlock(view);
		return status < 0 ? k32_fail(status) : TRUE;
	}
	status = LdrUnloadDll(mod);

	return status < 0 ? k32_fail(status) : TRUE;
}

/* For a thread running in the DLL it frees: neither call returns there. */
K32API DECLSPEC_NORETURN void WINAPI FreeLibraryAndExitThread(HMODULE mod, DWORD code)
{
	FreeLibrary(mod);
	ExitThread(code);
}

