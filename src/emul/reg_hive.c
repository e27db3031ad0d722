/*
 * Hives and their files.  A hive file is a .reg text naming its root by
 * the hive's root_label.  Flushing is crash-safe (temporary file, fsync,
 * rename, fsync of the directory) and merges: under an flock on
 * PATH.lock, if the file is not the one we last read or wrote, another lsw
 * wrote it, so we load it fresh, replay our journal on it, write that, and
 * bring our own tree in line with it (reg_hive_merge.c) so both sides'
 * changes survive.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/reg_internal.h"

/* root_label is kept as given: it must outlive the hive (a literal). */
static struct reg_hive *hive_alloc(const char *path, const char *root_label)
{
	struct reg_hive *h = calloc(1, sizeof(*h));
	static const uint16_t none[1];

	if (!h)
		return NULL;
	h->root_label = root_label;
	h->root = reg_key_alloc(h, none, 0, NULL, 0);
	if (path) {
		h->path = strdup(path);
		h->journal = reg_journal_new();
	}
	if (!h->root || (path && (!h->path || !h->journal))) {
		if (h->root)
			reg_key_unref(h->root);
		free(h->path);
		reg_journal_free(h->journal);
		free(h);
		return NULL;
	}
	return h;
}

struct reg_hive *reg_hive_new_volatile(const char *root_label)
{
	return hive_alloc(NULL, root_label);
}

void reg_hive_free(struct reg_hive *h)
{
	if (!h)
		return;
	reg_key_drop_tree(h->root, true);
	reg_journal_free(h->journal);
	free(h->path);
	free(h);
}

static void set_identity(struct reg_hive *h, const struct stat *st)
{
	h->file_dev = st ? (uint64_t)st->st_dev : 0;
	h->file_ino = st ? (uint64_t)st->st_ino : 0;
	h->file_size = st ? (uint64_t)st->st_size : 0;
	h->file_mtime_ns = st ? (uint64_t)st->st_mtim.tv_sec * 1000000000ull +
				(uint64_t)st->st_mtim.tv_nsec : 0;
}

/* Has the file changed since we last read or wrote it? */
static bool file_changed(const struct reg_hive *h, const struct stat *st)
{
	struct reg_hive now;

	set_identity(&now, st);
	return now.file_dev != h->file_dev || now.file_ino != h->file_ino ||
	       now.file_size != h->file_size || now.file_mtime_ns != h->file_mtime_ns;
}

static struct reg_key *own_root(void *arg, const char *root_name)
{
	struct reg_hive *h = arg;

	return !strcasecmp(root_name, h->root_label) ? h->root : NULL;
}

static char *read_all(int fd, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap);

	while (buf) {
		ssize_t r;

		if (n == cap) {
			char *b = realloc(buf, cap * 2);

			if (!b)
				break;
			buf = b;
			cap *= 2;
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		if (r == 0) {
			*len = n;
			return buf;
		}
		n += (size_t)r;
	}
	free(buf);
	return NULL;
}

struct reg_hive *reg_hive_load(const char *path, const char *root_label, char *err,
			       size_t errlen)
{
	struct reg_hive *h = hive_alloc(path, root_label);
	struct stat st;
	size_t len = 0;
	char *text;
	int fd, r;

	if (!h) {
		snprintf(err, errlen, "%s: out of memory", path);
		return NULL;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT)
		return h;
	if (fd < 0 || fstat(fd, &st) < 0 || !(text = read_all(fd, &len))) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		reg_hive_free(h);
		return NULL;
	}
	close(fd);
	set_identity(h, &st);
	reg_journal_pause(h, true);
	r = len ? reg_import(text, len, path, own_root, h, err, errlen) : 0;
	reg_journal_pause(h, false);
	free(text);
	if (r < 0) {
		reg_hive_free(h);
		return NULL;
	}
	h->dirty = false;
	return h;
}

/* Writes src's tree to h->path: PATH.tmp, fsync, rename, fsync dir.  Only
 * the holder of PATH.lock writes, so one temporary name is enough, and a
 * writer killed halfway leaves one PATH.tmp that the next write replaces
 * (never a pile of them). */
