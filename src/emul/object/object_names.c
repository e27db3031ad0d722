/*
 * Names in the object namespace (object_names.h): the walk along a name,
 * through directories and symbolic links as Windows' object manager does
 * it, and the handle chores every NtCreateX/NtOpenX shares.
 *
 * Every component is matched as the caller's OBJ_CASE_INSENSITIVE says
 * (kernel32 leaves it out: Win32 object names are case sensitive, as
 * Microsoft documents for CreateEvent & co.).  A symbolic link met on
 * the way is replaced by its target and the walk starts again from "\";
 * at the end of the name it is followed too, unless a link is what the
 * caller creates or opens.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/object/object_ns.h"

#define GENERIC_READ 0x80000000u
#define GENERIC_WRITE 0x40000000u
#define GENERIC_EXECUTE 0x20000000u
#define GENERIC_ALL 0x10000000u
#define MAXIMUM_ALLOWED 0x02000000u

uint32_t access_map_generic(uint32_t a, const struct generic_mapping *m)
{
	uint32_t out = a & ~(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL |
			     MAXIMUM_ALLOWED);

	if (a & GENERIC_READ)
		out |= m->read;
	if (a & GENERIC_WRITE)
		out |= m->write;
	if (a & GENERIC_EXECUTE)
		out |= m->execute;
	if (a & (GENERIC_ALL | MAXIMUM_ALLOWED))
		out |= m->all;
	return out;
}

static bool is_link(const struct nt_object *o)
{
	return o->ops == &object_symlink_ops;
}

uint16_t *ns_reparse(const struct object_symlink *l, const uint16_t *rest, size_t rn, size_t *n)
{
	uint16_t *s = malloc((l->len + rn + 1) * 2);

	if (!s)
		return NULL;
	memcpy(s, l->target, l->len * 2);
	memcpy(s + l->len, rest, rn * 2);
	*n = l->len + rn;
	return s;
}

/* Where the walk starts: the root handle's directory (past no prefix) or
 * "\" (past the backslash); *self the root handle's link when the name is
 * empty (it names the link itself). */
static NTSTATUS walk_start(struct nt_call *c, uint64_t root, const uint16_t *name, size_t n,
			   struct object_dir **dir, size_t *i, struct nt_object **self)
{
	NTSTATUS st;

	if (root) {
		struct nt_object *o = handle_get(c->thread->process, root, NULL, &st);

		if (!o)
			return st;
		/* a link's parse gives the link itself for no name (other
		 * objects that are no directory have none: a mismatch) */
		if (o->ops == &object_symlink_ops && !n) {
			*self = o;
			return LSW_STATUS_SUCCESS;
		}
		if (o->ops != &object_dir_ops)
			return LSW_STATUS_OBJECT_TYPE_MISMATCH;
		if (n && name[0] == '\\')
			return LSW_STATUS_OBJECT_PATH_SYNTAX_BAD;
		*dir = (struct object_dir *)o;
		*i = 0;
		return LSW_STATUS_SUCCESS;
	}
	if (!n || name[0] != '\\')
		return LSW_STATUS_OBJECT_PATH_SYNTAX_BAD;
	if (!(*dir = namespace_root(c->thread->process->host)))
		return LSW_STATUS_NO_MEMORY;
	*i = 1;
	return LSW_STATUS_SUCCESS;
}

/* One pass along s[0..n); *link set when a symbolic link must be
 * followed from s[*at..n). */
static NTSTATUS walk_once(struct nt_call *c, uint64_t root, const uint16_t *s, size_t n,
			  bool fold, bool follow_last, struct ns_place *out,
			  struct object_symlink **link, size_t *at)
{
	struct object_dir *dir = NULL;
	struct nt_object *self = NULL;
	size_t i = 0;
	NTSTATUS st = walk_start(c, root, s, n, &dir, &i, &self);

