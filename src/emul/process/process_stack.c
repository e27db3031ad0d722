/*
 * NtSetInformationProcess(ProcessThreadStackAllocation): reserves a
 * thread's stack in the process, as Windows' kernel32 asks before a
 * thread is created there.  The input is PROCESS_STACK_ALLOCATION_INFORMATION
 * (ReserveSize, ZeroBits, StackBase) or its Ex form (PreferredNode and
 * three reserved ULONGs, then the same); StackBase is written back with
 * the base of the new MEM_RESERVE range.
 */
#include "emul/memory/memory.h"
#include "emul/memory/remote.h"
#include "emul/process/process_object.h"

#define STACK_ALLOC_SIZE 24
#define STACK_ALLOC_EX_SIZE 40
#define STACK_ALLOC_EX_HEADER 16 /* PreferredNode, Reserved0..2 */
#define STACK_BASE_OFFSET 16     /* within PROCESS_STACK_ALLOCATION_INFORMATION */

NTSTATUS nt_NtSetInformationProcess(struct nt_call *c); /* process_set.c: the retry */

NTSTATUS process_set_stack_allocation(struct nt_call *c)
{
	uint32_t len = (uint32_t)c->args[3];
	uint64_t info = c->args[2] + (len == STACK_ALLOC_EX_SIZE ? STACK_ALLOC_EX_HEADER : 0);
	uint64_t in[2]; /* ReserveSize, ZeroBits */
	struct alloc_req r = { .type = MEM_RESERVE, .protect = PAGE_READWRITE, .low = USER_MIN,
			       .align = ALLOC_GRANULARITY };
	struct nt_call *tc;
	NTSTATUS st;

	if (len != STACK_ALLOC_SIZE && len != STACK_ALLOC_EX_SIZE)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (!(tc = remote_call_begin(c, c->args[0], PROCESS_VM_OPERATION, nt_NtSetInformationProcess,
				     &st)))
		return st;
	if (tracee_read(c->thread, info, in, sizeof(in)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	r.size = in[0];
	r.limit = vad_zero_bits_limit(in[1]);
	if (!r.size || !r.limit)
		return LSW_STATUS_INVALID_PARAMETER;
	st = memory_allocate(tc, &r);
	if (st == LSW_STATUS_SUCCESS &&
	    tracee_write(c->thread, info + STACK_BASE_OFFSET, &r.base, 8) < 0)
		st = LSW_STATUS_ACCESS_VIOLATION;
	return remote_call_end(c, tc, st);
}
