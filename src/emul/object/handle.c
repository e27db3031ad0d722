/* Handle tables: values 4, 8, 12, ... as on Windows; the low two bits are
 * ignored on lookup (they are free for the caller's use, e.g. console tags). */
#include <stdio.h>
#include <stdlib.h>
#include "emul/object/object.h"

#define MAX_HANDLES (1u << 20)

void object_init(struct nt_object *obj, const struct nt_object_ops *ops)
{
	obj->ops = ops;
	obj->refs = 1;
}

struct nt_object *object_ref(struct nt_object *obj)
{
	obj->refs++;
	return obj;
}

void object_unref(struct nt_object *obj)
{
	if (obj && --obj->refs == 0)
		obj->ops->destroy(obj);
}

uint64_t handle_alloc(struct lsw_process *p, struct nt_object *obj, uint32_t access)
{
	struct handle_table *ht = &p->handles;
	size_t i;

	for (i = 0; i < ht->n; i++)
		if (!ht->e[i].obj)
			break;
	if (i == ht->n) {
		size_t cap = ht->n ? ht->n * 2 : 64;
		struct handle_entry *ne;

		if (cap > MAX_HANDLES)
			return 0;
		ne = realloc(ht->e, cap * sizeof(*ne));
		if (!ne)
			return 0;
		for (size_t j = ht->n; j < cap; j++)
			ne[j] = (struct handle_entry){ 0 };
		ht->e = ne;
		ht->n = cap;
	}
	ht->e[i] = (struct handle_entry){ object_ref(obj), access };
	return (i + 1) * 4;
}

#define OBJ_INHERIT 0x2u
#define HANDLE_FLAG_INHERIT 1u

uint64_t handle_alloc_call(struct nt_call *c, struct nt_object *obj, uint32_t access)
{
	struct lsw_process *p = c->thread->process;
	uint64_t h = handle_alloc(p, obj, access);

	if (h && (c->oa_attributes & OBJ_INHERIT))
		p->handles.e[h / 4 - 1].flags |= HANDLE_FLAG_INHERIT;
	return h;
}

/* Makes child's table at least n entries long. */
static int table_reserve(struct handle_table *ht, size_t n)
{
	struct handle_entry *ne;

	if (n <= ht->n)
		return 0;
	ne = realloc(ht->e, n * sizeof(*ne));
	if (!ne)
		return -1;
	for (size_t j = ht->n; j < n; j++)
		ne[j] = (struct handle_entry){ 0 };
	ht->e = ne;
	ht->n = n;
	return 0;
}

/* One inheritable handle of the parent at the same value in the child. */
static int inherit_one(struct lsw_process *child, const struct handle_entry *pe, size_t i)
{
	if (!pe->obj || !(pe->flags & HANDLE_FLAG_INHERIT))
		return 0;
	if (table_reserve(&child->handles, child->handles.n > i ? child->handles.n : i + 1) < 0)
		return -1;
	if (child->handles.e[i].obj)
		return 0;
	child->handles.e[i] = (struct handle_entry){ object_ref(pe->obj), pe->access, pe->flags };
	return 0;
}

int handle_inherit(struct lsw_process *parent, struct lsw_process *child,
		   const uint64_t *list, size_t n)
{
	const struct handle_table *pt = &parent->handles;

	if (table_reserve(&child->handles, pt->n) < 0)
		return -1;
	if (!list) {
		for (size_t i = 0; i < pt->n; i++)
			if (inherit_one(child, &pt->e[i], i) < 0)
				return -1;
		return 0;
	}
	for (size_t k = 0; k < n; k++) {
		uint64_t i = list[k] >> 2;

		if (i && i <= pt->n && list[k] <= 0xFFFFFFFFull &&
		    inherit_one(child, &pt->e[i - 1], i - 1) < 0)
			return -1;
	}
	return 0;
}

size_t handle_count(const struct lsw_process *p)
{
	size_t n = 0;

	for (size_t i = 0; i < p->handles.n; i++)
		n += p->handles.e[i].obj != NULL;
	return n;
}

static struct handle_entry *entry(struct lsw_process *p, uint64_t h)
{
	uint64_t i = (h >> 2);

	if (i == 0 || i > p->handles.n || h > 0xFFFFFFFFull)
		return NULL;
	return p->handles.e[i - 1].obj ? &p->handles.e[i - 1] : NULL;
}

struct nt_object *handle_get(struct lsw_process *p, uint64_t h,
			     const struct nt_object_ops *ops, NTSTATUS *status)
{
	struct handle_entry *e = entry(p, h);

	if (!e) {
		*status = LSW_STATUS_INVALID_HANDLE;
		return NULL;
	}
	if (ops && e->obj->ops != ops) {
		*status = LSW_STATUS_OBJECT_TYPE_MISMATCH;
		return NULL;
	}
	return e->obj;
}

uint32_t *handle_flags(struct lsw_process *p, uint64_t h)
{
	struct handle_entry *e = entry(p, h);

	return e ? &e->flags : NULL;
}

uint32_t handle_access(struct lsw_process *p, uint64_t h)
{
	struct handle_entry *e = entry(p, h);

	return e ? e->access : 0;
}

NTSTATUS handle_close(struct lsw_process *p, uint64_t h)
{
	struct handle_entry *e = entry(p, h);

	if (!e)
		return LSW_STATUS_INVALID_HANDLE;
	object_unref(e->obj);
	e->obj = NULL;
	return LSW_STATUS_SUCCESS;
}

const char *handle_describe(struct lsw_process *p, uint64_t h, char *buf, size_t len)
{
	struct handle_entry *e;

	if (h == NT_CURRENT_PROCESS_HANDLE)
		return "current process";
	if (h == NT_CURRENT_THREAD_HANDLE)
		return "current thread";
	e = entry(p, h);
	if (!e)
		return "";
	if (e->obj->ops->describe)
		e->obj->ops->describe(e->obj, buf, len);
	else
		snprintf(buf, len, "%s", e->obj->ops->type_name);
	return buf;
}

void handle_table_free(struct lsw_process *p)
{
	for (size_t i = 0; i < p->handles.n; i++)
		object_unref(p->handles.e[i].obj);
	free(p->handles.e);
	p->handles.e = NULL;
	p->handles.n = 0;
}

#define STATUS_HANDLE_NOT_CLOSABLE 0xC0000235u
#define HANDLE_FLAG_PROTECT_FROM_CLOSE 2u

/* NtClose(Handle).  A handle protected from closing (SetHandleInformation)
 * stays open. */
NTSTATUS nt_NtClose(struct nt_call *c)
{
	uint64_t h = c->args[0];
	uint32_t *flags;

	if (h == NT_CURRENT_PROCESS_HANDLE || h == NT_CURRENT_THREAD_HANDLE)
		return LSW_STATUS_SUCCESS;
	flags = handle_flags(c->thread->process, h);
	if (flags && (*flags & HANDLE_FLAG_PROTECT_FROM_CLOSE))
		return STATUS_HANDLE_NOT_CLOSABLE;
	return handle_close(c->thread->process, h);
}
