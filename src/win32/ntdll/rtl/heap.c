/*
 * RtlCreateHeap and friends: the heap behind HeapAlloc, malloc and every
 * Rtl allocation.
 *
 * Design: segregated size classes.  A request is rounded up to a class
 * (16-byte steps up to 1 KiB, then four steps per power of two up to
 * 256 KiB); each class has a singly linked free list.  A block that is not
 * on a free list is carved from the current segment with a bump pointer.
 * Segments are reserved with NtAllocateVirtualMemory(MEM_RESERVE) and
 * committed in growing chunks, since every NT call costs a supervisor round
 * trip.  Blocks above 256 KiB get their own MEM_RESERVE|MEM_COMMIT region.
 * There is no coalescing: freed blocks are reused by the same class only,
 * which keeps malloc/free at a few instructions plus the lock.
 *
 * Every block has a 16-byte header right before the payload, so payloads
 * are 16-byte aligned like the x64 Windows heap.  The header carries a
 * check value derived from the heap address and a busy/free state, which
 * catches double frees and most stray pointers cheaply: those calls fail
 * (FALSE / NULL) instead of corrupting the heap.
 */
#include "rtl_private.h"

#define HEAP_SIGNATURE 0x5048534CUL /* "LSHP" */
#define BLOCK_BUSY 0xB5
#define BLOCK_FREE 0xF3
#define CLASS_LARGE 0xFFFF
#define NUM_CLASSES 97          /* see size_to_class */
#define SMALL_MAX 0x40000       /* largest class capacity, 256 KiB */
#define SEGMENT_MIN 0x100000    /* first segment reservation */
#define SEGMENT_MAX 0x10000000  /* growth stops doubling here */
#define COMMIT_MIN 0x10000
#define COMMIT_MAX 0x400000
#define FIXED_HEAP_BLOCK_MAX 0x7FFF8 /* documented limit of HeapCreate(max != 0) */

typedef struct heap_block {
	SIZE_T size;  /* the size asked for: RtlSizeHeap reports it */
	USHORT cls;   /* size class, or CLASS_LARGE */
	BYTE state;   /* BLOCK_BUSY or BLOCK_FREE */
	BYTE pad;
	ULONG check;  /* heap_check(heap): tells our blocks from strays */
} heap_block;

typedef struct heap_large {
	LIST_ENTRY link;
	SIZE_T map_size;
	SIZE_T pad;
	heap_block hdr;
} heap_large;

typedef struct heap_segment {
	struct heap_segment *next;
	char *bump;         /* first byte never handed out */
	char *commit_end;   /* end of the committed part */
	char *reserve_end;  /* end of the reservation */
	SIZE_T reserved;
	SIZE_T pad;
} heap_segment;

typedef struct heap {
	ULONG signature;
	ULONG flags;        /* HEAP_NO_SERIALIZE, HEAP_GROWABLE, ... */
	ULONG protect;      /* page protection of committed memory */
	ULONG check;
	RTL_CRITICAL_SECTION lock;
	heap_segment *segments; /* current segment first */
	LIST_ENTRY large;
	SIZE_T next_reserve;
	void *free[NUM_CLASSES];
} heap;

_Static_assert(sizeof(heap_block) == 16, "16-byte header keeps payloads aligned");
_Static_assert(sizeof(heap_large) % 16 == 0, "aligned");
_Static_assert(sizeof(heap_segment) % 16 == 0, "aligned");

#define HEAP_HEADER_SIZE ((sizeof(heap_segment) + sizeof(heap) + 15) & ~(SIZE_T)15)

/* Registry of live heaps for RtlGetProcessHeaps. */
#define MAX_HEAPS 128
static heap *all_heaps[MAX_HEAPS];
static RTL_SRWLOCK all_heaps_lock;

static SIZE_T round_up(SIZE_T n, SIZE_T to)
{
	return (n + to - 1) & ~(to - 1);
}

/* Size classes 1..64 hold 16..1024 bytes in 16-byte steps; classes 65..96
 * split each power of two from 1 KiB to 256 KiB into four steps, so no
 * block wastes more than 20%. */
