/*
 * Object directories: NtCreateDirectoryObject(Ex), NtOpenDirectoryObject,
 * NtQueryDirectoryObject, and the standard tree every host starts with
 * (made on first use, permanent: the host holds it until it ends).
 *
 * A directory holds no reference to what it lists: an entry goes when its
 * object does.  A directory a program creates is temporary as well; its
 * entries' names hold references to it, so it lives while they do.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "emul/object/object_ns.h"
#include "emul/upcase.h"

#define DIRECTORY_QUERY 0x1
#define DIRECTORY_TRAVERSE 0x2
#define DIRECTORY_CREATE_OBJECT 0x4
#define DIRECTORY_CREATE_SUBDIRECTORY 0x8
#define DIRECTORY_ALL_ACCESS 0xF000F
#define STANDARD_READ 0x20000u

static const struct generic_mapping dir_mapping = {
	STANDARD_READ | DIRECTORY_QUERY | DIRECTORY_TRAVERSE,
	STANDARD_READ | DIRECTORY_CREATE_OBJECT | DIRECTORY_CREATE_SUBDIRECTORY,
	STANDARD_READ | DIRECTORY_QUERY | DIRECTORY_TRAVERSE, DIRECTORY_ALL_ACCESS,
};

static void dir_destroy(struct nt_object *obj)
{
	struct object_dir *d = (struct object_dir *)obj;

	/* every entry's name referenced d: none is left */
	object_name_remove(&d->name);
	free(d);
}

static void dir_describe(struct nt_object *obj, char *buf, size_t len)
{
	struct object_dir *d = (struct object_dir *)obj;

	if (d->is_root && len > 1)
		snprintf(buf, len, "%s", "\\");
	else
		object_name_describe(&d->name, buf, len);
}

const struct nt_object_ops object_dir_ops = {
	.type_name = "Directory",
	.destroy = dir_destroy,
	.describe = dir_describe,
};

struct object_dir *object_dir_new(void)
{
	struct object_dir *d = calloc(1, sizeof(*d));

	if (d)
		object_init(&d->hdr, &object_dir_ops);
	return d;
}

/* Names differing only in case can both exist (created case sensitive);
 * a case-insensitive lookup then finds the newest, as Windows' directory
 * does (its hash chains take new names at their head). */
struct object_name *object_dir_find(const struct object_dir *dir, const uint16_t *s, size_t n,
				    bool fold)
{
	struct object_name *found = NULL;

	for (struct object_name *e = dir->entries; e; e = e->next) {
		size_t i;

		if (e->len != n)
			continue;
		for (i = 0; i < n; i++)
			if (fold ? nt_upcase(e->leaf[i]) != nt_upcase(s[i]) : e->leaf[i] != s[i])
				break;
		if (i == n && !fold)
			return e;
		if (i == n)
			found = e;
	}
	return found;
}

void object_dir_enter(struct object_name *on, struct nt_object *obj)
{
	struct object_name **tail = &on->dir->entries;

	while (*tail)
		tail = &(*tail)->next;
	on->obj = obj;
	on->next = NULL;
	on->entered = true;
	obj->name = on;
	*tail = on;
}

bool object_dir_enter_kept(struct object_dir *dir, const uint16_t *leaf, size_t n,
			   struct object_name *on, struct nt_object *obj)
{
	if (!(on->leaf = malloc(n * 2 + 1)))
		return false;
	memcpy(on->leaf, leaf, n * 2);
	on->len = n;
	on->dir = (struct object_dir *)object_ref(&dir->hdr);
	object_dir_enter(on, obj);
	obj->permanent = true; /* its name stays with no handle open */
	return true;
}

/* NtCreateDirectoryObject(DirectoryHandle, DesiredAccess, ObjectAttributes) */
NTSTATUS nt_NtCreateDirectoryObject(struct nt_call *c)
{
	uint32_t access = access_map_generic((uint32_t)c->args[1], &dir_mapping);
	struct object_name nm;
	struct object_dir *d;
	NTSTATUS st;

	if ((st = object_create_begin(c, c->args[2], &object_dir_ops, access, c->args[0], &nm)) !=
	    LSW_STATUS_SUCCESS)
		return st;
	if (!(d = object_dir_new())) {
		object_name_remove(&nm);
		return LSW_STATUS_NO_MEMORY;
	}
	d->name = nm;
	return object_create_end(c, &d->hdr, &d->name, access, c->args[0]);
}

/* NtCreateDirectoryObjectEx(DirectoryHandle, DesiredAccess, ObjectAttributes,
 *                           ShadowDirectoryHandle, Flags): no shadow
 * directories (an AppContainer's); the rest as NtCreateDirectoryObject. */
NTSTATUS nt_NtCreateDirectoryObjectEx(struct nt_call *c)
{
	if (c->args[3] || (uint32_t)c->args[4])
		return LSW_STATUS_INVALID_PARAMETER;
	return nt_NtCreateDirectoryObject(c);
}

/* NtOpenDirectoryObject(DirectoryHandle, DesiredAccess, ObjectAttributes) */
NTSTATUS nt_NtOpenDirectoryObject(struct nt_call *c)
{
	return object_open_named(c, c->args[2], &object_dir_ops,
				 access_map_generic((uint32_t)c->args[1], &dir_mapping),
				 c->args[0]);
}

