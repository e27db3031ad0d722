/*
 * NtNotifyChangeDirectoryFile(Ex): the calls.  A call that finds changes
 * collected ends at once; otherwise it waits in the handle's list (a
 * synchronous handle's caller waits in its call) until the next change,
 * a cancel (STATUS_CANCELLED) or the handle's close
 * (STATUS_NOTIFY_CLEANUP).  When it ends, its Buffer gets the records,
 * its IO_STATUS_BLOCK the status and size, and its event (or, without
 * one, the directory handle itself), completion port or APC is told.
 * Changes that do not fit the caller's Length (or a Length of 0) end the
 * call with STATUS_NOTIFY_ENUM_DIR: the program must list the directory.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/io/dir_notify.h"
#include "emul/io/file_access.h"
#include "emul/io/pending_io.h"
#define FILE_NOTIFY_VALID_MASK 0xfffu
#define RECORD_HEADER 12u            /* NextEntryOffset, Action, FileNameLength */
#define DirectoryNotifyInformation 1u
#define REQS_MAX 256                 /* calls waiting on one handle */
/* Watched handles per host: each takes an inotify instance, which the
 * kernel counts per user (fs.inotify.max_user_instances, 128 by
 * default): a program must not use up the user's other programs' share. */
#define WATCHES_MAX 32

struct notify_req {
	struct notify_req *next;
	struct pending_io io;
	uint64_t buf;
	uint32_t len;
};

static uint32_t record_size(const struct dir_change *ch)
{
	return RECORD_HEADER + ch->len * 2;
}

static uint32_t aligned(uint32_t n)
{
	return (n + 3) & ~3u;
}

static void drop_changes(struct dir_notify *n)
{
	while (n->first) {
		struct dir_change *ch = n->first;

		n->first = ch->next;
		free(ch);
	}
	n->last = n->moved_from = NULL;
	n->collected = 0;
	n->overflow = false;
}

/* The collected changes as FILE_NOTIFY_INFORMATION records in *out
 * (malloc'd, *size bytes); STATUS_NOTIFY_ENUM_DIR when they do not fit
 * len.  Takes them either way. */
static NTSTATUS take_changes(struct dir_notify *n, uint32_t len, uint8_t **out, uint32_t *size)
{
	uint32_t total = 0, at = 0;
	uint8_t *buf;

	*out = NULL;
	*size = 0;
	for (struct dir_change *ch = n->first; ch; ch = ch->next)
		total = aligned(total) + record_size(ch);
	if (n->overflow || total > len || total > n->limit || !(buf = calloc(1, total ? total : 1))) {
		drop_changes(n);
		return LSW_STATUS_NOTIFY_ENUM_DIR;
	}
	for (struct dir_change *ch = n->first; ch; ch = ch->next) {
		uint32_t next = ch->next ? aligned(record_size(ch)) : 0;
		uint32_t bytes = ch->len * 2;

		memcpy(buf + at, &next, 4);
		memcpy(buf + at + 4, &ch->action, 4);
		memcpy(buf + at + 8, &bytes, 4);
		memcpy(buf + at + RECORD_HEADER, ch->name, bytes);
		at += next;
	}
	drop_changes(n);
	*out = buf;
	*size = total;
	return LSW_STATUS_SUCCESS;
}

/* Ends r (already out of its list): its buffer, then whom the call named,
 * or the handle itself when it named no event. */
static void finish(struct dir_notify *n, struct notify_req *r, NTSTATUS st, const uint8_t *recs,
		   uint32_t size)
{
	struct lsw_thread *t = pending_io_thread(&r->io);

	if (t && size && tracee_write(t, r->buf, recs, size) < 0) {
		st = LSW_STATUS_NOTIFY_ENUM_DIR; /* the buffer went away */
		size = 0;
	}
	if (!pending_io_finish(&r->io, st, size) && n) {
		n->signaled = true;
		waitable_wake(&n->file->hdr);
	}
	free(r);
}

