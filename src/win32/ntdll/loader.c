/*
 * Process start inside ntdll.  The supervisor maps ntdll and the program
 * and the first thread to run enters here; from then on everything is as
 * on Windows:
 * the process heap, imports (NtOpenFile/NtCreateSection/NtMapViewOfSection),
 * static TLS and its callbacks, DllMain in dependency order, the entry point,
 * and RtlExitUserProcess with the entry point's return value.
 */
#include "loader.h"
#include "actctx/actctx_private.h"

NTSTATUS NTAPI NtContinue(PCONTEXT, BOOLEAN);
__attribute__((noreturn)) void NTAPI RtlExitUserThread(NTSTATUS status);

static unsigned init_order[LDR_MAX_MODULES], ninit;
BOOL ldr_shutting_down;
BOOL ldr_pin_new;
RTL_CRITICAL_SECTION ldr_lock;

/* InInitializationOrderModuleList's modules, first to last or back. */
#define INIT_LIST (&ldr_data.InInitializationOrderModuleList)
#define INIT_MODULE(le) \
	((struct ldr_module *)CONTAINING_RECORD(le, struct ldr_entry, InInitializationOrderLinks))

void ldr_report(const char *a, const char *b, const char *c)
{
	LSW_PEB *peb = (LSW_PEB *)NtCurrentTeb()->ProcessEnvironmentBlock;
	IO_STATUS_BLOCK iosb;
	char msg[256];

	strcpy(msg, "lsw: ");
	strncat(msg, a, 80);
	strncat(msg, b, 60);
	strncat(msg, c, 80);
	strcat(msg, "\n");
	NtWriteFile(peb->ProcessParameters->StandardError, NULL, NULL, NULL, &iosb, msg,
		    (ULONG)strlen(msg), NULL, NULL);
}

static void run_tls_callbacks(struct ldr_module *m, DWORD reason)
{
	IMAGE_DATA_DIRECTORY *d = ldr_dir(m->base, IMAGE_DIRECTORY_ENTRY_TLS);
	IMAGE_TLS_DIRECTORY64 *tls;
	PIMAGE_TLS_CALLBACK *cb;

	if (!d || !d->VirtualAddress)
		return;
	tls = (IMAGE_TLS_DIRECTORY64 *)(m->base + d->VirtualAddress);
	for (cb = (PIMAGE_TLS_CALLBACK *)tls->AddressOfCallBacks; cb && *cb; cb++)
		(*cb)(m->base, reason, (void *)1);
}

/* DllMain is what the module's LDR_DATA_TABLE_ENTRY.EntryPoint says (a
 * program may change it, e.g. from a DLL notification); TRUE without one. */
static BOOL call_main(struct ldr_module *m, DWORD reason, void *reserved)
{
	dll_main_fn main = (dll_main_fn)m->entry.EntryPoint;

	return !m->is_dll || !main || main((HINSTANCE)m->base, reason, reserved);
}

void ldr_detach_module(struct ldr_module *m, void *reserved)
{
	call_main(m, DLL_PROCESS_DETACH, reserved);
	run_tls_callbacks(m, DLL_PROCESS_DETACH);
}

/* Post-order over imports: a DLL initializes after everything it imports. */
static void order_module(struct ldr_module *m, BOOL *seen)
{
	IMAGE_DATA_DIRECTORY *d = ldr_dir(m->base, IMAGE_DIRECTORY_ENTRY_IMPORT);
	unsigned idx = (unsigned)(m - ldr_modules);

	if (seen[idx] || !m->base)
		return;
	seen[idx] = TRUE;
	if (d && d->VirtualAddress) {
		IMAGE_IMPORT_DESCRIPTOR *id = (IMAGE_IMPORT_DESCRIPTOR *)(m->base + d->VirtualAddress);
		for (; id->Name; id++) {
			struct ldr_module *dep = ldr_find_loaded((char *)m->base + id->Name);
			if (dep)
				order_module(dep, seen);
		}
	}
	init_order[ninit++] = idx;
}

/* The TLS callbacks and DllMain for DLL_PROCESS_ATTACH, each inside an
 * exception handler: an exception ends the attach with its code. */
