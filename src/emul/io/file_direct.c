/*
 * One-copy NtReadFile/NtWriteFile of disk files.  The supervisor checks
 * the call as always (handle, access, byte-range locks, offset), then
 * answers with an op on the program's fd for the file (kept there between
 * calls): the runtime's pread64/pwrite64 moves the data between the page
 * cache and the program's buffer in one kernel copy.  The runtime writes
 * the IO_STATUS_BLOCK first, for the outcome the supervisor expects (the
 * whole length, or up to the end of the file); only when it gets
 * something else does it call again (LSW_REQ_CONTINUE) with the result,
 * which is read once and clamped (docs/fastpath.md).
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "emul/io/file.h"
#include "emul/io/file_lock.h"
#include "emul/io/file_direct.h"
#include "emul/memory/write_watch.h"
#include "emul/observer.h"
#include "emul/process/thread_block.h"
#include "tracer/notify.h"

/* Smaller transfers keep the chunked path.  From 64 KiB the one copy
 * saves more than its extra work (fstat, kcmp, the program's own pread64
 * through the filter) costs: a 256 MiB copy in 64 KiB calls took 15-25%
 * less CPU than chunked, 5-8% less at 16 and 32 KiB (bench/README.md).
 * Larger ones too: one pread64 stops at 0x7ffff000 bytes, and the
 * continuation would then be the common case. */
#define DIRECT_MIN (64u << 10)
#define DIRECT_MAX (1u << 30)

struct file_direct_io {
	struct nt_object *file;  /* referenced until the call ends */
	uint64_t off, expected, buf, iosb;
	bool write;
};

/* Only the plain synchronous case: no event, APC or completion port to
 * signal (they would fire before the data moved), not traced (the trace
 * shows the buffer as the call returns), a call that may carry ops. */
static bool direct_eligible(const struct nt_call *c, const struct file_object *f)
{
	uint64_t len = (uint32_t)c->args[6];

	return f->kind == FILE_KIND_DISK && !c->direct && c->thread->block &&
	       !c->args[1] && !c->args[2] && !f->completion &&
	       len >= DIRECT_MIN && len <= DIRECT_MAX &&
	       !c->nops && !thread_observer(c->thread) &&
	       /* the runtime cannot store into a watched page (write_watch.c) */
	       !write_watch_any(c->thread->process, c->args[4], 16);
}

#define KCMP_FILE 0

/* Whether the program's fd rfd is still our fd, the same open file
 * description (kcmp): not closed by the program, nor its number reused.
 * Our pid is asked once (getpid is a system call): the process that
 * serves never forks a copy of itself that serves too. */
static bool same_file(const struct lsw_process *p, int fd, int rfd)
{
	static pid_t self;

	if (!self)
		self = getpid();
	return syscall(SYS_kcmp, self, p->pid, KCMP_FILE, fd, rfd) == 0;
}

/*
 * The program's fd for f: the one an earlier call left there, if kcmp
 * says it still is f's, else a new one (SECCOMP_IOCTL_NOTIF_ADDFD, which
 * costs the thread two more context switches) that stays for the next
 * call; the one it pushes out is closed after this call's I/O.  A file's
 * first transfer gets none: a file read or written once in one call (a
 * program loading its data files) is served chunked, at the cost of the
 * copies the handover would have cost anyway.  -1: none; HAND_OVER: a
 * call of the fast channel, which has no notification to add it with.
 */
#define HAND_OVER (-2)

static int program_fd(struct nt_call *c, struct file_object *f)
{
	struct lsw_process *p = c->thread->process;
	struct direct_fd *slot = NULL;
	struct lsw_op *op;
	int rfd;

	for (unsigned i = 0; i < 8 && !slot; i++)
		if (p->direct_fds[i].file == f && p->direct_fds[i].rfd >= 0)
			slot = &p->direct_fds[i];
	if (slot && same_file(p, f->fd, slot->rfd))
		return slot->rfd;
	if (!f->direct_seen) {
		f->direct_seen = true;
		return -1;
	}
	if (c->fast)
		return HAND_OVER;
	if (!slot) {
		slot = &p->direct_fds[p->direct_fd_next++ % 8];
		if (!slot->file)
			slot->rfd = -1; /* never used */
	}
	if ((rfd = notify_addfd(p->notify_fd, c->notif_id, f->fd)) < 0)
		return -1;
	if (slot->rfd >= 0 && slot->rfd != rfd && (op = nt_add_op(c, LSW_OP_CLOSE)))
		op->arg[0] = (uint64_t)slot->rfd; /* closed after the I/O op */
	*slot = (struct direct_fd){ f, rfd };
	return rfd;
}

static NTSTATUS direct_start(struct nt_call *c, struct file_object *f, uint64_t off,
			     uint64_t expected, bool write)
{
	struct lsw_thread *t = c->thread;
	struct file_direct_io *io = malloc(sizeof(*io));
	struct lsw_op *op;
	int rfd;

	if (!io)
		return LSW_STATUS_NO_MEMORY;
	if ((rfd = program_fd(c, f)) < 0) {
		free(io);
		/* the syscall hands the fd over, for this call and the next */
		return rfd == HAND_OVER ? (NTSTATUS)NT_WOULD_BLOCK
					 : (NTSTATUS)LSW_STATUS_INSUFFICIENT_RESOURCES;
	}
	op = nt_add_op(c, write ? LSW_OP_PWRITE : LSW_OP_PREAD);
	op->arg[0] = (uint64_t)rfd;
	op->arg[1] = c->args[5];
	op->arg[2] = expected; /* a read up to the end of the file */
	op->arg[3] = off;
	op->arg[4] = expected;
	op->arg[5] = c->args[4]; /* the runtime writes the IO_STATUS_BLOCK */
	if (c->nops == 2) { /* the pushed-out fd's close goes after the I/O */
		struct lsw_op close = c->ops[0];

		c->ops[0] = c->ops[1];
		c->ops[1] = close;
	}
	*io = (struct file_direct_io){ object_ref(&f->hdr), off, expected, c->args[5],
				       c->args[4], write };
	file_direct_drop(t);
	t->direct_io = io;
	f->pos = off + expected;
	return LSW_STATUS_SUCCESS;
}