	*link = NULL;
	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (self || i == n) { /* "\" itself, or the root handle's object */
		out->found = object_ref(self ? self : &dir->hdr);
		return LSW_STATUS_SUCCESS;
	}
	for (;;) {
		size_t j = i;
		struct object_name *e;

		while (j < n && s[j] != '\\')
			j++;
		if (j == i)
			return LSW_STATUS_OBJECT_NAME_INVALID; /* "\\", "x\\\\y", "x\\" */
		e = ns_lookup(c->thread, dir, s + i, j - i, fold);
		if (e && is_link(e->obj) && (j < n || follow_last)) {
			*link = (struct object_symlink *)e->obj;
			*at = j;
			return LSW_STATUS_SUCCESS;
		}
		if (j == n) {
			out->parent = (struct object_dir *)object_ref(&dir->hdr);
			out->leaf = s + i;
			out->len = j - i;
			out->found = e ? object_ref(e->obj) : NULL;
			return LSW_STATUS_SUCCESS;
		}
		if (!e)
			return LSW_STATUS_OBJECT_PATH_NOT_FOUND;
		if (e->obj->ops == &object_device_ops) {
			/* what follows a device is its file system's to parse, so
			 * the name stands for the device: not a directory, event
			 * or link ("\Device\NamedPipe\" is OBJECT_TYPE_MISMATCH
			 * to NtCreateDirectoryObject: ntdll's pipe tests) */
			out->parent = (struct object_dir *)object_ref(&dir->hdr);
			out->leaf = s + i;
			out->len = j - i;
			out->found = object_ref(e->obj);
			return LSW_STATUS_SUCCESS;
		}
		if (e->obj->ops != &object_dir_ops) /* nothing lies past it */
			return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
		dir = (struct object_dir *)e->obj;
		i = j + 1;
	}
}

NTSTATUS ns_walk(struct nt_call *c, uint64_t root, const uint16_t *name, size_t n,
		 uint32_t attributes, bool follow_last, struct ns_place *out)
{
	bool fold = attributes & OBJ_CASE_INSENSITIVE;
	uint16_t *s = malloc((n + 1) * 2);

	memset(out, 0, sizeof(*out));
	if (!s)
		return LSW_STATUS_NO_MEMORY;
	memcpy(s, name, n * 2);
	for (int hops = 0;; hops++) {
		struct object_symlink *link;
		size_t at;
		uint16_t *next;
		NTSTATUS st = walk_once(c, root, s, n, fold, follow_last, out, &link, &at);

		if (st != LSW_STATUS_SUCCESS || !link) {
			out->buf = s;
			if (st != LSW_STATUS_SUCCESS)
				ns_place_free(out);
			return st;
		}
		next = hops < REPARSE_MAX ? ns_reparse(link, s + at, n - at, &n) : NULL;
		free(s);
		if (!next)
			return hops < REPARSE_MAX ? LSW_STATUS_NO_MEMORY
						  : LSW_STATUS_OBJECT_PATH_NOT_FOUND;
		s = next;
		root = 0;
	}
}

void ns_place_free(struct ns_place *pl)
{
	if (pl->found)
		object_unref(pl->found);
	if (pl->parent)
		object_unref(&pl->parent->hdr);
	free(pl->buf);
	memset(pl, 0, sizeof(*pl));
}

/* The OBJECT_ATTRIBUTES of a call: its root handle, name (malloc'd, NULL
 * when ObjectName is NULL) and attributes. */
static NTSTATUS read_name(struct nt_call *c, uint64_t oa, uint64_t *root, uint16_t **name,
			  size_t *n, uint32_t *attributes)
{
	*root = 0;
	*name = NULL;
	*n = 0;
	*attributes = 0;
	return object_attributes_read(c, oa, root, name, n, attributes);
}

NTSTATUS object_handle_out_clear(struct nt_call *c, uint64_t out)
{
	static const uint64_t none;

	return tracee_write(c->thread, out, &none, sizeof(none)) < 0 ? LSW_STATUS_ACCESS_VIOLATION
								   : LSW_STATUS_SUCCESS;
}

