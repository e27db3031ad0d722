/*
 * FILE_OPEN_BY_FILE_ID (OpenFileById): the name is a 64-bit file id and
 * RootDirectory a directory on its volume.  Ids are a keyed permutation
 * of the inode (volume_ids.c), so the inode comes back from the id; the
 * file is then looked for below that directory (the directory itself
 * first), a bounded walk that never follows a link, and opened by the
 * name found, through path_resolve like any other name: an id reaches
 * nothing the directory does not hold.  NTFS finds any file of the
 * volume; lsw finds those below the directory given (the usual case: a
 * listing's FileId, opened with the listed directory).
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/io/file.h"
#include "emul/io/path.h"
#include "emul/io/volume_ids.h"

#define SEARCH_MAX 10000 /* directory entries one open looks at, at most */
#define DEPTH_MAX 32

struct id_search {
	dev_t dev;
	ino_t ino;
	unsigned seen;
	char rel[PATH_MAX];     /* the path below the directory, "/a/b" */
};

/* Appends name to s->rel at at; false when it does not fit. */
static bool rel_set(struct id_search *s, size_t at, const char *name)
{
	size_t n = strlen(name);

	if (at + 1 + n >= sizeof(s->rel))
		return false;
	s->rel[at] = '/';
	memcpy(s->rel + at + 1, name, n + 1);
	return true;
}

/* Looks in dirfd's entries, then below its subdirectories; s->rel names
 * the file found (true).  dirfd stays open. */
static bool search_dir(int dirfd, struct id_search *s, size_t at, int depth)
{
	int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *e;
	struct stat st;
	bool found = false;

	if (!d) {
		if (fd >= 0)
			close(fd);
		return false;
	}
	for (int pass = 0; pass < 2 && !found; pass++, rewinddir(d)) {
		while (!found && s->seen < SEARCH_MAX && (e = readdir(d))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
			    fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
			    !rel_set(s, at, e->d_name))
				continue;
			s->seen += !pass;
			if (!pass) {
				found = st.st_ino == s->ino && st.st_dev == s->dev;
			} else if (S_ISDIR(st.st_mode) && depth < DEPTH_MAX) {
				int sub = openat(dirfd, e->d_name,
						 O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

				if (sub >= 0) {
					found = search_dir(sub, s, strlen(s->rel), depth + 1);
					close(sub);
				}
			}
		}
	}
	closedir(d);
	if (!found)
		s->rel[at] = 0;
	return found;
}

/* The directory's NT name and rel ("/a/b" -> "\a\b") as UTF-16. */
static NTSTATUS name_of(const struct file_object *dir, const char *rel, uint16_t **name,
			size_t *n)
{
	size_t room = strlen(dir->nt_name) + strlen(rel) + 2, o;
	uint16_t *s = malloc(room * 2);

	if (!s)
		return LSW_STATUS_NO_MEMORY;
	o = utf8_to_utf16(dir->nt_name, s, room);
	while (o && s[o - 1] == '\\')
		o--; /* a drive's root: "\??\C:\" */
	o += utf8_to_utf16(rel, s + o, room - o);
	for (size_t i = 0; i < o; i++)
		if (s[i] == '/')
			s[i] = '\\';
	*name = s;
	*n = o;
	return LSW_STATUS_SUCCESS;
}

NTSTATUS file_id_name(struct nt_call *c, uint64_t oa, uint16_t **name, size_t *n)
{
	struct id_search *s;
	struct file_object *dir;
	struct stat sb;
	uint64_t root, id;
	uint16_t *raw;
	size_t len;
	NTSTATUS st = object_attributes_read(c, oa, &root, &raw, &len, NULL);

	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (len != 4 || !root) { /* a 64-bit id (128-bit ones: no object ids here) */
		free(raw);
		return LSW_STATUS_INVALID_PARAMETER;
	}
	memcpy(&id, raw, 8);
	free(raw);
	if (!(dir = get_file(c, root, &st)))
		return st;
	if (dir->kind != FILE_KIND_DIR || dir->fd < 0 || !dir->nt_name || fstat(dir->fd, &sb) < 0)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(s = calloc(1, sizeof(*s))))
		return LSW_STATUS_NO_MEMORY;
	s->dev = sb.st_dev;
	s->ino = (ino_t)volume_file_ino(dir->host, sb.st_dev, id);
	if (s->ino == sb.st_ino || search_dir(dir->fd, s, 0, 0))
		st = name_of(dir, s->rel, name, n);
	else
		st = LSW_STATUS_INVALID_PARAMETER; /* what Windows answers for an unknown id */
	free(s);
	return st;
}
