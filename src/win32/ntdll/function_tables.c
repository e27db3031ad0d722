/*
 * Function tables for code generated at run time (JIT compilers), which
 * RtlLookupFunctionEntry consults after the loaded images' .pdata:
 *
 *   RtlAddFunctionTable: a RUNTIME_FUNCTION array (sorted or not) whose
 *     RVAs count from a base address, covering its entries' extent;
 *   RtlAddGrowableFunctionTable: a sorted array covering [RangeBase,
 *     RangeEnd) that RtlGrowFunctionTable extends in place, up to its
 *     MaximumEntryCount;
 *   RtlInstallFunctionTableCallback: a callback that returns the entry for
 *     a PC in [BaseAddress, BaseAddress+Length), built when first needed.
 *
 * Each is a DYNAMIC_FUNCTION_TABLE in the list RtlGetFunctionTableListHead
 * returns, with the documented layout (debuggers read it from outside).
 * The caller keeps its arrays; we only point at them.
 *
 * One SRW lock guards the list: shared for lookups, exclusive for changes.
 * Nothing that can fault runs under the exclusive lock (a fault would
 * dispatch an exception, whose lookup would then wait for this thread),
 * and the callback runs with the lock released, so that it may itself
 * add or delete tables.
 */
#include "exception.h"

typedef enum {
	RF_SORTED,
	RF_UNSORTED,
	RF_CALLBACK,
	RF_KERNEL_DYNAMIC, /* growable */
} function_table_type;

/* DYNAMIC_FUNCTION_TABLE, as documented, then our own fields. */
typedef struct {
	LIST_ENTRY ListEntry;
	PRUNTIME_FUNCTION FunctionTable; /* RF_CALLBACK: the TableIdentifier */
	LARGE_INTEGER TimeStamp;
	DWORD64 MinimumAddress;
	DWORD64 MaximumAddress;          /* one past the last byte covered */
	DWORD64 BaseAddress;
	PGET_RUNTIME_FUNCTION_CALLBACK Callback;
	PVOID Context;
	PWSTR OutOfProcessCallbackDll;
	function_table_type Type;
	volatile DWORD EntryCount;
	DWORD MaximumEntryCount;         /* growable tables */
} dynamic_table;

_Static_assert(offsetof(dynamic_table, FunctionTable) == 0x10, "layout");
_Static_assert(offsetof(dynamic_table, MinimumAddress) == 0x20, "layout");
_Static_assert(offsetof(dynamic_table, OutOfProcessCallbackDll) == 0x48, "layout");
_Static_assert(offsetof(dynamic_table, EntryCount) == 0x54, "layout");

static LIST_ENTRY tables = { &tables, &tables };
static SRWLOCK tables_lock = SRWLOCK_INIT;
static LONG64 tables_added;

static dynamic_table *new_table(function_table_type type, PRUNTIME_FUNCTION f, DWORD count,
				DWORD64 base, DWORD64 min, DWORD64 max)
{
	dynamic_table *t = RtlAllocateHeap(lsw_process_heap(), HEAP_ZERO_MEMORY, sizeof(*t));

	if (!t)
		return NULL;
	t->Type = type;
	t->FunctionTable = f;
	t->EntryCount = count;
	t->BaseAddress = base;
	t->MinimumAddress = min;
	t->MaximumAddress = max;
	/* a change counter where Windows keeps a time: tells tables apart */
	t->TimeStamp.QuadPart = InterlockedIncrement64(&tables_added);
	return t;
}

static void insert_table(dynamic_table *t)
{
	RtlAcquireSRWLockExclusive(&tables_lock);
	rtl_list_append(&tables, &t->ListEntry);
	RtlReleaseSRWLockExclusive(&tables_lock);
}

/* Unlinks the table that matches, NULL if none does. */
static dynamic_table *remove_table(PVOID key, BOOL growable)
{
	dynamic_table *found = NULL;

	RtlAcquireSRWLockExclusive(&tables_lock);
	for (LIST_ENTRY *e = tables.Flink; e != &tables && !found; e = e->Flink) {
		dynamic_table *t = CONTAINING_RECORD(e, dynamic_table, ListEntry);

		if (growable ? (PVOID)t == key
			     : (t->Type != RF_KERNEL_DYNAMIC && (PVOID)t->FunctionTable == key))
			found = t;
	}
	if (found)
		rtl_list_remove(&found->ListEntry);
	RtlReleaseSRWLockExclusive(&tables_lock);
	return found;
}

static BOOL is_sorted(const RUNTIME_FUNCTION *f, DWORD count)
{
	for (DWORD i = 1; i < count; i++)
		if (f[i].BeginAddress < f[i - 1].BeginAddress)
			return FALSE;
	return TRUE;
}