static unsigned size_to_class(SIZE_T n)
{
	unsigned b;

	if (n <= 1024)
		return n ? (unsigned)((n + 15) >> 4) : 1;
	n--;
	b = 63 - (unsigned)__builtin_clzll(n);
	return 65 + (b - 10) * 4 + (unsigned)((n >> (b - 2)) & 3);
}

static SIZE_T class_capacity(unsigned cls)
{
	unsigned k, b;

	if (cls <= 64)
		return (SIZE_T)cls << 4;
	k = cls - 65;
	b = 10 + k / 4;
	return (SIZE_T)(4 + k % 4 + 1) << (b - 2);
}

static ULONG heap_check(const heap *h)
{
	return (ULONG)((ULONG_PTR)h >> 4) ^ 0x6B1C0DE5UL;
}

static BOOL heap_valid(const heap *h)
{
	return h && ((ULONG_PTR)h & 15) == 0 && h->signature == HEAP_SIGNATURE;
}

static void heap_lock(heap *h, ULONG flags)
{
	if (!((h->flags | flags) & HEAP_NO_SERIALIZE))
		RtlEnterCriticalSection(&h->lock);
}

static void heap_unlock(heap *h, ULONG flags)
{
	if (!((h->flags | flags) & HEAP_NO_SERIALIZE))
		RtlLeaveCriticalSection(&h->lock);
}

static NTSTATUS vm_reserve(SIZE_T size, ULONG type, ULONG protect, void **out)
{
	void *base = NULL;

	return NtAllocateVirtualMemory((HANDLE)-1, out ? (*out = NULL, out) : &base, 0,
				       &size, type, protect);
}

static NTSTATUS vm_commit(void *addr, SIZE_T size, ULONG protect)
{
	return NtAllocateVirtualMemory((HANDLE)-1, &addr, 0, &size, MEM_COMMIT, protect);
}

static void vm_release(void *addr)
{
	SIZE_T size = 0;

	NtFreeVirtualMemory((HANDLE)-1, &addr, &size, MEM_RELEASE);
}

/* Make [seg->bump, seg->bump + need) committed; FALSE if the segment's
 * reservation is too small. */
static BOOL segment_commit(heap *h, heap_segment *seg, SIZE_T need)
{
	SIZE_T have = (SIZE_T)(seg->commit_end - (char *)seg);
	SIZE_T step, missing;

	if (seg->bump + need <= seg->commit_end)
		return TRUE;
	if (seg->bump + need > seg->reserve_end)
		return FALSE;
	/* Commit at least what is needed, and more as the segment fills up,
	 * to keep the number of NT calls logarithmic. */
	step = have < COMMIT_MIN ? COMMIT_MIN : have > COMMIT_MAX ? COMMIT_MAX : have;
	missing = round_up((SIZE_T)(seg->bump + need - seg->commit_end), COMMIT_MIN);
	if (step < missing)
		step = missing;
	if (seg->commit_end + step > seg->reserve_end)
		step = (SIZE_T)(seg->reserve_end - seg->commit_end);
	if (vm_commit(seg->commit_end, step, h->protect) < 0)
		return FALSE;
	seg->commit_end += step;
	return TRUE;
}

/* Reserve a new segment that can hold at least `need` bytes and make it the
 * current one.  Growable heaps only. */
static BOOL heap_add_segment(heap *h, SIZE_T need)
{
	SIZE_T size = h->next_reserve;
	void *base;
	heap_segment *seg;

	if (!(h->flags & HEAP_GROWABLE))
		return FALSE;
	if (size < need + sizeof(heap_segment))
		size = round_up(need + sizeof(heap_segment), 0x10000);
	if (vm_reserve(size, MEM_RESERVE, h->protect, &base) < 0)
		return FALSE;
	seg = base;
	if (vm_commit(seg, COMMIT_MIN, h->protect) < 0) {
		vm_release(base);
		return FALSE;
	}
	seg->bump = (char *)base + sizeof(heap_segment);
	seg->commit_end = (char *)base + COMMIT_MIN;
	seg->reserve_end = (char *)base + size;
	seg->reserved = size;
	seg->next = h->segments;
	h->segments = seg;
	if (h->next_reserve < SEGMENT_MAX)
		h->next_reserve *= 2;
	return TRUE;
}

