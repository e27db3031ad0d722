/*
 * What the heap says about itself: RtlValidateHeap, RtlWalkHeap, the list
 * of process heaps, locking, and heap information classes.
 *
 * RtlWalkHeap reports, segment by segment (oldest first): the segment as a
 * region, each block carved from it (busy or free), the committed room
 * not handed out yet as one free block, and the reserved room not
 * committed yet as an uncommitted range; then the large blocks.  The next
 * entry is found from the previous one, which the caller hands back
 * unchanged (documented), so a walk needs no state of its own.
 *
 * The numbers follow what Windows shows: a region's data is its header
 * and its first block starts 16 bytes after it; a busy block's overhead
 * is its unused room (the next block's data starts 16 bytes after it);
 * the committed room left reports an overhead of 32 and ends 64 bytes
 * before the uncommitted range (TAIL_OVERHEAD), which reaches the
 * segment's guard page.
 */
#include "heap_private.h"

#define MAX_HEAPS 128
extern heap *rtl_all_heaps[MAX_HEAPS];
extern RTL_SRWLOCK rtl_all_heaps_lock;

/* The flags of a walk entry (observed Windows values; the busy, segment
 * and uncommitted flags are in rtl_nt.h for HeapWalk). */
#define WALK_BUSY LSW_HEAP_WALK_BUSY
#define WALK_REGION LSW_HEAP_WALK_SEGMENT
#define WALK_BLOCK 0x0010
#define WALK_UNCOMMITTED LSW_HEAP_WALK_UNCOMMITTED
#define WALK_COMMITTED 0x4000
#define TAIL_OVERHEAD 32

typedef LSW_HEAP_WALK_ENTRY walk_entry;

/* Whether p lies in memory this heap handed out: HeapValidate is
 * documented to answer FALSE for any pointer, so it must not touch one
 * outside the heap. */
static BOOL heap_owns(heap *h, const void *p)
{
	const char *c = p;
	LIST_ENTRY *e;

	for (heap_segment *s = h->segments; s; s = s->next)
		if (c >= s->first + sizeof(heap_block) && c < s->bump)
			return TRUE;
	for (e = h->large.Flink; e && e != &h->large; e = e->Flink)
		if (c == (char *)(&CONTAINING_RECORD(e, heap_large, link)->hdr + 1))
			return TRUE;
	return FALSE;
}

static BOOL free_lists_valid(heap *h)
{
	for (unsigned cls = 1; cls < NUM_CLASSES; cls++)
		for (heap_block *b = h->free[cls]; b; b = *(void **)(b + 1))
			if (b->check != h->check || b->state != BLOCK_FREE || b->cls != cls)
				return FALSE;
	for (heap_block *b = h->exact_free; b; b = *(void **)(b + 1))
		if (b->check != h->check || b->state != BLOCK_FREE || b->cls != CLASS_EXACT)
			return FALSE;
	return TRUE;
}

/* Every block carved from the segments: a known state, and (debug heap)
 * an intact tail when busy, an intact fill when free. */
static BOOL blocks_valid(heap *h)
{
	for (heap_segment *s = h->segments; s; s = s->next) {
		for (char *p = s->first; p < s->bump;) {
			heap_block *b = (heap_block *)p;
			SIZE_T len;

			if (b->check != h->check || b->cls == CLASS_LARGE ||
			    (b->cls != CLASS_EXACT && (b->cls == 0 || b->cls >= NUM_CLASSES)))
				return FALSE;
			len = sizeof(*b) + heap_block_capacity(b);
			if (len > (SIZE_T)(s->bump - p))
				return FALSE;
			if (b->state == BLOCK_BUSY ? !heap_debug_busy_ok(h, b) :
			    b->state != BLOCK_FREE || !heap_debug_free_ok(h, b))
				return FALSE;
			p += len;
		}
	}
	return TRUE;
}

