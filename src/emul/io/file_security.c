/*
 * Files' security descriptors.  NTFS keeps one with each file; the host's
 * file system has no place for one, so the supervisor keeps those asked
 * for or set in memory, one per file (its device, inode and birth time,
 * so that a file made later on a freed inode is another), seen through
 * every handle and every process until the supervisor ends.  At most
 * FILE_SD_MAX files are kept; past that a file's handles keep one each.
 * A named pipe's ends share their pipe's (pipe_named_security.c).
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "emul/io/file.h"
#include "emul/io/pipe_named.h"

#define FILE_SD_MAX 4096

struct file_sd {
	struct file_sd *next;
	uint64_t dev, ino;
	int64_t birth_sec;           /* 0 where the file system keeps none */
	uint32_t birth_nsec;
	struct object_sd sd;
};

static struct file_sd *kept;
static unsigned nkept;

/* The file's identity; false when it cannot be had. */
static bool identity(int fd, struct file_sd *id)
{
	struct statx st;

	if (statx(fd, "", AT_EMPTY_PATH, STATX_INO | STATX_BTIME, &st) < 0)
		return false;
	id->dev = (uint64_t)st.stx_dev_major << 32 | st.stx_dev_minor;
	id->ino = st.stx_ino;
	id->birth_sec = (st.stx_mask & STATX_BTIME) ? st.stx_btime.tv_sec : 0;
	id->birth_nsec = (st.stx_mask & STATX_BTIME) ? st.stx_btime.tv_nsec : 0;
	return true;
}

static struct object_sd *kept_sd(int fd)
{
	struct file_sd id = { 0 }, *e; /* copied whole into the new entry: no descriptor yet */

	if (!identity(fd, &id))
		return NULL;
	for (e = kept; e; e = e->next)
		if (e->dev == id.dev && e->ino == id.ino && e->birth_sec == id.birth_sec &&
		    e->birth_nsec == id.birth_nsec)
			return &e->sd;
	if (nkept >= FILE_SD_MAX || !(e = calloc(1, sizeof(*e))))
		return NULL;
	*e = id;
	e->next = kept;
	kept = e;
	nkept++;
	return &e->sd;
}

struct object_sd *file_security(struct nt_object *obj, NTSTATUS *st)
{
	struct file_object *f = (struct file_object *)obj;
	struct object_sd *sd;

	if (f->kind == FILE_KIND_PIPE && f->np)
		return np_security_of(f, st);
	if ((f->kind == FILE_KIND_DISK || f->kind == FILE_KIND_DIR) && f->fd >= 0 &&
	    (sd = kept_sd(f->fd)))
		return sd;
	return &obj->sd;
}
