/*
 * Guard pages.  A committed page with PAGE_GUARD is mapped without access;
 * the first touch lifts the guard (the page keeps its other protection)
 * and raises STATUS_GUARD_PAGE_VIOLATION, as Windows does.  A guard page
 * inside the stack the thread's TEB names (DeallocationStack to StackBase,
 * which a program may point at a stack of its own) is the stack growing
 * (stack.c): no exception.  At the stack's end it is STATUS_STACK_OVERFLOW,
 * with the lifted pages as room for the exception's frame and its
 * handlers.
 */
#include "emul/memory/guard_page.h"
#include "emul/memory/stack.h"

enum guard_hit guard_page_hit(struct lsw_thread *t, uint64_t addr)
{
	struct vad *v = vad_find(&t->process->vad, addr);
	struct page_run *r = v ? stack_run_at(v, addr) : NULL;
	uint64_t page = addr & ~(PAGE_SIZE_NT - 1);
	struct user_stack s;
	uint32_t protect;

	if (!r || r->state != MEM_COMMIT || !(r->protect & PAGE_GUARD))
		return GUARD_NONE;
	protect = r->protect & ~(uint32_t)PAGE_GUARD;
	if (!stack_of_thread(t, v, page, &s)) {
		stack_set_pages(&t->call, v, page, PAGE_SIZE_NT, protect);
		return GUARD_VIOLATION;
	}
	if (stack_grow(t, v, &s, page, protect))
		return GUARD_STACK_GROWN;
	/* the stack's end: all of its guard goes, room for the handlers */
	stack_set_pages(&t->call, v, page, PAGE_SIZE_NT, protect);
	for (uint64_t g = s.low + PAGE_SIZE_NT; g < s.low + STACK_RESERVED_END; g += PAGE_SIZE_NT)
		if ((r = stack_run_at(v, g)) && r->state == MEM_COMMIT && (r->protect & PAGE_GUARD))
			stack_set_pages(&t->call, v, g, PAGE_SIZE_NT, r->protect & ~(uint32_t)PAGE_GUARD);
	return GUARD_OVERFLOW;
}
