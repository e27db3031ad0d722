/*
 * What NtQueryObject tells of object types: OBJECT_TYPE_INFORMATION for
 * one (ObjectTypeInformation) or all of them (ObjectTypesInformation),
 * with the objects and handles of each type the caller's sandbox holds
 * (the high water marks are those counts: no history is kept).
 */
#include <stdlib.h>
#include <string.h>
#include "emul/object/object.h"
#include "emul/object/object_types.h"

#define TYPES_HEADER 8 /* OBJECT_TYPES_INFORMATION: NumberOfTypes, aligned */

static void put(uint8_t *b, size_t off, uint64_t v, size_t n)
{
	memcpy(b + off, &v, n);
}

static int by_address(const void *a, const void *b)
{
	uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;

	return x < y ? -1 : x > y;
}

/* Handles to objects of type t in the caller's job, and how many objects
 * they name. */
static void count(const struct lsw_process *caller, const struct object_type *t,
		  uint32_t *objects, uint32_t *handles)
{
	uintptr_t *seen = NULL;
	size_t n = 0, room = 0;

	*objects = *handles = 0;
	for (const struct lsw_process *p = caller->host->processes; p; p = p->next) {
		if (p->job != caller->job || p->reaped)
			continue;
		for (size_t i = 0; i < p->handles.n; i++) {
			const struct nt_object *o = p->handles.e[i].obj;

			if (!o || strcmp(o->ops->type_name, t->name))
				continue;
			if (n == room) {
				uintptr_t *more;

				room = room * 2 + 64;
				if (!(more = realloc(seen, room * sizeof(*seen))))
					break;
				seen = more;
			}
			seen[n++] = (uintptr_t)o;
		}
	}
	*handles = (uint32_t)n;
	if (n)
		qsort(seen, n, sizeof(*seen), by_address);
	for (size_t i = 0; i < n; i++)
		*objects += !i || seen[i] != seen[i - 1];
	free(seen);
}

uint32_t object_type_record(const struct lsw_process *caller, const struct object_type *t,
			    uint8_t *buf, uint64_t at)
{
	size_t n = strlen(t->name);
	uint32_t objects, handles;

	memset(buf, 0, OBJECT_TYPE_INFO_SIZE);
	count(caller, t, &objects, &handles);
	put(buf, 0, n * 2, 2);                         /* TypeName */
	put(buf, 2, n * 2 + 2, 2);
	put(buf, 8, at + OBJECT_TYPE_INFO_SIZE, 8);
	put(buf, 0x10, objects, 4);                    /* TotalNumberOfObjects */
	put(buf, 0x14, handles, 4);                    /* TotalNumberOfHandles */
	put(buf, 0x28, objects, 4);                    /* HighWaterNumberOfObjects */
	put(buf, 0x2C, handles, 4);                    /* HighWaterNumberOfHandles */
	memcpy(buf + 0x44, t->generic, 16);            /* GenericMapping */
	put(buf, 0x54, t->valid_access, 4);
	buf[0x58] = 1;                                 /* SecurityRequired */
	buf[0x5A] = t->index;                          /* TypeIndex */
	put(buf, 0x5C, t->pool, 4);
	for (size_t i = 0; i <= n; i++)
		put(buf, OBJECT_TYPE_INFO_SIZE + i * 2, (uint8_t)t->name[i], 2);
	return (uint32_t)(OBJECT_TYPE_INFO_SIZE + n * 2 + 2);
}

static size_t align8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

NTSTATUS object_types_query(struct nt_call *c)
{
	size_t total = TYPES_HEADER, types = object_type_count();
	uint32_t len = (uint32_t)c->args[3], need;
	uint8_t *buf = calloc(1, TYPES_HEADER + types * (OBJECT_TYPE_INFO_SIZE + 72));
	NTSTATUS st = LSW_STATUS_SUCCESS;

	if (!buf)
		return LSW_STATUS_NO_MEMORY;
	put(buf, 0, types, 4);
	for (size_t i = 0; i < types; i++)
		total = align8(total + object_type_record(c->thread->process, object_type_at(i),
							  buf + total, c->args[2] + total));
	need = (uint32_t)total;
	/* the count is given whenever it fits, the records only whole */
	if (len < need) {
		st = LSW_STATUS_INFO_LENGTH_MISMATCH;
		if (len >= 4 && tracee_write(c->thread, c->args[2], buf, 4) < 0)
			st = LSW_STATUS_ACCESS_VIOLATION;
	} else if (tracee_write(c->thread, c->args[2], buf, need) < 0) {
		st = LSW_STATUS_ACCESS_VIOLATION;
	}
	free(buf);
	if (c->args[4] && tracee_write(c->thread, c->args[4], &need, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}