static NTSTATUS guarded_attach(struct ldr_module *m, void *reserved)
{
	IMAGE_DATA_DIRECTORY *d = ldr_dir(m->base, IMAGE_DIRECTORY_ENTRY_TLS);
	dll_main_fn main = (dll_main_fn)m->entry.EntryPoint;
	NTSTATUS fault = STATUS_SUCCESS;
	PIMAGE_TLS_CALLBACK *cb = NULL;

	if (d && d->VirtualAddress)
		cb = (PIMAGE_TLS_CALLBACK *)((IMAGE_TLS_DIRECTORY64 *)(m->base + d->VirtualAddress))
			     ->AddressOfCallBacks;
	for (; cb && *cb && !fault; cb++)
		ldr_guarded_call(*cb, m->base, DLL_PROCESS_ATTACH, (void *)1, &fault);
	if (fault)
		return fault;
	if (!m->is_dll || !main ||
	    ldr_guarded_call(main, m->base, DLL_PROCESS_ATTACH, reserved, &fault))
		return STATUS_SUCCESS;
	return fault ? fault : STATUS_DLL_INIT_FAILED;
}

/* DLL_PROCESS_ATTACH (reserved: non-NULL for the program's own imports,
 * NULL for LoadLibrary's).  A DLL that fails it at LoadLibrary gets
 * DLL_PROCESS_DETACH at once and is unloaded (DllMain's documentation;
 * not after an exception: Windows does not call it again then); at
 * process start the process fails. */
static NTSTATUS attach_module(struct ldr_module *m)
{
	void *reserved = ldr_pin_new ? (void *)1 : NULL;
	NTSTATUS st = guarded_attach(m, reserved);

	if (NT_SUCCESS(st))
		return st;
	if (ldr_pin_new)
		ldr_report("DllMain of ", m->name, " failed");
	else if (st == STATUS_DLL_INIT_FAILED)
		call_main(m, DLL_PROCESS_DETACH, NULL);
	return st;
}

static NTSTATUS init_modules(void)
{
	static BOOL seen[LDR_MAX_MODULES];

	ninit = 0;
	memset(seen, 0, sizeof(seen));
	for (unsigned i = 0; i < ldr_nmodules; i++)
		order_module(&ldr_modules[i], seen);
	for (unsigned i = 0; i < ninit; i++) {
		struct ldr_module *m = &ldr_modules[init_order[i]];
		NTSTATUS st;

		/* A DllMain that loads a library comes back here: it is skipped,
		 * as Windows marks a module before calling its DllMain. */
		if (m->initialized || m->attaching || !m->is_dll || m->no_init)
			continue;
		m->attaching = TRUE;
		st = ldr_pin_new ? STATUS_SUCCESS : ldr_tls_attach_dynamic(m);
		if (NT_SUCCESS(st))
			st = attach_module(m);
		m->attaching = FALSE;
		if (!NT_SUCCESS(st))
			return st;
		m->initialized = TRUE;
		ldr_link_initialized(m);
	}
	return STATUS_SUCCESS;
}

__attribute__((noreturn)) static void fail(NTSTATUS st)
{
	for (;;)
		NtTerminateProcess((HANDLE)-1, st);
}

/* Whether the process is ending (RtlExitUserProcess runs the
 * DLL_PROCESS_DETACH notifications). */
__declspec(dllexport) BOOLEAN NTAPI RtlDllShutdownInProgress(void)
{
	return ldr_shutting_down;
}

/* The DLL_PROCESS_DETACH notifications of a process that ends, once:
 * RtlExitUserProcess runs it, and so may a program (from then on
 * RtlDllShutdownInProgress is TRUE: kernel32's loader tests). */
__declspec(dllexport) NTSTATUS NTAPI LdrShutdownProcess(void)
{
	if (ldr_shutting_down)
		return STATUS_SUCCESS;
	/* kept to the end when free; not waited for: its holder may never
	 * let it go */
	RtlTryEnterCriticalSection(&ldr_lock);
	ldr_shutting_down = TRUE;
	ldr_data.ShutdownInProgress = TRUE;
	for (LIST_ENTRY *le = INIT_LIST->Blink; le != INIT_LIST; le = le->Blink) {
		struct ldr_module *m = INIT_MODULE(le);

		ldr_detach_module(m, (void *)1);
	}
	return STATUS_SUCCESS;
}

__declspec(dllexport) void NTAPI RtlExitUserProcess(NTSTATUS status)
{
	LdrShutdownProcess();
	NtTerminateProcess(NULL, status);
	for (;;)
		NtTerminateProcess((HANDLE)-1, status);
}

