/*
 * Byte-range locks.  Windows locks are mandatory: while a handle holds an
 * exclusive lock, reads and writes of that range through any other handle
 * fail with STATUS_FILE_LOCK_CONFLICT; a shared lock lets everyone read and
 * no one write, the holder included.  A lock that cannot be granted fails
 * at once (FailImmediately) or waits until an unlock or a close frees it.
 */
#include <stdlib.h>
#include "emul/io/file_access.h"
#include "emul/io/file_lock.h"

#define STATUS_FILE_LOCK_CONFLICT 0xC0000054u
#define STATUS_LOCK_NOT_GRANTED 0xC0000055u
#define STATUS_RANGE_NOT_LOCKED 0xC000007Eu
#define STATUS_INVALID_LOCK_RANGE 0xC00001A1u

struct byte_lock {
	const struct file_object *owner;
	uint64_t off, len;
	uint32_t key;
	bool exclusive;
};

struct lock_waiter {
	struct lsw_thread *thread;
	struct lock_waiter *next;
};

/* Locks held at once in one host: each I/O checks them all, and a
 * hostile process must not grow the table without bound.  Past this,
 * NtLockFile fails with STATUS_INSUFFICIENT_RESOURCES. */
#define LOCKS_MAX 16384


static bool same_file(const struct file_object *a, const struct file_object *b)
{
	return a->dev == b->dev && a->ino == b->ino;
}

/* Zero-length ranges never overlap anything.  Compared by their last
 * bytes, so that a range ending at the last offset (2^64 - 1) works. */
static bool overlap(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return alen && blen && a <= b + (blen - 1) && b <= a + (alen - 1);
}

NTSTATUS lock_check_io(const struct file_object *f, uint64_t off, uint64_t len, bool write)
{
	const struct host_files *hf = &f->host->files;

	for (size_t i = 0; i < hf->nlocks; i++) {
		const struct byte_lock *l = &hf->locks[i];

		if (!same_file(l->owner, f) || !overlap(l->off, l->len, off, len))
			continue;
		if ((l->exclusive && l->owner != f) || (!l->exclusive && write))
			return STATUS_FILE_LOCK_CONFLICT;
	}
	return LSW_STATUS_SUCCESS;
}

static bool grantable(const struct file_object *f, uint64_t off, uint64_t len, bool exclusive)
{
	const struct host_files *hf = &f->host->files;

	for (size_t i = 0; i < hf->nlocks; i++) {
		const struct byte_lock *l = &hf->locks[i];

		if (!same_file(l->owner, f) || !overlap(l->off, l->len, off, len))
			continue;
		if (exclusive || (l->exclusive && l->owner != f))
			return false;
	}
	return true;
}

static NTSTATUS add_lock(const struct file_object *f, uint64_t off, uint64_t len,
			 uint32_t key, bool exclusive)
{
	struct host_files *hf = &f->host->files;

	if (hf->nlocks >= LOCKS_MAX)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (hf->nlocks == hf->caplocks) {
		size_t cap = hf->caplocks ? hf->caplocks * 2 : 16;
		struct byte_lock *n = realloc(hf->locks, cap * sizeof(*n));

		if (!n)
			return LSW_STATUS_NO_MEMORY;
		hf->locks = n;
		hf->caplocks = cap;
	}
	hf->locks[hf->nlocks++] = (struct byte_lock){ f, off, len, key, exclusive };
	return LSW_STATUS_SUCCESS;
}

/* NtLockFile's arguments: the range, the key and the kind. */
struct lock_request {
	struct file_object *f;
	uint64_t off, len;
	uint32_t key;
	bool fail_now, exclusive;
};

