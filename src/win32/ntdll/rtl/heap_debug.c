/*
 * The debug heap: what the global flag (PEB NtGlobalFlag, from the image's
 * "GlobalFlag" under Image File Execution Options) turns on in every heap
 * the process creates, as the gflags documentation describes it:
 *
 * - tail checking: 16 bytes of 0xab after each block's requested size,
 *   checked by HeapValidate (and by every call with parameter validation);
 *   blocks with a region of their own (above 256 KiB) have none, as on
 *   Windows;
 * - free checking: a freed block's payload past its free-list link is
 *   filled with 0xfeeefeee and a new block not asked to be zeroed with
 *   0xbaadf00d; HeapValidate of the whole heap finds a write to a freed
 *   block.
 */
#include "heap_private.h"

#define FLG_HEAP_ENABLE_TAIL_CHECK 0x00000010
#define FLG_HEAP_ENABLE_FREE_CHECK 0x00000020
#define FLG_HEAP_VALIDATE_PARAMETERS 0x00000040
#define FLG_HEAP_VALIDATE_ALL 0x00000080
#define FLG_HEAP_DISABLE_COALESCING 0x00200000
#define FLG_HEAP_PAGE_ALLOCS 0x02000000
#define FLG_HEAP_ENABLE_TAGGING 0x00000800

#define TAIL_BYTE 0xab
#define FREE_FILL 0xfeeefeeeU
#define NEW_FILL 0xbaadf00dU
#define FREE_LINK_SIZE 16 /* the free-list link kept at a free block's start */

ULONG heap_flags_from_global(ULONG global_flag)
{
	ULONG checks = HEAP_TAIL_CHECKING_ENABLED | HEAP_FREE_CHECKING_ENABLED;
	ULONG f = 0;

	if (global_flag & FLG_HEAP_ENABLE_TAIL_CHECK)
		f |= HEAP_TAIL_CHECKING_ENABLED;
	if (global_flag & FLG_HEAP_ENABLE_FREE_CHECK)
		f |= HEAP_FREE_CHECKING_ENABLED;
	if (global_flag & FLG_HEAP_VALIDATE_PARAMETERS)
		f |= HEAP_VALIDATE_PARAMETERS_ENABLED | checks;
	if (global_flag & FLG_HEAP_VALIDATE_ALL)
		f |= HEAP_VALIDATE_ALL_ENABLED | checks;
	if (global_flag & FLG_HEAP_DISABLE_COALESCING)
		f |= HEAP_DISABLE_COALESCE_ON_FREE;
	if (global_flag & FLG_HEAP_PAGE_ALLOCS)
		f |= HEAP_PAGE_ALLOCS;
	if (global_flag & FLG_HEAP_ENABLE_TAGGING)
		f |= HEAP_TAGGING_ENABLED;
	return f;
}

/* ForceFlags: the heap's flags every call is made with, which leaves out
 * those that only describe the heap (a page heap keeps them all). */
ULONG heap_force_flags(ULONG flags)
{
	ULONG describe = HEAP_DISABLE_COALESCE_ON_FREE | HEAP_CREATE_ENABLE_EXECUTE |
			 HEAP_TAGGING_ENABLED;

	if (!(flags & HEAP_PAGE_ALLOCS))
		describe |= HEAP_GROWABLE | HEAP_CLASS_PRIVATE;
	return flags & ~describe;
}

/* Room a block needs past its requested size. */
SIZE_T heap_debug_extra(const heap *h)
{
	return (h->flags & HEAP_TAIL_CHECKING_ENABLED) ? HEAP_TAIL_SIZE : 0;
}

static void fill_dwords(BYTE *p, SIZE_T len, ULONG value)
{
	for (SIZE_T i = 0; i < len; i++)
		p[i] = (BYTE)(value >> (8 * (i & 3)));
}

static BOOL dwords_are(const BYTE *p, SIZE_T len, ULONG value)
{
	for (SIZE_T i = 0; i < len; i++)
		if (p[i] != (BYTE)(value >> (8 * (i & 3))))
			return FALSE;
	return TRUE;
}

static BOOL has_tail(const heap *h, const heap_block *b)
{
	return heap_tail_size(h, b) != 0;
}

void heap_debug_set_tail(const heap *h, heap_block *b)
{
	if (has_tail(h, b))
		memset((BYTE *)(b + 1) + b->size, TAIL_BYTE, HEAP_TAIL_SIZE);
}

/* A new block of b->size bytes; `flags` are the call's. */
void heap_debug_fill_busy(const heap *h, heap_block *b, ULONG flags)
{
	if ((h->flags & HEAP_FREE_CHECKING_ENABLED) && !(flags & HEAP_ZERO_MEMORY) &&
	    b->cls != CLASS_LARGE)
		fill_dwords((BYTE *)(b + 1), b->size, NEW_FILL);
	heap_debug_set_tail(h, b);
}

void heap_debug_fill_free(const heap *h, heap_block *b)
{
	SIZE_T cap = heap_block_capacity(b);

	if ((h->flags & HEAP_FREE_CHECKING_ENABLED) && b->cls != CLASS_LARGE &&
	    cap > FREE_LINK_SIZE)
		fill_dwords((BYTE *)(b + 1) + FREE_LINK_SIZE, cap - FREE_LINK_SIZE, FREE_FILL);
}

BOOL heap_debug_busy_ok(const heap *h, const heap_block *b)
{
	const BYTE *tail = (const BYTE *)(b + 1) + b->size;

	if (!has_tail(h, b))
		return TRUE;
	for (unsigned i = 0; i < HEAP_TAIL_SIZE; i++)
		if (tail[i] != TAIL_BYTE)
			return FALSE;
	return TRUE;
}

BOOL heap_debug_free_ok(const heap *h, const heap_block *b)
{
	SIZE_T cap = heap_block_capacity(b);

	if (!(h->flags & HEAP_FREE_CHECKING_ENABLED) || cap <= FREE_LINK_SIZE)
		return TRUE;
	return dwords_are((const BYTE *)(b + 1) + FREE_LINK_SIZE, cap - FREE_LINK_SIZE, FREE_FILL);
}

heap_block *heap_checked_block(const heap *h, const void *p, ULONG flags)
{
	heap_block *b = heap_user_block(h, p);

	if (b && ((h->force_flags | flags) & HEAP_VALIDATE_PARAMETERS_ENABLED) &&
	    !heap_debug_busy_ok(h, b))
		return NULL;
	return b;
}

NTSTATUS __cdecl DbgPrint(const char *fmt, ...);
void NTAPI DbgBreakPoint(void);

/* Something that is not a heap, handed to a call as one: when the process
 * is debugged and the memory says parameters are checked (the flags a
 * debug heap keeps at +0x70), the debugger hears of it and breaks in, as
 * with Windows' debug heap (ntdll's rtl tests, RtlDestroyHeap).  Nothing
 * is read of the memory otherwise. */
void heap_report_invalid(const void *handle, const char *call)
{
	const heap *h = handle;

	if (!lsw_peb()->BeingDebugged || !h || ((ULONG_PTR)h & 7) ||
	    !(h->flags & HEAP_VALIDATE_PARAMETERS_ENABLED))
		return;
	DbgPrint("HEAP: %s: %p is not a heap\n", call, handle);
	DbgBreakPoint();
}
