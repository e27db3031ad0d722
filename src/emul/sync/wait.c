/*
 * NtWaitForSingleObject, NtWaitForMultipleObjects,
 * NtSignalAndWaitForSingleObject: the handle checks; waitable.c waits.
 * Alertable waits would also return for a user APC; there are none yet,
 * so Alertable changes nothing.
 */
#include "emul/sync/event.h"
#include "emul/io/file.h"
#include "emul/system/kuser.h"
#include "emul/sync/sync.h"
#include "emul/sync/apc.h"
#include "emul/sync/waitable.h"
#include "emul/process/process_object.h"
#include "emul/process/thread.h"
#include "tracer/loop.h"

#define STATUS_INVALID_PARAMETER_MIX 0xC0000030u
enum { WaitAll, WaitAny };

/* A relative timeout of ns from now, or, for the retry of a wait given up
 * and made again, what is left of the first try's. */
static uint64_t relative_left(struct nt_call *c, uint64_t ns)
{
	struct lsw_thread *t = c->thread;
	uint64_t now = loop_now_ns(), end = ns >= UINT64_MAX - now ? UINT64_MAX : now + ns;

	if (t->restart_deadline && t->restart_number == c->number)
		end = t->restart_deadline;
	t->restart_deadline = 0;
	t->wait_deadline = end;
	return end == UINT64_MAX ? UINT64_MAX : end > now ? end - now : 0;
}

