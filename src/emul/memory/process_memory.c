/*
 * NtReadVirtualMemory and NtWriteVirtualMemory: copies between the
 * caller's memory and that of a process it holds a handle to (itself
 * included).  The supervisor copies through its own buffer with
 * process_vm_readv/writev, which honour the pages' protection: a page the
 * process could not touch (no access, a guard page, not committed) ends
 * the copy (the guard stays) and what was copied before it is reported
 * with STATUS_PARTIAL_COPY.
 */
#include "emul/memory/memory.h"
#include "emul/memory/remote.h"
#include "emul/process/process_object.h"
#include "tracer/tracee_mem.h"

#define COPY_CHUNK 0x4000ull

NTSTATUS nt_NtReadVirtualMemory(struct nt_call *c);
NTSTATUS nt_NtWriteVirtualMemory(struct nt_call *c);

enum copy_side { COPY_OK, COPY_SOURCE_FAULT, COPY_DEST_FAULT };

/* Copies one piece that fits the buffer: from the target into the caller
 * (read) or the other way round. */
static enum copy_side copy_piece(pid_t target, struct lsw_thread *t, bool read,
				 uint64_t remote, uint64_t local, uint8_t *buf, size_t len)
{
	if (read) {
		if (tracee_mem_read(target, remote, buf, len) < 0)
			return COPY_SOURCE_FAULT;
		return tracee_write(t, local, buf, len) < 0 ? COPY_DEST_FAULT : COPY_OK;
	}
	if (tracee_read(t, local, buf, len) < 0)
		return COPY_SOURCE_FAULT;
	return tracee_mem_write(target, remote, buf, len) < 0 ? COPY_DEST_FAULT : COPY_OK;
}

/* Copies size bytes; on a fault, page by page up to the faulting page so
 * *done counts what really got across. */
static enum copy_side copy_range(pid_t target, struct lsw_thread *t, bool read,
				 uint64_t remote, uint64_t local, uint64_t size, uint64_t *done)
{
	uint8_t buf[COPY_CHUNK];
	enum copy_side r = COPY_OK;

	*done = 0;
	while (*done < size) {
		uint64_t a = remote + *done, len = size - *done;
		uint64_t to_page = PAGE_SIZE_NT - (a & (PAGE_SIZE_NT - 1));

		if (len > COPY_CHUNK)
			len = COPY_CHUNK;
		if (r != COPY_OK && len > to_page) /* after a fault: one page at a time */
			len = to_page;
		enum copy_side piece = copy_piece(target, t, read, a, local + *done, buf, len);
		if (piece == COPY_OK) {
			*done += len;
			continue;
		}
		if (r != COPY_OK || len <= to_page)
			return piece;
		r = piece; /* retry the chunk page by page */
	}
	return COPY_OK;
}

/* NtReadVirtualMemory(ProcessHandle, BaseAddress, Buffer, BufferSize,
 *                     *NumberOfBytesRead) and NtWriteVirtualMemory(
 * ProcessHandle, BaseAddress, Buffer, BufferSize, *NumberOfBytesWritten) */
static NTSTATUS copy_virtual(struct nt_call *c, bool read)
{
	uint64_t remote = c->args[1], local = c->args[2], size = c->args[3], done = 0;
	struct process_object *o;
	enum copy_side r = COPY_OK;
	NTSTATUS st;

	if (!(o = process_from_handle(c, c->args[0], read ? PROCESS_VM_READ : PROCESS_VM_WRITE,
				      &st)))
		return st;
	if (remote + size < remote || local + size < local || remote + size > USER_MAX + 1 ||
	    local + size > USER_MAX + 1)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!o->process || o->process->reaped || o->process->terminated)
		return LSW_STATUS_PROCESS_IS_TERMINATING;
	if ((st = remote_wait_space(c, o->process, read ? nt_NtReadVirtualMemory
							 : nt_NtWriteVirtualMemory)) != LSW_STATUS_SUCCESS)
		return st; /* a child just created: its start lays it out */
	if (size)
		r = copy_range(o->process->pid, c->thread, read, remote, local, size, &done);
	/* the caller's own buffer faulting counts as nothing copied (Windows
	 * 10 answers STATUS_PARTIAL_COPY for it too) */
	st = r == COPY_OK ? LSW_STATUS_SUCCESS : LSW_STATUS_PARTIAL_COPY;
	if (r == (read ? COPY_DEST_FAULT : COPY_SOURCE_FAULT))
		done = 0;
	if (c->args[4] && tracee_write(c->thread, c->args[4], &done, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}

NTSTATUS nt_NtReadVirtualMemory(struct nt_call *c)
{
	return copy_virtual(c, true);
}

NTSTATUS nt_NtWriteVirtualMemory(struct nt_call *c)
{
	return copy_virtual(c, false);
}
