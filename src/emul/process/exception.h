/* The x64 CONTEXT as exceptions, NtContinue and the thread-context calls
 * see it. */
#ifndef LSW_EXCEPTION_H
#define LSW_EXCEPTION_H

#include "emul/emul.h"

#define CTX_SIZE 0x4d0

/* A CONTEXT (CTX_SIZE bytes) from general registers r and the x87/SSE
 * state of t's latest signal frame. */
void context_from_regs(struct lsw_thread *t, const struct lsw_regs *r, uint8_t *ctx);
/* A new thread's CONTEXT: general registers r, the x87/SSE state every
 * thread starts with (control word 0x27f, MXCSR 0x1f80). */
void context_initial(const struct lsw_regs *r, uint8_t *ctx);
/* The reverse of context_from_regs: r from ctx, and ctx's x87/SSE state
 * into t's signal frame when its ContextFlags include
 * CONTEXT_FLOATING_POINT (t NULL: r only). */
void context_to_regs(struct lsw_thread *t, const uint8_t *ctx, struct lsw_regs *r);
/* The parts of ctx its ContextFlags name (control: Rip, Rsp, EFlags;
 * integer: the others; floating point: into t's signal frame, t not NULL)
 * over r, the rest of r kept. */
void context_merge(struct lsw_thread *t, const uint8_t *ctx, struct lsw_regs *r);
/* privileged_insn.c: the instruction at rip (in t's process) is one a
 * program may not run (a general protection fault there is
 * STATUS_PRIVILEGED_INSTRUCTION on Windows). */
bool privileged_instruction(struct lsw_thread *t, uint64_t rip);

#endif
