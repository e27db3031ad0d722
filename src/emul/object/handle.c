/* Handle tables: values 4, 8, 12, ... as on Windows; the low two bits are
 * ignored on lookup (they are free for the caller's use, e.g. console tags). */
#include <stdio.h>
#include <stdlib.h>
#include "emul/object/object.h"
#include "emul/object/object_names.h"

void object_init(struct nt_object *obj, const struct nt_object_ops *ops)
{
	*obj = (struct nt_object){ .ops = ops, .refs = 1 };
}

struct nt_object *object_ref(struct nt_object *obj)
{
	obj->refs++;
	return obj;
}

void object_unref(struct nt_object *obj)
{
	struct quota_block *q;

	if (!obj || --obj->refs)
		return;
	q = obj->quota;
	for (int pool = 0; pool < QUOTA_POOLS; pool++)
		quota_block_release(q, pool, obj->charged[pool]);
	free(obj->sd.bytes);
	obj->ops->destroy(obj);
	quota_block_unref(q);
}

NTSTATUS object_charge(struct nt_object *obj, struct lsw_process *p, enum quota_pool pool,
		       uint64_t bytes)
{
	struct quota_block *q = obj->quota ? obj->quota : p->quota;
	NTSTATUS st = quota_block_charge(q, pool, bytes);

	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (!obj->quota)
		obj->quota = quota_block_ref(q);
	obj->charged[pool] += bytes;
	return LSW_STATUS_SUCCESS;
}

static void handle_added(struct nt_object *obj)
{
	obj->handles++;
}

/* The last handle of a temporary named object takes its name away. */
static void handle_removed(struct nt_object *obj)
{
	if (--obj->handles || !obj->name || obj->permanent)
		return;
	object_name_remove(obj->name);
	obj->name = NULL;
}

/* Doubles the table (charged to the paged pool), its new entries on the
 * free list, lowest first. */
static NTSTATUS grow(struct lsw_process *p)
{
	struct handle_table *ht = &p->handles;
	size_t cap = ht->n ? ht->n * 2 : 64;
	struct handle_entry *ne;
	NTSTATUS st;

	if (cap > HANDLES_PER_PROCESS_MAX)
		cap = HANDLES_PER_PROCESS_MAX;
	if (cap <= ht->n)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if ((st = quota_charge(p, QUOTA_PAGED, (cap - ht->n) * sizeof(*ne))) != LSW_STATUS_SUCCESS)
		return st;
	if (!(ne = realloc(ht->e, cap * sizeof(*ne)))) {
		quota_release(p, QUOTA_PAGED, (cap - ht->n) * sizeof(*ne));
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	}
	for (size_t j = ht->n; j < cap; j++)
		ne[j] = (struct handle_entry){ NULL, j + 1 < cap ? (uint32_t)(j + 2) : 0, 0 };
	ht->free_head = (uint32_t)ht->n + 1; /* the list was empty */
	ht->e = ne;
	ht->n = cap;
	return LSW_STATUS_SUCCESS;
}

NTSTATUS handle_create(struct lsw_process *p, struct nt_object *obj, uint32_t access,
		       uint64_t *h)
{
	struct handle_table *ht = &p->handles;
	uint32_t i;
	NTSTATUS st;

	*h = 0;
	if (ht->used >= HANDLES_PER_PROCESS_MAX)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (!obj->charged[QUOTA_NONPAGED] &&
	    (st = object_charge(obj, p, QUOTA_NONPAGED, OBJECT_BODY_CHARGE)) != LSW_STATUS_SUCCESS)
		return st;
	if (!ht->free_head && (st = grow(p)) != LSW_STATUS_SUCCESS)
		return st;
	i = ht->free_head - 1;
	ht->free_head = ht->e[i].access;
	ht->e[i] = (struct handle_entry){ object_ref(obj), access, 0 };
	ht->used++;
	handle_added(obj);
	*h = ((uint64_t)i + 1) * 4;
	return LSW_STATUS_SUCCESS;
}

uint64_t handle_alloc(struct lsw_process *p, struct nt_object *obj, uint32_t access)
{
	uint64_t h;

	return handle_create(p, obj, access, &h) == LSW_STATUS_SUCCESS ? h : 0;
}