bool file_direct_read(struct nt_call *c, struct file_object *f, int64_t off, NTSTATUS *st)
{
	uint64_t len = (uint32_t)c->args[6];
	struct stat sb;

	if (!direct_eligible(c, f))
		return false;
	if (off < 0)
		off = (int64_t)f->pos;
	if (fstat(f->fd, &sb) < 0 || (uint64_t)off >= (uint64_t)sb.st_size)
		return false; /* the end of the file: nothing to move */
	if (lock_check_io(f, (uint64_t)off, len, false) != LSW_STATUS_SUCCESS)
		return false; /* the chunked path gives the lock's error */
	if ((uint64_t)sb.st_size - (uint64_t)off < len)
		len = (uint64_t)sb.st_size - (uint64_t)off;
	*st = direct_start(c, f, (uint64_t)off, len, false);
	return *st != (NTSTATUS)LSW_STATUS_INSUFFICIENT_RESOURCES;
}

bool file_direct_write(struct nt_call *c, struct file_object *f, uint64_t start, NTSTATUS *st)
{
	if (!direct_eligible(c, f) ||
	    lock_check_io(f, start, (uint32_t)c->args[6], true) != LSW_STATUS_SUCCESS)
		return false;
	*st = direct_start(c, f, start, (uint32_t)c->args[6], true);
	return *st != (NTSTATUS)LSW_STATUS_INSUFFICIENT_RESOURCES;
}

/* The rest of a one-copy I/O that stopped short, through the supervisor's
 * bounce buffer: the buffer went bad part-way (ReadFile into a read-only
 * page fails with STATUS_ACCESS_VIOLATION, not a short count; WriteFile
 * from a page it cannot read with STATUS_INVALID_USER_BUFFER, as NTFS
 * answers: kernel32's file tests) or the file changed size meanwhile. */
static NTSTATUS finish_chunked(struct lsw_thread *t, struct file_direct_io *io, uint64_t *done)
{
	static char bounce[65536];
	struct file_object *f = (struct file_object *)io->file;

	while (*done < io->expected) {
		uint64_t want = io->expected - *done;
		ssize_t n;

		if (want > sizeof(bounce))
			want = sizeof(bounce);
		if (io->write && tracee_read(t, io->buf + *done, bounce, want) < 0)
			return LSW_STATUS_INVALID_USER_BUFFER;
		n = io->write ? pwrite(f->fd, bounce, want, (off_t)(io->off + *done))
			      : pread(f->fd, bounce, want, (off_t)(io->off + *done));
		if (n < 0)
			return errno_to_status(errno);
		if (!io->write && n > 0 && tracee_write(t, io->buf + *done, bounce, (size_t)n) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		*done += (uint64_t)n;
		if ((uint64_t)n < want)
			break;
	}
	return LSW_STATUS_SUCCESS;
}

/* A one-copy write that faulted: on its data (unreadable: STATUS_INVALID_
 * USER_BUFFER, as NTFS answers kernel32's file tests) or on its
 * IO_STATUS_BLOCK (STATUS_ACCESS_VIOLATION)?  A byte of each page tells. */
static NTSTATUS write_fault(struct lsw_thread *t, const struct file_direct_io *io)
{
	char b;

	for (uint64_t a = io->buf; a < io->buf + io->expected; a = (a | 4095) + 1)
		if (tracee_read(t, a, &b, 1) < 0)
			return LSW_STATUS_INVALID_USER_BUFFER;
	return LSW_STATUS_ACCESS_VIOLATION;
}

/* The runtime got something other than expected: a short count or an
 * error (-EFAULT: a bad buffer), read once from the block and clamped. */
NTSTATUS file_direct_continue(struct lsw_thread *t)
{
	struct file_direct_io *io = t->direct_io;
	struct file_object *f = (struct file_object *)io->file;
	long long r;
	uint64_t done = 0;
	NTSTATUS st = LSW_STATUS_SUCCESS;

	if (thread_block_read(t, offsetof(struct lsw_thread_block, io_result), &r,
			sizeof(r)) < 0)
		r = -EFAULT;
	if (r < 0) {
		st = r != -EFAULT ? errno_to_status(r < -4095 ? EIO : (int)-r)
		     : io->write ? write_fault(t, io) : (NTSTATUS)LSW_STATUS_ACCESS_VIOLATION;
	} else {
		/* the program may have rewritten its op: no more than expected */
		done = (uint64_t)r < io->expected ? (uint64_t)r : io->expected;
		st = finish_chunked(t, io, &done);
		if (st == LSW_STATUS_SUCCESS && done == 0 && !io->write)
			st = LSW_STATUS_END_OF_FILE;
	}
	f->pos = io->off + done;
	r = (long long)done;
	if ((st == LSW_STATUS_SUCCESS || st == (NTSTATUS)LSW_STATUS_END_OF_FILE) &&
	    tracee_write_iosb(t, io->iosb, st, (uint64_t)r) != LSW_STATUS_SUCCESS)
		st = LSW_STATUS_ACCESS_VIOLATION;
	file_direct_drop(t);
	return st;
}

void file_direct_drop(struct lsw_thread *t)
{
	struct file_direct_io *io = t->direct_io;

	if (!io)
		return;
	t->direct_io = NULL;
	object_unref(io->file);
	free(io);
}