NTSTATUS object_give_handle(struct nt_call *c, struct nt_object *obj, uint32_t access,
			    uint64_t out)
{
	struct lsw_process *p = c->thread->process;
	uint64_t h;
	NTSTATUS st = handle_create_call(c, obj, access, &h);

	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (tracee_write(c->thread, out, &h, 8) < 0) {
		handle_close(p, h);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	return LSW_STATUS_SUCCESS;
}

/* How deep directories may nest: names are freed, and described, by
 * recursion along the chain of parents, which must stay short. */
#define DIR_DEPTH_MAX 256

static size_t depth_of(const struct object_dir *d)
{
	size_t n = 0;

	for (; d && n <= DIR_DEPTH_MAX; d = d->name.dir)
		n++;
	return n;
}

/* The new object's name from a walk that found nothing at its end. */
static NTSTATUS name_from_place(struct ns_place *pl, struct object_name *nm)
{
	if (depth_of(pl->parent) > DIR_DEPTH_MAX)
		return LSW_STATUS_NAME_TOO_LONG;
	if (!(nm->leaf = malloc(pl->len * 2 + 1)))
		return LSW_STATUS_NO_MEMORY;
	memcpy(nm->leaf, pl->leaf, pl->len * 2);
	nm->len = pl->len;
	nm->dir = pl->parent; /* the place's reference goes to the name */
	pl->parent = NULL;
	return LSW_STATUS_SUCCESS;
}

NTSTATUS object_create_begin(struct nt_call *c, uint64_t oa, const struct nt_object_ops *ops,
			     uint32_t access, uint64_t out, struct object_name *nm)
{
	struct ns_place pl;
	uint64_t root;
	uint16_t *name;
	size_t n;
	uint32_t attributes;
	NTSTATUS st;

	memset(nm, 0, sizeof(*nm));
	if ((st = object_handle_out_clear(c, out)) != LSW_STATUS_SUCCESS || !oa)
		return st;
	if ((st = read_name(c, oa, &root, &name, &n, &attributes)) != LSW_STATUS_SUCCESS)
		return st;
	/* SeCreatePermanentPrivilege: no token of ours has it; but a link
	 * new in the job's own device map may be permanent (object_devmap.c) */
	if ((attributes & OBJ_PERMANENT) && (ops != &object_symlink_ops || !n)) {
		free(name);
		return LSW_STATUS_PRIVILEGE_NOT_HELD;
	}
	if (!name && root) /* a root directory and no ObjectName at all */
		return LSW_STATUS_OBJECT_NAME_INVALID;
	if (!n) { /* no name, or an empty one: an unnamed object */
		free(name);
		return LSW_STATUS_SUCCESS;
	}
	st = ns_walk(c, root, name, n, attributes, ops != &object_symlink_ops, &pl);
	free(name);
	if (st != LSW_STATUS_SUCCESS)
		return st;
	if ((attributes & OBJ_PERMANENT) && !pl.found && !pl.parent->device_map)
		st = LSW_STATUS_PRIVILEGE_NOT_HELD;
	else if (!pl.found && pl.parent->keeper)
		st = LSW_STATUS_ACCESS_DENIED;
	else if (!pl.found) {
		st = name_from_place(&pl, nm);
		nm->kept = st == LSW_STATUS_SUCCESS && (attributes & OBJ_PERMANENT);
	} else if (pl.found->ops != ops) /* Vista on; before, a collision */
		st = LSW_STATUS_OBJECT_TYPE_MISMATCH;
	else if (!(attributes & OBJ_OPENIF))
		st = LSW_STATUS_OBJECT_NAME_COLLISION;
	else if ((st = object_give_handle(c, pl.found, access, out)) == LSW_STATUS_SUCCESS)
		st = LSW_STATUS_OBJECT_NAME_EXISTS;
	ns_place_free(&pl);
	return st;
}

NTSTATUS object_create_end(struct nt_call *c, struct nt_object *obj, struct object_name *on,
			   uint32_t access, uint64_t out)
{
	NTSTATUS st;

	/* the security descriptor its OBJECT_ATTRIBUTES gave */
	if ((st = object_security_assign(c, &obj->sd)) != LSW_STATUS_SUCCESS) {
		object_unref(obj);
		return st;
	}
	/* the name is the creator's paged pool until the object goes */
	if (on->leaf && (st = object_charge(obj, c->thread->process, QUOTA_PAGED,
					    on->len * 2 + sizeof(*on))) != LSW_STATUS_SUCCESS) {
		object_unref(obj); /* its destroy frees the name, never entered */
		return st;
	}
	if (on->leaf)
		object_dir_enter(on, obj);
	if (on->kept) { /* its device map keeps it */
		obj->permanent = true;
		object_ref(obj);
	}
	st = object_give_handle(c, obj, access, out);
	object_unref(obj);
	return st;
}

#define ACCESS_SYSTEM_SECURITY 0x01000000u
#define MAXIMUM_ALLOWED 0x02000000u

/* Rights an open may not ask of a type (ops->valid_access), as Windows'
 * access check refuses them: nothing at all, a right the type does not
 * have, or the SACL's without the privilege (kernel32's sync tests:
 * OpenMutex with each bit). */
static NTSTATUS open_access_check(const struct nt_object_ops *ops, uint32_t access)
{
	if (!ops->valid_access)
		return LSW_STATUS_SUCCESS;
	if (access & ACCESS_SYSTEM_SECURITY)
		return LSW_STATUS_PRIVILEGE_NOT_HELD;
	if (!access || (access & ~(ops->valid_access | MAXIMUM_ALLOWED)))
		return LSW_STATUS_ACCESS_DENIED;
	return LSW_STATUS_SUCCESS;
}

NTSTATUS object_open_named(struct nt_call *c, uint64_t oa, const struct nt_object_ops *ops,
			   uint32_t access, uint64_t out)
{
	static const uint16_t no_name;
	struct ns_place pl;
	uint64_t root;
	uint16_t *name;
	size_t n;
	uint32_t attributes;
	NTSTATUS st;

	if ((st = object_handle_out_clear(c, out)) != LSW_STATUS_SUCCESS)
		return st;
	if (!oa)
		return LSW_STATUS_INVALID_PARAMETER;
	if ((st = read_name(c, oa, &root, &name, &n, &attributes)) != LSW_STATUS_SUCCESS)
		return st;
	if (!name && root) {
		st = LSW_STATUS_OBJECT_NAME_INVALID;
	} else if ((st = ns_walk(c, root, name ? name : &no_name, n, attributes,
				 ops != &object_symlink_ops, &pl)) == LSW_STATUS_SUCCESS) {
		if (!pl.found)
			st = LSW_STATUS_OBJECT_NAME_NOT_FOUND;
		else if (pl.found->ops != ops)
			st = LSW_STATUS_OBJECT_TYPE_MISMATCH;
		else if ((st = open_access_check(ops, access)) == LSW_STATUS_SUCCESS)
			st = object_give_handle(c, pl.found, access, out);
		ns_place_free(&pl);
	}
	free(name);
	return st;
}

void object_name_remove(struct object_name *on)
{
	struct object_dir *d = on->dir;

	if (d && on->entered)
		for (struct object_name **p = &d->entries; *p; p = &(*p)->next)
			if (*p == on) {
				*p = on->next;
				break;
			}
	on->entered = false;
	on->dir = NULL;
	free(on->leaf);
	on->leaf = NULL;
	if (d)
		object_unref(&d->hdr);
}

struct nt_object *object_from_handle(struct nt_call *c, uint64_t h,
				     const struct nt_object_ops *ops, uint32_t need,
				     NTSTATUS *st)
{
	struct lsw_process *p = c->thread->process;
	struct nt_object *o = handle_get(p, h, ops, st);

	if (o && need && (handle_access(p, h) & need) != need) {
		*st = LSW_STATUS_ACCESS_DENIED;
		return NULL;
	}
	return o;
}

/* Appends on's path (its directories' first) at buf[*o]. */
static void describe_path(const struct object_name *on, char *buf, size_t len, size_t *o)
{
	if (!on->leaf || !on->dir)
		return;
	describe_path(&on->dir->name, buf, len, o);
	if (*o + 1 < len)
		buf[(*o)++] = '\\';
	for (size_t i = 0; i < on->len && *o + 1 < len; i++)
		buf[(*o)++] = on->leaf[i] >= 0x20 && on->leaf[i] < 0x7f ? (char)on->leaf[i] : '?';
}

void object_name_describe(const struct object_name *on, char *buf, size_t len)
{
	size_t o = 0;

	if (!len)
		return;
	describe_path(on, buf, len, &o);
	buf[o] = 0;
}

/* The entry that names obj in dir or below it (depth first). */
static const struct object_name *find_entry(const struct object_dir *dir,
					     const struct nt_object *obj, int depth)
{
	for (const struct object_name *e = dir->entries; e; e = e->next) {
		const struct object_name *in;

		if (e->obj == obj)
			return e;
		if (e->obj->ops == &object_dir_ops && depth < DIR_DEPTH_MAX &&
		    (in = find_entry((const struct object_dir *)e->obj, obj, depth + 1)))
			return in;
	}
	return NULL;
}

/* Writes on's full path ending at out[end) backwards; its start index,
 * or SIZE_MAX when it does not fit. */
static size_t path_backwards(const struct object_name *on, uint16_t *out, size_t end)
{
	for (; on && on->leaf; on = on->dir ? &on->dir->name : NULL) {
		if (end < on->len + 1)
			return SIZE_MAX;
		end -= on->len;
		memcpy(out + end, on->leaf, on->len * 2);
		out[--end] = '\\';
	}
	return end;
}

size_t object_full_name(struct lsw_host *h, const struct nt_object *obj, uint16_t *out,
			size_t cap)
{
	struct object_dir *root = namespace_root(h);
	const struct object_name *on;
	size_t start;

	if (!root || obj == &root->hdr) {
		if (root && cap)
			out[0] = '\\';
		return root && cap ? 1 : 0;
	}
	if (!(on = find_entry(root, obj, 0)) || (start = path_backwards(on, out, cap)) == SIZE_MAX)
		return 0;
	memmove(out, out + start, (cap - start) * 2);
	return cap - start;
}
