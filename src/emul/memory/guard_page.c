/*
 * Guard pages.  A committed page with PAGE_GUARD is mapped without access;
 * the first touch lifts the guard (the page keeps its other protection)
 * and raises STATUS_GUARD_PAGE_VIOLATION, as Windows does.  Every thread's
 * stack ends in such pages above one that is never accessible: running
 * into them is STATUS_STACK_OVERFLOW, with the lifted pages as room for the
 * exception's frame and its handlers.
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

static void set_pages(struct lsw_thread *t, struct vad *v, uint64_t page, uint64_t size,
		      uint32_t protect)
{
	vad_set_pages(&t->process->vad, v, page, size, MEM_COMMIT, protect);
	memory_op_protect(&t->call, page, size, protect);
}

/* A guard page inside the stack's usable part, as the stack grows down
 * into it: the page joins the stack (the TEB's StackLimit moves to it)
 * and the page below becomes the guard, as Windows grows a stack. */
static void grow_stack(struct lsw_thread *t, struct vad *v, uint64_t page, uint64_t stack_base,
		       uint32_t protect)
{
	uint64_t below = page - PAGE_SIZE_NT;
	struct page_run *r;

	set_pages(t, v, page, PAGE_SIZE_NT, protect);
	tracee_write(t, t->teb + 0x10, &page, 8); /* NtTib.StackLimit */
	if (below < stack_base + STACK_RESERVED_END || !(r = run_at(v, below)) ||
	    r->state != MEM_COMMIT || (r->protect & PAGE_GUARD))
		return;
	set_pages(t, v, below, PAGE_SIZE_NT, r->protect | PAGE_GUARD);
}

enum guard_hit guard_page_hit(struct lsw_thread *t, uint64_t addr, uint64_t stack_base)
{
	struct vad *v = vad_find(&t->process->vad, addr);
	struct page_run *r = v ? run_at(v, addr) : NULL;
	uint64_t page = addr & ~(PAGE_SIZE_NT - 1);
	uint32_t protect;
	bool in_stack;

	if (!r || r->state != MEM_COMMIT || !(r->protect & PAGE_GUARD))
		return GUARD_NONE;
	protect = r->protect & ~(uint32_t)PAGE_GUARD;
	in_stack = stack_base && v == vad_find(&t->process->vad, stack_base) &&
		   page >= stack_base + PAGE_SIZE_NT;
	if (in_stack && page >= stack_base + STACK_RESERVED_END) {
		grow_stack(t, v, page, stack_base, protect);
		return GUARD_STACK_GROWN;
	}
	if (in_stack) { /* all of the stack's end guard goes: room for the handlers */
		set_pages(t, v, stack_base + PAGE_SIZE_NT, STACK_GUARD_PAGES * PAGE_SIZE_NT,
			  protect);
		return GUARD_OVERFLOW;
	}
	set_pages(t, v, page, PAGE_SIZE_NT, protect);
	return GUARD_VIOLATION;
}
