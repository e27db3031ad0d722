/* A growable array of live pointers under one lock: handles are few and
 * short-lived, so a linear search is enough. */
#include "ntdll/rtl/rtl_nt.h"
#include "bcrypt/live_set.h"

static SRWLOCK lock = SRWLOCK_INIT;
static const void **items;
static SIZE_T count, capacity;

static SIZE_T find(const void *p)
{
	for (SIZE_T i = 0; i < count; i++)
		if (items[i] == p)
			return i;
	return (SIZE_T)-1;
}

static BOOL grow(void)
{
	SIZE_T n = capacity ? capacity * 2 : 64;
	const void **bigger = items ? RtlReAllocateHeap(lsw_process_heap(), 0, items, n * sizeof(*items))
				    : RtlAllocateHeap(lsw_process_heap(), 0, n * sizeof(*items));

	if (!bigger)
		return FALSE;
	items = bigger;
	capacity = n;
	return TRUE;
}

BOOL live_add(const void *p)
{
	BOOL ok = TRUE;

	RtlAcquireSRWLockExclusive(&lock);
	if (count == capacity)
		ok = grow();
	if (ok)
		items[count++] = p;
	RtlReleaseSRWLockExclusive(&lock);
	return ok;
}

BOOL live_remove(const void *p)
{
	SIZE_T i;

	RtlAcquireSRWLockExclusive(&lock);
	if ((i = find(p)) != (SIZE_T)-1)
		items[i] = items[--count];
	RtlReleaseSRWLockExclusive(&lock);
	return i != (SIZE_T)-1;
}

BOOL live_has(const void *p)
{
	SIZE_T i;

	RtlAcquireSRWLockExclusive(&lock);
	i = find(p);
	RtlReleaseSRWLockExclusive(&lock);
	return i != (SIZE_T)-1;
}
