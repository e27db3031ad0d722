/* Guard pages (guard_page.c). */
#ifndef LSW_GUARD_PAGE_H
#define LSW_GUARD_PAGE_H

#include "emul/emul.h"

enum guard_hit {
	GUARD_NONE,         /* not a guard page */
	GUARD_VIOLATION,    /* STATUS_GUARD_PAGE_VIOLATION */
	GUARD_OVERFLOW,     /* the stack's end: STATUS_STACK_OVERFLOW */
	GUARD_STACK_GROWN,  /* a guard inside the stack: it grew, no exception */
};

/* A fault of thread t at addr: if it hit a guard page, the guard is lifted
 * (an op in t's answer) and what it meant returned. */
enum guard_hit guard_page_hit(struct lsw_thread *t, uint64_t addr);

#endif