static NTSTATUS read_request(struct nt_call *c, struct lock_request *r)
{
	NTSTATUS st;
	int64_t off, len;

	if (!(r->f = get_file(c, c->args[0], &st)))
		return st;
	if (r->f->kind != FILE_KIND_DISK)
		return LSW_STATUS_INVALID_DEVICE_REQUEST;
	if (!(r->f->access & (FILE_READ_DATA | FILE_WRITE_DATA | FILE_APPEND_DATA)))
		return LSW_STATUS_ACCESS_DENIED;
	if (tracee_read(c->thread, c->args[5], &off, 8) < 0 ||
	    tracee_read(c->thread, c->args[6], &len, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	/* offsets are unsigned: a range may reach the last byte (offset
	 * 2^64 - 1, length 1: kernel32's file tests lock and unlock it on
	 * Windows), not wrap past it */
	if (len && (uint64_t)off + ((uint64_t)len - 1) < (uint64_t)off)
		return STATUS_INVALID_LOCK_RANGE;
	r->off = (uint64_t)off;
	r->len = (uint64_t)len;
	r->key = (uint32_t)c->args[7];
	r->fail_now = (uint8_t)c->args[8] != 0;
	r->exclusive = (uint8_t)c->args[9] != 0;
	return LSW_STATUS_SUCCESS;
}

/* Decides a lock request: true with the answer in *st, false when it must
 * wait for a range to be freed. */
static bool try_grant(struct nt_call *c, NTSTATUS *st)
{
	struct lock_request r = { 0 };

	*st = read_request(c, &r);
	if (*st != LSW_STATUS_SUCCESS)
		return true;
	if (!grantable(r.f, r.off, r.len, r.exclusive)) {
		*st = STATUS_LOCK_NOT_GRANTED;
		return r.fail_now;
	}
	*st = add_lock(r.f, r.off, r.len, r.key, r.exclusive);
	if (*st == LSW_STATUS_SUCCESS)
		*st = tracee_write_iosb(c->thread, c->args[4], LSW_STATUS_SUCCESS, 0);
	return true;
}

static void retry_waiters(struct host_files *hf)
{
	for (struct lock_waiter **w = &hf->lock_waiters; *w;) {
		struct lock_waiter *cur = *w;
		NTSTATUS st;

		if (cur->thread->process->terminated) {
			st = 0;
		} else if (try_grant(&cur->thread->call, &st)) {
			nt_answer(cur->thread, st);
		} else {
			w = &cur->next;
			continue;
		}
		*w = cur->next;
		free(cur);
	}
}

/* The waiter's thread ended or was answered otherwise (nt_cancel). */
static void drop_waiter(struct lsw_thread *t, void *arg)
{
	for (struct lock_waiter **w = &t->process->host->files.lock_waiters; *w; w = &(*w)->next)
		if (*w == arg) {
			*w = (*w)->next;
			free(arg);
			return;
		}
}

/* NtLockFile(FileHandle, Event, ApcRoutine, ApcContext, IoStatusBlock,
 *            ByteOffset, Length, Key, FailImmediately, ExclusiveLock) */
NTSTATUS nt_NtLockFile(struct nt_call *c)
{
	struct host_files *hf = &c->thread->process->host->files;
	struct lock_waiter *w;
	NTSTATUS st;

	if (try_grant(c, &st))
		return st;
	w = malloc(sizeof(*w));
	if (!w)
		return LSW_STATUS_NO_MEMORY;
	*w = (struct lock_waiter){ c->thread, hf->lock_waiters };
	hf->lock_waiters = w;
	nt_defer(c, drop_waiter, w);
	return NT_DEFERRED;
}

/* NtUnlockFile(FileHandle, IoStatusBlock, ByteOffset, Length, Key) */
NTSTATUS nt_NtUnlockFile(struct nt_call *c)
{
	struct host_files *hf;
	struct file_object *f;
	int64_t off, len;
	NTSTATUS st;

	if (!(f = get_file(c, c->args[0], &st)))
		return st;
	if (tracee_read(c->thread, c->args[2], &off, 8) < 0 ||
	    tracee_read(c->thread, c->args[3], &len, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	hf = &f->host->files;
	for (size_t i = 0; i < hf->nlocks; i++) {
		struct byte_lock *l = &hf->locks[i];

		if (l->owner == f && l->off == (uint64_t)off && l->len == (uint64_t)len &&
		    l->key == (uint32_t)c->args[4]) {
			*l = hf->locks[--hf->nlocks];
			retry_waiters(hf);
			return tracee_write_iosb(c->thread, c->args[1], LSW_STATUS_SUCCESS, 0);
		}
	}
	return STATUS_RANGE_NOT_LOCKED;
}

void lock_release_all(const struct file_object *f)
{
	struct host_files *hf = &f->host->files;
	bool any = false;

	for (size_t i = 0; i < hf->nlocks;) {
		if (hf->locks[i].owner == f) {
			hf->locks[i] = hf->locks[--hf->nlocks];
			any = true;
		} else {
			i++;
		}
	}
	if (any)
		retry_waiters(hf);
}
