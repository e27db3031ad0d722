/* The processor topology the system information classes describe
 * (sysinfo_topology.c). */
#ifndef LSW_SYSINFO_TOPOLOGY_H
#define LSW_SYSINFO_TOPOLOGY_H

#include <stddef.h>
#include <stdint.h>
#include "emul/system/sysinfo.h"

/* LOGICAL_PROCESSOR_RELATIONSHIP */
enum relation {
	RELATION_CORE = 0,
	RELATION_NUMA = 1,
	RELATION_CACHE = 2,
	RELATION_PACKAGE = 3,
	RELATION_GROUP = 4,
	RELATION_DIE = 5,
	RELATION_NUMA_EX = 6,
	RELATION_MODULE = 7,
	RELATION_ALL = 0xFFFF,
};

struct topology_entry {
	enum relation relationship;
	uint64_t mask;               /* the processors of group 0 it covers */
	struct {
		uint8_t level, associativity;
		uint16_t line_size;
		uint32_t size, type; /* PROCESSOR_CACHE_TYPE */
	} cache;
};

/* Per processor a core, a module and three caches, and a few shared. */
#define TOPOLOGY_MAX (SYSINFO_MAX_CPUS * 5 + 8)

/* The entries of one relationship (or all, RELATION_ALL: cores, nodes,
 * caches, the package, the group, modules), grouped by relationship as
 * Windows lists them; how many. */
size_t topology_list(enum relation which, struct topology_entry *out);

#endif