/* Windows reads the header of whatever it is given: an unreadable
 * pointer faults there, which it reports as ERROR_NOACCESS; a readable
 * one that is no block leaves the last error alone. */
static void report_unreadable(const void *ptr)
{
	MEMORY_BASIC_INFORMATION mbi;

	if (NtQueryVirtualMemory((HANDLE)-1, (char *)ptr - sizeof(heap_block), 0, &mbi,
				 sizeof(mbi), NULL) < 0 || mbi.State != MEM_COMMIT ||
	    (mbi.Protect & (PAGE_NOACCESS | PAGE_GUARD)))
		RtlSetLastWin32Error(ERROR_NOACCESS);
}

static BOOL block_valid(heap *h, const void *ptr)
{
	heap_block *b;

	if (!heap_owns(h, ptr)) {
		report_unreadable(ptr);
		return FALSE;
	}
	b = heap_user_block(h, ptr);
	return b && heap_debug_busy_ok(h, b);
}

RTLAPI BOOLEAN NTAPI RtlValidateHeap(PVOID handle, ULONG flags, const void *ptr)
{
	heap *h = handle;
	BOOLEAN ok;

	if (!heap_valid(h))
		return FALSE;
	heap_lock(h, flags);
	ok = ptr ? block_valid(h, ptr) : free_lists_valid(h) && blocks_valid(h);
	heap_unlock(h, flags);
	return ok;
}

RTLAPI ULONG NTAPI RtlGetProcessHeaps(ULONG count, PVOID *heaps)
{
	ULONG n = 0;
	int i;

	RtlAcquireSRWLockShared(&rtl_all_heaps_lock);
	for (i = 0; i < MAX_HEAPS; i++) {
		if (!rtl_all_heaps[i])
			continue;
		if (n < count)
			heaps[n] = rtl_all_heaps[i];
		n++;
	}
	RtlReleaseSRWLockShared(&rtl_all_heaps_lock);
	return n;
}

/* The largest committed free block (what HeapCompact documents): the
 * committed room left in a segment, or a free block.  Nothing is given
 * back to the system: segments only grow. */
static SIZE_T largest_free(heap *h)
{
	SIZE_T best = 0;

	for (heap_segment *s = h->segments; s; s = s->next)
		if ((SIZE_T)(s->commit_end - s->bump) > best)
			best = (SIZE_T)(s->commit_end - s->bump);
	best = best > sizeof(heap_block) ? best - sizeof(heap_block) : 0;
	for (unsigned cls = NUM_CLASSES - 1; cls > 0; cls--)
		if (h->free[cls] && heap_class_capacity(cls) > best) {
			best = heap_class_capacity(cls);
			break;
		}
	for (heap_block *b = h->exact_free; b; b = *(void **)(b + 1))
		if (b->size > best)
			best = b->size;
	return best;
}

RTLAPI SIZE_T NTAPI RtlCompactHeap(PVOID handle, ULONG flags)
{
	heap *h = handle;
	SIZE_T best;

	if (!heap_valid(h))
		return 0;
	heap_lock(h, flags);
	best = largest_free(h);
	heap_unlock(h, flags);
	return best;
}

/* A heap made with HEAP_NO_SERIALIZE has no lock to take: its callers
 * serialize, so locking it does nothing (and never blocks). */
RTLAPI BOOLEAN NTAPI RtlLockHeap(PVOID handle)
{
	if (!heap_valid(handle))
		return FALSE;
	heap_lock(handle, 0);
	return TRUE;
}

RTLAPI BOOLEAN NTAPI RtlUnlockHeap(PVOID handle)
{
	if (!heap_valid(handle))
		return FALSE;
	heap_unlock(handle, 0);
	return TRUE;
}

/* --- walking ------------------------------------------------------------- */

static heap_segment *segment_by_index(heap *h, ULONG index)
{
	for (heap_segment *s = h->segments; s; s = s->next)
		if (s->index == index)
			return s;
	return NULL;
}

