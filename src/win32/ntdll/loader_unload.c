/*
 * Reference counts and unloading.  Each LoadLibrary, LdrAddRefDll and
 * GetModuleHandleEx without UNCHANGED_REFCOUNT counts one load; each
 * importer holds each DLL it imports once.  When FreeLibrary drops a
 * count to zero, the module and every dependency only it held get
 * DLL_PROCESS_DETACH (reserved NULL) in reverse initialization order,
 * leave PEB->Ldr's lists and are unmapped.  Pinned modules and those
 * the program started with stay.
 */
#include "loader.h"

static HANDLE process_heap(void)
{
	return ((LSW_PEB *)NtCurrentTeb()->ProcessEnvironmentBlock)->ProcessHeap;
}

/* The node's LoadCount and LDR_DATA_TABLE_ENTRY.ObsoleteLoadCount
 * mirror the count (-1 and 0xFFFF: pinned), as programs read them. */
void ldr_show_count(struct ldr_module *m)
{
	m->node.LoadCount = m->refs;
	m->entry.ObsoleteLoadCount = m->refs >= 0xFFFF ? 0xFFFF : (USHORT)m->refs;
}

void ldr_addref(struct ldr_module *m)
{
	if (m->refs != LDR_PINNED)
		m->refs++;
	ldr_show_count(m);
}

static BOOL is_listed(const struct ldr_module *m)
{
	return m >= ldr_modules && m < ldr_modules + LDR_MAX_MODULES;
}

/* The node's lists (struct ldr_ddag_node): circular, given by the tail. */
static void cslist_append(SINGLE_LIST_ENTRY **tail, SINGLE_LIST_ENTRY *e)
{
	e->Next = *tail ? (*tail)->Next : e;
	if (*tail)
		(*tail)->Next = e;
	*tail = e;
}

static void cslist_remove(SINGLE_LIST_ENTRY **tail, SINGLE_LIST_ENTRY *e)
{
	SINGLE_LIST_ENTRY *prev = *tail;

	if (!prev)
		return;
	while (prev->Next != e) {
		prev = prev->Next;
		if (prev == *tail)
			return; /* not on the list */
	}
	if (prev == e) {
		*tail = NULL;
		return;
	}
	prev->Next = e->Next;
	if (*tail == e)
		*tail = prev;
}

/* The dependency records of m's node, first to last: i from 0. */
static struct ldr_dependency *dependency(struct ldr_module *m, ULONG i)
{
	SINGLE_LIST_ENTRY *tail = m->node.Dependencies, *e;

	if (!tail)
		return NULL;
	for (e = tail->Next; i--; e = e->Next)
		if (e == tail)
			return NULL;
	return CONTAINING_RECORD(e, struct ldr_dependency, to_entry);
}

static struct ldr_module *node_module(struct ldr_ddag_node *n)
{
	return CONTAINING_RECORD(n, struct ldr_module, node);
}

NTSTATUS ldr_add_dep(struct ldr_module *m, struct ldr_module *dep)
{
	struct ldr_dependency *d;

	if (!is_listed(m) || m == dep)
		return STATUS_SUCCESS; /* an image only mapped holds nothing */
	for (ULONG i = 0; (d = dependency(m, i)); i++)
		if (d->to == &dep->node)
			return STATUS_SUCCESS;
	d = RtlAllocateHeap(process_heap(), 0, sizeof(*d));
	if (!d)
		return STATUS_NO_MEMORY;
	d->to = &dep->node;
	d->from = &m->node;
	cslist_append(&m->node.Dependencies, &d->to_entry);
	cslist_append(&dep->node.IncomingDependencies, &d->from_entry);
	ldr_addref(dep);
	return STATUS_SUCCESS;
}

/* m goes in unload batch, with what only m held.  A DllMain may free
 * other DLLs while its own batch is detaching: each batch has a number. */
static void pick(struct ldr_module *m, ULONG batch)
{
	struct ldr_dependency *d;

	m->unloading = batch;
	m->node.State = LDR_NODE_UNLOADING;
	for (ULONG i = 0; (d = dependency(m, i)); i++) {
		struct ldr_module *dep = node_module(d->to);

		if (dep->refs == LDR_PINNED || dep->unloading || !dep->refs)
			continue;
		dep->refs--;
		ldr_show_count(dep);
		if (!dep->refs && !dep->static_import)
			pick(dep, batch);
	}
}

/* m's records leave its node and those of the DLLs it held. */
static void drop_dependencies(struct ldr_module *m)
{
	struct ldr_dependency *d;

	while ((d = dependency(m, 0))) {
		cslist_remove(&m->node.Dependencies, &d->to_entry);
		cslist_remove(&d->to->IncomingDependencies, &d->from_entry);
		RtlFreeHeap(process_heap(), 0, d);
	}
}

static void unlink_entry(LIST_ENTRY *e)
{
	e->Blink->Flink = e->Flink;
	e->Flink->Blink = e->Blink;
	e->Flink = e->Blink = e;
}

/* The batch's modules leave the lists and the address space. */
static void unmap_batch(ULONG batch)
{
	for (unsigned i = 0; i < ldr_nmodules; i++) {
		struct ldr_module *m = &ldr_modules[i];

		if (!m->base || m->unloading != batch)
			continue;
		ldr_notify(LDR_NOTIFY_UNLOADED, m);
		unlink_entry(&m->entry.InLoadOrderLinks);
		unlink_entry(&m->entry.InMemoryOrderLinks);
		unlink_entry(&m->entry.InInitializationOrderLinks);
		unlink_entry(&m->entry.HashLinks);
		drop_dependencies(m);
		ldr_tls_release(m);
		NtUnmapViewOfSection((HANDLE)-1, m->base);
		memset(m, 0, sizeof(*m));
	}
	while (ldr_nmodules && !ldr_modules[ldr_nmodules - 1].base)
		ldr_nmodules--;
}

/* The batch's last initialized module still attached, or NULL.  The
 * list is walked again after each DllMain: it may have unloaded others. */
static struct ldr_module *last_attached(ULONG batch)
{
	LIST_ENTRY *head = &ldr_data.InInitializationOrderModuleList, *le;

	for (le = head->Blink; le != head; le = le->Blink) {
		struct ldr_module *m = (struct ldr_module *)CONTAINING_RECORD(
			le, struct ldr_entry, InInitializationOrderLinks);

		if (m->unloading == batch && m->initialized)
			return m;
	}
	return NULL;
}

/* m and what only it held: DLL_PROCESS_DETACH for those that attached,
 * last initialized first, then their unmapping. */
static void unload(struct ldr_module *m)
{
	static ULONG batches;
	ULONG batch = ++batches;

	pick(m, batch);
	while ((m = last_attached(batch))) {
		m->initialized = FALSE;
		ldr_detach_module(m, NULL);
	}
	unmap_batch(batch);
}

void ldr_release(struct ldr_module *m)
{
	if (m->refs == LDR_PINNED || !m->refs || ldr_shutting_down)
		return;
	m->refs--;
	ldr_show_count(m);
	if (!m->refs && !m->static_import)
		unload(m);
}

void ldr_discard(struct ldr_module *m)
{
	if (!m->refs && !m->static_import && !ldr_shutting_down)
		unload(m);
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
