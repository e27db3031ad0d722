/*
 * The heap's layout, shared by heap.c (allocation) and heap_info.c
 * (validation, walking, information).
 *
 * A heap is a region reserved with NtAllocateVirtualMemory, so its handle
 * is 64 KiB aligned as on Windows; the heap header is at its start and the
 * first segment's blocks follow.  A growable heap adds segments (regions
 * of their own) as it fills, and gives blocks above 256 KiB regions of
 * their own ("large" blocks, whose payload sits 0x40 bytes into a page as
 * Windows' virtual blocks do).  A fixed-size heap (HeapCreate with a
 * maximum) is one segment of exactly that size.
 *
 * Blocks are carved from a segment with a bump pointer.  Small requests
 * are rounded to a size class with its own free list (16-byte steps to
 * 1 KiB, then four steps per power of two up to 256 KiB): no coalescing,
 * a few instructions per malloc/free.  In a fixed heap, where rounding
 * would waste the little room there is, blocks above 1 KiB are "exact":
 * 16-byte granular, reused first-fit from one free list and split when a
 * reuse leaves 32 bytes or more.
 *
 * Every block has a 16-byte header right before the payload (16-byte
 * aligned payloads, like the x64 Windows heap), with a check value derived
 * from the heap address and a busy/free state, which catches double frees
 * and most stray pointers cheaply: those calls fail instead of corrupting
 * the heap.
 */
#ifndef LSW_RTL_HEAP_PRIVATE_H
#define LSW_RTL_HEAP_PRIVATE_H

#include "rtl_private.h"

#define HEAP_SIGNATURE 0x5048534CUL /* "LSHP" */
#define WINDOWS_SEGMENT_SIGNATURE 0xFFEEFFEEUL
#define BLOCK_BUSY 0xB5
#define BLOCK_FREE 0xF3
#define CLASS_LARGE 0xFFFF
#define CLASS_EXACT 0xFFFE
#define NUM_CLASSES 97          /* see size_to_class */
#define SMALL_MAX 0x40000       /* largest class capacity, 256 KiB */
#define EXACT_MIN 0x400         /* fixed heaps: above this, exact blocks */
#define SEGMENT_MIN 0x10000     /* first segment reservation (growable) */
#define FIRST_COMMIT 0x2000     /* what a new heap commits unless told */
/* A growable heap's segments keep their last page reserved and never
 * used, as Windows' do (HeapWalk shows the uncommitted range a page short
 * of the region's uncommitted size). */
#define SEGMENT_GUARD 0x1000
#define SEGMENT_MAX 0x10000000  /* growth stops doubling here */
#define COMMIT_MIN 0x10000
#define COMMIT_MAX 0x400000
/* Documented limit of a fixed-size heap's blocks on 64-bit Windows:
 * "slightly less than 1,024 KB". */
#define FIXED_HEAP_BLOCK_MAX 0xFF000
/* Windows gives blocks from this size on a virtual allocation of their
 * own: no debug tail, and a shrink gives pages back. */
#define VIRTUAL_BLOCK_MIN FIXED_HEAP_BLOCK_MAX
#define LARGE_REGION_INDEX LSW_HEAP_WALK_LARGE_INDEX
/* HeapCompatibilityInformation: the low-fragmentation heap.  Windows
 * turns it on in a growable, serialized heap without debug checks when
 * one size of block below 16 KiB has been allocated 0x12 times (blocks
 * with user info do not count); from then on blocks of that size are LFH
 * blocks, which never change size in place (a resize moves them). */
#define HEAP_COMPAT_LFH 2
#define LFH_THRESHOLD 0x12
#define LFH_BLOCK_MAX 0x4000

typedef struct heap_block {
	SIZE_T size;  /* busy: the size asked for; free exact block: capacity */
	USHORT cls;   /* size class, CLASS_EXACT or CLASS_LARGE */
	BYTE state;   /* BLOCK_BUSY or BLOCK_FREE */
	BYTE bits;    /* BITS_SLACK, BITS_USER_INFO, the user flags */
	ULONG check;  /* heap_check(heap): tells our blocks from strays */
} heap_block;

typedef struct heap_large {
	LIST_ENTRY link;
	SIZE_T map_size;
	SIZE_T pad[3];
	heap_block hdr;
} heap_large;

typedef struct heap_segment {
	struct heap_segment *next; /* the next older segment */
	char *base;         /* start of the region (the heap for the first) */
	char *first;        /* first block */
	char *bump;         /* first byte never handed out */
	char *commit_end;   /* end of the committed part */
	char *reserve_end;  /* end of the usable reservation (SEGMENT_GUARD) */
	ULONG index;        /* 0 for the first segment */
	ULONG pad[3];
} heap_segment;

/* The first 0x78 bytes are where x64 Windows keeps what programs read from
 * a heap handle: the segment signature 0xffeeffee at +0x10, Flags at
 * +0x70 and ForceFlags at +0x74 (debugger checks read these two; the
 * debug heap's state is visible there). */
typedef struct heap {
	ULONG_PTR windows_entry[2];
	ULONG segment_signature;    /* +0x10: WINDOWS_SEGMENT_SIGNATURE */
	ULONG segment_flags;
	BYTE windows_reserved[0x70 - 0x18];
	ULONG flags;        /* +0x70: HEAP_NO_SERIALIZE, HEAP_GROWABLE, ... */
	ULONG force_flags;  /* +0x74: flags every call gets (heap_debug.c) */
	ULONG signature;
	ULONG protect;      /* page protection of committed memory */
	ULONG check;
	RTL_CRITICAL_SECTION lock;
	heap_segment *segments; /* current (newest) segment first */
	heap_segment first_segment;
	LIST_ENTRY large;
	SIZE_T next_reserve;
	ULONG nsegments;
	ULONG compat;       /* HeapCompatibilityInformation */
	heap_block *exact_free;
	void *free[NUM_CLASSES];
	USHORT class_uses[NUM_CLASSES]; /* allocations per class, until LFH is on */
} heap;

