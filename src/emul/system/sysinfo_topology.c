/*
 * The processor topology: each processor its own core (no SMT pairs, as
 * SystemCpuSetInformation says), all of them in one package, die, NUMA
 * node and group 0; per core a level 1 data and instruction cache and a
 * level 2 cache, one level 3 cache shared, with the host's sizes; each
 * core its own module.  All of them lists every kind but the die and the
 * extended NUMA node, which repeat the package and the node.  And
 * NtQuerySystemInformationEx(SystemLogicalProcessorInformationEx), which
 * gives it as SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX records.
 */
#include <string.h>
#include <unistd.h>
#include "emul/system/sysinfo_topology.h"

enum { CACHE_UNIFIED = 0, CACHE_INSTRUCTION = 1, CACHE_DATA = 2 };

#define PROCESSOR_RECORD 48 /* PROCESSOR_RELATIONSHIP with one GROUP_AFFINITY */
#define NUMA_RECORD 48
#define CACHE_RECORD 56
#define GROUP_RECORD 80     /* GROUP_RELATIONSHIP with one PROCESSOR_GROUP_INFO */

static const struct host_cache {
	uint8_t level, type;
	bool shared;
	int size, assoc, line;       /* sysconf names */
} host_caches[] = {
	{ 1, CACHE_DATA, false, _SC_LEVEL1_DCACHE_SIZE, _SC_LEVEL1_DCACHE_ASSOC,
	  _SC_LEVEL1_DCACHE_LINESIZE },
	{ 1, CACHE_INSTRUCTION, false, _SC_LEVEL1_ICACHE_SIZE, _SC_LEVEL1_ICACHE_ASSOC,
	  _SC_LEVEL1_ICACHE_LINESIZE },
	{ 2, CACHE_UNIFIED, false, _SC_LEVEL2_CACHE_SIZE, _SC_LEVEL2_CACHE_ASSOC,
	  _SC_LEVEL2_CACHE_LINESIZE },
	{ 3, CACHE_UNIFIED, true, _SC_LEVEL3_CACHE_SIZE, _SC_LEVEL3_CACHE_ASSOC,
	  _SC_LEVEL3_CACHE_LINESIZE },
};

static void put(uint8_t *b, size_t off, uint64_t v, size_t n)
{
	memcpy(b + off, &v, n);
}

static uint64_t all_mask(uint32_t n)
{
	return n >= 64 ? ~0ull : (1ull << n) - 1;
}

/* The caches covering mask (shared ones once, the others per processor). */
static size_t add_caches(struct topology_entry *out, uint32_t ncpu)
{
	size_t k = 0;

	for (size_t i = 0; i < sizeof(host_caches) / sizeof(host_caches[0]); i++) {
		const struct host_cache *h = &host_caches[i];
		long size = sysconf(h->size), assoc = sysconf(h->assoc), line = sysconf(h->line);

		if (size <= 0)
			continue;
		for (uint32_t cpu = 0; cpu < (h->shared ? 1 : ncpu); cpu++) {
			struct topology_entry *e = &out[k++];

			e->relationship = RELATION_CACHE;
			e->mask = h->shared ? all_mask(ncpu) : 1ull << cpu;
			e->cache.level = h->level;
			e->cache.associativity = assoc > 0 && assoc < 0xFF ? (uint8_t)assoc : 0xFF;
			e->cache.line_size = line > 0 ? (uint16_t)line : 64;
			e->cache.size = (uint32_t)size;
			e->cache.type = h->type;
		}
	}
	return k;
}

static size_t add_relation(enum relation r, struct topology_entry *out, uint32_t ncpu)
{
	bool per_cpu = r == RELATION_CORE || r == RELATION_MODULE;
	size_t k = 0;

	if (r == RELATION_CACHE)
		return add_caches(out, ncpu);
	for (uint32_t cpu = 0; cpu < (per_cpu ? ncpu : 1); cpu++) {
		memset(&out[k], 0, sizeof(out[k]));
		out[k].relationship = r;
		out[k++].mask = per_cpu ? 1ull << cpu : all_mask(ncpu);
	}
	return k;
}

size_t topology_list(enum relation which, struct topology_entry *out)
{
	uint32_t ncpu = sysinfo_cpu_count();
	size_t k = 0;

	memset(out, 0, TOPOLOGY_MAX * sizeof(*out));
	if (which != RELATION_ALL)
		return add_relation(which, out, ncpu);
	for (enum relation r = RELATION_CORE; r <= RELATION_GROUP; r++)
		k += add_relation(r, out + k, ncpu);
	return k + add_relation(RELATION_MODULE, out + k, ncpu);
}

/* One SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX at b; its size. */
static size_t put_record(uint8_t *b, const struct topology_entry *e)
{
	uint32_t ncpu = sysinfo_cpu_count();
	size_t size;

	switch (e->relationship) {
	case RELATION_NUMA:
	case RELATION_NUMA_EX:
		size = NUMA_RECORD;
		put(b, 8 + 24, e->mask, 8);        /* NodeNumber 0, GroupMask */
		break;
	case RELATION_CACHE:
		size = CACHE_RECORD;
		b[8] = e->cache.level;
		b[9] = e->cache.associativity;
		put(b, 10, e->cache.line_size, 2);
		put(b, 12, e->cache.size, 4);
		put(b, 16, e->cache.type, 4);
		put(b, 8 + 32, e->mask, 8);        /* GroupMask */
		break;
	case RELATION_GROUP:
		size = GROUP_RECORD;
		put(b, 8, 1, 2);                   /* MaximumGroupCount */
		put(b, 10, 1, 2);                  /* ActiveGroupCount */
		b[8 + 24] = (uint8_t)ncpu;         /* MaximumProcessorCount */
		b[8 + 25] = (uint8_t)ncpu;         /* ActiveProcessorCount */
		put(b, 8 + 24 + 40, e->mask, 8);   /* ActiveProcessorMask */
		break;
	default:                                   /* core, package, die, module */
		size = PROCESSOR_RECORD;
		put(b, 8 + 22, 1, 2);              /* GroupCount */
		put(b, 8 + 24, e->mask, 8);        /* GroupMask[0] */
		break;
	}
	put(b, 0, e->relationship, 4);
	put(b, 4, size, 4);
	return size;
}

/* args: class, &relationship, its length (4), buffer, length, *ReturnLength */
NTSTATUS sysinfo_logical_processors_ex(struct nt_call *c)
{
	static uint8_t buf[TOPOLOGY_MAX * GROUP_RECORD];
	struct topology_entry e[TOPOLOGY_MAX];
	uint32_t which = 0, need = 0;
	NTSTATUS st = LSW_STATUS_SUCCESS;
	size_t n;

	if (c->args[2] != 4 || !c->args[1] || tracee_read(c->thread, c->args[1], &which, 4) < 0)
		return LSW_STATUS_INVALID_PARAMETER;
	if (which > RELATION_MODULE && which != RELATION_ALL)
		return LSW_STATUS_INVALID_PARAMETER;
	n = topology_list((enum relation)which, e);
	memset(buf, 0, sizeof(buf));
	for (size_t i = 0; i < n; i++)
		need += (uint32_t)put_record(buf + need, &e[i]);
	if ((uint32_t)c->args[4] < need)
		st = LSW_STATUS_INFO_LENGTH_MISMATCH;
	else if (tracee_write(c->thread, c->args[3], buf, need) < 0)
		st = LSW_STATUS_ACCESS_VIOLATION;
	if (c->args[5] && tracee_write(c->thread, c->args[5], &need, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}
