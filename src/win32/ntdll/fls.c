/*
 * Fiber-local storage (kernel32's Fls* call these), kept in the layout of
 * Windows 10 (1903 and later), which programs and debuggers inspect:
 *
 * - indexes are grouped in 8 chunks of 16, 32, ... 2048 indexes (4080 in
 *   all); index 0 is reserved (its callback is ~0) and never handed out;
 * - a process-wide block holds, per chunk, a heap array of callbacks
 *   (count of indexes in use, then {reserved, callback} pairs; the
 *   callback is ~0 for an index allocated with none, NULL for a free
 *   index), the list of every fiber's slots and the highest index ever
 *   handed out;
 * - TEB->FlsSlots points to a fiber's slots: a list link and, per chunk,
 *   a heap array whose first pointer is reserved and whose values follow.
 *   kernel32's SwitchToFiber swaps the pointer.  PEB->FlsCallback stays
 *   NULL, which is how Windows tells this layout from the older one.
 *
 * As documented, an index's callback runs with the slot's value when the
 * value is not NULL and the thread ends (fls_thread_exit, before the
 * DLLs' DLL_THREAD_DETACH) or the index is freed (for every fiber, on
 * the freeing thread).  Reading a value takes no lock; changes take
 * fls_lock, a critical section so that a callback run by RtlFlsFree may
 * store values itself (and not the PEB lock, which programs hold).
 */
#include "loader.h"

#define FLS_CHUNKS 8
#define FLS_MAX 4080                     /* FLS_MAXIMUM_AVAILABLE */
#define NO_CALLBACK ((PFLS_CALLBACK_FUNCTION)~(ULONG_PTR)0)
#define FLS_RUN_CALLBACKS 1
#define FLS_FREE 2

struct fls_callback {
	PVOID reserved;
	PFLS_CALLBACK_FUNCTION callback;
};

struct fls_callback_chunk {
	ULONG count;
	struct fls_callback callbacks[];
};

struct fls_global {
	struct fls_callback_chunk *chunks[FLS_CHUNKS];
	LIST_ENTRY fibers;
	ULONG high_index;
};

struct fls_slots {
	LIST_ENTRY link;
	PVOID *chunks[FLS_CHUNKS];       /* [0] reserved, value i at [i + 1] */
};

static RTL_CRITICAL_SECTION fls_lock;
static RTL_RUN_ONCE fls_once = RTL_RUN_ONCE_INIT;
static struct fls_global fls = { .fibers = { &fls.fibers, &fls.fibers } };

static ULONG chunk_size(ULONG chunk)
{
	return 16u << chunk;
}

/* The chunk of a valid index (1..FLS_MAX-1) and its place in it. */
static ULONG chunk_of(ULONG index, ULONG *pos)
{
	ULONG chunk = 0;

	while (index >= chunk_size(chunk))
		index -= chunk_size(chunk++);
	*pos = index;
	return chunk;
}

static struct fls_slots **own_slots(void)
{
	return (struct fls_slots **)&lsw_teb()->FlsData;
}

static ULONG NTAPI init_lock(PRTL_RUN_ONCE once, PVOID param, PVOID *ctx)
{
	RtlInitializeCriticalSection(&fls_lock);
	return TRUE;
}

static void lock(void)
{
	RtlRunOnceExecuteOnce(&fls_once, init_lock, NULL, NULL);
	RtlEnterCriticalSection(&fls_lock);
}

static void unlock(void)
{
	RtlLeaveCriticalSection(&fls_lock);
}

/* The callback entry of an index, allocating its chunk's array
 * (index 0 reserved in the first) when asked. */
static struct fls_callback *callback_entry(ULONG index, BOOL create)
{
	ULONG pos, chunk = chunk_of(index, &pos);
	struct fls_callback_chunk *c = fls.chunks[chunk];

	if (!c && create) {
		c = RtlAllocateHeap(lsw_process_heap(), HEAP_ZERO_MEMORY,
				    sizeof(ULONG_PTR) + chunk_size(chunk) * sizeof(struct fls_callback));
		if (!c)
			return NULL;
		if (!chunk) {
			c->callbacks[0].callback = NO_CALLBACK;
			c->count = 1;
		}
		fls.chunks[chunk] = c;
	}
	return c ? &c->callbacks[pos] : NULL;
}

/* The lowest free index; values left in its slots stay, as on Windows. */
RTLAPI NTSTATUS NTAPI RtlFlsAlloc(PFLS_CALLBACK_FUNCTION callback, PULONG index)
{
	NTSTATUS st = STATUS_NO_MEMORY;

	lock();
	for (ULONG i = 1; i < FLS_MAX; i++) {
		struct fls_callback *e = callback_entry(i, TRUE);
		ULONG pos;

		if (!e)
			break;
		if (e->callback)
			continue;
		e->callback = callback ? callback : NO_CALLBACK;
		fls.chunks[chunk_of(i, &pos)]->count++;
		if (i > fls.high_index)
			fls.high_index = i;
		*index = i;
		st = STATUS_SUCCESS;
		break;
	}
	unlock();
	return st;
}

static PVOID *value_slot(struct fls_slots *s, ULONG index)
{
	ULONG pos, chunk = chunk_of(index, &pos);

	return s && s->chunks[chunk] ? &s->chunks[chunk][pos + 1] : NULL;
}

