/*
 * Interlocked singly linked lists (SLIST_HEADER, x64 layout): the first
 * 8 bytes hold Depth (16 bits) and Sequence (48), the second the first
 * entry's address (entries are 16-byte aligned, so its low 4 bits are the
 * reserved ones).  Both halves change together with one cmpxchg16b; the
 * sequence makes a pop that raced with a pop and a push of the same entry
 * fail and retry (the ABA problem).
 */
#include "rtl_private.h"

struct slist_x64 {
	volatile ULONGLONG count; /* Depth | Sequence << 16 */
	volatile ULONGLONG first; /* PSLIST_ENTRY */
};

static BOOL swap16(struct slist_x64 *h, struct slist_x64 old, ULONGLONG count, ULONGLONG first)
{
	unsigned char ok;

	__asm__ volatile("lock cmpxchg16b %1\n\tsetz %0"
			 : "=q"(ok), "+m"(*h), "+a"(old.count), "+d"(old.first)
			 : "b"(count), "c"(first)
			 : "memory", "cc");
	return ok;
}

static struct slist_x64 snapshot(const struct slist_x64 *h)
{
	struct slist_x64 s;

	s.count = h->count;
	s.first = h->first; /* a torn read only makes the cmpxchg16b fail */
	return s;
}

static ULONGLONG next_count(ULONGLONG count, int depth_change)
{
	ULONGLONG depth = (count + (ULONGLONG)(LONGLONG)depth_change) & 0xFFFF;

	return depth | ((count + 0x10000) & ~0xFFFFull);
}

RTLAPI void NTAPI RtlInitializeSListHead(PSLIST_HEADER head)
{
	memset(head, 0, sizeof(*head));
}

RTLAPI PSLIST_ENTRY NTAPI RtlFirstEntrySList(const SLIST_HEADER *head)
{
	return (PSLIST_ENTRY)(((const struct slist_x64 *)head)->first & ~0xFull);
}

RTLAPI WORD NTAPI RtlQueryDepthSList(PSLIST_HEADER head)
{
	return (WORD)(((struct slist_x64 *)head)->count & 0xFFFF);
}

RTLAPI PSLIST_ENTRY NTAPI RtlInterlockedPushEntrySList(PSLIST_HEADER head, PSLIST_ENTRY entry)
{
	struct slist_x64 *h = (struct slist_x64 *)head, old;

	do {
		old = snapshot(h);
		entry->Next = (PSLIST_ENTRY)(old.first & ~0xFull);
	} while (!swap16(h, old, next_count(old.count, 1), (ULONGLONG)entry));
	return (PSLIST_ENTRY)(old.first & ~0xFull);
}

RTLAPI PSLIST_ENTRY NTAPI RtlInterlockedPopEntrySList(PSLIST_HEADER head)
{
	struct slist_x64 *h = (struct slist_x64 *)head, old;
	PSLIST_ENTRY first;

	do {
		old = snapshot(h);
		first = (PSLIST_ENTRY)(old.first & ~0xFull);
		if (!first)
			return NULL;
	} while (!swap16(h, old, next_count(old.count, -1), (ULONGLONG)first->Next));
	return first;
}

RTLAPI PSLIST_ENTRY NTAPI RtlInterlockedFlushSList(PSLIST_HEADER head)
{
	struct slist_x64 *h = (struct slist_x64 *)head, old;

	do {
		old = snapshot(h);
		if (!(old.first & ~0xFull))
			return NULL;
	} while (!swap16(h, old, (old.count + 0x10000) & ~0xFFFFull, 0));
	return (PSLIST_ENTRY)(old.first & ~0xFull);
}

/* Pushes the chain first..last (already linked, count entries) at once. */
RTLAPI PSLIST_ENTRY NTAPI RtlInterlockedPushListSListEx(PSLIST_HEADER head, PSLIST_ENTRY first,
							 PSLIST_ENTRY last, ULONG count)
{
	struct slist_x64 *h = (struct slist_x64 *)head, old;

	do {
		old = snapshot(h);
		last->Next = (PSLIST_ENTRY)(old.first & ~0xFull);
	} while (!swap16(h, old, (((old.count & 0xFFFF) + count) & 0xFFFF) |
				     ((old.count + 0x10000) & ~0xFFFFull), (ULONGLONG)first));
	return (PSLIST_ENTRY)(old.first & ~0xFull);
}

RTLAPI PSLIST_ENTRY NTAPI RtlInterlockedPushListSList(PSLIST_HEADER head, PSLIST_ENTRY first,
						       PSLIST_ENTRY last, ULONG count)
{
	return RtlInterlockedPushListSListEx(head, first, last, count);
}
