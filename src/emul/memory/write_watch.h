/* Write watches: MEM_WRITE_WATCH allocations (write_watch.c). */
#ifndef LSW_WRITE_WATCH_H
#define LSW_WRITE_WATCH_H

#include "emul/memory/memory.h"

/* v (just reserved, private) is watched from now on: false when out of
 * memory. */
bool write_watch_start(struct vad_map *m, struct vad *v);
/* The Linux protection prot becomes for the pages at addr: without
 * PROT_WRITE in a watched allocation, so that the first write faults. */
int write_watch_prot(struct vad_map *m, uint64_t addr, int prot);
/* A write fault of thread t at addr: true when it met a watched page the
 * program may write (now marked written, its write allowed by an op in
 * t's answer: the instruction runs again, no exception). */
bool write_watch_fault(struct lsw_thread *t, uint64_t addr);
/* The I/O manager's probe of a read's buffer [addr, addr+len) in c's
 * process: its watched pages are written, and made writable for the
 * I/O that follows (ops of c). */
void write_watch_io(struct nt_call *c, uint64_t addr, uint64_t len);
/* Whether [addr, addr+len) of p touches a watched allocation. */
bool write_watch_any(struct lsw_process *p, uint64_t addr, uint64_t len);
/* A write of the supervisor's to [addr, addr+len) of p failed: true when
 * every page is the program's writable memory and some are watched ones
 * (then marked written, with mark): the write is to be forced past their
 * protection. */
bool write_watch_kernel_write(struct lsw_process *p, uint64_t addr, uint64_t len, bool mark);

#endif
