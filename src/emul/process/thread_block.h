/*
 * The data part of a thread's runtime block (gate.h: ops, registers, fault,
 * stack arguments) as memory both sides map: a memfd per block, mapped in
 * the supervisor and, MAP_SHARED over the block, in the program.  The
 * program can write it at any moment: every read here copies the bytes out
 * once, and the caller validates the copy (docs/fastpath.md).  A block the
 * supervisor could not share is reached with process_vm_readv/writev, as
 * before.
 */
#ifndef LSW_THREAD_BLOCK_H
#define LSW_THREAD_BLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct nt_call;
struct lsw_thread;

/* Makes the block at `block` shared: the memfd goes to the program with
 * c's answer, whose ops (added here) map it over the block.  Returns the
 * supervisor's mapping, or NULL (the block stays private). */
void *thread_block_share(struct nt_call *c, uint64_t block);
void thread_block_unmap(void *map);
/* t's block from offset `off`: through the mapping once the runtime uses
 * it, else through the process.  0, or -1 (the process's memory failed). */
int thread_block_read(struct lsw_thread *t, size_t off, void *buf, size_t len);
int thread_block_write(struct lsw_thread *t, size_t off, const void *buf, size_t len);
/* Arguments 5 to 4 + n of t's call, as the SIGSYS handler copied them;
 * false when it did not (not shared, the stack faulted): read the stack. */
bool thread_block_stack_args(struct lsw_thread *t, uint64_t *args, unsigned n);
/* Writes the op list and its count for the runtime. */
int thread_block_put_ops(struct lsw_thread *t, const void *ops, uint32_t n, size_t size);

#endif
