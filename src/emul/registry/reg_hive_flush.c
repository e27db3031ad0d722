/*
 * Writing a hive: its changes since the last flush go to PATH.journal as
 * one frame (appended, fdatasync), so a flush costs what changed.  Now and
 * then the journal is compacted into PATH: when it has grown to half of
 * PATH (at least 64 KiB), when PATH does not exist yet, and at the end of
 * a run for a hive of at most 1 MiB, so that a small hive's file alone
 * holds it.  Compacting writes PATH.tmp, fsyncs it, renames it over PATH,
 * fsyncs the directory and only then removes the journal: a crash at any
 * moment leaves the old PATH with its journal, or the new PATH (with the
 * old journal, which names the old PATH and so is ignored).
 *
 * Everything happens under an flock on PATH.lock.  If the files are not
 * the ones we last read or wrote (another lsw appended or compacted), we
 * load them afresh, replay our changes on that, write, and bring our own
 * tree in line with it (reg_hive_merge.c), so both sides' changes survive.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/registry/reg_internal.h"

#define COMPACT_MIN (64u << 10)  /* a journal smaller than this is never compacted */
#define SMALL_HIVE (1u << 20)    /* compacted at the end of a run */

/* A FILE that writes to fd and hashes what it writes (the journal names
 * the file it applies to by that hash). */
struct hashing_out {
	int fd;
	struct reg_hash hash;
};