_Static_assert(__builtin_offsetof(heap, segment_signature) == 0x10, "Windows layout");
_Static_assert(__builtin_offsetof(heap, flags) == 0x70, "Windows layout");
_Static_assert(__builtin_offsetof(heap, force_flags) == 0x74, "Windows layout");

/* heap_block.bits: the slack of an exact block (capacity - round16(size),
 * in 16-byte units, at most 5), whether the block is a low-fragmentation
 * one, whether it carries user info (HEAP_SETTABLE_USER_VALUE), and its
 * three settable user flags (HEAP_SETTABLE_USER_FLAG1..3, 0x200..0x800,
 * kept shifted down). */
#define BITS_SLACK 0x07
#define BITS_LFH 0x08
#define BITS_USER_INFO 0x10
#define HEAP_SETTABLE_USER_VALUE 0x00000100 /* ntifs.h */
#define HEAP_SETTABLE_USER_FLAGS 0x00000E00
#define USER_FLAGS_TO_BITS(f) ((BYTE)(((f) & HEAP_SETTABLE_USER_FLAGS) >> 4))
#define USER_FLAGS_FROM_BITS(b) (((ULONG)(b) << 4) & HEAP_SETTABLE_USER_FLAGS)
#define HEAP_USER_INFO_SIZE 16

_Static_assert(sizeof(heap_block) == 16, "16-byte header keeps payloads aligned");
_Static_assert(sizeof(heap_large) == 0x40, "large payloads at +0x40, as Windows");
_Static_assert(sizeof(heap_segment) % 16 == 0, "aligned");

static inline SIZE_T heap_round_up(SIZE_T n, SIZE_T to)
{
	return (n + to - 1) & ~(to - 1);
}

static inline BOOL heap_valid(const heap *h)
{
	return h && ((ULONG_PTR)h & 15) == 0 && h->signature == HEAP_SIGNATURE;
}

static inline void heap_lock(heap *h, ULONG flags)
{
	if (!((h->force_flags | flags) & HEAP_NO_SERIALIZE))
		RtlEnterCriticalSection(&h->lock);
}

static inline void heap_unlock(heap *h, ULONG flags)
{
	if (!((h->force_flags | flags) & HEAP_NO_SERIALIZE))
		RtlLeaveCriticalSection(&h->lock);
}

SIZE_T heap_class_capacity(unsigned cls);
/* Bytes a block can hold (its payload's room). */
SIZE_T heap_block_capacity(const heap_block *b);
/* The header of a busy block of this heap, or NULL for anything else. */
heap_block *heap_user_block(const heap *h, const void *p);

/* The debug heap (heap_debug.c): flags from the global flag, tail and
 * free fills, and their checks. */
#define HEAP_CLASS_PRIVATE 0x00001000       /* HEAP_CLASS_1: HeapCreate's heaps */
#define HEAP_PAGE_ALLOCS 0x01000000
#define HEAP_TAGGING_ENABLED 0x04000000     /* FLG_HEAP_ENABLE_TAGGING's (observed) */
#define HEAP_VALIDATE_ALL_ENABLED 0x20000000
#define HEAP_VALIDATE_PARAMETERS_ENABLED 0x40000000
#define HEAP_TAIL_SIZE 16                  /* 0xab bytes past a block's end */

ULONG heap_flags_from_global(ULONG global_flag);
ULONG heap_force_flags(ULONG flags);
SIZE_T heap_debug_extra(const heap *h);
void heap_debug_set_tail(const heap *h, heap_block *b);
void heap_debug_fill_busy(const heap *h, heap_block *b, ULONG flags);
void heap_debug_fill_free(const heap *h, heap_block *b);
BOOL heap_debug_busy_ok(const heap *h, const heap_block *b);
BOOL heap_debug_free_ok(const heap *h, const heap_block *b);
/* The block of p, or NULL when it is not a busy block of h or (with
 * HEAP_VALIDATE_PARAMETERS_ENABLED) its tail was overwritten. */
heap_block *heap_checked_block(const heap *h, const void *p, ULONG flags);

/* Tells a debugger of a call given something that is not a heap. */
void heap_report_invalid(const void *handle, const char *call);

/* The debug tail a block carries: virtual blocks (about 1 MiB and more,
 * VIRTUAL_BLOCK_MIN) have none, as on Windows. */
static inline SIZE_T heap_tail_size(const heap *h, const heap_block *b)
{
	return (h->flags & HEAP_TAIL_CHECKING_ENABLED) &&
			       (b->cls != CLASS_LARGE || b->size < VIRTUAL_BLOCK_MIN) ?
		       HEAP_TAIL_SIZE : 0;
}

/* A block's user info (BITS_USER_INFO): 16 bytes after its data and debug
 * tail, at the next 16-byte boundary, the user value in the second
 * pointer, where Windows keeps them. */
static inline ULONG_PTR *heap_user_info(const heap *h, heap_block *b)
{
	return (ULONG_PTR *)((char *)(b + 1) + heap_round_up(b->size + heap_tail_size(h, b), 16));
}

#endif
