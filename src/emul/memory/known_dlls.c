/*
 * \KnownDlls: an image section of each KnownDLL (include/lsw/known_dlls.def)
 * that lsw ships, made once per host and kept, which ntdll's loader opens
 * by name and maps (NtOpenSection, NtMapViewOfSection) instead of opening
 * the file, making a section and walking System32's path for every DLL of
 * every process, as Windows' session manager prepares them at boot.
 *
 * An entry is made when it is first looked up (or the directory listed),
 * and every lookup looks at the file first (one stat): a DLL rebuilt or
 * replaced since (another device, inode, size, modification or change
 * time) is laid out afresh, one that went is taken out (the loader then
 * searches System32 as for any DLL).  A process that holds the old
 * section keeps it.  Every job sees the same files here: System32's DLLs
 * are lsw's own, read-only, in every view (io/path.c's overlay).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/memory/known_dlls.h"
#include "emul/memory/section.h"

#define KNOWN_DLL(name) name,
static const char *const known_names[] = {
#include "lsw/known_dlls.def"
};
#undef KNOWN_DLL

#define NKNOWN (sizeof(known_names) / sizeof(known_names[0]))
#define MAX_NAME 32

struct known_dll {
	struct section_object *section; /* the host's reference; NULL: none */
	struct stat file;                /* what it was made from */
};

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
	       a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

static void drop(struct known_dll *k)
{
	if (!k->section)
		return;
	object_name_remove(&k->section->name);
	object_unref(&k->section->hdr);
	k->section = NULL;
}

/* Enters s in d as name (lower case ASCII); false out of memory. */
static bool enter(struct object_dir *d, struct section_object *s, const char *name)
{
	size_t n = strlen(name);

	if (!(s->name.leaf = malloc(n * 2)))
		return false;
	for (size_t i = 0; i < n; i++)
		s->name.leaf[i] = (uint8_t)name[i];
	s->name.len = n;
	s->name.dir = (struct object_dir *)object_ref(&d->hdr);
	object_dir_enter(&s->name, &s->hdr);
	s->hdr.permanent = true; /* the host keeps it: its name outlives handles */
	return true;
}

/* The section of the file at path, laid out; NULL if it is no image. */
static struct section_object *make(const char *path, const char *name, struct stat *file)
{
	char nt_name[64];
	struct section_object *s = NULL;
	NTSTATUS st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	if (fstat(fd, file) == 0)
		s = section_from_image_fd(fd, name, &st, NULL, 0);
	close(fd);
	snprintf(nt_name, sizeof(nt_name), "\\??\\C:\\Windows\\System32\\%s", name);
	if (s && !(s->file_name = strdup(nt_name))) {
		object_unref(&s->hdr);
		s = NULL;
	}
	return s;
}

static void refresh_one(struct lsw_host *h, struct object_dir *d, size_t i)
{
	struct known_dll *k = &((struct known_dll *)d->kept)[i];
	char path[4096];
	struct stat now;

	snprintf(path, sizeof(path), "%s/%s", h->cfg.dll_dir, known_names[i]);
	if (stat(path, &now) < 0) {
		drop(k);
		return;
	}
	if (k->section && same_file(&k->file, &now))
		return;
	drop(k);
	if (!(k->section = make(path, known_names[i], &k->file)))
		return;
	if (!enter(d, k->section, known_names[i]))
		drop(k);
}

/* The index of the known name leaf[0..n) (any case), or NKNOWN. */
static size_t known_index(const uint16_t *leaf, size_t n)
{
	char name[MAX_NAME];

	if (n >= MAX_NAME)
		return NKNOWN;
	for (size_t i = 0; i < n; i++) {
		if (leaf[i] >= 0x80)
			return NKNOWN;
		name[i] = (char)(leaf[i] >= 'A' && leaf[i] <= 'Z' ? leaf[i] + 32 : leaf[i]);
	}
	name[n] = 0;
	for (size_t i = 0; i < NKNOWN; i++)
		if (!strcmp(known_names[i], name))
			return i;
	return NKNOWN;
}

static void known_refresh(struct lsw_host *h, struct object_dir *d, const uint16_t *leaf,
			  size_t n)
{
	size_t i;

	if (!h->cfg.dll_dir || (!d->kept && !(d->kept = calloc(NKNOWN, sizeof(struct known_dll)))))
		return;
	if (!leaf) {
		for (i = 0; i < NKNOWN; i++)
			refresh_one(h, d, i);
	} else if ((i = known_index(leaf, n)) < NKNOWN) {
		refresh_one(h, d, i);
	}
}

static void known_release(struct object_dir *d)
{
	struct known_dll *k = d->kept;

	for (size_t i = 0; k && i < NKNOWN; i++)
		drop(&k[i]);
	free(k);
	d->kept = NULL;
}

const struct object_dir_keeper known_dlls_keeper = { known_refresh, known_release };

struct section_object *known_dll_section(struct lsw_host *h, const char *name)
{
	static const uint16_t dir_name[] = { 'K', 'n', 'o', 'w', 'n', 'D', 'l', 'l', 's' };
	struct object_dir *root = namespace_root(h);
	struct object_name *e = root ? object_dir_find(root, dir_name, 9, false) : NULL;
	struct object_dir *d = e ? (struct object_dir *)e->obj : NULL;
	uint16_t leaf[MAX_NAME];
	size_t n = strlen(name);

	if (!d || d->keeper != &known_dlls_keeper || n >= MAX_NAME)
		return NULL;
	for (size_t i = 0; i < n; i++)
		leaf[i] = (uint8_t)name[i];
	known_refresh(h, d, leaf, n);
	e = object_dir_find(d, leaf, n, false);
	return e && e->obj->ops == &section_ops ? (struct section_object *)e->obj : NULL;
}