void dir_notify_deliver(struct dir_notify *n)
{
	struct notify_req *r = n->reqs;
	uint8_t *recs;
	uint32_t size;
	NTSTATUS st;

	if (!r || (!n->first && !n->overflow && !n->deleted))
		return;
	n->reqs = r->next;
	st = take_changes(n, r->len, &recs, &size);
	if (n->deleted && st == (NTSTATUS)LSW_STATUS_SUCCESS && !size)
		st = LSW_STATUS_DELETE_PENDING;
	finish(n, r, st, recs, size);
	free(recs);
}

static void unlink_req(struct dir_notify *n, struct notify_req *r)
{
	for (struct notify_req **p = &n->reqs; *p; p = &(*p)->next)
		if (*p == r) {
			*p = r->next;
			return;
		}
}

/* A synchronous caller ended some other way (nt_cancel). */
static void drop_waiter(struct lsw_thread *t, void *arg)
{
	struct notify_req *r = arg;
	struct file_object *f;

	for (f = file_first_live(t->process->host); f; f = f->live_next)
		if (f->notify)
			unlink_req(f->notify, r);
	pending_io_release(&r->io);
	free(r);
}

unsigned dir_notify_cancel(struct file_object *f, uint32_t tid, uint64_t iosb)
{
	struct dir_notify *n = f->notify;
	struct notify_req **p = n ? &n->reqs : NULL;
	unsigned count = 0;

	while (p && *p) {
		struct notify_req *r = *p;

		if ((tid && r->io.tid != tid) || (iosb && r->io.iosb != iosb)) {
			p = &r->next;
			continue;
		}
		*p = r->next;
		finish(n, r, LSW_STATUS_CANCELLED, NULL, 0);
		count++;
	}
	return count;
}

void dir_notify_free(struct dir_notify *n)
{
	if (!n)
		return;
	while (n->reqs) {
		struct notify_req *r = n->reqs;

		n->reqs = r->next;
		finish(NULL, r, LSW_STATUS_NOTIFY_CLEANUP, NULL, 0);
	}
	for (struct dir_notify **p = &n->file->host->files.notifies; *p; p = &(*p)->next)
		if (*p == n) {
			*p = n->next;
			break;
		}
	dir_notify_watch_stop(n);
	drop_changes(n);
	free(n);
}

void dir_notify_drain(struct lsw_host *h)
{
	for (struct dir_notify *n = h->files.notifies; n; n = n->next)
		dir_notify_read(n);
}

static bool notify_signaled(struct nt_object *o, struct lsw_thread *t)
{
	struct file_object *f = (struct file_object *)o;

	(void)t;
	return f->notify && f->notify->signaled;
}

static const struct waitable_ops notify_wait_ops = { notify_signaled, NULL };

struct waitable *dir_notify_waitable(struct file_object *f)
{
	return f->notify ? &f->notify->wait : NULL;
}

/* The handle's watch, started by its first call with that call's filter,
 * WatchTree and Length: as on Windows, what is kept between calls never
 * exceeds that first Length (0: every change means "list it again"). */
static unsigned count_watches(const struct lsw_host *h)
{
	unsigned k = 0;

	for (const struct dir_notify *n = h->files.notifies; n; n = n->next)
		k++;
	return k;
}

static NTSTATUS notify_of(struct nt_call *c, struct file_object *f, uint32_t filter,
			  bool subtree)
{
	struct dir_notify *n;
	NTSTATUS st;

	if (f->notify)
		return LSW_STATUS_SUCCESS;
	if (count_watches(f->host) >= WATCHES_MAX)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (!(n = calloc(1, sizeof(*n))))
		return LSW_STATUS_NO_MEMORY;
	waitable_init(&n->wait, &notify_wait_ops);
	n->file = f;
	n->ifd = -1;
	n->filter = filter;
	n->subtree = subtree;
	n->limit = (uint32_t)c->args[6];
	if ((st = dir_notify_watch_start(n, f->name_utf8)) != LSW_STATUS_SUCCESS) {
		free(n);
		return st;
	}
	n->next = f->host->files.notifies;
	f->host->files.notifies = n;
	f->notify = n;
	return LSW_STATUS_SUCCESS;
}

