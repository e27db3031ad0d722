/*
 * The object namespace of events, mutants, semaphores and timers (see
 * object_names.h), and the handle chores every NtCreateX/NtOpenX shares.
 *
 * A name is \BaseNamedObjects\LEAF or \Sessions\1\BaseNamedObjects\LEAF;
 * in the session's directory, Global\LEAF and Local\LEAF are the links
 * Windows keeps there to the global and the session's own directory.  The
 * directory part is matched case-insensitively, the leaf as the caller's
 * OBJ_CASE_INSENSITIVE says (kernel32 leaves it out: Win32 object names
 * are case sensitive, as Microsoft documents for CreateEvent & co.).
 */
#include <stdlib.h>
#include <string.h>
#include "emul/object/object_names.h"
#include "emul/upcase.h"

#define OBJ_CASE_INSENSITIVE 0x40
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

/* Whether s[0..n) starts with the ASCII prefix p, case-insensitively;
 * moves past it. */
static bool skip_prefix(const uint16_t **s, size_t *n, const char *p)
{
	size_t pl = strlen(p);

	if (*n < pl)
		return false;
	for (size_t i = 0; i < pl; i++)
		if (nt_upcase((*s)[i]) != nt_upcase((uint16_t)p[i]))
			return false;
	*s += pl;
	*n -= pl;
	return true;
}

/* Splits a full name into directory and leaf. */
static NTSTATUS parse_name(const uint16_t *s, size_t n, struct object_name *nm)
{
	if (!n || s[0] != '\\')
		return LSW_STATUS_OBJECT_PATH_SYNTAX_BAD;
	if (skip_prefix(&s, &n, "\\BaseNamedObjects\\"))
		nm->global = true;
	else if (skip_prefix(&s, &n, "\\Sessions\\1\\BaseNamedObjects\\"))
		nm->global = skip_prefix(&s, &n, "Global\\") ? true
			     : (skip_prefix(&s, &n, "Local\\"), false);
	else
		return LSW_STATUS_OBJECT_PATH_NOT_FOUND;
	if (!n)
		return LSW_STATUS_OBJECT_NAME_INVALID;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\\')
			return LSW_STATUS_OBJECT_PATH_NOT_FOUND;
	if (!(nm->leaf = malloc(n * 2)))
		return LSW_STATUS_NO_MEMORY;
	memcpy(nm->leaf, s, n * 2);
	nm->len = n;
	return LSW_STATUS_SUCCESS;
}

/* The name in an OBJECT_ATTRIBUTES into *nm (leaf NULL: unnamed; an empty
 * ObjectName is unnamed too).  Names relative to a directory handle are not
 * supported (no object directories yet): STATUS_OBJECT_PATH_NOT_FOUND. */
static NTSTATUS read_name(struct nt_call *c, uint64_t oa, struct object_name *nm,
			  uint32_t *attributes)
{
	uint64_t root = 0;
	uint16_t *name;
	size_t n;
	NTSTATUS st;

	memset(nm, 0, sizeof(*nm));
	*attributes = 0;
	if (!oa)
		return LSW_STATUS_SUCCESS;
	if ((st = object_attributes_read(c, oa, &root, &name, &n, attributes)) !=
	    LSW_STATUS_SUCCESS)
		return st;
	if (root && name)
		st = LSW_STATUS_OBJECT_PATH_NOT_FOUND;
	else if (name && n)
		st = parse_name(name, n, nm);
	free(name);
	return st;
}

static struct object_name *find(const struct lsw_host *h, const struct object_name *nm,
				uint32_t attributes)
{
	bool fold = attributes & OBJ_CASE_INSENSITIVE;

	for (struct object_name *o = h->names; o; o = o->next) {
		size_t i;

		if (o->global != nm->global || o->len != nm->len)
			continue;
		for (i = 0; i < o->len; i++)
			if (fold ? nt_upcase(o->leaf[i]) != nt_upcase(nm->leaf[i])
				 : o->leaf[i] != nm->leaf[i])
				break;
		if (i == o->len)
			return o;
	}
	return NULL;
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

NTSTATUS object_create_begin(struct nt_call *c, uint64_t oa, const struct nt_object_ops *ops,
			     uint32_t access, uint64_t out, struct object_name *nm)
{
	struct object_name *old;
	uint32_t attributes;
	NTSTATUS st;

	if ((st = read_name(c, oa, nm, &attributes)) != LSW_STATUS_SUCCESS)
		return st;
	if (!nm->leaf || !(old = find(c->thread->process->host, nm, attributes)))
		return LSW_STATUS_SUCCESS;
	object_name_remove(nm);
	if (!(attributes & OBJ_OPENIF))
		return LSW_STATUS_OBJECT_NAME_COLLISION;
	if (old->obj->ops != ops)
		return LSW_STATUS_OBJECT_TYPE_MISMATCH;
	st = object_give_handle(c, old->obj, access, out);
	return st == LSW_STATUS_SUCCESS ? LSW_STATUS_OBJECT_NAME_EXISTS : st;
}

NTSTATUS object_create_end(struct nt_call *c, struct nt_object *obj, struct object_name *on,
			   uint32_t access, uint64_t out)
{
	NTSTATUS st;

	/* the name is the creator's paged pool until the object goes */
	if (on->leaf && (st = object_charge(obj, c->thread->process, QUOTA_PAGED,
					    on->len * 2 + sizeof(*on))) != LSW_STATUS_SUCCESS) {
		object_unref(obj); /* its destroy frees the name, never entered */
		return st;
	}
	if (on->leaf) {
		struct lsw_host *h = c->thread->process->host;

		on->obj = obj;
		on->host = h;
		on->next = h->names;
		h->names = on;
	}
	st = object_give_handle(c, obj, access, out);
	object_unref(obj);
	return st;
}

NTSTATUS object_open_named(struct nt_call *c, uint64_t oa, const struct nt_object_ops *ops,
			   uint32_t access, uint64_t out)
{
	struct object_name nm, *o;
	uint32_t attributes;
	NTSTATUS st;

	if (!oa)
		return LSW_STATUS_INVALID_PARAMETER;
	if ((st = read_name(c, oa, &nm, &attributes)) != LSW_STATUS_SUCCESS)
		return st;
	if (!nm.leaf)
		return LSW_STATUS_OBJECT_NAME_INVALID;
	o = find(c->thread->process->host, &nm, attributes);
	object_name_remove(&nm);
	if (!o)
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	if (o->obj->ops != ops)
		return LSW_STATUS_OBJECT_TYPE_MISMATCH;
	return object_give_handle(c, o->obj, access, out);
}

void object_name_remove(struct object_name *on)
{
	for (struct object_name **p = on->host ? &on->host->names : NULL; p && *p; p = &(*p)->next)
		if (*p == on) {
			*p = on->next;
			break;
		}
	on->host = NULL;
	free(on->leaf);
	on->leaf = NULL;
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

void object_name_describe(const struct object_name *on, char *buf, size_t len)
{
	const char *dir = on->global ? "\\BaseNamedObjects\\" : "\\Sessions\\1\\BaseNamedObjects\\";
	size_t o = 0;

	if (!len)
		return;
	for (; on->leaf && *dir && o + 1 < len; dir++)
		buf[o++] = *dir;
	for (size_t i = 0; on->leaf && i < on->len && o + 1 < len; i++)
		buf[o++] = on->leaf[i] >= 0x20 && on->leaf[i] < 0x7f ? (char)on->leaf[i] : '?';
	buf[o] = 0;
}
