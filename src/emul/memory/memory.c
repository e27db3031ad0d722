/*
 * NtAllocateVirtualMemory, NtFreeVirtualMemory, NtProtectVirtualMemory,
 * NtQueryVirtualMemory with Windows semantics: reserve vs commit, 64 KiB
 * allocation granularity, MEM_RELEASE only of whole allocations.
 */
#include <sys/mman.h>
#include "emul/process/job.h"
#include "emul/memory/memory.h"
#include "emul/memory/stack.h"
#include "emul/memory/section.h"
#include "emul/memory/remote.h"
#include "emul/memory/write_watch.h"
#include "emul/process/process_object.h"

#define STATUS_NOT_COMMITTED 0xC000002Du
#define STATUS_FREE_VM_NOT_AT_BASE 0xC000009Fu
#define STATUS_UNABLE_TO_DELETE_SECTION 0xC000001Bu
#define STATUS_INVALID_PARAMETER_5 0xC00000F3u
#define STATUS_INVALID_PARAMETER_6 0xC00000F4u
#define MEMORY_REGION_INFORMATION 3

/* PAGE_TARGETS_INVALID (allocate) and PAGE_TARGETS_NO_UPDATE (protect)
 * share one bit: Control Flow Guard's call targets in executable pages.
 * Without CFG it changes nothing (V8 commits its code space with it), so
 * it is dropped; on a page that cannot execute it stays and is refused. */
static uint32_t without_cfg_targets(uint32_t protect)
{
	uint32_t base = protect & ~(uint32_t)PAGE_TARGETS_FLAG;
	int prot = nt_protect_to_prot(base);

	return (protect & PAGE_TARGETS_FLAG) && prot >= 0 && (prot & PROT_EXEC) ? base : protect;
}

bool memory_can_charge(const struct lsw_process *p, uint64_t bytes)
{
	uint64_t limit = p->job ? p->job->spec.limits.commit : 0;

	if (!job_can_commit(p, bytes)) /* the limits of its job object */
		return false;
	return !limit || (p->vad.committed <= limit && bytes <= limit - p->vad.committed);
}

void memory_op_mprotect(struct nt_call *c, uint64_t addr, uint64_t size, int prot)
{
	struct lsw_op *op = nt_add_op(c, LSW_OP_MPROTECT);

	if (!op)
		return;
	op->arg[0] = addr;
	op->arg[1] = size;
	op->arg[2] = (uint64_t)prot;
}

void memory_op_protect(struct nt_call *c, uint64_t addr, uint64_t size, uint32_t protect)
{
	int prot = nt_protect_to_prot(protect);

	memory_op_mprotect(c, addr, size, (protect & PAGE_GUARD) || prot < 0 ? PROT_NONE :
					  write_watch_prot(&c->thread->process->vad, addr, prot));
}

void memory_op_map_anon(struct nt_call *c, uint64_t addr, uint64_t size, int prot, bool replace)
{
	struct lsw_op *op = nt_add_op(c, LSW_OP_MMAP);

	if (!op)
		return;
	op->arg[0] = addr;
	op->arg[1] = size;
	op->arg[2] = (uint64_t)prot;
	op->arg[3] = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
		     (replace ? MAP_FIXED : MAP_FIXED_NOREPLACE);
	op->arg[4] = (uint64_t)-1;
	op->arg[5] = 0;
}

/* True when every page of [addr, addr+size) inside v has the given state. */
static bool pages_all(const struct vad *v, uint64_t addr, uint64_t size, uint32_t state)
{
	uint64_t first = (addr - v->base) / PAGE_SIZE_NT, end = first + size / PAGE_SIZE_NT;

	for (size_t i = 0; i < v->nruns; i++) {
		const struct page_run *r = &v->runs[i];

		if (r->first < end && first < r->first + r->count && r->state != state)
			return false;
	}
	return true;
}