static int write_file(const struct reg_hive *src, const char *path, char *err, size_t errlen)
{
	size_t plen = strlen(path);
	char *tmp = malloc(plen + 32), *dir = strdup(path), *slash;
	FILE *f = NULL;
	int fd = -1, dfd, ret = -1;

	if (!tmp || !dir) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto out;
	}
	snprintf(tmp, plen + 32, "%s.tmp", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || !(f = fdopen(fd, "wb"))) {
		snprintf(err, errlen, "%s: cannot write: %s", tmp, strerror(errno));
		goto out;
	}
	fd = -1;
	if (reg_export(f, src->root, src->root_label) < 0 || fflush(f) || fsync(fileno(f))) {
		snprintf(err, errlen, "%s: cannot write: %s", tmp, strerror(errno));
		goto out;
	}
	if (fclose(f)) {
		f = NULL;
		snprintf(err, errlen, "%s: cannot write: %s", tmp, strerror(errno));
		goto out;
	}
	f = NULL;
	if (rename(tmp, path) < 0) {
		snprintf(err, errlen, "%s: cannot replace: %s", path, strerror(errno));
		goto out;
	}
	slash = strrchr(dir, '/');
	if (slash)
		*(slash == dir ? slash + 1 : slash) = 0;
	dfd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	ret = 0;
out:
	if (f)
		fclose(f);
	if (fd >= 0)
		close(fd);
	if (ret < 0 && tmp)
		unlink(tmp);
	free(tmp);
	free(dir);
	return ret;
}

static int lock_file(const char *path, char *err, size_t errlen)
{
	size_t n = strlen(path) + 8;
	char *lock = malloc(n);
	int fd;

	if (!lock) {
		snprintf(err, errlen, "%s: out of memory", path);
		return -1;
	}
	snprintf(lock, n, "%s.lock", path);
	fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	while (fd >= 0 && flock(fd, LOCK_EX) < 0) {
		if (errno != EINTR) {
			close(fd);
			fd = -1;
		}
	}
	if (fd < 0)
		snprintf(err, errlen, "%s: cannot lock: %s", lock, strerror(errno));
	free(lock);
	return fd;
}

/* Under the lock: the tree to write, h's own or a fresh load of the file
 * with h's journal replayed on it (*fresh). */
static int merged_source(struct reg_hive *h, struct reg_hive **fresh, char *err, size_t errlen)
{
	struct stat st;
	bool exists = stat(h->path, &st) == 0;

	*fresh = NULL;
	if (!exists && errno != ENOENT) {
		snprintf(err, errlen, "%s: %s", h->path, strerror(errno));
		return -1;
	}
	if (!file_changed(h, exists ? &st : NULL))
		return 0;
	*fresh = reg_hive_load(h->path, h->root_label, err, errlen);
	if (!*fresh)
		return -1;
	if (reg_journal_replay(h->journal, *fresh) < 0) {
		snprintf(err, errlen, "%s: merging with the file: out of memory or room",
			 h->path);
		reg_hive_free(*fresh);
		*fresh = NULL;
		return -1;
	}
	return 0;
}

int reg_hive_flush(struct reg_hive *h, char *err, size_t errlen)
{
	struct reg_hive *fresh;
	struct stat st;
	int lock, ret = -1;

	if (!h->dirty || !h->path)
		return 0;
	lock = lock_file(h->path, err, errlen);
	if (lock < 0)
		return -1;
	if (merged_source(h, &fresh, err, errlen) < 0)
		goto out;
	if (write_file(fresh ? fresh : h, h->path, err, errlen) < 0)
		goto out;
	set_identity(h, stat(h->path, &st) == 0 ? &st : NULL);
	reg_journal_clear(h->journal);
	h->dirty = false;
	ret = 0;
	if (fresh && reg_hive_merge(h, fresh) < 0) {
		/* the file is right but our tree is not: make the next flush
		 * reload it rather than overwrite it with our stale view */
		h->file_ino = UINT64_MAX;
		snprintf(err, errlen, "%s: out of memory merging the file", h->path);
		ret = -1;
	}
out:
	reg_hive_free(fresh);
	close(lock);
	return ret;
}
