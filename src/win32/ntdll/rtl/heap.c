/*
 * RtlCreateHeap and friends: the heap behind HeapAlloc, malloc and every
 * Rtl allocation.  The layout and its reasons: heap_private.h.
 *
 * A failed allocation sets the thread's last error to
 * ERROR_NOT_ENOUGH_MEMORY (HeapAlloc callers read it, as on Windows) and,
 * with HEAP_GENERATE_EXCEPTIONS, raises STATUS_NO_MEMORY instead.
 */
#include "heap_private.h"

void NTAPI RtlRaiseStatus(NTSTATUS);

/* Registry of live heaps for RtlGetProcessHeaps (heap_info.c). */
#define MAX_HEAPS 128
heap *rtl_all_heaps[MAX_HEAPS];
RTL_SRWLOCK rtl_all_heaps_lock;

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

SIZE_T heap_class_capacity(unsigned cls)
{
	unsigned k, b;

	if (cls <= 64)
		return (SIZE_T)cls << 4;
	k = cls - 65;
	b = 10 + k / 4;
	return (SIZE_T)(4 + k % 4 + 1) << (b - 2);
}

SIZE_T heap_block_capacity(const heap_block *b)
{
	if (b->cls == CLASS_LARGE)
		return CONTAINING_RECORD(b, heap_large, hdr)->map_size - sizeof(heap_large);
	if (b->cls == CLASS_EXACT)
		return heap_round_up(b->size ? b->size : 1, 16) + (SIZE_T)(b->bits & BITS_SLACK) * 16;
	return heap_class_capacity(b->cls);
}

/* Give a block a new requested size, keeping its capacity (an exact
 * block's capacity is kept relative to its size). */
static void block_set_size(heap_block *b, SIZE_T size)
{
	SIZE_T cap;

	if (b->cls != CLASS_EXACT) {
		b->size = size;
		return;
	}
	cap = heap_block_capacity(b);
	b->size = size;
	b->bits = (BYTE)((b->bits & ~BITS_SLACK) | (cap - heap_round_up(size ? size : 1, 16)) / 16);
}

static ULONG heap_check(const heap *h)
{
	return (ULONG)((ULONG_PTR)h >> 4) ^ 0x6B1C0DE5UL;
}

heap_block *heap_user_block(const heap *h, const void *p)
{
	heap_block *b;

	if (!p || ((ULONG_PTR)p & 15))
		return NULL;
	b = (heap_block *)p - 1;
	if (b->check != h->check || b->state != BLOCK_BUSY)
		return NULL;
	if (b->cls != CLASS_LARGE && b->cls != CLASS_EXACT && (b->cls == 0 || b->cls >= NUM_CLASSES))
		return NULL;
	return b;
}

static NTSTATUS vm_reserve(SIZE_T size, ULONG type, ULONG protect, void **out)
{
	*out = NULL;
	return NtAllocateVirtualMemory((HANDLE)-1, out, 0, &size, type, protect);
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
	SIZE_T have = (SIZE_T)(seg->commit_end - seg->base);
	SIZE_T step, missing;

	if (seg->bump + need <= seg->commit_end)
		return TRUE;
	if (need > (SIZE_T)(seg->reserve_end - seg->bump))
		return FALSE;
	/* Commit at least what is needed, and more as the segment fills up,
	 * to keep the number of NT calls logarithmic. */
	step = have < COMMIT_MIN ? COMMIT_MIN : have > COMMIT_MAX ? COMMIT_MAX : have;
	missing = heap_round_up((SIZE_T)(seg->bump + need - seg->commit_end), COMMIT_MIN);
	if (step < missing)
		step = missing;
	if (step > (SIZE_T)(seg->reserve_end - seg->commit_end))
		step = (SIZE_T)(seg->reserve_end - seg->commit_end);
	if (vm_commit(seg->commit_end, step, h->protect) < 0)
		return FALSE;
	seg->commit_end += step;
	return TRUE;
}

