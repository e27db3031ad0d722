/*
 * RTL handle tables: fixed-size entries in one reserved region, committed
 * a page run at a time as the table fills.  The first pointer of each
 * entry is its link in the free list while free; the owner sets bit 0 of
 * that same field once it takes an entry, which is what the validity
 * checks look at (the documented protocol, used by csrss-style callers).
 */
#include "rtl_private.h"

#define HANDLE_ALLOCATED 1
#define COMMIT_STEP 0x10000

static NTSTATUS table_grow(RTL_HANDLE_TABLE *t)
{
	SIZE_T size = t->MaxHandleCount * (SIZE_T)t->HandleSize;
	char *start, *end;
	void *addr;
	NTSTATUS status;

	if (!t->ReservedMemory) {
		addr = NULL;
		status = NtAllocateVirtualMemory((HANDLE)-1, &addr, 0, &size, MEM_RESERVE,
						 PAGE_READWRITE);
		if (status < 0)
			return status;
		t->FirstHandle = t->ReservedMemory = t->MaxHandle = addr;
	}
	start = t->MaxHandle;
	end = (char *)t->FirstHandle + t->MaxHandleCount * (SIZE_T)t->HandleSize;
	if (start >= end)
		return STATUS_NO_MEMORY;
	size = COMMIT_STEP;
	addr = start;
	status = NtAllocateVirtualMemory((HANDLE)-1, &addr, 0, &size, MEM_COMMIT, PAGE_READWRITE);
	if (status < 0)
		return status;
	if ((char *)addr + size < end)
		end = (char *)addr + size;
	/* Thread the new entries onto the free list in address order. */
	end -= (SIZE_T)(end - start) % t->HandleSize;
	for (char *p = start; p < end; p += t->HandleSize)
		((RTL_HANDLE *)p)->Next = p + t->HandleSize < end ? (RTL_HANDLE *)(p + t->HandleSize) :
								      t->NextFree;
	t->NextFree = start;
	t->MaxHandle = end;
	return STATUS_SUCCESS;
}

RTLAPI void NTAPI RtlInitializeHandleTable(ULONG max_count, ULONG size, RTL_HANDLE_TABLE *t)
{
	memset(t, 0, sizeof(*t));
	t->MaxHandleCount = max_count;
	t->HandleSize = size < sizeof(RTL_HANDLE) ? sizeof(RTL_HANDLE) : size;
}

RTLAPI NTSTATUS NTAPI RtlDestroyHandleTable(RTL_HANDLE_TABLE *t)
{
	void *addr = t->ReservedMemory;
	SIZE_T size = 0;
	NTSTATUS status = STATUS_SUCCESS;

	if (addr)
		status = NtFreeVirtualMemory((HANDLE)-1, &addr, &size, MEM_RELEASE);
	t->ReservedMemory = t->FirstHandle = t->MaxHandle = t->NextFree = NULL;
	return status;
}

RTLAPI RTL_HANDLE *NTAPI RtlAllocateHandle(RTL_HANDLE_TABLE *t, PULONG index)
{
	RTL_HANDLE *h;

	if (!t->NextFree && table_grow(t) < 0)
		return NULL;
	h = t->NextFree;
	t->NextFree = h->Next;
	h->Next = NULL;
	if (index)
		*index = (ULONG)(((char *)h - (char *)t->FirstHandle) / t->HandleSize);
	return h;
}

RTLAPI BOOLEAN NTAPI RtlIsValidHandle(RTL_HANDLE_TABLE *t, RTL_HANDLE *h)
{
	char *p = (char *)h;

	if (!t->FirstHandle || p < (char *)t->FirstHandle || p >= (char *)t->MaxHandle)
		return FALSE;
	if ((SIZE_T)(p - (char *)t->FirstHandle) % t->HandleSize)
		return FALSE;
	return ((ULONG_PTR)h->Next & HANDLE_ALLOCATED) != 0;
}

RTLAPI BOOLEAN NTAPI RtlIsValidIndexHandle(RTL_HANDLE_TABLE *t, ULONG index, RTL_HANDLE **out)
{
	RTL_HANDLE *h;

	if (index >= t->MaxHandleCount || !t->FirstHandle)
		return FALSE;
	h = (RTL_HANDLE *)((char *)t->FirstHandle + (SIZE_T)index * t->HandleSize);
	if (!RtlIsValidHandle(t, h))
		return FALSE;
	*out = h;
	return TRUE;
}

RTLAPI BOOLEAN NTAPI RtlFreeHandle(RTL_HANDLE_TABLE *t, RTL_HANDLE *h)
{
	if (!RtlIsValidHandle(t, h))
		return FALSE;
	memset(h, 0, t->HandleSize);
	h->Next = t->NextFree;
	t->NextFree = h;
	return TRUE;
}
