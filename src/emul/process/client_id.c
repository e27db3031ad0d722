/*
 * Client ids: the numbers GetCurrentProcessId and GetCurrentThreadId
 * return.  As on Windows, processes and threads draw from one space of
 * multiples of 4, so a process id is never also a thread's while both are
 * in use.  The search for a free id goes round (as Linux does for pids), so
 * an id just freed is not handed out again at once.  Ids start above the
 * few hundred Windows keeps for its own system processes (System is 4).
 */
#include <stdlib.h>
#include <string.h>
#include "emul/emul.h"

#define FIRST_ID 1000u
#define MAX_IDS (1u << 22)    /* 16 M ids, a 512 KiB bitmap at most */
#define WORD_BITS 64u

static bool taken(const struct client_ids *ids, uint32_t n)
{
	return n < ids->nbits && (ids->used[n / WORD_BITS] >> (n % WORD_BITS) & 1);
}

/* Doubles the bitmap; false when it is as large as allowed, or no memory. */
static bool grow(struct client_ids *ids)
{
	uint32_t nbits = ids->nbits ? ids->nbits * 2 : 4096;
	uint64_t *used;

	if (ids->nbits >= MAX_IDS)
		return false;
	if (nbits > MAX_IDS)
		nbits = MAX_IDS;
	used = realloc(ids->used, nbits / 8);
	if (!used)
		return false;
	memset(used + ids->nbits / WORD_BITS, 0, (nbits - ids->nbits) / 8);
	ids->used = used;
	ids->nbits = nbits;
	return true;
}

uint32_t client_id_alloc(struct client_ids *ids)
{
	uint32_t first = FIRST_ID / 4;
	bool wrapped = false;

	if (ids->next < first)
		ids->next = first;
	for (;;) {
		for (uint32_t n = ids->next; n < ids->nbits; n++)
			if (!taken(ids, n)) {
				ids->used[n / WORD_BITS] |= 1ull << (n % WORD_BITS);
				ids->next = n + 1;
				return n * 4;
			}
		/* all taken up to the end: fresh ids while the bitmap may grow,
		 * then round again from the first */
		if (grow(ids))
			continue;
		if (wrapped)
			return 0;
		wrapped = true;
		ids->next = first;
	}
}

void client_id_free(struct client_ids *ids, uint32_t id)
{
	uint32_t n = id / 4;

	if (id % 4 == 0 && taken(ids, n))
		ids->used[n / WORD_BITS] &= ~(1ull << (n % WORD_BITS));
}

void client_ids_free(struct client_ids *ids)
{
	free(ids->used);
	memset(ids, 0, sizeof(*ids));
}
