/*
 * Write watches.  An allocation reserved with MEM_WRITE_WATCH keeps a bit
 * per page, set when the page is written, which NtGetWriteWatch reports
 * and NtResetWriteWatch (or WRITE_WATCH_FLAG_RESET) clears.  The program's
 * writes are seen through the fault path: a watched page that has not been
 * written since its last reset is mapped without PROT_WRITE, so its first
 * write faults; the fault marks the page, gives it its write access back
 * (an op) and the instruction runs again, with no exception.  A reset takes
 * the write access away again.  Kernel-mode writes are Windows' too: the
 * probe of a read's buffer marks the whole buffer (write_watch_io, as
 * Wine's kernel32 and ws2_32 tests see on Windows even before any byte
 * arrives), and a write of the supervisor's that meets a protected page
 * marks it and goes through /proc/PID/mem (user_memory.c).
 *
 * Not Linux's soft-dirty bits: clear_refs clears a whole process, so one
 * reset would clear every other allocation's bits too, and a new mapping
 * reads as dirty whole.  The fault costs one supervisor round trip for
 * the first write of a page after a reset, nothing for later ones.
 */
#include <stdlib.h>
#include <sys/mman.h>
#include "emul/memory/write_watch.h"
#include "emul/memory/remote.h"
#include "emul/memory/stack.h"
#include "emul/process/process_object.h"

#define WRITE_WATCH_FLAG_RESET 1u
#define ADDRESS_CHUNK 256 /* addresses written to the caller at a time */

bool write_watch_start(struct vad_map *m, struct vad *v)
{
	if (!(v->written = calloc((v->size / PAGE_SIZE_NT + 7) / 8, 1)))
		return false;
	m->watched++;
	return true;
}

/* The watched allocation holding addr, or NULL. */
static struct vad *watched_at(struct vad_map *m, uint64_t addr)
{
	struct vad *v = m->watched ? vad_find(m, addr) : NULL;

	return v && v->written ? v : NULL;
}

int write_watch_prot(struct vad_map *m, uint64_t addr, int prot)
{
	return watched_at(m, addr) ? prot & ~PROT_WRITE : prot;
}

static bool is_written(const struct vad *v, uint64_t page)
{
	uint64_t i = (page - v->base) / PAGE_SIZE_NT;

	return v->written[i / 8] & (1u << (i % 8));
}

static void set_written(struct vad *v, uint64_t page, bool on)
{
	uint64_t i = (page - v->base) / PAGE_SIZE_NT;

	if (on)
		v->written[i / 8] |= (uint8_t)(1u << (i % 8));
	else
		v->written[i / 8] &= (uint8_t)~(1u << (i % 8));
}

/* The Linux protection of a committed page without a guard that the
 * program may write, else -1. */
static int writable_prot(struct vad *v, uint64_t page)
{
	struct page_run *r = stack_run_at(v, page);
	int prot;

	if (!r || r->state != MEM_COMMIT || (r->protect & PAGE_GUARD))
		return -1;
	prot = nt_protect_to_prot(r->protect);
	return prot >= 0 && (prot & PROT_WRITE) ? prot : -1;
}

bool write_watch_fault(struct lsw_thread *t, uint64_t addr)
{
	uint64_t page = addr & ~(PAGE_SIZE_NT - 1);
	struct vad *v = watched_at(&t->process->vad, page);
	int prot = v ? writable_prot(v, page) : -1;

	if (prot < 0)
		return false;
	set_written(v, page, true);
	memory_op_mprotect(&t->call, page, PAGE_SIZE_NT, prot);
	return true;
}

/* Marks the watched pages of [addr, addr+len) of m written; with c, makes
 * each writable one writable for the program (an op of c).  Returns
 * whether any page was watched. */
static bool mark_range(struct nt_call *c, struct vad_map *m, uint64_t addr, uint64_t len)
{
	uint64_t end = addr + len, page = addr & ~(PAGE_SIZE_NT - 1);
	bool any = false;

	if (!len || end < addr || !m->watched)
		return false;
	for (; page < end; page += PAGE_SIZE_NT) {
		struct vad *v = watched_at(m, page);
		int prot;

		if (!v)
			continue;
		any = true;
		set_written(v, page, true);
		if (c && (prot = writable_prot(v, page)) >= 0)
			memory_op_mprotect(c, page, PAGE_SIZE_NT, prot);
	}
	return any;
}

void write_watch_io(struct nt_call *c, uint64_t addr, uint64_t len)
{
	mark_range(c, &c->thread->process->vad, addr, len);
}

bool write_watch_any(struct lsw_process *p, uint64_t addr, uint64_t len)
{
	uint64_t end = addr + len;

	if (!p->vad.watched || end < addr)
		return false;
	for (uint64_t page = addr & ~(PAGE_SIZE_NT - 1); page < end; page += PAGE_SIZE_NT)
		if (watched_at(&p->vad, page))
			return true;
	return false;
}

bool write_watch_kernel_write(struct lsw_process *p, uint64_t addr, uint64_t len, bool mark)
{
	if (!write_watch_any(p, addr, len) || !memory_probe_write(p, addr, len))
		return false;
	if (mark)
		mark_range(NULL, &p->vad, addr, len);
	return true;
}

