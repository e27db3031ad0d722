/*
 * The user value and user flags of a heap block: a pointer-sized value
 * and three flag bits (HEAP_SETTABLE_USER_FLAG1..3) the caller may keep
 * with a block.  kernel32's moveable memory keeps its handle there.  A
 * block allocated with HEAP_SETTABLE_USER_VALUE has room for the value
 * (heap_user_info); every block keeps the flags in its header.
 */
#include "heap_private.h"

/* Runs fn on the busy block of ptr under the heap's lock; FALSE (and
 * ERROR_INVALID_PARAMETER, as Windows reports it) for anything else. */
static BOOLEAN with_block(heap *h, ULONG flags, const void *ptr,
			  BOOLEAN (*fn)(heap *, heap_block *, void *), void *arg)
{
	heap_block *b;
	BOOLEAN ok = FALSE;

	if (heap_valid(h)) {
		heap_lock(h, flags);
		b = heap_checked_block(h, ptr, flags);
		if (b)
			ok = fn(h, b, arg);
		heap_unlock(h, flags);
	}
	if (!ok)
		RtlSetLastWin32Error(ERROR_INVALID_PARAMETER);
	return ok;
}

struct user_info {
	void *value;
	ULONG flags;
	ULONG clear;
};

static BOOLEAN get_info(heap *h, heap_block *b, void *arg)
{
	struct user_info *u = arg;

	if (b->bits & BITS_USER_INFO)
		u->value = (void *)heap_user_info(h, b)[1];
	u->flags = USER_FLAGS_FROM_BITS(b->bits);
	return TRUE;
}

/* A block without room for a value leaves *value as it was (Windows
 * does the same). */
RTLAPI BOOLEAN NTAPI RtlGetUserInfoHeap(PVOID handle, ULONG flags, PVOID ptr, PVOID *value,
					PULONG user_flags)
{
	struct user_info u = { value ? *value : NULL, 0, 0 };

	if (!with_block(handle, flags, ptr, get_info, &u))
		return FALSE;
	if (value)
		*value = u.value;
	if (user_flags)
		*user_flags = u.flags;
	return TRUE;
}

/* Only a block made with room for it keeps a value. */
static BOOLEAN set_value(heap *h, heap_block *b, void *arg)
{
	if (!(b->bits & BITS_USER_INFO))
		return FALSE;
	heap_user_info(h, b)[1] = (ULONG_PTR)((struct user_info *)arg)->value;
	return TRUE;
}

RTLAPI BOOLEAN NTAPI RtlSetUserValueHeap(PVOID handle, ULONG flags, PVOID ptr, PVOID value)
{
	struct user_info u = { value, 0, 0 };

	return with_block(handle, flags, ptr, set_value, &u);
}

static BOOLEAN set_flags(heap *h, heap_block *b, void *arg)
{
	struct user_info *u = arg;

	b->bits = (BYTE)((b->bits & ~USER_FLAGS_TO_BITS(u->clear)) | USER_FLAGS_TO_BITS(u->flags));
	return TRUE;
}

/* Only the settable flags may be cleared or set. */
RTLAPI BOOLEAN NTAPI RtlSetUserFlagsHeap(PVOID handle, ULONG flags, PVOID ptr, ULONG clear,
					 ULONG set)
{
	struct user_info u = { NULL, set, clear };

	if ((clear | set) & ~HEAP_SETTABLE_USER_FLAGS) {
		RtlSetLastWin32Error(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	return with_block(handle, flags, ptr, set_flags, &u);
}
