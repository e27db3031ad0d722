/*
 * Tracee memory access.  Every address comes from the hostile process: a
 * read or write that faults is STATUS_ACCESS_VIOLATION for the caller,
 * never a supervisor crash (process_vm_* cannot fault in our address space).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include "emul/emul.h"

int tracee_read(struct lsw_thread *t, uint64_t addr, void *buf, size_t len)
{
	struct iovec local = { buf, len }, remote = { (void *)addr, len };

	if (len == 0)
		return 0;
	if (addr + len < addr)
		return -1;
	return process_vm_readv(t->tid, &local, 1, &remote, 1, 0) == (ssize_t)len ? 0 : -1;
}

int tracee_write(struct lsw_thread *t, uint64_t addr, const void *buf, size_t len)
{
	struct iovec local = { (void *)buf, len }, remote = { (void *)addr, len };

	if (len == 0)
		return 0;
	if (addr + len < addr)
		return -1;
	return process_vm_writev(t->tid, &local, 1, &remote, 1, 0) == (ssize_t)len ? 0 : -1;
}

/* Two writes in one system call (each costs about a microsecond). */
int tracee_write2(struct lsw_thread *t, uint64_t a1, const void *b1, size_t l1,
		  uint64_t a2, const void *b2, size_t l2)
{
	struct iovec local[2] = { { (void *)b1, l1 }, { (void *)b2, l2 } };
	struct iovec remote[2] = { { (void *)a1, l1 }, { (void *)a2, l2 } };

	if (a1 + l1 < a1 || a2 + l2 < a2)
		return -1;
	return process_vm_writev(t->tid, local, 2, remote, 2, 0) == (ssize_t)(l1 + l2) ? 0 : -1;
}

/* Reads a UNICODE_STRING {USHORT Length, MaximumLength; PWSTR Buffer} and
 * its characters into a malloc'ed, NUL-terminated copy. */
NTSTATUS tracee_read_ustring(struct lsw_thread *t, uint64_t us_addr,
			     uint16_t **out, size_t *nchars)
{
	struct { uint16_t len, max; uint32_t pad; uint64_t buf; } us;
	uint16_t *s;

	if (tracee_read(t, us_addr, &us, sizeof(us)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if ((us.len & 1) || us.len > us.max)
		return LSW_STATUS_INVALID_PARAMETER;
	s = malloc(us.len + 2u);
	if (!s)
		return LSW_STATUS_NO_MEMORY;
	if (tracee_read(t, us.buf, s, us.len) < 0) {
		free(s);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	s[us.len / 2] = 0;
	*out = s;
	*nchars = us.len / 2;
	return LSW_STATUS_SUCCESS;
}

/* IO_STATUS_BLOCK: { NTSTATUS Status (union with PVOID); ULONG_PTR Information } */
NTSTATUS tracee_write_iosb(struct lsw_thread *t, uint64_t iosb, NTSTATUS status,
			   uint64_t info)
{
	uint64_t v[2] = { status, info };

	return tracee_write(t, iosb, v, sizeof(v)) < 0 ? LSW_STATUS_ACCESS_VIOLATION
						       : LSW_STATUS_SUCCESS;
}