static void name_from_path(const UNICODE_STRING *path, char *out, size_t len)
{
	size_t n = path->Length / 2, start = n, o = 0;

	while (start && path->Buffer[start - 1] != '\\')
		start--;
	for (size_t i = start; i < n && o + 1 < len; i++)
		out[o++] = (char)path->Buffer[i];
	out[o] = 0;
}

/*
 * A new thread's share of the loader: its own copy of every module's
 * static TLS (from the module's template), then DLL_THREAD_ATTACH for the
 * initialized DLLs in initialization order.
 */
NTSTATUS ldr_thread_attach(void)
{
	HANDLE heap = ((LSW_PEB *)NtCurrentTeb()->ProcessEnvironmentBlock)->ProcessHeap;
	void **slots = RtlAllocateHeap(heap, HEAP_ZERO_MEMORY, LDR_MAX_TLS * sizeof(void *));
	NTSTATUS st = STATUS_SUCCESS;

	if (!slots)
		return STATUS_NO_MEMORY;
	((LSW_TEB *)NtCurrentTeb())->ThreadLocalStoragePointer = slots;
	RtlEnterCriticalSection(&ldr_lock);
	ldr_tls_register(slots);
	for (unsigned i = 0; i < ldr_nmodules && NT_SUCCESS(st); i++) {
		struct ldr_module *m = &ldr_modules[i];
		IMAGE_TLS_DIRECTORY64 *tls;

		if (!m->base || m->tls_index >= LDR_MAX_TLS || !(tls = ldr_tls_dir(m)))
			continue;
		if (!(slots[m->tls_index] = ldr_tls_block(tls)))
			st = STATUS_NO_MEMORY;
	}
	for (LIST_ENTRY *le = INIT_LIST->Flink; le != INIT_LIST && NT_SUCCESS(st); le = le->Flink) {
		struct ldr_module *m = INIT_MODULE(le);

		run_tls_callbacks(m, DLL_THREAD_ATTACH);
		if (!(m->entry.Flags & LDR_FLAG_DONT_CALL_FOR_THREADS))
			call_main(m, DLL_THREAD_ATTACH, NULL);
	}
	RtlLeaveCriticalSection(&ldr_lock);
	return st;
}

/* A thread ending: DLL_THREAD_DETACH in reverse order, its TLS freed. */
void ldr_thread_detach(void)
{
	HANDLE heap = ((LSW_PEB *)NtCurrentTeb()->ProcessEnvironmentBlock)->ProcessHeap;
	void **slots = ((LSW_TEB *)NtCurrentTeb())->ThreadLocalStoragePointer;

	RtlEnterCriticalSection(&ldr_lock);
	for (LIST_ENTRY *le = INIT_LIST->Blink; le != INIT_LIST; le = le->Blink) {
		struct ldr_module *m = INIT_MODULE(le);

		if (!(m->entry.Flags & LDR_FLAG_DONT_CALL_FOR_THREADS))
			call_main(m, DLL_THREAD_DETACH, NULL);
		run_tls_callbacks(m, DLL_THREAD_DETACH);
	}
	ldr_tls_unregister(slots);
	RtlLeaveCriticalSection(&ldr_lock);
	for (unsigned i = 0; slots && i < LDR_MAX_TLS; i++)
		if (slots[i])
			RtlFreeHeap(heap, 0, slots[i]);
	if (slots)
		RtlFreeHeap(heap, 0, slots);
	((LSW_TEB *)NtCurrentTeb())->ThreadLocalStoragePointer = NULL;
}

/* On Windows kernel32 imports kernelbase, so a process that has one has
 * both: GraalVM's native images find VirtualAlloc2 and MapViewOfFile3 with
 * GetModuleHandle("kernelbase.dll") and exit with its error when that
 * fails.  Ours imports nothing from it, so it is loaded here. */
static NTSTATUS load_kernelbase(void)
{
	struct ldr_module *k32 = ldr_find_loaded("kernel32.dll");
	NTSTATUS st = STATUS_SUCCESS;

	if (k32 && !ldr_load("kernelbase.dll", k32, &st))
		return st;
	return STATUS_SUCCESS;
}

