/* Thread stacks: their layout, growth and the kernel's frames on them
 * (stack.c). */
#ifndef LSW_STACK_H
#define LSW_STACK_H

#include "emul/memory/memory.h"

/* The part of a stack below its usable pages: the never-accessible page
 * and the two guard pages at its end. */
#define STACK_RESERVED_END (3 * 0x1000ull)

/* The stack a thread's TEB names. */
struct user_stack {
	uint64_t low;   /* DeallocationStack */
	uint64_t limit; /* StackLimit: the lowest committed page of the stack */
	uint64_t high;  /* StackBase */
};

/* The sizes Windows gives a stack asked with commit and reserve bytes
 * (the image's where 0 was asked): a reserve not above the commit
 * becomes the commit rounded up to 1 MiB; the commit rounds up to a page,
 * the reserve to 64 KiB and at least min_reserve; the commit leaves room
 * for the stack's end. */
void stack_sizes(uint64_t *commit, uint64_t *reserve, uint64_t min_reserve);
/* Reserves a stack of reserve bytes below limit in c's process, commits
 * its top commit bytes read-write and guards the page below (ops added to
 * c); its base, or 0. */
uint64_t stack_create(struct nt_call *c, uint64_t reserve, uint64_t commit, uint64_t limit);
/* t's stack, if it lies in v and holds addr. */
bool stack_of_thread(struct lsw_thread *t, struct vad *v, uint64_t addr, struct user_stack *s);
/* The guard page at page of s (in v) was touched: it joins the stack with
 * protect and the page below becomes the guard.  False: page is the
 * stack's end, or the commit limit is reached. */
bool stack_grow(struct lsw_thread *t, struct vad *v, const struct user_stack *s, uint64_t page,
		uint32_t protect);
/* Writes a frame of the kernel's (len bytes, a multiple of 8) at sp below
 * t's stack pointer, growing its stack as Windows' kernel does when the
 * write meets the guard page; -1 when there is no room. */
int stack_write_frame(struct lsw_thread *t, uint64_t sp, const void *frame, size_t len);
/* t set PAGE_GUARD on [addr, addr+size): inside its committed stack, the
 * stack now ends above it (StackLimit moves up), as on Windows. */
void stack_guard_set(struct lsw_thread *t, uint64_t addr, uint64_t size);

/* Helpers shared with guard_page.c. */
struct page_run *stack_run_at(struct vad *v, uint64_t addr);
void stack_set_pages(struct nt_call *c, struct vad *v, uint64_t page, uint64_t size,
		     uint32_t protect);

#endif