NTSTATUS wait_timeout_read(struct nt_call *c, uint64_t ptr, uint64_t *out)
{
	int64_t t;

	*out = UINT64_MAX;
	c->thread->wait_deadline = 0;
	if (!ptr)
		return LSW_STATUS_SUCCESS;
	if (tracee_read(c->thread, ptr, &t, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (t == INT64_MIN)
		return LSW_STATUS_SUCCESS;
	if (t < 0) {
		uint64_t ticks = (uint64_t)-t;

		*out = relative_left(c, ticks > UINT64_MAX / 200 ? UINT64_MAX : ticks * 100);
	} else {
		uint64_t now = nt_system_time();

		*out = (uint64_t)t > now ? ((uint64_t)t - now) * 100 : 0;
	}
	return LSW_STATUS_SUCCESS;
}

struct nt_object *wait_target(struct nt_call *c, uint64_t h, NTSTATUS *st)
{
	struct lsw_process *p = c->thread->process;
	struct nt_object *obj = handle_get(p, h, NULL, st);

	if (!obj)
		return NULL;
	if (!(handle_access(p, h) & SYNCHRONIZE_RIGHT)) {
		*st = LSW_STATUS_ACCESS_DENIED;
		return NULL;
	}
	if (!waitable_of(obj) && obj->ops != &file_ops) {
		*st = LSW_STATUS_OBJECT_TYPE_MISMATCH; /* keys, sections: not waitable */
		return NULL;
	}
	return obj;
}

/* The object a pseudo-handle names, a reference; NULL: h is none. */
static struct nt_object *pseudo_target(struct nt_call *c, uint64_t h, NTSTATUS *st)
{
	struct nt_object *obj = NULL;

	if (h == NT_CURRENT_PROCESS_HANDLE)
		obj = process_object_get(c->thread->process);
	else if (h == NT_CURRENT_THREAD_HANDLE)
		obj = thread_object_get(c->thread);
	else
		return NULL;
	if (!obj)
		*st = LSW_STATUS_NO_MEMORY;
	return obj;
}

/* NtWaitForSingleObject(Handle, Alertable, Timeout).  As on Windows it
 * takes the current process and thread pseudo-handles (which cannot be
 * signalled while the caller waits: the timeout ends it), where
 * NtWaitForMultipleObjects refuses them. */
NTSTATUS nt_NtWaitForSingleObject(struct nt_call *c)
{
	struct nt_object *obj, *pseudo;
	uint64_t ns;
	NTSTATUS st = LSW_STATUS_SUCCESS;

	pseudo = pseudo_target(c, c->args[0], &st);
	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (!(obj = pseudo) && !(obj = wait_target(c, c->args[0], &st)))
		return st;
	if ((st = wait_timeout_read(c, c->args[2], &ns)) == LSW_STATUS_SUCCESS &&
	    (st = apc_alertable(c, (uint8_t)c->args[1])) == LSW_STATUS_SUCCESS)
		st = wait_objects(c, &obj, 1, false, ns);
	if (pseudo)
		object_unref(pseudo); /* a blocked wait holds its own */
	return st;
}

/* NtWaitForMultipleObjects(Count, Handles, WaitType, Alertable, Timeout) */
NTSTATUS nt_NtWaitForMultipleObjects(struct nt_call *c)
{
	uint32_t n = (uint32_t)c->args[0], type = (uint32_t)c->args[2];
	struct nt_object *objs[WAIT_MAX_OBJECTS];
	uint64_t handles[WAIT_MAX_OBJECTS], ns;
	NTSTATUS st;

	if (n == 0 || n > WAIT_MAX_OBJECTS)
		return LSW_STATUS_INVALID_PARAMETER_1;
	if (type != WaitAll && type != WaitAny)
		return LSW_STATUS_INVALID_PARAMETER_3;
	if (tracee_read(c->thread, c->args[1], handles, n * 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	for (uint32_t i = 0; i < n; i++) {
		if (!(objs[i] = wait_target(c, handles[i], &st)))
			return st;
		/* waiting for all of one object twice is a contradiction */
		for (uint32_t j = 0; type == WaitAll && j < i; j++)
			if (objs[j] == objs[i])
				return STATUS_INVALID_PARAMETER_MIX;
	}
	if ((st = wait_timeout_read(c, c->args[4], &ns)) != LSW_STATUS_SUCCESS ||
	    (st = apc_alertable(c, (uint8_t)c->args[3])) != LSW_STATUS_SUCCESS)
		return st;
	return wait_objects(c, objs, n, type == WaitAll, ns);
}

/* Signals an event, releases a mutant or a semaphore (once). */
static NTSTATUS signal_object(struct nt_call *c, uint64_t h)
{
	struct lsw_process *p = c->thread->process;
	uint32_t access = handle_access(p, h);
	struct nt_object *obj;
	int32_t prev;
	NTSTATUS st;

	if (!(obj = handle_get(p, h, NULL, &st)))
		return st;
	if (obj->ops == &mutant_ops)
		return mutant_release(obj, c->thread, &prev);
	if (obj->ops != &event_ops && obj->ops != &semaphore_ops)
		return LSW_STATUS_OBJECT_TYPE_MISMATCH;
	if (!(access & SYNC_MODIFY_STATE))
		return LSW_STATUS_ACCESS_DENIED;
	if (obj->ops == &semaphore_ops)
		return semaphore_release(obj, 1, &prev);
	event_signal(obj);
	return LSW_STATUS_SUCCESS;
}

/* NtSignalAndWaitForSingleObject(SignalHandle, WaitHandle, Alertable,
 *                                Timeout): one step, as nothing else runs
 * in the supervisor between the two. */
NTSTATUS nt_NtSignalAndWaitForSingleObject(struct nt_call *c)
{
	struct nt_object *obj;
	uint64_t ns;
	NTSTATUS st;

	if (!(obj = wait_target(c, c->args[1], &st)))
		return st;
	if ((st = wait_timeout_read(c, c->args[3], &ns)) != LSW_STATUS_SUCCESS)
		return st;
	if ((st = signal_object(c, c->args[0])) != LSW_STATUS_SUCCESS ||
	    (st = apc_alertable(c, (uint8_t)c->args[2])) != LSW_STATUS_SUCCESS)
		return st;
	return wait_objects(c, &obj, 1, false, ns);
}