static void segment_init(heap_segment *seg, char *base, char *first, SIZE_T commit,
			 SIZE_T reserve)
{
	seg->base = base;
	seg->first = seg->bump = first;
	seg->commit_end = base + commit;
	seg->reserve_end = base + reserve;
}

/* Reserve a new segment that can hold at least `need` bytes and make it the
 * current one.  Growable heaps only. */
static BOOL heap_add_segment(heap *h, SIZE_T need)
{
	SIZE_T size = h->next_reserve, commit;
	heap_segment *seg;
	void *base;

	if (!(h->flags & HEAP_GROWABLE))
		return FALSE;
	if (size < need + sizeof(heap_segment) + SEGMENT_GUARD)
		size = heap_round_up(need + sizeof(heap_segment) + SEGMENT_GUARD, 0x10000);
	commit = size - SEGMENT_GUARD < COMMIT_MIN ? size - SEGMENT_GUARD : COMMIT_MIN;
	if (vm_reserve(size, MEM_RESERVE, h->protect, &base) < 0)
		return FALSE;
	if (vm_commit(base, commit, h->protect) < 0) {
		vm_release(base);
		return FALSE;
	}
	seg = base;
	segment_init(seg, base, (char *)(seg + 1), commit, size - SEGMENT_GUARD);
	seg->index = h->nsegments++;
	seg->next = h->segments;
	h->segments = seg;
	if (h->next_reserve < SEGMENT_MAX)
		h->next_reserve *= 2;
	return TRUE;
}

/* `need` bytes (header included) from the current segment's end. */
static heap_block *heap_bump(heap *h, SIZE_T need)
{
	heap_block *b;

	if (!segment_commit(h, h->segments, need)) {
		if (!heap_add_segment(h, need) || !segment_commit(h, h->segments, need))
			return NULL;
	}
	b = (heap_block *)h->segments->bump;
	h->segments->bump += need;
	b->check = h->check;
	return b;
}

/* A block of class `cls` from its free list or from the current segment. */
static heap_block *heap_alloc_small(heap *h, unsigned cls)
{
	heap_block *b = h->free[cls];

	if (b) {
		h->free[cls] = *(void **)(b + 1);
		return b;
	}
	b = heap_bump(h, sizeof(heap_block) + heap_class_capacity(cls));
	if (b)
		b->cls = (USHORT)cls;
	return b;
}

/* Keep `need` bytes of the exact block b; a remainder of 32 bytes or more
 * becomes a free block of its own.  b's size is left at its capacity
 * (block_set_size gives it the caller's). */
static void exact_trim(heap *h, heap_block *b, SIZE_T cap, SIZE_T need)
{
	heap_block *rest;

	b->bits &= ~BITS_SLACK;
	if (cap - need < 2 * sizeof(heap_block)) {
		b->size = cap;
		return;
	}
	b->size = need;
	rest = (heap_block *)((char *)(b + 1) + need);
	rest->size = cap - need - sizeof(heap_block);
	rest->cls = CLASS_EXACT;
	rest->bits = 0;
	rest->check = h->check;
	rest->state = BLOCK_FREE;
	*(void **)(rest + 1) = h->exact_free;
	h->exact_free = rest;
	heap_debug_fill_free(h, rest);
}

/* Merge each run of adjacent free exact blocks of a fixed heap (one
 * segment) into one block, give a run that ends at the bump pointer back
 * to the segment, and rebuild the free list in address order.  Done only
 * when an allocation found no room, so frees stay O(1). */
static void exact_coalesce(heap *h)
{
	heap_segment *s = h->segments;
	heap_block **tail = &h->exact_free, **run_link = NULL, *run = NULL;
	char *p = s->first;

	while (p < s->bump) {
		heap_block *b = (heap_block *)p;
		SIZE_T len = sizeof(*b) + heap_block_capacity(b);

		if (b->cls != CLASS_EXACT || b->state != BLOCK_FREE) {
			run = NULL;
		} else if (run) {
			run->size += len;
		} else {
			run = b;
			run_link = tail;
			*tail = b;
			tail = (heap_block **)(b + 1);
		}
		p += len;
	}
	*tail = NULL;
	if (run) {
		*run_link = NULL;
		s->bump = (char *)run;
	}
	for (heap_block *b = h->exact_free; b; b = *(heap_block **)(b + 1))
		heap_debug_fill_free(h, b);
}

