/* Host stat -> FILE_NETWORK_OPEN_INFORMATION (see file_attrs.h). */
#include <string.h>
#include "emul/file_attrs.h"

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
