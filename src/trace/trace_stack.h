/* -k: the Windows call stack of an NT call, unwound with the images' own
 * unwind data (.pdata/.xdata) and named module!export+0xoff. */
#ifndef LSW_TRACE_STACK_H
#define LSW_TRACE_STACK_H

#include "emul/emul.h"

#define TRACE_MAX_FRAMES 32

struct trace_frames {
	unsigned n;
	char frame[TRACE_MAX_FRAMES][160];
};

/* Fills frames for the call c (innermost first: the syscall site). */
void trace_stack_collect(struct nt_call *c, struct trace_frames *out);

#endif