/* OBJECT_DIRECTORY_INFORMATION (x64): UNICODE_STRING Name, TypeName. */
#define DIR_INFO_SIZE 32u
#define STATUS_MORE_ENTRIES 0x00000105u

static void put_ustring(uint8_t *at, uint64_t user_buf, size_t off, size_t chars)
{
	uint16_t len = (uint16_t)(chars * 2), max = (uint16_t)(chars * 2 + 2);
	uint64_t ptr = user_buf + off;

	memset(at, 0, 16);
	memcpy(at, &len, 2);
	memcpy(at + 2, &max, 2);
	memcpy(at + 8, &ptr, 8);
}

static size_t entry_strings(const struct object_name *e)
{
	return (e->len + 1 + strlen(e->obj->ops->type_name) + 1) * 2;
}

/* The entries from first on, as many as fit in room (one at most with
 * single): the records, a zeroed one, then their strings.  *count: how
 * many; returns the bytes, or what the first one needs when none fits. */
static size_t layout(const struct object_name *first, bool single, size_t room,
		     size_t *count)
{
	size_t used = DIR_INFO_SIZE, k = 0;

	for (const struct object_name *e = first; e && !(single && k); e = e->next, k++) {
		size_t more = DIR_INFO_SIZE + entry_strings(e);

		if (used + more > room) {
			*count = k;
			return k ? used : used + more;
		}
		used += more;
	}
	*count = k;
	return used;
}

static void fill(uint8_t *out, uint64_t user_buf, const struct object_name *e, size_t k)
{
	size_t off = DIR_INFO_SIZE * (k + 1);

	memset(out, 0, off);
	for (size_t i = 0; i < k; i++, e = e->next) {
		const char *type = e->obj->ops->type_name;
		size_t tl = strlen(type);

		put_ustring(out + i * DIR_INFO_SIZE, user_buf, off, e->len);
		memcpy(out + off, e->leaf, e->len * 2);
		memset(out + off + e->len * 2, 0, 2);
		off += e->len * 2 + 2;
		put_ustring(out + i * DIR_INFO_SIZE + 16, user_buf, off, tl);
		for (size_t j = 0; j <= tl; j++) {
			uint16_t ch = (uint8_t)type[j];

			memcpy(out + off + j * 2, &ch, 2);
		}
		off += tl * 2 + 2;
	}
}

static bool nt_error(NTSTATUS st)
{
	return ((uint32_t)st >> 30) == 3;
}

/* Writes the records (out[0..n)), ReturnLength and the new context. */
static NTSTATUS query_answer(struct nt_call *c, uint8_t *out, size_t n, uint32_t total,
			     uint32_t context, NTSTATUS st)
{
	if ((n && tracee_write(c->thread, c->args[1], out, n) < 0) ||
	    (c->args[6] && tracee_write(c->thread, c->args[6], &total, 4) < 0) ||
	    (!nt_error(st) && st != (NTSTATUS)LSW_STATUS_NO_MORE_ENTRIES &&
	     tracee_write(c->thread, c->args[5], &context, 4) < 0))
		st = LSW_STATUS_ACCESS_VIOLATION;
	free(out);
	return st;
}

/* NtQueryDirectoryObject(DirectoryHandle, Buffer, Length, ReturnSingleEntry,
 *                        RestartScan, Context, ReturnLength): Context is
 * the index of the next entry. */
NTSTATUS nt_NtQueryDirectoryObject(struct nt_call *c)
{
	uint32_t room = (uint32_t)c->args[2], start = 0;
	bool single = (uint8_t)c->args[3];
	const struct object_name *e, *rest;
	struct object_dir *d;
	size_t k, used;
	uint8_t *out;
	NTSTATUS st = LSW_STATUS_SUCCESS;

	if (!(d = (struct object_dir *)object_from_handle(c, c->args[0], &object_dir_ops,
							  DIRECTORY_QUERY, &st)))
		return st;
	if (tracee_read(c->thread, c->args[5], &start, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if ((uint8_t)c->args[4])
		start = 0;
	if (d->keeper)
		d->keeper->refresh(c->thread->process->host, d, NULL, 0);
	e = d->entries;
	for (uint32_t i = 0; e && i < start; i++)
		e = e->next;
	used = e ? layout(e, single, room, &k) : DIR_INFO_SIZE;
	if (!e || (!single && !k)) { /* nothing left, or not even one fits */
		if (!(out = calloc(1, DIR_INFO_SIZE)))
			return LSW_STATUS_NO_MEMORY;
		return query_answer(c, out, room >= DIR_INFO_SIZE ? DIR_INFO_SIZE : 0,
				    DIR_INFO_SIZE, start,
				    e ? STATUS_MORE_ENTRIES : (NTSTATUS)LSW_STATUS_NO_MORE_ENTRIES);
	}
	if (!k)
		return query_answer(c, NULL, 0, (uint32_t)used, start, LSW_STATUS_BUFFER_TOO_SMALL);
	if (!(out = malloc(used)))
		return LSW_STATUS_NO_MEMORY;
	fill(out, c->args[1], e, k);
	rest = e;
	for (size_t i = 0; i < k; i++)
		rest = rest->next;
	if (!single && rest)
		st = STATUS_MORE_ENTRIES;
	return query_answer(c, out, used, (uint32_t)used, start + (uint32_t)k, st);
}
