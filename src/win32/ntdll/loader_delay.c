/*
 * LdrResolveDelayLoadedAPI (kernel32's ResolveDelayLoadedAPI): binds one
 * delay-load import on its first call, as the documentation describes.
 * The thunk names the import by its place in the descriptor's import
 * address table; the same place in the import name table says what to
 * look for.  The DLL is loaded once (its handle kept in the descriptor's
 * module handle slot), the address written to the thunk and returned.
 * What fails goes to the program's hooks: FailureDllHook (when given)
 * with a DELAYLOAD_INFO, else FailureSystemHook with the DLL and
 * procedure names; their answer is returned.
 */
#include "loader.h"

/* delayimp.h's reasons a failure hook is told */
#define DELAYLOAD_LOAD_FAILURE 3
#define DELAYLOAD_GPA_FAILURE 4

struct delayload_info { /* DELAYLOAD_INFO, x64 */
	ULONG size;
	const IMAGE_DELAYLOAD_DESCRIPTOR *descriptor;
	IMAGE_THUNK_DATA *thunk;
	const char *dll_name;
	ULONG by_name;          /* DELAYLOAD_PROC_DESCRIPTOR */
	const char *name_or_ordinal;
	void *target_base;
	void *unused;
	ULONG last_error;
};

typedef void *(WINAPI *delay_dll_hook)(ULONG reason, struct delayload_info *info);
typedef void *(WINAPI *delay_system_hook)(const char *dll, const char *proc);

ULONG NTAPI RtlNtStatusToDosError(NTSTATUS);

static void *failed(struct delayload_info *info, ULONG reason, NTSTATUS st,
		    delay_dll_hook dll_hook, delay_system_hook system_hook)
{
	void *p = NULL;

	info->last_error = RtlNtStatusToDosError(st);
	if (dll_hook)
		p = dll_hook(reason, info);
	if (!p && system_hook)
		p = system_hook(info->dll_name, info->name_or_ordinal);
	return p;
}

/* The DLL the descriptor names, loaded once into its handle slot. */
static NTSTATUS target_module(BYTE *base, const IMAGE_DELAYLOAD_DESCRIPTOR *d, const char *dll,
			      void **module)
{
	void **slot = d->ModuleHandleRVA ? (void **)(base + d->ModuleHandleRVA) : NULL;
	WCHAR wide[MAX_PATH];
	UNICODE_STRING us;
	size_t i;
	NTSTATUS st;

	if (slot && *slot) {
		*module = *slot;
		return STATUS_SUCCESS;
	}
	for (i = 0; dll[i] && i + 1 < MAX_PATH; i++)
		wide[i] = (WCHAR)(unsigned char)dll[i];
	wide[i] = 0;
	RtlInitUnicodeString(&us, wide);
	st = LdrLoadDll(NULL, NULL, &us, module);
	if (NT_SUCCESS(st) && slot)
		InterlockedCompareExchangePointer(slot, *module, NULL);
	return st;
}

__declspec(dllexport) void *NTAPI LdrResolveDelayLoadedAPI(void *parent,
							   const IMAGE_DELAYLOAD_DESCRIPTOR *d,
							   delay_dll_hook dll_hook,
							   delay_system_hook system_hook,
							   IMAGE_THUNK_DATA *thunk, ULONG flags)
{
	BYTE *base = parent;
	IMAGE_THUNK_DATA *iat = (IMAGE_THUNK_DATA *)(base + d->ImportAddressTableRVA);
	IMAGE_THUNK_DATA *names = (IMAGE_THUNK_DATA *)(base + d->ImportNameTableRVA);
	struct delayload_info info = { sizeof(info), d, thunk, (const char *)base + d->DllNameRVA };
	IMAGE_THUNK_DATA *entry = names + (thunk - iat);
	ANSI_STRING proc;
	void *module, *p;
	NTSTATUS st;

	(void)flags;
	if (IMAGE_SNAP_BY_ORDINAL(entry->u1.Ordinal)) {
		info.name_or_ordinal = (const char *)(ULONG_PTR)IMAGE_ORDINAL(entry->u1.Ordinal);
	} else {
		info.by_name = TRUE;
		info.name_or_ordinal = (const char *)((IMAGE_IMPORT_BY_NAME *)(base +
							entry->u1.AddressOfData))->Name;
	}
	st = target_module(base, d, info.dll_name, &module);
	if (!NT_SUCCESS(st))
		return failed(&info, DELAYLOAD_LOAD_FAILURE, st, dll_hook, system_hook);
	info.target_base = module;
	if (info.by_name) {
		RtlInitAnsiString(&proc, info.name_or_ordinal);
		st = LdrGetProcedureAddress(module, &proc, 0, &p);
	} else {
		st = LdrGetProcedureAddress(module, NULL, (ULONG)(ULONG_PTR)info.name_or_ordinal, &p);
	}
	if (!NT_SUCCESS(st))
		return failed(&info, DELAYLOAD_GPA_FAILURE, st, dll_hook, system_hook);
	thunk->u1.Function = (ULONG_PTR)p;
	return p;
}
