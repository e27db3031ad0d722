/*
 * Semaphores: NtCreateSemaphore, NtOpenSemaphore, NtReleaseSemaphore,
 * NtQuerySemaphore.  Signalled while the count is above zero; each
 * satisfied wait takes one; a release may not lift it over the maximum.
 */
#include <stdlib.h>
#include "emul/object/object_names.h"
#include "emul/sync/sync.h"
#include "emul/sync/waitable.h"

#define SEMAPHORE_ALL_ACCESS 0x1F0003
#define STATUS_SEMAPHORE_LIMIT_EXCEEDED 0xC0000047u

struct semaphore {
	struct nt_object hdr;
	struct waitable wait;
	struct object_name name;
	int32_t count, max;
};

static const struct generic_mapping semaphore_mapping = {
	STANDARD_READ | SYNC_QUERY_STATE, STANDARD_READ | SYNC_MODIFY_STATE,
	STANDARD_READ | SYNCHRONIZE_RIGHT, SEMAPHORE_ALL_ACCESS,
};

static void semaphore_destroy(struct nt_object *obj)
{
	struct semaphore *s = (struct semaphore *)obj;

	object_name_remove(&s->name);
	free(s);
}

static void semaphore_describe(struct nt_object *obj, char *buf, size_t len)
{
	object_name_describe(&((struct semaphore *)obj)->name, buf, len);
}

static bool semaphore_signaled(struct nt_object *obj, struct lsw_thread *t)
{
	(void)t;
	return ((struct semaphore *)obj)->count > 0;
}

static bool semaphore_acquire(struct nt_object *obj, struct lsw_thread *t)
{
	(void)t;
	((struct semaphore *)obj)->count--;
	return false;
}

static const struct waitable_ops semaphore_wait_ops = { semaphore_signaled,
							semaphore_acquire };

static struct waitable *semaphore_waitable(struct nt_object *obj)
{
	return &((struct semaphore *)obj)->wait;
}

const struct nt_object_ops semaphore_ops = {
	.type_name = "Semaphore",
	.destroy = semaphore_destroy,
	.describe = semaphore_describe,
	.waitable = semaphore_waitable,
	.valid_access = SEMAPHORE_ALL_ACCESS,
};

NTSTATUS semaphore_release(struct nt_object *obj, int32_t count, int32_t *prev)
{
	struct semaphore *s = (struct semaphore *)obj;

	if (count <= 0)
		return LSW_STATUS_INVALID_PARAMETER;
	if (count > s->max - s->count)
		return STATUS_SEMAPHORE_LIMIT_EXCEEDED;
	*prev = s->count;
	s->count += count;
	waitable_wake(obj);
	return LSW_STATUS_SUCCESS;
}

/* NtCreateSemaphore(SemaphoreHandle, DesiredAccess, ObjectAttributes,
 *                   InitialCount, MaximumCount) */
NTSTATUS nt_NtCreateSemaphore(struct nt_call *c)
{
	uint32_t access = access_map_generic((uint32_t)c->args[1], &semaphore_mapping);
	int32_t initial = (int32_t)c->args[3], max = (int32_t)c->args[4];
	struct object_name nm;
	struct semaphore *s;
	NTSTATUS st;

	if ((st = object_handle_out_clear(c, c->args[0])) != LSW_STATUS_SUCCESS)
		return st;
	if (max <= 0 || initial < 0 || initial > max)
		return LSW_STATUS_INVALID_PARAMETER;
	if ((st = object_create_begin(c, c->args[2], &semaphore_ops, access, c->args[0],
				      &nm)) != LSW_STATUS_SUCCESS)
		return st;
	if (!(s = calloc(1, sizeof(*s)))) {
		object_name_remove(&nm);
		return LSW_STATUS_NO_MEMORY;
	}
	object_init(&s->hdr, &semaphore_ops);
	waitable_init(&s->wait, &semaphore_wait_ops);
	s->name = nm;
	s->count = initial;
	s->max = max;
	return object_create_end(c, &s->hdr, &s->name, access, c->args[0]);
}

/* NtOpenSemaphore(SemaphoreHandle, DesiredAccess, ObjectAttributes) */
NTSTATUS nt_NtOpenSemaphore(struct nt_call *c)
{
	return object_open_named(c, c->args[2], &semaphore_ops,
				 access_map_generic((uint32_t)c->args[1], &semaphore_mapping),
				 c->args[0]);
}

/* NtReleaseSemaphore(SemaphoreHandle, ReleaseCount, PreviousCount) */
NTSTATUS nt_NtReleaseSemaphore(struct nt_call *c)
{
	NTSTATUS st;
	struct nt_object *s = object_from_handle(c, c->args[0], &semaphore_ops,
						 SYNC_MODIFY_STATE, &st);
	int32_t prev;

	if (!s)
		return st;
	if ((st = semaphore_release(s, (int32_t)c->args[1], &prev)) != LSW_STATUS_SUCCESS)
		return st;
	if (c->args[2] && tracee_write(c->thread, c->args[2], &prev, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

/* NtQuerySemaphore(SemaphoreHandle, SemaphoreInformationClass,
 *                  SemaphoreInformation, SemaphoreInformationLength,
 *                  ReturnLength): SemaphoreBasicInformation is
 * { LONG CurrentCount; LONG MaximumCount; }. */
NTSTATUS nt_NtQuerySemaphore(struct nt_call *c)
{
	NTSTATUS st;
	struct semaphore *s = (struct semaphore *)object_from_handle(
		c, c->args[0], &semaphore_ops, SYNC_QUERY_STATE, &st);
	int32_t info[2];
	uint32_t len = sizeof(info);

	if (!s)
		return st;
	if ((uint32_t)c->args[1] != 0 /* SemaphoreBasicInformation */)
		return LSW_STATUS_INVALID_INFO_CLASS;
	if ((uint32_t)c->args[3] != sizeof(info))
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	info[0] = s->count;
	info[1] = s->max;
	if (tracee_write(c->thread, c->args[2], info, sizeof(info)) < 0 ||
	    (c->args[4] && tracee_write(c->thread, c->args[4], &len, 4) < 0))
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}
