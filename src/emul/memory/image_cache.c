/*
 * One image layout per file: every image section of the same unchanged
 * file shares one sealed memfd (sealed, so no view can change what the
 * others see), as Windows shares an image's pages between all sections
 * and processes.  The file is known by device, inode, size and change
 * times; a changed file gets a new layout.  The cache keeps the few most
 * recently used layouts open.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/memory/image_cache.h"

#define CACHE_SLOTS 32

struct image_key {
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime, ctime;
};

static struct cached_layout {
	struct image_key key;
	int fd;                 /* -1: empty */
	uint64_t used;          /* a use counter value: the smallest goes first */
} cache[CACHE_SLOTS];
static uint64_t uses;
static bool cache_ready;

static void cache_init(void)
{
	for (int i = 0; i < CACHE_SLOTS; i++)
		cache[i].fd = -1;
	cache_ready = true;
}

static bool key_of(int file_fd, struct image_key *k)
{
	struct stat st;

	if (fstat(file_fd, &st) < 0)
		return false;
	memset(k, 0, sizeof(*k));
	k->dev = st.st_dev;
	k->ino = st.st_ino;
	k->size = st.st_size;
	k->mtime = st.st_mtim;
	k->ctime = st.st_ctim;
	return true;
}

static bool same_key(const struct image_key *a, const struct image_key *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
	       a->mtime.tv_sec == b->mtime.tv_sec && a->mtime.tv_nsec == b->mtime.tv_nsec &&
	       a->ctime.tv_sec == b->ctime.tv_sec && a->ctime.tv_nsec == b->ctime.tv_nsec;
}

int image_cache_get(int file_fd)
{
	struct image_key k;

	if (!cache_ready)
		cache_init();
	if (!key_of(file_fd, &k))
		return -1;
	for (int i = 0; i < CACHE_SLOTS; i++)
		if (cache[i].fd >= 0 && same_key(&cache[i].key, &k)) {
			cache[i].used = ++uses;
			return dup(cache[i].fd);
		}
	return -1;
}

void image_cache_put(int file_fd, int layout_fd)
{
	struct image_key k;
	int victim = 0;

	if (!cache_ready)
		cache_init();
	if (!key_of(file_fd, &k))
		return;
	for (int i = 1; i < CACHE_SLOTS; i++)
		if (cache[i].fd < 0 || (cache[victim].fd >= 0 && cache[i].used < cache[victim].used))
			victim = i;
	if (cache[victim].fd >= 0)
		close(cache[victim].fd);
	cache[victim].key = k;
	cache[victim].fd = dup(layout_fd);
	cache[victim].used = ++uses;
}
