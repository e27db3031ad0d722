/*
 * Another process's memory.  Every address comes from the hostile process:
 * a read or write that faults fails, never crashes the supervisor
 * (process_vm_* cannot fault in our address space).
 */
#include <sys/uio.h>
#include "tracer/tracee_mem.h"

int tracee_mem_read(pid_t pid, uint64_t addr, void *buf, size_t len)
{
	struct iovec local = { buf, len }, remote = { (void *)addr, len };

	if (len == 0)
		return 0;
	if (addr + len < addr || !pid)
		return -1;
	return process_vm_readv(pid, &local, 1, &remote, 1, 0) == (ssize_t)len ? 0 : -1;
}

int tracee_mem_write(pid_t pid, uint64_t addr, const void *buf, size_t len)
{
	struct iovec local = { (void *)buf, len }, remote = { (void *)addr, len };

	if (len == 0)
		return 0;
	if (addr + len < addr || !pid)
		return -1;
	return process_vm_writev(pid, &local, 1, &remote, 1, 0) == (ssize_t)len ? 0 : -1;
}

int tracee_mem_write2(pid_t pid, uint64_t a1, const void *b1, size_t l1,
		      uint64_t a2, const void *b2, size_t l2)
{
	struct iovec local[2] = { { (void *)b1, l1 }, { (void *)b2, l2 } };
	struct iovec remote[2] = { { (void *)a1, l1 }, { (void *)a2, l2 } };

	if (a1 + l1 < a1 || a2 + l2 < a2 || !pid)
		return -1;
	return process_vm_writev(pid, local, 2, remote, 2, 0) == (ssize_t)(l1 + l2) ? 0 : -1;
}