static heap_segment *segment_holding(heap *h, const char *p)
{
	for (heap_segment *s = h->segments; s; s = s->next)
		if (p >= s->base && p < s->reserve_end)
			return s;
	return NULL;
}

static void walk_region(heap *h, heap_segment *s, walk_entry *e)
{
	SIZE_T guard = (h->flags & HEAP_GROWABLE) ? SEGMENT_GUARD : 0;

	e->DataAddress = s->base;
	e->DataSize = (SIZE_T)(s->first - s->base) - sizeof(heap_block);
	e->OverheadBytes = 0;
	e->SegmentIndex = (UCHAR)s->index;
	e->Flags = WALK_REGION;
	e->Segment.CommittedSize = (ULONG)(s->commit_end - s->base);
	e->Segment.UnCommittedSize = (ULONG)(s->reserve_end + guard - s->commit_end);
	e->Segment.FirstEntry = s->first;
	e->Segment.LastEntry = s->reserve_end;
}

static void walk_block(heap_segment *s, heap_block *b, walk_entry *e)
{
	SIZE_T cap = heap_block_capacity(b);

	memset(e, 0, sizeof(*e));
	e->DataAddress = b + 1;
	e->SegmentIndex = (UCHAR)s->index;
	if (b->state == BLOCK_BUSY) {
		e->DataSize = b->size;
		e->OverheadBytes = (UCHAR)(cap - b->size > 255 ? 255 : cap - b->size);
		e->Flags = WALK_COMMITTED | WALK_BLOCK | WALK_BUSY;
	} else {
		e->DataSize = cap;
		e->OverheadBytes = sizeof(*b);
	}
}

/* Everything after position p of segment s: a block, the committed room
 * left, the uncommitted range; FALSE past the segment's end. */
static BOOL walk_from(heap_segment *s, char *p, walk_entry *e)
{
	if (p < s->bump) {
		walk_block(s, (heap_block *)p, e);
		return TRUE;
	}
	memset(e, 0, sizeof(*e));
	e->SegmentIndex = (UCHAR)s->index;
	if (p == s->bump &&
	    s->commit_end - s->bump > (ptrdiff_t)(sizeof(heap_block) + 2 * TAIL_OVERHEAD)) {
		e->DataAddress = s->bump + sizeof(heap_block);
		e->DataSize = (SIZE_T)(s->commit_end - s->bump) - sizeof(heap_block) -
			      2 * TAIL_OVERHEAD;
		e->OverheadBytes = TAIL_OVERHEAD;
		return TRUE;
	}
	if (p < s->commit_end)
		p = s->commit_end;
	if (p == s->commit_end && s->reserve_end > s->commit_end) {
		e->DataAddress = s->commit_end;
		e->DataSize = (SIZE_T)(s->reserve_end - s->commit_end);
		e->Flags = WALK_UNCOMMITTED;
		return TRUE;
	}
	return FALSE;
}

static BOOL walk_large(heap *h, LIST_ENTRY *from, walk_entry *e)
{
	heap_large *l;

	if (from == &h->large)
		return FALSE;
	l = CONTAINING_RECORD(from, heap_large, link);
	memset(e, 0, sizeof(*e));
	e->DataAddress = &l->hdr + 1;
	e->DataSize = l->hdr.size;
	e->SegmentIndex = LARGE_REGION_INDEX;
	e->Flags = WALK_COMMITTED | WALK_BLOCK | WALK_BUSY;
	return TRUE;
}

/* The first segment at or after `index`, as its region entry. */
static BOOL walk_segment(heap *h, ULONG index, walk_entry *e)
{
	for (; index < h->nsegments; index++) {
		heap_segment *s = segment_by_index(h, index);

		if (s) {
			walk_region(h, s, e);
			return TRUE;
		}
	}
	return walk_large(h, h->large.Blink, e); /* oldest large block first */
}