/* Takes the write access of the committed writable pages of [b, e) of v
 * away again (ops of c), so that their next write is seen. */
static void rearm(struct nt_call *c, struct vad *v, uint64_t b, uint64_t e)
{
	for (size_t i = 0; i < v->nruns; i++) {
		const struct page_run *r = &v->runs[i];
		uint64_t lo = v->base + r->first * PAGE_SIZE_NT, hi = lo + r->count * PAGE_SIZE_NT;
		int prot = nt_protect_to_prot(r->protect);

		lo = lo > b ? lo : b;
		hi = hi < e ? hi : e;
		if (lo < hi && r->state == MEM_COMMIT && !(r->protect & PAGE_GUARD) && prot >= 0 &&
		    (prot & PROT_WRITE))
			memory_op_mprotect(c, lo, hi - lo, prot & ~PROT_WRITE);
	}
}

/* The watched allocation [base, base+size) lies in, with the range's
 * pages in [*b, *e); NULL when size is 0, the range is not all in one
 * watched allocation or goes past its end. */
static struct vad *watched_range(struct vad_map *m, uint64_t base, uint64_t size, uint64_t *b,
				 uint64_t *e)
{
	struct vad *v = watched_at(m, base);

	if (!v || !size || base + size < base || base + size > v->base + v->size)
		return NULL;
	*b = base & ~(PAGE_SIZE_NT - 1);
	*e = (base + size + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1);
	return v;
}

/* Writes the written pages of [b, e) of v to the caller's array at out
 * (room for max), clearing each one reported when reset; the count. */
static NTSTATUS report(struct lsw_thread *t, struct vad *v, uint64_t b, uint64_t e,
		       uint64_t out, uint64_t max, bool reset, uint64_t *count)
{
	uint64_t chunk[ADDRESS_CHUNK], n = 0, k = 0;

	for (uint64_t page = b; page < e && n + k < max; page += PAGE_SIZE_NT) {
		if (!is_written(v, page))
			continue;
		if (reset)
			set_written(v, page, false);
		chunk[k++] = page;
		if (k == ADDRESS_CHUNK) {
			if (tracee_write(t, out + n * 8, chunk, k * 8) < 0)
				return LSW_STATUS_ACCESS_VIOLATION;
			n += k;
			k = 0;
		}
	}
	if (k && tracee_write(t, out + n * 8, chunk, k * 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	*count = n + k;
	return LSW_STATUS_SUCCESS;
}

/* NtGetWriteWatch(ProcessHandle, Flags, BaseAddress, RegionSize,
 *                 *UserAddressArray, *EntriesInUserAddressArray, *Granularity):
 * the count is the array's room in, the pages reported out; the range
 * must lie in one watched allocation. */
NTSTATUS nt_NtGetWriteWatch(struct nt_call *c)
{
	struct lsw_thread *t = c->thread;
	uint64_t max, count, b, e;
	uint32_t granularity = PAGE_SIZE_NT;
	struct nt_call *tc;
	struct vad *v;
	NTSTATUS st;

	if (c->args[1] & ~(uint64_t)WRITE_WATCH_FLAG_RESET)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(tc = remote_call_begin(c, c->args[0], PROCESS_VM_OPERATION, nt_NtGetWriteWatch,
				     &st)))
		return st;
	/* the caller's pointers are probed before the count is looked at:
	 * a NULL array with room is an access violation, no room is not */
	if (tracee_read(t, c->args[5], &max, 8) < 0 || max > (UINT64_MAX >> 4) ||
	    !memory_probe_write(t->process, c->args[4], max * 8) ||
	    !memory_probe_write(t->process, c->args[5], 8) ||
	    !memory_probe_write(t->process, c->args[6], 4))
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!max || !(v = watched_range(&tc->thread->process->vad, c->args[2], c->args[3], &b, &e)))
		return LSW_STATUS_INVALID_PARAMETER;
	if ((st = report(t, v, b, e, c->args[4], max, c->args[1] & WRITE_WATCH_FLAG_RESET,
			 &count)) != LSW_STATUS_SUCCESS)
		return st;
	if (c->args[1] & WRITE_WATCH_FLAG_RESET)
		rearm(tc, v, b, e);
	if (tracee_write(t, c->args[5], &count, 8) < 0 || tracee_write(t, c->args[6], &granularity, 4) < 0)
		st = LSW_STATUS_ACCESS_VIOLATION;
	return remote_call_end(c, tc, st);
}

/* NtResetWriteWatch(ProcessHandle, BaseAddress, RegionSize) */
NTSTATUS nt_NtResetWriteWatch(struct nt_call *c)
{
	struct nt_call *tc;
	uint64_t b, e;
	struct vad *v;
	NTSTATUS st;

	if (!(tc = remote_call_begin(c, c->args[0], PROCESS_VM_OPERATION, nt_NtResetWriteWatch,
				     &st)))
		return st;
	if (!(v = watched_range(&tc->thread->process->vad, c->args[1], c->args[2], &b, &e)))
		return LSW_STATUS_INVALID_PARAMETER;
	for (uint64_t page = b; page < e; page += PAGE_SIZE_NT)
		set_written(v, page, false);
	rearm(tc, v, b, e);
	return remote_call_end(c, tc, LSW_STATUS_SUCCESS);
}
