/*
 * What a heap says about itself, the Win32 way: HeapWalk, HeapSummary,
 * Heap{Query,Set}Information over ntdll's RtlWalkHeap and heap
 * information classes.
 */
#include "k32_private.h"

/* The next Rtl walk entry after the one `e` describes (the caller hands
 * back what the previous call returned, as documented). */
static void heap_entry_to_rtl(const PROCESS_HEAP_ENTRY *e, LSW_HEAP_WALK_ENTRY *r)
{
	memset(r, 0, sizeof(*r));
	r->DataAddress = e->lpData;
	r->DataSize = e->cbData;
	r->OverheadBytes = e->cbOverhead;
	r->SegmentIndex = e->iRegionIndex;
	if (e->wFlags & PROCESS_HEAP_REGION)
		r->Flags |= LSW_HEAP_WALK_SEGMENT;
	if (e->wFlags & PROCESS_HEAP_UNCOMMITTED_RANGE)
		r->Flags |= LSW_HEAP_WALK_UNCOMMITTED;
	if (e->wFlags & PROCESS_HEAP_ENTRY_BUSY)
		r->Flags |= LSW_HEAP_WALK_BUSY;
}

static void heap_entry_from_rtl(const LSW_HEAP_WALK_ENTRY *r, PROCESS_HEAP_ENTRY *e)
{
	memset(e, 0, sizeof(*e));
	e->lpData = r->DataAddress;
	e->cbData = (DWORD)r->DataSize;
	e->cbOverhead = r->OverheadBytes;
	e->iRegionIndex = r->SegmentIndex;
	if (r->Flags & LSW_HEAP_WALK_SEGMENT) {
		e->wFlags = PROCESS_HEAP_REGION;
		e->Region.dwCommittedSize = r->Segment.CommittedSize;
		e->Region.dwUnCommittedSize = r->Segment.UnCommittedSize;
		e->Region.lpFirstBlock = r->Segment.FirstEntry;
		e->Region.lpLastBlock = r->Segment.LastEntry;
	} else if (r->Flags & LSW_HEAP_WALK_UNCOMMITTED) {
		e->wFlags = PROCESS_HEAP_UNCOMMITTED_RANGE;
	} else if (r->Flags & LSW_HEAP_WALK_BUSY) {
		e->wFlags = PROCESS_HEAP_ENTRY_BUSY;
	}
}

K32API BOOL WINAPI HeapWalk(HANDLE heap, LPPROCESS_HEAP_ENTRY entry)
{
	LSW_HEAP_WALK_ENTRY r;
	NTSTATUS status;

	if (!entry)
		return k32_error(ERROR_INVALID_PARAMETER);
	heap_entry_to_rtl(entry, &r);
	status = RtlWalkHeap(heap, &r);
	if (status != STATUS_SUCCESS) /* STATUS_NO_MORE_ENTRIES: ERROR_NO_MORE_ITEMS */
		return k32_fail(status);
	heap_entry_from_rtl(&r, entry);
	return TRUE;
}

/* Totals of one walk: busy bytes, committed and reserved room. */
K32API BOOL WINAPI HeapSummary(HANDLE heap, DWORD flags, LPHEAP_SUMMARY summary)
{
	LSW_HEAP_WALK_ENTRY r = { 0 };
	HEAP_SUMMARY sum = { sizeof(sum), 0, 0, 0, 0 };
	NTSTATUS status;

	if (!summary)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!RtlLockHeap(heap))
		return k32_error(ERROR_INVALID_HANDLE);
	while ((status = RtlWalkHeap(heap, &r)) == STATUS_SUCCESS) {
		if (r.Flags & LSW_HEAP_WALK_SEGMENT) {
			sum.cbCommitted += r.Segment.CommittedSize;
			sum.cbReserved += (SIZE_T)r.Segment.CommittedSize + r.Segment.UnCommittedSize;
		} else if ((r.Flags & LSW_HEAP_WALK_BUSY) && r.SegmentIndex == LSW_HEAP_WALK_LARGE_INDEX) {
			/* a large block: a region of its own, all committed */
			sum.cbAllocated += r.DataSize;
			sum.cbCommitted += r.DataSize + r.OverheadBytes;
			sum.cbReserved += r.DataSize + r.OverheadBytes;
		} else if (r.Flags & LSW_HEAP_WALK_BUSY) {
			sum.cbAllocated += r.DataSize;
		}
	}
	RtlUnlockHeap(heap);
	if (status != STATUS_NO_MORE_ENTRIES)
		return k32_fail(status);
	sum.cbMaxReserve = sum.cbReserved;
	*summary = sum;
	return TRUE;
}

K32API BOOL WINAPI HeapQueryInformation(HANDLE heap, HEAP_INFORMATION_CLASS cls, PVOID info,
					SIZE_T size, PSIZE_T needed)
{
	NTSTATUS status = (NTSTATUS)RtlQueryHeapInformation(heap, cls, info, size, needed);

	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI HeapSetInformation(HANDLE heap, HEAP_INFORMATION_CLASS cls, PVOID info,
				      SIZE_T size)
{
	NTSTATUS status = (NTSTATUS)RtlSetHeapInformation(heap, cls, info, size);

	return status < 0 ? k32_fail(status) : TRUE;
}