static ssize_t hashing_write(void *cookie, const char *buf, size_t n)
{
	struct hashing_out *o = cookie;
	size_t done = 0;

	while (done < n) {
		ssize_t w = write(o->fd, buf + done, n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		done += (size_t)w;
	}
	reg_hash_add(&o->hash, buf, n);
	return (ssize_t)n;
}

/* src's tree into tmp (fsynced); *hash: the hash of its bytes. */
static int write_tmp(const struct reg_hive *src, const char *tmp, uint64_t *hash)
{
	struct hashing_out o;
	cookie_io_functions_t io = { .write = hashing_write };
	FILE *f;
	int r = -1;

	reg_hash_init(&o.hash);
	o.fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (o.fd < 0)
		return -1;
	if ((f = fopencookie(&o, "w", io))) {
		r = reg_export(f, src->root, src->root_label) < 0 ? -1 : 0;
		if (fclose(f) != 0)
			r = -1;
	}
	if (r == 0 && fsync(o.fd) < 0)
		r = -1;
	close(o.fd);
	*hash = reg_hash_end(&o.hash);
	return r;
}

static void sync_dir_of(const char *path)
{
	char *dir = strdup(path), *slash = dir ? strrchr(dir, '/') : NULL;
	int fd;

	if (slash)
		*(slash == dir ? slash + 1 : slash) = 0;
	fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Writes src's whole tree to its PATH (PATH.tmp, fsync, rename, fsync of
 * the directory), then removes the journal, whose changes it now holds.
 * Only the holder of PATH.lock writes, so one temporary name is enough,
 * and a writer killed halfway leaves one PATH.tmp that the next replaces. */
static int compact(struct reg_hive *src, const char *journal, char *err, size_t errlen)
{
	size_t n = strlen(src->path) + 8;
	char *tmp = malloc(n);
	struct stat st;
	uint64_t hash;

	if (!tmp) {
		snprintf(err, errlen, "%s: out of memory", src->path);
		return -1;
	}
	snprintf(tmp, n, "%s.tmp", src->path);
	if (write_tmp(src, tmp, &hash) < 0 || rename(tmp, src->path) < 0) {
		snprintf(err, errlen, "%s: cannot write: %s", tmp, strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	sync_dir_of(src->path);
	unlink(journal); /* if it stays (a crash), it names the old file: ignored */
	reg_files_from_stat(&src->files, stat(src->path, &st) == 0 ? &st : NULL);
	src->files.hash = hash;
	src->files.journal_end = 0;
	return 0;
}

/* Appends h's changes to the journal of the files disk describes (h, or
 * a fresh load of them), starting the journal if there is none for them. */
static int append(struct reg_hive *h, struct reg_hive *disk, const char *journal, char *err,
		  size_t errlen)
{
	uint64_t end = disk->files.journal_end;
	bool created = false;
	int fd = open(journal, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644), r = 0;

	if (fd >= 0)
		created = true;
	else if (errno == EEXIST)
		fd = open(journal, O_RDWR | O_CLOEXEC);
	if (fd < 0 || (!end && reg_journal_file_start(fd, disk->files.size, disk->files.hash, &end) < 0) ||
	    reg_journal_file_append(fd, h->journal, &end) < 0)
		r = -1;
	if (r < 0)
		snprintf(err, errlen, "%s: cannot write: %s", journal, strerror(errno));
	if (fd >= 0)
		close(fd);
	if (r == 0 && created)
		sync_dir_of(journal); /* the new name must outlive a crash too */
	if (r == 0)
		disk->files.journal_end = end;
	return r;
}

/* Are the files others than the ones we last read or wrote? */
static bool files_changed(const struct reg_hive *h, const char *journal)
{
	struct reg_files now = { 0 };
	struct stat st;
	bool exists = stat(h->path, &st) == 0;
	uint64_t journal_size;

	reg_files_from_stat(&now, exists ? &st : NULL);
	if (now.dev != h->files.dev || now.ino != h->files.ino || now.size != h->files.size ||
	    now.mtime_ns != h->files.mtime_ns)
		return true;
	journal_size = stat(journal, &st) == 0 ? (uint64_t)st.st_size : 0;
	return journal_size != h->files.journal_end; /* appended to, cut, or left stale */
}

/* The files loaded afresh with h's changes replayed on them. */
static struct reg_hive *fresh_with_ours(struct reg_hive *h, const char *journal, char *err,
					size_t errlen)
{
	struct reg_hive *fresh = reg_hive_load_unlocked(h->path, journal, h->root_label, err,
							errlen);

	if (!fresh)
		return NULL;
	/* both sides' changes are kept, whatever their size; fresh is only
	 * written whole or merged, never flushed, so it records nothing */
	fresh->unbounded = true;
	reg_journal_pause(fresh, true);
	if (reg_journal_replay(h->journal, fresh) < 0) {
		snprintf(err, errlen, "%s: merging with the file: out of memory", h->path);
		reg_hive_free(fresh);
		return NULL;
	}
	fresh->unbounded = false;
	return fresh;
}

static bool compact_due(const struct reg_hive *h, bool final)
{
	uint64_t threshold = h->files.size / 2 > COMPACT_MIN ? h->files.size / 2 : COMPACT_MIN;

	if (!h->files.journal_end)
		return false;
	return h->files.journal_end >= threshold ||
	       (final && h->files.size + h->files.journal_end <= SMALL_HIVE);
}

/* Under the lock: h's changes into the files; h then matches them. */
static int write_locked(struct reg_hive *h, bool final, const char *journal, char *err,
			size_t errlen)
{
	struct reg_hive *fresh = NULL, *disk;
	int ret = 0;

	if (files_changed(h, journal) && !(fresh = fresh_with_ours(h, journal, err, errlen)))
		return -1;
	disk = fresh ? fresh : h;
	if (!disk->files.ino ? compact(disk, journal, err, errlen) < 0 /* no file yet */
			    : h->journal->head && append(h, disk, journal, err, errlen) < 0) {
		reg_hive_free(fresh);
		return -1;
	}
	reg_journal_clear(h->journal);
	h->dirty = false;
	if (fresh) {
		h->files = fresh->files;
		if (reg_hive_merge(h, fresh) < 0) {
			/* the files are right but our tree is not: make the next
			 * flush reload them rather than add to them from a stale view */
			h->files.ino = UINT64_MAX;
			snprintf(err, errlen, "%s: out of memory merging the file", h->path);
			ret = -1;
		}
		reg_hive_free(fresh);
	}
	/* a failure here loses nothing: the journal holds the changes */
	if (ret == 0 && compact_due(h, final))
		ret = compact(h, journal, err, errlen);
	return ret;
}

/* take_in: also when h has nothing to write, so another writer's change
 * to the files comes into h. */
static int flush(struct reg_hive *h, bool final, bool take_in, char *err, size_t errlen)
{
	char *journal;
	int lock, ret;

	if (!h->path || (!h->dirty && !compact_due(h, final) && !take_in))
		return 0;
	if (!(journal = reg_hive_journal_name(h->path))) {
		snprintf(err, errlen, "%s: out of memory", h->path);
		return -1;
	}
	lock = reg_hive_lock(h->path, LOCK_EX, true, err, errlen);
	ret = lock < 0 ? -1 : write_locked(h, final, journal, err, errlen);
	if (lock >= 0)
		close(lock);
	free(journal);
	return ret;
}

int reg_hive_flush(struct reg_hive *h, char *err, size_t errlen)
{
	return flush(h, false, false, err, errlen);
}

int reg_hive_flush_final(struct reg_hive *h, char *err, size_t errlen)
{
	return flush(h, true, false, err, errlen);
}

int reg_hive_sync(struct reg_hive *h, char *err, size_t errlen)
{
	return flush(h, false, true, err, errlen);
}
