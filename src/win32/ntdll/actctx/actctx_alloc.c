/* Arenas: a context's strings, and a parsed manifest's tree, are many
 * small allocations freed together; each arena is a list of chunks. */
#include "actctx_private.h"

#define ARENA_CHUNK 16384

struct arena_chunk {
	struct arena_chunk *next;
	SIZE_T used, size;
	BYTE data[];
};

void *actctx_alloc(void **arena, SIZE_T n)
{
	struct arena_chunk *c = *arena;

	n = (n + 15) & ~(SIZE_T)15;
	if (!c || c->size - c->used < n) {
		SIZE_T size = n > ARENA_CHUNK ? n : ARENA_CHUNK;

		if (!(c = RtlAllocateHeap(lsw_process_heap(), 0, sizeof(*c) + size)))
			return NULL;
		c->next = *arena;
		c->used = 0;
		c->size = size;
		*arena = c;
	}
	c->used += n;
	return memset(c->data + c->used - n, 0, n);
}

WCHAR *actctx_strdup(void **arena, const WCHAR *s)
{
	SIZE_T n;
	WCHAR *d;

	if (!s)
		return NULL;
	n = (wcslen(s) + 1) * sizeof(WCHAR);
	if ((d = actctx_alloc(arena, n)))
		memcpy(d, s, n);
	return d;
}

void actctx_free_arena(void **arena)
{
	struct arena_chunk *c = *arena, *next;

	for (; c; c = next) {
		next = c->next;
		RtlFreeHeap(lsw_process_heap(), 0, c);
	}
	*arena = NULL;
}