static BOOL walk_next(heap *h, walk_entry *e)
{
	char *p = e->DataAddress;
	heap_segment *s;

	if (!p)
		return walk_segment(h, 0, e);
	if (e->SegmentIndex == LARGE_REGION_INDEX && !(e->Flags & WALK_REGION)) {
		heap_large *l = CONTAINING_RECORD((heap_block *)p - 1, heap_large, hdr);

		return walk_large(h, l->link.Blink, e);
	}
	s = segment_holding(h, p);
	if (!s)
		return FALSE;
	if (e->Flags & WALK_REGION)
		return walk_from(s, s->first, e) || walk_segment(h, s->index + 1, e);
	if (e->Flags & WALK_UNCOMMITTED)
		return walk_segment(h, s->index + 1, e);
	if (p == s->bump + sizeof(heap_block)) /* the committed room left */
		return walk_from(s, s->commit_end, e) || walk_segment(h, s->index + 1, e);
	p = (char *)((heap_block *)p - 1);
	p += sizeof(heap_block) + heap_block_capacity((heap_block *)p);
	return walk_from(s, p, e) || walk_segment(h, s->index + 1, e);
}

RTLAPI NTSTATUS NTAPI RtlWalkHeap(PVOID handle, walk_entry *e)
{
	heap *h = handle;
	BOOL more;

	if (!heap_valid(h) || !e)
		return STATUS_INVALID_PARAMETER;
	heap_lock(h, 0);
	more = walk_next(h, e);
	heap_unlock(h, 0);
	return more ? STATUS_SUCCESS : STATUS_NO_MORE_ENTRIES;
}

/* --- information classes ------------------------------------------------ */

#define HEAP_COMPATIBILITY_INFORMATION 0
#define HEAP_ENABLE_TERMINATION_ON_CORRUPTION 1
#define HEAP_OPTIMIZE_RESOURCES 3

/* The SDK declares these two DWORD; they return an NTSTATUS. */
RTLAPI DWORD NTAPI RtlQueryHeapInformation(PVOID handle, HEAP_INFORMATION_CLASS cls, PVOID info,
					   SIZE_T size, PSIZE_T needed)
{
	heap *h = handle;

	if (cls != HEAP_COMPATIBILITY_INFORMATION)
		return STATUS_INVALID_INFO_CLASS;
	if (!heap_valid(h)) /* Windows reads the heap and faults */
		return STATUS_ACCESS_VIOLATION;
	if (needed)
		*needed = sizeof(ULONG);
	if (size < sizeof(ULONG))
		return STATUS_BUFFER_TOO_SMALL;
	*(ULONG *)info = h->compat;
	return STATUS_SUCCESS;
}

/* Compatibility modes (0 standard, 1 look-aside, 2 low-fragmentation)
 * are recorded; the allocator is the same in all of them.  Once on, LFH
 * cannot be turned off (STATUS_UNSUCCESSFUL, as Windows answers). */
RTLAPI DWORD NTAPI RtlSetHeapInformation(PVOID handle, HEAP_INFORMATION_CLASS cls, PVOID info,
					 SIZE_T size)
{
	heap *h = handle;

	if (cls == HEAP_ENABLE_TERMINATION_ON_CORRUPTION || cls == HEAP_OPTIMIZE_RESOURCES)
		return STATUS_SUCCESS;
	if (cls != HEAP_COMPATIBILITY_INFORMATION)
		return STATUS_INVALID_INFO_CLASS;
	if (!heap_valid(h))
		return STATUS_INVALID_HANDLE;
	if (size < sizeof(ULONG))
		return STATUS_BUFFER_TOO_SMALL;
	if (*(ULONG *)info > HEAP_COMPAT_LFH ||
	    (h->compat == HEAP_COMPAT_LFH && *(ULONG *)info != HEAP_COMPAT_LFH))
		return STATUS_UNSUCCESSFUL;
	h->compat = *(ULONG *)info;
	return STATUS_SUCCESS;
}
