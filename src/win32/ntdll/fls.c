/*
 * Fiber-local storage (kernel32's Fls* call these).  Each fiber (a thread
 * not converted to fibers is one) that stores a value gets a block of
 * slots, found from TEB->FlsData (kernel32's SwitchToFiber swaps it) and
 * linked in a process-wide list, because freeing an index must reach
 * every fiber's value.
 *
 * As documented, an index's callback runs with the slot's value when the
 * value is not NULL and the thread ends (fls_thread_exit, before the
 * DLLs' DLL_THREAD_DETACH) or the index is freed (for every thread, on
 * the freeing thread).
 *
 * Reading a value takes no lock; changes take fls_lock, a critical
 * section so that a callback run by RtlFlsFree may store values itself.
 */
#include "loader.h"

#define FLS_MAX 4080        /* Windows 10's FLS_MAXIMUM_AVAILABLE */
#define FLS_FIRST_SIZE 16   /* slots of a thread's first block */

struct fls_block {
	LIST_ENTRY link;
	ULONG size;
	PVOID values[];
};

static RTL_CRITICAL_SECTION fls_lock;
static RTL_RUN_ONCE fls_once = RTL_RUN_ONCE_INIT;
static LIST_ENTRY fls_blocks = { &fls_blocks, &fls_blocks };
static PFLS_CALLBACK_FUNCTION fls_callbacks[FLS_MAX];
static BYTE fls_used[FLS_MAX / 8];

static struct fls_block **own_block(void)
{
	return (struct fls_block **)&lsw_teb()->FlsData;
}

static BOOL in_use(ULONG i)
{
	return i < FLS_MAX && (fls_used[i / 8] & (1u << (i % 8)));
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

/* Index 0 is never handed out, so a zeroed variable never names a slot. */
RTLAPI NTSTATUS NTAPI RtlFlsAlloc(PFLS_CALLBACK_FUNCTION callback, PULONG index)
{
	NTSTATUS st = STATUS_NO_MEMORY;

	lock();
	for (ULONG i = 1; i < FLS_MAX; i++)
		if (!in_use(i)) {
			fls_used[i / 8] |= (BYTE)(1u << (i % 8));
			fls_callbacks[i] = callback;
			*index = i;
			st = STATUS_SUCCESS;
			break;
		}
	unlock();
	return st;
}

/* Calls the index's callback with every thread's value, then frees it. */
RTLAPI NTSTATUS NTAPI RtlFlsFree(ULONG index)
{
	PFLS_CALLBACK_FUNCTION callback;

	lock();
	if (!in_use(index)) {
		unlock();
		return STATUS_INVALID_PARAMETER;
	}
	callback = fls_callbacks[index];
	for (LIST_ENTRY *e = fls_blocks.Flink; e != &fls_blocks; e = e->Flink) {
		struct fls_block *b = CONTAINING_RECORD(e, struct fls_block, link);
		PVOID value = index < b->size ? b->values[index] : NULL;

		if (!value)
			continue;
		b->values[index] = NULL;
		if (callback)
			callback(value);
	}
	fls_callbacks[index] = NULL;
	fls_used[index / 8] &= (BYTE)~(1u << (index % 8));
	unlock();
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlFlsGetValue(ULONG index, PVOID *value)
{
	struct fls_block *b = *own_block();

	if (!in_use(index))
		return STATUS_INVALID_PARAMETER;
	*value = b && index < b->size ? b->values[index] : NULL;
	return STATUS_SUCCESS;
}

/* A block with room for index, replacing the thread's smaller one (under
 * the lock: RtlFlsFree walks the blocks). */
static struct fls_block *grow_block(struct fls_block *old, ULONG index)
{
	ULONG size = old ? old->size : FLS_FIRST_SIZE;
	struct fls_block *b;

	while (size <= index)
		size *= 2;
	b = RtlAllocateHeap(lsw_process_heap(), HEAP_ZERO_MEMORY,
			    sizeof(*b) + size * sizeof(PVOID));
	if (!b)
		return NULL;
	b->size = size;
	if (old) {
		memcpy(b->values, old->values, old->size * sizeof(PVOID));
		rtl_list_remove(&old->link);
		RtlFreeHeap(lsw_process_heap(), 0, old);
	}
	rtl_list_append(&fls_blocks, &b->link);
	return b;
}

RTLAPI NTSTATUS NTAPI RtlFlsSetValue(ULONG index, PVOID value)
{
	struct fls_block **own = own_block(), *b;
	NTSTATUS st = STATUS_SUCCESS;

	lock();
	b = *own;
	if (!in_use(index))
		st = STATUS_INVALID_PARAMETER;
	else if (!b || index >= b->size)
		b = grow_block(b, index);
	if (!b && NT_SUCCESS(st))
		st = STATUS_NO_MEMORY;
	if (NT_SUCCESS(st)) {
		*own = b;
		b->values[index] = value;
	}
	unlock();
	return st;
}

/* The values' callbacks of the block at *own (flag 1), then the block goes
 * (flag 2).  The block stays linked while callbacks run, which may read
 * and store values. */
static void process_block(struct fls_block **own, ULONG flags)
{
	for (ULONG i = 1; (flags & 1) && *own && i < (*own)->size; i++) {
		PFLS_CALLBACK_FUNCTION callback = NULL;
		PVOID value;

		lock();
		value = (*own)->values[i];
		(*own)->values[i] = NULL;
		if (value && in_use(i))
			callback = fls_callbacks[i];
		unlock();
		if (callback)
			callback(value);
	}
	if (!(flags & 2))
		return;
	lock();
	if (*own) {
		rtl_list_remove(&(*own)->link);
		RtlFreeHeap(lsw_process_heap(), 0, *own);
		*own = NULL;
	}
	unlock();
}

void fls_thread_exit(void)
{
	process_block(own_block(), 3);
}

/* A fiber's slots (its saved TEB->FlsData) when kernel32 deletes it: flag 1
 * runs the callbacks, flag 2 frees the block. */
RTLAPI void NTAPI RtlProcessFlsData(PVOID data, ULONG flags)
{
	struct fls_block *b = data;

	if (b)
		process_block(&b, flags);
}