/* What a protection lets a page do: read 1, write 2, execute 4 (copy-on-
 * write reads until written, so it counts as reading). */
static unsigned page_access(uint32_t p)
{
	switch (p & 0xff) {
	case PAGE_READONLY: case PAGE_WRITECOPY: return 1;
	case PAGE_READWRITE: return 3;
	case PAGE_EXECUTE: case PAGE_EXECUTE_READ: case PAGE_EXECUTE_WRITECOPY: return 5;
	case PAGE_EXECUTE_READWRITE: return 7;
	}
	return 0;
}

/* Windows lets a view's pages take any protection that asks for no more
 * than the view was mapped with. */
static bool view_allows(const struct vad *v, uint32_t protect)
{
	unsigned want = page_access(protect);

	return (page_access(v->alloc_protect) & want) == want;
}

static uint32_t page_protect_at(const struct vad *v, uint64_t addr)
{
	uint64_t page = (addr - v->base) / PAGE_SIZE_NT;

	for (size_t i = 0; i < v->nruns; i++)
		if (page >= v->runs[i].first && page < v->runs[i].first + v->runs[i].count)
			return v->runs[i].protect;
	return 0;
}

static bool is_writecopy(uint32_t p)
{
	p &= 0xff;
	return p == PAGE_WRITECOPY || p == PAGE_EXECUTE_WRITECOPY;
}

/* Pages of [lo, hi) of view v become copy-on-write with protect: those
 * written while they were copy-on-write before keep their private copy
 * (as on Windows), the others become private copies of the file's. */
static int privatize_unwritten(struct nt_call *c, struct vad *v, uint64_t lo, uint64_t hi,
			       uint32_t protect)
{
	while (lo < hi) {
		bool written;
		uint64_t n = cow_written_run(c->thread->process, lo, hi, &written);

		if (written)
			memory_op_protect(c, lo, n, protect);
		else if (section_view_privatize(c, v, lo, n, protect) < 0)
			return -1;
		lo += n;
	}
	return 0;
}

/* Applies protect to [addr, addr+size) of v on the host.  Linux cannot
 * turn a shared mapping copy-on-write: pages of a shared view made
 * PAGE_WRITECOPY become private copies of the same file pages; those that
 * are copy-on-write already keep what was written to them. */
static NTSTATUS view_op_protect(struct nt_call *c, struct vad *v, uint64_t addr,
				uint64_t size, uint32_t protect)
{
	uint64_t end = addr + size;

	if (v->type != MEM_MAPPED || !is_writecopy(protect) || is_writecopy(v->alloc_protect)) {
		memory_op_protect(c, addr, size, protect);
		return LSW_STATUS_SUCCESS;
	}
	for (size_t i = 0; i < v->nruns; i++) {
		const struct page_run *r = &v->runs[i];
		uint64_t lo = v->base + r->first * PAGE_SIZE_NT, hi = lo + r->count * PAGE_SIZE_NT;

		lo = lo > addr ? lo : addr;
		hi = hi < end ? hi : end;
		if (lo >= hi)
			continue;
		if (is_writecopy(r->protect))
			memory_op_protect(c, lo, hi - lo, protect);
		else if (privatize_unwritten(c, v, lo, hi, protect) < 0)
			return LSW_STATUS_INSUFFICIENT_RESOURCES;
	}
	return LSW_STATUS_SUCCESS;
}

/* A new range of r->size bytes (at r->base, or where r's bounds leave
 * room), reserved or committed; a placeholder with MEM_RESERVE_PLACEHOLDER. */
