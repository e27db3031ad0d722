/*
 * The per-processor classes of NtQuerySystemInformation: the times each
 * processor spent (SystemProcessorPerformanceInformation, from the host's
 * /proc/stat), its interrupt counters (SystemInterruptInformation), and the
 * topology (SystemLogicalProcessorInformation).  The topology is the one
 * SystemCpuSetInformation gives: each processor its own core, all in one
 * package, one NUMA node and group 0; the cache sizes are the host's.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "emul/system/sysinfo.h"
#include "emul/system/sysinfo_topology.h"

#define PERF_SIZE 48      /* SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION */
#define INTERRUPT_SIZE 24 /* SYSTEM_INTERRUPT_INFORMATION */
#define SLPI_SIZE 32      /* SYSTEM_LOGICAL_PROCESSOR_INFORMATION */
#define CLOCK_TICK_100NS 156250u

static void put(uint8_t *b, size_t off, uint64_t v, size_t n)
{
	memcpy(b + off, &v, n);
}

/* The highest value given so far of each processor's five times: Windows'
 * counters only grow, but Linux's idle and iowait may step back (proc(5)
 * says iowait "may decrease"; NO_HZ idle accounting does too), and a
 * program that subtracts two readings would see time run backwards. */
static uint64_t seen[SYSINFO_MAX_CPUS][5];

static void put_time(uint8_t *b, uint32_t cpu, int field, uint64_t v)
{
	if (v < seen[cpu][field])
		v = seen[cpu][field];
	seen[cpu][field] = v;
	put(b, (size_t)field * 8, v, 8);
}

/* Processor i's line of /proc/stat in 100 ns units: idle, kernel (which
 * on Windows includes the idle time), user, DPC (softirq), interrupt. */
static void cpu_times(FILE *f, uint32_t i, uint8_t *b)
{
	unsigned long long user = 0, nice = 0, sys = 0, idle = 0, wait = 0, irq = 0, soft = 0;
	long hz = sysconf(_SC_CLK_TCK);
	uint64_t unit = 10000000ull / (uint64_t)(hz > 0 ? hz : 100);
	char line[256], name[16];

	snprintf(name, sizeof(name), "cpu%u ", i);
	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, name, strlen(name))) {
			sscanf(line + strlen(name), "%llu %llu %llu %llu %llu %llu %llu", &user,
			       &nice, &sys, &idle, &wait, &irq, &soft);
			break;
		}
	put_time(b, i, 0, (idle + wait) * unit);
	put_time(b, i, 1, (sys + irq + soft + idle + wait) * unit);
	put_time(b, i, 2, (user + nice) * unit);
	put_time(b, i, 3, soft * unit);
	put_time(b, i, 4, irq * unit);
}

/* As many processors as the buffer holds whole (at least one). */
NTSTATUS sysinfo_processor_times(struct nt_call *c)
{
	uint8_t buf[SYSINFO_MAX_CPUS * PERF_SIZE] = { 0 };
	uint32_t n = sysinfo_cpu_count(), fit = (uint32_t)c->args[2] / PERF_SIZE;
	FILE *f;

	if (fit && fit < n)
		n = fit;
	f = fopen("/proc/stat", "re");
	for (uint32_t i = 0; i < n; i++) {
		if (f)
			rewind(f);
		cpu_times(f, i, buf + i * PERF_SIZE);
	}
	if (f)
		fclose(f);
	return sysinfo_answer(c, buf, n * PERF_SIZE);
}

/* No interrupt counts to give; the tick is the clock's. */
NTSTATUS sysinfo_interrupts(struct nt_call *c)
{
	uint8_t buf[SYSINFO_MAX_CPUS * INTERRUPT_SIZE] = { 0 };
	uint32_t n = sysinfo_cpu_count();

	for (uint32_t i = 0; i < n; i++)
		put(buf + i * INTERRUPT_SIZE, 12, CLOCK_TICK_100NS, 4); /* TimeIncrement */
	return sysinfo_answer(c, buf, n * INTERRUPT_SIZE);
}

/* One SYSTEM_LOGICAL_PROCESSOR_INFORMATION for a topology entry. */
static void put_old_entry(uint8_t *b, const struct topology_entry *e)
{
	memset(b, 0, SLPI_SIZE);
	put(b, 0, e->mask, 8);
	put(b, 8, e->relationship, 4);
	if (e->relationship == RELATION_CACHE) {
		b[16] = e->cache.level;
		b[17] = e->cache.associativity;
		put(b, 18, e->cache.line_size, 2);
		put(b, 20, e->cache.size, 4);
		put(b, 24, e->cache.type, 4);
	}
}

/* The old class knows cores, NUMA nodes, caches and packages. */
NTSTATUS sysinfo_logical_processors(struct nt_call *c)
{
	struct topology_entry e[TOPOLOGY_MAX];
	uint8_t buf[TOPOLOGY_MAX * SLPI_SIZE];
	size_t n = topology_list(RELATION_ALL, e), k = 0;

	for (size_t i = 0; i < n; i++)
		if (e[i].relationship <= RELATION_PACKAGE)
			put_old_entry(buf + k++ * SLPI_SIZE, &e[i]);
	return sysinfo_answer(c, buf, (uint32_t)(k * SLPI_SIZE));
}
