/*
 * Guard pages.  A committed page with PAGE_GUARD is mapped without access;
 * the first touch lifts the guard (the page keeps its other protection)
 * and raises STATUS_GUARD_PAGE_VIOLATION, as Windows does.  A guard page
 * inside the stack the thread's TEB names (DeallocationStack to StackBase,
 * which a program may point at a stack of its own) is the stack growing:
 * no exception, the page joins the stack and the one below, committed if
 * it was only reserved, becomes the guard.  Every stack ends in guard
 * pages above one that is never accessible: running into them is
 * STATUS_STACK_OVERFLOW, with the lifted pages as room for the exception's
 * frame and its handlers.
 */
#include "emul/memory/guard_page.h"
#include "emul/memory/memory.h"

#define STACK_GUARD_PAGES 2
_Static_assert(STACK_RESERVED_END == (1 + STACK_GUARD_PAGES) * PAGE_SIZE_NT,
	       "the TEB's StackLimit must sit above the guard");

/* The run of pages holding addr, or NULL. */
static struct page_run *run_at(struct vad *v, uint64_t addr)
{
	uint64_t page = (addr - v->base) / PAGE_SIZE_NT;

	for (size_t i = 0; i < v->nruns; i++)
		if (page >= v->runs[i].first && page < v->runs[i].first + v->runs[i].count)
			return &v->runs[i];
	return NULL;
}

void guard_stack(struct nt_call *c, uint64_t base)
{
	struct vad_map *m = &c->thread->process->vad;
	struct vad *v = vad_find(m, base);
	uint64_t guard = base + PAGE_SIZE_NT, size = STACK_GUARD_PAGES * PAGE_SIZE_NT;

	if (!v)
		return;
	/* the last page: reserved only; above it the guard */
	vad_set_pages(m, v, base, PAGE_SIZE_NT, MEM_RESERVE, 0);
	memory_op_protect(c, base, PAGE_SIZE_NT, PAGE_NOACCESS);
	vad_set_pages(m, v, guard, size, MEM_COMMIT, PAGE_READWRITE | PAGE_GUARD);
	memory_op_protect(c, guard, size, PAGE_READWRITE | PAGE_GUARD);
}

#define TEB_STACK_BASE 0x08
#define TEB_STACK_LIMIT 0x10
#define TEB_DEALLOCATION_STACK 0x1478

static void set_pages(struct lsw_thread *t, struct vad *v, uint64_t page, uint64_t size,
		      uint32_t protect)
{
	vad_set_pages(&t->process->vad, v, page, size, MEM_COMMIT, protect);
	memory_op_protect(&t->call, page, size, protect);
}

/* The stack t's TEB names, [*low, *high), if it holds page and lies in v
 * (the process owns its TEB: the values are only trusted that far). */
static bool teb_stack(struct lsw_thread *t, struct vad *v, uint64_t page, uint64_t *low,
		      uint64_t *high)
{
	if (!t->teb || tracee_read(t, t->teb + TEB_STACK_BASE, high, 8) < 0 ||
	    tracee_read(t, t->teb + TEB_DEALLOCATION_STACK, low, 8) < 0)
		return false;
	return *low >= v->base && *high <= v->base + v->size && page >= *low && page < *high;
}

/* The stack grows into page: it joins the stack (StackLimit moves to it)
 * and the page below becomes the guard.  False: no room below. */
static bool grow_stack(struct lsw_thread *t, struct vad *v, uint64_t page, uint32_t protect)
{
	uint64_t below = page - PAGE_SIZE_NT;
	struct page_run *r = run_at(v, below);
	bool reserved = r && r->state != MEM_COMMIT;

	if (!r || (reserved && !memory_can_charge(t->process, PAGE_SIZE_NT)))
		return false;
	set_pages(t, v, page, PAGE_SIZE_NT, protect);
	tracee_write(t, t->teb + TEB_STACK_LIMIT, &page, 8);
	if (reserved || !(r->protect & PAGE_GUARD))
		set_pages(t, v, below, PAGE_SIZE_NT,
			  (reserved ? PAGE_READWRITE : r->protect) | PAGE_GUARD);
	return true;
}

enum guard_hit guard_page_hit(struct lsw_thread *t, uint64_t addr)
{
	struct vad *v = vad_find(&t->process->vad, addr);
	struct page_run *r = v ? run_at(v, addr) : NULL;
	uint64_t page = addr & ~(PAGE_SIZE_NT - 1), low, high;
	uint32_t protect;

	if (!r || r->state != MEM_COMMIT || !(r->protect & PAGE_GUARD))
		return GUARD_NONE;
	protect = r->protect & ~(uint32_t)PAGE_GUARD;
	if (!teb_stack(t, v, page, &low, &high)) {
		set_pages(t, v, page, PAGE_SIZE_NT, protect);
		return GUARD_VIOLATION;
	}
	if (page >= low + STACK_RESERVED_END && grow_stack(t, v, page, protect))
		return GUARD_STACK_GROWN;
	/* the stack's end: all of its guard goes, room for the handlers */
	set_pages(t, v, page, PAGE_SIZE_NT, protect);
	for (uint64_t g = low + PAGE_SIZE_NT; g < low + STACK_RESERVED_END; g += PAGE_SIZE_NT)
		if ((r = run_at(v, g)) && r->state == MEM_COMMIT && (r->protect & PAGE_GUARD))
			set_pages(t, v, g, PAGE_SIZE_NT, r->protect & ~(uint32_t)PAGE_GUARD);
	return GUARD_OVERFLOW;
}