/* A block of class `cls` from its free list or from the current segment. */
static heap_block *heap_alloc_small(heap *h, unsigned cls)
{
	SIZE_T need = sizeof(heap_block) + class_capacity(cls);
	heap_block *b = h->free[cls];

	if (b) {
		h->free[cls] = *(void **)(b + 1);
		return b;
	}
	if (!segment_commit(h, h->segments, need)) {
		if (!heap_add_segment(h, need) || !segment_commit(h, h->segments, need))
			return NULL;
	}
	b = (heap_block *)h->segments->bump;
	h->segments->bump += need;
	b->cls = (USHORT)cls;
	b->check = h->check;
	return b;
}

static heap_block *heap_alloc_large(heap *h, SIZE_T size)
{
	SIZE_T map = round_up(sizeof(heap_large) + size, 0x1000);
	void *base;
	heap_large *l;

	if (map < size || vm_reserve(map, MEM_RESERVE | MEM_COMMIT, h->protect, &base) < 0)
		return NULL;
	l = base;
	l->map_size = map;
	l->link.Flink = h->large.Flink;
	l->link.Blink = &h->large;
	h->large.Flink->Blink = &l->link;
	h->large.Flink = &l->link;
	l->hdr.cls = CLASS_LARGE;
	l->hdr.check = h->check;
	return &l->hdr;
}

static void heap_free_large(heap_block *b)
{
	heap_large *l = CONTAINING_RECORD(b, heap_large, hdr);

	l->link.Blink->Flink = l->link.Flink;
	l->link.Flink->Blink = l->link.Blink;
	vm_release(l);
}

/* The header of a busy block of this heap, or NULL for anything else. */
static heap_block *heap_user_block(const heap *h, const void *p)
{
	heap_block *b;

	if (!p || ((ULONG_PTR)p & 15))
		return NULL;
	b = (heap_block *)p - 1;
	if (b->check != h->check || b->state != BLOCK_BUSY)
		return NULL;
	if (b->cls != CLASS_LARGE && (b->cls == 0 || b->cls >= NUM_CLASSES))
		return NULL;
	return b;
}

static void heap_register(heap *h, heap *replace)
{
	int i;

	RtlAcquireSRWLockExclusive(&all_heaps_lock);
	for (i = 0; i < MAX_HEAPS; i++) {
		if (all_heaps[i] == replace) {
			all_heaps[i] = h;
			break;
		}
	}
	RtlReleaseSRWLockExclusive(&all_heaps_lock);
}

RTLAPI PVOID NTAPI RtlCreateHeap(ULONG flags, PVOID base, SIZE_T reserve, SIZE_T commit,
				 PVOID lock, PRTL_HEAP_PARAMETERS params)
{
	ULONG protect = (flags & HEAP_CREATE_ENABLE_EXECUTE) ? PAGE_EXECUTE_READWRITE :
							       PAGE_READWRITE;
	heap_segment *seg;
	heap *h;
	void *mem;

	if (base) /* caller-provided memory is not supported (yet) */
		return NULL;
	if (!reserve)
		flags |= HEAP_GROWABLE;
	reserve = round_up(reserve > SEGMENT_MIN ? reserve : SEGMENT_MIN, 0x10000);
	commit = round_up(commit > HEAP_HEADER_SIZE ? commit : COMMIT_MIN, COMMIT_MIN);
	if (commit > reserve)
		commit = reserve;
	if (vm_reserve(reserve, MEM_RESERVE, protect, &mem) < 0)
		return NULL;
	if (vm_commit(mem, commit, protect) < 0) {
		vm_release(mem);
		return NULL;
	}
	seg = mem;
	h = (heap *)(seg + 1);
	seg->bump = (char *)mem + HEAP_HEADER_SIZE;
	seg->commit_end = (char *)mem + commit;
	seg->reserve_end = (char *)mem + reserve;
	seg->reserved = reserve;
	h->signature = HEAP_SIGNATURE;
	h->flags = flags;
	h->protect = protect;
	h->check = heap_check(h);
	h->segments = seg;
	h->large.Flink = h->large.Blink = &h->large;
	h->next_reserve = reserve * 2;
	RtlInitializeCriticalSectionEx(&h->lock, 0, 0);
	heap_register(h, NULL);
	return h;
}

