/*
 * Tables of objects behind made-up handles (service control manager
 * handles, event log handles): a handle is its slot's number with a
 * table's tag, so a stale or made-up value is refused, never
 * dereferenced.
 */
#include "adv_private.h"

static HANDLE slot_handle(const struct adv_handles *t, unsigned slot)
{
	return (HANDLE)(ULONG_PTR)(t->tag | (slot + 1) << 2);
}

/* The slot of a live handle of t, or -1; the caller holds the lock. */
static int handle_slot(const struct adv_handles *t, HANDLE h)
{
	ULONG_PTR v = (ULONG_PTR)h, slot = ((v & 0x00fffffcu) >> 2) - 1;

	if ((v & 0xff000003u) != t->tag || (v >> 32) || slot >= t->size)
		return -1;
	return t->slots[slot] ? (int)slot : -1;
}

HANDLE adv_handle_add(struct adv_handles *t, void *object)
{
	RtlAcquireSRWLockExclusive(&t->lock);
	for (unsigned i = 0; i < t->size; i++)
		if (!t->slots[i]) {
			t->slots[i] = object;
			RtlReleaseSRWLockExclusive(&t->lock);
			return slot_handle(t, i);
		}
	RtlReleaseSRWLockExclusive(&t->lock);
	SetLastError(ERROR_NO_SYSTEM_RESOURCES);
	return NULL;
}

void *adv_handle_lookup(struct adv_handles *t, HANDLE h)
{
	int slot = handle_slot(t, h);

	return slot >= 0 ? t->slots[slot] : NULL;
}

void *adv_handle_remove(struct adv_handles *t, HANDLE h)
{
	void *object = NULL;
	int slot;

	RtlAcquireSRWLockExclusive(&t->lock);
	if ((slot = handle_slot(t, h)) >= 0) {
		object = t->slots[slot];
		t->slots[slot] = NULL;
	}
	RtlReleaseSRWLockExclusive(&t->lock);
	return object;
}
