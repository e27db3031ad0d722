/* Guard pages and the stack's end (guard_page.c). */
#ifndef LSW_GUARD_PAGE_H
#define LSW_GUARD_PAGE_H

#include "emul/emul.h"

/* The part of a stack below its usable pages: the never-accessible page
 * and the guard pages (the TEB's StackLimit is above them). */
#define STACK_RESERVED_END (3 * 0x1000ull)

/* Gives the stack reserved at base its end: a page never accessible and
 * guard pages above it (ops added to c). */
void guard_stack(struct nt_call *c, uint64_t base);
/* A fault at addr: if it hit a guard page, the guard is lifted (an op in
 * t's answer) and true returned; *overflow says whether it was the end of
 * the stack that starts at stack_base (0: unknown). */
bool guard_page_hit(struct lsw_thread *t, uint64_t addr, uint64_t stack_base, bool *overflow);

#endif
