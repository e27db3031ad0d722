/*
 * SystemHandleInformation and SystemExtendedHandleInformation: every
 * handle the processes of the caller's sandbox hold (it sees no other),
 * with its process, value, access, flags and object type.  The object's
 * address is a kernel-looking value that names the object (two handles to
 * one object give the same) without telling where the supervisor keeps it.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include "emul/object/object.h"
#include "emul/object/object_types.h"
#include "emul/system/sysinfo.h"

#define ENTRY_SIZE 24     /* SYSTEM_HANDLE_TABLE_ENTRY_INFO */
#define HEADER_SIZE 8     /* ULONG NumberOfHandles, aligned */
#define ENTRY_EX_SIZE 40  /* SYSTEM_HANDLE_TABLE_ENTRY_INFO_EX */
#define HEADER_EX_SIZE 16 /* ULONG_PTR NumberOfHandles, Reserved */
#define KERNEL_BASE 0xFFFF800000000000ull

struct handle_ref {
	const struct lsw_process *p;
	uint64_t value;
	const struct handle_entry *e;
};

static void put(uint8_t *b, size_t off, uint64_t v, size_t n)
{
	memcpy(b + off, &v, n);
}

static uint64_t object_address(const struct nt_object *o)
{
	static uint64_t key;

	while (!key && getrandom(&key, sizeof(key), 0) != sizeof(key))
		;
	return KERNEL_BASE | (((uintptr_t)o ^ key) & 0x7FFFFFFFFFF0ull);
}

/* OBJ_INHERIT 2, OBJ_PROTECT_CLOSE 1 from the table's HANDLE_FLAG_* */
static uint32_t attributes(const struct handle_entry *e)
{
	return (e->flags & 1 ? 2u : 0u) | (e->flags & 2 ? 1u : 0u);
}

static uint8_t type_index(const struct nt_object *o)
{
	const struct object_type *t = object_type_find(o->ops->type_name);

	return t ? t->index : 0;
}

static void put_entry(uint8_t *b, const struct handle_ref *h)
{
	put(b, 0, h->p->win_pid, 4);
	b[4] = type_index(h->e->obj);
	b[5] = (uint8_t)attributes(h->e);
	put(b, 6, h->value, 2);
	put(b, 8, object_address(h->e->obj), 8);
	put(b, 16, h->e->access, 4);
}

static void put_entry_ex(uint8_t *b, const struct handle_ref *h)
{
	put(b, 0, object_address(h->e->obj), 8);
	put(b, 8, h->p->win_pid, 8);
	put(b, 16, h->value, 8);
	put(b, 24, h->e->access, 4);
	put(b, 30, type_index(h->e->obj), 2);
	put(b, 32, attributes(h->e), 4);
}

/* The handles of the caller's job, entries of entry bytes after header
 * (count, of count_size bytes, first): NULL when out of memory. */
static uint8_t *build(const struct lsw_process *caller, size_t header, size_t count_size,
		      size_t entry, void (*fill)(uint8_t *, const struct handle_ref *),
		      size_t *len)
{
	size_t n = 0;
	uint8_t *buf;

	for (const struct lsw_process *p = caller->host->processes; p; p = p->next)
		for (size_t i = 0; p->job == caller->job && !p->reaped && i < p->handles.n; i++)
			n += p->handles.e[i].obj != NULL;
	if (!(buf = calloc(1, header + n * entry)))
		return NULL;
	n = 0;
	for (const struct lsw_process *p = caller->host->processes; p; p = p->next) {
		if (p->job != caller->job || p->reaped)
			continue;
		for (size_t i = 0; i < p->handles.n; i++) {
			struct handle_ref h = { p, (i + 1) * 4, &p->handles.e[i] };

			if (h.e->obj)
				fill(buf + header + n++ * entry, &h);
		}
	}
	put(buf, 0, n, count_size);
	*len = header + n * entry;
	return buf;
}

static NTSTATUS answer(struct nt_call *c, size_t header, size_t count_size, size_t entry,
		       void (*fill)(uint8_t *, const struct handle_ref *))
{
	size_t len;
	uint8_t *buf = build(c->thread->process, header, count_size, entry, fill, &len);
	NTSTATUS st;

	if (!buf)
		return LSW_STATUS_NO_MEMORY;
	st = sysinfo_answer(c, buf, (uint32_t)len);
	free(buf);
	return st;
}

NTSTATUS sysinfo_handles(struct nt_call *c)
{
	return answer(c, HEADER_SIZE, 4, ENTRY_SIZE, put_entry);
}

NTSTATUS sysinfo_handles_ex(struct nt_call *c)
{
	return answer(c, HEADER_EX_SIZE, 8, ENTRY_EX_SIZE, put_entry_ex);
}
