/* The x64 CONTEXT as exceptions, NtContinue and the thread-context calls
 * see it. */
#ifndef LSW_EXCEPTION_H
#define LSW_EXCEPTION_H

#include "emul/emul.h"

#define CTX_SIZE 0x4d0

/* A CONTEXT (CTX_SIZE bytes) from general registers r and the x87/SSE
 * state of t's latest signal frame. */
void context_from_regs(struct lsw_thread *t, const struct lsw_regs *r, uint8_t *ctx);
/* The reverse: r from ctx, and ctx's x87/SSE state into t's signal frame
 * when its ContextFlags include CONTEXT_FLOATING_POINT. */
void context_to_regs(struct lsw_thread *t, const uint8_t *ctx, struct lsw_regs *r);

#endif
