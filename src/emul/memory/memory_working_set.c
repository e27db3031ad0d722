/*
 * NtQueryVirtualMemory(MemoryWorkingSetExInformation): for each address a
 * program lists (MEMORY_WORKING_SET_EX_INFORMATION: the address, then the
 * attributes filled here), whether its page is in the working set (Valid:
 * committed, accessible and resident, which the host's page table says
 * through /proc/PID/pagemap), its protection then, and whether it is
 * shareable (a view or an image).  No NUMA, large or locked pages.
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "emul/memory/memory.h"

#define ENTRY_SIZE 16
#define MAX_ENTRIES 65536
#define PAGEMAP_PRESENT (1ull << 63)
#define VALID 1ull
#define SHARE_COUNT_ONE (1ull << 1)
#define PROTECTION_SHIFT 4
#define SHARED (1ull << 15)

/* The committed protection of the page at addr in v, 0 when none. */
static uint32_t page_protect(const struct vad *v, uint64_t addr)
{
	uint64_t page = (addr - v->base) / PAGE_SIZE_NT;

	for (size_t i = 0; i < v->nruns; i++)
		if (page >= v->runs[i].first && page < v->runs[i].first + v->runs[i].count)
			return v->runs[i].state == MEM_COMMIT ? v->runs[i].protect : 0;
	return 0;
}

/* Whether the host has the page in memory; true when it cannot tell. */
static bool resident(int pagemap, uint64_t addr)
{
	uint64_t e;

	if (pagemap < 0)
		return true;
	if (pread(pagemap, &e, 8, (off_t)(addr / PAGE_SIZE_NT * 8)) != 8)
		return true;
	return (e & PAGEMAP_PRESENT) != 0;
}

static uint64_t attributes(struct lsw_process *p, int pagemap, uint64_t addr)
{
	struct vad *v = addr <= USER_MAX ? vad_find(&p->vad, addr) : NULL;
	uint32_t protect;
	uint64_t a;

	if (!v)
		return 0;
	protect = page_protect(v, addr);
	a = v->type == MEM_MAPPED || v->type == MEM_IMAGE ? SHARED : 0;
	if (protect && !(protect & (PAGE_NOACCESS | PAGE_GUARD)) && resident(pagemap, addr)) {
		a |= VALID | (uint64_t)(protect & 0x7FF) << PROTECTION_SHIFT;
		if (a & SHARED)
			a |= SHARE_COUNT_ONE;
	}
	return a;
}

/* args: process, (unused), class, buffer, length, *ReturnLength */
NTSTATUS memory_query_working_set_ex(struct nt_call *c, struct lsw_process *p)
{
	uint64_t n = c->args[4] / ENTRY_SIZE, entry[2] = { 0 };
	NTSTATUS st = LSW_STATUS_SUCCESS;
	char path[64];
	int pagemap;

	if (n == 0)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (n > MAX_ENTRIES)
		n = MAX_ENTRIES;
	snprintf(path, sizeof(path), "/proc/%d/pagemap", (int)p->pid);
	pagemap = open(path, O_RDONLY | O_CLOEXEC);
	for (uint64_t i = 0; i < n && st == LSW_STATUS_SUCCESS; i++) {
		uint64_t at = c->args[3] + i * ENTRY_SIZE;

		if (tracee_read(c->thread, at, entry, ENTRY_SIZE) < 0)
			st = LSW_STATUS_ACCESS_VIOLATION;
		entry[1] = attributes(p, pagemap, entry[0]);
		if (st == LSW_STATUS_SUCCESS && tracee_write(c->thread, at + 8, &entry[1], 8) < 0)
			st = LSW_STATUS_ACCESS_VIOLATION;
	}
	if (pagemap >= 0)
		close(pagemap);
	n *= ENTRY_SIZE;
	if (st == LSW_STATUS_SUCCESS && c->args[5] && tracee_write(c->thread, c->args[5], &n, 8) < 0)
		st = LSW_STATUS_ACCESS_VIOLATION;
	return st;
}
