/*
 * Another process's memory.  Every address comes from the hostile process:
 * a read or write that faults fails, never crashes the supervisor
 * (process_vm_* cannot fault in our address space).
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/uio.h>
#include <unistd.h>
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

/* Through /proc/PID/mem, whose writes pass a page's protection as a
 * debugger's do; only for pages the caller knows to be writable for the
 * program (a write-watched page before its first write: write_watch.c). */
int tracee_mem_write_force(pid_t pid, uint64_t addr, const void *buf, size_t len)
{
	char path[32];
	ssize_t n;
	int fd;

	if (len == 0)
		return 0;
	if (addr + len < addr || addr > INT64_MAX || !pid)
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/mem", (int)pid);
	if ((fd = open(path, O_WRONLY | O_CLOEXEC)) < 0)
		return -1;
	n = pwrite(fd, buf, len, (off_t)addr);
	close(fd);
	return n == (ssize_t)len ? 0 : -1;
}
