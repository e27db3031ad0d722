/*
 * File names through the object namespace (ns_file_name, object_names.h):
 * "\DosDevices\C:\x", "\GLOBAL??\C:\x", "\??\GLOBALROOT\Device\Null", a
 * drive DefineDosDevice made, "\Device\HarddiskVolume3\x" all name what
 * "\??\C:\x" or "\Device\Null" name.  The walk only rewrites the name;
 * path_resolve, with the job's view, still decides what it reaches, so no
 * link leads anywhere the job's drives do not.
 *
 * Components are matched case-insensitively, as file names are (Win32
 * opens files with OBJ_CASE_INSENSITIVE; path_resolve ignores case too).
 */
#include <stdlib.h>
#include <string.h>
#include "emul/io/volume_device.h"
#include "emul/object/object_ns.h"

/* One pass along s[0..n): *link set when a symbolic link must be followed
 * from s[*at..n); nothing set when the rest is no object's. */
static NTSTATUS walk_once(struct nt_call *c, const uint16_t *s, size_t n,
			  struct object_symlink **link, size_t *at)
{
	struct object_dir *dir;
	size_t i = 1, dl;

	*link = NULL;
	if (!n || s[0] != '\\' || n == 1 || volume_device_drive(s, n, &dl) >= 0)
		return LSW_STATUS_SUCCESS;
	if (!(dir = namespace_root(c->thread->process->host)))
		return LSW_STATUS_NO_MEMORY;
	for (;;) {
		size_t j = i;
		struct object_name *e;

		while (j < n && s[j] != '\\')
			j++;
		if (j == i) /* "\\x", "\BaseNamedObjects\" */
			return LSW_STATUS_OBJECT_NAME_INVALID;
		if (!(e = ns_lookup(c->thread, dir, s + i, j - i, true)) ||
		    e->obj->ops == &object_device_ops)
			return LSW_STATUS_SUCCESS; /* a device's to parse, or nothing */
		if (e->obj->ops == &object_symlink_ops) {
			*link = (struct object_symlink *)e->obj;
			*at = j;
			return LSW_STATUS_SUCCESS;
		}
		if (j == n) /* a directory, an event...: no file */
			return LSW_STATUS_OBJECT_TYPE_MISMATCH;
		if (e->obj->ops != &object_dir_ops) /* nothing lies past it */
			return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
		dir = (struct object_dir *)e->obj;
		i = j + 1;
	}
}

/* A volume device's name as its drive's: "\??\X:" and the rest. */
static uint16_t *drive_form(const uint16_t *s, size_t *n)
{
	size_t dl;
	int d = volume_device_drive(s, *n, &dl);
	uint16_t *out;

	if (d < 0 || !(out = malloc((*n - dl + 7) * 2)))
		return NULL;
	memcpy(out, (const uint16_t[]){ '\\', '?', '?', '\\', (uint16_t)('A' + d), ':' }, 12);
	memcpy(out + 6, s + dl, (*n - dl) * 2);
	*n = *n - dl + 6;
	out[*n] = 0;
	return out;
}

/* The full name of directory dir into prefix (room for 1024): its
 * length, 0 for the root; SIZE_MAX when it has none (unnamed). */
static size_t dir_name(struct nt_call *c, struct object_dir *dir, uint16_t *prefix)
{
	size_t n;

	if (dir->is_root)
		return 0;
	if (dir->device_map) {
		memcpy(prefix, (const uint16_t[]){ '\\', '?', '?' }, 6);
		return 3;
	}
	n = object_full_name(c->thread->process->host, &dir->hdr, prefix, 1024);
	return n ? n : SIZE_MAX;
}

bool ns_file_name_at(struct nt_call *c, uint64_t root, uint16_t **name, size_t *n,
		     NTSTATUS *st)
{
	uint16_t prefix[1024], *full;
	struct object_dir *dir;
	size_t plen;
	NTSTATUS ignored;

	dir = (struct object_dir *)handle_get(c->thread->process, root, &object_dir_ops, &ignored);
	if (!dir)
		return false;
	if (*n && (*name)[0] == '\\') {
		*st = LSW_STATUS_OBJECT_PATH_SYNTAX_BAD; /* relative names only */
		return true;
	}
	if ((plen = dir_name(c, dir, prefix)) == SIZE_MAX) {
		*st = LSW_STATUS_OBJECT_PATH_NOT_FOUND; /* an unnamed directory holds no file */
		return true;
	}
	if (!(full = malloc((plen + 1 + *n + 1) * 2))) {
		*st = LSW_STATUS_NO_MEMORY;
		return true;
	}
	memcpy(full, prefix, plen * 2);
	full[plen] = '\\';
	memcpy(full + plen + 1, *name, *n * 2);
	*n += plen + 1;
	full[*n] = 0;
	free(*name);
	*name = full;
	*st = LSW_STATUS_SUCCESS;
	return true;
}

NTSTATUS ns_file_name(struct nt_call *c, uint16_t **name, size_t *n)
{
	uint16_t *s = *name, *next;
	size_t len = *n;

	for (int hops = 0;; hops++) {
		struct object_symlink *link;
		size_t at;
		NTSTATUS st = walk_once(c, s, len, &link, &at);

		if (st != LSW_STATUS_SUCCESS || !link) {
			if (st == LSW_STATUS_SUCCESS && (next = drive_form(s, &len))) {
				free(s);
				s = next;
			}
			*name = s;
			*n = len;
			return st;
		}
		if (hops == REPARSE_MAX || !(next = ns_reparse(link, s + at, len - at, &len))) {
			*name = s;
			return hops == REPARSE_MAX ? LSW_STATUS_OBJECT_PATH_NOT_FOUND
						   : LSW_STATUS_NO_MEMORY;
		}
		/* a target ending in a backslash ("\??\C:\windows\", as
		 * DefineDosDevice makes them) takes the rest without a second */
		if (link->len && link->target[link->len - 1] == '\\' && len > link->len &&
		    next[link->len] == '\\') {
			memmove(next + link->len, next + link->len + 1, (len - link->len - 1) * 2);
			len--;
		}
		free(s);
		s = next;
	}
}
