/* Host stat -> FILE_NETWORK_OPEN_INFORMATION (see file_attrs.h). */
#include <string.h>
#include <sys/xattr.h>
#include "emul/io/file_attrs.h"

#define EPOCH_1601_TO_1970 116444736000000000ull

uint64_t filetime(const struct timespec *ts)
{
	return EPOCH_1601_TO_1970 + (uint64_t)ts->tv_sec * 10000000ull +
	       (uint64_t)ts->tv_nsec / 100;
}

void describe_stat(const struct stat *st, struct net_open_info *o)
{
	memset(o, 0, sizeof(*o));
	o->creation = filetime(&st->st_mtim);
	o->access = filetime(&st->st_atim);
	o->write = filetime(&st->st_mtim);
	o->change = filetime(&st->st_ctim);
	o->allocation = (uint64_t)st->st_blocks * 512;
	o->end_of_file = S_ISDIR(st->st_mode) ? 0 : (uint64_t)st->st_size;
	o->attributes = S_ISDIR(st->st_mode) ? FILE_ATTRIBUTE_DIRECTORY : FILE_ATTRIBUTE_ARCHIVE;
	if (!(st->st_mode & 0222))
		o->attributes |= FILE_ATTRIBUTE_READONLY;
}

/* HIDDEN, SYSTEM, ARCHIVE, TEMPORARY, OFFLINE, NOT_CONTENT_INDEXED */
#define DOS_XATTR_BITS 0x3126u

void dos_attrs_apply(struct net_open_info *o, int fd, const char *path)
{
	uint32_t stored;
	ssize_t n = fd >= 0 ? fgetxattr(fd, DOS_XATTR, &stored, sizeof(stored))
			    : getxattr(path, DOS_XATTR, &stored, sizeof(stored));

	if (n != sizeof(stored))
		return; /* nothing stored (or no xattrs here): the defaults stand */
	o->attributes = (o->attributes & ~DOS_XATTR_BITS) | (stored & DOS_XATTR_BITS);
	if (!o->attributes)
		o->attributes = FILE_ATTRIBUTE_NORMAL; /* what "no attributes" reads as */
}

int dos_attrs_store(int fd, uint32_t attrs)
{
	uint32_t v = attrs & DOS_XATTR_BITS;

	return fsetxattr(fd, DOS_XATTR, &v, sizeof(v), 0);
}
