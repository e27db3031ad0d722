/*
 * RtlCreateUserStack and RtlFreeUserStack: a thread stack as Windows lays
 * one out (INITIAL_TEB): the whole reserve, its top `commit` bytes
 * committed read-write and one guard page below them, so the stack grows
 * down page by page.  Sizes of 0 take the image's SizeOfStackCommit and
 * SizeOfStackReserve; a reserve not above the commit becomes the commit
 * rounded up to 1 MiB; then the commit rounds up to CommitAlignment (at
 * least a page) and the reserve to ReserveAlignment (at least the 64 KiB
 * allocation granularity).
 */
#include "loader.h"

#define PAGE 0x1000
#define GRANULARITY 0x10000
#define MIB 0x100000

typedef struct {
	PVOID OldStackBase, OldStackLimit, StackBase, StackLimit, DeallocationStack;
} INITIAL_TEB_LSW;

static SIZE_T round_up(SIZE_T v, SIZE_T align)
{
	return (v + align - 1) / align * align;
}

/* The sizes the stack gets; FALSE for alignments of 0. */
static BOOL stack_sizes(SIZE_T *commit, SIZE_T *reserve, SIZE_T commit_align,
			SIZE_T reserve_align)
{
	IMAGE_NT_HEADERS *nt = RtlImageNtHeader(lsw_peb()->ImageBaseAddress);

	if (!commit_align || !reserve_align)
		return FALSE;
	if (!*commit)
		*commit = nt ? nt->OptionalHeader.SizeOfStackCommit : PAGE;
	if (!*reserve)
		*reserve = nt ? nt->OptionalHeader.SizeOfStackReserve : MIB;
	if (*reserve <= *commit)
		*reserve = round_up(*commit, MIB);
	*commit = round_up(*commit, commit_align > PAGE ? commit_align : PAGE);
	*reserve = round_up(*reserve, reserve_align > GRANULARITY ? reserve_align : GRANULARITY);
	if (*commit > *reserve)
		*commit = *reserve;
	return TRUE;
}

RTLAPI NTSTATUS NTAPI RtlCreateUserStack(SIZE_T commit, SIZE_T reserve, ULONG zero_bits,
					 SIZE_T commit_align, SIZE_T reserve_align,
					 INITIAL_TEB_LSW *stack)
{
	HANDLE self = (HANDLE)-1;
	PVOID base = NULL, top, guard;
	SIZE_T size, page = PAGE;
	NTSTATUS status;

	if (!stack_sizes(&commit, &reserve, commit_align, reserve_align))
		return STATUS_INVALID_PARAMETER;
	size = reserve;
	status = NtAllocateVirtualMemory(self, &base, zero_bits, &size, MEM_RESERVE, PAGE_READWRITE);
	if (status < 0)
		return status;
	top = (char *)base + reserve - commit;
	size = commit;
	status = NtAllocateVirtualMemory(self, &top, 0, &size, MEM_COMMIT, PAGE_READWRITE);
	if (status >= 0 && reserve - commit >= PAGE) {
		guard = (char *)top - PAGE;
		status = NtAllocateVirtualMemory(self, &guard, 0, &page, MEM_COMMIT,
						 PAGE_READWRITE | PAGE_GUARD);
	}
	if (status < 0) {
		size = 0;
		NtFreeVirtualMemory(self, &base, &size, MEM_RELEASE);
		return status;
	}
	stack->OldStackBase = stack->OldStackLimit = NULL;
	stack->StackBase = (char *)base + reserve;
	stack->StackLimit = (char *)base + reserve - commit;
	stack->DeallocationStack = base;
	return STATUS_SUCCESS;
}

RTLAPI void NTAPI RtlFreeUserStack(PVOID base)
{
	SIZE_T size = 0;

	NtFreeVirtualMemory((HANDLE)-1, &base, &size, MEM_RELEASE);
}