#define OBJ_INHERIT 0x2u
#define HANDLE_FLAG_INHERIT 1u

NTSTATUS handle_create_call(struct nt_call *c, struct nt_object *obj, uint32_t access,
			    uint64_t *h)
{
	struct lsw_process *p = c->thread->process;
	NTSTATUS st = handle_create(p, obj, access, h);

	if (st == LSW_STATUS_SUCCESS && (c->oa_attributes & OBJ_INHERIT))
		p->handles.e[*h / 4 - 1].flags |= HANDLE_FLAG_INHERIT;
	return st;
}

uint64_t handle_alloc_call(struct nt_call *c, struct nt_object *obj, uint32_t access)
{
	uint64_t h;

	return handle_create_call(c, obj, access, &h) == LSW_STATUS_SUCCESS ? h : 0;
}

/* Makes child's table at least n entries long, the growth charged to
 * its paged pool as grow() does; the free list is rebuilt afterwards. */
static int table_reserve(struct lsw_process *child, size_t n)
{
	struct handle_table *ht = &child->handles;
	struct handle_entry *ne;

	if (n <= ht->n)
		return 0;
	if (quota_charge(child, QUOTA_PAGED, (n - ht->n) * sizeof(*ne)) != LSW_STATUS_SUCCESS)
		return -1;
	ne = realloc(ht->e, n * sizeof(*ne));
	if (!ne) {
		quota_release(child, QUOTA_PAGED, (n - ht->n) * sizeof(*ne));
		return -1;
	}
	for (size_t j = ht->n; j < n; j++)
		ne[j] = (struct handle_entry){ 0 };
	ht->e = ne;
	ht->n = n;
	return 0;
}

/* Links every empty entry of ht, lowest first, as grow() leaves them. */
static void rebuild_free_list(struct handle_table *ht)
{
	uint32_t next = 0;

	for (size_t j = ht->n; j-- > 0;) {
		if (ht->e[j].obj)
			continue;
		ht->e[j] = (struct handle_entry){ NULL, next, 0 };
		next = (uint32_t)j + 1;
	}
	ht->free_head = next;
}

/* One inheritable handle of the parent at the same value in the child. */
static void inherit_one(struct lsw_process *child, const struct handle_entry *pe, size_t i)
{
	struct handle_table *ht = &child->handles;

	if (!pe->obj || !(pe->flags & HANDLE_FLAG_INHERIT) || ht->e[i].obj)
		return;
	ht->e[i] = (struct handle_entry){ object_ref(pe->obj), pe->access, pe->flags };
	ht->used++;
	handle_added(pe->obj);
}

int handle_inherit(struct lsw_process *parent, struct lsw_process *child,
		   const uint64_t *list, size_t n)
{
	const struct handle_table *pt = &parent->handles;

	if (table_reserve(child, pt->n) < 0)
		return -1;
	if (!list) {
		for (size_t i = 0; i < pt->n; i++)
			inherit_one(child, &pt->e[i], i);
	} else {
		for (size_t k = 0; k < n; k++) {
			uint64_t i = list[k] >> 2;

			if (i && i <= pt->n && list[k] <= 0xFFFFFFFFull)
				inherit_one(child, &pt->e[i - 1], i - 1);
		}
	}
	rebuild_free_list(&child->handles);
	return 0;
}

size_t handle_count(const struct lsw_process *p)
{
	return p->handles.used;
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
	struct nt_object *obj;

	if (!e)
		return LSW_STATUS_INVALID_HANDLE;
	obj = e->obj;
	*e = (struct handle_entry){ NULL, p->handles.free_head, 0 };
	p->handles.free_head = (uint32_t)(e - p->handles.e) + 1;
	p->handles.used--;
	handle_removed(obj);
	object_unref(obj); /* last: its destroy may close handles of its own */
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
	struct handle_table ht = p->handles;

	p->handles = (struct handle_table){ 0 };
	for (size_t i = 0; i < ht.n; i++)
		if (ht.e[i].obj) {
			handle_removed(ht.e[i].obj);
			object_unref(ht.e[i].obj);
		}
	quota_release(p, QUOTA_PAGED, ht.n * sizeof(*ht.e));
	free(ht.e);
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
