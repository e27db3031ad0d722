/*
 * The process status API (psapi.dll forwards here, as on Windows): a
 * process's modules, read as Windows' psapi reads them, from its PEB's
 * loader list through NtReadVirtualMemory, for this process and any other
 * alike.  So the handle needs PROCESS_QUERY_INFORMATION (the PEB's
 * address) and PROCESS_VM_READ (the list), or the call fails with
 * ERROR_ACCESS_DENIED.  K32GetModuleInformation is here too; the process
 * list comes from NtQuerySystemInformation.
 */
#include "k32_private.h"
#include <psapi.h>

#define PEB_LDR 0x18          /* PEB.Ldr */
#define PEB_IMAGE_BASE 0x10   /* PEB.ImageBaseAddress */
#define LDR_LOAD_ORDER 0x10   /* PEB_LDR_DATA.InLoadOrderModuleList */
#define MODULES_MAX 4096      /* a list longer than this is not followed */
#define SystemProcessInfo 5

typedef struct ldr_entry ldr_entry;

/* Calls found(entry, ctx) for each module in load order until it returns
 * TRUE; the entry's strings point into the other process.  FALSE with
 * the error set when the list cannot be read. */
static BOOL walk_modules(HANDLE process, BOOL (*found)(const ldr_entry *, void *), void *ctx)
{
	PROCESS_BASIC_INFORMATION info;
	BYTE *ldr, *head, *link;
	ldr_entry e;
	NTSTATUS st;

	st = NtQueryInformationProcess(process, ProcessBasicInformation, &info, sizeof(info), NULL);
	if (st >= 0)
		st = NtReadVirtualMemory(process, (BYTE *)info.PebBaseAddress + PEB_LDR, &ldr,
					 sizeof(ldr), NULL);
	if (st >= 0 && !ldr)
		st = STATUS_PARTIAL_COPY; /* its loader has not run yet */
	head = st >= 0 ? ldr + LDR_LOAD_ORDER : NULL;
	if (st >= 0)
		st = NtReadVirtualMemory(process, head, &link, sizeof(link), NULL);
	for (int n = 0; st >= 0 && link != head && n < MODULES_MAX; n++) {
		st = NtReadVirtualMemory(process, link, &e, offsetof(ldr_entry, Flags), NULL);
		if (st >= 0 && found(&e, ctx))
			return TRUE;
		link = (BYTE *)e.InLoadOrderLinks.Flink;
	}
	return st < 0 ? k32_fail(st) : TRUE;
}

struct module_list {
	HMODULE *mods;
	DWORD room, n;
};

static BOOL add_module(const ldr_entry *e, void *ctx)
{
	struct module_list *l = ctx;

	if (l->n < l->room)
		l->mods[l->n] = (HMODULE)e->DllBase;
	l->n++;
	return FALSE;
}

/* The modules in load order: the program first, then ntdll and the DLLs.
 * As many as fit are stored; needed says how many bytes all take. */
K32API BOOL WINAPI K32EnumProcessModulesEx(HANDLE process, HMODULE *mods, DWORD cb, LPDWORD needed,
					   DWORD filter)
{
	struct module_list l = { mods, mods ? cb / sizeof(HMODULE) : 0, 0 };

	if (cb && !mods)
		return k32_error(ERROR_NOACCESS);
	if (!walk_modules(process, add_module, &l))
		return FALSE;
	if (!needed)
		return k32_error(ERROR_NOACCESS);
	*needed = l.n * sizeof(HMODULE);
	return TRUE;
}

K32API BOOL WINAPI K32EnumProcessModules(HANDLE process, HMODULE *mods, DWORD cb, LPDWORD needed)
{
	return K32EnumProcessModulesEx(process, mods, cb, needed, LIST_MODULES_DEFAULT);
}

struct module_find {
	PVOID base;
	ldr_entry e;
};

static BOOL match_module(const ldr_entry *e, void *ctx)
{
	struct module_find *f = ctx;

	if (e->DllBase != f->base)
		return FALSE;
	f->e = *e;
	return TRUE;
}

