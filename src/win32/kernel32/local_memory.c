/*
 * LocalAlloc/GlobalAlloc memory.  Fixed memory is a heap block and its
 * handle is its pointer.  Moveable memory is named by a handle: the
 * address of the pointer field of a 16-byte entry { flags, pointer } in a
 * table of such entries (so handles are 8 mod 16, pointers 0 mod 16, and
 * the two never mix up).  The flags word holds the entry's state and, in
 * bits 16-23, its lock count.  A moveable object of size 0 is "discarded":
 * it has a handle and no memory.  A freed entry joins a free list: its
 * flags word links to the next free one.  A moveable object's heap block
 * keeps its handle as the block's user value (and user flag 1 says so),
 * as on Windows, so GlobalHandle finds the handle from the pointer.
 */
#include "k32_private.h"

BOOLEAN NTAPI RtlGetUserInfoHeap(PVOID, ULONG, PVOID, PVOID *, PULONG);
BOOLEAN NTAPI RtlSetUserValueHeap(PVOID, ULONG, PVOID, PVOID);

/* What Windows' kernel32 allocates a moveable object's block with: room
 * for a user value (its handle) and user flag 1 ("moveable"); ntifs.h's
 * HEAP_SETTABLE_USER_VALUE and HEAP_SETTABLE_USER_FLAG1. */
#define MOVEABLE_BLOCK (0x100 | 0x200)
#define MOVEABLE_FLAG 0x200

#define ENTRY_USED 1u
#define ENTRY_MOVEABLE 2u
#define ENTRY_DISCARDABLE 4u
#define ENTRY_DISCARDED 8u
#define ENTRY_DDESHARE 0x8000u
#define ENTRY_STATE_BITS 0xff800fu /* lock count, DDESHARE, the four above */
#define LOCK_SHIFT 16
#define LOCK_MAX 0xffu
#define CHUNK_ENTRIES 255
#define MAX_ENTRIES 0x10000 /* the size of Windows' table of moveable handles */

struct mem_entry {
	UINT_PTR flags;
	void *ptr;
};

struct entry_chunk {
	struct entry_chunk *next;
	UINT_PTR pad;
	struct mem_entry e[CHUNK_ENTRIES];
};

static struct entry_chunk *chunks;
static struct mem_entry free_end __attribute__((aligned(16))); /* ends the free list */
static struct mem_entry *free_list = &free_end;
static ULONG entries_used;

static void table_lock(void)
{
	RtlLockHeap(k32_heap());
}

static void table_unlock(void)
{
	RtlUnlockHeap(k32_heap());
}

/* The entry a handle names, if it is one of the table's in use. */
static struct mem_entry *entry_of(HLOCAL h)
{
	UINT_PTR a = (UINT_PTR)h;

	if ((a & 15) != 8)
		return NULL;
	for (struct entry_chunk *c = chunks; c; c = c->next)
		if (a > (UINT_PTR)c->e && a < (UINT_PTR)(c->e + CHUNK_ENTRIES)) {
			struct mem_entry *e = (struct mem_entry *)(a - 8);

			return (e->flags & ENTRY_USED) && !(e->flags & ~(UINT_PTR)ENTRY_STATE_BITS) ? e : NULL;
		}
	return NULL;
}

/* Whether p is a block of the process heap: anything else is refused
 * before the heap reads its header (a stray pointer may be unmapped).
 * The callers choose the error they report. */
static BOOL is_block(const void *p)
{
	DWORD error = RtlGetLastWin32Error();
	BOOL ok = p && RtlValidateHeap(k32_heap(), 0, p);

	RtlSetLastWin32Error(error);
	return ok;
}

/* The error for something that is neither a handle nor a block: a
 * pointer-like value is bad memory, a handle-like one a bad handle. */
static DWORD bad_object_error(HLOCAL mem)
{
	return ((UINT_PTR)mem & 15) == 8 ? ERROR_INVALID_HANDLE : ERROR_NOACCESS;
}

static struct mem_entry *new_entry(void)
{
	struct mem_entry *e;

	if (entries_used >= MAX_ENTRIES)
		return NULL;
	if (free_list == &free_end) {
		struct entry_chunk *c = RtlAllocateHeap(k32_heap(), 0, sizeof(*c));

		if (!c)
			return NULL;
		c->next = chunks;
		chunks = c;
		for (int i = CHUNK_ENTRIES - 1; i >= 0; i--) {
			c->e[i].flags = (UINT_PTR)free_list;
			c->e[i].ptr = NULL;
			free_list = &c->e[i];
		}
	}
	e = free_list;
	free_list = (struct mem_entry *)e->flags;
	entries_used++;
	return e;
}

