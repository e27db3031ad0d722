/*
 * ProbeForWrite as the I/O manager does it before a read: the whole buffer
 * must be the program's committed, writable memory, or the call fails with
 * STATUS_ACCESS_VIOLATION before anything else happens (its event is not
 * reset, its IO_STATUS_BLOCK not written, the file not read: Wine's
 * ntdll/file.c test_read_write sees this on Windows for a read at the end
 * of the file into 0xdeadbeef).  Answered from the supervisor's own view
 * of the address space (memory.h): no system call.
 */
#include "emul/memory/memory.h"

/* A committed page a kernel-mode write may go to.  A guard page passes:
 * the write itself meets it (as before this probe). */
static bool run_writable(const struct page_run *r)
{
	uint32_t p = r->protect & ~(uint32_t)(PAGE_GUARD | PAGE_NOCACHE | PAGE_WRITECOMBINE);

	return r->state == MEM_COMMIT &&
	       (p == PAGE_READWRITE || p == PAGE_WRITECOPY || p == PAGE_EXECUTE_READWRITE ||
		p == PAGE_EXECUTE_WRITECOPY || (r->protect & PAGE_GUARD));
}

/* Pages [first, last] of v (relative to its base) are all writable. */
static bool pages_writable(const struct vad *v, uint64_t first, uint64_t last)
{
	for (size_t i = 0; i < v->nruns; i++) {
		const struct page_run *r = &v->runs[i];

		if (r->first <= last && first < r->first + r->count && !run_writable(r))
			return false;
	}
	return true;
}

bool memory_probe_write(struct lsw_process *p, uint64_t addr, uint64_t len)
{
	uint64_t end = addr + len;

	if (!len)
		return true;
	if (end < addr || addr < USER_MIN || end - 1 > USER_MAX)
		return false;
	while (addr < end) {
		struct vad *v = vad_find(&p->vad, addr);
		uint64_t stop;

		/* type 0: the runtime's own memory, never the program's */
		if (!v || !v->type)
			return false;
		stop = end < v->base + v->size ? end : v->base + v->size;
		if (!pages_writable(v, (addr - v->base) / PAGE_SIZE_NT,
				    (stop - 1 - v->base) / PAGE_SIZE_NT))
			return false;
		addr = stop;
	}
	return true;
}