/* The loader entry of mod (NULL: the process's image) in process. */
static BOOL find_module(HANDLE process, HMODULE mod, ldr_entry *out)
{
	struct module_find f = { mod, { { 0 } } };
	PROCESS_BASIC_INFORMATION info;
	NTSTATUS st;

	if (!mod) {
		st = NtQueryInformationProcess(process, ProcessBasicInformation, &info, sizeof(info),
					       NULL);
		if (st >= 0)
			st = NtReadVirtualMemory(process, (BYTE *)info.PebBaseAddress + PEB_IMAGE_BASE,
						 &f.base, sizeof(f.base), NULL);
		if (st < 0)
			return k32_fail(st);
	}
	if (!walk_modules(process, match_module, &f))
		return FALSE;
	if (!f.e.DllBase)
		return k32_error(ERROR_INVALID_HANDLE);
	*out = f.e;
	return TRUE;
}

/* One of the module's names (full or base) cut to size characters with
 * its NUL: the count copied, without the NUL. */
static DWORD module_name(HANDLE process, HMODULE mod, BOOL full, WCHAR *out, DWORD size)
{
	ldr_entry e;
	UNICODE_STRING *s = full ? &e.FullDllName : &e.BaseDllName;
	DWORD n;
	NTSTATUS st;

	if (!find_module(process, mod, &e))
		return 0;
	if (!size)
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	n = s->Length / sizeof(WCHAR) < size - 1 ? s->Length / sizeof(WCHAR) : size - 1;
	st = NtReadVirtualMemory(process, s->Buffer, out, n * sizeof(WCHAR), NULL);
	if (st < 0)
		return k32_fail(st);
	out[n] = 0;
	return n;
}

K32API DWORD WINAPI K32GetModuleFileNameExW(HANDLE process, HMODULE mod, LPWSTR name, DWORD size)
{
	return module_name(process, mod, TRUE, name, size);
}

K32API DWORD WINAPI K32GetModuleBaseNameW(HANDLE process, HMODULE mod, LPWSTR name, DWORD size)
{
	return module_name(process, mod, FALSE, name, size);
}

static DWORD module_name_a(HANDLE process, HMODULE mod, BOOL full, LPSTR name, DWORD size)
{
	WCHAR *w = RtlAllocateHeap(k32_heap(), 0, ((SIZE_T)size + 1) * sizeof(WCHAR));
	DWORD n;

	if (!w)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	if ((n = module_name(process, mod, full, w, size)))
		k32_w_to_a(w, n + 1, name);
	RtlFreeHeap(k32_heap(), 0, w);
	return n;
}

K32API DWORD WINAPI K32GetModuleFileNameExA(HANDLE process, HMODULE mod, LPSTR name, DWORD size)
{
	return module_name_a(process, mod, TRUE, name, size);
}

K32API DWORD WINAPI K32GetModuleBaseNameA(HANDLE process, HMODULE mod, LPSTR name, DWORD size)
{
	return module_name_a(process, mod, FALSE, name, size);
}

K32API BOOL WINAPI K32GetModuleInformation(HANDLE process, HMODULE mod, LPMODULEINFO info,
					   DWORD size)
{
	ldr_entry e;

	if (!find_module(process, mod, &e))
		return FALSE;
	if (size < sizeof(*info))
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	info->lpBaseOfDll = e.DllBase;
	info->SizeOfImage = e.SizeOfImage;
	info->EntryPoint = e.EntryPoint;
	return TRUE;
}

/* The ids of the processes the sandbox holds (SystemProcessInformation). */
K32API BOOL WINAPI K32EnumProcesses(DWORD *pids, DWORD cb, DWORD *needed)
{
	ULONG size = 0x10000, n = 0;
	BYTE *buf = NULL, *p;
	NTSTATUS st = STATUS_INFO_LENGTH_MISMATCH;

	if (!needed || (cb && !pids))
		return k32_error(ERROR_NOACCESS);
	while (st == STATUS_INFO_LENGTH_MISMATCH) {
		RtlFreeHeap(k32_heap(), 0, buf);
		if (!(buf = RtlAllocateHeap(k32_heap(), 0, size)))
			return k32_error(ERROR_NOT_ENOUGH_MEMORY);
		st = NtQuerySystemInformation(SystemProcessInfo, buf, size, &size);
	}
	for (p = buf; st >= 0; p += *(ULONG *)p) {
		if ((n + 1) * sizeof(DWORD) <= cb)
			pids[n] = (DWORD)(ULONG_PTR)((SYSTEM_PROCESS_INFORMATION *)p)->UniqueProcessId;
		n += (n + 1) * sizeof(DWORD) <= cb;
		if (!*(ULONG *)p)
			break;
	}
	RtlFreeHeap(k32_heap(), 0, buf);
	if (st < 0)
		return k32_fail(st);
	*needed = n * sizeof(DWORD);
	return TRUE;
}