RTLAPI BOOLEAN __cdecl RtlAddFunctionTable(PRUNTIME_FUNCTION f, DWORD count, DWORD64 base)
{
	DWORD lo = ~0u, hi = 0;
	dynamic_table *t;

	for (DWORD i = 0; i < count; i++) {
		if (f[i].BeginAddress < lo)
			lo = f[i].BeginAddress;
		if (f[i].EndAddress > hi)
			hi = f[i].EndAddress;
	}
	/* no entries: an empty range (lo > hi) that no pc falls in */
	t = new_table(is_sorted(f, count) ? RF_SORTED : RF_UNSORTED, f, count, base, base + lo,
		      base + hi);
	if (!t)
		return FALSE;
	insert_table(t);
	return TRUE;
}

/* Removes a table of RtlAddFunctionTable, or a callback by its
 * TableIdentifier. */
RTLAPI BOOLEAN __cdecl RtlDeleteFunctionTable(PRUNTIME_FUNCTION f)
{
	dynamic_table *t = remove_table(f, FALSE);

	if (!t)
		return FALSE;
	RtlFreeHeap(lsw_process_heap(), 0, t);
	return TRUE;
}

RTLAPI DWORD NTAPI RtlAddGrowableFunctionTable(PVOID *handle, PRUNTIME_FUNCTION f, DWORD count,
					       DWORD max_count, ULONG_PTR range_base,
					       ULONG_PTR range_end)
{
	dynamic_table *t;

	if (!handle || !f || count > max_count || range_end <= range_base)
		return (DWORD)STATUS_INVALID_PARAMETER;
	t = new_table(RF_KERNEL_DYNAMIC, f, count, range_base, range_base, range_end);
	if (!t)
		return (DWORD)STATUS_NO_MEMORY;
	t->MaximumEntryCount = max_count;
	insert_table(t);
	*handle = t;
	return 0;
}

/* The new entries are in place before this call: from here lookups see
 * them.  A count that shrinks or passes the maximum is ignored. */
RTLAPI void NTAPI RtlGrowFunctionTable(PVOID handle, DWORD count)
{
	dynamic_table *t = handle;

	RtlAcquireSRWLockExclusive(&tables_lock);
	if (count > t->EntryCount && count <= t->MaximumEntryCount)
		t->EntryCount = count;
	RtlReleaseSRWLockExclusive(&tables_lock);
}

RTLAPI void NTAPI RtlDeleteGrowableFunctionTable(PVOID handle)
{
	dynamic_table *t = remove_table(handle, TRUE);

	if (t)
		RtlFreeHeap(lsw_process_heap(), 0, t);
}

/* The out-of-process DLL is for debuggers: kept for them, never loaded. */
RTLAPI BOOLEAN __cdecl RtlInstallFunctionTableCallback(DWORD64 id, DWORD64 base, DWORD length,
						       PGET_RUNTIME_FUNCTION_CALLBACK callback,
						       PVOID context, PCWSTR dll)
{
	dynamic_table *t;

	if ((id & 3) != 3 || !callback || !length)
		return FALSE;
	t = new_table(RF_CALLBACK, (PRUNTIME_FUNCTION)id, 0, base, base, base + length);
	if (!t)
		return FALSE;
	t->Callback = callback;
	t->Context = context;
	t->OutOfProcessCallbackDll = (PWSTR)dll;
	insert_table(t);
	return TRUE;
}

RTLAPI PLIST_ENTRY NTAPI RtlGetFunctionTableListHead(void)
{
	return &tables;
}

static PRUNTIME_FUNCTION search_unsorted(PRUNTIME_FUNCTION f, DWORD n, DWORD rva)
{
	for (DWORD i = 0; i < n; i++)
		if (rva >= f[i].BeginAddress && rva < f[i].EndAddress)
			return &f[i];
	return NULL;
}

PRUNTIME_FUNCTION rtl_lookup_dynamic_function(DWORD64 pc, DWORD64 *base)
{
	PGET_RUNTIME_FUNCTION_CALLBACK callback = NULL;
	PRUNTIME_FUNCTION found = NULL;
	PVOID context = NULL;

	*base = 0;
	RtlAcquireSRWLockShared(&tables_lock);
	for (LIST_ENTRY *e = tables.Flink; e != &tables && !found && !callback; e = e->Flink) {
		dynamic_table *t = CONTAINING_RECORD(e, dynamic_table, ListEntry);
		DWORD rva = (DWORD)(pc - t->BaseAddress);

		if (pc < t->MinimumAddress || pc >= t->MaximumAddress)
			continue;
		*base = t->BaseAddress;
		if (t->Type == RF_CALLBACK) {
			callback = t->Callback;
			context = t->Context;
		} else if (t->Type == RF_UNSORTED) {
			found = search_unsorted(t->FunctionTable, t->EntryCount, rva);
		} else {
			found = rtl_search_functions(t->FunctionTable, t->EntryCount, rva);
		}
	}
	RtlReleaseSRWLockShared(&tables_lock);
	if (callback)
		found = callback(pc, context);
	if (!found)
		*base = 0;
	return found;
}