static NTSTATUS reserve(struct nt_call *c, struct alloc_req *r)
{
	struct vad_map *m = &c->thread->process->vad;
	bool commit = r->type & MEM_COMMIT;
	uint64_t b = r->base & ~(ALLOC_GRANULARITY - 1);
	uint64_t s = (r->base + r->size + PAGE_SIZE_NT - 1) / PAGE_SIZE_NT * PAGE_SIZE_NT - b;
	struct vad *v;

	if (r->base == 0) {
		s = (r->size + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1);
		b = vad_find_free_between(m, s, r->align, r->type & MEM_TOP_DOWN, r->low, r->limit);
		if (!b)
			return LSW_STATUS_NO_MEMORY;
	} else if (!vad_range_free(m, b, s)) {
		return LSW_STATUS_CONFLICTING_ADDRESSES; /* before ZeroBits, as Windows */
	} else if (b + s > r->limit) {
		return LSW_STATUS_INVALID_PARAMETER_3;
	}
	if (commit && !memory_can_charge(c->thread->process, s))
		return LSW_STATUS_COMMITMENT_LIMIT;
	if (!(v = vad_insert(m, b, s, MEM_PRIVATE, r->protect, commit ? MEM_COMMIT : MEM_RESERVE,
			     commit ? r->protect : 0)))
		return LSW_STATUS_NO_MEMORY;
	v->placeholder = r->type & MEM_RESERVE_PLACEHOLDER;
	if ((r->type & MEM_WRITE_WATCH) && !write_watch_start(m, v)) {
		vad_remove(m, v);
		return LSW_STATUS_NO_MEMORY;
	}
	memory_op_map_anon(c, b, s, commit && !(r->protect & PAGE_GUARD) ?
			write_watch_prot(m, b, nt_protect_to_prot(r->protect)) : PROT_NONE, false);
	r->base = b;
	r->size = s;
	return LSW_STATUS_SUCCESS;
}

static NTSTATUS commit_reserved(struct nt_call *c, uint64_t *base, uint64_t *size,
				uint32_t protect)
{
	struct vad_map *m = &c->thread->process->vad;
	uint64_t b = *base & ~(PAGE_SIZE_NT - 1);
	uint64_t e = (*base + *size + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1);
	struct vad *v = vad_find(m, b);
	NTSTATUS st;

	if (v && (v->type == MEM_IMAGE || (v->type == MEM_MAPPED && !v->charged)))
		return LSW_STATUS_ACCESS_DENIED; /* a file's pages are committed already */
	if (!v || v->placeholder || (v->type != MEM_PRIVATE && !v->charged) ||
	    e > v->base + v->size || e <= b)
		return LSW_STATUS_CONFLICTING_ADDRESSES;
	if (v->type == MEM_MAPPED && !view_allows(v, protect))
		return LSW_STATUS_SECTION_PROTECTION;
	if (v->type == MEM_PRIVATE && is_writecopy(protect))
		return LSW_STATUS_INVALID_PAGE_PROTECTION;
	if (!memory_can_charge(c->thread->process, vad_uncommitted_bytes(v, b, e - b)))
		return LSW_STATUS_COMMITMENT_LIMIT;
	if ((st = view_op_protect(c, v, b, e - b, protect)) != LSW_STATUS_SUCCESS)
		return st;
	/* a view's caching (section_view.c) stays with pages committed in it */
	if (v->type == MEM_MAPPED)
		protect |= v->alloc_protect & (PAGE_NOCACHE | PAGE_WRITECOMBINE);
	if (vad_set_pages(m, v, b, e - b, MEM_COMMIT, protect) < 0)
		return LSW_STATUS_NO_MEMORY;
	if (v->type == MEM_MAPPED && v->section) { /* the section's pages: every view's */
		if (section_commit_add((struct section_object *)v->section, v->offset + (b - v->base),
				       e - b) < 0)
			return LSW_STATUS_NO_MEMORY;
		section_commit_others(c, v, v->offset + (b - v->base), e - b);
	}
	*base = b;
	*size = e - b;
	return LSW_STATUS_SUCCESS;
}

/* MEM_REPLACE_PLACEHOLDER: the placeholder at r->base, exactly, becomes
 * an ordinary allocation. */
