/*
 * NtWaitForSingleObject.  What can be waited on so far: events (event.c),
 * and files, which are signalled whenever no I/O is in flight (all file
 * I/O here completes before its call returns).  Alertable waits would
 * also return for a user APC; there are none yet.
 */
#include "emul/event.h"
#include "emul/file.h"
#include "emul/kuser.h"
#include "tracer/loop.h"

#define SYNCHRONIZE_RIGHT 0x00100000u

/* A timeout argument (NULL: none; negative: relative 100 ns units;
 * positive: an absolute system time) as nanoseconds from now. */
static NTSTATUS timeout_ns(struct nt_call *c, uint64_t ptr, uint64_t *out)
{
	int64_t t;

	*out = UINT64_MAX;
	if (!ptr)
		return LSW_STATUS_SUCCESS;
	if (tracee_read(c->thread, ptr, &t, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (t == INT64_MIN)
		return LSW_STATUS_SUCCESS;
	if (t < 0) {
		uint64_t ticks = (uint64_t)-t;

		*out = ticks > UINT64_MAX / 200 ? UINT64_MAX : ticks * 100;
	} else {
		uint64_t now = nt_system_time();

		*out = (uint64_t)t > now ? ((uint64_t)t - now) * 100 : 0;
	}
	return LSW_STATUS_SUCCESS;
}

/* NtWaitForSingleObject(Handle, Alertable, Timeout) */
NTSTATUS nt_NtWaitForSingleObject(struct nt_call *c)
{
	struct lsw_process *p = c->thread->process;
	struct nt_object *obj;
	uint64_t ns;
	NTSTATUS st;

	if (!(obj = handle_get(p, c->args[0], NULL, &st)))
		return st;
	if (!(handle_access(p, c->args[0]) & SYNCHRONIZE_RIGHT))
		return LSW_STATUS_ACCESS_DENIED;
	if ((st = timeout_ns(c, c->args[2], &ns)) != LSW_STATUS_SUCCESS)
		return st;
	if (obj->ops == &event_ops)
		return event_wait(c, obj, ns);
	if (obj->ops == &file_ops)
		return LSW_STATUS_SUCCESS;
	return LSW_STATUS_NOT_IMPLEMENTED; /* processes, threads, mutants...: issue 6 */
}