/* The debugger's initial breakpoint, raised as Windows 10 raises it: in
 * the loader, not at DbgBreakPoint (dbg_break.c: it survives a debugger
 * handing it back unhandled). */
void ldr_initial_break(void);
__asm__(".text\n"
	"ldr_initial_break:\n"
	"\tint3\n"
	"\tret\n");

/* The process's share: its heap, the module list, the program's imports,
 * static TLS for the calling thread, DllMain in dependency order, then the
 * program's TLS callbacks. */
static void process_init(LSW_PEB *peb, BYTE *ntdll_base)
{
	static void *tls_slots[LDR_MAX_TLS];
	LSW_TEB *teb = (LSW_TEB *)NtCurrentTeb();
	struct ldr_module *exe, *ntdll;
	char exe_name[64];
	NTSTATUS st;

	peb->NtGlobalFlag = ldr_read_global_flag(&peb->ProcessParameters->ImagePathName);
	peb->ProcessHeap = RtlCreateHeap(HEAP_GROWABLE, NULL, 0, 0, NULL, NULL);
	if (!peb->ProcessHeap)
		fail(STATUS_NO_MEMORY);
	rtl_params_to_heap();
	RtlInitializeCriticalSection(&ldr_lock);
	peb->LoaderLock = &ldr_lock;
	fls_thread_init(); /* the first thread has its FLS slots from the start too */
	ldr_pin_new = TRUE;
	teb->ThreadLocalStoragePointer = tls_slots;
	peb->Ldr = &ldr_data;
	/* load order as Windows has it: the program, then ntdll */
	name_from_path(&peb->ProcessParameters->ImagePathName, exe_name, sizeof(exe_name));
	exe = ldr_add_module(peb->ImageBaseAddress, exe_name,
			     peb->ProcessParameters->ImagePathName.Buffer);
	exe->refs = LDR_PINNED;
	ldr_show_count(exe);
	actctx_init_process_default();
	ntdll = ldr_add_module(ntdll_base, "ntdll.dll", L"C:\\Windows\\System32\\ntdll.dll");
	ntdll->initialized = TRUE;
	ntdll->imports_done = TRUE;
	ldr_link_initialized(ntdll); /* ntdll is first in initialization order */
	st = ldr_resolve_imports(exe);
	if (NT_SUCCESS(st))
		st = load_kernelbase();
	if (!NT_SUCCESS(st))
		fail(st);
	ldr_tls_register(tls_slots);
	for (unsigned i = 0; i < ldr_nmodules && NT_SUCCESS(st); i++)
		if (ldr_modules[i].base)
			st = ldr_tls_attach_dynamic(&ldr_modules[i]);
	if (NT_SUCCESS(st) && peb->BeingDebugged)
		dbg_guarded_break(ldr_initial_break);
	if (NT_SUCCESS(st))
		st = init_modules();
	if (!NT_SUCCESS(st))
		fail(st);
	ldr_pin_new = FALSE;
	exe->node.State = LDR_NODE_READY_TO_RUN;
	run_tls_callbacks(exe, DLL_PROCESS_ATTACH);
}

/* 0: nobody ran yet, 1: a thread initializes the process, 2: done */
static volatile LONG process_state;

/*
 * Where every thread enters user mode (thread_start.c in the supervisor),
 * with its initial context (ntdll!RtlUserThreadStart and its routine) on
 * its stack.  The first thread to run initializes the process (usually
 * the first thread; a parent may resume another first); the others wait
 * for that, then get their TLS and DLL_THREAD_ATTACH.  Then the context,
 * which its creator or debugger may have changed, goes on.
 */
__declspec(dllexport) void WINAPI LdrInitializeThunk(CONTEXT *context, BYTE *ntdll_base)
{
	LSW_PEB *peb = (LSW_PEB *)NtCurrentTeb()->ProcessEnvironmentBlock;
	LARGE_INTEGER pause = { .QuadPart = -10000 }; /* 1 ms */
	NTSTATUS st = STATUS_SUCCESS;

	if (!InterlockedCompareExchange(&process_state, 1, 0)) {
		process_init(peb, ntdll_base);
		InterlockedExchange(&process_state, 2);
	} else {
		while (process_state != 2)
			NtDelayExecution(FALSE, &pause);
		fls_thread_init();
		st = ldr_thread_attach();
	}
	if (NT_SUCCESS(st))
		st = NtContinue(context, FALSE);
	RtlExitUserThread(st);
}

