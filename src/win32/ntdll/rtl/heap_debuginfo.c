/*
 * RtlCreateQueryDebugBuffer, RtlQueryProcessDebugInformation and
 * RtlDestroyQueryDebugBuffer: what debuggers and heap tools ask a
 * process about its heaps (PDI_HEAPS).  The buffer is a region of its
 * own: the RTL_DEBUG_INFORMATION header, then what the queries add.
 *
 * Only the calling process can be asked here (Windows answers for
 * another one through a thread it starts there): another process gets
 * STATUS_NOT_IMPLEMENTED, an id that names no process STATUS_INVALID_CID.
 * Of the heaps, each one's address, flags and totals are given; the
 * blocks themselves (PDI_HEAP_BLOCKS) and the other PDI_ kinds are not
 * listed (their pointers stay NULL, as for a kind not asked for).
 */
#include "heap_private.h"

NTSTATUS NTAPI NtOpenProcess(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, CLIENT_ID *);
NTSTATUS NTAPI NtClose(HANDLE);

#define PDI_HEAPS 0x04
#define DEBUG_BUFFER_DEFAULT 0x100000
#define MAX_HEAPS 128
#define PROCESS_QUERY_LIMITED_INFORMATION_ACCESS 0x1000

/* RTL_DEBUG_INFORMATION, x64. */
typedef struct debug_buffer {
	HANDLE SectionHandleClient;
	PVOID ViewBaseClient;
	PVOID ViewBaseTarget;
	ULONG_PTR ViewBaseDelta;
	HANDLE EventPairClient;
	HANDLE EventPairTarget;
	HANDLE TargetProcessId;
	HANDLE TargetThreadHandle;
	ULONG Flags;
	SIZE_T OffsetFree;
	SIZE_T CommitSize;
	SIZE_T ViewSize;
	PVOID Modules;
	PVOID BackTraces;
	struct process_heaps *Heaps;
	PVOID Locks;
	PVOID SpecificHeap;
	HANDLE TargetProcessHandle;
	PVOID VerifierOptions;
	PVOID ProcessHeap;
	HANDLE CriticalSectionHandle;
	HANDLE CriticalSectionOwnerThread;
	PVOID Reserved[4];
} debug_buffer;

/* RTL_HEAP_INFORMATION, x64. */
typedef struct heap_information {
	PVOID BaseAddress;
	ULONG Flags;
	USHORT EntryOverhead;
	USHORT CreatorBackTraceIndex;
	SIZE_T BytesAllocated;
	SIZE_T BytesCommitted;
	ULONG NumberOfTags;
	ULONG NumberOfEntries;
	ULONG NumberOfPseudoTags;
	ULONG PseudoTagGranularity;
	ULONG Reserved[5];
	PVOID Tags;
	PVOID Entries;
} heap_information;

/* RTL_PROCESS_HEAPS */
struct process_heaps {
	ULONG NumberOfHeaps;
	heap_information Heaps[1];
};

_Static_assert(sizeof(debug_buffer) == 0xd0, "RTL_DEBUG_INFORMATION layout");
_Static_assert(sizeof(heap_information) == 0x58, "RTL_HEAP_INFORMATION layout");

RTLAPI PVOID NTAPI RtlCreateQueryDebugBuffer(ULONG max_commit, BOOLEAN event_pair)
{
	SIZE_T size = heap_round_up(max_commit ? max_commit : DEBUG_BUFFER_DEFAULT, 0x10000);
	debug_buffer *buf = NULL;

	(void)event_pair; /* no other process is asked: nothing to signal */
	if (NtAllocateVirtualMemory((HANDLE)-1, (void **)&buf, 0, &size, MEM_RESERVE | MEM_COMMIT,
				    PAGE_READWRITE) < 0)
		return NULL;
	buf->ViewBaseClient = buf->ViewBaseTarget = buf;
	buf->OffsetFree = heap_round_up(sizeof(*buf), 16);
	buf->CommitSize = buf->ViewSize = size;
	return buf;
}

RTLAPI NTSTATUS NTAPI RtlDestroyQueryDebugBuffer(PVOID buffer)
{
	SIZE_T size = 0;

	return NtFreeVirtualMemory((HANDLE)-1, &buffer, &size, MEM_RELEASE);
}

/* `size` bytes from the buffer's free room. */
static void *buffer_take(debug_buffer *buf, SIZE_T size)
{
	void *p;

	size = heap_round_up(size, 16);
	if (buf->OffsetFree > buf->ViewSize || size > buf->ViewSize - buf->OffsetFree)
		return NULL;
	p = (char *)buf + buf->OffsetFree;
	buf->OffsetFree += size;
	return p;
}

/* A heap's totals from one walk: busy bytes, committed bytes. */
static void heap_totals(heap *h, heap_information *info)
{
	LSW_HEAP_WALK_ENTRY e = { 0 };

	info->BaseAddress = h;
	info->Flags = h->flags;
	info->EntryOverhead = sizeof(heap_block);
	while (RtlWalkHeap(h, &e) == STATUS_SUCCESS) {
		if (e.Flags & LSW_HEAP_WALK_SEGMENT)
			info->BytesCommitted += e.Segment.CommittedSize;
		else if (e.Flags & LSW_HEAP_WALK_BUSY) {
			info->BytesAllocated += e.DataSize;
			info->NumberOfEntries++;
			if (e.SegmentIndex == LSW_HEAP_WALK_LARGE_INDEX)
				info->BytesCommitted += e.DataSize + e.OverheadBytes;
		}
	}
}

static NTSTATUS query_heaps(debug_buffer *buf)
{
	PVOID heaps[MAX_HEAPS];
	ULONG n = RtlGetProcessHeaps(MAX_HEAPS, heaps), i;
	struct process_heaps *out;

	if (n > MAX_HEAPS)
		n = MAX_HEAPS;
	out = buffer_take(buf, sizeof(*out) + (n ? n - 1 : 0) * sizeof(heap_information));
	if (!out)
		return STATUS_NO_MEMORY;
	memset(out, 0, sizeof(*out) + (n ? n - 1 : 0) * sizeof(heap_information));
	out->NumberOfHeaps = n;
	for (i = 0; i < n; i++)
		heap_totals(heaps[i], &out->Heaps[i]);
	buf->Heaps = out;
	return STATUS_SUCCESS;
}

/* Whether id names a process (another one: it cannot be asked here). */
static NTSTATUS other_process(HANDLE id)
{
	OBJECT_ATTRIBUTES oa;
	CLIENT_ID cid = { id, NULL };
	HANDLE process;
	NTSTATUS status;

	InitializeObjectAttributes(&oa, NULL, 0, NULL, NULL);
	status = NtOpenProcess(&process, PROCESS_QUERY_LIMITED_INFORMATION_ACCESS, &oa, &cid);
	if (status < 0)
		return STATUS_INVALID_CID;
	NtClose(process);
	return STATUS_NOT_IMPLEMENTED;
}

RTLAPI NTSTATUS NTAPI RtlQueryProcessDebugInformation(HANDLE id, ULONG flags, PVOID buffer)
{
	debug_buffer *buf = buffer;

	if (!buf)
		return STATUS_INVALID_PARAMETER;
	if (id != lsw_teb()->UniqueProcess)
		return other_process(id);
	buf->TargetProcessId = id;
	buf->Flags = flags;
	buf->ProcessHeap = lsw_process_heap();
	if (flags & PDI_HEAPS)
		return query_heaps(buf);
	return STATUS_SUCCESS;
}