/* Calls the index's callback with every fiber's value, then frees it. */
RTLAPI NTSTATUS NTAPI RtlFlsFree(ULONG index)
{
	struct fls_callback *e;
	ULONG pos;

	lock();
	e = index && index < FLS_MAX ? callback_entry(index, FALSE) : NULL;
	if (!e || !e->callback) {
		unlock();
		return STATUS_INVALID_PARAMETER;
	}
	for (LIST_ENTRY *l = fls.fibers.Flink; l != &fls.fibers; l = l->Flink) {
		PVOID *slot = value_slot(CONTAINING_RECORD(l, struct fls_slots, link), index);
		PVOID value = slot ? *slot : NULL;

		if (!value)
			continue;
		*slot = NULL;
		if (e->callback != NO_CALLBACK)
			e->callback(value);
	}
	e->callback = NULL;
	fls.chunks[chunk_of(index, &pos)]->count--;
	unlock();
	return STATUS_SUCCESS;
}

/* Like TlsGetValue, any index in range reads, allocated or not; a fiber
 * that never stored a value has no slots and gets an error. */
RTLAPI NTSTATUS NTAPI RtlFlsGetValue(ULONG index, PVOID *value)
{
	struct fls_slots *s = *own_slots();
	PVOID *slot;

	if (!index || index >= FLS_MAX || !s)
		return STATUS_INVALID_PARAMETER;
	slot = value_slot(s, index);
	*value = slot ? *slot : NULL;
	return STATUS_SUCCESS;
}

/* The calling fiber's slots with room for index, linked last in the list
 * (under the lock: RtlFlsFree walks the list). */
static PVOID *make_slot(struct fls_slots **own, ULONG index)
{
	HANDLE heap = lsw_process_heap();
	ULONG pos, chunk = chunk_of(index, &pos);
	struct fls_slots *s = *own;

	if (!s) {
		s = RtlAllocateHeap(heap, HEAP_ZERO_MEMORY, sizeof(*s));
		if (!s)
			return NULL;
		rtl_list_append(&fls.fibers, &s->link);
		*own = s;
	}
	if (!s->chunks[chunk])
		s->chunks[chunk] = RtlAllocateHeap(heap, HEAP_ZERO_MEMORY,
						   (chunk_size(chunk) + 1) * sizeof(PVOID));
	return s->chunks[chunk] ? &s->chunks[chunk][pos + 1] : NULL;
}

/* A new thread's slots exist from its start (an allocated index reads
 * NULL there, as Windows' threads do: Wine's conformance test, run on
 * Windows, reads one on a thread that stored nothing); a new fiber's do
 * not until it stores a value. */
void fls_thread_init(void)
{
	struct fls_slots **own = own_slots(), *s;

	if (*own || !(s = RtlAllocateHeap(lsw_process_heap(), HEAP_ZERO_MEMORY, sizeof(*s))))
		return; /* without them the thread reads as a new fiber does */
	lock();
	rtl_list_append(&fls.fibers, &s->link);
	*own = s;
	unlock();
}

RTLAPI NTSTATUS NTAPI RtlFlsSetValue(ULONG index, PVOID value)
{
	NTSTATUS st = STATUS_SUCCESS;
	PVOID *slot;

	if (!index || index >= FLS_MAX)
		return STATUS_INVALID_PARAMETER;
	lock();
	slot = make_slot(own_slots(), index);
	if (slot)
		*slot = value;
	else
		st = STATUS_NO_MEMORY;
	unlock();
	return st;
}

/* Unlinks the slots and runs the callbacks of their non-NULL values; a
 * callback may store values again. */
static void run_callbacks(struct fls_slots *s)
{
	lock();
	rtl_list_remove(&s->link);
	unlock();
	for (ULONG i = 1; i <= fls.high_index; i++) {
		PFLS_CALLBACK_FUNCTION callback = NULL;
		PVOID *slot, value = NULL;

		lock();
		slot = value_slot(s, i);
		if (slot && *slot) {
			struct fls_callback *e = callback_entry(i, FALSE);

			value = *slot;
			*slot = NULL;
			callback = e ? e->callback : NULL;
		}
		unlock();
		if (callback && callback != NO_CALLBACK)
			callback(value);
	}
}

static void free_slots(struct fls_slots *s)
{
	for (ULONG c = 0; c < FLS_CHUNKS; c++)
		RtlFreeHeap(lsw_process_heap(), 0, s->chunks[c]);
	RtlFreeHeap(lsw_process_heap(), 0, s);
}

/* A fiber's slots (its TEB->FlsSlots, or kernel32's saved copy when it
 * deletes a fiber): flag 1 unlinks them and runs the callbacks, flag 2
 * frees them; the other bits mean nothing. */
RTLAPI void NTAPI RtlProcessFlsData(PVOID data, ULONG flags)
{
	struct fls_slots *s = data;

	if (!s)
		return;
	if (flags & FLS_RUN_CALLBACKS)
		run_callbacks(s);
	if (flags & FLS_FREE)
		free_slots(s);
}

void fls_thread_exit(void)
{
	struct fls_slots **own = own_slots(), *s = *own;

	RtlProcessFlsData(s, FLS_RUN_CALLBACKS | FLS_FREE);
	*own = NULL;
}