static NTSTATUS replace_placeholder(struct nt_call *c, struct alloc_req *r)
{
	struct vad_map *m = &c->thread->process->vad;
	uint64_t s = (r->size + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1);
	struct vad *v = vad_find(m, r->base);
	bool commit = r->type & MEM_COMMIT;

	if (!v || !v->placeholder || v->base != r->base || v->size != s)
		return LSW_STATUS_CONFLICTING_ADDRESSES;
	if (commit && !memory_can_charge(c->thread->process, s))
		return LSW_STATUS_COMMITMENT_LIMIT;
	vad_remove(m, v);
	if (!(v = vad_insert(m, r->base, s, MEM_PRIVATE, r->protect,
			     commit ? MEM_COMMIT : MEM_RESERVE, commit ? r->protect : 0)))
		return LSW_STATUS_NO_MEMORY; /* the range stays mapped, no longer known */
	v->from_placeholder = true;
	memory_op_map_anon(c, r->base, s, commit && !(r->protect & PAGE_GUARD) ?
			nt_protect_to_prot(r->protect) : PROT_NONE, true);
	r->size = s;
	return LSW_STATUS_SUCCESS;
}

/* MEM_RESET's range lies within one allocation (past its end, Windows
 * answers ERROR_INVALID_ADDRESS). */
static bool reset_range_ok(struct nt_call *tc, uint64_t base, uint64_t size)
{
	struct vad *v = base ? vad_find(&tc->thread->process->vad, base) : NULL;

	return v && base + size > base && base + size <= v->base + v->size;
}

NTSTATUS memory_allocate(struct nt_call *tc, struct alloc_req *r)
{
	const uint32_t known = MEM_COMMIT | MEM_RESERVE | MEM_RESET | MEM_TOP_DOWN |
			       MEM_RESET_UNDO | MEM_RESERVE_PLACEHOLDER | MEM_REPLACE_PLACEHOLDER |
			       MEM_WRITE_WATCH;
	uint32_t t = r->type;

	r->protect = without_cfg_targets(r->protect); /* both calls (V8 uses the Ex one) */
	if (!(t & (MEM_COMMIT | MEM_RESERVE | MEM_RESET)) || (t & ~known))
		return STATUS_INVALID_PARAMETER_5;
	if ((t & MEM_RESERVE_PLACEHOLDER) &&
	    (!(t & MEM_RESERVE) || (t & (MEM_COMMIT | MEM_REPLACE_PLACEHOLDER)) ||
	     r->protect != PAGE_NOACCESS))
		return LSW_STATUS_INVALID_PARAMETER;
	if ((t & MEM_REPLACE_PLACEHOLDER) && (!r->base || !(t & MEM_RESERVE)))
		return LSW_STATUS_INVALID_PARAMETER;
	/* a write watch is set as a private range is reserved (a commit with
	 * no address reserves too), never later */
	if ((t & MEM_WRITE_WATCH) && ((!(t & MEM_RESERVE) && r->base) ||
	    (t & (MEM_RESERVE_PLACEHOLDER | MEM_REPLACE_PLACEHOLDER | MEM_RESET))))
		return LSW_STATUS_INVALID_PARAMETER;
	if (nt_protect_to_prot(r->protect) < 0)
		return LSW_STATUS_INVALID_PAGE_PROTECTION;
	if (r->size == 0 || r->size > USER_MAX || (r->base && r->base > USER_MAX))
		return LSW_STATUS_INVALID_PARAMETER;
	if (t & MEM_RESET) /* content may be discarded: keeping it is allowed */
		return reset_range_ok(tc, r->base, r->size) ? LSW_STATUS_SUCCESS
							    : LSW_STATUS_CONFLICTING_ADDRESSES;
	if (t & MEM_REPLACE_PLACEHOLDER)
		return replace_placeholder(tc, r);
	if (((t & MEM_RESERVE) || r->base == 0) && is_writecopy(r->protect))
		return LSW_STATUS_INVALID_PAGE_PROTECTION; /* private memory is never copy-on-write */
	if ((t & MEM_RESERVE) || r->base == 0)
		return reserve(tc, r);
	return commit_reserved(tc, &r->base, &r->size, r->protect);
}