static struct notify_req *new_req(struct nt_call *c, struct file_object *f)
{
	struct notify_req *r = calloc(1, sizeof(*r));

	if (!r)
		return NULL;
	pending_io_init(&r->io, c, f);
	r->buf = c->args[5];
	r->len = (uint32_t)c->args[6];
	return r;
}

/* The call ends now with what was collected. */
static NTSTATUS answer_now(struct nt_call *c, struct file_object *f, struct dir_notify *n)
{
	uint8_t *recs;
	uint32_t size;
	NTSTATUS st = take_changes(n, (uint32_t)c->args[6], &recs, &size);

	if (size && tracee_write(c->thread, c->args[5], recs, size) < 0)
		st = LSW_STATUS_ACCESS_VIOLATION;
	free(recs);
	if (st == (NTSTATUS)LSW_STATUS_ACCESS_VIOLATION)
		return st;
	tracee_write_iosb(c->thread, c->args[4], st, size);
	if (!c->args[1]) {
		n->signaled = true;
		waitable_wake(&f->hdr);
	}
	return file_io_end(c, f, st, false);
}

static size_t count_reqs(const struct dir_notify *n)
{
	size_t k = 0;

	for (const struct notify_req *r = n->reqs; r; r = r->next)
		k++;
	return k;
}

static NTSTATUS wait_for_change(struct nt_call *c, struct file_object *f, struct dir_notify *n)
{
	struct notify_req *r, **tail = &n->reqs;

	if (count_reqs(n) >= REQS_MAX)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (!(r = new_req(c, f)))
		return LSW_STATUS_NO_MEMORY;
	while (*tail)
		tail = &(*tail)->next;
	*tail = r;
	if (!r->io.waiter)
		return LSW_STATUS_PENDING;
	nt_defer(c, drop_waiter, r);
	return NT_DEFERRED;
}

/* NtNotifyChangeDirectoryFile(FileHandle, Event, ApcRoutine, ApcContext,
 *                             IoStatusBlock, Buffer, Length,
 *                             CompletionFilter, WatchTree) */
NTSTATUS nt_NtNotifyChangeDirectoryFile(struct nt_call *c)
{
	uint32_t filter = (uint32_t)c->args[7];
	struct file_object *f;
	struct dir_notify *n;
	NTSTATUS st;

	if (!c->args[4])
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!filter || (filter & ~FILE_NOTIFY_VALID_MASK))
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(f = get_file(c, c->args[0], &st)))
		return st;
	if (f->kind != FILE_KIND_DIR)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(f->access & FILE_LIST_DIRECTORY))
		return LSW_STATUS_ACCESS_DENIED;
	if ((st = file_io_begin(c, f)) != LSW_STATUS_SUCCESS)
		return st;
	if ((st = notify_of(c, f, filter, (uint8_t)c->args[8] != 0)) != LSW_STATUS_SUCCESS)
		return st;
	n = f->notify;
	n->signaled = false; /* as any I/O on the handle starts */
	dir_notify_read(n);
	if (n->deleted && !n->first && !n->overflow)
		return LSW_STATUS_DELETE_PENDING; /* nothing more will change */
	if (n->first || n->overflow)
		return answer_now(c, f, n);
	return wait_for_change(c, f, n);
}

/* NtNotifyChangeDirectoryFileEx(..., WatchTree,
 * DirectoryNotifyInformationClass): the plain records only. */
NTSTATUS nt_NtNotifyChangeDirectoryFileEx(struct nt_call *c)
{
	if ((uint32_t)c->args[9] != DirectoryNotifyInformation)
		return LSW_STATUS_NOT_SUPPORTED;
	return nt_NtNotifyChangeDirectoryFile(c);
}
