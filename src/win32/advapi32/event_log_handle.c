/*
 * Event log handles (event sources, open logs, open backups): slots of a
 * small table, tagged so that a stale or made-up handle is refused with
 * ERROR_INVALID_HANDLE, never dereferenced.
 */
#include "event_log_private.h"

#define MAX_HANDLES 64
#define HANDLE_TAG 0x5e000000u

static struct evl_object *table[MAX_HANDLES];
static RTL_SRWLOCK table_lock = RTL_SRWLOCK_INIT;

static HANDLE slot_handle(unsigned slot)
{
	return (HANDLE)(ULONG_PTR)(HANDLE_TAG | (slot + 1) << 2);
}

/* The object of a live handle of one of `kinds`, or NULL; the caller
 * holds the lock. */
static struct evl_object *lookup(HANDLE h, unsigned kinds)
{
	ULONG_PTR v = (ULONG_PTR)h;
	ULONG_PTR slot = ((v & ~(ULONG_PTR)HANDLE_TAG) >> 2) - 1;

	if ((v & 0xff000003u) != HANDLE_TAG || (v >> 32) || slot >= MAX_HANDLES || !table[slot])
		return NULL;
	return kinds & EVL_MASK(table[slot]->kind) ? table[slot] : NULL;
}

HANDLE evl_handle_new(const struct evl_object *o)
{
	struct evl_object *copy = adv_alloc(sizeof(*copy));

	if (!copy) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return NULL;
	}
	*copy = *o;
	RtlAcquireSRWLockExclusive(&table_lock);
	for (unsigned i = 0; i < MAX_HANDLES; i++)
		if (!table[i]) {
			table[i] = copy;
			RtlReleaseSRWLockExclusive(&table_lock);
			return slot_handle(i);
		}
	RtlReleaseSRWLockExclusive(&table_lock);
	adv_free(copy);
	SetLastError(ERROR_NO_SYSTEM_RESOURCES);
	return NULL;
}

BOOL evl_get(HANDLE h, unsigned kinds, struct evl_object *out)
{
	struct evl_object *o;

	RtlAcquireSRWLockShared(&table_lock);
	if ((o = lookup(h, kinds)))
		*out = *o;
	RtlReleaseSRWLockShared(&table_lock);
	if (!o)
		SetLastError(ERROR_INVALID_HANDLE);
	return o != NULL;
}

void evl_set_next(HANDLE h, DWORD next)
{
	struct evl_object *o;

	RtlAcquireSRWLockExclusive(&table_lock);
	if ((o = lookup(h, EVL_MASK(EVL_LOG) | EVL_MASK(EVL_BACKUP))))
		o->next = next;
	RtlReleaseSRWLockExclusive(&table_lock);
}

BOOL evl_close(HANDLE h, unsigned kinds)
{
	struct evl_object *o;

	RtlAcquireSRWLockExclusive(&table_lock);
	if ((o = lookup(h, kinds)))
		table[((ULONG_PTR)h & ~(ULONG_PTR)HANDLE_TAG) / 4 - 1] = NULL;
	RtlReleaseSRWLockExclusive(&table_lock);
	if (!o) {
		SetLastError(ERROR_INVALID_HANDLE);
		return FALSE;
	}
	adv_free(o);
	return TRUE;
}
