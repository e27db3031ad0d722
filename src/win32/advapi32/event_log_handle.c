/*
 * Event log handles (event sources, open logs, open backups), in a
 * table of made-up handles (handle_table.c): a stale or made-up handle
 * is refused with ERROR_INVALID_HANDLE.
 */
#include "event_log_private.h"

ADV_HANDLES(handles, 64, 0x5e);

HANDLE evl_handle_new(const struct evl_object *o)
{
	struct evl_object *copy = adv_alloc(sizeof(*copy));
	HANDLE h;

	if (!copy) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return NULL;
	}
	*copy = *o;
	if (!(h = adv_handle_add(&handles, copy)))
		adv_free(copy);
	return h;
}

/* The object of a live handle of one of `kinds`; the lock is held. */
static struct evl_object *lookup(HANDLE h, unsigned kinds)
{
	struct evl_object *o = adv_handle_lookup(&handles, h);

	return o && (kinds & EVL_MASK(o->kind)) ? o : NULL;
}

BOOL evl_get(HANDLE h, unsigned kinds, struct evl_object *out)
{
	struct evl_object *o;

	RtlAcquireSRWLockShared(&handles.lock);
	if ((o = lookup(h, kinds)))
		*out = *o;
	RtlReleaseSRWLockShared(&handles.lock);
	if (!o)
		SetLastError(ERROR_INVALID_HANDLE);
	return o != NULL;
}

void evl_set_next(HANDLE h, DWORD next)
{
	struct evl_object *o;

	RtlAcquireSRWLockExclusive(&handles.lock);
	if ((o = lookup(h, EVL_MASK(EVL_SOURCE) | EVL_MASK(EVL_LOG) | EVL_MASK(EVL_BACKUP))))
		o->next = next;
	RtlReleaseSRWLockExclusive(&handles.lock);
}

BOOL evl_close(HANDLE h, unsigned kinds)
{
	struct evl_object *o;

	RtlAcquireSRWLockShared(&handles.lock);
	o = lookup(h, kinds);
	RtlReleaseSRWLockShared(&handles.lock);
	if (!o || !(o = adv_handle_remove(&handles, h))) {
		SetLastError(ERROR_INVALID_HANDLE);
		return FALSE;
	}
	adv_free(o);
	return TRUE;
}