/* --- the Ldr* API used by kernel32 --- */

static void ansi_from_unicode(const UNICODE_STRING *us, char *out, size_t len)
{
	size_t n = us->Length / 2, o = 0, start = n;

	while (start && us->Buffer[start - 1] != '\\' && us->Buffer[start - 1] != '/')
		start--;
	for (size_t i = start; i < n && o + 1 < len; i++)
		out[o++] = (char)us->Buffer[i];
	out[o] = 0;
}

/* search_path: the directories to look in ("dir;dir"), instead of the
 * standard order; with its low bit set it carries LoadLibraryEx's
 * LOAD_LIBRARY_SEARCH_* flags instead (as kernelbase passes them).  *flags: IMAGE_FILE_EXECUTABLE_IMAGE (do not
 * resolve) and lsw/ldr_flags.h's LSW_LDR_MAP_AS_DATA. */
__declspec(dllexport) NTSTATUS WINAPI LdrLoadDll(PWSTR search_path, PULONG flags,
						 PUNICODE_STRING name, PVOID *handle)
{
	ULONG search = (ULONG_PTR)search_path & 1 ? (ULONG)((ULONG_PTR)search_path & ~1) : 0;
	const WCHAR *list = (ULONG_PTR)search_path & 1 ? NULL : search_path;
	NTSTATUS st = STATUS_SUCCESS;
	struct ldr_module *m;
	PVOID data;

	if (!handle)
		return STATUS_INVALID_PARAMETER;
	RtlEnterCriticalSection(&ldr_lock);
	m = ldr_load_request(name, list, search, flags ? *flags : 0, &data, &st);
	if (m) {
		ldr_addref(m);
		st = init_modules();
		if (!NT_SUCCESS(st))
			ldr_release(m);
	}
	RtlLeaveCriticalSection(&ldr_lock);
	if (data) {
		*handle = data;
		return STATUS_SUCCESS;
	}
	if (!m || !NT_SUCCESS(st))
		return st;
	*handle = m->base;
	return STATUS_SUCCESS;
}

__declspec(dllexport) NTSTATUS WINAPI LdrGetDllHandle(PWSTR search_path, PULONG flags,
						      PUNICODE_STRING name, PVOID *handle)
{
	char n[64];
	struct ldr_module *m;

	ansi_from_unicode(name, n, sizeof(n));
	RtlEnterCriticalSection(&ldr_lock); /* another thread may be loading */
	m = ldr_find_loaded(n);
	if (!m) /* the same file by another name: its short name, a hard link */
		m = ldr_find_by_path(name);
	if (m)
		*handle = m->base;
	RtlLeaveCriticalSection(&ldr_lock);
	return m ? STATUS_SUCCESS : STATUS_DLL_NOT_FOUND;
}

__declspec(dllexport) NTSTATUS WINAPI LdrGetProcedureAddress(PVOID module, PANSI_STRING name,
							     ULONG ordinal, PVOID *address)
{
	struct ldr_module *m;
	char n[256];
	NTSTATUS st;

	if (name && name->Length >= sizeof(n))
		return STATUS_ENTRYPOINT_NOT_FOUND;
	if (name) {
		memcpy(n, name->Buffer, name->Length);
		n[name->Length] = 0;
	}
	RtlEnterCriticalSection(&ldr_lock); /* another thread may be loading */
	m = ldr_find_by_base(module);
	st = !m ? STATUS_DLL_NOT_FOUND : ldr_get_export(m, name ? n : NULL, name ? 0 : (WORD)ordinal,
							address);
	RtlLeaveCriticalSection(&ldr_lock);
	return st;
}

/* Full DOS path of a loaded module, for GetModuleFileName. */
__declspec(dllexport) const WCHAR *WINAPI LswLdrModulePath(PVOID module)
{
	LSW_PEB *peb = (LSW_PEB *)NtCurrentTeb()->ProcessEnvironmentBlock;
	struct ldr_module *m = ldr_find_by_base(module ? module : peb->ImageBaseAddress);

	return m ? m->path : NULL;
}

/* The base of the module holding pc (for unwinders), NULL outside any. */
__declspec(dllexport) PVOID NTAPI RtlPcToFileHeader(PVOID pc, PVOID *base)
{
	*base = NULL;
	for (unsigned i = 0; i < ldr_nmodules; i++) {
		struct ldr_module *m = &ldr_modules[i];

		if ((BYTE *)pc >= m->base && (BYTE *)pc < m->base + m->size) {
			*base = m->base;
			break;
		}
	}
	return *base;
}

