/*
 * NtReadFileScatter and NtWriteFileGather: a disk file's bytes moved to or
 * from a list of pages (FILE_SEGMENT_ELEMENT, one 64-bit pointer per page),
 * as ReadFileScatter and WriteFileGather ask.  Windows serves them only on
 * handles opened for asynchronous, unbuffered I/O (a synchronous handle's
 * call is STATUS_INVALID_PARAMETER); the call returns STATUS_PENDING and
 * reports through the event, the completion port and the IO_STATUS_BLOCK,
 * which is what happens here once the data has moved.
 */
#include <errno.h>
#include <unistd.h>
#include "emul/io/file.h"
#include "emul/io/file_access.h"
#include "emul/io/file_lock.h"

#define SEGMENT_PAGE 4096u
#define SEGMENT_MAX_BYTES (64u << 20) /* what one call moves at most */

/* The offset to use: ByteOffset, which an asynchronous handle must give. */
static NTSTATUS segments_offset(struct nt_call *c, int64_t *off)
{
	*off = -1;
	if (c->args[7] && tracee_read(c->thread, c->args[7], off, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return *off < 0 ? LSW_STATUS_INVALID_PARAMETER : LSW_STATUS_SUCCESS;
}

/* Moves one page of the transfer; returns the bytes moved, -1 on error
 * (*st says which). */
static ssize_t move_page(struct nt_call *c, struct file_object *f, bool write, uint64_t page,
			 size_t n, int64_t off, NTSTATUS *st)
{
	static char buf[SEGMENT_PAGE];
	ssize_t done;

	*st = LSW_STATUS_ACCESS_VIOLATION;
	if (write && tracee_read(c->thread, page, buf, n) < 0)
		return -1;
	done = write ? pwrite(f->fd, buf, n, off) : pread(f->fd, buf, n, off);
	if (done < 0) {
		*st = errno_to_status(errno);
		return -1;
	}
	if (!write && done > 0 && tracee_write(c->thread, page, buf, (size_t)done) < 0)
		return -1;
	return done;
}

static NTSTATUS move_segments(struct nt_call *c, struct file_object *f, bool write,
			      int64_t off, uint64_t *moved)
{
	uint64_t len = (uint32_t)c->args[6], page;
	NTSTATUS st;

	*moved = 0;
	while (*moved < len) {
		size_t n = len - *moved < SEGMENT_PAGE ? (size_t)(len - *moved) : SEGMENT_PAGE;
		ssize_t done;

		if (tracee_read(c->thread, c->args[5] + *moved / SEGMENT_PAGE * 8, &page, 8) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		if ((done = move_page(c, f, write, page, n, off + (int64_t)*moved, &st)) < 0)
			return st;
		*moved += (uint64_t)done;
		if ((size_t)done < n)
			break;
	}
	return LSW_STATUS_SUCCESS;
}

static NTSTATUS segments_io(struct nt_call *c, bool write)
{
	uint32_t need = write ? FILE_WRITE_DATA | FILE_APPEND_DATA : FILE_READ_DATA;
	uint64_t len = (uint32_t)c->args[6], moved;
	struct file_object *f;
	int64_t off;
	NTSTATUS st;

	if (!(f = get_file(c, c->args[0], &st)))
		return st;
	if (f->kind != FILE_KIND_DISK || file_is_synchronous(f) || !c->args[5] ||
	    len > SEGMENT_MAX_BYTES)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(f->access & need))
		return LSW_STATUS_ACCESS_DENIED;
	if ((st = file_io_begin(c, f)) != LSW_STATUS_SUCCESS ||
	    (st = segments_offset(c, &off)) != LSW_STATUS_SUCCESS ||
	    (st = lock_check_io(f, (uint64_t)off, len, write)) != LSW_STATUS_SUCCESS ||
	    (st = move_segments(c, f, write, off, &moved)) != LSW_STATUS_SUCCESS)
		return st;
	if (!write && !moved && len)
		return LSW_STATUS_END_OF_FILE;
	if (tracee_write_iosb(c->thread, c->args[4], LSW_STATUS_SUCCESS, moved) != LSW_STATUS_SUCCESS)
		return LSW_STATUS_ACCESS_VIOLATION;
	file_io_end(c, f, LSW_STATUS_SUCCESS, true);
	return LSW_STATUS_PENDING;
}

/* NtReadFileScatter(FileHandle, Event, ApcRoutine, ApcContext,
 *                   IoStatusBlock, SegmentArray, Length, ByteOffset, Key) */
NTSTATUS nt_NtReadFileScatter(struct nt_call *c)
{
	return segments_io(c, false);
}

/* NtWriteFileGather: the same arguments, the other way. */
NTSTATUS nt_NtWriteFileGather(struct nt_call *c)
{
	return segments_io(c, true);
}
