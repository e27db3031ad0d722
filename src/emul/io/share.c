/*
 * Share modes.  Windows checks each new open of a file against every open
 * handle to it: the new access must be shared by all of them, and all their
 * accesses must be shared by the new one.  Only data access (read, write,
 * append, execute) and DELETE count: an open without them is neither checked
 * nor recorded, whatever its share mode (as IoCheckShareAccess does).
 */
#include <stdlib.h>
#include "emul/io/share.h"
#include "emul/io/file.h"
#include "emul/io/file_access.h"

#define FILE_SHARE_READ 1
#define FILE_SHARE_WRITE 2
#define FILE_SHARE_DELETE 4

struct open_file {
	dev_t dev;
	ino_t ino;
	uint32_t access, share;
	const struct file_object *owner;
};

/* The share bits an access needs from the other handles. */
static uint32_t needs(uint32_t access)
{
	return ((access & (FILE_READ_DATA | FILE_EXECUTE)) ? FILE_SHARE_READ : 0) |
	       ((access & (FILE_WRITE_DATA | FILE_APPEND_DATA)) ? FILE_SHARE_WRITE : 0) |
	       ((access & DELETE_ACCESS) ? FILE_SHARE_DELETE : 0);
}

NTSTATUS share_check(const struct lsw_host *h, dev_t dev, ino_t ino, uint32_t access,
		     uint32_t share)
{
	if (!needs(access))
		return LSW_STATUS_SUCCESS;
	for (size_t i = 0; i < h->files.nopens; i++) {
		const struct open_file *o = &h->files.opens[i];

		if (o->dev != dev || o->ino != ino)
			continue;
		if ((needs(access) & ~o->share) || (needs(o->access) & ~share))
			return LSW_STATUS_SHARING_VIOLATION;
	}
	return LSW_STATUS_SUCCESS;
}

int share_record(struct file_object *f, dev_t dev, ino_t ino, uint32_t access, uint32_t share)
{
	struct host_files *hf = &f->host->files;

	if (!needs(access))
		return 0;
	if (hf->nopens == hf->capopens) {
		size_t cap = hf->capopens ? hf->capopens * 2 : 64;
		struct open_file *n = realloc(hf->opens, cap * sizeof(*n));

		if (!n)
			return -1;
		hf->opens = n;
		hf->capopens = cap;
	}
	hf->opens[hf->nopens++] = (struct open_file){ dev, ino, access, share & 7, f };
	return 0;
}

void share_forget(struct file_object *f)
{
	struct host_files *hf = &f->host->files;

	for (size_t i = 0; i < hf->nopens; i++)
		if (hf->opens[i].owner == f) {
			hf->opens[i] = hf->opens[--hf->nopens];
			return;
		}
}
