/*
 * NtGetNextProcess and NtGetNextThread: walk the processes of the
 * caller's sandbox (its job, as NtOpenProcess sees them) or the threads
 * of one process, one new handle per step, in creation order (Flags 1:
 * newest first).  The handle of the step before says where the walk is;
 * the end is STATUS_NO_MORE_ENTRIES.  The process table keeps the newest
 * first, so its oldest-first step is the entry whose next is the current
 * one; threads carry their creation serial.
 */
#include "emul/object/object_names.h"
#include "emul/process/process_object.h"
#include "emul/process/thread.h"

#define STATUS_NO_MORE_ENTRIES 0x8000001Au
#define NEXT_REVERSE 1u

static bool process_listed(const struct lsw_process *caller, const struct lsw_process *p)
{
	return p->job == caller->job && !p->reaped;
}

/* The process after prev (NULL: the first) in the walk's order. */
static struct lsw_process *next_process(struct lsw_process *caller, struct lsw_process *prev,
					bool reverse)
{
	struct lsw_process *found = NULL;

	for (struct lsw_process *p = reverse && prev ? prev->next : caller->host->processes; p;
	     p = p->next) {
		if (reverse && process_listed(caller, p))
			return p;
		if (!reverse && p == prev)
			return found;
		if (!reverse && process_listed(caller, p))
			found = p; /* the oldest before prev so far */
	}
	return reverse || prev ? NULL : found;
}

static bool thread_listed(const struct lsw_thread *t)
{
	return !t->exited || t->object; /* an ended one while its object lives */
}

/* The thread after prev (NULL: the first) in creation order, or before
 * it when reverse: the list itself is kept in the order threads were
 * last looked up, so the serials decide. */
static struct lsw_thread *next_thread(struct lsw_process *p, struct lsw_thread *prev,
				      bool reverse)
{
	struct lsw_thread *best = NULL;

	for (struct lsw_thread *t = p->threads; t; t = t->next) {
		if (!thread_listed(t) || t == prev)
			continue;
		if (prev && (reverse ? t->serial > prev->serial : t->serial < prev->serial))
			continue;
		if (!best || (reverse ? t->serial > best->serial : t->serial < best->serial))
			best = t;
	}
	return best;
}

/* A handle to obj (a reference the caller gave up) into out. */
static NTSTATUS give(struct nt_call *c, struct nt_object *obj, uint32_t access,
		     uint32_t attributes, uint64_t out)
{
	NTSTATUS st;

	if (!obj)
		return LSW_STATUS_NO_MEMORY;
	c->oa_attributes = attributes; /* OBJ_INHERIT */
	st = object_give_handle(c, obj, access, out);
	object_unref(obj);
	return st;
}

/* NtGetNextProcess(ProcessHandle, DesiredAccess, HandleAttributes, Flags,
 *                  NewProcessHandle) */
NTSTATUS nt_NtGetNextProcess(struct nt_call *c)
{
	struct lsw_process *caller = c->thread->process, *prev = NULL, *next;
	uint32_t flags = (uint32_t)c->args[3];
	NTSTATUS st;

	if ((st = object_handle_out_clear(c, c->args[4])) != LSW_STATUS_SUCCESS)
		return st;
	if (flags & ~NEXT_REVERSE)
		return LSW_STATUS_INVALID_PARAMETER;
	if (c->args[0]) {
		struct process_object *o = process_from_handle(c, c->args[0], 0, &st);

		if (!o)
			return st;
		if (!(prev = o->process)) /* it ended: its place is gone */
			return STATUS_NO_MORE_ENTRIES;
	}
	if (!(next = next_process(caller, prev, flags & NEXT_REVERSE)))
		return STATUS_NO_MORE_ENTRIES;
	return give(c, process_object_get(next), process_access_map((uint32_t)c->args[1]),
		    (uint32_t)c->args[2], c->args[4]);
}

/* NtGetNextThread(ProcessHandle, ThreadHandle, DesiredAccess,
 *                 HandleAttributes, Flags, NewThreadHandle) */
NTSTATUS nt_NtGetNextThread(struct nt_call *c)
{
	uint32_t flags = (uint32_t)c->args[4];
	struct lsw_thread *prev = NULL, *next;
	struct process_object *o;
	NTSTATUS st;

	if ((st = object_handle_out_clear(c, c->args[5])) != LSW_STATUS_SUCCESS)
		return st;
	if (flags & ~NEXT_REVERSE)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(o = process_from_handle(c, c->args[0], 0, &st)))
		return st;
	if (!o->process)
		return STATUS_NO_MORE_ENTRIES;
	if (c->args[1] && !(prev = thread_from_handle(c, c->args[1], 0, &st)))
		return st;
	if (prev && prev->process != o->process)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(next = next_thread(o->process, prev, flags & NEXT_REVERSE)))
		return STATUS_NO_MORE_ENTRIES;
	return give(c, thread_object_get(next), thread_access_map((uint32_t)c->args[2]),
		    (uint32_t)c->args[3], c->args[5]);
}