/* flags: LDR_GET_DLL_HANDLE_EX_UNCHANGED_REFCOUNT (1) leaves the count,
 * _PIN (2) pins the module, neither adds a reference (as does 4, which
 * Windows accepts too); 1 and 2 together are refused. */
__declspec(dllexport) NTSTATUS WINAPI LdrGetDllHandleEx(ULONG flags, PWSTR search_path,
							PULONG characteristics,
							PUNICODE_STRING name, PVOID *handle)
{
	NTSTATUS st;

	if ((flags & ~7u) || (flags & 3u) == 3u || !handle)
		return STATUS_INVALID_PARAMETER;
	RtlEnterCriticalSection(&ldr_lock);
	st = LdrGetDllHandle(search_path, characteristics, name, handle);
	if (NT_SUCCESS(st) && !(flags & 1u))
		st = LdrAddRefDll(flags & 2u ? LDR_ADDREF_DLL_PIN : 0, *handle);
	RtlLeaveCriticalSection(&ldr_lock);
	return st;
}

/* The module's full DOS path (NULL: the program's). */
__declspec(dllexport) NTSTATUS WINAPI LdrGetDllFullName(PVOID module, PUNICODE_STRING out)
{
	const WCHAR *path = LswLdrModulePath(module);
	USHORT bytes;

	if (!path)
		return STATUS_DLL_NOT_FOUND;
	bytes = (USHORT)(wcslen(path) * sizeof(WCHAR));
	out->Length = bytes;
	if (out->MaximumLength < bytes + sizeof(WCHAR)) {
		/* as Windows: what fits, to the byte, and that as Length */
		memcpy(out->Buffer, path, out->MaximumLength < bytes ? out->MaximumLength : bytes);
		out->Length = out->MaximumLength < bytes ? out->MaximumLength : bytes;
		return STATUS_BUFFER_TOO_SMALL;
	}
	memcpy(out->Buffer, path, bytes + sizeof(WCHAR));
	return STATUS_SUCCESS;
}

/* The NT headers of a mapped image, NULL unless it has MZ and PE magics. */
__declspec(dllexport) PIMAGE_NT_HEADERS NTAPI RtlImageNtHeader(PVOID base)
{
	IMAGE_DOS_HEADER *dos = base;
	IMAGE_NT_HEADERS *nt;

	if (!base || dos->e_magic != IMAGE_DOS_SIGNATURE || dos->e_lfanew <= 0 ||
	    dos->e_lfanew > 0x10000000)
		return NULL;
	nt = (IMAGE_NT_HEADERS *)((BYTE *)base + dos->e_lfanew);
	return nt->Signature == IMAGE_NT_SIGNATURE ? nt : NULL;
}

/* The loader's entry for the module holding addr. */
typedef void(NTAPI *ldr_enum_fn)(struct ldr_entry *module, void *context, BOOLEAN *stop);

/* Each loaded module in load order, under the loader lock, until the
 * callback sets *stop; the first argument is reserved (must be NULL). */
__declspec(dllexport) NTSTATUS NTAPI LdrEnumerateLoadedModules(void *reserved, ldr_enum_fn fn,
							       void *context)
{
	LIST_ENTRY *head = &ldr_data.InLoadOrderModuleList;
	BOOLEAN stop = FALSE;

	if (reserved || !fn)
		return STATUS_INVALID_PARAMETER;
	RtlEnterCriticalSection(&ldr_lock);
	for (LIST_ENTRY *l = head->Flink; l != head && !stop; l = l->Flink)
		fn(CONTAINING_RECORD(l, struct ldr_entry, InLoadOrderLinks), context, &stop);
	RtlLeaveCriticalSection(&ldr_lock);
	return STATUS_SUCCESS;
}

__declspec(dllexport) NTSTATUS NTAPI LdrFindEntryForAddress(PVOID addr, struct ldr_entry **entry)
{
	PVOID base;

	if (!RtlPcToFileHeader(addr, &base))
		return STATUS_NO_MORE_ENTRIES;
	*entry = &ldr_find_by_base(base)->entry;
	return STATUS_SUCCESS;
}
