/* Pool quota blocks (quota.h), and what NtQueryInformationProcess says of them. */
#include <stdlib.h>
#include <string.h>
#include "emul/memory/memory.h"
#include "emul/process/quota.h"

enum {
	ProcessQuotaLimits = 1, ProcessVmCounters = 3, ProcessPooledUsageAndLimits = 14,
	ProcessHandleCount = 20,
};

#define VM_COUNTERS_SIZE 88
#define VM_COUNTERS_EX_SIZE 96

struct quota_block *quota_block_new(uint64_t paged_limit, uint64_t nonpaged_limit)
{
	struct quota_block *q = calloc(1, sizeof(*q));

	if (!q)
		return NULL;
	q->limit[QUOTA_PAGED] = paged_limit;
	q->limit[QUOTA_NONPAGED] = nonpaged_limit;
	q->refs = 1;
	return q;
}

struct quota_block *quota_block_ref(struct quota_block *q)
{
	if (q)
		q->refs++;
	return q;
}

void quota_block_unref(struct quota_block *q)
{
	if (q && --q->refs == 0)
		free(q);
}

NTSTATUS quota_block_charge(struct quota_block *q, enum quota_pool pool, uint64_t bytes)
{
	if (!q)
		return LSW_STATUS_SUCCESS;
	if (bytes > q->limit[pool] - q->usage[pool])
		return LSW_STATUS_QUOTA_EXCEEDED;
	q->usage[pool] += bytes;
	if (q->usage[pool] > q->peak[pool])
		q->peak[pool] = q->usage[pool];
	return LSW_STATUS_SUCCESS;
}

void quota_block_release(struct quota_block *q, enum quota_pool pool, uint64_t bytes)
{
	if (!q)
		return;
	/* a release never exceeds its charge; guard the counter all the same */
	q->usage[pool] -= bytes <= q->usage[pool] ? bytes : q->usage[pool];
}

NTSTATUS quota_charge(struct lsw_process *p, enum quota_pool pool, uint64_t bytes)
{
	return quota_block_charge(p->quota, pool, bytes);
}

void quota_release(struct lsw_process *p, enum quota_pool pool, uint64_t bytes)
{
	quota_block_release(p->quota, pool, bytes);
}

/* Three quarters of the supervisor's memory for a process are paged pool
 * (names, handle table, registry paths), one quarter nonpaged (object
 * bodies, thread records, APCs), as Windows places them. */
void quota_limits_for(const struct lsw_job *j, uint64_t *paged, uint64_t *nonpaged)
{
	uint64_t total = j && j->spec.limits.supervisor_memory ? j->spec.limits.supervisor_memory
							       : LIMITS_DEFAULT_SUPERVISOR_MEMORY;

	*nonpaged = total / 4;
	*paged = total - *nonpaged;
}

static void put(uint8_t *b, size_t off, uint64_t v, size_t n)
{
	memcpy(b + off, &v, n);
}

/* VM_COUNTERS(_EX): sizes and pool usage.  The supervisor's view of the
 * address space is what it has: every range for the virtual size, the
 * commit charge for the working set, pagefile and private usage (as
 * kernel32's GetProcessMemoryInfo counts); no peak of them is kept. */
static void vm_counters(const struct lsw_process *p, uint8_t *b)
{
	const struct quota_block *q = p->quota;
	uint64_t size = 0;

	for (size_t i = 0; i < p->vad.n; i++)
		size += p->vad.v[i].size;
	put(b, 0, size, 8);
	put(b, 8, size, 8);
	put(b, 24, p->vad.committed, 8);
	put(b, 32, p->vad.committed, 8);
	put(b, 40, q ? q->peak[QUOTA_PAGED] : 0, 8);
	put(b, 48, q ? q->usage[QUOTA_PAGED] : 0, 8);
	put(b, 56, q ? q->peak[QUOTA_NONPAGED] : 0, 8);
	put(b, 64, q ? q->usage[QUOTA_NONPAGED] : 0, 8);
	put(b, 72, p->vad.committed, 8);
	put(b, 80, p->vad.committed, 8);
	put(b, 88, p->vad.committed, 8);
}

/* QUOTA_LIMITS: PagedPoolLimit, NonPagedPoolLimit, MinimumWorkingSetSize,
 * MaximumWorkingSetSize, PagefileLimit, TimeLimit; POOLED_USAGE_AND_LIMITS:
 * peak, usage and limit of the paged pool, the nonpaged pool, the
 * pagefile (the commit charge, against --memory). */
static uint32_t fill(struct lsw_process *p, uint32_t cls, uint8_t *b)
{
	const struct quota_block *q = p->quota;
	uint64_t commit_limit = p->job ? p->job->spec.limits.commit : 0;

	switch (cls) {
	case ProcessQuotaLimits:
		put(b, 0, q ? q->limit[QUOTA_PAGED] : ~0ull, 8);
		put(b, 8, q ? q->limit[QUOTA_NONPAGED] : ~0ull, 8);
		put(b, 16, 200 * 4096, 8); /* Windows' default working set: 200..1380 pages */
		put(b, 24, 1380 * 4096, 8);
		put(b, 32, commit_limit ? commit_limit : ~0ull, 8); /* bytes, as documented */
		put(b, 40, ~0ull, 8);       /* no time limit */
		return 48;
	case ProcessPooledUsageAndLimits:
		for (int pool = 0; q && pool < QUOTA_POOLS; pool++) {
			put(b, 24 * pool, q->peak[pool], 8);
			put(b, 24 * pool + 8, q->usage[pool], 8);
			put(b, 24 * pool + 16, q->limit[pool], 8);
		}
		/* in pages, as the kernel counts them; no peak of the commit
		 * charge is kept: the current one */
		put(b, 48, p->vad.committed / 4096, 8);
		put(b, 56, p->vad.committed / 4096, 8);
		put(b, 64, commit_limit ? commit_limit / 4096 : ~0ull, 8);
		return 72;
	case ProcessVmCounters:
		vm_counters(p, b);
		return VM_COUNTERS_EX_SIZE;
	case ProcessHandleCount:
		put(b, 0, p->handles.used, 4);
		return 4;
	}
	return 0;
}

bool quota_query_process(struct nt_call *c, struct lsw_process *p, uint32_t cls,
			 NTSTATUS *status)
{
	uint8_t buf[VM_COUNTERS_EX_SIZE] = { 0 };
	uint32_t size = fill(p, cls, buf), len = (uint32_t)c->args[3];

	if (!size)
		return false;
	if (cls == ProcessVmCounters && len == VM_COUNTERS_SIZE)
		size = len; /* VM_COUNTERS without PrivateUsage */
	if (len != size)
		*status = LSW_STATUS_INFO_LENGTH_MISMATCH;
	else if (tracee_write(c->thread, c->args[2], buf, size) < 0 ||
		 (c->args[4] && tracee_write(c->thread, c->args[4], &size, 4) < 0))
		*status = LSW_STATUS_ACCESS_VIOLATION;
	else
		*status = LSW_STATUS_SUCCESS;
	return true;
}
