/*
 * Symbolic links of the object namespace: NtCreateSymbolicLinkObject,
 * NtOpenSymbolicLinkObject, NtQuerySymbolicLinkObject.  A link is a name
 * the walk replaces by its target (object_names.c).
 */
#include <stdlib.h>
#include <string.h>
#include "emul/object/object_ns.h"

#define SYMBOLIC_LINK_QUERY 0x1
#define SYMBOLIC_LINK_ALL_ACCESS 0xF0001
#define STANDARD_READ 0x20000u

static const struct generic_mapping link_mapping = {
	STANDARD_READ | SYMBOLIC_LINK_QUERY, STANDARD_READ, STANDARD_READ,
	SYMBOLIC_LINK_ALL_ACCESS,
};

static void link_destroy(struct nt_object *obj)
{
	struct object_symlink *l = (struct object_symlink *)obj;

	object_name_remove(&l->name);
	free(l->target);
	free(l);
}

static void link_describe(struct nt_object *obj, char *buf, size_t len)
{
	object_name_describe(&((struct object_symlink *)obj)->name, buf, len);
}

const struct nt_object_ops object_symlink_ops = {
	.type_name = "SymbolicLink",
	.destroy = link_destroy,
	.describe = link_describe,
};

struct object_symlink *object_symlink_new(const uint16_t *target, size_t len)
{
	struct object_symlink *l = calloc(1, sizeof(*l));

	if (!l || !(l->target = malloc(len * 2 + 2))) {
		free(l);
		return NULL;
	}
	object_init(&l->hdr, &object_symlink_ops);
	memcpy(l->target, target, len * 2);
	l->target[len] = 0;
	l->len = len;
	return l;
}

/* NtCreateSymbolicLinkObject(LinkHandle, DesiredAccess, ObjectAttributes,
 *                            LinkTarget) */
NTSTATUS nt_NtCreateSymbolicLinkObject(struct nt_call *c)
{
	uint32_t access = access_map_generic((uint32_t)c->args[1], &link_mapping);
	struct object_symlink *l;
	struct object_name nm;
	uint16_t *target;
	size_t len;
	NTSTATUS st;

	if ((st = object_handle_out_clear(c, c->args[0])) != LSW_STATUS_SUCCESS)
		return st;
	if (!c->args[3])
		return LSW_STATUS_ACCESS_VIOLATION;
	if ((st = tracee_read_ustring(c->thread, c->args[3], &target, &len)) != LSW_STATUS_SUCCESS)
		return st;
	if (!len) {
		free(target);
		return LSW_STATUS_INVALID_PARAMETER;
	}
	l = object_symlink_new(target, len);
	free(target);
	if (!l)
		return LSW_STATUS_NO_MEMORY;
	if ((st = object_create_begin(c, c->args[2], &object_symlink_ops, access, c->args[0],
				      &nm)) != LSW_STATUS_SUCCESS) {
		object_unref(&l->hdr);
		return st;
	}
	l->name = nm;
	return object_create_end(c, &l->hdr, &l->name, access, c->args[0]);
}

/* NtOpenSymbolicLinkObject(LinkHandle, DesiredAccess, ObjectAttributes) */
NTSTATUS nt_NtOpenSymbolicLinkObject(struct nt_call *c)
{
	if (!c->args[0])
		return LSW_STATUS_ACCESS_VIOLATION;
	return object_open_named(c, c->args[2], &object_symlink_ops,
				 access_map_generic((uint32_t)c->args[1], &link_mapping),
				 c->args[0]);
}

/* NtQuerySymbolicLinkObject(LinkHandle, LinkTarget, ReturnedLength): the
 * target into LinkTarget's buffer with a terminating null;
 * STATUS_BUFFER_TOO_SMALL (Length untouched) when MaximumLength cannot
 * hold both.  ReturnedLength: the bytes with the null. */
NTSTATUS nt_NtQuerySymbolicLinkObject(struct nt_call *c)
{
	struct { uint16_t len, max; uint32_t pad; uint64_t buf; } us;
	struct object_symlink *l;
	uint32_t full;
	NTSTATUS st;

	if (!(l = (struct object_symlink *)object_from_handle(c, c->args[0], &object_symlink_ops,
							      SYMBOLIC_LINK_QUERY, &st)))
		return st;
	if (tracee_read(c->thread, c->args[1], &us, sizeof(us)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	full = (uint32_t)(l->len * 2 + 2);
	if (us.max < full) {
		if (c->args[2] && tracee_write(c->thread, c->args[2], &full, 4) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		return LSW_STATUS_BUFFER_TOO_SMALL;
	}
	us.len = (uint16_t)(l->len * 2);
	if (tracee_write(c->thread, us.buf, l->target, full) < 0 ||
	    tracee_write(c->thread, c->args[1], &us.len, 2) < 0 ||
	    (c->args[2] && tracee_write(c->thread, c->args[2], &full, 4) < 0))
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}