/* Returns NULL on success and the handle on failure, as documented. */
RTLAPI PVOID NTAPI RtlDestroyHeap(PVOID handle)
{
	heap *h = handle;
	heap_segment *seg, *next;

	if (!heap_valid(h) || h == (heap *)lsw_process_heap())
		return handle;
	heap_register(NULL, h);
	while (h->large.Flink != &h->large)
		heap_free_large(&CONTAINING_RECORD(h->large.Flink, heap_large, link)->hdr);
	RtlDeleteCriticalSection(&h->lock);
	h->signature = 0;
	/* The heap header lives in the oldest segment, the last in the list. */
	for (seg = h->segments; seg; seg = next) {
		next = seg->next;
		vm_release(seg);
	}
	return NULL;
}

static heap_block *heap_alloc_block(heap *h, SIZE_T size)
{
	if (size <= SMALL_MAX)
		return heap_alloc_small(h, size_to_class(size));
	if (!(h->flags & HEAP_GROWABLE))
		return NULL;
	return heap_alloc_large(h, size);
}

RTLAPI PVOID NTAPI RtlAllocateHeap(PVOID handle, ULONG flags, SIZE_T size)
{
	heap *h = handle;
	heap_block *b;

	if (!heap_valid(h))
		return NULL;
	if (!(h->flags & HEAP_GROWABLE) && size > FIXED_HEAP_BLOCK_MAX)
		return NULL;
	heap_lock(h, flags);
	b = heap_alloc_block(h, size);
	if (b) {
		b->size = size;
		b->state = BLOCK_BUSY;
	}
	heap_unlock(h, flags);
	if (!b)
		return NULL;
	if (flags & HEAP_ZERO_MEMORY)
		memset(b + 1, 0, size);
	return b + 1;
}

static void heap_release_block(heap *h, heap_block *b)
{
	b->state = BLOCK_FREE;
	if (b->cls == CLASS_LARGE) {
		heap_free_large(b);
		return;
	}
	*(void **)(b + 1) = h->free[b->cls];
	h->free[b->cls] = b;
}

RTLAPI BOOLEAN NTAPI RtlFreeHeap(PVOID handle, ULONG flags, PVOID ptr)
{
	heap *h = handle;
	heap_block *b;

	if (!ptr)
		return TRUE;
	if (!heap_valid(h))
		return FALSE;
	heap_lock(h, flags);
	b = heap_user_block(h, ptr);
	if (b)
		heap_release_block(h, b);
	heap_unlock(h, flags);
	return b != NULL;
}

static SIZE_T block_capacity(const heap_block *b)
{
	if (b->cls == CLASS_LARGE)
		return CONTAINING_RECORD(b, heap_large, hdr)->map_size - sizeof(heap_large);
	return class_capacity(b->cls);
}

/* Grow or shrink in place when the block's class still fits; a block that
 * would waste more than half of its space moves (unless IN_PLACE_ONLY). */
static BOOL heap_resize_in_place(heap_block *b, SIZE_T size, ULONG flags)
{
	SIZE_T cap = block_capacity(b);

	if (size > cap)
		return FALSE;
	if (size < cap / 2 && !(flags & HEAP_REALLOC_IN_PLACE_ONLY) && cap > 32)
		return FALSE;
	if ((flags & HEAP_ZERO_MEMORY) && size > b->size)
		memset((char *)(b + 1) + b->size, 0, size - b->size);
	b->size = size;
	return TRUE;
}