static heap_block *exact_first_fit(heap *h, SIZE_T need)
{
	heap_block **link, *b;

	for (link = &h->exact_free; (b = *link); link = (heap_block **)(b + 1)) {
		SIZE_T cap = b->size;

		if (cap < need)
			continue;
		*link = *(heap_block **)(b + 1);
		exact_trim(h, b, cap, need);
		return b;
	}
	return NULL;
}

/* First fit among the free exact blocks, else a new one, else first fit
 * again once neighbouring free blocks are merged. */
static heap_block *heap_alloc_exact(heap *h, SIZE_T size)
{
	SIZE_T need = heap_round_up(size ? size : 1, 16);
	heap_block *b = exact_first_fit(h, need);

	if (b)
		return b;
	b = heap_bump(h, sizeof(heap_block) + need);
	if (!b) {
		exact_coalesce(h);
		if ((b = exact_first_fit(h, need)))
			return b;
		b = heap_bump(h, sizeof(heap_block) + need);
	}
	if (b) {
		b->cls = CLASS_EXACT;
		b->bits = 0;
		b->size = need;
	}
	return b;
}

static heap_block *heap_alloc_large(heap *h, SIZE_T size)
{
	SIZE_T map = heap_round_up(sizeof(heap_large) + size, 0x1000);
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

static void heap_register(heap *h, heap *replace)
{
	int i;

	RtlAcquireSRWLockExclusive(&rtl_all_heaps_lock);
	for (i = 0; i < MAX_HEAPS; i++) {
		if (rtl_all_heaps[i] == replace) {
			rtl_all_heaps[i] = h;
			break;
		}
	}
	RtlReleaseSRWLockExclusive(&rtl_all_heaps_lock);
}

RTLAPI PVOID NTAPI RtlCreateHeap(ULONG flags, PVOID base, SIZE_T reserve, SIZE_T commit,
				 PVOID lock, PRTL_HEAP_PARAMETERS params)
{
	ULONG protect = (flags & HEAP_CREATE_ENABLE_EXECUTE) ? PAGE_EXECUTE_READWRITE :
							       PAGE_READWRITE;
	SIZE_T header = heap_round_up(sizeof(heap), 16), guard;
	heap *h;
	void *mem;

	if (base) /* caller-provided memory is not supported (yet) */
		return NULL;
	flags |= heap_flags_from_global(lsw_peb()->NtGlobalFlag);
	if (!reserve)
		flags |= HEAP_GROWABLE;
	guard = (flags & HEAP_GROWABLE) ? SEGMENT_GUARD : 0;
	reserve = heap_round_up(reserve ? reserve : SEGMENT_MIN, 0x10000);
	if (reserve < header + 0x1000 + guard)
		reserve = heap_round_up(header + 0x1000 + guard, 0x10000);
	commit = heap_round_up(commit > header ? commit : FIRST_COMMIT, 0x1000);
	if (commit > reserve - guard)
		commit = reserve - guard;
	if (vm_reserve(reserve, MEM_RESERVE, protect, &mem) < 0)
		return NULL;
	if (vm_commit(mem, commit, protect) < 0) {
		vm_release(mem);
		return NULL;
	}
	h = mem;
	h->segment_signature = WINDOWS_SEGMENT_SIGNATURE;
	h->signature = HEAP_SIGNATURE;
	h->flags = flags;
	h->force_flags = heap_force_flags(flags);
	h->protect = protect;
	h->check = heap_check(h);
	segment_init(&h->first_segment, mem, (char *)mem + header, commit, reserve - guard);
	h->segments = &h->first_segment;
	h->nsegments = 1;
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

	if (!heap_valid(h)) {
		heap_report_invalid(handle, "RtlDestroyHeap");
		return handle;
	}
	if (h == (heap *)lsw_process_heap())
		return handle;
	heap_register(NULL, h);
	while (h->large.Flink != &h->large)
		heap_free_large(&CONTAINING_RECORD(h->large.Flink, heap_large, link)->hdr);
	RtlDeleteCriticalSection(&h->lock);
	h->signature = 0;
	/* The first segment lives in the heap's own region: released last. */
	for (seg = h->segments; seg != &h->first_segment; seg = next) {
		next = seg->next;
		vm_release(seg->base);
	}
	vm_release(h);
	return NULL;
}

/* Counts an allocation of a size class (see LFH_THRESHOLD); TRUE when
 * the class is LFH's by now. */
static BOOL heap_count_class(heap *h, unsigned cls)
{
	ULONG no_lfh = HEAP_NO_SERIALIZE | HEAP_TAIL_CHECKING_ENABLED | HEAP_FREE_CHECKING_ENABLED |
		       HEAP_VALIDATE_PARAMETERS_ENABLED | HEAP_VALIDATE_ALL_ENABLED;

	if (!(h->flags & HEAP_GROWABLE) || (h->flags & no_lfh) || cls >= NUM_CLASSES ||
	    heap_class_capacity(cls) > LFH_BLOCK_MAX)
		return FALSE;
	if (h->class_uses[cls] < LFH_THRESHOLD && ++h->class_uses[cls] == LFH_THRESHOLD)
		h->compat = HEAP_COMPAT_LFH;
	return h->class_uses[cls] >= LFH_THRESHOLD;
}

static heap_block *heap_alloc_block(heap *h, SIZE_T size)
{
	if (!(h->flags & HEAP_GROWABLE)) {
		if (size > FIXED_HEAP_BLOCK_MAX)
			return NULL;
		return size <= EXACT_MIN ? heap_alloc_small(h, size_to_class(size)) :
					   heap_alloc_exact(h, size);
	}
	if (size <= SMALL_MAX)
		return heap_alloc_small(h, size_to_class(size));
	return heap_alloc_large(h, size);
}

/* The failure every allocation call reports. */
static void *heap_no_memory(heap *h, ULONG flags)
{
	if ((h->flags | flags) & HEAP_GENERATE_EXCEPTIONS)
		RtlRaiseStatus(STATUS_NO_MEMORY);
	RtlSetLastWin32Error(ERROR_NOT_ENOUGH_MEMORY);
	return NULL;
}

/* The room a block of `size` bytes takes: its data, the debug tail, and
 * with user info 16 more bytes at the next 16-byte boundary; SIZE_MAX,
 * which no allocation can give, when that does not fit in a SIZE_T (a
 * size near SIZE_MAX fails cleanly). */
static SIZE_T block_room(const heap *h, SIZE_T size, BOOL user_info)
{
	SIZE_T room = size + heap_debug_extra(h);

	if (room < size)
		return (SIZE_T)-1;
	if (user_info) {
		room = heap_round_up(room, 16) + HEAP_USER_INFO_SIZE;
		if (room < size)
			return (SIZE_T)-1;
	}
	return room;
}

/* A new busy block of `size` bytes, with user info and flags as `flags`
 * ask (HEAP_SETTABLE_USER_VALUE, HEAP_SETTABLE_USER_FLAG1..3). */
static heap_block *heap_new_block(heap *h, SIZE_T size, ULONG flags)
{
	BOOL user_info = (flags & HEAP_SETTABLE_USER_VALUE) != 0;
	heap_block *b = heap_alloc_block(h, block_room(h, size, user_info));

	if (!b)
		return NULL;
	block_set_size(b, size);
	b->state = BLOCK_BUSY;
	b->bits = (BYTE)((b->bits & BITS_SLACK) | USER_FLAGS_TO_BITS(flags) |
			 (user_info ? BITS_USER_INFO : heap_count_class(h, b->cls) ? BITS_LFH : 0));
	if (user_info)
		memset(heap_user_info(h, b), 0, HEAP_USER_INFO_SIZE);
	return b;
}

RTLAPI PVOID NTAPI RtlAllocateHeap(PVOID handle, ULONG flags, SIZE_T size)
{
	heap *h = handle;
	heap_block *b;

	if (!heap_valid(h))
		return NULL;
	heap_lock(h, flags);
	b = heap_new_block(h, size, flags);
	heap_unlock(h, flags);
	if (!b)
		return heap_no_memory(h, flags);
	if (flags & HEAP_ZERO_MEMORY)
		memset(b + 1, 0, size);
	heap_debug_fill_busy(h, b, flags);
	return b + 1;
}

static void heap_release_block(heap *h, heap_block *b)
{
	b->state = BLOCK_FREE;
	if (b->cls == CLASS_LARGE) {
		heap_free_large(b);
		return;
	}
	if (b->cls == CLASS_EXACT) {
		b->size = heap_block_capacity(b);
		b->bits = 0;
		*(void **)(b + 1) = h->exact_free;
		h->exact_free = b;
		heap_debug_fill_free(h, b);
		return;
	}
	*(void **)(b + 1) = h->free[b->cls];
	h->free[b->cls] = b;
	heap_debug_fill_free(h, b);
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
	b = heap_checked_block(h, ptr, flags);
	if (b)
		heap_release_block(h, b);
	heap_unlock(h, flags);
	return b != NULL;
}

/* Grow or shrink in place when the block still fits; a block that would
 * waste more than half of its space moves (unless IN_PLACE_ONLY).  Exact
 * blocks give back what a shrink leaves. */
/* The capacity an exact block (of a fixed heap: one segment) reaches by
 * taking what follows it when that makes `room`: the free exact block
 * right after it, or the segment's room not handed out yet.  A block
 * shrunk in place grows back in place, as on Windows. */
static SIZE_T exact_absorb(heap *h, heap_block *b, SIZE_T cap, SIZE_T room)
{
	heap_segment *s = h->segments;
	heap_block *next = (heap_block *)((char *)(b + 1) + cap), **link;
	SIZE_T more = heap_round_up(room - cap, 16);

	if ((char *)next == s->bump) {
		if (!segment_commit(h, s, more))
			return cap;
		s->bump += more;
		return cap + more;
	}
	if (next->cls != CLASS_EXACT || next->state != BLOCK_FREE ||
	    cap + sizeof(heap_block) + next->size < room)
		return cap;
	for (link = &h->exact_free; *link && *link != next; link = (heap_block **)(*link + 1))
		;
	if (!*link)
		return cap;
	*link = *(heap_block **)(next + 1);
	return cap + sizeof(heap_block) + next->size;
}

/* The capacity a size-class block reaches by growing into the current
 * segment's room not handed out yet, when it is the last block carved
 * there: it becomes a block of the class `room` needs.  A block grows in
 * place into the free room after it, as in Windows' heap. */
static SIZE_T class_grow_at_end(heap *h, heap_block *b, SIZE_T cap, SIZE_T room)
{
	heap_segment *s = h->segments;
	unsigned cls;
	SIZE_T more;

	if ((char *)(b + 1) + cap != s->bump || room > SMALL_MAX)
		return cap;
	cls = size_to_class(room);
	more = heap_class_capacity(cls) - cap;
	if (!segment_commit(h, s, more))
		return cap;
	s->bump += more;
	b->cls = (USHORT)cls;
	return heap_class_capacity(cls);
}

/* A block with a region of its own (a virtual block, as Windows calls
 * those of about 1 MiB and more) gives its pages back when it shrinks,
 * and then cannot grow back in place, as on Windows. */
static void large_shrink(heap_block *b, SIZE_T room)
{
	heap_large *l = CONTAINING_RECORD(b, heap_large, hdr);
	SIZE_T keep = heap_round_up(sizeof(heap_large) + room, 0x1000), len;
	void *tail;

	if (l->map_size <= VIRTUAL_BLOCK_MIN || keep >= l->map_size)
		return;
	tail = (char *)l + keep;
	len = l->map_size - keep;
	if (NtFreeVirtualMemory((HANDLE)-1, &tail, &len, MEM_DECOMMIT) >= 0)
		l->map_size = keep;
}

static BOOL heap_resize_in_place(heap *h, heap_block *b, SIZE_T size, ULONG flags)
{
	SIZE_T cap = heap_block_capacity(b), old = b->size;
	SIZE_T room = block_room(h, size, (b->bits & BITS_USER_INFO) != 0);
	ULONG_PTR user_value = 0;

	if (b->bits & BITS_LFH)
		return FALSE;
	if (room > cap && b->cls == CLASS_EXACT)
		cap = exact_absorb(h, b, cap, room);
	else if (room > cap && b->cls != CLASS_LARGE)
		cap = class_grow_at_end(h, b, cap, room);
	if (room > cap)
		return FALSE;
	/* Like Windows' low-fragmentation buckets, a small block that would
	 * waste more than half of its room moves to a smaller one; bigger
	 * blocks shrink in place. */
	if (b->cls != CLASS_EXACT && b->cls != CLASS_LARGE && cap <= LFH_BLOCK_MAX &&
	    size < cap / 2 && !(flags & HEAP_REALLOC_IN_PLACE_ONLY) && cap > 32)
		return FALSE;
	if (b->cls == CLASS_LARGE)
		large_shrink(b, room);
	if (b->bits & BITS_USER_INFO)
		user_value = heap_user_info(h, b)[1];
	if (b->cls == CLASS_EXACT)
		exact_trim(h, b, cap, heap_round_up(room ? room : 1, 16));
	if ((flags & HEAP_ZERO_MEMORY) && size > old)
		memset((char *)(b + 1) + old, 0, size - old);
	block_set_size(b, size);
	heap_debug_set_tail(h, b);
	if (b->bits & BITS_USER_INFO) {
		ULONG_PTR *info = heap_user_info(h, b);

		info[0] = 0;
		info[1] = user_value;
	}
	return TRUE;
}

RTLAPI PVOID NTAPI RtlReAllocateHeap(PVOID handle, ULONG flags, PVOID ptr, SIZE_T size)
{
	heap *h = handle;
	heap_block *b, *nb = NULL;
	void *ret = NULL;
	SIZE_T old;

	if (!ptr) { /* nothing to resize: NULL, and no error (as Windows) */
		RtlSetLastWin32Error(ERROR_SUCCESS);
		return NULL;
	}
	if (!heap_valid(h))
		return NULL;
	heap_lock(h, flags);
	b = heap_checked_block(h, ptr, flags);
	if (!b)
		goto out;
	if (heap_resize_in_place(h, b, size, flags)) {
		ret = ptr;
		goto out;
	}
	if (flags & HEAP_REALLOC_IN_PLACE_ONLY)
		goto fail;
	old = b->size;
	nb = heap_new_block(h, size, USER_FLAGS_FROM_BITS(b->bits) |
				     ((b->bits & BITS_USER_INFO) ? HEAP_SETTABLE_USER_VALUE : 0));
	if (!nb)
		goto fail;
	heap_debug_fill_busy(h, nb, flags);
	memcpy(nb + 1, ptr, old < size ? old : size);
	if ((flags & HEAP_ZERO_MEMORY) && size > old)
		memset((char *)(nb + 1) + old, 0, size - old);
	if (b->bits & BITS_USER_INFO)
		heap_user_info(h, nb)[1] = heap_user_info(h, b)[1];
	heap_release_block(h, b);
	ret = nb + 1;
	goto out;
fail:
	heap_unlock(h, flags);
	return heap_no_memory(h, flags);
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
	b = heap_checked_block(h, ptr, flags);
	if (b)
		size = b->size;
	heap_unlock(h, flags);
	return size;
}
