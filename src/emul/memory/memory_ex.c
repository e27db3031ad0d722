/*
 * NtAllocateVirtualMemoryEx and the extended parameters (MEM_EXTENDED_
 * PARAMETER, 16 bytes each: an 8-bit type, then a 64-bit value) it and
 * NtMapViewOfSectionEx take.  Address requirements bound where a new range
 * may lie; NUMA nodes and attribute flags change nothing here (one node,
 * no large pages); the other kinds are refused.
 */
#include "emul/memory/memory.h"
#include "emul/memory/remote.h"

#define EXT_ADDRESS_REQUIREMENTS 1
#define EXT_NUMA_NODE 2
#define EXT_ATTRIBUTE_FLAGS 5
#define EXT_TYPE_MAX 7
#define MAX_EXT_PARAMS 16

/* MEM_ADDRESS_REQUIREMENTS */
struct address_req {
	uint64_t lowest, highest, alignment;
};

/* Where a new range may lie, from MEM_ADDRESS_REQUIREMENTS: the lowest
 * address on the allocation granularity, the highest the last byte of a
 * page in the user space, the alignment a power of two of at least the
 * granularity (0: the granularity). */
static NTSTATUS apply_address_req(const struct address_req *a, struct alloc_req *r)
{
	uint64_t align = a->alignment ? a->alignment : ALLOC_GRANULARITY;

	if ((a->lowest & (ALLOC_GRANULARITY - 1)) || a->lowest > USER_MAX ||
	    (a->highest && ((a->highest & (PAGE_SIZE_NT - 1)) != PAGE_SIZE_NT - 1 ||
			    a->highest > USER_MAX || a->highest < a->lowest)) ||
	    align < ALLOC_GRANULARITY || (align & (align - 1)))
		return LSW_STATUS_INVALID_PARAMETER;
	r->low = a->lowest > r->low ? a->lowest : r->low;
	r->limit = a->highest ? a->highest + 1 : r->limit;
	r->align = align;
	return LSW_STATUS_SUCCESS;
}

/* Copies and checks count parameters at addr into r's bounds;
 * *has_address says whether address requirements came. */
NTSTATUS memory_ext_params(struct nt_call *c, uint64_t addr, uint64_t count,
			   struct alloc_req *r, bool *has_address)
{
	uint64_t p[MAX_EXT_PARAMS][2];
	struct address_req a;
	bool seen = false;
	NTSTATUS st;

	*has_address = false;
	if (!count)
		return LSW_STATUS_SUCCESS;
	if (!addr || count > MAX_EXT_PARAMS)
		return LSW_STATUS_INVALID_PARAMETER;
	if (tracee_read(c->thread, addr, p, count * sizeof(p[0])) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	for (uint64_t i = 0; i < count; i++) {
		unsigned type = (unsigned)(p[i][0] & 0xff);

		if (type == 0 || type >= EXT_TYPE_MAX)
			return LSW_STATUS_INVALID_PARAMETER;
		if (type == EXT_NUMA_NODE || type == EXT_ATTRIBUTE_FLAGS)
			continue;
		if (type != EXT_ADDRESS_REQUIREMENTS || seen)
			return LSW_STATUS_INVALID_PARAMETER;
		seen = true;
		if (tracee_read(c->thread, p[i][1], &a, sizeof(a)) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		/* all zero: no requirement (a base of the caller's own may come) */
		*has_address = a.lowest || a.highest || a.alignment;
		if ((st = apply_address_req(&a, r)) != LSW_STATUS_SUCCESS)
			return st;
	}
	return LSW_STATUS_SUCCESS;
}

/* NtAllocateVirtualMemoryEx(ProcessHandle, *BaseAddress, *RegionSize,
 *   AllocationType, PageProtection, ExtendedParameters, ParameterCount):
 * NtAllocateVirtualMemory with placeholders and address requirements
 * (only for a new range placed by the system) instead of ZeroBits. */
NTSTATUS nt_NtAllocateVirtualMemoryEx(struct nt_call *c)
{
	struct lsw_thread *t = c->thread;
	struct alloc_req r = { .type = (uint32_t)c->args[3], .protect = (uint32_t)c->args[4],
			       .low = USER_MIN, .limit = USER_MAX + 1,
			       .align = ALLOC_GRANULARITY };
	struct nt_call *tc;
	bool has_address;
	NTSTATUS st;

	if (!(tc = remote_call_begin(c, c->args[0], PROCESS_VM_OPERATION,
				     nt_NtAllocateVirtualMemoryEx, &st)))
		return st;
	if (tracee_read(t, c->args[1], &r.base, 8) < 0 || tracee_read(t, c->args[2], &r.size, 8) < 0)
		return remote_call_end(c, tc, LSW_STATUS_ACCESS_VIOLATION);
	if ((st = memory_ext_params(c, c->args[5], (uint32_t)c->args[6], &r, &has_address)) !=
	    LSW_STATUS_SUCCESS)
		return remote_call_end(c, tc, st);
	/* requirements place a new range: MEM_COMMIT alone reserves it too,
	 * as with no base (the Dart VM allocates so) */
	if (has_address && r.base)
		return remote_call_end(c, tc, LSW_STATUS_INVALID_PARAMETER);
	st = memory_allocate(tc, &r);
	if (st == LSW_STATUS_SUCCESS &&
	    (tracee_write(t, c->args[1], &r.base, 8) < 0 || tracee_write(t, c->args[2], &r.size, 8) < 0))
		st = LSW_STATUS_ACCESS_VIOLATION;
	return remote_call_end(c, tc, st);
}
