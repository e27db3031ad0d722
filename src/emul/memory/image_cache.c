/*
 * Image layouts kept for the next section of the same file.  Laying a PE
 * out (reading it into a sealed memfd) is most of what starting a program
 * costs the supervisor; lswhost, which serves run after run of the same
 * ntdll, kernel32 and program, keeps the layouts it made.  A layout is
 * sealed, so sharing it between processes and jobs shares nothing
 * writable.  An entry is the file's identity (device, inode, size,
 * modification and change times): a file written since has a new change
 * time and is laid out afresh.  Whether a job may read the file was
 * checked when it opened it; the cache is asked only with that fd.
 */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "emul/memory/image_cache.h"

struct image_layout {
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime, ctime;
	struct pe_image pe;
	int fd;                  /* the sealed layout, read-only */
	uint64_t last_use;
};

static struct image_layout *layouts;
static unsigned capacity, count;
static uint64_t max_bytes, bytes, uses;

void image_cache_enable(unsigned entries, uint64_t total_bytes)
{
	struct image_layout *l = calloc(entries, sizeof(*l));

	if (!l || !entries) {
		free(l);
		return;
	}
	image_cache_clear();
	free(layouts);
	layouts = l;
	capacity = entries;
	max_bytes = total_bytes;
}

static bool same_time(struct timespec a, struct timespec b)
{
	return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

static bool same_file(const struct image_layout *l, const struct stat *st)
{
	return l->dev == st->st_dev && l->ino == st->st_ino && l->size == st->st_size &&
	       same_time(l->mtime, st->st_mtim) && same_time(l->ctime, st->st_ctim);
}

static void drop(unsigned i)
{
	close(layouts[i].fd);
	bytes -= layouts[i].pe.image_span;
	layouts[i] = layouts[--count];
}

int image_cache_get(const struct stat *st, struct pe_image *pe)
{
	for (unsigned i = 0; i < count; i++) {
		struct image_layout *l = &layouts[i];
		int fd;

		if (l->dev != st->st_dev || l->ino != st->st_ino)
			continue;
		if (!same_file(l, st)) { /* the file changed: its layout is stale */
			drop(i);
			return -1;
		}
		if ((fd = fcntl(l->fd, F_DUPFD_CLOEXEC, 0)) < 0)
			return -1;
		l->last_use = ++uses;
		*pe = l->pe;
		return fd;
	}
	return -1;
}

/* The least recently used entry. */
static unsigned oldest(void)
{
	unsigned o = 0;

	for (unsigned i = 1; i < count; i++)
		if (layouts[i].last_use < layouts[o].last_use)
			o = i;
	return o;
}

void image_cache_put(const struct stat *st, const struct pe_image *pe, int fd)
{
	struct image_layout *l;
	int mine;

	char path[40];

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	if (!capacity || pe->image_span > max_bytes ||
	    (mine = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return;
	while (count && (count == capacity || bytes + pe->image_span > max_bytes))
		drop(oldest());
	l = &layouts[count++];
	*l = (struct image_layout){ st->st_dev, st->st_ino, st->st_size, st->st_mtim,
				    st->st_ctim, *pe, mine, ++uses };
	bytes += pe->image_span;
}

void image_cache_clear(void)
{
	while (count)
		drop(count - 1);
}
