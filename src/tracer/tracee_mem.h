/*
 * Another process's memory, by process id: reads and writes that cannot
 * fault here (process_vm_readv/writev), whatever address the process gave.
 */
#ifndef LSW_TRACEE_MEM_H
#define LSW_TRACEE_MEM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* 0, or -1 when any byte of [addr, addr + len) is not accessible (or pid
 * is 0: no process). */
int tracee_mem_read(pid_t pid, uint64_t addr, void *buf, size_t len);
int tracee_mem_write(pid_t pid, uint64_t addr, const void *buf, size_t len);
/* The same past the page's protection (a debugger's write): -1 as above. */
int tracee_mem_write_force(pid_t pid, uint64_t addr, const void *buf, size_t len);
/* Two writes in one system call (each costs about a microsecond). */
int tracee_mem_write2(pid_t pid, uint64_t a1, const void *b1, size_t l1,
		      uint64_t a2, const void *b2, size_t l2);

#endif