RTLAPI PVOID NTAPI RtlReAllocateHeap(PVOID handle, ULONG flags, PVOID ptr, SIZE_T size)
{
	heap *h = handle;
	heap_block *b, *nb = NULL;
	void *ret = NULL;

	if (!ptr || !heap_valid(h))
		return NULL;
	heap_lock(h, flags);
	b = heap_user_block(h, ptr);
	if (!b)
		goto out;
	if (heap_resize_in_place(b, size, flags)) {
		ret = ptr;
		goto out;
	}
	if ((flags & HEAP_REALLOC_IN_PLACE_ONLY) ||
	    (!(h->flags & HEAP_GROWABLE) && size > FIXED_HEAP_BLOCK_MAX))
		goto out;
	nb = heap_alloc_block(h, size);
	if (!nb)
		goto out;
	nb->size = size;
	nb->state = BLOCK_BUSY;
	memcpy(nb + 1, ptr, b->size < size ? b->size : size);
	if ((flags & HEAP_ZERO_MEMORY) && size > b->size)
		memset((char *)(nb + 1) + b->size, 0, size - b->size);
	heap_release_block(h, b);
	ret = nb + 1;
out:
	heap_unlock(h, flags);
	return ret;
}

/* Returns (SIZE_T)-1 for a block that is not ours, as documented. */
RTLAPI SIZE_T NTAPI RtlSizeHeap(PVOID handle, ULONG flags, const void *ptr)
{
	heap *h = handle;
	heap_block *b;
	SIZE_T size = (SIZE_T)-1;

	if (!heap_valid(h))
		return size;
	heap_lock(h, flags);
	b = heap_user_block(h, ptr);
	if (b)
		size = b->size;
	heap_unlock(h, flags);
	return size;
}

/* Checks the heap header, the free lists' links and, if given, one block. */
/* Whether p lies in memory this heap handed out: HeapValidate is
 * documented to answer FALSE for any pointer, so it must not touch one
 * outside the heap. */
static BOOL heap_owns(heap *h, const void *p)
{
	const char *c = p;
	LIST_ENTRY *e;

	for (heap_segment *s = h->segments; s; s = s->next)
		if (c >= (char *)(s + 1) && c < s->bump)
			return TRUE;
	for (e = h->large.Flink; e && e != &h->large; e = e->Flink)
		if (c == (char *)(&CONTAINING_RECORD(e, heap_large, link)->hdr + 1))
			return TRUE;
	return FALSE;
}

RTLAPI BOOLEAN NTAPI RtlValidateHeap(PVOID handle, ULONG flags, const void *ptr)
{
	heap *h = handle;
	BOOLEAN ok = TRUE;
	unsigned cls;

	if (!heap_valid(h))
		return FALSE;
	heap_lock(h, flags);
	if (ptr) {
		ok = heap_owns(h, ptr) && heap_user_block(h, ptr) != NULL;
	} else {
		for (cls = 1; cls < NUM_CLASSES && ok; cls++) {
			heap_block *b;
			for (b = h->free[cls]; b && ok; b = *(void **)(b + 1))
				ok = b->check == h->check && b->state == BLOCK_FREE &&
				     b->cls == cls;
		}
	}
	heap_unlock(h, flags);
	return ok;
}

RTLAPI ULONG NTAPI RtlGetProcessHeaps(ULONG count, PVOID *heaps)
{
	ULONG n = 0;
	int i;

	RtlAcquireSRWLockShared(&all_heaps_lock);
	for (i = 0; i < MAX_HEAPS; i++) {
		if (!all_heaps[i])
			continue;
		if (n < count)
			heaps[n] = all_heaps[i];
		n++;
	}
	RtlReleaseSRWLockShared(&all_heaps_lock);
	return n;
}

RTLAPI ULONG NTAPI RtlCompactHeap(PVOID handle, ULONG flags)
{
	return heap_valid(handle) ? SMALL_MAX : 0;
}

RTLAPI BOOLEAN NTAPI RtlLockHeap(PVOID handle)
{
	if (!heap_valid(handle))
		return FALSE;
	RtlEnterCriticalSection(&((heap *)handle)->lock);
	return TRUE;
}

RTLAPI BOOLEAN NTAPI RtlUnlockHeap(PVOID handle)
{
	if (!heap_valid(handle))
		return FALSE;
	RtlLeaveCriticalSection(&((heap *)handle)->lock);
	return TRUE;
}
