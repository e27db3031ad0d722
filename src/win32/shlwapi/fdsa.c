/*
 * FDSA (ordinals 208-211): a small array of fixed-size blocks that starts
 * in memory the caller gives and moves to the heap when it must grow.
 * The caller owns the FDSA_info; its layout is what callers allocate.
 */
#include "shlwapi_private.h"

typedef struct {
	DWORD num_items;      /* blocks in use */
	void *mem;            /* the blocks */
	DWORD blocks_alloced; /* room, in blocks */
	BYTE inc;             /* blocks added on growth */
	BYTE block_size;      /* bytes per block */
	BYTE flags;           /* FDSA_OWNS_MEM once mem is ours */
} FDSA_info;

#define FDSA_OWNS_MEM 0x1

BOOL WINAPI FDSA_Initialize(DWORD block_size, DWORD inc, FDSA_info *info, void *mem, DWORD init_blocks)
{
	info->num_items = 0;
	info->mem = mem;
	info->blocks_alloced = init_blocks;
	info->inc = inc ? inc : 1;
	info->block_size = block_size;
	info->flags = 0;
	return TRUE;
}

/* FALSE when the blocks were ours (freed here), TRUE when they were the
 * caller's (left alone). */
BOOL WINAPI FDSA_Destroy(FDSA_info *info)
{
	if (info->flags & FDSA_OWNS_MEM) {
		HeapFree(GetProcessHeap(), 0, info->mem);
		return FALSE;
	}
	return TRUE;
}

static BOOL fdsa_grow(FDSA_info *info)
{
	SIZE_T bytes = (SIZE_T)(info->blocks_alloced + info->inc) * info->block_size;
	void *mem;

	if (info->flags & FDSA_OWNS_MEM) {
		mem = HeapReAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, info->mem, bytes);
	} else {
		mem = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, bytes);
		if (mem && info->mem)
			memcpy(mem, info->mem, (SIZE_T)info->num_items * info->block_size);
	}
	if (!mem)
		return FALSE;
	info->mem = mem;
	info->blocks_alloced += info->inc;
	info->flags |= FDSA_OWNS_MEM;
	return TRUE;
}

/* Inserts a copy of block before index where (at the end when where is
 * past it); the index it landed at, or -1 when memory ran out. */
DWORD WINAPI FDSA_InsertItem(FDSA_info *info, DWORD where, const void *block)
{
	BYTE *base;

	if (where > info->num_items)
		where = info->num_items;
	if (info->num_items >= info->blocks_alloced && !fdsa_grow(info))
		return (DWORD)-1;
	base = info->mem;
	memmove(base + (SIZE_T)(where + 1) * info->block_size, base + (SIZE_T)where * info->block_size,
		(SIZE_T)(info->num_items - where) * info->block_size);
	memcpy(base + (SIZE_T)where * info->block_size, block, info->block_size);
	info->num_items++;
	return where;
}

BOOL WINAPI FDSA_DeleteItem(FDSA_info *info, DWORD where)
{
	BYTE *base = info->mem;

	if (where >= info->num_items)
		return FALSE;
	memmove(base + (SIZE_T)where * info->block_size, base + (SIZE_T)(where + 1) * info->block_size,
		(SIZE_T)(info->num_items - where - 1) * info->block_size);
	info->num_items--;
	memset(base + (SIZE_T)info->num_items * info->block_size, 0, info->block_size);
	return TRUE;
}
