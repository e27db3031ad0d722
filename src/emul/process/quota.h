/*
 * Pool quota, as Windows charges it to a process (QUOTA_LIMITS,
 * POOLED_USAGE_AND_LIMITS): what the supervisor allocates on a process's
 * behalf and keeps past the call (objects and their names, the handle
 * table, thread records and names, queued APCs, address-space records)
 * is charged to the process's quota block, in the pool Windows would take
 * it from, and given back when freed.  Past a limit the call fails with
 * STATUS_QUOTA_EXCEEDED; so the two limits bound the supervisor's memory
 * for one process (README: the sandbox's promises).
 *
 * A block is counted by references: an object charged to it keeps it
 * (and the charge) after its process is gone, as Windows keeps an
 * EPROCESS_QUOTA_BLOCK.
 */
#ifndef LSW_QUOTA_H
#define LSW_QUOTA_H

#include "emul/emul.h"

enum quota_pool { QUOTA_PAGED, QUOTA_NONPAGED, QUOTA_POOLS };

struct quota_block {
	uint64_t usage[QUOTA_POOLS];
	uint64_t peak[QUOTA_POOLS];
	uint64_t limit[QUOTA_POOLS];
	unsigned refs;
};

/* A block with these limits (bytes); NULL when out of memory. */
struct quota_block *quota_block_new(uint64_t paged_limit, uint64_t nonpaged_limit);
struct quota_block *quota_block_ref(struct quota_block *q);
void quota_block_unref(struct quota_block *q);
/* STATUS_QUOTA_EXCEEDED when bytes more would pass the pool's limit.  A
 * NULL block has no limit (records made without process_new). */
NTSTATUS quota_block_charge(struct quota_block *q, enum quota_pool pool, uint64_t bytes);
void quota_block_release(struct quota_block *q, enum quota_pool pool, uint64_t bytes);

/* The same against p's block: the short form for code charging its own
 * process.  Every charge is released with the same pool and size. */
NTSTATUS quota_charge(struct lsw_process *p, enum quota_pool pool, uint64_t bytes);
void quota_release(struct lsw_process *p, enum quota_pool pool, uint64_t bytes);

/* The limits a new process of job j gets (--supervisor-memory). */
void quota_limits_for(const struct lsw_job *j, uint64_t *paged, uint64_t *nonpaged);

/* NtQueryInformationProcess for ProcessQuotaLimits, ProcessVmCounters,
 * ProcessPooledUsageAndLimits and ProcessHandleCount; false: another class. */
bool quota_query_process(struct nt_call *c, struct lsw_process *p, uint32_t cls,
			 NTSTATUS *status);

#endif
