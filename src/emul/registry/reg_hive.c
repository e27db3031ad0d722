/*
 * Hives and their files: PATH (a .reg text naming its root by the hive's
 * root_label) and PATH.journal (the changes since PATH was written, see
 * reg_journal_file.c).  Loading reads PATH, then replays the journal's
 * changes if it was made for this PATH; writing is reg_hive_flush.c's.
 * A load holds PATH.lock shared (when it exists), so it never sees a
 * flush halfway.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/registry/reg_internal.h"

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

void reg_files_from_stat(struct reg_files *f, const struct stat *st)
{
	f->dev = st ? (uint64_t)st->st_dev : 0;
	f->ino = st ? (uint64_t)st->st_ino : 0;
	f->size = st ? (uint64_t)st->st_size : 0;
	f->mtime_ns = st ? (uint64_t)st->st_mtim.tv_sec * 1000000000ull +
			   (uint64_t)st->st_mtim.tv_nsec : 0;
}

int reg_hive_lock(const char *path, int how, bool create, char *err, size_t errlen)
{
	size_t n = strlen(path) + 8;
	char *lock = malloc(n);
	int fd;

	if (!lock) {
		snprintf(err, errlen, "%s: out of memory", path);
		return -1;
	}
	snprintf(lock, n, "%s.lock", path);
	fd = open(lock, O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0644);
	while (fd >= 0 && flock(fd, how) < 0) {
		if (errno != EINTR) {
			close(fd);
			fd = -1;
		}
	}
	if (fd < 0 && create)
		snprintf(err, errlen, "%s: cannot lock: %s", lock, strerror(errno));
	free(lock);
	return fd;
}

char *reg_hive_journal_name(const char *path)
{
	size_t n = strlen(path) + sizeof(".journal");
	char *j = malloc(n);

	if (j)
		snprintf(j, n, "%s.journal", path);
	return j;
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

/* PATH into h (a missing file leaves h empty). */
static int load_file(struct reg_hive *h, char *err, size_t errlen)
{
	struct reg_hash hash;
	struct stat st;
	size_t len = 0;
	char *text = NULL;
	int fd = open(h->path, O_RDONLY | O_CLOEXEC), r;

	if (fd < 0 && errno == ENOENT)
		return 0;
	if (fd >= 0 && fstat(fd, &st) == 0 && (uint64_t)st.st_size > REG_FILE_BYTES_MAX) {
		snprintf(err, errlen, "%s: larger than a hive file may be (%llu MiB)", h->path,
			 REG_FILE_BYTES_MAX >> 20);
		close(fd);
		return -1;
	}
	if (fd < 0 || fstat(fd, &st) < 0 || !(text = read_all(fd, &len))) {
		snprintf(err, errlen, "%s: %s", h->path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	reg_files_from_stat(&h->files, &st);
	reg_hash_init(&hash);
	reg_hash_add(&hash, text, len);
	h->files.hash = reg_hash_end(&hash);
	r = len ? reg_import(text, len, h->path, own_root, h, err, errlen) : 0;
	free(text);
	return r;
}

/* The journal's changes, if it was made for the file just loaded. */
static int load_journal(struct reg_hive *h, const char *journal_path, char *err, size_t errlen)
{
	struct reg_journal j = { .tail = &j.head };
	int r;

	if (!h->files.ino)
		return 0; /* no file: a journal left alone applies to nothing */
	r = reg_journal_file_read(journal_path, h->files.size, h->files.hash, &j, &h->files.journal_end,
				  err, errlen);
	if (r == 0 && reg_journal_replay(&j, h) < 0) {
		snprintf(err, errlen, "%s: out of memory", journal_path);
		r = -1;
	}
	reg_journal_clear(&j);
	return r;
}

struct reg_hive *reg_hive_load_unlocked(const char *path, const char *journal_path,
					const char *root_label, char *err, size_t errlen)
{
	struct reg_hive *h = hive_alloc(path, root_label);
	int r;

	if (!h) {
		snprintf(err, errlen, "%s: out of memory", path);
		return NULL;
	}
	/* the files are taken as they are: the budget is for changes */
	h->unbounded = true;
	reg_journal_pause(h, true);
	r = load_file(h, err, errlen);
	if (r == 0)
		r = load_journal(h, journal_path, err, errlen);
	reg_journal_pause(h, false);
	h->unbounded = false;
	if (r < 0) {
		reg_hive_free(h);
		return NULL;
	}
	reg_links_mark(h->root);
	h->dirty = false;
	return h;
}

struct reg_hive *reg_hive_load_files(const char *path, const char *journal_path,
				     const char *root_label, char *err, size_t errlen)
{
	int lock = reg_hive_lock(path, LOCK_SH, false, err, errlen);
	struct reg_hive *h = reg_hive_load_unlocked(path, journal_path, root_label, err, errlen);

	if (lock >= 0)
		close(lock);
	return h;
}

struct reg_hive *reg_hive_load(const char *path, const char *root_label, char *err,
			       size_t errlen)
{
	char *journal = reg_hive_journal_name(path);
	struct reg_hive *h;

	if (!journal) {
		snprintf(err, errlen, "%s: out of memory", path);
		return NULL;
	}
	h = reg_hive_load_files(path, journal, root_label, err, errlen);
	free(journal);
	return h;
}
