/*
 * SystemPerformanceInformation as the sandbox shows the machine: its
 * physical memory is the host's, of which what the sandbox's processes
 * have committed is in use (nothing else is shown, as SystemProcess-
 * Information shows no other process); the commit limit is the run's
 * --memory or the memory itself (no page file); the pools are the
 * processes' quota charges; the idle time is the host's.  Windows 10's
 * structure is 0x158 bytes; a caller built for the older 0x138 gets that
 * prefix (any length from it up is served, the rest cut).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "emul/process/quota.h"
#include "emul/system/sysinfo.h"

#define PERFORMANCE_SIZE 0x158
#define PERFORMANCE_OLD_SIZE 0x138
#define PAGE 4096u

static void put(uint8_t *b, size_t off, uint64_t v, size_t n)
{
	memcpy(b + off, &v, n);
}

/* The host's idle time (all processors) in 100 ns units. */
static uint64_t idle_time(void)
{
	unsigned long long user, nice, sys, idle = 0, wait = 0;
	long hz = sysconf(_SC_CLK_TCK);
	FILE *f = fopen("/proc/stat", "re");

	if (f) {
		if (fscanf(f, "cpu %llu %llu %llu %llu %llu", &user, &nice, &sys, &idle, &wait) != 5)
			idle = wait = 0;
		fclose(f);
	}
	return (idle + wait) * (10000000ull / (uint64_t)(hz > 0 ? hz : 100));
}

/* Whether p's quota block was counted with an earlier process of the list. */
static bool block_seen(const struct lsw_process *first, const struct lsw_process *p)
{
	for (const struct lsw_process *q = first; q != p; q = q->next)
		if (q->quota == p->quota && q->job == p->job && !q->reaped)
			return true;
	return false;
}

static void fill(const struct lsw_process *caller, uint8_t *b)
{
	const struct lsw_process *all = caller->host->processes;
	uint64_t committed = 0, paged = 0, nonpaged = 0, limit;
	long phys = sysconf(_SC_PHYS_PAGES);
	uint64_t pages = phys > 0 ? (uint64_t)phys : 0;

	for (const struct lsw_process *p = all; p; p = p->next) {
		if (p->job != caller->job || p->reaped)
			continue;
		committed += p->vad.committed / PAGE;
		if (p->quota && !block_seen(all, p)) {
			paged += p->quota->usage[QUOTA_PAGED];
			nonpaged += p->quota->usage[QUOTA_NONPAGED];
		}
	}
	limit = caller->job && caller->job->spec.limits.commit
			? caller->job->spec.limits.commit / PAGE : pages;
	put(b, 0x00, idle_time(), 8);                              /* IdleProcessTime */
	put(b, 0x2C, pages > committed ? pages - committed : 0, 4); /* AvailablePages */
	put(b, 0x30, committed, 4);                                 /* CommittedPages */
	put(b, 0x34, limit, 4);                                     /* CommitLimit */
	put(b, 0x38, committed, 4);            /* PeakCommitment: no history kept */
	put(b, 0x70, (paged + PAGE - 1) / PAGE, 4);                 /* PagedPoolPages */
	put(b, 0x74, (nonpaged + PAGE - 1) / PAGE, 4);              /* NonPagedPoolPages */
}

NTSTATUS sysinfo_performance(struct nt_call *c)
{
	uint8_t b[PERFORMANCE_SIZE] = { 0 };
	uint32_t want = (uint32_t)c->args[2];
	uint32_t len = want < PERFORMANCE_SIZE ? want : PERFORMANCE_SIZE;
	NTSTATUS st = LSW_STATUS_SUCCESS;

	if (want < PERFORMANCE_OLD_SIZE) {
		len = PERFORMANCE_OLD_SIZE;
		st = LSW_STATUS_INFO_LENGTH_MISMATCH;
	} else {
		fill(c->thread->process, b);
		if (tracee_write(c->thread, c->args[1], b, len) < 0)
			st = LSW_STATUS_ACCESS_VIOLATION;
	}
	if (c->args[3] && tracee_write(c->thread, c->args[3], &len, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}