/* NtAllocateVirtualMemory(ProcessHandle, *BaseAddress, ZeroBits, *RegionSize,
 *                         AllocationType, Protect); tc is where the ops go
 * (remote.h) */
NTSTATUS nt_NtAllocateVirtualMemory(struct nt_call *c)
{
	struct lsw_thread *t = c->thread;
	struct alloc_req r = { .type = (uint32_t)c->args[4],
			       .protect = (uint32_t)c->args[5],
			       .low = USER_MIN, .limit = vad_zero_bits_limit(c->args[2]),
			       .align = ALLOC_GRANULARITY };
	struct nt_call *tc;
	NTSTATUS st;

	if (!(tc = remote_call_begin(c, c->args[0], PROCESS_VM_OPERATION,
				     nt_NtAllocateVirtualMemory, &st)))
		return st;
	if (tracee_read(t, c->args[1], &r.base, 8) < 0 || tracee_read(t, c->args[3], &r.size, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (r.type & (MEM_RESERVE_PLACEHOLDER | MEM_REPLACE_PLACEHOLDER))
		return LSW_STATUS_INVALID_PARAMETER; /* NtAllocateVirtualMemoryEx's */
	if (!r.limit)
		return LSW_STATUS_INVALID_PARAMETER_3;
	st = memory_allocate(tc, &r);
	if (st == LSW_STATUS_SUCCESS && (r.type & MEM_COMMIT) && (r.protect & PAGE_GUARD) &&
	    tc->thread->process == t->process)
		stack_guard_set(t, r.base, r.size);
	if (st == LSW_STATUS_SUCCESS &&
	    (tracee_write(t, c->args[1], &r.base, 8) < 0 || tracee_write(t, c->args[3], &r.size, 8) < 0))
		st = LSW_STATUS_ACCESS_VIOLATION;
	return remote_call_end(c, tc, st);
}

static NTSTATUS release(struct nt_call *c, struct vad *v, uint64_t base, uint64_t *size)
{
	if (v->type == MEM_MAPPED || v->type == MEM_IMAGE)
		return STATUS_UNABLE_TO_DELETE_SECTION;
	if ((base & ~(PAGE_SIZE_NT - 1)) != v->base)
		return STATUS_FREE_VM_NOT_AT_BASE;
	if (*size != 0 && *size != v->size && !v->placeholder) /* a placeholder goes whole */
		return LSW_STATUS_INVALID_PARAMETER;
	struct lsw_op *op = nt_add_op(c, LSW_OP_MUNMAP);
	if (op) {
		op->arg[0] = v->base;
		op->arg[1] = v->size;
	}
	*size = v->size;
	memory_release_range(c, v);
	return LSW_STATUS_SUCCESS;
}

static NTSTATUS decommit(struct nt_call *c, struct vad *v, uint64_t *base, uint64_t *size)
{
	uint64_t b = *base & ~(PAGE_SIZE_NT - 1);
	uint64_t e = *size ? (*base + *size + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1)
			   : v->base + v->size;

	if (*size == 0 && b != v->base)
		return STATUS_FREE_VM_NOT_AT_BASE;
	if (e > v->base + v->size || e <= b)
		return LSW_STATUS_UNABLE_TO_FREE_VM;
	if (v->type != MEM_PRIVATE)
		return STATUS_UNABLE_TO_DELETE_SECTION;
	if (vad_set_pages(&c->thread->process->vad, v, b, e - b, MEM_RESERVE, 0) < 0)
		return LSW_STATUS_NO_MEMORY;
	memory_op_map_anon(c, b, e - b, PROT_NONE, true); /* drop the contents */
	*base = b;
	*size = e - b;
	return LSW_STATUS_SUCCESS;
}

/* NtFreeVirtualMemory(ProcessHandle, *BaseAddress, *RegionSize, FreeType) */
NTSTATUS nt_NtFreeVirtualMemory(struct nt_call *c)
{
	struct lsw_thread *t = c->thread;
	uint64_t base, size, type = (uint32_t)c->args[3];
	struct nt_call *tc;
	struct vad *v;
	NTSTATUS st;

	if (!(tc = remote_call_begin(c, c->args[0], PROCESS_VM_OPERATION, nt_NtFreeVirtualMemory,
				     &st)))
		return st;
	if (tracee_read(t, c->args[1], &base, 8) < 0 || tracee_read(t, c->args[2], &size, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (type != MEM_DECOMMIT &&
	    (type & ~(uint64_t)(MEM_PRESERVE_PLACEHOLDER | MEM_COALESCE_PLACEHOLDERS)) != MEM_RELEASE)
		return LSW_STATUS_INVALID_PARAMETER_4;
	v = vad_find(&tc->thread->process->vad, base);
	if (!v || v->type == 0)
		return LSW_STATUS_MEMORY_NOT_ALLOCATED;
	if (type & (MEM_PRESERVE_PLACEHOLDER | MEM_COALESCE_PLACEHOLDERS))
		st = placeholder_free(tc, &base, &size, (uint32_t)type);
	else if (type == MEM_RELEASE)
		st = release(tc, v, base, &size);
	else
		st = decommit(tc, v, &base, &size);
	if (type & MEM_RELEASE)
		base &= ~(PAGE_SIZE_NT - 1);
	if (st == LSW_STATUS_SUCCESS &&
	    (tracee_write(t, c->args[1], &base, 8) < 0 || tracee_write(t, c->args[2], &size, 8) < 0))
		st = LSW_STATUS_ACCESS_VIOLATION;
	return remote_call_end(c, tc, st);
}


/* An image view's pages are copy-on-write: asking them to be writable
 * makes them so (PAGE_READWRITE becomes PAGE_WRITECOPY). */
static uint32_t image_protect(uint32_t protect)
{
	switch (protect & 0xff) {
	case PAGE_READWRITE:
		return (protect & ~0xffu) | PAGE_WRITECOPY;
	case PAGE_EXECUTE_READWRITE:
		return (protect & ~0xffu) | PAGE_EXECUTE_WRITECOPY;
	}
	return protect;
}

/* Sets the pages of [*base, *base + *size) of tc's process to protect:
 * they must be committed, in one allocation; *base and *size become the
 * pages', *old the first page's protection before. */
static NTSTATUS protect_range(struct nt_call *tc, uint64_t *base, uint64_t *size,
			      uint32_t protect, uint32_t *old)
{
	struct lsw_process *p = tc->thread->process;
	uint64_t b = *base & ~(PAGE_SIZE_NT - 1);
	uint64_t e = (*base + *size + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1);
	struct vad *v = vad_find(&p->vad, b);
	NTSTATUS st;

	if (!v || v->type == 0 || e > v->base + v->size || e <= b)
		return STATUS_NOT_COMMITTED;
	if (!pages_all(v, b, e - b, MEM_COMMIT))
		return STATUS_NOT_COMMITTED;
	if (v->type == MEM_MAPPED && !view_allows(v, protect))
		return LSW_STATUS_SECTION_PROTECTION;
	if (v->type == MEM_PRIVATE && is_writecopy(protect))
		return LSW_STATUS_INVALID_PAGE_PROTECTION;
	if (v->type == MEM_IMAGE)
		protect = image_protect(protect);
	*old = page_protect_at(v, b);
	if (v->type != MEM_PRIVATE && is_writecopy(*old)) {
		bool written;

		cow_written_run(p, b, b + PAGE_SIZE_NT, &written);
		*old = written ? cow_written_protect(*old) : *old;
	}
	if ((st = view_op_protect(tc, v, b, e - b, protect)) != LSW_STATUS_SUCCESS)
		return st;
	if (vad_set_pages(&p->vad, v, b, e - b, MEM_COMMIT, protect) < 0)
		return LSW_STATUS_NO_MEMORY;
	*base = b;
	*size = e - b;
	return LSW_STATUS_SUCCESS;
}

/* NtProtectVirtualMemory(ProcessHandle, *BaseAddress, *RegionSize,
 *                        NewProtect, *OldProtect) */
NTSTATUS nt_NtProtectVirtualMemory(struct nt_call *c)
{
	struct lsw_thread *t = c->thread;
	uint32_t protect = without_cfg_targets((uint32_t)c->args[3]), old;
	uint64_t base, size;
	struct nt_call *tc;
	NTSTATUS st;

	if (!(tc = remote_call_begin(c, c->args[0], PROCESS_VM_OPERATION,
				     nt_NtProtectVirtualMemory, &st)))
		return st;
	/* OldAccessProtection is probed before anything changes (a NULL one
	 * leaves the pages as they were), as Windows probes it */
	if (tracee_read(t, c->args[1], &base, 8) < 0 || tracee_read(t, c->args[2], &size, 8) < 0 ||
	    tracee_read(t, c->args[4], &old, 4) < 0 || tracee_write(t, c->args[4], &old, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (nt_protect_to_prot(protect) < 0)
		return LSW_STATUS_INVALID_PAGE_PROTECTION;
	if (size == 0)
		size = 1;
	st = protect_range(tc, &base, &size, protect, &old);
	if (st == LSW_STATUS_SUCCESS && (protect & PAGE_GUARD) && tc->thread->process == t->process)
		stack_guard_set(t, base, size);
	if (st == LSW_STATUS_SUCCESS &&
	    (tracee_write(t, c->args[1], &base, 8) < 0 || tracee_write(t, c->args[2], &size, 8) < 0 ||
	     tracee_write(t, c->args[4], &old, 4) < 0))
		st = LSW_STATUS_ACCESS_VIOLATION;
	return remote_call_end(c, tc, st);
}

/* MEMORY_BASIC_INFORMATION (x64, 48 bytes) */
struct mbi {
	uint64_t base, alloc_base;
	uint32_t alloc_protect;
	uint16_t partition, pad0;
	uint64_t region_size;
	uint32_t state, protect, type, pad1;
};

/* A copy-on-write run of a view reports its written pages as Windows
 * does: read-write. */
static void describe_cow(const struct lsw_process *p, const struct vad *v, struct mbi *out)
{
	bool written;

	if (v->type == MEM_PRIVATE || out->state != MEM_COMMIT || !is_writecopy(out->protect))
		return;
	out->region_size = cow_written_run(p, out->base, out->base + out->region_size, &written);
	if (written)
		out->protect = cow_written_protect(out->protect);
}

static void describe(const struct lsw_process *p, uint64_t addr, struct mbi *out)
{
	const struct vad_map *m = &p->vad;
	struct vad *v = vad_find((struct vad_map *)m, addr);
	uint64_t page = addr & ~(PAGE_SIZE_NT - 1);

	*out = (struct mbi){ .base = page };
	if (!v) {
		uint64_t next = USER_MAX + 1;

		for (size_t i = 0; i < m->n; i++)
			if (m->v[i].base > page) {
				next = m->v[i].base;
				break;
			}
		out->region_size = next - page;
		out->state = MEM_FREE;
		out->protect = PAGE_NOACCESS;
		return;
	}
	out->alloc_base = v->base;
	out->alloc_protect = v->alloc_protect;
	out->type = v->type ? v->type : MEM_PRIVATE;
	for (size_t i = 0; i < v->nruns; i++) {
		const struct page_run *r = &v->runs[i];
		uint64_t rb = v->base + r->first * PAGE_SIZE_NT;

		if (page >= rb && page < rb + r->count * PAGE_SIZE_NT) {
			out->region_size = rb + r->count * PAGE_SIZE_NT - page;
			out->state = r->state;
			out->protect = r->state == MEM_COMMIT ? r->protect : 0;
		}
	}
	describe_cow(p, v, out);
}

/* MEMORY_REGION_INFORMATION (x64, 48 bytes): the allocation holding an
 * address.  The region type flags stay clear, as Windows 10 reports them
 * for private memory and views alike. */
struct region_info {
	uint64_t alloc_base;
	uint32_t alloc_protect, region_type;
	uint64_t region_size, commit_size, partition, node;
};
#define REGION_INFO_MIN 24 /* up to RegionSize */

static NTSTATUS query_region(struct nt_call *c, struct lsw_process *p, uint64_t addr)
{
	struct vad *v = vad_find(&p->vad, addr);
	struct region_info info = { 0 };
	uint64_t len = c->args[4] < sizeof(info) ? c->args[4] : sizeof(info);

	if (c->args[4] < REGION_INFO_MIN)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (!v)
		return LSW_STATUS_INVALID_ADDRESS;
	info.alloc_base = v->base;
	info.alloc_protect = v->alloc_protect;
	info.region_size = v->size;
	for (size_t i = 0; i < v->nruns; i++)
		if (v->runs[i].state == MEM_COMMIT)
			info.commit_size += v->runs[i].count * PAGE_SIZE_NT;
	if (tracee_write(c->thread, c->args[3], &info, len) < 0 ||
	    (c->args[5] && tracee_write(c->thread, c->args[5], &len, 8) < 0))
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

/* NtQueryVirtualMemory(ProcessHandle, BaseAddress, MemoryInformationClass,
 *                      MemoryInformation, MemoryInformationLength, *ReturnLength) */
NTSTATUS nt_NtQueryVirtualMemory(struct nt_call *c)
{
	struct lsw_thread *t = c->thread;
	uint64_t len = sizeof(struct mbi);
	struct lsw_process *p;
	struct mbi info;
	NTSTATUS st;

	if (!(p = remote_process(c, c->args[0], PROCESS_QUERY_INFORMATION, nt_NtQueryVirtualMemory,
				 &st)))
		return st;
	if ((uint32_t)c->args[2] == MEMORY_WORKING_SET_EX_INFORMATION) /* the addresses are listed */
		return memory_query_working_set_ex(c, p);
	if (c->args[1] > USER_MAX)
		return LSW_STATUS_INVALID_PARAMETER;
	if ((uint32_t)c->args[2] == MEMORY_MAPPED_FILENAME_INFORMATION)
		return memory_query_mapped_name(c, p, c->args[1], c->args[3], c->args[4],
						c->args[5]);
	if ((uint32_t)c->args[2] == MEMORY_REGION_INFORMATION)
		return query_region(c, p, c->args[1]);
	if ((uint32_t)c->args[2] != 0) /* MemoryBasicInformation */
		return LSW_STATUS_INVALID_INFO_CLASS;
	if (c->args[4] < sizeof(info))
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	describe(p, c->args[1], &info);
	if (tracee_write(t, c->args[3], &info, sizeof(info)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (c->args[5] && tracee_write(t, c->args[5], &len, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

/* NtFlushInstructionCache(ProcessHandle, BaseAddress, Length): x86
 * caches are coherent, so only the handle is checked. */
NTSTATUS nt_NtFlushInstructionCache(struct nt_call *c)
{
	NTSTATUS st;

	return process_from_handle(c, c->args[0], PROCESS_VM_WRITE, &st) ? LSW_STATUS_SUCCESS : st;
}