static void free_entry(struct mem_entry *e)
{
	if (e->ptr)
		RtlFreeHeap(k32_heap(), 0, e->ptr);
	e->ptr = NULL;
	e->flags = (UINT_PTR)free_list;
	free_list = e;
	entries_used--;
}

/* The heap block of a moveable object: it names its handle. */
static void *alloc_moveable_block(HLOCAL handle, SIZE_T size, UINT flags)
{
	void *p = RtlAllocateHeap(k32_heap(), ((flags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0) |
					      MOVEABLE_BLOCK, size);

	if (p)
		RtlSetUserValueHeap(k32_heap(), 0, p, handle);
	return p;
}

static HLOCAL alloc_moveable(UINT flags, SIZE_T size)
{
	struct mem_entry *e;

	table_lock();
	e = new_entry();
	if (e) {
		e->flags = ENTRY_USED | ENTRY_MOVEABLE | (size ? 0 : ENTRY_DISCARDED) |
			   ((flags & LMEM_DISCARDABLE) ? ENTRY_DISCARDABLE : 0) |
			   ((flags & GMEM_DDESHARE) ? ENTRY_DDESHARE : 0);
		e->ptr = size ? alloc_moveable_block(&e->ptr, size, flags) : NULL;
		if (size && !e->ptr) {
			free_entry(e);
			e = NULL;
		}
	}
	table_unlock();
	return e ? (HLOCAL)&e->ptr : NULL;
}

K32API HLOCAL WINAPI LocalAlloc(UINT flags, SIZE_T size)
{
	HLOCAL h;

	if (flags & LMEM_MOVEABLE)
		h = alloc_moveable(flags, size);
	else
		h = RtlAllocateHeap(k32_heap(), (flags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0, size);
	if (!h)
		k32_error(ERROR_NOT_ENOUGH_MEMORY);
	return h;
}

K32API HLOCAL WINAPI LocalFree(HLOCAL mem)
{
	struct mem_entry *e;
	BOOL ok = TRUE;

	if (!mem)
		return NULL;
	table_lock();
	if ((e = entry_of(mem)))
		free_entry(e);
	else
		ok = is_block(mem) && RtlFreeHeap(k32_heap(), 0, mem);
	table_unlock();
	if (!ok) {
		k32_error(bad_object_error(mem));
		return mem;
	}
	return NULL;
}

/* Resizes a moveable object, as Windows does: LMEM_MODIFY changes only
 * the flags; a resize asking for LMEM_DISCARDABLE fails; size 0 discards
 * the memory of an unlocked object given LMEM_MOVEABLE; a locked object
 * moves only with LMEM_MOVEABLE. */
static HLOCAL realloc_moveable(struct mem_entry *e, HLOCAL mem, SIZE_T size, UINT flags)
{
	ULONG heap_flags = (flags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0;
	BOOL locked = (e->flags >> LOCK_SHIFT) != 0;
	void *p;

	if (flags & LMEM_MODIFY) {
		if (flags & LMEM_DISCARDABLE)
			e->flags |= ENTRY_DISCARDABLE;
		return mem;
	}
	if (flags & LMEM_DISCARDABLE)
		return NULL;
	if (!size) {
		if (locked || !(flags & LMEM_MOVEABLE))
			return NULL;
		RtlFreeHeap(k32_heap(), 0, e->ptr);
		e->ptr = NULL;
		e->flags |= ENTRY_DISCARDED;
		return mem;
	}
	if (locked && !(flags & LMEM_MOVEABLE))
		heap_flags |= HEAP_REALLOC_IN_PLACE_ONLY;
	p = e->ptr ? RtlReAllocateHeap(k32_heap(), heap_flags, e->ptr, size)
		   : alloc_moveable_block(mem, size, flags);
	if (!p)
		return NULL;
	e->ptr = p;
	e->flags &= ~(UINT_PTR)ENTRY_DISCARDED;
	return mem;
}

/* GMEM_MODIFY | GMEM_MOVEABLE makes fixed memory moveable: its data
 * moves to a block of a new handle (documented for GlobalReAlloc; Windows'
 * LocalReAlloc leaves the memory fixed). */
static HLOCAL make_moveable(HLOCAL mem, UINT flags)
{
	SIZE_T size = RtlSizeHeap(k32_heap(), 0, mem);
	struct mem_entry *e = new_entry();

	if (!e)
		return NULL;
	e->flags = ENTRY_USED | ENTRY_MOVEABLE | ((flags & LMEM_DISCARDABLE) ? ENTRY_DISCARDABLE : 0);
	e->ptr = alloc_moveable_block(&e->ptr, size, 0);
	if (!e->ptr) {
		free_entry(e);
		return NULL;
	}
	memcpy(e->ptr, mem, size);
	RtlFreeHeap(k32_heap(), 0, mem);
	return &e->ptr;
}

/* Fixed memory: LMEM_MODIFY changes nothing (but what `convert` says),
 * a resize asking for LMEM_DISCARDABLE fails, and the block moves only
 * with LMEM_MOVEABLE (documented). */
static HLOCAL realloc_fixed(HLOCAL mem, SIZE_T size, UINT flags, BOOL convert)
{
	if (flags & LMEM_MODIFY)
		return convert && (flags & LMEM_MOVEABLE) ? make_moveable(mem, flags) : mem;
	if (flags & LMEM_DISCARDABLE)
		return NULL;
	return RtlReAllocateHeap(k32_heap(), ((flags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0) |
			         ((flags & LMEM_MOVEABLE) ? 0 : HEAP_REALLOC_IN_PLACE_ONLY), mem, size);
}

static HLOCAL realloc_object(HLOCAL mem, SIZE_T size, UINT flags, BOOL convert)
{
	struct mem_entry *e;
	HLOCAL h;

	table_lock();
	if ((e = entry_of(mem)))
		h = realloc_moveable(e, mem, size, flags);
	else if (!is_block(mem))
		h = NULL;
	else
		h = realloc_fixed(mem, size, flags, convert);
	table_unlock();
	if (!h)
		k32_error(e || is_block(mem) ? ERROR_NOT_ENOUGH_MEMORY : bad_object_error(mem));
	return h;
}

/* The memory of an object, its lock count raised.  What is neither a
 * handle nor a block gives NULL with `bad_pointer_error` for a
 * pointer-like value (0: none), ERROR_INVALID_HANDLE for a handle-like
 * one. */
static void *lock_object(HLOCAL mem, DWORD bad_pointer_error)
{
	struct mem_entry *e;
	void *p = mem;

	table_lock();
	if ((e = entry_of(mem))) {
		p = e->ptr;
		if (p && (e->flags >> LOCK_SHIFT) < LOCK_MAX)
			e->flags += 1u << LOCK_SHIFT;
	} else if (!is_block(mem)) {
		p = NULL;
	}
	table_unlock();
	if (p)
		return p;
	if (e)
		k32_error(ERROR_DISCARDED);
	else if (bad_object_error(mem) == ERROR_INVALID_HANDLE)
		k32_error(ERROR_INVALID_HANDLE);
	else if (bad_pointer_error)
		k32_error(bad_pointer_error);
	return NULL;
}

K32API HLOCAL WINAPI LocalReAlloc(HLOCAL mem, SIZE_T size, UINT flags)
{
	return realloc_object(mem, size, flags, FALSE);
}

/* Windows' LocalLock leaves the last error alone for a stray pointer. */
K32API LPVOID WINAPI LocalLock(HLOCAL mem)
{
	return lock_object(mem, 0);
}

/* Nonzero while the object stays locked; zero with ERROR_SUCCESS once
 * unlocked, or ERROR_NOT_LOCKED if it was not locked (fixed memory). */
K32API BOOL WINAPI LocalUnlock(HLOCAL mem)
{
	struct mem_entry *e;
	UINT_PTR count = 0;

	table_lock();
	if ((e = entry_of(mem)) && (count = e->flags >> LOCK_SHIFT))
		e->flags -= 1u << LOCK_SHIFT;
	table_unlock();
	if (!e && bad_object_error(mem) == ERROR_INVALID_HANDLE)
		return k32_error(ERROR_INVALID_HANDLE);
	if (!count)
		return k32_error(ERROR_NOT_LOCKED);
	if (count == 1)
		k32_error(ERROR_SUCCESS);
	return count > 1;
}

K32API SIZE_T WINAPI LocalSize(HLOCAL mem)
{
	struct mem_entry *e;
	void *p = mem;
	SIZE_T n;

	table_lock();
	if ((e = entry_of(mem)))
		p = e->ptr;
	else if (!is_block(mem))
		p = NULL;
	n = p ? RtlSizeHeap(k32_heap(), 0, p) : 0;
	table_unlock();
	if (!e && !p)
		k32_error(ERROR_INVALID_HANDLE);
	return n == (SIZE_T)-1 ? 0 : n;
}

/* The lock count and state bits, with discardable as the caller's API
 * spells it (LMEM_DISCARDABLE or GMEM_DISCARDABLE); for what is no object,
 * the error for a pointer-like value is the caller's too. */
static UINT mem_flags(HLOCAL mem, UINT discardable, DWORD bad_pointer_error)
{
	struct mem_entry *e;
	UINT flags = 0;

	table_lock();
	if ((e = entry_of(mem)))
		flags = (UINT)(e->flags >> LOCK_SHIFT) |
			((e->flags & ENTRY_DISCARDABLE) ? discardable : 0) |
			((e->flags & ENTRY_DDESHARE) ? GMEM_DDESHARE : 0) |
			((e->flags & ENTRY_DISCARDED) ? LMEM_DISCARDED : 0);
	else if (!is_block(mem))
		flags = LMEM_INVALID_HANDLE;
	table_unlock();
	if (flags == LMEM_INVALID_HANDLE)
		k32_error(bad_object_error(mem) == ERROR_INVALID_HANDLE ? ERROR_INVALID_HANDLE
									: bad_pointer_error);
	return flags;
}

K32API UINT WINAPI LocalFlags(HLOCAL mem)
{
	return mem_flags(mem, LMEM_DISCARDABLE, ERROR_NOACCESS);
}

/* The handle of the object at p: a moveable object's (its block's user
 * value), else p itself; `error` for anything else. */
static HLOCAL object_handle(LPCVOID p, DWORD error)
{
	HLOCAL h = NULL;
	void *value;
	ULONG user_flags;

	table_lock();
	if (entry_of((HLOCAL)p))
		h = (HLOCAL)p;
	else if (is_block(p) && RtlGetUserInfoHeap(k32_heap(), 0, (void *)p, &value, &user_flags))
		h = (user_flags & MOVEABLE_FLAG) ? value : (HLOCAL)p;
	table_unlock();
	if (!h)
		k32_error(error);
	return h;
}

K32API HLOCAL WINAPI LocalHandle(LPCVOID p)
{
	return object_handle(p, bad_object_error((HLOCAL)p));
}

/* A fixed object of size 0 gets one byte (GlobalSize says 1 on Windows,
 * where LocalSize of the same says 0). */
K32API HGLOBAL WINAPI GlobalAlloc(UINT flags, SIZE_T size)
{
	if (!(flags & GMEM_MOVEABLE) && !size)
		size = 1;
	return LocalAlloc(flags & (GMEM_MOVEABLE | GMEM_ZEROINIT | GMEM_DISCARDABLE | GMEM_DDESHARE),
			  size);
}

K32API HGLOBAL WINAPI GlobalFree(HGLOBAL mem)
{
	return LocalFree(mem);
}

K32API HGLOBAL WINAPI GlobalReAlloc(HGLOBAL mem, SIZE_T size, UINT flags)
{
	return realloc_object(mem, size,
			      flags & (GMEM_MOVEABLE | GMEM_ZEROINIT | GMEM_MODIFY | GMEM_DISCARDABLE),
			      TRUE);
}

K32API LPVOID WINAPI GlobalLock(HGLOBAL mem)
{
	return lock_object(mem, ERROR_INVALID_HANDLE);
}

/* Unlike LocalUnlock, GlobalUnlock of what is no moveable object (fixed
 * memory, a freed handle) answers TRUE, as Windows does; a handle-like
 * value sets ERROR_INVALID_HANDLE all the same. */
K32API BOOL WINAPI GlobalUnlock(HGLOBAL mem)
{
	BOOL moveable;

	table_lock();
	moveable = entry_of(mem) != NULL;
	table_unlock();
	if (moveable)
		return LocalUnlock(mem);
	if (((UINT_PTR)mem & 15) == 8)
		k32_error(ERROR_INVALID_HANDLE);
	return TRUE;
}

K32API SIZE_T WINAPI GlobalSize(HGLOBAL mem)
{
	return LocalSize(mem);
}

K32API UINT WINAPI GlobalFlags(HGLOBAL mem)
{
	return mem_flags(mem, GMEM_DISCARDABLE, ERROR_INVALID_HANDLE);
}

K32API HGLOBAL WINAPI GlobalHandle(LPCVOID p)
{
	return object_handle(p, ERROR_INVALID_HANDLE);
}
