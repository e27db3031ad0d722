/*
 * Reference counts and unloading.  Each LoadLibrary, LdrAddRefDll and
 * GetModuleHandleEx without UNCHANGED_REFCOUNT counts one load; each
 * importer holds each DLL it imports once.  When FreeLibrary drops a
 * count to zero, the module and every dependency only it held get
 * DLL_PROCESS_DETACH (reserved NULL) in reverse initialization order,
 * leave PEB->Ldr's lists and are unmapped.  Modules the program started
 * with, pinned ones and forwarder targets held by them stay.
 */
#include "loader.h"

static HANDLE process_heap(void)
{
	return ((LSW_PEB *)NtCurrentTeb()->ProcessEnvironmentBlock)->ProcessHeap;
}

/* LDR_DATA_TABLE_ENTRY.ObsoleteLoadCount mirrors the count (0xFFFF:
 * static or pinned), as older programs read it. */
static void show_count(struct ldr_module *m)
{
	m->entry.ObsoleteLoadCount = m->refs >= 0xFFFF ? 0xFFFF : (USHORT)m->refs;
}

void ldr_addref(struct ldr_module *m)
{
	if (m->refs != LDR_PINNED)
		m->refs++;
	show_count(m);
}

static BOOL is_listed(const struct ldr_module *m)
{
	return m >= ldr_modules && m < ldr_modules + LDR_MAX_MODULES;
}

NTSTATUS ldr_add_dep(struct ldr_module *m, struct ldr_module *dep)
{
	struct ldr_module **deps;

	if (!is_listed(m) || m == dep)
		return STATUS_SUCCESS; /* an image only mapped holds nothing */
	for (ULONG i = 0; i < m->ndeps; i++)
		if (m->deps[i] == dep)
			return STATUS_SUCCESS;
	deps = m->deps ? RtlReAllocateHeap(process_heap(), 0, m->deps, (m->ndeps + 1) * sizeof(*deps))
		       : RtlAllocateHeap(process_heap(), 0, sizeof(*deps));
	if (!deps)
		return STATUS_NO_MEMORY;
	m->deps = deps;
	m->deps[m->ndeps++] = dep;
	ldr_addref(dep);
	return STATUS_SUCCESS;
}

/* m goes, and with it what only m held. */
static void pick(struct ldr_module *m)
{
	m->unloading = TRUE;
	for (ULONG i = 0; i < m->ndeps; i++) {
		struct ldr_module *dep = m->deps[i];

		if (dep->refs == LDR_PINNED || dep->unloading || !dep->refs)
			continue;
		dep->refs--;
		show_count(dep);
		if (!dep->refs)
			pick(dep);
	}
}

static void unlink_entry(LIST_ENTRY *e)
{
	e->Blink->Flink = e->Flink;
	e->Flink->Blink = e->Blink;
	e->Flink = e->Blink = e;
}

/* The picked modules leave the lists and the address space. */
static void unmap_picked(void)
{
	for (unsigned i = 0; i < ldr_nmodules; i++) {
		struct ldr_module *m = &ldr_modules[i];

		if (!m->base || !m->unloading)
			continue;
		ldr_notify(LDR_NOTIFY_UNLOADED, m);
		unlink_entry(&m->entry.InLoadOrderLinks);
		unlink_entry(&m->entry.InMemoryOrderLinks);
		unlink_entry(&m->entry.InInitializationOrderLinks);
		unlink_entry(&m->entry.HashLinks);
		if (m->deps)
			RtlFreeHeap(process_heap(), 0, m->deps);
		NtUnmapViewOfSection((HANDLE)-1, m->base);
		memset(m, 0, sizeof(*m));
	}
	while (ldr_nmodules && !ldr_modules[ldr_nmodules - 1].base)
		ldr_nmodules--;
}

/* DLL_PROCESS_DETACH for the picked modules that attached, last
 * initialized first, then their unmapping. */
static void unload_picked(void)
{
	LIST_ENTRY *head = &ldr_data.InInitializationOrderModuleList, *le, *prev;

	for (le = head->Blink; le != head; le = prev) {
		struct ldr_module *m = (struct ldr_module *)CONTAINING_RECORD(
			le, struct ldr_entry, InInitializationOrderLinks);

		prev = le->Blink;
		if (m->unloading && m->initialized) {
			m->initialized = FALSE;
			ldr_detach_module(m, NULL);
		}
	}
	unmap_picked();
}

void ldr_release(struct ldr_module *m)
{
	if (m->refs == LDR_PINNED || !m->refs || ldr_shutting_down)
		return;
	m->refs--;
	show_count(m);
	if (m->refs)
		return;
	pick(m);
	unload_picked();
}

void ldr_discard(struct ldr_module *m)
{
	if (m->refs || ldr_shutting_down)
		return;
	pick(m);
	unload_picked();
}

/* FreeLibrary's work.  Once the process exits nothing is unloaded. */
__declspec(dllexport) NTSTATUS WINAPI LdrUnloadDll(PVOID module)
{
	struct ldr_module *m;

	RtlEnterCriticalSection(&ldr_lock);
	m = module ? ldr_find_by_base(module) : NULL;
	if (m)
		ldr_release(m);
	RtlLeaveCriticalSection(&ldr_lock);
	return m ? STATUS_SUCCESS : STATUS_DLL_NOT_FOUND;
}

/* One more load of the module, or (LDR_ADDREF_DLL_PIN) none ever freed. */
__declspec(dllexport) NTSTATUS NTAPI LdrAddRefDll(ULONG flags, PVOID module)
{
	struct ldr_module *m;

	if (flags & ~LDR_ADDREF_DLL_PIN)
		return STATUS_INVALID_PARAMETER;
	RtlEnterCriticalSection(&ldr_lock);
	m = module ? ldr_find_by_base(module) : NULL;
	if (m && (flags & LDR_ADDREF_DLL_PIN))
		m->refs = LDR_PINNED;
	if (m)
		ldr_addref(m);
	RtlLeaveCriticalSection(&ldr_lock);
	return m ? STATUS_SUCCESS : STATUS_DLL_NOT_FOUND;
}
